//! Merging the postings of consecutive segments into one, without their texts: the sorted
//! keys of all of them merged, each key's groups copied part after part with only each
//! group's header written again, of its new document delta (documents may be numbered anew,
//! or left out).

use super::{Postings, group};

impl Postings {
    /// The postings of `parts` (of consecutive documents, in order) as one, document `d` of
    /// them being `renumber(d)` or left out when that is `None`. `renumber` must keep the
    /// order of the documents it keeps. A key left with no group is left out too, as a build
    /// of the documents kept would not have it.
    pub fn merge(parts: &[&Postings], renumber: impl Fn(u32) -> Option<u32>) -> Postings {
        let mut text = String::with_capacity(parts.iter().map(|p| p.text.len()).sum());
        let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.bytes_len() as usize).sum());
        let (mut key_ends, mut starts) = (Vec::new(), Vec::new());
        let mut at = vec![0usize; parts.len()];
        let mut holding = Vec::with_capacity(parts.len());
        let mut buf = Vec::new();
        loop {
            // The least key not yet merged, and the parts holding it.
            let mut least: Option<&str> = None;
            holding.clear();
            for (i, p) in parts.iter().enumerate() {
                if at[i] >= p.len() {
                    continue;
                }
                let key = p.key(at[i]);
                match least.map(|l| key.cmp(l)) {
                    Some(std::cmp::Ordering::Greater) => {}
                    Some(std::cmp::Ordering::Equal) => holding.push(i),
                    _ => {
                        least = Some(key);
                        holding.clear();
                        holding.push(i);
                    }
                }
            }
            let Some(key) = least else { break };
            let before = bytes.len();
            let mut last = 0u32;
            for &i in &holding {
                parts[i].read_groups(at[i], &mut buf, |g, from| {
                    if let Some(d) = renumber(g.doc) {
                        group::push_tagged(d - last, g.tag, &mut bytes);
                        bytes.extend_from_slice(&from[g.tail.clone()]);
                        last = d;
                    }
                });
            }
            if bytes.len() > before {
                text.push_str(key);
                key_ends.push(text.len() as u32);
                starts.push(bytes.len() as u64);
            }
            for &i in &holding {
                at[i] += 1;
            }
        }
        text.shrink_to_fit();
        bytes.shrink_to_fit();
        key_ends.shrink_to_fit();
        starts.shrink_to_fit();
        Postings::built(text, key_ends, starts, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::super::builder::Builder;
    use super::*;
    use crate::test_rng::xorshift;

    type Add = (&'static str, u32, u8, u32, bool);

    /// Random occurrences of documents `0..docs`, in order.
    fn adds(rng: &mut impl FnMut() -> u64, docs: u32) -> Vec<Add> {
        let keys = ["a", "ab", "abc", "b", "gan", "stylegan", "ß", "z"];
        let mut v = Vec::new();
        for doc in 0..docs {
            for _ in 0..(rng() % 12) {
                let key = keys[rng() as usize % keys.len()];
                v.push((
                    key,
                    doc,
                    (rng() % 6) as u8,
                    (rng() % 300) as u32,
                    rng() % 4 == 0,
                ));
            }
        }
        v
    }

    fn build<'a>(
        adds: impl IntoIterator<Item = &'a Add>,
        renumber: impl Fn(u32) -> u32,
    ) -> Postings {
        let mut b = Builder::default();
        for &(key, doc, field, pos, hump) in adds {
            b.add(key, renumber(doc), field, pos, hump);
        }
        b.finish()
    }

    #[test]
    fn merged_postings_are_a_build_of_all_the_documents_at_once() {
        for seed in 1..60u64 {
            let mut rng = xorshift(seed * 104_729);
            let docs = 1 + (rng() % 80) as u32;
            let all = adds(&mut rng, docs);
            // Cut into parts of consecutive documents, some empty.
            let mut cuts: Vec<u32> = (0..rng() % 5)
                .map(|_| (rng() % u64::from(docs)) as u32)
                .collect();
            cuts.extend([0, docs]);
            cuts.sort_unstable();
            let parts: Vec<Postings> = cuts
                .windows(2)
                .map(|w| build(all.iter().filter(|a| (w[0]..w[1]).contains(&a.1)), |d| d))
                .collect();
            let refs: Vec<&Postings> = parts.iter().collect();
            let merged = Postings::merge(&refs, Some);
            assert_eq!(merged.parts(), build(&all, |d| d).parts(), "seed {seed}");

            // Documents left out and the others numbered from 1000 on, in order.
            let kept: Vec<bool> = (0..docs).map(|_| rng() % 3 != 0).collect();
            let mut number = vec![None; docs as usize];
            let mut next = 1000;
            for d in 0..docs as usize {
                if kept[d] {
                    number[d] = Some(next);
                    next += 1;
                }
            }
            let merged = Postings::merge(&refs, |d| number[d as usize]);
            let want = build(all.iter().filter(|a| kept[a.1 as usize]), |d| {
                number[d as usize].unwrap()
            });
            assert_eq!(merged.parts(), want.parts(), "seed {seed}, some left out");
        }
    }
}
