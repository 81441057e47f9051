use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::pad;
use crate::tui::app::{App, Picker};

pub fn draw(frame: &mut Frame, app: &App, p: &Picker, area: Rect) {
    let title = match p.chosen.len() {
        0 => " Categories: all shown ".to_string(),
        n => format!(" Categories: {n} chosen "),
    };
    let inner = super::overlay_box(frame, app, area, title, " Space chooses · Enter applies ");
    let w = inner.width as usize;
    let lines: Vec<Line> = p
        .categories
        .iter()
        .enumerate()
        .skip(p.offset)
        .take(inner.height as usize)
        .map(|(i, (c, n))| {
            let mark = if p.chosen.contains(c) { "[x] " } else { "[ ] " };
            let count = format!(" {n}");
            let text = format!("{mark}{}{count}", pad(c, w.saturating_sub(4 + count.len())));
            let style = if i == p.cursor {
                app.theme.selected
            } else {
                Style::new()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
