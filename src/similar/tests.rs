//! The engine on invented papers: three topics of eight papers each, every paper's title and
//! abstract drawn from its topic's words, plus words every paper has.

use std::collections::HashSet;
use std::sync::Arc;

use super::text::{Term, hash_term};
use super::{Method, Options, Similarity};
use crate::archive::{Archive, Day, Paper, PaperKey};

const TOPICS: [(&str, &str, [&str; 12]); 3] = [
    (
        "p",
        "q-bio.BM",
        [
            "protein",
            "folding",
            "amino",
            "residues",
            "enzyme",
            "binding",
            "molecular",
            "peptide",
            "chains",
            "catalytic",
            "conformations",
            "ligand",
        ],
    ),
    (
        "r",
        "cs.RO",
        [
            "robot",
            "grasping",
            "manipulation",
            "policy",
            "reward",
            "gripper",
            "locomotion",
            "actuators",
            "trajectories",
            "controller",
            "simulator",
            "legged",
        ],
    ),
    (
        "g",
        "astro-ph.GA",
        [
            "galaxy",
            "stellar",
            "halo",
            "redshift",
            "dwarf",
            "spectra",
            "dark",
            "nebula",
            "clusters",
            "luminosity",
            "telescope",
            "quasars",
        ],
    ),
];

/// Paper `i` of topic `t`: its key is the topic's letter and the number (`p3`).
fn paper(t: usize, i: usize, rank: u32) -> Paper {
    let (letter, category, words) = TOPICS[t];
    let w = |j: usize| words[(i + j) % words.len()];
    let title = format!("{} {} for {} {}", w(0), w(1), w(2), w(3));
    let mut p = Paper::bare(rank, &title, Some(&format!("{letter}{i}")));
    p.abstract_text = format!(
        "We study {} {} and {} {}. The framework improves {} {} with {} {}; a {} {} framework.",
        w(0),
        w(1),
        w(4),
        w(5),
        w(6),
        w(7),
        w(2),
        w(3),
        w(8),
        w(0),
    );
    p.categories = vec![category.into(), "stat.ML".into()].into();
    p.authors = vec![
        format!("Author {letter}{}", i % 3).into(),
        format!("Solo {letter}{i}").into(),
    ]
    .into();
    p
}

/// The three topics spread over three days.
fn archive() -> Archive {
    let mut days = Vec::new();
    for (d, date) in ["2024-01-01", "2024-01-02", "2024-01-03"]
        .iter()
        .enumerate()
    {
        let mut papers = Vec::new();
        for t in 0..3 {
            for i in 0..8 {
                if i % 3 == d {
                    papers.push(paper(t, i, papers.len() as u32 + 1));
                }
            }
        }
        days.push(Day::bare(date, papers));
    }
    Archive::from_days(days)
}

fn keys(v: &[(PaperKey, f32)]) -> Vec<String> {
    v.iter().map(|(k, _)| k.to_string()).collect()
}

fn key(s: &str) -> PaperKey {
    PaperKey::from_stored(s)
}

impl Similarity {
    /// The weight of a text term (a word, or two as "a b") in the paper of `key`.
    fn weight_of(&self, key: &str, term: &str) -> Option<f32> {
        let t = match term.split_once(' ') {
            Some((a, b)) => Term::Pair(a, b),
            None => Term::Word(term),
        };
        let id = self.features.binary_search(&hash_term(t)).ok()? as u32;
        let v = self.vector(self.doc(key)?);
        v.iter().find(|t| t.0 == id).map(|t| t.1)
    }
}

#[test]
fn a_papers_nearest_neighbours_are_its_topic() {
    let sim = Similarity::build(&archive());
    assert_eq!(sim.len(), 24);
    for (letter, _, _) in TOPICS {
        for i in 0..8 {
            let me = format!("{letter}{i}");
            let near = sim.similar(&me, 7);
            assert_eq!(near.len(), 7, "{me}: {near:?}");
            let ks = keys(&near);
            assert!(ks.iter().all(|k| k.starts_with(letter)), "{me}: {ks:?}");
            assert!(!ks.contains(&me), "never itself");
            assert!(near.windows(2).all(|w| w[0].1 >= w[1].1), "best first");
            assert!(near.iter().all(|(_, s)| *s > 0.0 && *s <= 1.0));
        }
    }
    // The eighth is of another topic, and far less like it.
    let near = sim.similar("p0", 30);
    let distinct: HashSet<_> = keys(&near).into_iter().collect();
    assert_eq!(distinct.len(), near.len(), "each paper once");
    assert!(near[6].1 > 2.0 * near[7].1, "{near:?}");
    assert!(sim.similar("nope", 5).is_empty());
    assert_eq!(sim.similar("p0", 3).len(), 3);
}

