//! Joining the postings of consecutive chunks of documents into one, taking the chunks apart
//! as it goes: what `merge` makes of them with their documents as they are, but holding about
//! once the postings rather than twice (the chunks whole and the result whole, the peak of an
//! index build). Keys are merged from the last: each chunk's groups are consumed from the end
//! of its buffer, which is cut back as they are, and the result is written back to front, then
//! turned round (each key's groups were written reversed, so that turning the whole buffer
//! round puts them right).

use super::group;
use super::{Postings, Store};

/// A chunk's buffer is given back once this much of it was consumed since the last time.
const GIVE_BACK: usize = 256 * 1024;

impl Postings {
    /// `merge(parts, Some)` of postings built here (of consecutive documents, in order),
    /// consuming them.
    pub fn join(mut parts: Vec<Postings>) -> Postings {
        if parts.len() == 1 {
            return parts.pop().unwrap_or_default();
        }
        let total: usize = parts.iter().map(|p| p.bytes_len() as usize).sum();
        // Grown a sixteenth at a time, as the chunks give theirs back: never much more than
        // the postings once. (A chunk's first group of a key is coded from document 0, here
        // from the chunk before's last: never longer, so `total` is all it comes to.)
        let step = (total / 16).max(GIVE_BACK);
        let mut bytes: Vec<u8> = Vec::new();
        let mut text: Vec<u8> = Vec::with_capacity(parts.iter().map(|p| p.text.len()).sum());
        // Each key's length and its groups' length, from the last key.
        let mut lens: Vec<(u32, u64)> = Vec::new();
        let mut left: Vec<usize> = parts.iter().map(Postings::len).collect();
        let mut cut = vec![0usize; parts.len()];
        let (mut holding, mut key, mut block, mut buf) =
            (Vec::new(), String::new(), Vec::new(), Vec::new());
        loop {
            // The greatest key not yet joined, and the chunks holding it.
            holding.clear();
            let mut greatest: Option<&str> = None;
            for (i, p) in parts.iter().enumerate() {
                if left[i] == 0 {
                    continue;
                }
                let k = p.key(left[i] - 1);
                match greatest.map(|g| k.cmp(g)) {
                    Some(std::cmp::Ordering::Less) => {}
                    Some(std::cmp::Ordering::Equal) => holding.push(i),
                    _ => {
                        greatest = Some(k);
                        holding.clear();
                        holding.push(i);
                    }
                }
            }
            let Some(g) = greatest else { break };
            key.clear();
            key.push_str(g);
            block.clear();
            let mut last = 0u32;
            for &i in &holding {
                parts[i].read_groups(left[i] - 1, &mut buf, |g, from| {
                    group::push_tagged(g.doc - last, g.tag, &mut block);
                    block.extend_from_slice(&from[g.tail.clone()]);
                    last = g.doc;
                });
            }
            if !block.is_empty() {
                if bytes.capacity() - bytes.len() < block.len() {
                    bytes.reserve_exact(block.len().max(step));
                }
                text.extend(key.bytes().rev());
                bytes.extend(block.iter().rev());
                lens.push((key.len() as u32, block.len() as u64));
            }
            for &i in &holding {
                left[i] -= 1;
                cut[i] += parts[i].cut_last_key(left[i]);
                if cut[i] >= GIVE_BACK {
                    parts[i].give_back();
                    cut[i] = 0;
                }
            }
        }
        drop(parts);
        bytes.reverse();
        text.reverse();
        let (mut key_ends, mut starts) = (Vec::with_capacity(lens.len()), Vec::new());
        starts.reserve_exact(lens.len());
        let (mut end, mut start) = (0u32, 0u64);
        for &(k, b) in lens.iter().rev() {
            end += k;
            start += b;
            key_ends.push(end);
            starts.push(start);
        }
        // Valid: each key's bytes were turned round twice.
        let text = String::from_utf8(text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        bytes.shrink_to_fit();
        Postings::built(text, key_ends, starts, bytes)
    }

    /// Drops the groups of key `k`, the last whose groups are still held; the bytes dropped.
    fn cut_last_key(&mut self, k: usize) -> usize {
        let from = self.span(k).start as usize;
        let Store::Memory(bytes) = &mut self.bytes else {
            return 0;
        };
        let cut = bytes.len().saturating_sub(from);
        bytes.truncate(from);
        cut
    }

    /// Gives back the memory of the groups dropped.
    fn give_back(&mut self) {
        if let Store::Memory(bytes) = &mut self.bytes {
            bytes.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::builder::Builder;
    use super::*;
    use crate::test_rng::xorshift;

    #[test]
    fn joined_chunks_are_their_merge() {
        let keys = ["a", "ab", "abc", "b", "gan", "stylegan", "ß", "z", "zz"];
        for seed in 1..80u64 {
            let mut rng = xorshift(seed * 7_919);
            let mut cuts: Vec<u32> = (0..1 + rng() % 6).map(|_| (rng() % 60) as u32).collect();
            cuts.push(0);
            cuts.sort_unstable();
            cuts.dedup();
            let parts: Vec<Postings> = cuts
                .windows(2)
                .map(|w| {
                    let mut b = Builder::default();
                    for doc in w[0]..w[1] {
                        for _ in 0..rng() % 9 {
                            let key = keys[rng() as usize % keys.len()];
                            let pos = (rng() % 200_000) as u32;
                            b.add(key, doc, (rng() % 6) as u8, pos, rng() % 3 == 0);
                        }
                    }
                    b.finish()
                })
                .collect();
            let refs: Vec<&Postings> = parts.iter().collect();
            let want = Postings::merge(&refs, Some);
            drop(refs);
            let got = Postings::join(parts);
            assert_eq!(got.parts(), want.parts(), "seed {seed}");
        }
    }
}
