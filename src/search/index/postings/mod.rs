//! The inverted index proper: every distinct key (a folded word, or the part of a word from a
//! camel-case hump on) with where it occurs, as varint-coded deltas in one buffer.
//!
//! Keys are sorted, so the keys a prefix matches are one range found by binary search. A key's
//! postings are groups, one per (document, field), in document order:
//! `doc delta, field, count, count × position delta`, where a position is
//! `word number << 1 | 1 if the key starts at a hump`.

use memchr::memmem;

mod builder;
mod merge;

pub use builder::Builder;

/// The largest word number kept: positions past it share it (a field of 130 million words).
const MAX_POSITION: u32 = (1 << 27) - 1;

fn push_varint(mut v: u32, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

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
        push_varint(doc - prev_doc, out);
        out.push(((occurrences[i] >> 28) & 0xf) as u8);
        push_varint(n as u32, out);
        let mut prev = 0u32;
        for o in &occurrences[i..i + n] {
            let code = (o & 0x0fff_ffff) as u32;
            push_varint(code - prev, out);
            prev = code;
        }
        prev_doc = doc;
        i += n;
    }
}

/// Keys and their occurrences, read-only once built.
#[derive(Debug, Default)]
pub struct Postings {
    /// Every key, sorted, end to end; key `k` ends at `key_ends[k]`.
    text: String,
    key_ends: Vec<u32>,
    /// Key `k`'s groups are `bytes[starts[k - 1]..starts[k]]` (from 0 for the first).
    bytes: Vec<u8>,
    starts: Vec<u64>,
}

impl Postings {
    pub fn len(&self) -> usize {
        self.key_ends.len()
    }

    fn key(&self, k: usize) -> &str {
        let from = if k == 0 { 0 } else { self.key_ends[k - 1] } as usize;
        &self.text[from..self.key_ends[k] as usize]
    }

