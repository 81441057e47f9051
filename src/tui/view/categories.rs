use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::pad;
use crate::tui::boxes::CategoryBox;
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, p: &CategoryBox, area: Rect, hint: String) {
    if let Some(v) = &p.over_time {
        return super::category_trend::draw(frame, app, v, area, hint);
    }
    let followed = if p.followed {
        "· ◆ followed only "
    } else {
        ""
    };
    let title = match p.chosen.len() {
        0 => format!(" Categories: all shown {followed}"),
        n => format!(" Categories: {n} chosen {followed}"),
    };
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let w = inner.width as usize;
    let lines: Vec<Line> = p
        .categories
        .iter()
        .enumerate()
        .skip(p.cursor.offset)
        .take(inner.height as usize)
        .map(|(i, (c, n))| {
            let mark = if p.chosen.contains(c) { "[x] " } else { "[ ] " };
            let count = format!(" {n}");
            let text = format!("{mark}{}{count}", pad(c, w.saturating_sub(4 + count.len())));
            let style = super::frame::box_row_style(app, i == p.cursor.selected);
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