#[test]
fn features_are_words_and_pairs_between_the_document_frequency_limits() {
    let sim = Similarity::build(&archive());
    let w = |k, t| sim.weight_of(k, t);
    assert!(w("p0", "protein").is_some() && w("p0", "protein folding").is_some());
    // Stop words are no terms; "framework", in every paper, is over the maximum share.
    assert!(w("p0", "study").is_none() && w("p0", "the").is_none());
    assert!(w("p0", "framework").is_none());
    // Without a maximum it counts (but weighs little: every paper has it).
    let all = Options {
        max_df: 1.0,
        ..Options::default()
    };
    let loose = Similarity::build_with(&archive(), all);
    let fw = loose.weight_of("p0", "framework").unwrap();
    assert!(fw < loose.weight_of("p0", "protein").unwrap());
    // A word of one paper alone is under the minimum.
    let mut a = archive();
    Arc::make_mut(&mut a.days[0]).papers[0].abstract_text += " Zymurgy.";
    let k = a.days[0].papers[0].key.to_string();
    let sim = Similarity::build(&a);
    assert!(sim.weight_of(&k, "zymurgy").is_none());
    let once = Options {
        min_df: 1,
        ..Options::default()
    };
    assert!(
        Similarity::build_with(&a, once)
            .weight_of(&k, "zymurgy")
            .is_some()
    );
    // Vectors have length 1: a paper's similarity with itself.
    let norm: f32 = sim.vector(0).iter().map(|t| t.1 * t.1).sum();
    assert!(norm > 0.9 && norm <= 1.0001, "{norm}");
}

#[test]
fn at_most_max_terms_heaviest_terms_per_paper() {
    let few = Options {
        max_terms: 3,
        ..Options::default()
    };
    let sim = Similarity::build_with(&archive(), few);
    for d in 0..sim.len() {
        let (ids, _) = sim.vectors.row(d);
        // Three text terms, two categories, and the authors with more than one paper.
        assert!(ids.len() <= 3 + 2 + 1, "{}", ids.len());
    }
}

#[test]
fn a_paper_on_several_days_is_one_paper_read_from_its_latest_listing() {
    let mut a = archive();
    let mut again = paper(0, 0, 9);
    again.abstract_text = "Galaxy halo redshift spectra of dwarf stellar nebula.".into();
    Arc::make_mut(&mut a.days[2]).papers.push(again);
    let sim = Similarity::build(&a);
    assert_eq!(sim.len(), 24);
    assert_eq!(sim.latest("p0"), Some((2, a.days[2].papers.len() - 1)));
    assert!(sim.weight_of("p0", "galaxy").is_some());
    assert!(
        sim.weight_of("p0", "enzyme").is_none(),
        "the older abstract is not read"
    );
}

#[test]
fn shared_authors_and_categories_count_without_shared_words() {
    let mut a = archive();
    let mut x = Paper::bare(20, "Quantum annealing schedules", Some("x1"));
    x.authors = vec!["Maurice Fréchet".into()].into();
    x.categories = vec!["quant-ph".into()].into();
    let mut y = Paper::bare(21, "Topological insulators", Some("x2"));
    y.authors = vec!["maurice frechet".into()].into();
    y.categories = vec!["quant-ph".into()].into();
    Arc::make_mut(&mut a.days[0]).papers.extend([x, y]);
    let sim = Similarity::build(&a);
    let near = sim.similar("x1", 5);
    assert_eq!(keys(&near), ["x2"]);
    let o = Options::default();
    assert!(
        (near[0].1 - (o.authors + o.categories)).abs() < 1e-4,
        "{near:?}"
    );
}

#[test]
fn a_few_stars_bring_their_topic_to_the_top_by_centroid() {
    let sim = Similarity::build(&archive());
    let stars = [key("r1"), key("r4")];
    let recs = sim.recommend(&stars, &[], &HashSet::new(), 6);
    assert_eq!(
        recs.method,
        Method::Centroid {
            positives: 2,
            negatives: 0
        }
    );
    let ks = keys(&recs.papers);
    assert_eq!(ks.len(), 6);
    assert!(ks.iter().all(|k| k.starts_with('r')), "{ks:?}");
    assert!(!ks.contains(&"r1".to_string()), "never a positive");
    // Excluded papers (read ones) are left out.
    let read: HashSet<PaperKey> = [key("r2"), key("r3")].into();
    let ks = keys(&sim.recommend(&stars, &[], &read, 30).papers);
    assert!(!ks.contains(&"r2".into()) && !ks.contains(&"r3".into()));
    assert!(ks[..4].iter().all(|k| k.starts_with('r')), "{ks:?}");
    // Unknown keys count for nothing.
    let none = sim.recommend(&[key("zz")], &[], &HashSet::new(), 5);
    assert_eq!(none.method, Method::Nothing);
    assert!(none.papers.is_empty());
}

