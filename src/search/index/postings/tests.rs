//! Postings' queries, and stored postings read back from damaged bytes.

use std::fs::File;
use std::sync::Arc;

use super::builder::Builder;
use super::*;
use crate::bulk::Stored;
use crate::test_rng::xorshift;

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
    p.counts(&[gan], true, |d, f, n| got.push((d, f, n)));
    assert_eq!(got, [(0, 0, 2), (0, 2, 1), (7, 0, 1)]);
    got.clear();
    p.counts(&[gan], false, |d, f, n| got.push((d, f, n)));
    assert_eq!(got, [(0, 0, 1), (0, 2, 1)], "humps left out");
    let mut pos = Vec::new();
    p.positions(&[p.with_prefix("garden").start], false, &mut pos);
    assert_eq!(pos, [(300u64 << 32) | (5 << 28) | 70_000]);
}

/// Random postings of documents `first..first + docs`, in six fields.
fn random(seed: u64, first: u32, docs: u32) -> Postings {
    let mut rng = xorshift(seed);
    let keys = ["a", "ab", "b", "gan", "stylegan", "ß", "z", "zz"];
    let mut b = Builder::default();
    for doc in first..first + docs {
        for _ in 0..rng() % 9 {
            let key = keys[rng() as usize % keys.len()];
            let pos = (rng() % 2000) as u32;
            b.add(key, doc, (rng() % 6) as u8, pos, rng() % 4 == 0);
        }
    }
    b.finish()
}

/// What one key gives: its counts and its positions.
type Answer = (Vec<(u32, u8, u32)>, Vec<u64>);

/// What each key of `p` gives (counts and positions, humps and not), key by key.
fn answers(p: &Postings) -> Vec<Answer> {
    (0..p.len())
        .map(|k| {
            let (mut counts, mut pos) = (Vec::new(), Vec::new());
            for humps in [true, false] {
                p.counts(&[k], humps, |d, f, n| counts.push((d, f, n)));
                p.positions(&[k], humps, &mut pos);
            }
            (counts, pos)
        })
        .collect()
}

/// `p`'s keys with `bytes` as their stored groups (the region claiming `len` bytes).
fn stored(p: &Postings, bytes: &[u8], len: u64, docs: std::ops::Range<u32>) -> Postings {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk");
    std::fs::write(&path, bytes).unwrap();
    let file = Arc::new(File::open(&path).unwrap());
    let (text, key_ends, starts) = p.keys();
    let region = Stored::new(file, 0, len);
    Postings::stored(text.into(), key_ends.into(), starts.into(), region, docs, 6).unwrap()
}

/// Every answer of all the keys at once is inside what postings of `docs` may hold.
fn all_in_range(p: &Postings, docs: &std::ops::Range<u32>) -> usize {
    let all: Vec<usize> = (0..p.len()).collect();
    let mut n = 0;
    p.counts(&all, true, |d, f, c| {
        assert!(docs.contains(&d) && f < 6 && c > 0);
        n += 1;
    });
    let mut pos = Vec::new();
    p.positions(&all, true, &mut pos);
    for o in pos {
        assert!(docs.contains(&((o >> 32) as u32)) && (o >> 28) & 0xf < 6);
    }
    n
}

#[test]
fn stored_postings_answer_as_built_ones() {
    let p = random(11, 40, 60);
    let (_, _, bytes, _) = p.parts();
    let s = stored(&p, &bytes, bytes.len() as u64, 40..100);
    assert_eq!(answers(&s), answers(&p));
    assert!(all_in_range(&s, &(40..100)) > 0);
    assert!(!s.take_damage_notice());
}

#[test]
fn damaged_stored_groups_give_nothing_for_their_key_and_never_panic() {
    for seed in [3u64, 17] {
        let docs = 1000..1040;
        let p = random(seed, docs.start, 40);
        let (_, _, good, _) = p.parts();
        let want = answers(&p);
        let mut noticed = 0;
        // Every bit of every byte flipped: the key holding it gives nothing or an answer
        // inside its bounds; the others give what they gave.
        for at in 0..good.len() {
            for bit in 0..8 {
                let mut bad = good.to_vec();
                bad[at] ^= 1 << bit;
                let s = stored(&p, &bad, good.len() as u64, docs.clone());
                all_in_range(&s, &docs);
                let got = answers(&s);
                let hit = (0..p.len())
                    .find(|&k| p.span(k).contains(&(at as u64)))
                    .unwrap();
                for k in (0..p.len()).filter(|&k| k != hit) {
                    assert_eq!(got[k], want[k], "seed {seed}, byte {at} bit {bit}, key {k}");
                }
                if got[hit].0.is_empty() && !want[hit].0.is_empty() {
                    noticed += 1;
                    assert!(s.take_damage_notice(), "said once");
                    assert!(!s.take_damage_notice(), "only once");
                }
            }
        }
        assert!(
            noticed > good.len(),
            "seed {seed}: most damage is found ({noticed})"
        );
        // Cut anywhere: the keys wholly before the cut answer, the others give nothing.
        for cut in 0..good.len() {
            let s = stored(&p, &good[..cut], good.len() as u64, docs.clone());
            all_in_range(&s, &docs);
            let got = answers(&s);
            for k in 0..p.len() {
                let whole = p.span(k).end <= cut as u64;
                let none = (Vec::new(), Vec::new());
                let expected = if whole { &want[k] } else { &none };
                assert_eq!(&got[k], expected, "seed {seed}, cut {cut}, key {k}");
            }
        }
    }
}

