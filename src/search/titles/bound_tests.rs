//! The bound against nucleo's scores: never below, nearly always equal; and the search by
//! bound against scoring every title.

use proptest::prelude::*;

use super::bound::{Bound, Bounds, bonus_of, bounds};
use super::columns::{BONUS, LANES, NONE, code};
use super::tests::{QUERIES, finder, reference, titles};
use super::*;

fn pattern(q: &str) -> Pattern {
    Pattern::parse(q, CaseMatching::Smart, Normalization::Smart)
}

/// Each title's bound, by index (0 for a title in no lane: passed over).
fn by_title(b: &Bounds, n: usize) -> Vec<u32> {
    let mut out = vec![0; n];
    for (&bound, &title) in b.lanes.iter().zip(&b.titles) {
        if title != NONE {
            out[title as usize] = bound;
        }
    }
    out
}

/// For each query: the titles it matches, how many are bounded at exactly their score, and
/// whether the bound held for all (titles that do not match are bounded at 0 or above).
fn check_bounds(titles: &[String], queries: &[&str], threads: usize) -> (usize, usize) {
    let f = finder(titles);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let (mut matched, mut exact) = (0, 0);
    for q in queries {
        let p = pattern(q);
        let Some(bound) = Bound::new(&p) else {
            continue;
        };
        let b = by_title(&bounds(&f.columns, &bound, threads), titles.len());
        let counted: u32 = bounds(&f.columns, &bound, threads).counts.iter().sum();
        assert_eq!(counted as usize % LANES, 0, "every lane is counted once");
        for (i, t) in titles.iter().enumerate() {
            let text = Utf32String::from(t.as_str());
            if let Some(score) = p.score(text.slice(..), &mut matcher) {
                assert!(
                    b[i] >= score,
                    "{q:?} scores {score} over its bound {} in {t:?}",
                    b[i]
                );
                matched += 1;
                exact += usize::from(b[i] == score);
            }
        }
    }
    (matched, exact)
}

#[test]
fn no_title_scores_above_its_bound_and_nearly_every_one_scores_it() {
    let titles = titles(3 * LANES * 40 + 5);
    let queries: Vec<&str> = QUERIES.split('|').collect();
    let (matched, _) = check_bounds(&titles, &queries, 1);
    assert!(matched > 10_000, "the queries match: {matched}");
    // Fuzzy words (of `^`, `'` or `$` only the fuzzy score is bounded): mostly the score.
    let fuzzy: Vec<&str> = queries
        .iter()
        .copied()
        .filter(|q| q.bytes().all(|c| c.is_ascii_alphanumeric() || c == b' '))
        .collect();
    let (matched, exact) = check_bounds(&titles, &fuzzy, 1);
    assert!(
        exact * 10 >= matched * 8,
        "{exact} of {matched} bounded at their score"
    );
    // On more threads, the same bounds.
    let f = finder(&titles);
    for q in ["tion", "tra mod", "^chain", "Tra"] {
        let b = Bound::new(&pattern(q)).expect("letters to work through");
        let (one, three) = (bounds(&f.columns, &b, 1), bounds(&f.columns, &b, 3));
        assert_eq!(
            by_title(&one, titles.len()),
            by_title(&three, titles.len()),
            "{q:?}"
        );
        assert_eq!(one.counts, three.counts, "{q:?}");
    }
}

#[test]
fn a_title_that_is_not_ascii_is_bounded_as_nucleo_reads_it() {
    // Accents normalized (é as e), capitals folded (É as e), other scripts, and a single
    // character, which nucleo scores with the bonus of a letter it passed over ("3A").
    let titles: Vec<String> = [
        "Fréchet Café",
        "ÉCOLE Über",
        "α-Divergence of éa 3A",
        "数据 Graph",
        "Ça va",
        "x ÉÉ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let queries = [
        "a", "e", "E", "frechet", "cafe", "ecole", "uber", "ea", "div", "graph", "ca",
    ];
    let (matched, _) = check_bounds(&titles, &queries, 1);
    assert!(matched >= 12, "{matched}");
}

