use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::latex::prettify;
use crate::display::width::{pad, truncate, width};
use crate::links::ascii_hosts;
use crate::tui::boxes::LinksBox;
use crate::tui::core::app::App;

/// The paper's links, numbered, each with what it is.
pub fn draw(frame: &mut Frame, app: &App, b: &LinksBox, area: Rect, hint: String) {
    let (rank, title) = &b.paper;
    let head = format!(" Links of paper {rank}: {} ", prettify(title));
    let title = truncate(&head, area.width.saturating_sub(4) as usize);
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let w = inner.width as usize;
    let label_w = b
        .links
        .iter()
        .map(|l| width(&l.label))
        .max()
        .unwrap_or(0)
        .min(w / 3);
    let lines: Vec<Line> = b
        .links
        .iter()
        .enumerate()
        .skip(b.cursor.offset)
        .take(inner.height as usize)
        .map(|(i, l)| {
            let num = if i < 9 {
                format!("{} ", i + 1)
            } else {
                "  ".into()
            };
            let left = format!("{num}{}  ", pad(&l.label, label_w));
            // A host beyond ASCII as the browser will look it up: no look-alike of another.
            let url = ascii_hosts(&l.url);
            let text = format!("{left}{}", pad(&url, w.saturating_sub(width(&left))));
            let style = super::frame::box_row_style(app, i == b.cursor.selected);
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
