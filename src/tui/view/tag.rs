use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::truncate;
use crate::tui::boxes::TagBox;
use crate::tui::command::Command;
use crate::tui::core::app::App;

/// The tag prompt: the input, then the paper's tags, what the input would complete to, or why
/// it cannot be a tag.
pub fn draw(frame: &mut Frame, app: &App, b: &TagBox, area: Rect, hint: String) {
    let title = format!(" Tags of {} ", truncate(&b.name, 40));
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let w = inner.width as usize;
    let has = app.tags.get(&b.key).cloned().unwrap_or_default();
    let said = match b.asked() {
        Err(why) => Span::styled(why, app.theme.error),
        Ok(_) => {
            let found = b.completions(app);
            let have = match has.is_empty() {
                true => "no tags yet".to_string(),
                false => format!("has {}", has.join(", ")),
            };
            if b.input.trim().is_empty() || found.is_empty() {
                Span::styled(have, app.theme.dim)
            } else {
                Span::styled(
                    format!("{have} · you have {}", found.join(", ")),
                    app.theme.dim,
                )
            }
        }
    };
    let lines = vec![
        super::frame::prompt_line(app, Command::Tag, &b.input, false, w),
        Line::from(Span::styled(truncate(&said.content, w), said.style)),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
