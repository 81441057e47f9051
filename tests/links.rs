//! Finding the links of a paper: the URL scanner's rules, one test each, the order and
//! deduplication of a paper's links, and a property test that the scanner never panics and only
//! returns links that may be opened.

use hotpapers::archive::{PageLink, Paper, PaperInfo, Tweet};
use hotpapers::links::{Link, LinkKind, check_url, find_urls, paper_links};
use proptest::prelude::*;

fn urls(text: &str) -> Vec<String> {
    find_urls(text)
}

/// Checks each `(text, the URLs found in it)`.
fn finds(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        assert_eq!(urls(text), *want, "in {text:?}");
    }
}

#[test]
fn http_and_https_links_are_found_in_any_case() {
    finds(&[
        (
            "Code: https://github.com/cvg/pixloc and http://x.org/a?b=1#c",
            &["https://github.com/cvg/pixloc", "http://x.org/a?b=1#c"],
        ),
        ("HTTPS://Example.org/A", &["HTTPS://Example.org/A"]),
        ("see:https://x.org", &["https://x.org"]),
        ("no links here, just http or https: words", &[]),
    ]);
}

#[test]
fn a_full_stop_after_a_link_is_the_sentences() {
    finds(&[
        (
            "Code is at https://github.com/cvg/pixloc.",
            &["https://github.com/cvg/pixloc"],
        ),
        ("at https://x.org/a...", &["https://x.org/a"]),
        // Dots inside stay.
        ("https://x.org/v1.2/a.pdf", &["https://x.org/v1.2/a.pdf"]),
    ]);
}

#[test]
fn other_trailing_punctuation_is_removed() {
    let x = &["https://x.org/a"][..];
    finds(&[
        ("https://x.org/a, and", x),
        ("https://x.org/a; and", x),
        ("https://x.org/a: the code", x),
        ("try https://x.org/a!", x),
        ("is it https://x.org/a?", x),
        ("'https://x.org/a'", x),
        ("\"https://x.org/a\"", x),
        ("https://x.org/a?!.", x),
        // Within the URL they are part of it, and so is a quote that closes one in it.
        (
            "https://x.org/a;b,c:d!e?f='g'",
            &["https://x.org/a;b,c:d!e?f='g'"],
        ),
    ]);
}

#[test]
fn a_closing_bracket_is_removed_only_when_unbalanced() {
    let wiki = &["https://en.wikipedia.org/wiki/Foo_(bar)"][..];
    let x = &["https://x.org/a"][..];
    finds(&[
        ("https://en.wikipedia.org/wiki/Foo_(bar)", wiki),
        ("(see https://en.wikipedia.org/wiki/Foo_(bar)).", wiki),
        ("(see https://x.org/a)", x),
        ("(see https://x.org/a).", x),
        ("[https://x.org/a]", x),
        ("[link](https://x.org/a)", x),
    ]);
}

#[test]
fn latex_braces_and_escapes_are_not_part_of_the_link() {
    finds(&[
        (
            "available at \\url{https://github.com/microsoft/CvT}.",
            &["https://github.com/microsoft/CvT"],
        ),
        (
            "code: https://github.com/a/b\\_c and https://x.org/50\\%",
            &["https://github.com/a/b_c", "https://x.org/50%"],
        ),
        // A balanced brace is no sentence's, and no URL holds one unencoded: the link is
        // dropped rather than cut into a different address.
        ("https://x.org/{a}", &[]),
    ]);
}

#[test]
fn angle_brackets_quotes_and_spaces_end_a_link() {
    let x = &["https://x.org/a"][..];
    finds(&[
        ("<https://x.org/a>", x),
        ("https://x.org/a<br>", x),
        ("https://x.org/a\nnext", x),
        ("https://x.org/a\u{3000}b", x),
        ("`https://x.org/a`", x),
    ]);
}

#[test]
fn text_in_other_scripts_right_after_a_link_is_not_part_of_it() {
    finds(&[(
        "論文はこちらhttps://t.co/abc。コードも",
        &["https://t.co/abc"],
    )]);
}

#[test]
fn a_shortened_display_text_is_dropped() {
    finds(&[
        (
            "code: https://github.com/foo/ba… and https://t.co/xyz",
            &["https://t.co/xyz"],
        ),
        // Bare display texts (`github.com/foo/bar…`) are not links at all.
        ("github.com/foo/bar… github.com/foo", &[]),
    ]);
}

#[test]
fn bare_www_and_twitter_picture_hosts_get_https() {
    finds(&[
        (
            "see www.example.org/page. And pic.twitter.com/Z8UiUpnVHH",
            &[
                "https://www.example.org/page",
                "https://pic.twitter.com/Z8UiUpnVHH",
            ],
        ),
        ("(www.example.org)", &["https://www.example.org"]),
        ("WWW.Example.org", &["https://WWW.Example.org"]),
    ]);
}

#[test]
fn www_inside_words_paths_or_without_a_host_is_no_link() {
    for text in [
        "the www. prefix",
        "www.-x.org",
        "www.localhost",
        "awww.cute.com",
        "mail me@www.x.org",
        "a/www.x.org",
        "foo.www.x.org",
        "xpic.twitter.com/a",
        "pic.twitter.com",
        "github.com/foo/bar",
        "model.py and Node.js",
    ] {
        assert!(urls(text).is_empty(), "{text:?} gave {:?}", urls(text));
    }
}

