use std::sync::Arc;

use super::*;
use crate::archive::Reloader;

/// A post of `day` whose papers are `(title, abstract, tweet text)`; the first two papers
/// of every post are the same paper (same id), so that days share infos.
fn post(day: &str, papers: &[(&str, &str, &str)]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {day}\ndate: {day}T00:00:00Z\n---\n\n");
    for (i, (title, abs, tweet)) in papers.iter().enumerate() {
        s.push_str(&format!(
            "# {}. {title}\nAnn Author\n\n- retweets: 3, favorites: 4 (01/01/2024 09:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/2401.0000{i}) | [pdf](https://arxiv.org/pdf/2401.0000{i})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n{abs}\n\n\
             <blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{tweet}</p>&mdash; Jo (@jo) \
             <a href=\"https://twitter.com/jo/status/{i}\">January 1, 2024</a></blockquote>\n\n",
            i + 1
        ));
    }
    s
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    put(
        "2024-01-01---Hot-Papers.md",
        post(
            "2024-01-01",
            &[
                ("Shared", "The same abstract.", "Same tweet"),
                (
                    "One",
                    "First abstract with https://github.com/a/one.",
                    "tweet one",
                ),
            ],
        ),
    );
    put(
        "2024-01-02---Hot-Papers.md",
        post(
            "2024-01-02",
            &[
                ("Shared", "The same abstract.", "Same tweet"),
                ("Two", "Second abstract.", "tweet two"),
            ],
        ),
    );
    dir
}

#[test]
fn texts_leave_and_come_back_the_same_shared_as_before() {
    let dir = folder();
    let full = Archive::load(dir.path()).unwrap();
    assert!(full.holds_texts());
    let light = full.without_texts();
    assert!(light.days.iter().flat_map(|d| &d.papers).all(|p| {
        !p.holds_texts() && p.abstract_text.is_empty() && p.tweets.iter().all(|t| t.text.is_empty())
    }));
    assert_eq!(
        light.distinct_infos(),
        full.distinct_infos(),
        "shared infos stay shared"
    );
    // Everything but the texts is kept.
    let p = &light.days[0].papers[1];
    assert_eq!(
        (p.title.as_ref(), p.tweets[0].handle.as_str()),
        ("One", "jo")
    );
    let (back, errors) = light.with_texts();
    assert_eq!(errors, []);
    assert_eq!(back.days, full.days);
    assert_eq!(back.distinct_infos(), full.distinct_infos());
    // One day read back alone.
    let day = read_texts(dir.path(), &light.days[1]).unwrap();
    let got: Vec<&str> = day
        .iter()
        .map(|i| i.as_ref().unwrap().abstract_text.as_str())
        .collect();
    assert_eq!(got, ["The same abstract.", "Second abstract."]);
}

#[test]
fn a_changed_post_gives_back_only_what_it_still_holds_and_a_gone_one_names_its_file() {
    let dir = folder();
    let light = Archive::load(dir.path()).unwrap().without_texts();
    let file = dir.path().join("2024-01-02---Hot-Papers.md");
    std::fs::write(
        &file,
        post(
            "2024-01-02",
            &[
                ("Shared", "The same abstract.", "Same tweet"),
                ("Two", "Second abstract, edited.", "tweet two"),
            ],
        ),
    )
    .unwrap();
    let day = read_texts(dir.path(), &light.days[1]).unwrap();
    assert!(day[0].is_some(), "the paper that did not change");
    assert!(
        day[1].is_none(),
        "an edited abstract is not taken for the one read before"
    );
    let (back, errors) = light.with_texts();
    assert_eq!(errors, []);
    assert!(back.days[1].papers[0].holds_texts() && !back.days[1].papers[1].holds_texts());

    std::fs::remove_file(&file).unwrap();
    let e = read_texts(dir.path(), &light.days[1]).unwrap_err();
    assert_eq!(e.path, file);
    assert!(e.to_string().contains("2024-01-02---Hot-Papers.md"), "{e}");
    let (_, errors) = light.with_texts();
    assert_eq!(errors.len(), 1);
}

#[test]
fn texts_compare_by_their_hash_once_left_and_the_sample_keeps_its_own() {
    let dir = folder();
    let full = Archive::load(dir.path()).unwrap();
    let light = full.without_texts();
    let (a, b) = (&full.days[0].papers[1].info, &light.days[0].papers[1].info);
    assert!(a.same_texts(b) && b.same_texts(a) && b.same_texts(b));
    assert!(b.is_filled_by(a) && !a.is_filled_by(b));
    let other = &light.days[1].papers[1].info;
    assert!(!other.same_texts(a) && !b.is_filled_by(&full.days[1].papers[1].info));
    assert_ne!(a.text_hash(), full.days[1].papers[1].info.text_hash());

    let sample = Archive::sample();
    assert!(
        sample.without_texts().holds_texts(),
        "no files to read them back from"
    );
}