#[test]
fn a_byte_holds_the_code_and_the_bonus_of_its_character() {
    for (byte, want) in (0..=255u8).map(|b| (b, BONUS[(b >> 6) as usize])) {
        assert_eq!(bonus_of(byte), want, "{byte:#x}");
    }
    let f = finder(&["Graph-neural/net oRNet 3D x9".to_string()]);
    let g = &f.columns.groups[0];
    let lane = g.titles.iter().position(|&t| t == 0).expect("the title");
    let bytes: Vec<u8> = g.cols(&f.columns.cols).iter().map(|c| c[lane]).collect();
    let bonuses: Vec<u8> = bytes.iter().map(|&b| bonus_of(b)).collect();
    // G at the start, n after '-', n after '/' (9, kept as 10), o after a space, R a hump, 3
    // after a space, D after a digit (none), 9 after a letter; a space has 10, a '-' 8.
    let want = [
        10, 0, 0, 0, 0, 8, 8, 0, 0, 0, 0, 0, 0, 10, 0, 0, 10, 10, 5, 0, 0, 0, 10, 10, 0, 10, 10, 5,
    ];
    assert_eq!(bonuses, want);
    let codes: Vec<u8> = bytes.iter().map(|&b| b & 0x3f).collect();
    assert_eq!(
        codes[..6],
        [code('G'), code('r'), code('a'), code('p'), code('h'), 63]
    );
    assert_eq!(code('é'), code('e'));
    assert_eq!(code('É'), code('E'));
    assert_eq!(
        code('E') & 0x1f,
        code('e'),
        "either case in the low five bits"
    );
    assert_eq!(code('数'), 63);
    assert!(
        (b'0'..=b'9').all(|d| code(d as char) & 0x1f >= 26),
        "no digit as a letter"
    );
}

#[test]
fn titles_lacking_a_letter_are_bounded_apart_and_the_same() {
    // Few titles have an x: they are moved side by side before they are bounded.
    let titles: Vec<String> = (0..40 * LANES)
        .map(|i| match i % 37 {
            0 => format!("Mixture of Experts {i}"),
            _ => format!("Graph Networks {i}"),
        })
        .collect();
    let f = finder(&titles);
    let b = Bound::new(&pattern("xpert")).expect("letters");
    let few = bounds(&f.columns, &b, 2);
    assert!(
        few.lanes.len() < titles.len() / 8,
        "{} lanes",
        few.lanes.len()
    );
    let by = by_title(&few, titles.len());
    for (i, t) in titles.iter().enumerate() {
        assert_eq!(by[i] > 0, t.starts_with("Mixture"), "{t:?}: {}", by[i]);
    }
    let every = by_title(
        &bounds(&f.columns, &Bound::new(&pattern("rt")).unwrap(), 1),
        titles.len(),
    );
    assert!(
        every.iter().all(|&b| b > 0),
        "with no letter lacking, every title has a lane"
    );
    // Moved over as they were, shortest first.
    let kept = f
        .columns
        .only(|g, lane| g.titles[lane] != NONE && g.titles[lane] % 37 == 0);
    let moved: Vec<u32> = kept
        .groups
        .iter()
        .flat_map(|g| g.titles)
        .filter(|&t| t != NONE)
        .collect();
    let mut want: Vec<u32> = (0..titles.len() as u32).filter(|t| t % 37 == 0).collect();
    want.sort_by_key(|&t| titles[t as usize].len());
    assert_eq!(moved.len(), want.len());
    let lens = |ts: &[u32]| {
        ts.iter()
            .map(|&t| titles[t as usize].len())
            .collect::<Vec<_>>()
    };
    assert_eq!(lens(&moved), lens(&want));
    assert_eq!(
        query("xpert").by_bound(&f, &b, 5),
        first(&reference(&titles, "xpert", 5))
    );
}

