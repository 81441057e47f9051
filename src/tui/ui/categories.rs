use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::display::width::pad;
use crate::tui::app::{App, Picker};

pub fn draw(frame: &mut Frame, app: &App, p: &Picker, area: Rect) {
    frame.render_widget(Clear, area);
    let title = match p.chosen.len() {
        0 => " Categories: all shown ".to_string(),
        n => format!(" Categories: {n} chosen "),
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(title)
        .title_bottom(Line::from(" Space chooses · Enter applies ").right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
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
