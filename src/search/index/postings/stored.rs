//! Where postings keep their groups' bytes: in memory when built here, or left in the cache
//! file when read back from it (see `bulk`), read when a query wants a key's, a run of
//! neighbouring keys at a time. Bytes read back are checked as they are read, varint by
//! varint and bound by bound, every time (the file could be written over by someone else
//! meanwhile): a damaged key gives nothing, and makes its postings say so once.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

#[cfg(test)]
use super::super::doc::FIELDS;
use super::group::{Group, checked_varint, next_group};
use super::{Lazy, MAX_POSITION, Postings, Store};
use crate::bulk::{Piece, Stored};
#[cfg(test)]
use crate::spill::Spill;

/// Keys whose bytes are this near each other are read at once (a query's keys are mostly one
/// range of sorted keys, their bytes end to end) ...
const GAP: u64 = 16 << 10;
/// ... up to this much at once (a key longer than that is read alone).
const WINDOW: u64 = 1 << 20;

impl Store {
    pub(super) fn heap_bytes(&self) -> usize {
        match self {
            Store::Memory(b) => b.capacity(),
            Store::File(l) => l.checked.capacity(),
        }
    }
}

impl Lazy {
    pub(super) fn new(bytes: Stored, docs: Range<u32>, fields: u8, keys: usize) -> Lazy {
        Lazy {
            bytes,
            docs,
            fields,
            checked: (0..keys).map(|_| AtomicU8::new(UNREAD)).collect(),
            found: AtomicBool::new(false),
            told: AtomicBool::new(false),
        }
    }

    /// Whether key `k`'s groups, `bytes`, are sound: checked the first time (see
    /// `valid_groups`), and known from then on.
    pub(super) fn sound(&self, k: usize, bytes: &[u8]) -> bool {
        match self.checked[k].load(Ordering::Relaxed) {
            DAMAGED => false,
            UNREAD if !valid_groups(bytes, &self.docs, self.fields) => {
                self.damage(k);
                false
            }
            UNREAD => {
                self.checked[k].store(SOUND, Ordering::Relaxed);
                true
            }
            _ => true,
        }
    }

    pub(super) fn damage(&self, k: usize) {
        self.checked[k].store(DAMAGED, Ordering::Relaxed);
        self.found.store(true, Ordering::Relaxed);
    }
}

const UNREAD: u8 = 0;
const SOUND: u8 = 1;
const DAMAGED: u8 = 2;

impl Postings {
    /// Postings of stored parts, their groups left in `bytes`, if the keys are what `finish`
    /// makes: every offset in bounds and on a character boundary. Their groups are checked
    /// when read: decodable, of documents in `docs`, fields below `fields` and word numbers
    /// in range. Whatever a damaged cache holds, searching what this accepts cannot panic.
    pub(crate) fn stored(
        text: String,
        key_ends: Vec<u32>,
        starts: Vec<u64>,
        bytes: Stored,
        docs: Range<u32>,
        fields: u8,
    ) -> Option<Postings> {
        let ok = key_ends.len() == starts.len()
            && key_ends.is_sorted()
            && starts.is_sorted()
            && key_ends.last().is_none_or(|&e| e as usize <= text.len())
            && key_ends.iter().all(|&e| text.is_char_boundary(e as usize))
            && starts.last().copied().unwrap_or(0) == bytes.len();
        let keys = key_ends.len();
        ok.then(|| Postings {
            text,
            key_ends,
            starts,
            bytes: Store::File(Lazy::new(bytes, docs, fields, keys)),
        })
    }

    /// Moves the groups' bytes to `spill`, to be read back from there as a cache's are (and
    /// checked as they are, of documents in `docs`), as the cache's stored postings are
    /// merged (for tests of that).
    #[cfg(test)]
    pub fn spill(&mut self, spill: &Spill, docs: Range<u32>) {
        let Store::Memory(bytes) = &self.bytes else {
            return;
        };
        if let Ok(stored) = spill.put(bytes) {
            self.bytes = Store::File(Lazy::new(stored, docs, FIELDS.len() as u8, self.len()));
        }
    }

