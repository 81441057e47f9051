//! Merging the postings of consecutive segments into one, without their texts: the sorted
//! keys of all of them merged, each key's groups copied part after part with only each
//! group's header written again, of its new document delta (documents may be numbered anew,
//! or left out). The result is made in memory, or written to a spill file as it is made (an
//! index build's last step, which then never holds the groups whole: see `chunked`).

use std::convert::Infallible;
use std::io::{self, Write};
use std::ops::Range;

use super::cursor::{Cursor, Source};
use super::stream::{Chunk, StreamCursor};
use super::{Lazy, Postings, Store, group};
use crate::search::index::doc::FIELDS;
use crate::spill::Spill;

/// The keys of merged postings: their text end to end, where each ends and where its groups do.
type Keys = (String, Vec<u32>, Vec<u64>);

impl Postings {
    /// The postings of `parts` (of consecutive documents, in order) as one, document `d` of
    /// them being `renumber(d)` or left out when that is `None`. `renumber` must keep the
    /// order of the documents it keeps. A key left with no group is left out too, as a build
    /// of the documents kept would not have it.
    pub fn merge(parts: &[&Postings], renumber: impl Fn(u32) -> Option<u32>) -> Postings {
        let mut sources: Vec<Box<dyn Source + '_>> = parts
            .iter()
            .map(|p| Box::new(Cursor::new(p)) as Box<dyn Source>)
            .collect();
        let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.bytes_len() as usize).sum());
        let Ok((text, key_ends, starts)) = merge_keys(&mut sources, renumber, |block| {
            bytes.extend_from_slice(block);
            Ok::<(), Infallible>(())
        });
        bytes.shrink_to_fit();
        Postings::built(text, key_ends, starts, bytes)
    }

    /// `chunks` (of consecutive documents `docs`, in order) as one: their groups written to
    /// `spill` as they are made when there is one (and read back from there as a cache's are:
    /// only the keys are held), else in memory; in memory too when the spill cannot be
    /// written. An error when a streamed chunk cannot be read back.
    pub fn join(chunks: &[Chunk], spill: Option<&Spill>, docs: Range<u32>) -> io::Result<Postings> {
        if let Some(spill) = spill {
            let mut w = spill.writer();
            let made = merge_chunks(chunks, |block| w.write_all(block));
            match made.and_then(|keys| Ok((keys, w.finish()?))) {
                Ok(((text, key_ends, starts), bytes)) => {
                    let lazy = Lazy::new(bytes, docs, FIELDS.len() as u8, key_ends.len());
                    return Ok(Postings {
                        text,
                        key_ends,
                        starts,
                        bytes: Store::File(lazy),
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::InvalidData => return Err(e),
                Err(_) => {}
            }
        }
        let mut bytes = Vec::new();
        let (text, key_ends, starts) = merge_chunks(chunks, |block| {
            bytes.extend_from_slice(block);
            Ok(())
        })?;
        bytes.shrink_to_fit();
        Ok(Postings::built(text, key_ends, starts, bytes))
    }
}

/// Merges `chunks` (see `Postings::join`); an `InvalidData` error when one of them cannot be
/// read back whole.
fn merge_chunks(chunks: &[Chunk], put: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<Keys> {
    let mut sources: Vec<Box<dyn Source + '_>> = chunks
        .iter()
        .map(|c| match c {
            Chunk::Held(p) => Box::new(Cursor::new(p)) as Box<dyn Source>,
            Chunk::Streamed(s) => Box::new(StreamCursor::new(s)),
        })
        .collect();
    let keys = merge_keys(&mut sources, Some, put)?;
    if sources.iter().any(|s| s.failed()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a spilled chunk of the index could not be read back",
        ));
    }
    Ok(keys)
}

/// Merges the keys of `sources` (see `Postings::merge`), handing each key's groups to `put`
/// as they are made; the keys.
fn merge_keys<E>(
    sources: &mut [Box<dyn Source + '_>],
    renumber: impl Fn(u32) -> Option<u32>,
    mut put: impl FnMut(&[u8]) -> Result<(), E>,
) -> Result<Keys, E> {
    let mut text = String::new();
    let (mut key_ends, mut starts) = (Vec::new(), Vec::new());
    let mut holding = Vec::with_capacity(sources.len());
    let (mut key, mut block, mut end) = (String::new(), Vec::new(), 0u64);
    loop {
        // The least key not yet merged, and the sources holding it.
        let mut least: Option<&str> = None;
        holding.clear();
        for (i, s) in sources.iter().enumerate() {
            let Some(k) = s.key() else { continue };
            match least.map(|l| k.cmp(l)) {
                Some(std::cmp::Ordering::Greater) => {}
                Some(std::cmp::Ordering::Equal) => holding.push(i),
                _ => {
                    least = Some(k);
                    holding.clear();
                    holding.push(i);
                }
            }
        }
        let Some(least) = least else { break };
        key.clear();
        key.push_str(least);
        block.clear();
        let mut last = 0u32;
        for &i in &holding {
            sources[i].groups(&mut |g, from| {
                if let Some(d) = renumber(g.doc) {
                    group::push_tagged(d - last, g.tag, &mut block);
                    block.extend_from_slice(&from[g.tail.clone()]);
                    last = d;
                }
            });
            sources[i].advance();
        }
        if !block.is_empty() {
            put(&block)?;
            end += block.len() as u64;
            text.push_str(&key);
            key_ends.push(text.len() as u32);
            starts.push(end);
        }
    }
    text.shrink_to_fit();
    key_ends.shrink_to_fit();
    starts.shrink_to_fit();
    Ok((text, key_ends, starts))
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
            // Joined: every part spilled (read back in windows), streamed, or held, to a
            // spill or in memory.
            let spill = Spill::new(None).unwrap();
            let spilled: Vec<Postings> = cuts
                .windows(2)
                .map(|w| {
                    let mut p = build(all.iter().filter(|a| (w[0]..w[1]).contains(&a.1)), |d| d);
                    p.spill(&spill, w[0]..w[1]);
                    p
                })
                .collect();
            assert!(spilled.iter().all(|p| !p.in_memory()));
            let srefs: Vec<&Postings> = spilled.iter().collect();
            assert_eq!(Postings::merge(&srefs, Some).parts(), merged.parts());
            let chunks: Vec<Chunk> = cuts
                .windows(2)
                .enumerate()
                .map(|(n, w)| {
                    let p = build(all.iter().filter(|a| (w[0]..w[1]).contains(&a.1)), |d| d);
                    match (n as u64 + seed) % 2 {
                        0 => Chunk::Streamed(p.stream_to(&spill, w[0]..w[1]).unwrap()),
                        _ => Chunk::Held(p),
                    }
                })
                .collect();
            let joined = Postings::join(&chunks, Some(&spill), 0..docs).unwrap();
            assert!(!joined.in_memory());
            assert_eq!(joined.parts(), merged.parts(), "seed {seed}, joined");
            let joined = Postings::join(&chunks, None, 0..docs).unwrap();
            assert!(joined.in_memory());
            assert_eq!(
                joined.parts(),
                merged.parts(),
                "seed {seed}, joined in memory"
            );

            let merged = Postings::merge(&refs, |d| number[d as usize]);
            let want = build(all.iter().filter(|a| kept[a.1 as usize]), |d| {
                number[d as usize].unwrap()
            });
            assert_eq!(merged.parts(), want.parts(), "seed {seed}, some left out");
        }
    }

    #[test]
    fn a_damaged_stream_never_panics_and_a_cut_one_is_an_error() {
        let mut rng = xorshift(99);
        let all = adds(&mut rng, 40);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spill");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(true)
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        let spill = Spill::of(file);
        let part = |r: std::ops::Range<u32>| {
            build(all.iter().filter(|a| r.contains(&a.1)), |d| d)
                .stream_to(&spill, r)
                .unwrap()
        };
        let chunks = vec![Chunk::Streamed(part(0..20)), Chunk::Streamed(part(20..40))];
        let good = Postings::join(&chunks, None, 0..40).unwrap();
        assert_eq!(good.parts(), build(&all, |d| d).parts());
        let sound = std::fs::read(&path).unwrap();
        let len = sound.len();
        for seed in 0..40u64 {
            // Bytes written over (a length, a key, a group), or the file cut.
            let mut bytes = sound.clone();
            let at = (seed as usize * 7_919) % len;
            bytes[at] = bytes[at].wrapping_add(1 + seed as u8) | 0x80;
            if seed % 5 == 0 {
                bytes.truncate(at);
            }
            std::fs::write(&path, &bytes).unwrap();
            // Never a panic, and never a different index silently.
            if let Ok(got) = Postings::join(&chunks, None, 0..40) {
                let (text, ends, groups, starts) = got.parts();
                let want = good.parts();
                let same =
                    (text, ends, &groups[..], starts) == (want.0, want.1, &want.2[..], want.3);
                assert!(
                    same || seed % 5 != 0,
                    "seed {seed}: a cut stream went unnoticed"
                );
            }
        }
    }
}
