//! The whole screen: the panes the layout has room for, the status line, the footer, and the
//! open box on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{categories, days, footer, help, leaderboard, links, paper, papers, search, starred};
use super::{confirm, finder, goto, people, similar, status, tag, tags, too_small, watches};
use crate::tui::boxes::OpenBox;
use crate::tui::core::app::App;
use crate::tui::core::layout::{MAX_SIDE, Shape};
use crate::tui::core::state::Pane;

pub fn draw(frame: &mut Frame, app: &App) {
    widgets(frame, app);
    // Whatever a widget drew, the terminal must draw it as it was measured.
    super::settle::settle(frame.buffer_mut());
}

fn widgets(frame: &mut Frame, app: &App) {
    let a = app.areas();
    match a.shape {
        Shape::TooSmall => return too_small::draw(frame, app, frame.area()),
        Shape::Wide => {
            watches::draw(frame, app, a.watches);
            days::draw(frame, app, a.days);
            papers::draw(frame, app, a.papers);
            paper::draw(frame, app, a.detail);
        }
        Shape::Narrow => match app.focus {
            Pane::Days => {
                watches::draw(frame, app, a.watches);
                days::draw(frame, app, a.days);
            }
            Pane::Papers => papers::draw(frame, app, a.papers),
            Pane::Paper => paper::draw(frame, app, a.detail),
        },
    }
    status::draw(frame, app, a.status);
    capped(frame, app, a.status);
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
        OpenBox::Similar(b) => similar::draw(frame, app, b, area, hint),
        OpenBox::Tag(b) => tag::draw(frame, app, b, area, hint),
        OpenBox::Tags(b) => tags::draw(frame, app, b, area, hint),
        OpenBox::People(b) => people::draw(frame, app, b, area, hint),
        OpenBox::Links(b) => links::draw(frame, app, b, area, hint),
        OpenBox::GoTo(b) => goto::draw(frame, app, b, area, hint),
        OpenBox::Confirm(b) => confirm::draw(frame, app, b, area, hint),
        OpenBox::Finder(b) => finder::draw(frame, app, b, area, hint),
    }
}

/// On a terminal bigger than the reader draws, the end of the status line says so.
fn capped(frame: &mut Frame, app: &App, status: Rect) {
    let (w, h) = app.size();
    if w <= MAX_SIDE && h <= MAX_SIDE {
        return;
    }
    let text = format!(" terminal {w}×{h}: drawing {MAX_SIDE}×{MAX_SIDE} ");
    let line = Line::from(Span::styled(text, app.theme.error)).right_aligned();
    frame.render_widget(Paragraph::new(line), status);
}
