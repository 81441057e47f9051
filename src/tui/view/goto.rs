use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::truncate;
use crate::search::Target;
use crate::tui::boxes::GoToBox;
use crate::tui::command::Command;
use crate::tui::core::app::App;

/// The go-to prompt and what the input means so far.
pub fn draw(frame: &mut Frame, app: &App, b: &GoToBox, area: Rect, hint: String) {
    let inner = super::frame::overlay_box(frame, app, area, " Go to ", hint);
    let w = inner.width as usize;
    let said = match b.target() {
        _ if b.input.trim().is_empty() => Span::styled(
            "A day, a month, latest, an arXiv id or an abs/pdf link; Enter goes there",
            app.theme.dim,
        ),
        Ok(Target::Day(d)) => Span::styled(format!("the day {d}"), app.theme.accent),
        Ok(Target::Month { year, month }) => Span::styled(
            format!("the first day of {year}-{month:02}"),
            app.theme.accent,
        ),
        Ok(Target::Latest) => Span::styled("the latest day", app.theme.accent),
        Ok(Target::Paper(id)) => {
            Span::styled(format!("the latest listing of {id}"), app.theme.accent)
        }
        Err(e) => Span::styled(e.to_string(), app.theme.error),
    };
    let lines = vec![
        super::frame::prompt_line(app, Command::GoTo, &b.input, false, w),
        Line::from(Span::styled(truncate(&said.content, w), said.style)),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
