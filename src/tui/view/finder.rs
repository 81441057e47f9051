use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{pad, truncate, width};
use crate::display::words::count;
use crate::tui::boxes::FinderBox;
use crate::tui::command::Command;
use crate::tui::core::app::App;

/// The finder's prompt, how many titles match, and the best of them.
pub fn draw(frame: &mut Frame, app: &App, b: &FinderBox, area: Rect, hint: String) {
    let inner = super::frame::overlay_box(frame, app, area, " Find a title ", hint);
    let w = inner.width as usize;
    let summary = if b.input.is_empty() {
        format!(
            "{}, newest first; type to find one",
            count(b.total, "title", "titles")
        )
    } else {
        let shown = count(b.found.len(), "title matches", "titles match");
        format!("{shown}, best first")
    };
    let mut lines = vec![
        super::frame::prompt_line(app, Command::FindTitle, &b.input, false, w),
        Line::from(Span::styled(truncate(&summary, w), app.theme.dim)),
    ];
    let rows = (inner.height as usize).saturating_sub(2);
    for (i, r) in b.found.iter().enumerate().skip(b.cursor.offset).take(rows) {
        let Some((day, p)) = app.paper_at(*r) else {
            continue;
        };
        let head = format!(
            "{} {} #{:<2} ",
            super::frame::marks(app, p),
            day.date,
            p.rank
        );
        let text = format!(
            "{head}{}",
            pad(
                &super::frame::list_title(app, p),
                w.saturating_sub(width(&head))
            )
        );
        let style = super::frame::box_row_style(app, i == b.cursor.selected);
        lines.push(Line::from(Span::styled(text, style)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
