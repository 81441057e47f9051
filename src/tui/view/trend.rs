//! Trends drawn with ratatui's own widgets: the sparkline of the search box and of the
//! categories view, and the full chart of a query (Ctrl-t in the search box), a bar chart
//! with its busiest periods labelled above their bars.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Paragraph, Sparkline, SparklineBar};

use crate::display::width::{truncate, width};
use crate::search::Trend;
use crate::search::trend::Fit;
use crate::tui::boxes::TrendChart;
use crate::tui::core::app::App;

/// The widest a bar of the chart gets: a few periods are not drawn as walls.
const MAX_BAR: usize = 12;

/// A sparkline of `t` across `area`, fitted to its width, the columns of bucket `mark` in the
/// accent style. Returns the fit, to find a bucket's column.
pub fn sparkline(
    frame: &mut Frame,
    app: &App,
    t: &Trend,
    share: bool,
    area: Rect,
    mark: Option<usize>,
) -> Fit {
    let fit = t.fit(usize::from(area.width), share);
    let marked = mark.map(|i| fit.span(i));
    let bars: Vec<SparklineBar> = fit
        .values
        .iter()
        .enumerate()
        .map(|(c, &v)| match &marked {
            Some(cols) if cols.contains(&c) => SparklineBar::from(v).style(Some(app.theme.accent)),
            _ => SparklineBar::from(v),
        })
        .collect();
    let width = u16::try_from(bars.len())
        .unwrap_or(u16::MAX)
        .min(area.width);
    let area = Rect { width, ..area };
    frame.render_widget(Sparkline::default().data(bars).style(app.theme.bar), area);
    fit
}

/// Writes `text` in `row` next to column `at` with an `arrow` pointing at it: after the arrow
/// when it fits there, else before it. Leaves out a text that would cover one written before
/// (`taken`, the columns used so far, kept a column apart) on both sides. Whether it was
/// written.
pub fn mark(
    frame: &mut Frame,
    row: Rect,
    at: u16,
    text: &str,
    arrow: char,
    style: Style,
    taken: &mut Vec<Range<u16>>,
) -> bool {
    let w = u16::try_from(width(text) + 2).unwrap_or(u16::MAX);
    let after = (at, format!("{arrow} {text}"));
    let before = at
        .checked_sub(w - 1)
        .map(|x| (x, format!("{text} {arrow}")));
    let free = |x: u16| {
        let cols = x..x.saturating_add(w);
        x >= row.x
            && cols.end <= row.right()
            && !taken
                .iter()
                .any(|t| t.start <= cols.end && cols.start <= t.end)
    };
    let Some((x, shown)) = [Some(after), before]
        .into_iter()
        .flatten()
        .find(|(x, _)| free(*x))
    else {
        return false;
    };
    let area = Rect::new(x, row.y, w, 1);
    frame.render_widget(Paragraph::new(Line::styled(shown, style)), area);
    taken.push(x..x + w);
    true
}

/// The full chart: what it found over which span, the busiest periods named above their bars,
/// and a bar a period (a run of periods when there are more than columns).
pub fn draw(frame: &mut Frame, app: &App, c: &TrendChart, area: Rect, hint: String) {
    let t = c.trend();
    let what = if c.share {
        "share of all papers"
    } else {
        "matches"
    };
    let query = truncate(&c.query, usize::from(area.width / 2));
    let title = format!(" Trend of {query}: {what} per {} ", t.period.name());
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let [head, marks, bars] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let per = t.per_column(usize::from(bars.width));
    let mut summary = t.summary(c.share);
    if per > 1 {
        summary.push_str(&format!(" ({per} {}s a bar)", t.period.name()));
    }
    // Until the whole archive is read, the chart is of what has been read so far.
    if app.loading.is_some() {
        summary.push_str(" (so far: the archive is still being read)");
    }
    let line = Line::styled(
        truncate(&summary, usize::from(head.width)),
        app.theme.accent,
    );
    frame.render_widget(Paragraph::new(line), head);
    if !t.buckets.is_empty() && bars.height >= 2 && bars.width >= 1 {
        chart(frame, app, c, marks, bars);
    }
}

/// The bars, centred in `area`, and the busiest periods in `marks` above them.
fn chart(frame: &mut Frame, app: &App, c: &TrendChart, marks: Rect, area: Rect) {
    let (t, share) = (c.trend(), c.share);
    let w = usize::from(area.width);
    let cols = t.columns(w);
    let per = t.per_column(w);
    let k = cols.len();
    let gap = usize::from(2 * k <= w + 1);
    let bar_w = ((w + gap) / k).saturating_sub(gap).clamp(1, MAX_BAR);
    let used = k * bar_w + (k - 1) * gap;
    let x0 = area.x + u16::try_from((w.saturating_sub(used)) / 2).unwrap_or(0);
    // Each bar named under it when the names fit, else the span's ends on a line of their own.
    let named = per == 1 && bar_w >= width(&t.label(0));
    let busiest = t.busiest(3, share);
    let bars: Vec<Bar> = cols
        .iter()
        .enumerate()
        .map(|(j, b)| {
            let top = busiest.iter().any(|&i| i / per == j);
            let mut bar = Bar::default()
                .value(b.value(share))
                .text_value(String::new())
                .style(if top { app.theme.accent } else { app.theme.bar });
            if named {
                let v = t.value(j, share);
                bar = bar.label(Line::from(t.label(j)));
                if width(&v) <= bar_w {
                    bar = bar.text_value(v);
                }
            }
            bar
        })
        .collect();
    let used16 = u16::try_from(used).unwrap_or(area.width);
    let bars_h = area.height - u16::from(!named);
    let chart_area = Rect::new(x0, area.y, used16, bars_h).intersection(area);
    let chart = BarChart::vertical(bars)
        .bar_width(u16::try_from(bar_w).unwrap_or(1))
        .bar_gap(u16::try_from(gap).unwrap_or(0))
        .label_style(app.theme.dim);
    frame.render_widget(chart, chart_area);
    if !named {
        let axis = Rect::new(x0, area.bottom() - 1, used16, 1);
        let line = Line::styled(t.ends(used), app.theme.dim);
        frame.render_widget(Paragraph::new(line), axis);
    }
    let mut taken = Vec::new();
    for i in busiest {
        let col = (i / per) * (bar_w + gap) + bar_w / 2;
        let at = x0 + u16::try_from(col).unwrap_or(0);
        let text = format!("{} {}", t.label(i), t.value(i, share));
        mark(frame, marks, at, &text, '▼', app.theme.accent, &mut taken);
    }
}
