use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::latex::prettify;
use crate::display::width::{pad, width};
use crate::tui::boxes::StarredBox;
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, s: &StarredBox, area: Rect, hint: String) {
    let inner = super::frame::overlay_box(
        frame,
        app,
        area,
        format!(" Starred papers ({}) · newest star first ", s.papers.len()),
        hint,
    );
    let w = inner.width as usize;
    let lines: Vec<Line> = s
        .papers
        .iter()
        .enumerate()
        .skip(s.cursor.offset)
        .take(inner.height as usize)
        .map(|(i, r)| {
            let day = &app.archive.days[r.day];
            let p = &day.papers[r.paper];
            // ☆: unstarred from this list, which stays open until closed.
            let unread = if app.is_read(p) { " " } else { "•" };
            let star = if app.is_starred(p) { "★" } else { "☆" };
            let head = format!(
                "{unread}{star} {} #{:<2} {:<12} ",
                day.date,
                p.rank,
                p.arxiv_id.as_deref().unwrap_or("-")
            );
            let text = format!(
                "{head}{}",
                pad(&prettify(&p.title), w.saturating_sub(width(&head)))
            );
            let style = super::frame::box_row_style(app, i == s.cursor.selected);
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
