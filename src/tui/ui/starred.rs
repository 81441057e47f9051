use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::latex::prettify;
use crate::display::width::{pad, width};
use crate::tui::app::{App, Starred};

pub fn draw(frame: &mut Frame, app: &App, s: &Starred, area: Rect) {
    let inner = super::overlay_box(
        frame,
        app,
        area,
        format!(" Starred papers ({}) · newest star first ", s.papers.len()),
        " Enter goes to the paper · * unstars ",
    );
    let w = inner.width as usize;
    let lines: Vec<Line> = s
        .papers
        .iter()
        .enumerate()
        .skip(s.offset)
        .take(inner.height as usize)
        .map(|(i, r)| {
            let day = &app.archive.days[r.day];
            let p = &day.papers[r.paper];
            let mark = if app.is_starred(p) { "★" } else { "☆" };
            let head = format!(
                "{mark} {} #{:<2} {:<12} ",
                day.date,
                p.rank,
                p.arxiv_id.as_deref().unwrap_or("-")
            );
            let text = format!(
                "{head}{}",
                pad(&prettify(&p.title), w.saturating_sub(width(&head)))
            );
            let style = if i == s.selected {
                app.theme.selected
            } else {
                Style::new()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
