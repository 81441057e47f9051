//! The finder against scoring every title: same titles, same order.

use std::sync::Arc;

use super::*;
use crate::archive::{Day, Paper};

fn archive(days: &[(&str, &[&str])]) -> Archive {
    let day = |(date, titles): &(&str, &[&str])| {
        let papers = titles
            .iter()
            .enumerate()
            .map(|(i, t)| Paper::bare(i as u32 + 1, t, None))
            .collect();
        Day::bare(date, papers)
    };
    Archive {
        days: days.iter().map(day).map(Arc::new).collect(),
        ..Archive::default()
    }
}

#[test]
fn fuzzy_matches_rank_the_closest_first_and_list_a_paper_once() {
    let a = archive(&[
        ("2024-01-01", &["Neural Radiance Fields", "Graph Networks"]),
        ("2024-01-02", &["Neural Radiance Fields", "Radiant Nights"]),
    ]);
    let f = TitleFinder::build(&a);
    assert_eq!(f.len(), 3, "a title listed twice is one paper");
    let got = f.find("nerf", 10);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0], PaperRef { day: 1, paper: 0 }, "its latest listing");
    let got = f.find("radian", 10);
    assert_eq!(got.len(), 2);
    assert!(f.find("zzz", 10).is_empty());
    assert_eq!(
        f.find("", 2).len(),
        2,
        "an empty query lists the newest, up to the limit"
    );
    // LaTeX is matched as the screen shows it.
    let a = archive(&[("2024-01-01", &["Fr\\'echet Distances"])]);
    assert_eq!(TitleFinder::build(&a).find("frechet", 5).len(), 1);
}

/// What `find` must give: every title scored, all of them ordered, the first `limit`.
pub(super) fn reference(titles: &[String], query: &str, limit: usize) -> Vec<usize> {
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut hits: Vec<(u32, usize)> = titles
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let text = Utf32String::from(t.as_str());
            Some((pattern.score(text.slice(..), &mut matcher)?, i))
        })
        .collect();
    hits.sort_by_key(|&(score, i)| (Reverse(score), i));
    hits.into_iter().take(limit).map(|(_, i)| i).collect()
}

/// Titles made of words drawn (repeatably) from a list with capitals, accents, LaTeX made
/// readable, other scripts and punctuation, some of them the same title again.
pub(super) fn titles(n: usize) -> Vec<String> {
    const WORDS: &str = concat!(
        "Transformers|transfer|Training|tractable|Diffusion|Models|model|chain|",
        "Chain-of-Thought|of|the|for|with|Attention|Café|naïve|Fréchet|Über|K-means|",
        "α-Divergence|O(n log n)|Zürich|数据|ÉCOLE|RL:|GPT-4|Zero-Shot|quantum|Graph|tra|",
        "xq|self-attention|LLMs|3D|a|e\u{301}t\u{e9}|Transf|Chainsaw",
    );
    let words: Vec<&str> = WORDS.split('|').collect();
    let mut rng = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
    let mut next = move |m: usize| (rng() % m as u64) as usize;
    let mut out: Vec<String> = Vec::with_capacity(n);
    while out.len() < n {
        if !out.is_empty() && next(10) == 0 {
            let again = out[next(out.len())].clone();
            out.push(again);
            continue;
        }
        let words: Vec<&str> = (0..1 + next(9)).map(|_| words[next(words.len())]).collect();
        // Now and then spaces around it, or a tab or two spaces between words.
        let between = [" ", " ", " ", "  ", "\t"][next(5)];
        let around = [
            ("", ""),
            ("", ""),
            ("", ""),
            (" ", ""),
            ("", "\t "),
            ("\n", " "),
        ];
        let (before, after) = around[next(around.len())];
        out.push(format!("{before}{}{after}", words.join(between)));
    }
    out
}

pub(super) fn finder(titles: &[String]) -> TitleFinder {
    TitleFinder::from_titles(
        titles
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), PaperRef { day: i, paper: 0 })),
    )
}

/// Queries of every kind, with capitals, accents, escapes and signs.
pub(super) const QUERIES: &str = concat!(
    "t|tr|tra|tran|transf|transformer|diffusion model|^chain|zzqx|Tra|TRA|^Chain|",
    "chain$|^chain$|'chain|'ain-o|!tra|tra !former|!^chain|!model$|model !'diff|cafe|",
    "café|fre|frechet|uber|über|ecole|zurich|数|据|α|o(n|k-m|gpt4|3d|rl:|\\^chain|",
    "tra\\ ns|xq|q|etl|et|é|a a a|zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz|models$|",
    "^diffusion|^tra models$|^Tra|'Transf|ecole$|^ÉCOLE|^chain$|rl:$|o(n$|^(n|tra$|",
    "^transformers$|^a$|3d$|^3d|\\ chain|^数|^e\u{301}t|chain\\ |^k-means|-shot|",
    "^zero-shot !zürich|^ chain|",
    // Matching most titles but few at the start of a word: every title that may match is
    // scored.
    "tion|retina|lgm|trnsfrmr|ation|ing|ork|xyz|ansf|rmer|odel",
);