fn query(q: &str) -> Query {
    Query::new(pattern(q))
}

fn first(indices: &[usize]) -> Vec<u32> {
    indices.iter().map(|&i| i as u32).collect()
}

/// Characters titles are made of: cases, digits, the separators nucleo gives bonuses after,
/// accents and another script.
const ALPHABET: &[char] = &[
    'a', 'b', 'c', 'r', 't', 'i', 'o', 'n', 'A', 'B', 'T', 'N', '1', '2', ' ', ' ', ' ', '-', '/',
    ':', '(', '.', 'é', 'É', 'ß', 'α', '数',
];

fn title() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40)
        .prop_map(|cs| cs.into_iter().collect())
}

fn a_query() -> impl Strategy<Value = String> {
    let word = proptest::collection::vec(
        proptest::sample::select(
            &[
                'a', 'b', 't', 'i', 'o', 'n', 'r', 'T', 'A', '1', '-', ':', 'é',
            ][..],
        ),
        1..7,
    )
    .prop_map(|cs| cs.into_iter().collect::<String>());
    let prefix = proptest::sample::select(&["", "", "", "^", "'", "!"][..]);
    let suffix = proptest::sample::select(&["", "", "", "$"][..]);
    proptest::collection::vec((prefix, word, suffix), 1..3).prop_map(|atoms| {
        let atoms: Vec<String> = atoms
            .into_iter()
            .map(|(p, w, s)| format!("{p}{w}{s}"))
            .collect();
        atoms.join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_search_by_bound_finds_what_scoring_every_title_finds(
        titles in proptest::collection::vec(title(), 1..150),
        q in a_query(),
        limit in 1usize..30,
    ) {
        let f = finder(&titles);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let p = pattern(&q);
        if let Some(bound) = Bound::new(&p) {
            let b = by_title(&bounds(&f.columns, &bound, 2), titles.len());
            for (i, t) in titles.iter().enumerate() {
                let text = Utf32String::from(t.as_str());
                if let Some(score) = p.score(text.slice(..), &mut matcher) {
                    prop_assert!(b[i] >= score, "{q:?} scores {score} over {} in {t:?}", b[i]);
                }
            }
            prop_assert_eq!(query(&q).by_bound(&f, &bound, limit), first(&reference(&titles, &q, limit)));
        }
        let got: Vec<usize> = f.find(&q, limit).iter().map(|r| r.day).collect();
        prop_assert_eq!(got, reference(&titles, &q, limit));
    }
}

#[test]
fn a_sign_of_the_query_is_needed_and_matched_as_any_sign() {
    let titles: Vec<String> = [
        "Curl Networks",
        "RL: a Survey",
        "Curl: of Fields",
        "R-L (x)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let needed = letters_needed(&pattern("rl:"));
    assert_ne!(needed & !super::digest::ALPHANUMERIC, 0, "':' has a bit");
    let f = finder(&titles);
    assert_eq!(
        f.letters[0] & needed,
        needed & !letter_bit(':'),
        "no ':' in it"
    );
    for q in ["rl:", "r-l", "l (x", "rl\\ a"] {
        let got: Vec<usize> = f.find(q, 2).iter().map(|r| r.day).collect();
        assert_eq!(got, reference(&titles, q, 2), "{q:?}");
        let b = Bound::new(&pattern(q)).expect("ASCII");
        let (b, m) = (
            by_title(&bounds(&f.columns, &b, 1), 4),
            &mut Matcher::new(Config::DEFAULT),
        );
        for (i, t) in titles.iter().enumerate() {
            let score = pattern(q).score(Utf32String::from(t.as_str()).slice(..), m);
            assert!(
                score.is_none_or(|s| s <= b[i]),
                "{q:?} in {t:?}: {score:?} over {}",
                b[i]
            );
        }
    }
}