#[test]
fn a_first_load_leaves_the_texts_and_later_ones_keep_those_they_read() {
    let dir = folder();
    let mut r = Reloader::default();
    let first = r.reload(dir.path()).unwrap().archive;
    let full = Archive::load(dir.path()).unwrap();
    assert!(
        first.days.iter().flat_map(|d| &d.papers).all(|p| {
            !p.holds_texts()
                && p.abstract_text.is_empty()
                && p.tweets.iter().all(|t| t.text.is_empty())
        }),
        "no paper of a first load holds its texts"
    );
    assert_eq!(first.days, full.without_texts().days);
    assert_eq!(
        first.distinct_infos(),
        full.distinct_infos(),
        "shared as before"
    );
    // Read back, they are the post's.
    let (back, errors) = first.with_texts();
    assert!(errors.is_empty());
    assert_eq!(back.days, full.days);

    // A post changed since is read with its texts, for the index to take in.
    let name = "2024-01-02---Hot-Papers.md";
    std::fs::write(
        dir.path().join(name),
        post(
            "2024-01-02",
            &[
                ("Shared", "The same abstract.", "Same tweet"),
                ("Two", "New.", "t"),
            ],
        ),
    )
    .unwrap();
    let mixed = r.reload(dir.path()).unwrap().archive;
    assert!(
        Arc::ptr_eq(&mixed.days[0], &first.days[0]),
        "kept as it was"
    );
    assert!(mixed.days[1].papers.iter().all(|p| p.holds_texts()));
    let light = r.without_texts(&mixed).unwrap();
    assert!(
        r.without_texts(&mixed).is_none(),
        "no longer the last load's"
    );
    let again = r.reload(dir.path()).unwrap().archive;
    assert!(
        again
            .days
            .iter()
            .zip(&light.days)
            .all(|(a, b)| Arc::ptr_eq(a, b)),
        "unchanged posts keep the days without texts"
    );
}

#[test]
fn a_tweet_without_a_link_keeps_its_text_which_tells_it_from_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let unlinked = |text: &str| {
        format!(
            "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{text}</p>&mdash; Jo (@jo) January 1, 2024</blockquote>\n\n"
        )
    };
    let text = post("2024-01-01", &[("Paper", "An abstract.", "linked")])
        + &unlinked("first unlinked")
        + &unlinked("second unlinked");
    std::fs::write(dir.path().join("2024-01-01---Hot-Papers.md"), text).unwrap();
    let full = Archive::load(dir.path()).unwrap();
    let tweets = &full.days[0].papers[0].tweets;
    assert_eq!(tweets.len(), 3);
    assert!(
        tweets[1].url.is_empty() && tweets[2].url.is_empty(),
        "{tweets:?}"
    );
    let light = full.without_texts();
    let kept: Vec<&str> = light.days[0].papers[0]
        .tweets
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(kept, ["", "first unlinked", "second unlinked"]);
    let count = |a: &Archive| {
        crate::search::People::ranked_in(a, None, None)
            .iter()
            .map(|t| (t.handle.clone(), t.papers, t.tweets))
            .collect::<Vec<_>>()
    };
    assert_eq!(count(&light), count(&full));
    assert_eq!(count(&full), [("jo".to_string(), 1, 3)]);
    let (back, _) = light.with_texts();
    assert_eq!(back.days, full.days);
}

#[test]
fn a_paper_is_filled_only_by_itself_with_its_texts() {
    let dir = folder();
    let full = Archive::load(dir.path()).unwrap();
    let info = full.days[0].papers[1].info.as_ref().clone();
    let light = info.without_texts();
    assert!(light.is_filled_by(&info));
    assert!(!light.is_filled_by(&light), "not without its texts");
    // What `is_filled_by` tells: the same info once both leave their texts, and the same texts.
    let by_copies =
        |a: &PaperInfo, b: &PaperInfo| b.holds_texts() && a.without_texts() == b.without_texts();
    let mut variants: Vec<PaperInfo> = Vec::new();
    let mut v = info.clone();
    v.title = format!("{}!", v.title).into();
    variants.push(v);
    let mut v = info.clone();
    v.tweets[0].handle = format!("{}x", v.tweets[0].handle).into();
    variants.push(v);
    let mut v = info.clone();
    v.tweets[0].text.push('x');
    variants.push(v);
    // A tweet without its link keeps its text: a text of its own is another paper's.
    let mut v = info.clone();
    v.tweets[0].url = "".into();
    variants.push(v.clone());
    v.tweets[0].text.push('x');
    variants.push(v);
    let mut v = info.clone();
    v.abstract_text.push('x');
    variants.push(v);
    let mut v = info.clone();
    v.categories = [&v.categories[..], &["cs.AI".into()]].concat().into();
    variants.push(v);
    for (n, v) in variants.iter().enumerate() {
        let light = v.without_texts();
        assert!(light.is_filled_by(v), "{n}");
        for (m, w) in variants.iter().enumerate() {
            let same = by_copies(&light, w) && w.text_hash() == light.text_hash();
            assert_eq!(light.is_filled_by(w), same, "{n} by {m}");
            assert_eq!(same, n == m, "{n} by {m}: the variants are all different");
        }
        assert!(!light.is_filled_by(&info), "{n}");
    }
}
