//! A yes/no question before something that cannot be taken back with a key: marking many
//! papers read at once (`C`; newsboat users lost their read state to an unasked "mark all
//! read"), forgetting a watch list and its seen marks (`D`).

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::archive::PaperKey;
use crate::tui::command::{Command, Scope};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::marks::mark_read_bulk;
use crate::tui::core::state::Reader;
use crate::tui::core::watches;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct ConfirmBox {
    pub question: String,
    pub then: Then,
}

/// What a yes does.
#[derive(Debug, Clone)]
pub enum Then {
    /// Marks these papers read, and says `done`.
    MarkRead { keys: Vec<PaperKey>, done: String },
    /// Forgets the watch list of this name.
    ForgetWatch(String),
}

impl Component for ConfirmBox {
    fn scope(&self) -> Scope {
        Scope::Confirm
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        match command {
            Command::Yes => match &mut self.then {
                Then::MarkRead { keys, done } => {
                    let (keys, done) = (std::mem::take(keys), std::mem::take(done));
                    Handled::close().with(mark_read_bulk(r, keys, done))
                }
                Then::ForgetWatch(name) => {
                    let at = r.watches.iter().position(|w| w.name == *name);
                    Handled::close().with(at.map_or(vec![], |i| watches::forget(r, i)))
                }
            },
            Command::No => {
                r.tell(match self.then {
                    Then::MarkRead { .. } => "Nothing marked",
                    Then::ForgetWatch(_) => "Kept the watch list",
                });
                Handled::close()
            }
            _ => Handled::stay(),
        }
    }

    /// The question counted the days there were; with more now, it is asked again. A watch
    /// list is the same list in any archive.
    fn keep_after_swap(&mut self, r: &mut Reader) -> bool {
        match self.then {
            Then::MarkRead { .. } => {
                r.warn("The archive changed while asking; nothing marked, ask again");
                false
            }
            Then::ForgetWatch(_) => true,
        }
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::prompt_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Confirm, c);
        hint_line(&[(k(Command::Yes), "yes"), (k(Command::No), "no")])
    }
}
