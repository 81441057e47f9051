//! What a post's body gives: each paper's rank, title, authors, counts, links, categories,
//! abstract and tweets, and how malformed paper sections (missing fields, garbage counts, odd
//! headings, deep nesting, too many tweets) are kept with located warnings. Hand-written
//! fixtures only (never real posts).

#[allow(dead_code)] // not every shared helper is used here
mod loader_support;

use hotpapers::archive::{Archive, Severity};
use loader_support::{FULL, date, day_of, errors, find, line_of, paper, parse, post, write};

// ---------------------------------------------------------------------------------------------
// Per-paper fields
// ---------------------------------------------------------------------------------------------

#[test]
fn a_full_post_loads_without_diagnostics() {
    let p = parse("2021-03-04---Hot-Papers.md", FULL);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let day = day_of(&p);
    assert_eq!(day.date, date("2021-03-04"));
    assert_eq!(day.title, "Hot Papers 2021-03-04");
    assert_eq!(day.file, "2021-03-04---Hot-Papers.md");
    assert_eq!(day.published.unwrap().to_string(), "2021-03-05 08:30:00");
    assert_eq!(day.papers.len(), 2);
}

#[test]
fn paper_rank_title_authors_and_counts() {
    let p = parse("2021-03-04.md", FULL);
    let day = day_of(&p);
    let a = &day.papers[0];
    assert_eq!(a.rank, 1);
    assert_eq!(
        a.title,
        "Lanterns in the Fog: Tiny Robots Learn to Glow".into()
    );
    assert_eq!(
        *a.authors,
        ["Ada Quill", "Bo Ferrant", "Cyd Marsh-Oyelaran"]
    );
    assert_eq!((a.retweets, a.favorites), (42, 317));
    assert_eq!(a.score(), 359);
    assert_eq!(a.line as usize, line_of(FULL, "# 1."));
    let b = &day.papers[1];
    assert_eq!(b.rank, 2);
    assert_eq!(*b.authors, ["Dee Nakamura"]);
    assert_eq!((b.retweets, b.favorites), (3, 9));
    assert_eq!(b.line as usize, line_of(FULL, "# 2."));
}

#[test]
fn paper_links_id_and_categories() {
    let p = parse("2021-03-04.md", FULL);
    let day = day_of(&p);
    let a = &day.papers[0];
    assert_eq!(a.arxiv_id.as_deref(), Some("2103.01234"));
    assert_eq!(
        a.abs_url().as_deref(),
        Some("https://arxiv.org/abs/2103.01234")
    );
    assert_eq!(
        a.pdf_url().as_deref(),
        Some("https://arxiv.org/pdf/2103.01234")
    );
    assert_eq!(*a.categories, ["cs.RO", "cs.LG"]);
    let b = &day.papers[1];
    assert_eq!(b.arxiv_id.as_deref(), Some("2103.05678"));
    assert_eq!(b.pdf_url(), None, "the pdf link is optional");
    assert_eq!(*b.categories, ["math.PR"]);
}

#[test]
fn paper_abstract_is_collapsed_source_text_or_empty() {
    let p = parse("2021-03-04.md", FULL);
    let day = day_of(&p);
    assert_eq!(
        day.papers[0].abstract_text,
        r"We teach small robots to find each other in fog using $\alpha$-blinking *lanterns* \& beacons."
    );
    assert_eq!(day.papers[1].abstract_text, "");
    assert!(day.papers[1].tweets.is_empty());
}

#[test]
fn tweet_fields() {
    let p = parse("2021-03-04.md", FULL);
    let tweets = &day_of(&p).papers[0].tweets;
    assert_eq!(tweets.len(), 2);
    let t = &tweets[0];
    assert_eq!(t.author, "Ada O'Quill & Co");
    assert_eq!(t.handle, "ada_quill");
    assert_eq!(
        t.url.to_string(),
        "https://twitter.com/ada_quill/status/1367000000000000001"
    );
    assert_eq!(t.date, "March 4, 2021");
    assert_eq!(t.lang, "en");
    assert_eq!(
        t.text,
        "Our robots glow & find \"friends\"!\n\nPaper: https://t.co/AbC123 thanks @LabBot"
    );
    let t = &tweets[1];
    assert_eq!(
        (t.author.as_str(), t.handle.as_str()),
        ("霧ロボ", "kiri_robo")
    );
    assert_eq!(
        t.url.to_string(),
        "https://twitter.com/kiri_robo/status/1367000000000000002"
    );
    assert_eq!(t.lang, "ja");
    assert_eq!(t.text, "霧の中のロボット pic.twitter.com/XyZ");
}

