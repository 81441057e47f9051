use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use crate::display::width::pad;
use crate::tui::app::App;
use crate::tui::keymap::{self, BINDINGS};

/// Every key from the key table, in a centred box.
pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    let rows: Vec<(String, &str)> = BINDINGS
        .iter()
        .map(|b| {
            (
                b.keys
                    .iter()
                    .map(|k| keymap::label(*k))
                    .collect::<Vec<_>>()
                    .join(", "),
                b.help,
            )
        })
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| crate::display::width::width(k))
        .max()
        .unwrap_or(0);
    let area = frame.area();
    let w = (area.width.saturating_sub(4)).min(72);
    let h = (area.height.saturating_sub(2)).min(rows.len() as u16 + 3);
    let [popup] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(popup);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(" Keys ")
        .title_bottom(Line::from(" Esc or ? closes ").right_aligned());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let text_w = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .map(|(keys, help)| {
            Line::from(vec![
                Span::styled(pad(keys, key_w.min(text_w)), app.theme.footer_key),
                Span::raw("  "),
                Span::raw(pad(help, text_w.saturating_sub(key_w + 2))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
