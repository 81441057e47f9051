use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{pad, width};
use crate::tui::app::App;

/// Every key from the key table, by mode, in a centred box.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let rows = app.keymap.help_lines();
    let key_w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let area = frame.area();
    let w = (area.width.saturating_sub(4)).min(80);
    let h = (area.height.saturating_sub(2)).min(rows.len() as u16 + 2);
    let [popup] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(popup);
    let inner = super::overlay_box(
        frame,
        app,
        popup,
        " Keys ",
        " j/k scroll · Esc or ? closes ",
    );
    let text_w = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .map(|(keys, help)| {
            if keys.is_empty() {
                return Line::from(Span::styled(pad(help, text_w), app.theme.heading));
            }
            Line::from(vec![
                Span::styled(pad(keys, key_w.min(text_w)), app.theme.footer_key),
                Span::raw("  "),
                Span::raw(pad(help, text_w.saturating_sub(key_w + 2))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