fn queries() -> impl Iterator<Item = &'static str> {
    QUERIES.split('|')
}

#[test]
fn finds_what_scoring_every_title_finds_in_the_same_order() {
    // Several blocks, so that the scan is shared among cores and stops early.
    let titles = titles(5 * BLOCK + 77);
    let f = finder(&titles);
    for q in queries() {
        let all = reference(&titles, q, usize::MAX);
        for limit in [1, 7, 500, usize::MAX] {
            let want = &all[..all.len().min(limit)];
            let got: Vec<usize> = f.find(q, limit).iter().map(|r| r.day).collect();
            assert_eq!(got, want, "{q:?}, at most {limit}");
        }
    }
}

fn query(q: &str) -> Query {
    Query::new(Pattern::parse(q, CaseMatching::Smart, Normalization::Smart))
}

#[test]
fn a_word_typed_from_its_start_is_answered_from_the_newest_titles_at_the_bound() {
    let titles = titles(5 * BLOCK + 77);
    let f = finder(&titles);
    for (q, limit) in [
        ("t", 500),
        ("tra", 500),
        ("diffusion model", 300),
        ("^chain", 40),
    ] {
        let tops = query(q).tops(&f, limit);
        let want: Vec<u32> = reference(&titles, q, limit)
            .iter()
            .map(|&i| i as u32)
            .collect();
        assert_eq!(tops, Some(want), "{q:?}, at most {limit}");
    }
    // Fewer at the bound than asked for (or none can reach it): every title is scored.
    for (q, limit) in [
        ("zzqx", 1),
        ("tra", titles.len()),
        ("ansf", 5),
        ("-shot", 5),
    ] {
        assert_eq!(query(q).tops(&f, limit), None, "{q:?}");
    }
    assert_eq!(
        query("ansf").ranked(&f, 5),
        reference(&titles, "ansf", 5)
            .iter()
            .map(|&i| i as u32)
            .collect::<Vec<_>>()
    );
}

#[test]
fn titles_at_the_bound_only_long_after_the_newest_or_too_few_are_still_found() {
    // Past the blocks a scan needs to judge it hopeless, the titles at the bound for
    // `^chain` and `graph` come only at the end, after a long run of titles without them.
    // Whether the scan for them gives up or gets there first, the answer is the same.
    let blocks = JUDGE_AFTER + 2;
    let titles: Vec<String> = (0..blocks * BLOCK)
        .map(|i| match i % BLOCK {
            _ if i < (blocks - 1) * BLOCK => format!("Agraph chained {i}"),
            0..=9 => format!("Chain graph {i}"),
            _ => format!("Plain {i}"),
        })
        .collect();
    let f = finder(&titles);
    for (q, limit) in [("^chain", 5), ("^chain", 10), ("graph", 10), ("graph", 600)] {
        let want = reference(&titles, q, limit);
        let got: Vec<usize> = f.find(q, limit).iter().map(|r| r.day).collect();
        assert_eq!(got, want, "{q:?}, at most {limit}");
    }
    assert_eq!(query("^chain").tops(&f, 11), None, "only 10 at the bound");
    assert_eq!(query("graph").tops(&f, 600), None, "only 10 at the bound");
}

#[test]
fn the_scan_stops_once_the_blocks_before_the_rest_hold_enough_or_never_will() {
    let mut p = Progress::new(20, Some(5));
    assert_eq!(
        p.finished(2, 9),
        Verdict::Go,
        "blocks 0 and 1 may hold better"
    );
    assert_eq!(p.finished(0, 1), Verdict::Go);
    assert_eq!(
        p.finished(1, 0),
        Verdict::Enough,
        "1 + 0 + 9 before block 3"
    );
    // 2 in the first 8 blocks of 20: about 5 in all, which is worth going on for...
    let mut p = Progress::new(20, Some(5));
    for b in 0..JUDGE_AFTER {
        assert_eq!(p.finished(b, usize::from(b % 4 == 0)), Verdict::Go);
    }
    // ...but not 1 in the first 9 (2 in all), nor 0.
    let mut p = Progress::new(20, Some(5));
    for b in 0..JUDGE_AFTER {
        assert_eq!(p.finished(b, usize::from(b == 0)), Verdict::Go, "{b}");
    }
    assert_eq!(p.finished(JUDGE_AFTER, 0), Verdict::Hopeless);
    let mut p = Progress::new(20, None);
    assert_eq!(
        p.finished(0, 100),
        Verdict::Go,
        "a scan of every title never stops"
    );
}

