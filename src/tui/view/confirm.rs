use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::truncate;
use crate::tui::boxes::ConfirmBox;
use crate::tui::core::app::App;

/// The question, in a box of its own over the reader.
pub fn draw(frame: &mut Frame, app: &App, b: &ConfirmBox, area: Rect, hint: String) {
    let inner = super::frame::overlay_box(frame, app, area, " Are you sure? ", hint);
    let text = truncate(&b.question, inner.width as usize);
    let line = Line::from(Span::styled(text, app.theme.title));
    frame.render_widget(Paragraph::new(line), inner);
}