#[test]
fn a_tweet_without_attribution_is_kept_with_a_warning() {
    let body = format!(
        "{}<blockquote class=\"twitter-tweet\"><p lang=\"en\">orphan words</p></blockquote>\n",
        paper(1, "T")
    );
    let text = post("2020-01-01", "2020-01-01T00:00:00Z", &body);
    let p = parse("t.md", &text);
    let tweets = &day_of(&p).papers[0].tweets;
    assert_eq!(tweets.len(), 1);
    assert_eq!(tweets[0].text, "orphan words");
    assert_eq!(tweets[0].handle, "");
    let d = find(&p.diagnostics, "handle");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.line, Some(line_of(&text, "<blockquote")));
}

// ---------------------------------------------------------------------------------------------
// Malformed bodies
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_paper_fields_warn_at_the_heading_and_keep_the_paper() {
    let body = format!(
        "# 1. No Authors\n\n- retweets: 1, favorites: 2\n\n- links: [abs](https://arxiv.org/abs/2003.00001)\n\nAbstract one.\n\n\
         # 2. No Counts\n\nAnn Author\n\n- links: [abs](https://arxiv.org/abs/2003.00002)\n\nAbstract two.\n\n\
         # 3. No Links\n\nAnn Author\n\n- retweets: 5, favorites: 6\n\nAbstract three.\n\n{}",
        paper(4, "Complete")
    );
    let text = post("2020-03-01", "2020-03-02T00:00:00Z", &body);
    let p = parse("m.md", &text);
    let day = day_of(&p);
    assert_eq!(day.papers.len(), 4);
    let [one, two, three, _] = &day.papers[..] else {
        unreachable!()
    };

    assert!(one.authors.is_empty());
    assert_eq!((one.retweets, one.favorites), (1, 2));
    assert_eq!(one.abstract_text, "Abstract one.");
    assert_eq!((two.retweets, two.favorites), (0, 0));
    assert_eq!(*two.authors, ["Ann Author"]);
    assert_eq!(two.abstract_text, "Abstract two.");
    assert_eq!(
        (three.abs_url().as_deref(), three.arxiv_id.as_deref()),
        (None, None)
    );
    assert_eq!((three.retweets, three.favorites), (5, 6));
    assert_eq!(three.abstract_text, "Abstract three.");

    assert_eq!(p.diagnostics.len(), 3, "{:#?}", p.diagnostics);
    assert!(
        p.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    let d = find(&p.diagnostics, "paper 1 has no authors");
    assert_eq!(d.line, Some(line_of(&text, "# 1.")));
    let d = find(&p.diagnostics, "paper 2 has no `- retweets");
    assert_eq!(d.line, Some(line_of(&text, "# 2.")));
    let d = find(&p.diagnostics, "paper 3 has no abs link");
    assert_eq!(d.line, Some(line_of(&text, "# 3.")));
}

#[test]
fn garbage_counts_are_zero_with_a_warning_naming_file_and_line() {
    let body = "# 1. Popular\n\nAnn Author\n\n- retweets: many, favorites: 12 (01/01/2020 00:00:00)\n\n\
                - links: [abs](https://arxiv.org/abs/2003.00003)\n\n\
                # 2. Unpopular\n\nBen Writer\n\n- retweets: 4, favorites: -1\n\n\
                - links: [abs](https://arxiv.org/abs/2003.00004)\n";
    let text = post("2020-03-03", "2020-03-04T00:00:00Z", body);
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "2020-03-03.md", &text);
    let archive = Archive::load(tmp.path()).unwrap();
    let papers = &archive.days[0].papers;
    assert_eq!((papers[0].retweets, papers[0].favorites), (0, 12));
    assert_eq!((papers[1].retweets, papers[1].favorites), (4, 0));
    assert_eq!(archive.diagnostics.len(), 2, "{:#?}", archive.diagnostics);
    let d = find(&archive.diagnostics, "\"many\"");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.path, path);
    assert_eq!(d.line, Some(line_of(&text, "- retweets: many")));
    assert!(d.message.contains("retweets"), "{d}");
    assert_eq!(
        d.to_string(),
        format!(
            "warning: {}:{}: {}",
            path.display(),
            d.line.unwrap(),
            d.message
        )
    );
    let d = find(&archive.diagnostics, "\"-1\"");
    assert!(d.message.contains("paper 2: favorites"), "{d}");
    assert_eq!(d.line, Some(line_of(&text, "- retweets: 4")));
}

