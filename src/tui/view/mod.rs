//! Drawing. Each widget reads the app's state and draws it; none changes anything. Every key
//! a widget names comes from the keymap.

mod categories;
mod days;
pub mod detail;
mod footer;
mod help;
mod leaderboard;
mod paper;
mod papers;
mod search;
mod starred;
mod status;
mod too_small;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType};

use crate::tui::boxes::OpenBox;
use crate::tui::core::layout::Shape;
use crate::tui::core::state::{App, Pane};

pub fn draw(frame: &mut Frame, app: &App) {
    let a = app.areas();
    match a.shape {
        Shape::TooSmall => return too_small::draw(frame, app, frame.area()),
        Shape::Wide => {
            days::draw(frame, app, a.days);
            papers::draw(frame, app, a.papers);
            paper::draw(frame, app, a.detail);
        }
        Shape::Narrow => match app.focus {
            Pane::Days => days::draw(frame, app, a.days),
            Pane::Papers => papers::draw(frame, app, a.papers),
            Pane::Paper => paper::draw(frame, app, a.detail),
        },
    }
    status::draw(frame, app, a.status);
    footer::draw(frame, app, a.footer);
    let Some(open) = app.open_box() else { return };
    let c = open.component();
    let area = c.area(app, &a);
    let hint = c.hints(&app.keymap);
    match open {
        OpenBox::Help(b) => help::draw(frame, app, b, area, hint),
        OpenBox::Search(b) => search::draw(frame, app, b, area, hint),
        OpenBox::Categories(b) => categories::draw(frame, app, b, area, hint),
        OpenBox::Leaderboard(b) => leaderboard::draw(frame, app, b, area, hint),
        OpenBox::Starred(b) => starred::draw(frame, app, b, area, hint),
    }
}

/// A pane's frame, highlighted when it has the focus.
fn pane_block<'a>(app: &App, pane: Pane, title: Line<'a>) -> Block<'a> {
    let focused = app.focus == pane;
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
fn row_style(app: &App, pane: Pane, selected: bool) -> Style {
    match (selected, app.focus == pane) {
        (false, _) => Style::new(),
        (true, true) => app.theme.selected,
        (true, false) => app.theme.selected_unfocused,
    }
}

/// Style for a row of a box's list: only the selected one stands out.
fn box_row_style(app: &App, selected: bool) -> Style {
    if selected {
        app.theme.selected
    } else {
        Style::new()
    }
}

/// A box drawn over the reader (help, search, filter, leaderboard, starred): the area cleared,
/// framed, titled, with a hint at the bottom right. Returns the inside.
fn overlay_box<'a>(
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
fn inner(r: Rect) -> Rect {
    Block::bordered().inner(r)
}
