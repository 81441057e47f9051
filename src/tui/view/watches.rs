//! The watch lists above the day list: each list's name and how many of its matches are new.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::frame::{inner, row_style};
use crate::display::width::{pad, truncate, width};
use crate::tui::core::app::App;
use crate::tui::core::state::Pane;
use crate::tui::core::watches::first_shown;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 {
        return;
    }
    let focused = app.focus == Pane::Days && app.watch_row().is_some();
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            app.theme.border_focused
        } else {
            app.theme.border
        })
        .title(" Watch ");
    frame.render_widget(block, area);
    let body = inner(area);
    let w = body.width as usize;
    let rows = body.height as usize;
    // The selected list stays in view when there are more than the box has rows for.
    let first = first_shown(app, rows);
    let mut lines = Vec::new();
    for (i, list) in app.watches().iter().enumerate().skip(first).take(rows) {
        let (count, new) = match list.new_count() {
            None => ("…".to_string(), false),
            Some(0) => ("0 new".to_string(), false),
            Some(n) => (format!("{n} new"), true),
        };
        let room = w.saturating_sub(width(&count) + 1);
        let name = truncate(&list.name, room);
        let gap = w.saturating_sub(width(&name) + width(&count)).max(1);
        let selected = app.watch_row() == Some(i);
        let style = row_style(app, Pane::Days, selected);
        if selected {
            let text = pad(&format!("{name}{}{count}", " ".repeat(gap)), w);
            lines.push(Line::from(Span::styled(text, style)));
        } else {
            let count_style = if new { app.theme.accent } else { app.theme.dim };
            lines.push(Line::from(vec![
                Span::raw(format!("{name}{}", " ".repeat(gap))),
                Span::styled(count, count_style),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
}
