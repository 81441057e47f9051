use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::frame::{inner, pane_block, row_style};
use crate::display::width::{pad, truncate, width};
use crate::tui::core::app::App;
use crate::tui::core::day_rows::DayRow;
use crate::tui::core::state::Pane;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let n = app.archive.days.len();
    let title = match app.loading {
        // The status line gives the progress; the pane is too narrow for it.
        Some(_) => Line::from(" Days (reading…) "),
        None => Line::from(format!(" Days ({n}) ")),
    };
    frame.render_widget(pane_block(app, Pane::Days, title), area);
    let body = inner(area);
    let w = body.width as usize;
    let mut lines = Vec::new();
    let rows = app.day_rows();
    for row in rows.iter().skip(app.days_offset).take(body.height as usize) {
        let i = match *row {
            DayRow::Day(i) => i,
            DayRow::Month(m) => {
                let label = format!("── {} ", m.format("%B %Y"));
                let rule = "─".repeat(w.saturating_sub(width(&label)));
                let text = truncate(&format!("{label}{rule}"), w);
                lines.push(Line::from(Span::styled(text, app.theme.heading)));
                continue;
            }
            DayRow::Gap(n) => {
                let text = pad(&format!(" — {n} days, no post —"), w);
                lines.push(Line::from(Span::styled(text, app.theme.dim)));
                continue;
            }
        };
        let day = &app.archive.days[i];
        // Unread / all, or just the count once everything is read.
        let count = match (day.papers.len(), app.unread(i)) {
            (0, _) => "empty".to_string(),
            (c, 0) => c.to_string(),
            (c, u) => format!("{u}/{c}"),
        };
        let date = day.date.format("%Y-%m-%d %a").to_string();
        let gap = w.saturating_sub(date.len() + count.len()).max(1);
        let text = pad(&format!("{date}{}{count}", " ".repeat(gap)), w);
        // With a watch list selected, the day shown is marked as in an unfocused pane.
        let style = match app.watch_row() {
            Some(_) if i == app.day => app.theme.selected_unfocused,
            _ => row_style(app, Pane::Days, i == app.day),
        };
        let count_style = if day.papers.is_empty() {
            app.theme.dim
        } else {
            style
        };
        match text.strip_suffix(count.as_str()) {
            Some(head) if i != app.day => lines.push(Line::from(vec![
                Span::raw(head.to_string()),
                Span::styled(count, count_style),
            ])),
            _ => lines.push(Line::from(Span::styled(text, style))),
        }
    }
    if n == 0 {
        lines.push(Line::from(Span::styled("no posts", app.theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), body);
}
