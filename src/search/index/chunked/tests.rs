//! The chunked build against the full one, on folders of invented posts where papers repeat
//! across days (and so across chunks), some with a changed abstract, and on posts that change
//! or go between the load and the build.

use std::collections::HashMap;
use std::path::Path;

use super::*;
use crate::archive::Reloader;
use crate::search::Order;
use crate::search::query::parse;
use crate::test_rng::xorshift;

const WORDS: [&str; 16] = [
    "learning",
    "learned",
    "graph",
    "graphs",
    "neural",
    "network",
    "diffusion",
    "model",
    "models",
    "robot",
    "vision",
    "language",
    "sparse",
    "attention",
    "gan",
    "stylegan",
];

/// Some words of `WORDS` drawn from `seed`.
fn words(seed: u64, n: usize) -> String {
    let mut rng = xorshift(seed.wrapping_mul(2_654_435_761) | 1);
    (0..n)
        .map(|_| WORDS[rng() as usize % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Paper `id` as listed: its title, abstract and tweets follow from `id` and `variant` alone,
/// so that the same pair on two days is the same text.
fn paper(rank: usize, id: u64, variant: u64, counts: u64) -> String {
    let abs = words(id * 10 + variant, 12);
    let code = if id % 5 == 0 {
        " Code: https://github.com/some/repo."
    } else {
        ""
    };
    let mut s = format!(
        "# {rank}. Paper {id} {}\nAnn Author{id}, Bo Writer\n\n- retweets: {counts}, favorites: 1 \
         (01/01/2024 09:00:00)\n\n- links: [abs](https://arxiv.org/abs/2401.{id:05}) | \
         [pdf](https://arxiv.org/pdf/2401.{id:05})\n- [cs.LG](https://arxiv.org/list/cs.LG/recent)\
         \n\n{abs}{code}\n\n",
        words(id, 2)
    );
    for t in 0..(id % 3) {
        let text = words(id * 100 + variant * 10 + t, 5);
        // Every third paper's last tweet has no status link: its text is all that tells it.
        let link = if id % 3 == 2 && t == 1 {
            String::new()
        } else {
            format!("<a href=\"https://twitter.com/u{t}/status/{id}{t}\">January 1, 2024</a>")
        };
        s.push_str(&format!(
            "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{text}</p>&mdash; \
             User {t} (@user{}) {link}</blockquote>\n\n",
            (id + t) % 4
        ));
    }
    s
}

fn post(day: usize, papers: &[(u64, u64)]) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day as u64);
    let mut s = format!("---\ntitle: Hot Papers {date}\ndate: {date}T00:00:00Z\n---\n\n");
    for (r, &(id, variant)) in papers.iter().enumerate() {
        s.push_str(&paper(r + 1, id, variant, (id * 7 + day as u64) % 13));
    }
    s
}

fn name(day: usize) -> String {
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day as u64);
    format!("{date}---Hot-Papers.md")
}

/// A folder of `days` posts of papers drawn from 25 (a few with a second abstract).
fn folder(seed: u64, days: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = xorshift(seed * 7919 + 1);
    for d in 0..days {
        let papers: Vec<(u64, u64)> = (0..1 + rng() % 6)
            .map(|_| (rng() % 25, u64::from(rng() % 6 == 0)))
            .collect();
        write(dir.path(), d, &papers);
    }
    dir
}

fn write(root: &Path, day: usize, papers: &[(u64, u64)]) {
    std::fs::write(root.join(name(day)), post(day, papers)).unwrap();
}

/// The archive as the reader's first load gives it: without texts.
fn light(root: &Path) -> Archive {
    let a = Reloader::default().reload(root).unwrap().archive;
    assert!(
        a.days
            .iter()
            .flat_map(|d| &d.papers)
            .all(|p| !p.holds_texts())
    );
    a
}

const QUERIES: [&str; 16] = [
    "learning",
    "learn*",
    "graph",
    "\"neural network\"",
    "diffusion -model",
    "gan",
    "tw:user1",
    "by:user2",
    "has:code",
    "2401.00007",
    "abs:sparse",
    "ti:vision OR ti:robot",
    "au:writer",
    "attention language",
    "user0",
    "models vision",
];

