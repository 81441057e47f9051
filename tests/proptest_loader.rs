//! Whatever a post contains, the loader returns (no panic) and nothing it keeps can carry a
//! control character or bidi override to the terminal; and counting a post (what `check` does)
//! reports what reading it whole does.

use std::path::Path;

use hotpapers::archive::text::is_forbidden;
use hotpapers::archive::{Day, Keep, PageLink, parse_post, parse_post_keeping};
use proptest::prelude::*;

/// Pieces of the digest format, so that generated posts reach deep into the parser.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("---\n".to_string()),
        Just("title: Hot Papers 2021-02-03\n".to_string()),
        Just("date: 2021-02-04T09:00:00.Z\n".to_string()),
        Just("a: &x [1, *x]\n".to_string()),
        Just("# 1. A title\n\n".to_string()),
        "# [0-9]{1,3}\\. [a-z $\\\\]{0,20}\n".prop_map(|s| s),
        Just("Ann A, Bob B\n\n".to_string()),
        // An authors paragraph of nothing but separators and white space of several kinds.
        Just(" ,\u{a0}, \u{3000}\n\n".to_string()),
        Just("- retweets: 12, favorites: 34 (01/01/2021 00:00:00)\n".to_string()),
        Just("- links: [abs](https://arxiv.org/abs/2101.00001) | [pdf](https://arxiv.org/pdf/2101.00001)\n".to_string()),
        Just("- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [cs.CV](x)\n".to_string()),
        Just("<blockquote class=\"twitter-tweet\"><p lang=\"en\">".to_string()),
        Just("</p>&mdash; N (@h) <a href=\"https://twitter.com/h/status/1?s=2\">D</a></blockquote>\n".to_string()),
        // Tweets without a handle, without a status link, in capitals, cut short.
        Just("</p>&mdash; N <a href=\"https://twitter.com/h/status/2\">D</a></blockquote>\n".to_string()),
        Just("<BLOCKQUOTE><P>t</P>&mdash; N (@h)</BLOCKQUOTE>\n".to_string()),
        Just("<blockquote><p>(@".to_string()),
        Just("&#27;[31m&#x9b;&#8238;&amp;<br>".to_string()),
        Just("\u{1b}]52;c;aGk=\u{7}\u{202e}\u{9b}\t\r\n".to_string()),
        Just("```\n".to_string()),
        Just("\n\n".to_string()),
        any::<String>(),
    ]
}

fn all_text(day: &Day) -> Vec<std::borrow::Cow<'_, str>> {
    let mut urls = Vec::new();
    let mut v: Vec<std::borrow::Cow<'_, str>> = all_borrowed(day, &mut urls)
        .into_iter()
        .map(std::borrow::Cow::Borrowed)
        .collect();
    v.extend(urls.into_iter().map(std::borrow::Cow::Owned));
    v
}

/// Every text of `day` held as text; the tweets' links, which are not, into `urls`.
fn all_borrowed<'a>(day: &'a Day, urls: &mut Vec<String>) -> Vec<&'a str> {
    let mut v = vec![day.title.as_ref(), day.file.as_str()];
    for p in &day.papers {
        v.extend([p.title.as_ref(), p.abstract_text.as_str()]);
        v.extend(p.authors.iter().map(|n| n.as_str()));
        v.extend(p.categories.iter().map(|n| n.as_str()));
        v.extend(p.arxiv_id.as_deref());
        // A link kept as arXiv's page of the id is the id (above) and a constant.
        for link in [&p.abs, &p.pdf] {
            if let PageLink::Given(url) = link {
                v.push(url);
            }
        }
        for t in &p.tweets {
            v.extend([
                t.author.as_str(),
                t.handle.as_str(),
                t.date.as_str(),
                t.lang.as_str(),
            ]);
            v.extend(t.text.split('\n'));
            urls.push(t.url.to_string());
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let parsed = parse_post(Path::new("x.md"), "2021-02-03---x.md", &bytes);
        prop_assert!(parsed.day.is_some() || !parsed.diagnostics.is_empty(), "dropped without a word");
        if let Some(day) = parsed.day {
            for s in all_text(&day) {
                prop_assert!(!s.chars().any(|c| is_forbidden(c) || c == '\t'), "{s:?}");
            }
        }
    }

    #[test]
    fn format_like_posts_never_panic_and_stay_clean(parts in proptest::collection::vec(fragment(), 0..40)) {
        let text = parts.concat();
        let parsed = parse_post(Path::new("x.md"), "2021-02-03---x.md", text.as_bytes());
        let Some(day) = parsed.day else {
            // Only an empty or blank file is dropped, and never silently.
            prop_assert!(text.trim().is_empty() || text.contains('\0'), "{text:?} dropped");
            prop_assert!(!parsed.diagnostics.is_empty());
            return Ok(());
        };
        for s in all_text(&day) {
            prop_assert!(!s.chars().any(|c| is_forbidden(c) || c == '\t'), "{s:?}");
        }
        // Output never grows beyond the input: nothing is expanded (aliases, entities).
        let kept: usize = all_text(&day).iter().map(|s| s.len()).sum();
        prop_assert!(kept <= text.len() * 4 + 64, "{kept} bytes kept from {}", text.len());
    }

    #[test]
    fn counting_a_post_reports_what_reading_it_does(parts in proptest::collection::vec(fragment(), 0..40)) {
        let text = parts.concat();
        let (path, rel) = (Path::new("x.md"), "2021-02-03---x.md");
        let full = parse_post(path, rel, text.as_bytes());
        let counted = parse_post_keeping(path, rel, text.as_bytes(), Keep::Counts);
        prop_assert_eq!(&counted.diagnostics, &full.diagnostics);
        let shape = |d: &Day| {
            let papers: Vec<_> = d
                .papers
                .iter()
                .map(|p| (p.rank, p.retweets, p.favorites, p.line, p.tweets.len()))
                .collect();
            (d.date, d.published, papers)
        };
        prop_assert_eq!(counted.day.as_ref().map(shape), full.day.as_ref().map(shape));
    }
}