    /// The groups' bytes, for the cache to store.
    pub(crate) fn piece(&self) -> Piece<'_> {
        match &self.bytes {
            Store::Memory(b) => Piece::Memory(b),
            Store::File(l) => Piece::Stored(&l.bytes),
        }
    }

    /// The length of all the keys' groups.
    pub(super) fn bytes_len(&self) -> u64 {
        self.piece().len()
    }

    /// True once, the first time after a key of these postings was found damaged.
    pub(crate) fn take_damage_notice(&self) -> bool {
        match &self.bytes {
            Store::File(l) => {
                l.found.load(Ordering::Relaxed) && !l.told.swap(true, Ordering::Relaxed)
            }
            Store::Memory(_) => false,
        }
    }

    /// Calls `each(k, groups)` for each of `keys` whose groups are sound, in order. Stored
    /// ones are read into `buf`, a run of neighbours at a time, and checked.
    pub(super) fn each_key(
        &self,
        keys: &[usize],
        buf: &mut Vec<u8>,
        mut each: impl FnMut(usize, &[u8]),
    ) {
        self.each_key_of(keys, buf, &mut each);
    }

    fn each_key_of(&self, keys: &[usize], buf: &mut Vec<u8>, each: &mut dyn FnMut(usize, &[u8])) {
        let lazy = match &self.bytes {
            Store::Memory(bytes) => {
                for &k in keys {
                    let r = self.span(k);
                    each(k, &bytes[r.start as usize..r.end as usize]);
                }
                return;
            }
            Store::File(lazy) => lazy,
        };
        let mut i = 0;
        while i < keys.len() {
            let from = self.span(keys[i]).start;
            let mut end = self.span(keys[i]).end;
            let mut j = i + 1;
            while let Some(&k) = keys.get(j) {
                let next = self.span(k);
                if next.start < end || next.start - end > GAP || next.end - from > WINDOW {
                    break;
                }
                end = next.end;
                j += 1;
            }
            let run = &keys[i..j];
            i = j;
            buf.clear();
            buf.resize((end - from) as usize, 0);
            if lazy.bytes.read(from, buf).is_err() {
                // Those that can be read alone (before a cut file's end) still answer.
                if run.len() > 1 {
                    for k in run {
                        self.each_key_of(std::slice::from_ref(k), buf, each);
                    }
                } else {
                    lazy.damage(run[0]);
                }
                continue;
            }
            for &k in run {
                let r = self.span(k);
                let bytes = &buf[(r.start - from) as usize..(r.end - from) as usize];
                if lazy.sound(k, bytes) {
                    each(k, bytes);
                }
            }
        }
    }
}

impl Postings {
    /// Calls `each(group)` for every group of `bytes`, key `k`'s. The whole key was checked
    /// when first read (see `valid_groups`); what could go wrong since (the file written over
    /// by someone else) is checked again as it goes, cheaply, and stops there: no panic, no
    /// document or field out of bounds.
    pub(super) fn groups(&self, k: usize, bytes: &[u8], mut each: impl FnMut(Group)) {
        let lazy = match &self.bytes {
            Store::File(l) => Some(l),
            Store::Memory(_) => None,
        };
        let doc_ok = |doc, field| lazy.is_none_or(|l| l.docs.contains(&doc) && field < l.fields);
        let (mut at, mut doc) = (0, 0u32);
        while at < bytes.len() {
            match next_group(bytes, &mut at, doc, doc_ok) {
                Some(g) => {
                    doc = g.doc;
                    each(g);
                }
                None => {
                    if let Some(l) = lazy {
                        l.damage(k);
                    }
                    return;
                }
            }
        }
    }
}

/// Whether `bytes` are groups as `Builder` writes them: of documents in `docs` and fields
/// below `fields`, (document, field) increasing from group to group and codes increasing
/// within each, each code within what `Builder` packs. (The headers are dense, most damage to
/// them still decodes: order is what shows it.)
fn valid_groups(bytes: &[u8], docs: &Range<u32>, fields: u8) -> bool {
    let doc_ok = |doc, field| docs.contains(&doc) && field < fields;
    let (mut at, mut doc, mut last) = (0, 0u32, None);
    while at < bytes.len() {
        let Some(g) = next_group(bytes, &mut at, doc, doc_ok) else {
            return false;
        };
        if last.is_some_and(|l| l >= (g.doc, g.field)) {
            return false;
        }
        (doc, last) = (g.doc, Some((g.doc, g.field)));
        let (mut at, mut code) = (g.codes, 0u32);
        for i in 0..g.n {
            match checked_varint(bytes, &mut at).and_then(|c| code.checked_add(c)) {
                Some(c) if c <= (MAX_POSITION << 1 | 1) && (i == 0 || c > code) => code = c,
                _ => return false,
            }
        }
    }
    true
}
