//! What a merge reads: postings key after key, in order, each key's groups once. Held postings
//! are read where they are; groups left in a file (a cache's) are read ahead a window at a
//! time, not a key at a time (a merge of 15 parts of 50,000 keys each would otherwise make
//! 750,000 reads), and checked as a search checks them; streamed postings (see `stream`) are
//! read as the stream they are.

use super::group::Group;
use super::{Postings, Store};

/// Stored groups are read this much at a time (or a whole key, if longer).
const AHEAD: u64 = 256 << 10;

/// Keys in order, with their groups.
pub(super) trait Source {
    /// The key at hand; `None` once past the last.
    fn key(&self) -> Option<&str>;
    /// Calls `each(group, bytes)` for every group of the key at hand, its parts being in
    /// `bytes`; none for a damaged key.
    fn groups(&mut self, each: &mut dyn FnMut(&Group, &[u8]));
    /// On to the next key.
    fn advance(&mut self);
    /// Whether the source could not be read to its end (a stream's file failing).
    fn failed(&self) -> bool {
        false
    }
}

/// Postings (held or stored) as a source.
pub(super) struct Cursor<'a> {
    postings: &'a Postings,
    at: usize,
    buf: Vec<u8>,
    /// Where `buf` starts among the groups' bytes.
    from: u64,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(postings: &'a Postings) -> Cursor<'a> {
        Cursor {
            postings,
            at: 0,
            buf: Vec::new(),
            from: 0,
        }
    }
}

impl Source for Cursor<'_> {
    fn key(&self) -> Option<&str> {
        (self.at < self.postings.len()).then(|| self.postings.key(self.at))
    }

    fn advance(&mut self) {
        self.at += 1;
    }

    fn groups(&mut self, each: &mut dyn FnMut(&Group, &[u8])) {
        let (p, k) = (self.postings, self.at);
        let span = p.span(k);
        let lazy = match &p.bytes {
            Store::Memory(bytes) => {
                let bytes = &bytes[span.start as usize..span.end as usize];
                p.groups(k, bytes, |g| each(&g, bytes));
                return;
            }
            Store::File(lazy) => lazy,
        };
        let held = self.from..self.from + self.buf.len() as u64;
        if span.start < held.start || span.end > held.end {
            let total = lazy.bytes.len();
            let len = (span.end - span.start).max(AHEAD.min(total.saturating_sub(span.start)));
            self.from = span.start;
            self.buf.clear();
            self.buf.resize(len as usize, 0);
            if lazy.bytes.read(span.start, &mut self.buf).is_err() {
                // Perhaps only what lies ahead is missing (a cut file): this key alone.
                self.buf.truncate((span.end - span.start) as usize);
                if lazy.bytes.read(span.start, &mut self.buf).is_err() {
                    self.buf.clear();
                    lazy.damage(k);
                    return;
                }
            }
        }
        let at = (span.start - self.from) as usize;
        let bytes = &self.buf[at..at + (span.end - span.start) as usize];
        if lazy.sound(k, bytes) {
            p.groups(k, bytes, |g| each(&g, bytes));
        }
    }
}