#[test]
fn a_heading_that_is_not_a_ranked_title_is_skipped_with_a_warning() {
    let body = format!(
        "# Introduction\n\nSome words that are not a paper.\n\n{}# 2020s. Not a rank\n\nMore words.\n\n{}",
        paper(1, "Real One"),
        paper(2, "Real Two")
    );
    let text = post("2020-03-05", "2020-03-06T00:00:00Z", &body);
    let p = parse("h.md", &text);
    let day = day_of(&p);
    let titles: Vec<_> = day.papers.iter().map(|p| p.title.as_ref()).collect();
    assert_eq!(titles, ["Real One", "Real Two"]);
    // Text under the skipped heading does not leak into the previous paper.
    assert_eq!(day.papers[0].abstract_text, "An abstract for paper 1.");
    let heads: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("`# N. Title`"))
        .collect();
    assert_eq!(heads.len(), 2, "{:#?}", p.diagnostics);
    assert_eq!(heads[0].line, Some(line_of(&text, "# Introduction")));
    assert_eq!(heads[1].line, Some(line_of(&text, "# 2020s.")));
    assert_eq!(p.diagnostics.len(), 2, "{:#?}", p.diagnostics);
}

#[test]
fn headings_inside_code_blocks_are_not_papers() {
    let body = format!("```\n# 9. Not a paper\n```\n\n{}", paper(1, "Real"));
    let p = parse("c.md", &post("2020-03-07", "2020-03-07T00:00:00Z", &body));
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(day_of(&p).papers.len(), 1);
}

#[test]
fn a_post_with_zero_papers_is_a_valid_empty_day() {
    let text = post(
        "2020-03-08",
        "2020-03-09T00:00:00Z",
        "No papers were hot today.\n",
    );
    let p = parse("z.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-03-08"));
    assert!(day.papers.is_empty());
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);

    // Front matter alone is a post too.
    let p = parse("z.md", "---\ntitle: Hot Papers 2020-03-10\n---\n");
    assert!(day_of(&p).papers.is_empty());
    assert!(errors(&p.diagnostics).is_empty());
}

#[test]
fn deeply_nested_markdown_returns() {
    for nest in ["> ", "- ", "* > 1. ", "<div>"] {
        let body = format!(
            "# 1. Deep\n\n{}x\n\n{}",
            nest.repeat(20_000),
            paper(2, "After")
        );
        let p = parse("n.md", &post("2020-08-02", "2020-08-02T00:00:00Z", &body));
        let titles: Vec<_> = day_of(&p).papers.iter().map(|p| p.title.as_ref()).collect();
        assert_eq!(titles, ["Deep", "After"], "{nest}");
    }
}

#[test]
fn tweets_per_paper_are_capped_with_a_warning() {
    let tweet = "<blockquote class=\"twitter-tweet\"><p lang=\"en\">x</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">D</a></blockquote>\n";
    let body = format!("{}{}", paper(1, "Viral"), tweet.repeat(250));
    let p = parse("v.md", &post("2020-08-03", "2020-08-03T00:00:00Z", &body));
    assert_eq!(day_of(&p).papers[0].tweets.len(), 200);
    let d = find(&p.diagnostics, "more than 200 tweets");
    assert_eq!(d.severity, Severity::Warning);
}
