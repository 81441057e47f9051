//! Categories over time: a sparkline of its share of all papers per period for each category,
//! with its share over the whole span and its peak, and the span's ends under them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{pad, truncate, width};
use crate::tui::boxes::CategoryTrends;
use crate::tui::core::app::App;

/// The widest a category's name is drawn.
const NAME: usize = 16;
/// The peak's text after a sparkline: " peak 2024-W10 100.0%".
const PEAK: usize = 22;

pub fn draw(frame: &mut Frame, app: &App, v: &CategoryTrends, area: Rect, hint: String) {
    let title = format!(
        " Categories over time: share of all papers per {} ",
        v.period.name()
    );
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let Some(first) = v.trends.first().filter(|t| !t.buckets.is_empty()) else {
        let why = if v.names.is_empty() {
            "None of the chosen categories is in the archive"
        } else {
            "The archive has no days"
        };
        let none = Line::styled(why, app.theme.dim);
        return frame.render_widget(Paragraph::new(none), inner);
    };
    let w = usize::from(inner.width);
    let which = if v.chosen {
        "The categories chosen"
    } else {
        "The most common categories"
    };
    let head = format!("{which}; a paper has several, so the shares of a period overlap");
    let line = Line::styled(truncate(&head, w), app.theme.dim);
    frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
    // A row or more a category, between the line above and the span's ends below.
    let room_h = usize::from(inner.height).saturating_sub(2);
    let shown = v.trends.len().min(room_h);
    if shown == 0 {
        return;
    }
    let each = (room_h / shown).clamp(1, 3);
    let nw = v
        .names
        .iter()
        .map(|n| width(n))
        .max()
        .unwrap_or(0)
        .min(NAME);
    let left = nw + 8;
    let room = w.saturating_sub(left + PEAK).max(4);
    let x = inner.x + u16::try_from(left).unwrap_or(0);
    let mut used = 0;
    for (i, (name, t)) in v.names.iter().zip(&v.trends).take(shown).enumerate() {
        let y = inner.y + 1 + u16::try_from(i * each).unwrap_or(0);
        let h = u16::try_from(each).unwrap_or(1);
        let label = format!(
            "{} {:>5.1}% ",
            pad(&truncate(name, nw), nw),
            t.share() * 100.0
        );
        let row = Rect::new(inner.x, y, inner.width, 1);
        frame.render_widget(Paragraph::new(Span::styled(label, app.theme.category)), row);
        let peak = t.busiest(1, true).first().copied();
        let spark = Rect::new(x, y, u16::try_from(room).unwrap_or(0), h).intersection(inner);
        let fit = super::trend::sparkline(frame, app, t, true, spark, peak);
        used = fit.values.len();
        if let Some(p) = peak {
            let text = format!(" peak {} {}", t.label(p), t.value(p, true));
            let after = x + u16::try_from(used).unwrap_or(0);
            let at = Rect::new(after, y + h - 1, u16::try_from(PEAK).unwrap_or(0), 1);
            let line = Line::styled(text, app.theme.dim);
            frame.render_widget(Paragraph::new(line), at.intersection(inner));
        }
    }
    let ends = first.ends(used);
    let y = inner.y + 1 + u16::try_from(shown * each).unwrap_or(0);
    let axis = Rect::new(x, y, inner.width.saturating_sub(x - inner.x), 1);
    let line = Line::styled(ends, app.theme.dim);
    frame.render_widget(Paragraph::new(line), axis.intersection(inner));
}
