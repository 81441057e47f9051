use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::command::{Command, Scope};
use crate::tui::core::app::App;
use crate::tui::core::layout::{MIN_HEIGHT, MIN_WIDTH};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let mut text = vec![
        Line::raw("Terminal too small"),
        Line::raw(format!(
            "need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        )),
    ];
    if let Some(k) = app.keymap.hint(Scope::Reader, Command::Close) {
        text.push(Line::raw(format!("{k} quits")));
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
