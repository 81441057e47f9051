//! Building postings as documents are indexed: each key's groups are encoded when its
//! document ends, so what is held while building is about the size of the finished postings
//! (not eight bytes an occurrence, as gathering them all first would take).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::group::{self, push_varint};
use super::{MAX_POSITION, Postings};

/// Occurrences gathered while indexing, documents one at a time in increasing order.
/// Hashed with foldhash rather than SipHash: every word of every paper is looked up here, and
/// keys are no secret to guard against.
#[derive(Debug, Default)]
pub struct Builder {
    /// Each key's number: its place in `keys`.
    ids: HashMap<Box<str>, u32, FixedState>,
    keys: Vec<KeyBytes>,
    /// The document being indexed, and its occurrences, packed `id << 32 | field << 28 |
    /// code`: sorted when it ends, they are each key's next groups in order.
    doc: u32,
    current: Vec<u64>,
}

/// One key's groups so far, and the document of the last (the next one's delta is from it).
#[derive(Debug, Default)]
struct KeyBytes {
    bytes: Vec<u8>,
    last: u32,
}

impl Builder {
    /// Records that `key` occurs in `doc`'s `field` at word `pos` (from a hump or not).
    /// Documents come in increasing order, and fields are of `FIELDS`: a call for a document
    /// before the current one, or of another field, is a bug of the caller, and panics.
    pub fn add(&mut self, key: &str, doc: u32, field: u8, pos: u32, hump: bool) {
        assert!(group::fits(field), "a field of the index");
        if doc != self.doc {
            assert!(doc > self.doc, "documents are indexed in increasing order");
            self.end_document();
            self.doc = doc;
        }
        let id = match self.ids.get(key) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.ids.insert(key.into(), id);
                self.keys.push(KeyBytes::default());
                id
            }
        };
        let code = (pos.min(MAX_POSITION) << 1) | u32::from(hump);
        self.current
            .push((u64::from(id) << 32) | (u64::from(field) << 28) | u64::from(code));
    }

    /// Encodes the current document's occurrences into their keys' groups.
    fn end_document(&mut self) {
        // Fields come in order and words in order within each, so this is nearly sorted;
        // word numbers past `MAX_POSITION` share one, hence the sort and the dedup.
        self.current.sort_unstable();
        self.current.dedup();
        let doc = self.doc;
        let mut i = 0;
        while i < self.current.len() {
            let group = self.current[i] >> 28;
            let n = self.current[i..]
                .iter()
                .take_while(|&&o| o >> 28 == group)
                .count();
            let key = &mut self.keys[(group >> 4) as usize];
            group::push_header(
                doc - key.last,
                (group & 0xf) as u8,
                n as u32,
                &mut key.bytes,
            );
            let mut prev = 0u32;
            for &o in &self.current[i..i + n] {
                let code = (o & 0x0fff_ffff) as u32;
                push_varint(code - prev, &mut key.bytes);
                prev = code;
            }
            key.last = doc;
            i += n;
        }
        self.current.clear();
    }

    pub fn finish(mut self) -> Postings {
        self.end_document();
        let mut sorted: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let text_len = sorted.iter().map(|(k, _)| k.len()).sum();
        let bytes_len = self.keys.iter().map(|k| k.bytes.len()).sum();
        let mut text = String::with_capacity(text_len);
        let mut key_ends = Vec::with_capacity(sorted.len());
        let mut bytes = Vec::with_capacity(bytes_len);
        let mut starts = Vec::with_capacity(sorted.len());
        for (key, id) in sorted {
            text.push_str(&key);
            key_ends.push(text.len() as u32);
            // Each key's bytes are let go once copied, so that they and the whole are held
            // together only briefly.
            bytes.extend_from_slice(&std::mem::take(&mut self.keys[id as usize].bytes));
            starts.push(bytes.len() as u64);
        }
        Postings::built(text, key_ends, starts, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::super::encode;
    use super::*;
    use crate::test_rng::xorshift;

    /// What the builder made before it streamed: every occurrence gathered, sorted by key,
    /// then encoded whole.
    fn gathered(adds: &[(String, u32, u8, u32, bool)]) -> Postings {
        let mut by_key: std::collections::BTreeMap<&str, Vec<u64>> = Default::default();
        for (key, doc, field, pos, hump) in adds {
            let code = (pos.min(&MAX_POSITION) << 1) | u32::from(*hump);
            let packed = (u64::from(*doc) << 32) | (u64::from(*field) << 28) | u64::from(code);
            by_key.entry(key).or_default().push(packed);
        }
        let (mut text, mut key_ends, mut bytes, mut starts) =
            (String::new(), Vec::new(), Vec::new(), Vec::new());
        for (key, mut occurrences) in by_key {
            occurrences.sort_unstable();
            occurrences.dedup();
            text.push_str(key);
            key_ends.push(text.len() as u32);
            encode(&occurrences, &mut bytes);
            starts.push(bytes.len() as u64);
        }
        Postings::built(text, key_ends, starts, bytes)
    }

    #[test]
    fn streamed_postings_are_the_bytes_of_all_occurrences_encoded_at_once() {
        for seed in 1..40u64 {
            let mut rng = xorshift(seed * 7919);
            let mut adds = Vec::new();
            let mut doc = rng() as u32 % 5;
            for _ in 0..(rng() % 60) {
                doc += (rng() % 3) as u32 * (1 + (rng() % 200) as u32);
                for _ in 0..(rng() % 40) {
                    let key = ["a", "ab", "b", "gan", "stylegan", "é", "z"][rng() as usize % 7];
                    // Now and then past the largest word number, and out of order within a
                    // document, and twice: all as the indexer can make them.
                    let pos = match rng() % 10 {
                        0 => MAX_POSITION + (rng() % 3) as u32,
                        _ => (rng() % 50) as u32,
                    };
                    let add = (key.to_string(), doc, (rng() % 6) as u8, pos, rng() % 3 == 0);
                    adds.push(add);
                }
            }
            let mut b = Builder::default();
            for (key, doc, field, pos, hump) in &adds {
                b.add(key, *doc, *field, *pos, *hump);
            }
            let (built, want) = (b.finish(), gathered(&adds));
            assert_eq!(built.parts(), want.parts(), "seed {seed}");
        }
    }

    #[test]
    #[should_panic(expected = "a field of the index")]
    fn a_field_past_what_a_header_holds_is_refused() {
        Builder::default().add("k", 0, 8, 0, false);
    }
}
