//! Tests of `body`: reading papers from a body's source text.

use super::*;

#[test]
fn ranked_titles() {
    assert_eq!(ranked_title("# 1. A  title\n"), Some((1, "A title".into())));
    assert_eq!(ranked_title("# 12) B #\n"), Some((12, "B".into())));
    assert_eq!(ranked_title("# 3. C#\n"), Some((3, "C#".into())));
    assert_eq!(ranked_title("# Introduction\n"), None);
    assert_eq!(ranked_title("# 2020s. X\n"), None);
}

#[test]
fn arxiv_ids() {
    assert_eq!(
        arxiv_id("https://arxiv.org/abs/2006.15055"),
        Some("2006.15055")
    );
    assert_eq!(
        arxiv_id("https://arxiv.org/abs/2006.15055v2?x=1"),
        Some("2006.15055v2")
    );
    assert_eq!(
        arxiv_id("https://arxiv.org/pdf/2006.15055.pdf"),
        Some("2006.15055")
    );
    assert_eq!(
        arxiv_id("https://arxiv.org/abs/hep-th/9901001"),
        Some("hep-th/9901001")
    );
    assert_eq!(arxiv_id("https://example.org/"), None);
}

const PAPER: &str = "# 1. Title with $\\alpha$  and *stars*\n\nA. One, B. Two ,C Three\n\n- retweets: 12, favorites: 34 (06/30/2020 09:15:18)\n\n- links: [abs](https://arxiv.org/abs/2001.00001) | [pdf](https://arxiv.org/pdf/2001.00001)\n- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [stat.ML](https://arxiv.org/list/stat.ML/recent)\n\nWe study   things \\& *stuff*\nacross lines.\n\n<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi</p>&mdash; X (@x) <a href=\"https://twitter.com/x/status/1?s=1\">June 1, 2020</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n\n\n\n\n# 2. Second\n\nC. D\n\n- retweets: 1, favorites: 2 (06/30/2020 09:15:18)\n\n- links: [abs](https://arxiv.org/abs/2001.00002)\n- [cs.CV](https://arxiv.org/list/cs.CV/recent)\n";

#[test]
fn reads_a_full_paper() {
    let (papers, problems) = parse(PAPER, Keep::All);
    assert_eq!(problems, []);
    assert_eq!(papers.len(), 2);
    let p = &papers[0].0;
    assert_eq!(p.rank, 1);
    assert_eq!(p.title, "Title with $\\alpha$ and *stars*".into());
    assert_eq!(*p.authors, ["A. One", "B. Two", "C Three"]);
    assert_eq!((p.retweets, p.favorites), (12, 34));
    assert_eq!(p.arxiv_id.as_deref(), Some("2001.00001"));
    assert_eq!(
        p.pdf_url().as_deref(),
        Some("https://arxiv.org/pdf/2001.00001")
    );
    assert_eq!(*p.categories, ["cs.LG", "stat.ML"]);
    assert_eq!(p.abstract_text, "We study things \\& *stuff* across lines.");
    assert_eq!(p.tweets.len(), 1);
    assert_eq!(
        p.tweets[0].url.to_string(),
        "https://twitter.com/x/status/1"
    );
    let q = &papers[1].0;
    assert_eq!(
        (q.rank, q.pdf_url().as_deref(), q.abstract_text.as_str()),
        (2, None, "")
    );
    assert!(q.tweets.is_empty());
    assert_eq!(&PAPER[papers[1].1..papers[1].1 + 5], "# 2. ");
}

#[test]
fn abstract_that_looks_like_markdown_is_kept_as_source() {
    let src = "# 1. T\n\nA\n\n- retweets: 1, favorites: 2\n- links: [abs](https://arxiv.org/abs/1)\n- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n- We propose a list-like abstract\n\n1. and more\n";
    let (papers, _) = parse(src, Keep::All);
    assert_eq!(
        papers[0].0.abstract_text,
        "- We propose a list-like abstract 1. and more"
    );
}

#[test]
fn garbage_counts_warn_and_default_to_zero() {
    let src = "# 1. T\n\nA\n\n- retweets: lots, favorites: -3 (x)\n- links: [abs](https://arxiv.org/abs/1)\n";
    let (papers, problems) = parse(src, Keep::All);
    assert_eq!((papers[0].0.retweets, papers[0].0.favorites), (0, 0));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].message.contains("\"lots\""));
}

#[test]
fn headings_inside_code_are_not_papers_and_odd_headings_warn() {
    let (papers, problems) = parse("```\n# 1. Not a paper\n```\n\n# About\n\ntext\n", Keep::All);
    assert!(papers.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].offset, 26);
}

#[test]
fn missing_fields_are_reported() {
    let (papers, problems) = parse("# 1. Bare\n", Keep::All);
    assert_eq!(papers.len(), 1);
    assert!(problems.iter().all(|p| p.offset == 0), "{problems:?}");
    let text: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(text.iter().any(|m| m.contains("retweets")), "{text:?}");
    assert!(text.iter().any(|m| m.contains("abs link")));
    assert!(text.iter().any(|m| m.contains("authors")));
}