/// The two indexes are the same, field by field, and answer every query alike.
fn assert_same(got: &SearchIndex, want: &SearchIndex, archive: &Archive, what: &str) {
    let listings = |i: &SearchIndex| -> Vec<(PaperRef, u32, u64)> {
        i.listings
            .iter()
            .map(|l| (l.at, l.doc, l.attention))
            .collect()
    };
    assert_eq!(listings(got), listings(want), "{what}: listings");
    assert_eq!(got.lengths, want.lengths, "{what}: lengths");
    assert_eq!(got.live, want.live, "{what}: live");
    assert_eq!(got.documents(), want.documents(), "{what}: documents");
    assert_eq!(got.segments.len(), 1, "{what}: one segment");
    let (g, w) = (&got.segments[0], &want.segments[0]);
    assert_eq!(g.first, w.first, "{what}");
    assert_eq!(g.keys, w.keys, "{what}: keys");
    assert_eq!(g.postings.parts(), w.postings.parts(), "{what}: postings");
    let sorted = |m: &HashMap<String, Vec<u32>>| {
        let mut v: Vec<_> = m.iter().map(|(k, d)| (k.clone(), d.clone())).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&g.tweeters), sorted(&w.tweeters), "{what}: tweeters");
    assert_eq!(sorted(&g.ids), sorted(&w.ids), "{what}: ids");
    assert_eq!(sorted(&g.has), sorted(&w.has), "{what}: has");
    let mut found = 0;
    for q in QUERIES {
        let query = parse(q).unwrap();
        for order in [Order::Relevance, Order::Newest, Order::Attention] {
            let (a, b) = (got.search_by(&query, order), want.search_by(&query, order));
            assert_eq!(a, b, "{what}: {q} by {order:?}");
            found += a.len();
        }
    }
    assert!(found > 0, "{what}: the queries find something");
    assert!(archive.paper_count() == got.len());
}

/// Each document's key is the very text its first listing's paper holds (in result order:
/// the listing that made it), not a copy the post read back made.
fn keys_are_the_papers(index: &SearchIndex, archive: &Archive, what: &str) {
    let keys = &index.segments[0].keys;
    let mut seen = vec![false; keys.len()];
    for l in &index.listings {
        if !std::mem::replace(&mut seen[l.doc as usize], true) {
            let held = &archive.days[l.at.day].papers[l.at.paper].key;
            let key = &keys[l.doc as usize];
            assert!(std::ptr::eq(key.as_str(), held.as_str()), "{what}: {key:?}");
        }
    }
    assert!(seen.iter().all(|&s| s), "{what}: every document listed");
}

#[test]
fn a_chunked_build_of_the_light_archive_is_the_full_build() {
    for seed in 1..=6u64 {
        let dir = folder(seed, 5 + seed as usize * 4);
        let full = Archive::load(dir.path()).unwrap();
        assert!(full.holds_texts());
        let want = SearchIndex::build_whole(&full);
        assert!(want.documents() < want.len(), "seed {seed}: papers repeat");
        let light = light(dir.path());
        let spill = Spill::new(None).unwrap();
        for (days, threads) in [(1, 1), (2, 2), (3, 1), (4, 2), (200, 2)] {
            let (got, errors) = build_in_chunks(&light, days, threads, None);
            assert!(errors.is_empty(), "{errors:?}");
            assert_same(&got, &want, &full, &format!("seed {seed}, {days} days"));
            // Spilled: the same index, its postings' groups in the file, not in memory.
            let (got, errors) = build_in_chunks(&light, days, threads, Some(&spill));
            assert!(errors.is_empty(), "{errors:?}");
            assert_same(
                &got,
                &want,
                &full,
                &format!("seed {seed}, {days} days, spilled"),
            );
            let p = &got.segments[0].postings;
            assert!(p.len() > 0 && !p.in_memory(), "seed {seed}, {days} days");
            keys_are_the_papers(&got, &light, &format!("seed {seed}, {days} days"));
        }
        // What `build` does with an archive that left its texts in its posts.
        let built = SearchIndex::build(&light);
        assert_same(&built, &want, &full, &format!("seed {seed}, build"));
        // An archive that holds its texts needs nothing read.
        let (got, _) = build_in_chunks(&full, 3, 2, Some(&spill));
        assert_same(&got, &want, &full, &format!("seed {seed}, with texts"));
    }
}

