//! The index's behaviour on small invented archives: what each kind of term finds.

use std::sync::Arc;

use super::*;
use crate::archive::{Archive, Paper};
use crate::archive::{Day, Tweet};
use crate::search::query::parse;

fn tweet(author: &str, handle: &str, text: &str) -> Tweet {
    Tweet {
        author: author.into(),
        handle: handle.into(),
        url: Default::default(),
        date: Default::default(),
        lang: Default::default(),
        text: text.into(),
    }
}

/// (id, title, category, tweets) per paper; days oldest first.
type Row = (&'static str, &'static str, &'static str, Vec<Tweet>);

fn archive(days: Vec<Vec<Row>>) -> Archive {
    let day = |(i, papers): (usize, Vec<Row>)| {
        let papers = papers
            .into_iter()
            .enumerate()
            .map(|(r, (id, title, cat, tweets))| {
                let mut p = Paper::bare(r as u32 + 1, title, (!id.is_empty()).then_some(id));
                p.authors = vec!["Ada Lovelace".into()].into();
                p.categories = vec![cat.into()].into();
                p.tweets = tweets.into();
                p
            })
            .collect();
        Day::bare(&format!("2022-01-{:02}", 1 + i), papers)
    };
    Archive {
        days: days
            .into_iter()
            .enumerate()
            .map(day)
            .map(Arc::new)
            .collect(),
        ..Archive::default()
    }
}

fn world() -> SearchIndex {
    SearchIndex::build(&archive(vec![
        vec![
            (
                "2201.00001",
                "GAN Art",
                "cs.CV",
                vec![tweet("Ann Example", "ann", "wow")],
            ),
            (
                "2201.00002v2",
                "Diffusion Sound",
                "cs.SD",
                vec![
                    tweet("Anna Other", "Anna", "listen"),
                    tweet("B", "bob", "ok"),
                ],
            ),
        ],
        vec![
            ("2201.00003", "NeRF Rooms", "cs.CV", vec![]),
            (
                "hep-th/9901001v1",
                "Radiance Field Strings",
                "hep-th",
                vec![tweet("Carol", "carol_c", "strings, @ann would like it")],
            ),
            (
                "2201.00001v3",
                "GAN Art",
                "cs.CV",
                vec![tweet("Bob", "BOB", "again")],
            ),
        ],
    ]))
}

/// The titles found, newest day first, as (day, rank).
fn found(index: &SearchIndex, q: &str) -> Vec<(usize, usize)> {
    let q = parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    index
        .search_by(&q, Order::Newest)
        .iter()
        .map(|r| (r.day, r.paper))
        .collect()
}

#[test]
fn a_handle_finds_exactly_what_that_account_tweeted_about() {
    let i = world();
    assert_eq!(found(&i, "@ann"), [(0, 0)], "not @anna, not a mention");
    assert_eq!(found(&i, "by:ANNA"), [(0, 1)]);
    assert_eq!(found(&i, "@bob"), [(1, 2), (0, 1)], "handles ignore case");
    assert_eq!(found(&i, "@nobody"), []);
    assert_eq!(found(&i, "@bob -cat:cs.SD"), [(1, 2)]);
}

#[test]
fn tweets_cover_their_authors_and_plain_words_find_handles() {
    let i = world();
    assert_eq!(found(&i, "tw:\"ann example\""), [(0, 0)]);
    assert_eq!(found(&i, "tw:carol_c"), [(1, 1)]);
    assert_eq!(
        found(&i, "tw:@ann"),
        [(1, 1), (0, 0), (0, 1)],
        "tw: is text, in part: a mention, @anna"
    );
    assert_eq!(found(&i, "carol_c"), [(1, 1)]);
    assert_eq!(found(&i, "anna"), [(0, 1)]);
}

#[test]
fn ids_and_links_find_the_paper_whatever_the_version() {
    let i = world();
    for q in [
        "2201.00001",
        "2201.00001v1",
        "arXiv:2201.00001v9",
        "https://arxiv.org/abs/2201.00001v2",
        "http://arxiv.org/pdf/2201.00001.pdf",
        "www.arxiv.org/abs/2201.00001",
        "id:2201.00001v2",
    ] {
        assert_eq!(found(&i, q), [(1, 2), (0, 0)], "{q}");
    }
    assert_eq!(
        found(&i, "2201.00002"),
        [(0, 1)],
        "the stored version goes too"
    );
    assert_eq!(found(&i, "hep-th/9901001"), [(1, 1)]);
    assert_eq!(found(&i, "arxiv.org/abs/hep-th.X/9901001v2"), [(1, 1)]);
    assert_eq!(found(&i, "2201.00009"), []);
}

#[test]
fn or_unions_and_groups_exclude() {
    let i = world();
    assert_eq!(found(&i, "nerf OR \"radiance field\""), [(1, 0), (1, 1)]);
    assert_eq!(found(&i, "gan OR diffusion"), [(1, 2), (0, 0), (0, 1)]);
    assert_eq!(found(&i, "(gan OR diffusion) -cat:cs.CV"), [(0, 1)]);
    assert_eq!(found(&i, "ada -(gan OR diffusion)"), [(1, 0), (1, 1)]);
    assert_eq!(
        found(&i, "(ti:art (@ann OR @bob)) OR (@carol_c -strings)"),
        [(1, 2), (0, 0)]
    );
    assert_eq!(found(&i, "-(gan OR nerf)"), [], "nothing positive");
    assert_eq!(found(&i, "-(-nerf)"), [(1, 0)], "twice excluded is wanted");
    // A day's own order stays within a day whatever the branch that matched.
    assert_eq!(
        found(&i, "2201.00003 OR @anna OR 2201.00001"),
        [(1, 0), (1, 2), (0, 0), (0, 1)]
    );
}

/// One day of papers given as (title, abstract, retweets): ranks in the order given.
fn texts(papers: &[(&str, &str, u64)]) -> Archive {
    let papers = papers
        .iter()
        .enumerate()
        .map(|(r, &(title, abs, rt))| {
            let mut p = Paper::bare(r as u32 + 1, title, None);
            p.abstract_text = abs.into();
            p.retweets = rt;
            p.authors = vec!["Grace Hopper".into()].into();
            p.categories = vec!["cs.LG".into()].into();
            p
        })
        .collect();
    Archive {
        days: vec![Arc::new(Day::bare("2022-02-01", papers))],
        ..Archive::default()
    }
}

/// The ranks found, in `order`.
fn ranks(index: &SearchIndex, q: &str, order: Order) -> Vec<usize> {
    let q = parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    index
        .search_by(&q, order)
        .iter()
        .map(|r| r.paper + 1)
        .collect()
}

#[test]
fn terms_match_from_word_starts_and_humps_not_inside_words() {
    let i = SearchIndex::build(&texts(&[
        ("Generative Adversarial GANs", "", 0),
        ("StyleGAN and CycleGAN-based Art", "", 0),
        ("Metal-Organic Frameworks", "an elegant proof by Morgan", 0),
        ("Vision Transformers", "ALBERT and Robert", 0),
        ("HTTPServer logs", "", 0),
    ]));
    let n = Order::Newest;
    assert_eq!(ranks(&i, "gan", n), [1, 2]);
    assert_eq!(
        ranks(&i, "ti:gan", n),
        [1, 2],
        "not Organic, elegant, Morgan"
    );
    assert_eq!(ranks(&i, "transform", n), [4], "a prefix runs on");
    assert_eq!(
        ranks(&i, "bert", n),
        Vec::<usize>::new(),
        "not ALBERT, not Robert"
    );
    assert_eq!(ranks(&i, "*bert", n), [4]);
    assert_eq!(ranks(&i, "*former", n), [4]);
    assert_eq!(ranks(&i, "*rgan", n), [3]);
    assert_eq!(ranks(&i, "server", n), [5], "the hump of an acronym's run");
    assert_eq!(ranks(&i, "\"gan based\"", n), [2], "a phrase from a hump");
    assert_eq!(ranks(&i, "\"adversarial gans\"", n), [1]);
    assert_eq!(ranks(&i, "\"gans adversarial\"", n), Vec::<usize>::new());
    assert_eq!(ranks(&i, "\"vision gan\"", n), Vec::<usize>::new());
}

#[test]
fn rendered_text_source_text_and_accents_all_match() {
    let i = SearchIndex::build(&texts(&[
        ("What Makes Good Examples for GPT-$3$?", "", 0),
        ("The Fr\\'echet Inception Distance", "", 0),
        ("Fréchet means", "with $\\alpha$-divergences &amp; more", 0),
        ("NeRF--: no poses", "", 0),
    ]));
    let n = Order::Newest;
    assert_eq!(ranks(&i, "ti:\"GPT-3\"", n), [1], "as the screen shows it");
    assert_eq!(ranks(&i, "frechet", n), [2, 3]);
    assert_eq!(ranks(&i, "FRÉCHET", n), [2, 3]);
    assert_eq!(
        ranks(&i, "\"fr echet\"", n),
        [2],
        "and as the source says it"
    );
    assert_eq!(ranks(&i, "ti:\"NeRF--\"", n), [4]);
    assert_eq!(ranks(&i, "\"α divergences\"", n), [3]);
    assert_eq!(ranks(&i, "\"alpha divergences\"", n), [3]);
}

#[test]
fn relevance_ranks_titles_above_abstracts_and_breaks_ties_by_attention() {
    let i = SearchIndex::build(&texts(&[
        (
            "A survey of methods",
            "diffusion appears once in a long abstract of many words",
            90,
        ),
        ("Diffusion models", "", 5),
        ("Diffusion policies", "", 50),
        ("Nothing related", "", 1000),
    ]));
    assert_eq!(ranks(&i, "diffusion", Order::Relevance), [3, 2, 1]);
    assert_eq!(ranks(&i, "diffusion", Order::Newest), [1, 2, 3]);
    assert_eq!(ranks(&i, "diffusion", Order::Attention), [1, 3, 2]);
    let q = parse("diffusion").unwrap();
    assert_eq!(Order::for_query(&q), Order::Relevance);
    assert_eq!(Order::for_query(&parse("@ann").unwrap()), Order::Newest);
    assert_eq!(
        i.search(&q),
        i.search_by(&q, Order::Relevance),
        "relevance is what a query of words gets"
    );
}

#[test]
fn a_paper_listed_again_with_the_same_text_is_one_document() {
    let mut a = texts(&[("Diffusion models", "abc", 1)]);
    let again = Day::clone(&a.days[0]);
    a.days.push(Arc::new(Day {
        date: "2022-02-02".parse().unwrap(),
        ..again
    }));
    let mut changed = Day::clone(&a.days[0]);
    changed.date = "2022-02-03".parse().unwrap();
    changed.papers[0].abstract_text = "edited".into();
    a.days.push(Arc::new(changed));
    let i = SearchIndex::build(&a);
    assert_eq!((i.len(), i.documents()), (3, 2));
    let found = |q: &str| -> Vec<usize> {
        let q = parse(q).unwrap();
        i.search_by(&q, Order::Newest)
            .iter()
            .map(|r| r.day)
            .collect()
    };
    assert_eq!(found("diffusion"), [2, 1, 0], "every listing is a result");
    assert_eq!(found("abc"), [1, 0]);
    assert_eq!(found("edited"), [2]);
}

#[test]
fn note_finds_the_papers_whose_notes_hold_the_words() {
    let a = texts(&[("Diffusion models", "", 1), ("Graph kernels", "", 2)]);
    let i = SearchIndex::build(&a);
    let mut notes = Notes::new();
    notes.insert(
        a.days[0].papers[1].key.clone(),
        "Read §3 with StyleGAN in mind".into(),
    );
    let found = |q: &str| -> Vec<usize> {
        let q = parse(q).unwrap();
        i.search_with(&q, Order::Newest, &notes)
            .iter()
            .map(|r| r.paper + 1)
            .collect()
    };
    assert_eq!(found("note:gan"), [2], "humps as anywhere");
    assert_eq!(found("note:\"read 3\""), [2]);
    assert_eq!(
        found("note:diffusion"),
        Vec::<usize>::new(),
        "not the title"
    );
    assert_eq!(found("diffusion OR note:mind"), [1, 2]);
    assert_eq!(found("-note:mind ti:g OR ti:d"), [1]);
    let none = i.search_by(&parse("note:gan").unwrap(), Order::Newest);
    assert!(none.is_empty(), "without notes nothing");
}

#[test]
fn has_code_finds_papers_with_a_link_to_code_in_the_abstract_or_a_tweet() {
    let mut a = archive(vec![vec![
        ("2201.00001", "With Code", "cs.LG", vec![]),
        (
            "2201.00002",
            "Code In A Tweet",
            "cs.LG",
            vec![tweet("A", "a", "repo: github.com/a/b.")],
        ),
        ("2201.00003", "A Project Page", "cs.LG", vec![]),
        ("2201.00004", "Without", "cs.LG", vec![]),
    ]]);
    let papers = &mut Arc::make_mut(&mut a.days[0]).papers;
    papers[0].abstract_text = "Code: \\url{https://github.com/x/y}.".into();
    papers[2].abstract_text = "Our code is available at https://example.org/p.".into();
    papers[3].abstract_text = "See https://example.org/videos and github.com/.".into();
    let index = SearchIndex::build(&a);
    assert_eq!(found(&index, "has:code"), [(0, 0), (0, 1), (0, 2)]);
    assert_eq!(found(&index, "-has:code with OR without"), [(0, 3)]);
}
