//! The boxes drawn over the reader: help, search, category filter, leaderboard and starred
//! list. Each is a component: its own state, how it handles a command (with the reader to
//! change beside it, a separate borrow), where it goes on screen and the hint on its border.
//! While a box is open its scope's keys are read.

mod categories;
mod help;
mod leaderboard;
mod search;
mod starred;

pub use categories::CategoryBox;
pub use help::HelpBox;
pub use leaderboard::{Leaderboard, Window};
pub use search::SearchBox;
pub use starred::StarredBox;

use ratatui::layout::Rect;

use crate::tui::command::{Command, Scope};
use crate::tui::core::effect::Effect;
use crate::tui::core::layout::Areas;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// What handling a command did to the box.
#[derive(Debug, Default)]
pub struct Handled {
    pub close: bool,
    pub effects: Vec<Effect>,
}

impl Handled {
    pub fn stay() -> Handled {
        Handled::default()
    }

    pub fn close() -> Handled {
        Handled {
            close: true,
            effects: Vec::new(),
        }
    }

    pub fn with(mut self, effects: Vec<Effect>) -> Handled {
        self.effects.extend(effects);
        self
    }
}

/// A box over the reader.
pub trait Component {
    fn scope(&self) -> Scope;
    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled;
    /// A character typed into the box's prompt (boxes without one ignore it).
    fn typed(&mut self, _r: &mut Reader, _c: char) -> Handled {
        Handled::stay()
    }
    /// Where the box goes on screen.
    fn area(&self, r: &Reader, a: &Areas) -> Rect;
    /// The line on the box's lower border: its main keys, as they are bound.
    fn hints(&self, km: &Keymap) -> String;
    /// The search index arrived.
    fn index_ready(&mut self, _r: &mut Reader) {}
    /// The archive was replaced: whether the box stays open (lists of positions in the old
    /// archive close, and are rebuilt on asking).
    fn keep_after_swap(&mut self) -> bool {
        false
    }
}

#[derive(Debug, Clone)]
pub enum OpenBox {
    Help(HelpBox),
    Search(SearchBox),
    Categories(CategoryBox),
    Leaderboard(Leaderboard),
    Starred(StarredBox),
}

impl OpenBox {
    pub fn component(&self) -> &dyn Component {
        match self {
            OpenBox::Help(b) => b,
            OpenBox::Search(b) => b,
            OpenBox::Categories(b) => b,
            OpenBox::Leaderboard(b) => b,
            OpenBox::Starred(b) => b,
        }
    }

    pub fn component_mut(&mut self) -> &mut dyn Component {
        match self {
            OpenBox::Help(b) => b,
            OpenBox::Search(b) => b,
            OpenBox::Categories(b) => b,
            OpenBox::Leaderboard(b) => b,
            OpenBox::Starred(b) => b,
        }
    }

    pub fn scope(&self) -> Scope {
        self.component().scope()
    }
}

/// A border hint from (keys, what they do) pairs: `" w window · Enter goes to its best day "`.
/// Pairs whose command has no key are left out.
pub fn hint_line(parts: &[(Option<String>, &str)]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .filter_map(|(k, what)| k.as_ref().map(|k| format!("{k} {what}")))
        .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!(" {} ", shown.join(" · "))
    }
}

/// Opens the box a reader command asks for, if it is one that opens a box.
pub fn open(r: &mut Reader, command: Command) -> Option<OpenBox> {
    match command {
        Command::Help => Some(OpenBox::Help(HelpBox::default())),
        Command::Search => Some(OpenBox::Search(SearchBox::open(r))),
        Command::Filter => CategoryBox::open(r).map(OpenBox::Categories),
        Command::Top => Some(OpenBox::Leaderboard(Leaderboard::open(r))),
        Command::Starred => StarredBox::open(r).map(OpenBox::Starred),
        _ => None,
    }
}
