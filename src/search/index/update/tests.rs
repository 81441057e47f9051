//! An updated index answers exactly as a fresh build of the same archive, through a long run
//! of edits, additions, deletions and re-listings, in every order.

use std::sync::Arc;

use super::*;
use crate::archive::Tweet;
use crate::search::Order;
use crate::search::query::parse;

const WORDS: &[&str] = &[
    "diffusion",
    "model",
    "gan",
    "stylegan",
    "transformer",
    "graph",
    "neural",
    "network",
    "vision",
    "language",
    "robot",
    "quantum",
    "proof",
    "sparse",
    "attention",
    "kernel",
];
const HANDLES: &[&str] = &["ann", "bob", "cyd", "dee"];
const CATEGORIES: &[&str] = &["cs.LG", "cs.CV", "cs.CL", "math.ST"];

struct Rng(Box<dyn FnMut() -> u64>);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(Box::new(crate::test_rng::xorshift(seed)))
    }

    fn next(&mut self) -> u64 {
        (self.0)()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn words(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        (0..n)
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Papers by id: the text each id has now, which a new listing repeats or replaces.
struct World {
    rng: Rng,
    texts: Vec<Option<Paper>>,
}

impl World {
    fn paper(&mut self, rank: u32) -> Paper {
        let id = self.rng.below(self.texts.len());
        let fresh = self.texts[id].is_none() || self.rng.below(10) < 3;
        if fresh {
            let r = &mut self.rng;
            let mut abstract_text = r.words(3, 12);
            if r.below(4) == 0 {
                abstract_text.push_str(" Code: https://github.com/lab/repo.");
            }
            let tweets = (0..r.below(3))
                .map(|_| Tweet {
                    author: "Someone".into(),
                    handle: HANDLES[r.below(HANDLES.len())].into(),
                    url: Default::default(),
                    date: Default::default(),
                    lang: Default::default(),
                    text: r.words(1, 4),
                })
                .collect();
            let arxiv = format!("2401.{id:05}");
            let mut p = Paper::bare(0, &r.words(1, 4), (id % 5 != 0).then_some(arxiv.as_str()));
            p.authors = vec![r.words(1, 2).into()].into();
            p.categories = vec![CATEGORIES[r.below(CATEGORIES.len())].into()].into();
            p.abstract_text = abstract_text;
            p.tweets = tweets;
            self.texts[id] = Some(p);
        }
        let mut p = self.texts[id].clone().expect("a text");
        p.rank = rank;
        // Few distinct counts, so that many ties are broken.
        p.retweets = self.rng.below(3) as u64;
        p.favorites = self.rng.below(3) as u64;
        p
    }

    fn day(&mut self, date: chrono::NaiveDate) -> Arc<Day> {
        let papers = (0..1 + self.rng.below(5))
            .map(|i| self.paper(i as u32 + 1))
            .collect();
        let mut day = Day::bare("2024-01-01", papers);
        day.date = date;
        Arc::new(day)
    }
}

const QUERIES: &[&str] = &[
    "diffusion",
    "model",
    "gan",
    "g",
    "t",
    "\"neural network\"",
    "diffusion -gan",
    "@ann",
    "tw:bob",
    "has:code",
    "cat:cs.LG",
    "*former",
    "graph OR robot",
    "id:2401.00003",
    "ti:sparse au:kernel",
];

fn same_answers(updated: &SearchIndex, fresh: &SearchIndex, step: usize) {
    assert_eq!(updated.len(), fresh.len(), "step {step}");
    assert_eq!(updated.documents(), fresh.documents(), "step {step}");
    let code = |i: &SearchIndex| {
        let mut v: Vec<String> = i.with_code().map(|k| k.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(code(updated), code(fresh), "step {step}");
    for q in QUERIES {
        let query = parse(q).expect("a query");
        for order in [Order::Relevance, Order::Newest, Order::Attention] {
            assert_eq!(
                updated.search_by(&query, order),
                fresh.search_by(&query, order),
                "step {step}: {q} in {order:?}"
            );
        }
    }
}

#[test]
fn an_updated_index_answers_as_a_fresh_build_of_the_same_archive() {
    let mut w = World {
        rng: Rng::new(0x9e37_79b9_7f4a_7c15),
        texts: vec![None; 40],
    };
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let date = |n: usize| start + chrono::Days::new(n as u64);
    let mut days: Vec<Arc<Day>> = (0..20).map(|n| w.day(date(2 * n))).collect();
    let archive = |days: &[Arc<Day>]| Archive {
        days: days.to_vec(),
        ..Archive::default()
    };
    let mut old = archive(&days);
    let mut index = SearchIndex::build(&old);
    let (mut updated, mut declined, mut merged) = (0, 0, 0);
    for step in 0..400 {
        match w.rng.below(6) {
            // A post edited (its papers again, some with new texts).
            0 | 1 if !days.is_empty() => {
                let i = w.rng.below(days.len());
                days[i] = w.day(days[i].date);
            }
            // The same post read again: a new day, the same texts.
            2 if !days.is_empty() => {
                let i = w.rng.below(days.len());
                days[i] = Arc::new(Day::clone(&days[i]));
            }
            // A post deleted.
            3 if days.len() > 1 => {
                days.remove(w.rng.below(days.len()));
            }
            // A post added, on a day of its own, anywhere in the span.
            _ => {
                let n = w.rng.below(60);
                if days.iter().all(|d| d.date != date(n)) {
                    days.push(w.day(date(n)));
                    days.sort_by_key(|d| d.date);
                }
            }
        }
        let new = archive(&days);
        index = match index.update(&old, &new) {
            Some(i) => {
                updated += 1;
                merged += usize::from(i.segments.len() < index.segments.len());
                i
            }
            None => {
                declined += 1;
                SearchIndex::build(&new)
            }
        };
        same_answers(&index, &SearchIndex::build(&new), step);
        old = new;
    }
    assert!(updated > 350, "{updated} updates, {declined} fresh builds");
    // Segments made one from their postings (see `merge`), and then updated further.
    assert!(merged > 3, "{merged} merges");
}

#[test]
fn an_index_of_another_archive_is_not_updated() {
    let mut w = World {
        rng: Rng::new(7),
        texts: vec![None; 10],
    };
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let a = Archive {
        days: (0..3)
            .map(|n| w.day(start + chrono::Days::new(n)))
            .collect(),
        ..Archive::default()
    };
    let b = Archive {
        days: (0..4)
            .map(|n| w.day(start + chrono::Days::new(n)))
            .collect(),
        ..Archive::default()
    };
    assert!(SearchIndex::build(&a).update(&b, &a).is_none());
    assert!(SearchIndex::default().update(&a, &a).is_none());
}
