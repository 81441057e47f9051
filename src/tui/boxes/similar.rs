//! Lists of papers the similarity engine picks, each paper once at its latest listing, best
//! first: the papers most like the selected one (`=`), and the papers for you (`R`), ranked by
//! a model of your stars and tags against what you marked not for me.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::archive::PaperKey;
use crate::search::PaperRef;
use crate::similar::{Feedback, Method};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::handles::SimilarHandle;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// How many neighbours the similar box lists.
pub const SIMILAR: usize = 30;
/// How many papers the for-you box lists.
pub const FOR_YOU: usize = 50;

/// Which list the box is.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    /// The papers like one paper (its title).
    Like(String),
    /// The papers for you, and how they were ranked.
    ForYou(Method),
}

#[derive(Debug, Clone)]
pub struct SimilarBox {
    pub picked: Picked,
    /// The neighbours' latest listings with their similarity (0 to 1), best first.
    pub papers: Vec<(PaperRef, f32)>,
    pub cursor: ListCursor,
}

/// The similarity engine, or `None` (and that it is coming) while it is built.
fn engine(r: &mut Reader) -> Option<SimilarHandle> {
    let handle = r.similar.clone();
    if handle.is_none() {
        r.tell("Working out which papers are alike…");
    }
    handle
}

/// The papers at their latest listings, in the order given (those the archive lacks left out).
fn at_latest(r: &Reader, papers: Vec<(PaperKey, f32)>) -> Vec<(PaperRef, f32)> {
    papers
        .into_iter()
        .filter_map(|(k, s)| Some((*r.listings_of(&k).last()?, s)))
        .collect()
}

impl SimilarBox {
    /// The list for the selected paper, or `None` (and why) when there is none to show.
    pub fn open(r: &mut Reader) -> Option<SimilarBox> {
        let Some(paper) = r.current_paper() else {
            r.tell("No paper selected");
            return None;
        };
        let (key, title) = (paper.key.clone(), paper.title.to_string());
        let handle = engine(r)?;
        let papers = at_latest(r, handle.similar.similar(key.as_str(), SIMILAR));
        if papers.is_empty() {
            r.tell("No paper shares enough words, categories or authors with this one");
            return None;
        }
        Some(SimilarBox {
            picked: Picked::Like(title),
            papers,
            cursor: ListCursor::default(),
        })
    }

    /// The papers for you: unread, unstarred, untagged papers ranked from the starred and
    /// tagged ones (positives) and those marked not for me (negatives); `None` (and how to
    /// start) when there is nothing to go on.
    pub fn for_you(r: &mut Reader) -> Option<SimilarBox> {
        let handle = engine(r)?;
        let feedback = Feedback::new(r.starred.keys(), r.tags.keys(), &r.not_for_me, &r.read);
        let found = handle.similar.recommend(
            &feedback.positives,
            &feedback.negatives,
            &feedback.exclude,
            FOR_YOU,
        );
        let papers = at_latest(r, found.papers);
        if papers.is_empty() {
            let text = r
                .keymap
                .say(Scope::Reader, Command::Star, "Nothing to go on yet", |k| {
                    format!(": star a few papers with {k}, and papers like them come here")
                });
            r.tell(text);
            return None;
        }
        Some(SimilarBox {
            picked: Picked::ForYou(found.method),
            papers,
            cursor: ListCursor::default(),
        })
    }
}

impl Component for SimilarBox {
    fn scope(&self) -> Scope {
        match self.picked {
            Picked::Like(_) => Scope::Similar,
            Picked::ForYou(_) => Scope::ForYou,
        }
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let rows = layout::board_rows(&r.areas());
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                if let Some(&(to, _)) = self.papers.get(self.cursor.selected) {
                    let note = go_to(r, to);
                    let what = match self.picked {
                        Picked::Like(_) => "Similar paper",
                        Picked::ForYou(_) => "Paper for you",
                    };
                    r.tell(format!(
                        "{what} {} of {}{note}",
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
        let k = |c| km.hint(self.scope(), c);
        hint_line(&[
            (k(Command::Enter), "goes to the paper"),
            (k(Command::Back), "returns"),
        ])
    }
}
