use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{pad, width};
use crate::tui::boxes::HelpBox;
use crate::tui::core::app::App;
use crate::tui::keymap::HelpRow;

/// Every key in effect, by scope, in a centred box.
pub fn draw(frame: &mut Frame, app: &App, b: &HelpBox, area: Rect, hint: String) {
    let rows = app.keymap.help_rows();
    let key_w = rows
        .iter()
        .map(|r| match r {
            HelpRow::Keys { keys, .. } => width(keys),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let inner = super::frame::overlay_box(frame, app, area, " Keys ", hint);
    let text_w = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(b.scroll.selected)
        .map(|row| match row {
            HelpRow::Blank => Line::from(Span::styled(pad("", text_w), app.theme.heading)),
            HelpRow::Heading(h) => Line::from(Span::styled(pad(h, text_w), app.theme.heading)),
            HelpRow::Keys { keys, help } => Line::from(vec![
                Span::styled(pad(keys, key_w.min(text_w)), app.theme.footer_key),
                Span::raw("  "),
                Span::raw(pad(help, text_w.saturating_sub(key_w + 2))),
            ]),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
