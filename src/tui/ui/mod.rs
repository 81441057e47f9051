//! Drawing. Each widget reads the app's state and draws it; none changes anything.

mod categories;
mod days;
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

use super::app::{App, Overlay, Pane};
use super::layout::Mode;

pub fn draw(frame: &mut Frame, app: &App) {
    let a = app.areas();
    match a.mode {
        Mode::TooSmall => return too_small::draw(frame, frame.area()),
        Mode::Wide => {
            days::draw(frame, app, a.days);
            papers::draw(frame, app, a.papers);
            paper::draw(frame, app, a.detail);
        }
        Mode::Narrow => match app.focus {
            Pane::Days => days::draw(frame, app, a.days),
            Pane::Papers => papers::draw(frame, app, a.papers),
            Pane::Paper => paper::draw(frame, app, a.detail),
        },
    }
    status::draw(frame, app, a.status);
    footer::draw(frame, app, a.footer);
    match &app.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help::draw(frame, app, *scroll),
        Some(Overlay::Search(b)) => search::draw(frame, app, b, super::layout::search_area(&a)),
        Some(Overlay::Categories(p)) => categories::draw(
            frame,
            app,
            p,
            super::layout::picker_area(&a, p.categories.len()),
        ),
        Some(Overlay::Leaderboard(b)) => {
            leaderboard::draw(frame, app, b, super::layout::board_area(&a))
        }
        Some(Overlay::Starred(s)) => starred::draw(frame, app, s, super::layout::board_area(&a)),
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

/// A box drawn over the reader (help, search, filter, leaderboard, starred): the area cleared,
/// framed, titled, with a hint at the bottom right. Returns the inside.
fn overlay_box<'a>(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: impl Into<Line<'a>>,
    hint: &'a str,
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