#[test]
fn negatives_push_their_topic_down() {
    let sim = Similarity::build(&archive());
    let stars = [key("p0"), key("g0")];
    let rank_of_g = |negatives: &[PaperKey]| {
        let recs = sim.recommend(&stars, negatives, &HashSet::new(), 30).papers;
        let ks = keys(&recs);
        let gs: Vec<usize> = (0..ks.len()).filter(|&i| ks[i].starts_with('g')).collect();
        gs.iter().sum::<usize>() as f32 / gs.len().max(1) as f32
    };
    let without = rank_of_g(&[]);
    let with = rank_of_g(&[key("g3"), key("g5")]);
    assert!(with > without + 2.0, "galaxies at {without} then {with}");
    let recs = sim.recommend(&stars, &[key("g3"), key("g5")], &HashSet::new(), 5);
    assert!(
        keys(&recs.papers).iter().all(|k| k.starts_with('p')),
        "{recs:?}"
    );
}

#[test]
fn many_stars_train_a_model_that_ranks_their_topic_first() {
    let sim = Similarity::build(&archive());
    let stars: Vec<PaperKey> = (0..5).map(|i| key(&format!("g{i}"))).collect();
    let recs = sim.recommend(&stars, &[], &HashSet::new(), 24);
    assert!(
        matches!(recs.method, Method::Logistic { positives: 5, negatives: 0, examples, .. } if examples == 24),
        "{:?}",
        recs.method
    );
    let ks = keys(&recs.papers);
    assert_eq!(ks.len(), 19, "every other paper, ranked");
    assert!(ks[..3].iter().all(|k| k.starts_with('g')), "{ks:?}");
    assert!(recs.papers[2].1 > recs.papers[3].1);
    // With a topic marked down, it ends up last.
    let not = [key("p0"), key("p1")];
    let ks = keys(&sim.recommend(&stars, &not, &HashSet::new(), 24).papers);
    assert!(ks[..3].iter().all(|k| k.starts_with('g')), "{ks:?}");
    assert!(
        ks[ks.len() - 6..].iter().all(|k| k.starts_with('p')),
        "{ks:?}"
    );
    // The same marks, the same list.
    assert_eq!(
        sim.recommend(&stars, &not, &HashSet::new(), 24),
        sim.recommend(&stars, &not, &HashSet::new(), 24)
    );
}

/// A folder of posts of the topics' papers: each day lists a few, some listed again later.
fn folder_of_topics() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for day in 0..9usize {
        let mut s = format!("---\ntitle: Hot Papers 2024-02-{:02}\n---\n\n", day + 1);
        for r in 0..5usize {
            let (letter, category, words) = TOPICS[(day + r) % 3];
            let n = (day * 2 + r) % 8;
            let w = |k: usize| words[(n + k) % 12];
            s.push_str(&format!(
                "# {}. {} {} of {letter}{n}\nAnn Author, {letter} Writer\n\n\
                 - retweets: 3, favorites: 1 (01/01/2024 09:00:00)\n\n\
                 - links: [abs](https://arxiv.org/abs/2402.{:03}{n}) | \
                 [pdf](https://arxiv.org/pdf/2402.{:03}{n})\n\
                 - [{category}](https://arxiv.org/list/{category}/recent)\n\n\
                 We study {} {} and {} with {} {}, as every paper does.\n\n",
                r + 1,
                w(0),
                w(1),
                letter.as_bytes()[0],
                letter.as_bytes()[0],
                w(2),
                w(3),
                w(4),
                w(5),
                w(6),
            ));
        }
        std::fs::write(
            dir.path()
                .join(format!("2024-02-{:02}---Hot-Papers.md", day + 1)),
            s,
        )
        .unwrap();
    }
    dir
}

/// Every paper's neighbours, as `similar` gives them.
fn neighbours(sim: &Similarity, archive: &Archive) -> Vec<Vec<(PaperKey, f32)>> {
    let mut keys: Vec<&PaperKey> = archive
        .days
        .iter()
        .flat_map(|d| d.papers.iter().map(|p| &p.key))
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter().map(|k| sim.similar(k.as_str(), 6)).collect()
}

#[test]
fn abstracts_left_in_the_posts_are_read_back_for_the_same_engine() {
    let dir = folder_of_topics();
    let full = Archive::load(dir.path()).unwrap();
    let light = crate::archive::Reloader::default()
        .reload(dir.path())
        .unwrap()
        .archive;
    assert!(full.holds_texts() && !light.holds_texts());
    let (want, got) = (Similarity::build(&full), Similarity::build(&light));
    assert_eq!(got.len(), want.len());
    assert_eq!(got.features, want.features);
    let near = neighbours(&want, &full);
    assert!(
        near.iter().all(|n| !n.is_empty()),
        "every paper has neighbours"
    );
    assert_eq!(neighbours(&got, &light), near);
    // Without the abstracts, the engine is another: what it reads back counts.
    let bare = Archive {
        root: None,
        ..light.clone()
    };
    assert_ne!(Similarity::build(&bare).features, want.features);

    // A post gone since: its papers as `with_texts` leaves them.
    std::fs::remove_file(dir.path().join("2024-02-09---Hot-Papers.md")).unwrap();
    let (read_back, errors) = light.with_texts();
    assert_eq!(errors.len(), 1);
    let want = Similarity::build(&read_back);
    let got = Similarity::build(&light);
    assert_eq!(got.features, want.features);
    assert_eq!(neighbours(&got, &light), neighbours(&want, &read_back));
}
