use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{pad, truncate};
use crate::display::words::count;
use crate::tui::boxes::TagsBox;
use crate::tui::core::app::App;

/// Your tags with their counts, or one tag's papers.
pub fn draw(frame: &mut Frame, app: &App, b: &TagsBox, area: Rect, hint: String) {
    let title = match b.drill.inner {
        None => format!(" Tags ({}) ", b.tags.len()),
        Some((t, _)) => {
            let (name, papers) = &b.tags[t];
            format!(" Tagged {name} ({}) ", papers.len())
        }
    };
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let w = inner.width as usize;
    let cursor = b.drill.cursor();
    let rows: Vec<String> = match b.drill.inner {
        None => b
            .tags
            .iter()
            .map(|(name, papers)| format!("  {name}  ({})", count(papers.len(), "paper", "papers")))
            .collect(),
        Some((t, _)) => b.tags[t]
            .1
            .iter()
            .map(|r| {
                let day = &app.archive.days[r.day];
                let p = &day.papers[r.paper];
                let head = format!(
                    "{}{} #{:<2} ",
                    super::frame::marks(app, p),
                    day.date,
                    p.rank
                );
                format!("{head}{}", super::frame::list_title(app, p))
            })
            .collect(),
    };
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(inner.height as usize)
        .map(|(i, text)| {
            let text = pad(&truncate(text, w), w);
            let style = super::frame::box_row_style(app, i == cursor.selected);
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
