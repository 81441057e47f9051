//! `Listings` and `People` on random archives, against a straightforward computation of the
//! same figures with maps of strings: the builds number, hash and split the work in halves,
//! and none of that may change a figure.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use super::{People, Tweeter};
use crate::archive::{Archive, Day, InfoPool, Paper, PaperInfo, PaperKey, Tweet};
use crate::search::PaperRef;
use crate::search::listings::Listings;

/// How the listings of a random archive hold their infos.
#[derive(Debug, Clone, Copy)]
enum Sharing {
    /// Each listing its own info, its tweets drawn anew.
    None,
    /// Listings drawn from a few papers, each its own info, then interned as the loader does:
    /// the same text shares one info.
    Interned,
    /// Listings drawn from a few papers holding their infos (an info shared by listings of
    /// several days, and by two on one day), some interned, some not: equal texts in two
    /// infos too.
    Cloned,
}

/// A random archive: few keys, handles and links, so that papers repeat across and within
/// days, accounts are spelled several ways (case, `@`, spaces, empty) and tweets repeat.
fn archive(next: &mut impl FnMut() -> u64, sharing: Sharing) -> Archive {
    let mut pick = |n: usize| (next() % n as u64) as usize;
    let handles = [
        "ann", "Ann", " @ann", "bob", "BOB", "cy", "", "  ", "@", "dee",
    ];
    let links = ["u1", "u2", "u3", "u4", "", "u5"];
    let titles = ["One", "one", "Two", "THREE", "three"];
    let paper = |pick: &mut dyn FnMut(usize) -> usize| {
        let id = ["1", "2", "3", "4"].get(pick(7)).copied();
        let tweets = (0..pick(5))
            .map(|_| Tweet {
                author: format!(" name {} ", pick(3)).into(),
                handle: handles[pick(handles.len())].into(),
                url: links[pick(links.len())].into(),
                date: Default::default(),
                lang: Default::default(),
                text: format!("text {}", pick(2)),
            })
            .collect();
        let mut paper = Paper::bare(1, titles[pick(titles.len())], id);
        paper.tweets = tweets;
        paper
    };
    let few: Vec<Paper> = (0..1 + pick(6)).map(|_| paper(&mut pick)).collect();
    let pool = InfoPool::default();
    let mut date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut days = Vec::new();
    for _ in 0..pick(9) {
        date = date + Days::new(1 + pick(3) as u64);
        let papers = (0..pick(6))
            .map(|rank| {
                let p = match sharing {
                    Sharing::None => paper(&mut pick),
                    Sharing::Interned => Paper::new(1, (*few[pick(few.len())].info).clone()),
                    Sharing::Cloned => few[pick(few.len())].clone(),
                };
                Paper {
                    rank: rank as u32 + 1,
                    ..p
                }
            })
            .collect();
        let mut day = Day::bare(&date.to_string(), papers);
        if matches!(sharing, Sharing::Interned) || pick(2) == 0 {
            pool.intern_day(&mut day);
        }
        days.push(day);
    }
    Archive::from_days(days)
}

/// Each key's listings, oldest first, the keys in the order first listed.
fn listings_of(a: &Archive) -> Vec<(PaperKey, Vec<PaperRef>)> {
    let mut out: Vec<(PaperKey, Vec<PaperRef>)> = Vec::new();
    for (day, d) in a.days.iter().enumerate() {
        for (paper, p) in d.papers.iter().enumerate() {
            let at = PaperRef { day, paper };
            match out.iter_mut().find(|(k, _)| *k == p.key) {
                Some((_, refs)) => refs.push(at),
                None => out.push((p.key.clone(), vec![at])),
            }
        }
    }
    out
}

/// Per account (its handle trimmed, without `@`, lowercased): its newest spelling and name,
/// and per key the days its tweets were listed on and their links.
type Figures = BTreeMap<
    String,
    (
        String,
        String,
        BTreeMap<PaperKey, (BTreeSet<usize>, BTreeSet<String>)>,
    ),
>;

fn figures_of(a: &Archive) -> Figures {
    let mut out: Figures = BTreeMap::new();
    for (day, d) in a.days.iter().enumerate().rev() {
        for p in &d.papers {
            for t in &p.tweets {
                let written = t.handle.trim().trim_start_matches('@');
                if written.is_empty() {
                    continue;
                }
                let account = out.entry(written.to_ascii_lowercase()).or_insert_with(|| {
                    (
                        written.to_string(),
                        t.author.trim().to_string(),
                        BTreeMap::new(),
                    )
                });
                let pair = account.2.entry(p.key.clone()).or_default();
                pair.0.insert(day);
                pair.1.insert(if t.url.is_empty() {
                    t.text.clone()
                } else {
                    t.url.to_string()
                });
            }
        }
    }
    out
}

