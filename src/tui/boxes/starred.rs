//! The starred list (`S`): starred papers found in the archive, newest star first.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::search::PaperRef;
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::marks::toggle_star;
use crate::tui::core::select::go_to;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct StarredBox {
    pub papers: Vec<PaperRef>,
    pub cursor: ListCursor,
}

impl StarredBox {
    /// The list, or `None` (and how to star) when nothing starred is in the archive.
    pub fn open(r: &mut Reader) -> Option<StarredBox> {
        // A paper listed on several days is listed once, at its latest day (listings go
        // oldest first); a starred paper the archive does not have is left out.
        let mut papers: Vec<(i64, PaperRef)> = r
            .starred
            .iter()
            .filter_map(|(k, at)| Some((*at, *r.listings_of(k).last()?)))
            .collect();
        if papers.is_empty() {
            let text = r
                .keymap
                .say(Scope::Reader, Command::Star, "No starred papers", |k| {
                    format!(": {k} stars the selected one")
                });
            r.tell(text);
            return None;
        }
        papers.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
        Some(StarredBox {
            papers: papers.into_iter().map(|(_, r)| r).collect(),
            cursor: ListCursor::default(),
        })
    }
}

impl Component for StarredBox {
    fn scope(&self) -> Scope {
        Scope::Starred
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let rows = layout::board_rows(&r.areas());
        let mut effects = Vec::new();
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                if let Some(&to) = self.papers.get(self.cursor.selected) {
                    let note = go_to(r, to);
                    r.tell(format!(
                        "Starred paper {} of {}{note}",
                        self.cursor.selected + 1,
                        self.papers.len()
                    ));
                }
                return Handled::close();
            }
            Command::Star => {
                if let Some(&at) = self.papers.get(self.cursor.selected) {
                    effects = toggle_star(r, at);
                }
            }
            other => {
                self.cursor.apply(other, self.papers.len(), rows);
            }
        }
        self.cursor.fit(rows);
        Handled::stay().with(effects)
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        Some((self.cursor, self.papers.len(), 0))
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Starred, c);
        hint_line(&[
            (k(Command::Enter), "goes to the paper"),
            (k(Command::Star), "unstars"),
        ])
    }
}