#[test]
fn stored_keys_out_of_bounds_are_refused() {
    let p = random(5, 0, 10);
    let (text, key_ends, bytes, starts) = p.parts();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk");
    std::fs::write(&path, &bytes).unwrap();
    let file = Arc::new(File::open(&path).unwrap());
    let region = |len| Stored::new(Arc::clone(&file), 0, len);
    let make = |t: &str, e: &[u32], s: &[u64], len| {
        Postings::stored(t.into(), e.into(), s.into(), region(len), 0..10, 6).is_some()
    };
    let len = bytes.len() as u64;
    assert!(make(text, key_ends, starts, len));
    assert!(!make(text, key_ends, starts, len + 1), "bytes left over");
    assert!(
        !make(&text[1..], key_ends, starts, len),
        "a key past the text"
    );
    assert!(
        !make(text, &key_ends[1..], starts, len),
        "ends and starts apart"
    );
    let mut back = starts.to_vec();
    back.swap(0, 1);
    assert!(!make(text, key_ends, &back, len), "starts out of order");
    assert!(
        !make("ßßßßßßßßßßßßßßßßßßßß", &[1], &[len], len),
        "inside a character"
    );
}

#[test]
fn stored_bytes_written_over_after_they_were_checked_still_cannot_panic() {
    let docs = 7..47;
    let p = random(29, docs.start, 40);
    let (text, key_ends, good, starts) = p.parts();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk");
    std::fs::write(&path, &good).unwrap();
    let file = Arc::new(File::open(&path).unwrap());
    let region = Stored::new(file, 0, good.len() as u64);
    let s = Postings::stored(
        text.into(),
        key_ends.into(),
        starts.into(),
        region,
        docs.clone(),
        6,
    );
    let s = s.unwrap();
    assert_eq!(answers(&s), answers(&p), "every key read and found sound");
    let mut next = xorshift(0xbad);
    for _ in 0..300 {
        // Written over in place (not as the cache is, by rename): the same file, other bytes.
        let mut bad = good.to_vec();
        for _ in 0..1 + next() % 6 {
            let at = next() as usize % bad.len();
            bad[at] = next() as u8;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bad))
            .unwrap();
        all_in_range(&s, &docs);
        answers(&s);
    }
}

#[test]
fn counts_and_document_deltas_of_any_size_come_back() {
    // Counts either side of what a header holds whole, deltas of none to five bytes, fields
    // all of them, up to the last document a stored range can hold.
    let groups = [
        (0u32, 0u8, 1u32),
        (0, 5, 3),
        (1, 2, 4),
        (8, 1, 5),
        (9, 3, 200),
        (1 << 20, 4, 2),
        (u32::MAX - 2, 0, 1),
        (u32::MAX - 1, 5, 4),
    ];
    let mut b = Builder::default();
    let mut want_pos = Vec::new();
    for &(doc, field, n) in &groups {
        for w in 0..n {
            b.add("k", doc, field, w * 3, w % 2 == 1);
            let at = (u64::from(doc) << 32) | (u64::from(field) << 28) | u64::from(w * 3);
            want_pos.push(at);
        }
    }
    let p = b.finish();
    let (_, _, bytes, _) = p.parts();
    let s = stored(&p, &bytes, bytes.len() as u64, 0..u32::MAX);
    for p in [&p, &s] {
        let mut got = Vec::new();
        p.counts(&[0], true, |d, f, n| got.push((d, f, n)));
        assert_eq!(got, groups);
        let mut pos = Vec::new();
        p.positions(&[0], true, &mut pos);
        assert_eq!(pos, want_pos);
    }
    // Merging writes each header anew and copies the rest: the count's rest too.
    assert_eq!(Postings::merge(&[&s], Some).parts(), p.parts());
    assert!(!s.take_damage_notice());
}

#[test]
fn headers_past_what_a_document_or_a_count_can_be_are_damage() {
    let mut b = Builder::default();
    for w in 0..20 {
        b.add("k", 3, 1, w, false);
    }
    let p = b.finish();
    let (_, _, good, _) = p.parts();
    let len = good.len();
    let padded = |v: &[u8]| {
        let mut v = v.to_vec();
        v.resize(len, 0);
        v
    };
    let hostile = [
        // A delta of 2^32 or more: the header's bits past 37.
        padded(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]),
        // A header of seven bytes.
        padded(&[0x80; 7]),
        // The rest of a count past a u32 (document 0, field 0, count bits all set).
        padded(&[3, 0xff, 0xff, 0xff, 0xff, 0x0f]),
        // More codes than bytes left.
        padded(&[3, 100]),
        // A field past the index's.
        padded(&[7 << 2, 0]),
    ];
    assert_eq!(answers(&stored(&p, &good, len as u64, 0..10)), answers(&p));
    for bad in hostile {
        let s = stored(&p, &bad, len as u64, 0..10);
        assert_eq!(answers(&s), [(Vec::new(), Vec::new())], "{bad:?}");
        assert!(s.take_damage_notice(), "{bad:?}");
    }
}