/// Handle, name, papers, tweets, marked: ranked as `People::ranked` promises.
fn ranked(
    f: &Figures,
    in_span: impl Fn(usize) -> bool,
    marked: &[PaperKey],
) -> Vec<(String, String, usize, usize, usize)> {
    let mut out: Vec<_> = f
        .values()
        .map(|(handle, name, pairs)| {
            let shown: Vec<_> = pairs
                .iter()
                .filter(|(_, (days, _))| days.iter().any(|&d| in_span(d)))
                .collect();
            let tweets = shown.iter().map(|(_, (_, links))| links.len()).sum();
            let hits = shown.iter().filter(|(k, _)| marked.contains(k)).count();
            (handle.clone(), name.clone(), shown.len(), tweets, hits)
        })
        .filter(|t| t.2 > 0)
        .collect();
    out.sort_by(|a, b| {
        (b.2, b.3)
            .cmp(&(a.2, a.3))
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    out
}

fn seen(t: &[Tweeter]) -> Vec<(String, String, usize, usize, usize)> {
    t.iter()
        .map(|t| {
            (
                t.handle.clone(),
                t.name.clone(),
                t.papers,
                t.tweets,
                t.marked,
            )
        })
        .collect()
}

#[test]
fn the_builds_agree_with_a_plain_count_on_random_archives() {
    let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
    let mut checked_pairs = 0;
    let mut ranked_in_spans = 0;
    let (mut shared, mut several) = (0, 0);
    for case in 0..600 {
        let sharing = [Sharing::None, Sharing::Interned, Sharing::Cloned][case % 3];
        let a = archive(&mut next, sharing);
        let listed: Vec<&Paper> = a.days.iter().flat_map(|d| &d.papers).collect();
        let infos: BTreeSet<*const PaperInfo> =
            listed.iter().map(|p| Arc::as_ptr(&p.info)).collect();
        shared += listed.len() - infos.len();
        // A paper with more than one info: its tweets counted across them.
        several += usize::from(infos.len() > listings_of(&a).len());
        let l = Listings::build(&a);
        let expected = listings_of(&a);
        assert_eq!(l.len(), expected.len(), "case {case}");
        for (id, (key, refs)) in expected.iter().enumerate() {
            assert_eq!(l.key(id as u32), key, "case {case}");
            assert_eq!(l.of_id(id as u32), refs.as_slice(), "case {case}");
            assert_eq!(l.id_of(key.as_str()), Some(id as u32), "case {case}");
            for r in refs {
                assert_eq!(l.id_at(*r), Some(id as u32), "case {case}");
            }
        }
        assert_eq!(l.id_of("title:absent"), None);

        let people = People::build(&a);
        let f = figures_of(&a);
        assert_eq!(people.len(), f.len(), "case {case}");
        let dates: Vec<NaiveDate> = a.days.iter().map(|d| d.date).collect();
        let marked: Vec<PaperKey> = expected.iter().step_by(2).map(|(k, _)| k.clone()).collect();
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        for _ in 0..4 {
            // Either end open, or any day from before the first to past the last.
            let mut end = || (next() % 4 > 0).then(|| start + Days::new(next() % 30));
            let (since, until) = (end(), end());
            let in_span = |d: usize| {
                since.is_none_or(|s| dates[d] >= s) && until.is_none_or(|u| dates[d] <= u)
            };
            let got = people.ranked_marking(since, until, marked.iter());
            assert_eq!(
                seen(&got),
                ranked(&f, in_span, &marked),
                "case {case} {since:?} {until:?}"
            );
            // The command's single ranking: the same accounts, numbers and figures.
            let once = People::ranked_in(&a, since, until);
            assert_eq!(
                seen(&once),
                ranked(&f, in_span, &[]),
                "case {case} {since:?} {until:?}"
            );
            assert_eq!(once, people.ranked(since, until), "case {case}");
            ranked_in_spans += usize::from(!once.is_empty());
            for t in &got {
                let pairs = &f[&t.handle.to_ascii_lowercase()].2;
                let mut want: Vec<(PaperRef, PaperKey)> = pairs
                    .iter()
                    .filter_map(|(key, (days, _))| {
                        let day = *days.iter().rev().find(|&&d| in_span(d))?;
                        let paper = a.days[day].papers.iter().rposition(|p| p.key == *key)?;
                        Some((PaperRef { day, paper }, key.clone()))
                    })
                    .collect();
                want.sort_by_key(|(r, _)| (std::cmp::Reverse(r.day), r.paper));
                let got: Vec<(PaperRef, PaperKey)> = people
                    .papers_of(t, since, until)
                    .into_iter()
                    .map(|(r, k)| (r, k.clone()))
                    .collect();
                assert_eq!(got, want, "case {case}: {}", t.handle);
                checked_pairs += got.len();
            }
        }
    }
    assert!(
        checked_pairs > 1000,
        "the cases list papers: {checked_pairs}"
    );
    assert!(
        ranked_in_spans > 500,
        "spans with accounts: {ranked_in_spans}"
    );
    assert!(shared > 1000, "listings sharing an info: {shared}");
    assert!(
        several > 50,
        "cases with a paper of several infos: {several}"
    );
}

#[test]
fn reading_the_archive_in_halves_keeps_the_newest_spelling() {
    let tweet = |handle: &str, author: &str, url: &str| Tweet {
        author: author.into(),
        handle: handle.into(),
        url: url.into(),
        date: Default::default(),
        lang: Default::default(),
        text: String::new(),
    };
    let mut days = Vec::new();
    for (i, handle) in ["Ann", "ANN", "ann", "@aNN"].iter().enumerate() {
        let mut paper = Paper::bare(1, "t", Some(&i.to_string()));
        paper.tweets = vec![tweet(handle, &format!("name {i}"), &format!("u{i}"))].into();
        days.push(Day::bare(&format!("2024-01-0{}", i + 1), vec![paper]));
    }
    let people = People::build(&Archive::from_days(days));
    assert_eq!(
        seen(&people.ranked(None, None)),
        [("aNN".to_string(), "name 3".to_string(), 4, 4, 0)]
    );
}
