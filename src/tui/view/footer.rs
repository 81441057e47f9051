use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::width;
use crate::tui::command::Command;
use crate::tui::core::app::App;
use crate::tui::keymap::FooterEntry;

/// The main keys, as many as fit; the help key always comes last, since it leads to the rest.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let entries = app.keymap.footer(app.scope());
    let entry_w = |e: &FooterEntry| width(&e.keys) + 1 + width(e.label) + 2;
    let (help, rest): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|e| e.command == Command::Help);
    // A count being typed (`5` of `5j`) comes first: the next key takes it.
    let count = app.count().map(|n| format!("{n}… "));
    let count_w = count.as_deref().map_or(0, width);
    let mut budget =
        (area.width as usize).saturating_sub(help.iter().map(entry_w).sum::<usize>() + count_w);
    let mut shown = Vec::new();
    for e in rest {
        let w = entry_w(&e);
        if w > budget {
            break;
        }
        budget -= w;
        shown.push(e);
    }
    shown.extend(help);
    let mut spans = Vec::new();
    if let Some(c) = count {
        spans.push(Span::styled(c, app.theme.accent));
    }
    for e in shown {
        spans.push(Span::styled(e.keys, app.theme.footer_key));
        spans.push(Span::styled(format!(" {}  ", e.label), app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