#[test]
fn no_title_scores_above_the_bound_and_a_word_start_reaches_it() {
    let titles = titles(3000);
    let mut matcher = Matcher::new(Config::DEFAULT);
    for q in queries() {
        let pattern = Pattern::parse(q, CaseMatching::Smart, Normalization::Smart);
        let bound = best_possible(&pattern);
        for t in &titles {
            let text = Utf32String::from(t.as_str());
            if let Some(score) = pattern.score(text.slice(..), &mut matcher) {
                assert!(score <= bound, "{q:?} scores {score} > {bound} on {t:?}");
            }
        }
    }
    for (q, t) in [
        ("t", "The Theory"),
        ("tra", "On Transformers"),
        ("dif mo", "Diffusion Models"),
    ] {
        let pattern = Pattern::parse(q, CaseMatching::Smart, Normalization::Smart);
        let text = Utf32String::from(t);
        let score = pattern.score(text.slice(..), &mut matcher);
        assert_eq!(score, Some(best_possible(&pattern)), "{q:?} on {t:?}");
    }
}

#[test]
fn a_title_lacking_a_letter_of_the_query_is_passed_over_and_accents_count_as_letters() {
    let needed = |q: &str| {
        letters_needed(&Pattern::parse(
            q,
            CaseMatching::Smart,
            Normalization::Smart,
        ))
    };
    let has = |t: &str| match Utf32String::from(t).slice(..) {
        Utf32Str::Ascii(bytes) => Digest::ascii(bytes).letters,
        Utf32Str::Unicode(chars) => Digest::wide(chars).letters,
    };
    assert_eq!(
        needed("Ab9 !z"),
        letter_bit('a') | letter_bit('b') | letter_bit('9')
    );
    assert_eq!(has("ÉCOLE"), has("ecole"));
    assert_eq!(has("Fréchet") & needed("frechet"), needed("frechet"));
    assert_eq!(has("Graph Networks") & needed("zzqx"), 0);
    let f = finder(&[
        "Fréchet Distances".to_string(),
        "Graph Networks".to_string(),
    ]);
    assert_eq!(f.find("frechet", 5).len(), 1);
    assert!(f.find("zzqx", 5).is_empty());
}

#[test]
fn a_digest_tells_what_starts_the_words_of_a_title() {
    let d = Digest::ascii(b"  Graph nets\tfor 3D");
    let bits = |s: &str| s.chars().fold(0, |b, c| b | letter_bit(c));
    assert_eq!(d.letters, bits("graphnetsfor3d"));
    assert_eq!(d.firsts, bits("gnf3"), "first, or after a space or tab");
    let pairs = [(b'g', b'r'), (b'n', b'e'), (b'f', b'o'), (b'3', b'd')];
    assert_eq!(
        d.pairs,
        pairs.iter().fold(0, |b, &(x, y)| b | pair_bit(x, y))
    );
    assert_eq!(d.head, head(b"graph ne"), "leading spaces aside, lowercase");
    assert_eq!(Digest::ascii(b"A").pairs, pair_bit(b'a', 0));
    let checks = Checks::new(&Pattern::parse(
        "^Gra ne !zz",
        CaseMatching::Smart,
        Normalization::Smart,
    ));
    assert!(checks.digest_may_top(d.firsts, d.pairs, d.head));
    assert!(checks.may_top(b"  Graph nets\tfor 3D"));
    assert!(!checks.head_may_match(Digest::ascii(b"A graph").head));
    assert!(!checks.may_top(b"Graph genes"), "ne must start a word");
    assert!(checks.may_match(b"Graph genes"));
}

#[test]
fn an_empty_query_or_no_room_lists_the_newest_or_nothing() {
    let titles = titles(100);
    let f = finder(&titles);
    let days = |q: &str, n| f.find(q, n).iter().map(|r| r.day).collect::<Vec<_>>();
    assert_eq!(days("", 3), vec![0, 1, 2]);
    assert_eq!(days("  ", 3), vec![0, 1, 2], "only spaces");
    assert_eq!(days("!", 2), vec![0, 1], "an operator alone");
    assert!(days("tra", 0).is_empty());
    assert!(finder(&[]).find("tra", 10).is_empty());
}