#[test]
fn a_spill_that_cannot_be_written_leaves_the_same_index_in_memory() {
    let dir = folder(3, 17);
    let full = Archive::load(dir.path()).unwrap();
    let want = SearchIndex::build_whole(&full);
    let light = light(dir.path());
    let path = dir.path().join("read only");
    std::fs::write(&path, "").unwrap();
    let spill = Spill::of(std::fs::File::open(&path).unwrap());
    assert!(spill.put(b"x").is_err(), "a read-only file takes no bytes");
    for (days, threads) in [(1, 2), (4, 1)] {
        let (got, errors) = build_in_chunks(&light, days, threads, Some(&spill));
        assert!(errors.is_empty(), "{errors:?}");
        assert_same(&got, &want, &full, &format!("{days} days, spill refused"));
        assert!(got.segments[0].postings.in_memory());
    }
}

#[test]
fn a_post_changed_or_gone_since_the_load_gives_its_texts_from_another_day_or_none() {
    let dir = tempfile::tempdir().unwrap();
    // Papers 3 and 20 on every day, a paper of its own on each.
    for d in 0..6 {
        write(dir.path(), d, &[(3, 0), (10 + d as u64, 0), (20, 0)]);
    }
    let before = Archive::load(dir.path()).unwrap();
    let light = light(dir.path());
    // Day 5 (the newest, whose listings make the documents) now has paper 3 with its other
    // abstract; day 2 is gone.
    write(dir.path(), 5, &[(3, 1), (15, 0), (20, 0)]);
    std::fs::remove_file(dir.path().join(name(2))).unwrap();
    // Papers 3 and 20 have their texts from the other days; paper 12, which only day 2
    // listed, has none.
    let mut expected = before.clone();
    expected.days[2] = Arc::clone(&light.days[2]);
    let want = SearchIndex::build_whole(&expected);
    let spill = Spill::new(None).unwrap();
    for (days, threads, spill) in [(1, 1, None), (2, 2, Some(&spill)), (200, 1, None)] {
        let (got, errors) = build_in_chunks(&light, days, threads, spill);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].path.ends_with(name(2)));
        assert_same(&got, &want, &light, &format!("{days} days"));
    }

    let (index, _) = build_in_chunks(&light, 2, 2, Some(&spill));
    let find = |q: &str| index.search_by(&parse(q).unwrap(), Order::Newest);
    let at = |day: usize, paper: usize| PaperRef { day, paper };
    // Paper 3's abstract as loaded, on every day; not the one the file has now.
    for w in words(30, 12).split(' ') {
        assert_eq!(find(&format!("abs:{w} 2401.00003")).len(), 6, "{w}");
    }
    let new: Vec<&str> = words(31, 12).leak().split(' ').collect();
    let old = words(30, 12);
    for w in new
        .iter()
        .filter(|w| !old.split(' ').any(|o| o.starts_with(**w)))
    {
        assert!(find(&format!("abs:{w} 2401.00003")).is_empty(), "{w}");
    }
    // Paper 12 (day 2, whose post went) by its title, not by its abstract.
    assert!(find(&format!("ti:\"{}\"", words(12, 2))).contains(&at(2, 1)));
    let title = words(12, 2);
    for w in words(120, 12).split(' ') {
        if !title.contains(w) {
            assert!(!find(&format!("abs:{w}")).contains(&at(2, 1)), "{w}");
        }
    }
    // Paper 11 (day 1, untouched) by its abstract.
    for w in words(110, 12).split(' ') {
        assert!(find(&format!("abs:{w}")).contains(&at(1, 1)), "{w}");
    }
}

#[test]
fn an_empty_archive_and_the_sample_build_as_at_once() {
    let (empty, errors) = build_in_chunks(&Archive::default(), 3, 2, None);
    assert!(empty.is_empty() && errors.is_empty());
    assert_eq!(empty.documents(), 0);
    let sample = Archive::sample();
    let want = SearchIndex::build_whole(&sample);
    let spill = Spill::new(None).unwrap();
    let (got, errors) = build_in_chunks(&sample, 1, 2, Some(&spill));
    assert!(errors.is_empty());
    assert_same(&got, &want, &sample, "the sample");
}
