//! The papers most like the selected one (`=`): the similarity engine's neighbours, each paper
//! once at its latest listing, best first.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::search::PaperRef;
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// How many neighbours the box lists.
pub const SIMILAR: usize = 30;

#[derive(Debug, Clone)]
pub struct SimilarBox {
    /// The paper they are like, as shown.
    pub title: String,
    /// The neighbours' latest listings with their similarity (0 to 1), best first.
    pub papers: Vec<(PaperRef, f32)>,
    pub cursor: ListCursor,
}

impl SimilarBox {
    /// The list for the selected paper, or `None` (and why) when there is none to show.
    pub fn open(r: &mut Reader) -> Option<SimilarBox> {
        let Some(paper) = r.current_paper() else {
            r.tell("No paper selected");
            return None;
        };
        let (key, title) = (paper.key.clone(), paper.title.clone());
        let Some(handle) = r.similar.clone() else {
            r.tell("Still working out which papers are alike; try again in a moment");
            return None;
        };
        let papers: Vec<(PaperRef, f32)> = handle
            .similar
            .similar(key.as_str(), SIMILAR)
            .into_iter()
            .filter_map(|(k, s)| Some((*r.listings_of(&k).last()?, s)))
            .collect();
        if papers.is_empty() {
            r.tell("No paper shares enough words, categories or authors with this one");
            return None;
        }
        Some(SimilarBox {
            title,
            papers,
            cursor: ListCursor::default(),
        })
    }
}

impl Component for SimilarBox {
    fn scope(&self) -> Scope {
        Scope::Similar
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let rows = layout::board_rows(&r.areas());
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                if let Some(&(to, _)) = self.papers.get(self.cursor.selected) {
                    let note = go_to(r, to);
                    r.tell(format!(
                        "Similar paper {} of {}{note}",
                        self.cursor.selected + 1,
                        self.papers.len()
                    ));
                }
                return Handled::close();
            }
            other => {
                self.cursor.apply(other, self.papers.len(), rows);
            }
        }
        self.cursor.fit(rows);
        Handled::stay()
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        Some((self.cursor, self.papers.len(), 0))
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Similar, c);
        hint_line(&[
            (k(Command::Enter), "goes to the paper"),
            (k(Command::Back), "returns"),
        ])
    }
}
