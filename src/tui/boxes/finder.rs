//! The title finder (`F`): every title in the archive, filtered fuzzily as you type, best
//! match first; Enter goes to the paper.

use ratatui::layout::Rect;

use super::component::{Component, Handled, edit_prompt};
use crate::search::PaperRef;
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// The most matches kept for a query: more than a screen, fewer than a long scroll.
const SHOWN: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct FinderBox {
    pub input: String,
    pub found: Vec<PaperRef>,
    /// How many titles there are in all.
    pub total: usize,
    pub cursor: ListCursor,
    /// The input changed since the titles were matched: matched again before the next frame
    /// (`settle`) or command, once however many characters came in.
    pub stale: bool,
}

impl FinderBox {
    pub fn open(r: &mut Reader) -> FinderBox {
        let mut b = FinderBox {
            total: r.titles().len(),
            ..FinderBox::default()
        };
        b.refind(r);
        b
    }

    fn refind(&mut self, r: &Reader) {
        self.stale = false;
        self.found = r.titles().find(&self.input, SHOWN);
        self.cursor = ListCursor::default();
    }
}

impl Component for FinderBox {
    fn scope(&self) -> Scope {
        Scope::Finder
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        self.settle(r);
        let page = layout::search_rows(&r.areas());
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                if let Some(&to) = self.found.get(self.cursor.selected) {
                    let note = go_to(r, to);
                    let date = r.archive.days[to.day].date;
                    r.tell(format!("Found on {date}{note}"));
                    return Handled::close();
                }
                r.warn("No title matches");
            }
            c if edit_prompt(&mut self.input, c) => self.refind(r),
            other => {
                self.cursor.apply(other, self.found.len(), page);
            }
        }
        self.cursor.fit(page);
        Handled::stay()
    }

    fn typed(&mut self, _r: &mut Reader, c: char) -> Handled {
        self.input.push(c);
        self.stale = true;
        Handled::stay()
    }

    fn settle(&mut self, r: &mut Reader) {
        if self.stale {
            self.refind(r);
        }
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        Some((self.cursor, self.found.len(), 2))
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::search_area(a)
    }

    fn hints(&self, _km: &Keymap) -> String {
        " fuzzy: letters in order  ^start  end$  'exact  !not ".to_string()
    }
}
