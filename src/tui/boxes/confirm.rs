//! A yes/no question before something that changes many marks at once (`C`): newsboat users
//! lost their read state to an unasked "mark all read".

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::archive::PaperKey;
use crate::tui::command::{Command, Scope};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::marks::mark_read_bulk;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct ConfirmBox {
    pub question: String,
    /// The papers to mark read on yes, and how to say it was done.
    pub keys: Vec<PaperKey>,
    pub done: String,
}

impl Component for ConfirmBox {
    fn scope(&self) -> Scope {
        Scope::Confirm
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        match command {
            Command::Yes => {
                let keys = std::mem::take(&mut self.keys);
                let done = std::mem::take(&mut self.done);
                Handled::close().with(mark_read_bulk(r, keys, done))
            }
            Command::No => {
                r.tell("Nothing marked");
                Handled::close()
            }
            _ => Handled::stay(),
        }
    }

    /// The question counted the days there were; with more now, it is asked again.
    fn keep_after_swap(&mut self, r: &mut Reader) -> bool {
        r.warn("The archive changed while asking; nothing marked, ask again");
        false
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::prompt_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Confirm, c);
        hint_line(&[(k(Command::Yes), "yes"), (k(Command::No), "no")])
    }
}
