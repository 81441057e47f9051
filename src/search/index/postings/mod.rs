//! The inverted index proper: every distinct key (a folded word, or the part of a word from a
//! camel-case hump on) with where it occurs, as varint-coded deltas in one buffer.
//!
//! Keys are sorted, so the keys a prefix matches are one range found by binary search. A key's
//! postings are groups, one per (document, field), in document order: a header of the
//! document's delta, the field and the count, then `count × position delta` (see `group`),
//! where a position is `word number << 1 | 1 if the key starts at a hump`.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU8};

use memchr::memmem;

use crate::bulk::Stored;
use group::read_varint;

pub mod builder;
mod cursor;
mod group;
mod merge;
mod stored;
pub mod stream;
#[cfg(test)]
mod tests;

/// The largest word number kept: positions past it share it (a field of 130 million words).
const MAX_POSITION: u32 = (1 << 27) - 1;

/// Appends the groups of `occurrences` (sorted, packed `doc << 32 | field << 28 | code`) to
/// `out`: what `Builder` makes of them, for its tests.
#[cfg(test)]
fn encode(occurrences: &[u64], out: &mut Vec<u8>) {
    let mut prev_doc = 0u32;
    let mut i = 0;
    while i < occurrences.len() {
        let group = occurrences[i] >> 28;
        let n = occurrences[i..]
            .iter()
            .take_while(|&&o| o >> 28 == group)
            .count();
        let doc = (occurrences[i] >> 32) as u32;
        let field = ((occurrences[i] >> 28) & 0xf) as u8;
        group::push_header(doc - prev_doc, field, n as u32, out);
        let mut prev = 0u32;
        for o in &occurrences[i..i + n] {
            let code = (o & 0x0fff_ffff) as u32;
            group::push_varint(code - prev, out);
            prev = code;
        }
        prev_doc = doc;
        i += n;
    }
}

#[derive(Debug)]
enum Store {
    Memory(Vec<u8>),
    File(Lazy),
}

impl Default for Store {
    fn default() -> Store {
        Store::Memory(Vec::new())
    }
}

/// Groups left in a file, and what they may hold.
#[derive(Debug)]
struct Lazy {
    bytes: Stored,
    docs: Range<u32>,
    fields: u8,
    /// Each key's state: not read yet, found sound, or found damaged (and not read again).
    checked: Vec<AtomicU8>,
    /// Whether one was, and whether that was said.
    found: AtomicBool,
    told: AtomicBool,
}

/// Keys and their occurrences, read-only once built.
#[derive(Debug, Default)]
pub struct Postings {
    /// Every key, sorted, end to end; key `k` ends at `key_ends[k]`.
    text: String,
    key_ends: Vec<u32>,
    /// Key `k`'s groups are `bytes[starts[k - 1]..starts[k]]` (from 0 for the first).
    starts: Vec<u64>,
    bytes: Store,
}

impl Postings {
    /// Postings built here, their bytes in memory.
    fn built(text: String, key_ends: Vec<u32>, starts: Vec<u64>, bytes: Vec<u8>) -> Postings {
        Postings {
            text,
            key_ends,
            starts,
            bytes: Store::Memory(bytes),
        }
    }

    pub fn len(&self) -> usize {
        self.key_ends.len()
    }

    fn key(&self, k: usize) -> &str {
        let from = if k == 0 { 0 } else { self.key_ends[k - 1] } as usize;
        &self.text[from..self.key_ends[k] as usize]
    }

    /// Where key `k`'s groups are among the bytes.
    fn span(&self, k: usize) -> std::ops::Range<u64> {
        (if k == 0 { 0 } else { self.starts[k - 1] })..self.starts[k]
    }

    /// The keys starting with `prefix`: one range of the sorted keys.
    pub fn with_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        let lo = partition(self.len(), |k| self.key(k) < prefix);
        let hi = lo + partition(self.len() - lo, |k| self.key(lo + k).starts_with(prefix));
        lo..hi
    }

    /// The keys holding `part` anywhere.
    pub fn containing(&self, part: &str) -> Vec<usize> {
        let finder = memmem::Finder::new(part.as_bytes());
        (0..self.len())
            .filter(|&k| finder.find(self.key(k).as_bytes()).is_some())
            .collect()
    }

    /// Calls `each(doc, field, n, codes)` for every group of `keys`: the `n` occurrences in
    /// `doc`'s `field`, their codes still varint-coded in `codes`.
    fn each_group(&self, keys: &[usize], mut each: impl FnMut(u32, u8, u32, &[u8])) {
        self.each_key(keys, &mut Vec::new(), |k, bytes| {
            self.groups(k, bytes, |g| {
                each(g.doc, g.field, g.n, &bytes[g.codes..g.tail.end])
            })
        });
    }

    /// Calls `each(code)` for every varint-coded delta of `codes`, accumulated.
    fn codes(codes: &[u8], mut each: impl FnMut(u32)) {
        let (mut at, mut code) = (0, 0);
        while at < codes.len() {
            code = read_varint(codes, &mut at).wrapping_add(code);
            each(code);
        }
    }

    /// Calls `each(doc, field, count)` for every (document, field) where one of `keys`
    /// occurs, counting only occurrences at a word's start unless `humps`.
    pub fn counts(&self, keys: &[usize], humps: bool, mut each: impl FnMut(u32, u8, u32)) {
        self.each_group(keys, |doc, field, n, codes| {
            let kept = if humps {
                n
            } else {
                let mut kept = 0;
                Self::codes(codes, |c| kept += u32::from(c & 1 == 0));
                kept
            };
            if kept > 0 {
                each(doc, field, kept);
            }
        });
    }

    /// Every occurrence of `keys` as `doc << 32 | field << 28 | word number`, from a hump
    /// only if `humps`.
    pub fn positions(&self, keys: &[usize], humps: bool, out: &mut Vec<u64>) {
        self.each_group(keys, |doc, field, _, codes| {
            let base = (u64::from(doc) << 32) | (u64::from(field) << 28);
            Self::codes(codes, |c| {
                if humps || c & 1 == 0 {
                    out.push(base | u64::from((c >> 1) & MAX_POSITION));
                }
            });
        });
    }

    /// The keys' parts, for the cache to store (see `persist`); the groups are `piece`.
    pub(super) fn keys(&self) -> (&str, &[u32], &[u64]) {
        (&self.text, &self.key_ends, &self.starts)
    }

    /// Its parts, bytes and all (for tests; stored bytes read back).
    #[cfg(test)]
    pub(crate) fn parts(&self) -> (&str, &[u32], std::borrow::Cow<'_, [u8]>, &[u64]) {
        let bytes = match &self.bytes {
            Store::Memory(bytes) => std::borrow::Cow::Borrowed(&bytes[..]),
            Store::File(lazy) => {
                let mut buf = vec![0u8; lazy.bytes.len() as usize];
                lazy.bytes
                    .read(0, &mut buf)
                    .expect("stored bytes read back");
                std::borrow::Cow::Owned(buf)
            }
        };
        (&self.text, &self.key_ends, bytes, &self.starts)
    }

    /// Whether the groups' bytes are held in memory (not left in a file).
    #[cfg(test)]
    pub(crate) fn in_memory(&self) -> bool {
        matches!(self.bytes, Store::Memory(_))
    }

    /// Bytes held, for the memory report (stored bytes are not held).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.bytes.heap_bytes()
            + self.key_ends.capacity() * 4
            + self.starts.capacity() * 8
    }
}

/// The first `i` in `0..n` for which `below(i)` is false (`below` true then false).
fn partition(n: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
