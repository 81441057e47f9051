//! The paper pane's text, kept between frames. Wrapping a paper costs its size, and `update`
//! asks for the pane's lines on every key (scroll bounds, the tweet in view) and the view on
//! every frame: each asked for a fresh wrap, so a `j` in a big paper (a post within the
//! loader's limits can hold 15 MB) took 275 ms. Now a paper is wrapped once for each width and
//! what changes its text (its listings, your tags and note), and moving, scrolling and
//! redrawing reuse it. The query's underlining is not part of the text: the view styles only
//! the lines it shows.
//!
//! The texts are kept in `Reader` (`measure::DetailCache`, a `RefCell` like its `OnceLock`s):
//! a cache of a pure function of the reader's state, so `update` stays a function of state and
//! event.

use std::sync::Arc;

use super::measure::{DetailText, Made, Mine, detail_text};
use super::state::Reader;

/// How many papers' texts are kept: the one shown and the one before, so that going back and
/// forth between two big papers does not wrap either again.
const KEPT: usize = 2;

impl Reader {
    /// The selected paper's lines in the paper pane, as wide as it is: wrapped once, then kept
    /// while nothing they are made of changes.
    pub fn detail(&self) -> Option<Arc<DetailText>> {
        let p = self.shown_paper()?;
        let p = &*p;
        let listed = self.listed();
        let mine = Mine {
            tags: self.tags.get(&p.key).map_or(&[], Vec::as_slice),
            note: self.notes.get(&p.key).map(String::as_str),
        };
        let width = self.detail_width();
        let now = |m: &Made| {
            std::ptr::eq(m.archive.as_ptr(), Arc::as_ptr(&self.archive))
                && (m.day, m.paper, m.width) == (self.day, self.paper, width)
                && m.texts == p.holds_texts()
                && m.listed == listed
                && m.tags == mine.tags
                && m.note.as_deref() == mine.note
        };
        let mut kept = self.detail_cache.0.borrow_mut();
        if let Some(i) = kept.iter().position(|(m, _)| now(m)) {
            let hit = kept.remove(i);
            let text = Arc::clone(&hit.1);
            kept.insert(0, hit);
            return Some(text);
        }
        let text = Arc::new(detail_text(p, width, &listed, mine));
        let made = Made {
            archive: Arc::downgrade(&self.archive),
            day: self.day,
            paper: self.paper,
            width,
            texts: p.holds_texts(),
            listed,
            tags: mine.tags.to_vec(),
            note: mine.note.map(str::to_string),
        };
        kept.insert(0, (made, Arc::clone(&text)));
        kept.truncate(KEPT);
        Some(text)
    }
}
