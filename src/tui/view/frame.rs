//! Frames the widgets share: a pane's border, a box's border and hint, row styles.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

use crate::archive::Paper;
use crate::display::width::{truncate, width as text_width};
use crate::tui::command::{Command, Scope};
use crate::tui::core::app::App;
use crate::tui::core::state::Pane;

/// A pane's frame, highlighted when it has the focus.
pub fn pane_block<'a>(app: &App, pane: Pane, title: Line<'a>) -> Block<'a> {
    // A watch list selected has the focus in the box above the day list.
    let focused = app.focus == pane && (pane != Pane::Days || app.watch_row().is_none());
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(title)
}

/// Style for a list row: selected rows are reversed, more strongly in the focused pane.
pub fn row_style(app: &App, pane: Pane, selected: bool) -> Style {
    match (selected, app.focus == pane) {
        (false, _) => Style::new(),
        (true, true) => app.theme.selected,
        (true, false) => app.theme.selected_unfocused,
    }
}

/// Style for a row of a box's list: only the selected one stands out.
pub fn box_row_style(app: &App, selected: bool) -> Style {
    if selected {
        app.theme.selected
    } else {
        Style::new()
    }
}

/// A box drawn over the reader (help, search, filter, leaderboard, starred): the area cleared,
/// framed, titled, with a hint at the bottom right. Returns the inside.
pub fn overlay_box<'a>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: impl Into<Line<'a>>,
    hint: String,
) -> Rect {
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.border_focused)
        .title(title)
        .title_bottom(Line::from(hint).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The inside of a bordered area.
pub fn inner(r: Rect) -> Rect {
    Block::bordered().inner(r)
}

/// A paper's marks for a box's row: `•` not read yet, `★` starred, `✎` with a note, `◆`
/// tweeted by an account you follow, each in its own column.
pub fn marks(app: &App, p: &Paper) -> String {
    let unread = if app.is_read(p) { ' ' } else { '•' };
    let star = if app.is_starred(p) { '★' } else { ' ' };
    let note = if app.has_note(p) { '✎' } else { ' ' };
    let followed = if app.is_followed(p) { '◆' } else { ' ' };
    format!("{unread}{star}{note}{followed}")
}

/// A paper's title as a list shows it: readable LaTeX, after `</> ` when it links to its code.
pub fn list_title(app: &App, p: &Paper) -> String {
    format!(
        "{}{}",
        code_mark(app, p),
        crate::display::latex::prettify(&p.title)
    )
}

/// What goes before a paper's title in a list: `</> ` when it links to its code.
pub fn code_mark(app: &App, p: &Paper) -> &'static str {
    if app.has_code(p) { "</> " } else { "" }
}

/// A text prompt's line, `width` columns: the key that opened it (as in vim and less; `›` if
/// it has none), the input, selected when typing will replace it, and the cursor.
pub fn prompt_line(
    app: &App,
    opened_by: Command,
    input: &str,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let prompt = match app.keymap.hint(Scope::Reader, opened_by) {
        Some(k) => format!("{k} "),
        None => "› ".to_string(),
    };
    let room = width.saturating_sub(text_width(&prompt) + 1);
    let style = if selected {
        app.theme.selected
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(prompt, app.theme.footer_key),
        Span::styled(truncate(input, room), style),
        Span::styled("▏", app.theme.accent),
    ])
}