    fn groups(&self, k: usize) -> &[u8] {
        let from = if k == 0 { 0 } else { self.starts[k - 1] } as usize;
        &self.bytes[from..self.starts[k] as usize]
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

    /// Calls `each(doc, rest)` for every group of key `k`: its document and what follows the
    /// document's delta (field, count and codes, as coded).
    fn read_groups(&self, k: usize, _buf: &mut Vec<u8>, mut each: impl FnMut(u32, &[u8])) {
        let bytes = self.groups(k);
        let (mut at, mut doc) = (0, 0u32);
        while at < bytes.len() {
            doc += read_varint(bytes, &mut at);
            let from = at;
            at += 1;
            let n = read_varint(bytes, &mut at);
            // The codes end after their n-th last byte (one below 0x80).
            let mut ends = 0;
            while ends < n {
                ends += u32::from(bytes[at] < 0x80);
                at += 1;
            }
            each(doc, &bytes[from..at]);
        }
    }

    /// Calls `each(doc, field, n, codes)` for every group of key `k`: the `n` occurrences in
    /// `doc`'s `field`, their codes still varint-coded in `codes`.
    fn each_group(&self, k: usize, mut each: impl FnMut(u32, u8, u32, &[u8])) {
        self.read_groups(k, &mut Vec::new(), |doc, rest| {
            let mut at = 1;
            let n = read_varint(rest, &mut at);
            each(doc, rest[0], n, &rest[at..]);
        });
    }

    /// Calls `each(code)` for every varint-coded delta of `codes`, accumulated.
    fn codes(codes: &[u8], mut each: impl FnMut(u32)) {
        let (mut at, mut code) = (0, 0);
        while at < codes.len() {
            code += read_varint(codes, &mut at);
            each(code);
        }
    }

    /// Calls `each(doc, field, count)` for every (document, field) where key `k` occurs,
    /// counting only occurrences at a word's start unless `humps`.
    pub fn counts(&self, k: usize, humps: bool, mut each: impl FnMut(u32, u8, u32)) {
        self.each_group(k, |doc, field, n, codes| {
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

    /// Every occurrence of key `k` as `doc << 32 | field << 28 | word number`, from a hump
    /// only if `humps`.
    pub fn positions(&self, k: usize, humps: bool, out: &mut Vec<u64>) {
        self.each_group(k, |doc, field, _, codes| {
            let base = (u64::from(doc) << 32) | (u64::from(field) << 28);
            Self::codes(codes, |c| {
                if humps || c & 1 == 0 {
                    out.push(base | u64::from(c >> 1));
                }
            });
        });
    }

    /// Its parts, for the cache to store (see `persist`).
    pub(super) fn parts(&self) -> (&str, &[u32], &[u8], &[u64]) {
        (&self.text, &self.key_ends, &self.bytes, &self.starts)
    }

    /// Postings made of stored parts, if they are what `finish` makes of documents `docs`
    /// and fields below `fields`: every offset in bounds and on a character boundary, every
    /// group decodable, its documents in `docs` and its word numbers in range. Whatever a
    /// damaged cache holds, searching what this accepts cannot panic.
    pub(super) fn from_parts(
        text: String,
        key_ends: Vec<u32>,
        bytes: Vec<u8>,
        starts: Vec<u64>,
        docs: std::ops::Range<u32>,
        fields: u8,
    ) -> Option<Postings> {
        let p = Postings {
            text,
            key_ends,
            bytes,
            starts,
        };
        let ok = p.key_ends.len() == p.starts.len()
            && p.key_ends.is_sorted()
            && p.starts.is_sorted()
            && p.key_ends
                .last()
                .is_none_or(|&e| e as usize <= p.text.len())
            && p.key_ends
                .iter()
                .all(|&e| p.text.is_char_boundary(e as usize))
            && p.starts.last().is_none_or(|&e| e as usize == p.bytes.len())
            && (0..p.len()).all(|k| valid_groups(p.groups(k), &docs, fields));
        ok.then_some(p)
    }

    /// Bytes held, for the memory report.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.bytes.capacity()
            + self.key_ends.capacity() * 4
            + self.starts.capacity() * 8
    }
}

/// A varint of at most five bytes that fits in a `u32`, or `None`.
fn checked_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v = 0u64;
    for shift in [0, 7, 14, 21, 28] {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return u32::try_from(v).ok();
        }
    }
    None
}

/// Whether `bytes` are groups as `encode` writes them, of documents in `docs` (increasing)
/// and fields below `fields`, each code within what `Builder` packs.
fn valid_groups(bytes: &[u8], docs: &std::ops::Range<u32>, fields: u8) -> bool {
    let (mut at, mut doc) = (0, 0u32);
    while at < bytes.len() {
        let Some(d) = checked_varint(bytes, &mut at).and_then(|d| doc.checked_add(d)) else {
            return false;
        };
        doc = d;
        let Some(&field) = bytes.get(at) else {
            return false;
        };
        at += 1;
        if !docs.contains(&doc) || field >= fields {
            return false;
        }
        let Some(n) = checked_varint(bytes, &mut at) else {
            return false;
        };
        let mut code = 0u32;
        for _ in 0..n {
            match checked_varint(bytes, &mut at).and_then(|c| code.checked_add(c)) {
                Some(c) if c <= (MAX_POSITION << 1 | 1) => code = c,
                _ => return false,
            }
        }
    }
    true
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

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> Postings {
        let mut b = Builder::default();
        b.add("gan", 0, 0, 3, false);
        b.add("gan", 0, 0, 900, true);
        b.add("gan", 0, 2, 1, false);
        b.add("gans", 7, 0, 0, false);
        b.add("stylegan", 7, 0, 5, false);
        b.add("gan", 7, 0, 5, true);
        b.add("garden", 300, 5, 70_000, false);
        b.finish()
    }

    #[test]
    fn prefixes_are_one_range_of_the_sorted_keys() {
        let p = built();
        let keys = |r: std::ops::Range<usize>| r.map(|k| p.key(k).to_string()).collect::<Vec<_>>();
        assert_eq!(keys(p.with_prefix("ga")), ["gan", "gans", "garden"]);
        assert_eq!(keys(p.with_prefix("gan")), ["gan", "gans"]);
        assert_eq!(keys(p.with_prefix("z")), Vec::<String>::new());
        assert_eq!(
            keys(p.with_prefix("")),
            ["gan", "gans", "garden", "stylegan"]
        );
        let inside: Vec<&str> = p.containing("yle").into_iter().map(|k| p.key(k)).collect();
        assert_eq!(inside, ["stylegan"]);
    }

    #[test]
    fn occurrences_come_back_as_they_went_in() {
        let p = built();
        let gan = p.with_prefix("gan").start;
        let mut got = Vec::new();
        p.counts(gan, true, |d, f, n| got.push((d, f, n)));
        assert_eq!(got, [(0, 0, 2), (0, 2, 1), (7, 0, 1)]);
        got.clear();
        p.counts(gan, false, |d, f, n| got.push((d, f, n)));
        assert_eq!(got, [(0, 0, 1), (0, 2, 1)], "humps left out");
        let mut pos = Vec::new();
        p.positions(p.with_prefix("garden").start, false, &mut pos);
        assert_eq!(pos, [(300u64 << 32) | (5 << 28) | 70_000]);
    }
}
