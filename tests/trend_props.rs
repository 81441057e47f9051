//! Property: over generated archives and queries, a trend's counts are exactly the search
//! results of the query grouped by the period of their day, every period of the span is there
//! once and in order, and each period's listings are all the archive's listings then.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use hotpapers::archive::{Archive, Day, Paper, PaperInfo, PaperKey};
use hotpapers::search::trend::category_trends;
use hotpapers::search::{Order, Period, SearchIndex, Trend, parse};
use proptest::prelude::*;

const WORDS: [&str; 6] = ["graph", "diffusion", "model", "vision", "robot", "quantum"];
const CATS: [&str; 4] = ["cs.LG", "cs.CV", "cs.RO", "math.ST"];
const PERIODS: [Period; 3] = [Period::Week, Period::Month, Period::Year];

/// A paper from word and category numbers; `id` repeats across days as hot papers do.
fn paper(rank: u32, id: u32, words: &[usize], cats: &[usize]) -> Paper {
    let title: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
    let title = title.join(" ");
    let arxiv_id = format!("2401.{id:05}");
    Paper {
        rank,
        retweets: u64::from(id),
        favorites: u64::from(rank),
        line: 1,
        info: std::sync::Arc::new(PaperInfo {
            title: title.clone().into(),
            authors: vec!["Ann Example".into()].into(),
            arxiv_id: Some(arxiv_id.as_str().into()),
            abs: Default::default(),
            pdf: Default::default(),
            categories: cats.iter().map(|&c| CATS[c].into()).collect(),
            abstract_text: String::new(),
            tweets: vec![].into(),
            key: PaperKey::of(Some(&arxiv_id), &title),
            texts: Default::default(),
        }),
    }
}

type PaperSpec = (u32, Vec<usize>, Vec<usize>);

fn archive(days: BTreeMap<u64, Vec<PaperSpec>>) -> Archive {
    // A Monday, so that weeks and months start apart.
    let start = NaiveDate::from_ymd_opt(2021, 12, 27).unwrap();
    let days = days
        .into_iter()
        .map(|(offset, papers)| Day {
            date: start + Days::new(offset),
            title: String::new(),
            file: String::new(),
            published: None,
            papers: papers
                .iter()
                .enumerate()
                .map(|(i, (id, words, cats))| paper(i as u32 + 1, *id, words, cats))
                .collect(),
        })
        .collect();
    Archive::from_days(days)
}

fn archives() -> impl Strategy<Value = Archive> {
    let spec = (
        0u32..30,
        prop::collection::vec(0..WORDS.len(), 1..4),
        prop::collection::vec(0..CATS.len(), 0..3),
    );
    let day = prop::collection::vec(spec, 0..6);
    prop::collection::btree_map(0u64..1600, day, 0..30).prop_map(archive)
}

fn queries() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS.to_vec());
    let cat = prop::sample::select(CATS.to_vec());
    prop_oneof![
        word.clone().prop_map(String::from),
        (word.clone(), word.clone()).prop_map(|(a, b)| format!("{a} OR {b}")),
        (word.clone(), word.clone()).prop_map(|(a, b)| format!("{a} -{b}")),
        cat.clone().prop_map(|c| format!("cat:{c}")),
        (word, cat).prop_map(|(w, c)| format!("ti:{w} -cat:{c}")),
    ]
}

/// The first day of the period after the one starting on `start`.
fn next(period: Period, start: NaiveDate) -> NaiveDate {
    let mut d = start;
    while period.start(d) == start {
        d = d.succ_opt().unwrap();
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn trend_counts_are_the_search_results_grouped(a in archives(), text in queries()) {
        let query = parse(&text).unwrap();
        let hits = SearchIndex::build(&a).search_by(&query, Order::Newest);
        for period in PERIODS {
            let t = Trend::of(&a, &hits, period);
            let mut found: BTreeMap<NaiveDate, u64> = BTreeMap::new();
            for r in &hits {
                *found.entry(period.start(a.days[r.day].date)).or_default() += 1;
            }
            let mut listed: BTreeMap<NaiveDate, u64> = BTreeMap::new();
            for d in &a.days {
                *listed.entry(period.start(d.date)).or_default() += d.papers.len() as u64;
            }
            prop_assert_eq!(t.matches() as usize, hits.len());
            prop_assert_eq!(t.buckets.is_empty(), a.days.is_empty());
            if let (Some(first), Some(last)) = (a.days.first(), a.days.last()) {
                prop_assert_eq!(t.buckets[0].start, period.start(first.date));
                prop_assert_eq!(t.buckets.last().unwrap().start, period.start(last.date));
            }
            for pair in t.buckets.windows(2) {
                prop_assert_eq!(pair[1].start, next(period, pair[0].start), "no period skipped");
            }
            for b in &t.buckets {
                prop_assert_eq!(b.papers, found.get(&b.start).copied().unwrap_or(0));
                prop_assert_eq!(b.total, listed.get(&b.start).copied().unwrap_or(0));
                prop_assert!(b.papers <= b.total);
                prop_assert!((0.0..=1.0).contains(&b.share()));
            }
        }
    }

    #[test]
    fn category_trends_count_the_listings_that_have_them(a in archives()) {
        let trends = category_trends(&a, &CATS, Period::Month);
        for (cat, t) in CATS.iter().zip(&trends) {
            let mut want: BTreeMap<NaiveDate, u64> = BTreeMap::new();
            for d in &a.days {
                let n = d.papers.iter().filter(|p| p.categories.iter().any(|c| c == cat)).count();
                *want.entry(Period::Month.start(d.date)).or_default() += n as u64;
            }
            for b in &t.buckets {
                prop_assert_eq!(b.papers, want.get(&b.start).copied().unwrap_or(0), "{}", cat);
            }
            prop_assert_eq!(t.matches(), want.values().sum::<u64>());
        }
    }
}