#[test]
fn refused_links_are_dropped() {
    finds(&[
        ("https:// nothing", &[]),
        ("https://-x/evil https://user@evil.example/", &[]),
        ("https://x.org/a{b", &[]),
        ("https://.x https://ok.org", &["https://ok.org"]),
    ]);
}

#[test]
fn repeats_are_all_returned_in_order() {
    finds(&[(
        "https://b.org https://a.org https://b.org",
        &["https://b.org", "https://a.org", "https://b.org"],
    )]);
}

fn tweet(handle: &str, url: &str, text: &str) -> Tweet {
    Tweet {
        author: "A".into(),
        handle: handle.into(),
        url: url.into(),
        date: "July 1, 2020".into(),
        lang: "en".into(),
        text: text.into(),
    }
}

fn paper() -> Paper {
    Paper {
        rank: 1,
        retweets: 0,
        favorites: 0,
        line: 1,
        info: std::sync::Arc::new(PaperInfo {
            title: "T".into(),
            authors: vec![].into(),
            arxiv_id: Some("2101.00001".into()),
            abs: PageLink::given(Some("https://arxiv.org/abs/2101.00001")),
            pdf: PageLink::given(Some("https://arxiv.org/pdf/2101.00001")),
            categories: vec![].into(),
            abstract_text: "Code: https://github.com/a/b. Paper https://arxiv.org/abs/2101.00001."
                .into(),
            tweets: vec![
                tweet(
                    "jane",
                    "https://twitter.com/jane/status/1",
                    "New! https://t.co/abc https://github.com/a/b pic.twitter.com/P",
                ),
                tweet(
                    "",
                    "https://twitter.com/x/status/2",
                    "https://t.co/abc https://t.co/d…",
                ),
            ]
            .into(),
            key: Default::default(),
            texts: Default::default(),
        }),
    }
}

#[test]
fn a_papers_links_come_in_order_each_once() {
    let links = paper_links(&paper());
    let got: Vec<(LinkKind, &str)> = links.iter().map(|l| (l.kind, l.url.as_str())).collect();
    assert_eq!(
        got,
        [
            (LinkKind::Abs, "https://arxiv.org/abs/2101.00001"),
            (LinkKind::Pdf, "https://arxiv.org/pdf/2101.00001"),
            (
                LinkKind::Tweet { index: 0 },
                "https://twitter.com/jane/status/1"
            ),
            (
                LinkKind::Tweet { index: 1 },
                "https://twitter.com/x/status/2"
            ),
            (LinkKind::InAbstract, "https://github.com/a/b"),
            (LinkKind::InTweet { index: 0 }, "https://t.co/abc"),
            (LinkKind::InTweet { index: 0 }, "https://pic.twitter.com/P"),
        ]
    );
}

#[test]
fn labels_say_where_a_link_is_from() {
    let labels: Vec<String> = paper_links(&paper()).into_iter().map(|l| l.label).collect();
    assert_eq!(
        labels,
        [
            "abs",
            "pdf",
            "tweet 1 by @jane",
            "tweet 2",
            "link in the abstract",
            "link in tweet 1 by @jane",
            "link in tweet 1 by @jane",
        ]
    );
}

#[test]
fn a_paper_without_links_has_none_and_bad_stored_links_are_dropped() {
    let mut p = paper();
    p.abs = PageLink::None;
    p.pdf = PageLink::given(Some("javascript:alert(1)"));
    p.abstract_text.clear();
    p.tweets[0].url = "/relative".into();
    p.tweets = p.tweets[..1].to_vec().into();
    p.tweets[0].text = "no links".into();
    assert_eq!(paper_links(&p), Vec::<Link>::new());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_scanner_never_panics_and_returns_only_openable_links(
        parts in proptest::collection::vec(prop_oneof![
            Just("https://".to_string()),
            Just("HTTP://".to_string()),
            Just("www.".to_string()),
            Just("pic.twitter.com/".to_string()),
            Just("\\_".to_string()),
            "[a-z0-9./:?#()\\[\\]{}<>'\",;!@%-]{0,12}",
            Just("…".to_string()),
            Just("論文".to_string()),
            any::<String>(),
        ], 0..24)
    ) {
        let text = parts.concat();
        for url in find_urls(&text) {
            prop_assert!(check_url(&url).is_ok(), "{url:?} from {text:?}");
            prop_assert!(!url.chars().any(char::is_whitespace), "{url:?}");
        }
    }
}

#[test]
fn the_samples_papers_have_their_links_and_those_in_their_tweets() {
    let archive = hotpapers::archive::Archive::sample();
    let (mut in_tweets, mut pictures) = (0, 0);
    for p in archive.days.iter().flat_map(|d| &d.papers) {
        let links = paper_links(p);
        assert_eq!(links[0].kind, LinkKind::Abs, "{}", p.title);
        assert_eq!(Some(links[0].url.as_str()), p.abs_url().as_deref());
        for (index, t) in p.tweets.iter().enumerate() {
            let kind = LinkKind::Tweet { index };
            assert!(links.iter().any(|l| l.kind == kind && t.url == *l.url));
        }
        let from_tweets = links
            .iter()
            .filter(|l| matches!(l.kind, LinkKind::InTweet { .. }));
        in_tweets += from_tweets.clone().count();
        pictures += from_tweets
            .filter(|l| l.url.starts_with("https://pic.twitter.com/"))
            .count();
        let mut urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        urls.sort();
        urls.dedup();
        assert_eq!(urls.len(), links.len(), "each once");
    }
    assert!(in_tweets > 20 && pictures > 0, "{in_tweets} {pictures}");
}
