use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::width;
use crate::tui::app::App;
use crate::tui::keymap;

/// The main keys, as many as fit.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, label) in keymap::footer() {
        let w = width(&keys) + 1 + width(label) + 2;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(keys, app.theme.footer_key));
        spans.push(Span::styled(format!(" {label}  "), app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
