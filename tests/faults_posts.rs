//! Hostile posts (issue 7): what a post may cost. Megabyte-long lines are cut to the line
//! limit with a warning and wrapped in linear time, and inputs found by fuzzing (deeply nested
//! LaTeX, variation selectors) stay cheap and within their width.

#![cfg(unix)]

use std::path::Path;
use std::time::Instant;

use hotpapers::archive::{MAX_LINE, Parsed, parse_post};
use hotpapers::display::latex::prettify;
use hotpapers::display::width::{truncate, width, wrap};

// ---------------------------------------------------------------------------------------------
// Limits: megabyte-long lines

const MB: usize = 1 << 20;

/// Single-line posts of about a megabyte: one long heading, one long tweet, one long abstract,
/// and runs of the characters Markdown, HTML and LaTeX parsers are most often slow on.
fn megabyte_lines() -> Vec<(String, String)> {
    let head = "---\ntitle: Hot Papers 2020-01-02\n---\n\n";
    let paper_head = format!(
        "{head}# 1. T\n\nA, B\n\n- retweets: 1, favorites: 2\n- links: [abs](https://arxiv.org/abs/1)\n\n"
    );
    let run = |unit: &str| unit.repeat(MB / unit.len());
    let mut shapes = vec![
        (
            "long heading".to_string(),
            format!("{head}# 1. {}", run("word ")),
        ),
        (
            "long tweet".to_string(),
            format!(
                "{paper_head}<blockquote class=\"twitter-tweet\"><p lang=\"en\">{}</p>&mdash; A \
                 (@a) <a href=\"https://twitter.com/a/status/1\">D</a></blockquote>\n",
                run("tweet text ")
            ),
        ),
        (
            "long abstract".to_string(),
            format!("{paper_head}{}\n", run("abstract words ")),
        ),
    ];
    for unit in ["[", "<", "*", "$", "[a](", "\\mathrm{", "&#x1b;"] {
        shapes.push((format!("{unit:?} x 1 MB"), run(unit)));
        shapes.push((
            format!("{unit:?} x 1 MB as an abstract"),
            format!("{paper_head}{}\n", run(unit)),
        ));
    }
    shapes
}

fn all_fields(p: &Parsed) -> Vec<&str> {
    let Some(day) = &p.day else { return Vec::new() };
    let mut v = vec![day.title.as_ref()];
    for p in &day.papers {
        v.extend([p.title.as_ref(), p.abstract_text.as_str()]);
        v.extend(p.authors.iter().map(|n| n.as_str()));
        v.extend(p.categories.iter().map(|n| n.as_str()));
        for t in &p.tweets {
            v.extend([t.author.as_str(), t.text.as_str()]);
        }
    }
    v
}

#[test]
fn megabyte_long_lines_are_cut_to_the_line_limit_with_a_warning() {
    for (name, text) in megabyte_lines() {
        let t = Instant::now();
        let parsed = parse_post(Path::new("long.md"), "2020-01-02-long.md", text.as_bytes());
        eprintln!("parse_post, {name}: {:?}", t.elapsed());
        let warning = parsed
            .diagnostics
            .iter()
            .find(|d| d.message.contains("limit for a line"))
            .unwrap_or_else(|| panic!("{name}: no warning: {:?}", parsed.diagnostics));
        assert!(warning.line.is_some(), "{name}: {warning}");
        assert!(warning.message.contains("cut"), "{name}: {warning}");
        for field in all_fields(&parsed) {
            assert!(
                field.len() <= MAX_LINE,
                "{name}: a field of {}",
                field.len()
            );
        }
    }
}

#[test]
fn megabyte_long_lines_wrap_in_linear_time() {
    // The display path gets at most MAX_LINE bytes a field from the loader, but must not
    // depend on that to stay fast.
    for (name, text) in megabyte_lines() {
        let t = Instant::now();
        let pretty = prettify(&text);
        let lines = wrap(&pretty, 80);
        let cut = truncate(&pretty.replace('\n', " "), 80);
        eprintln!("prettify + wrap + truncate, {name}: {:?}", t.elapsed());
        assert!(lines.iter().all(|l| width(l) <= 80), "{name}");
        assert!(width(&cut) <= 80, "{name}");
    }
}

#[test]
fn a_megabyte_of_lines_under_the_limit_is_read_whole() {
    // Lines just under the limit: nothing is cut, and the parser still sees a megabyte.
    for unit in ["[", "<", "*", "$", "word "] {
        let line = unit.repeat((MAX_LINE - 1) / unit.len());
        let body = vec![line.as_str(); MB / MAX_LINE].join("\n");
        let text = format!("---\ntitle: Hot Papers 2020-01-02\n---\n\n# 1. T\n\nA, B\n\n{body}\n");
        let t = Instant::now();
        let parsed = parse_post(Path::new("big.md"), "big.md", text.as_bytes());
        eprintln!(
            "parse_post, {unit:?} in lines under the limit: {:?}",
            t.elapsed()
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("limit for a line")),
            "{unit:?}: {:?}",
            parsed.diagnostics
        );
        let day = parsed.day.expect("the post is read");
        assert!(day.papers[0].abstract_text.len() > MB / 2, "{unit:?}");
    }
}

#[test]
fn the_line_warning_names_the_first_long_line_and_counts_the_others() {
    let long = "x".repeat(MAX_LINE + 10);
    let text = format!(
        "---\ntitle: Hot Papers 2020-01-02\n---\n\n# 1. T\n\nA\n\n{long}\n\nshort\n\n{long}\n"
    );
    let parsed = parse_post(Path::new("p.md"), "p.md", text.as_bytes());
    let d = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.contains("limit for a line"))
        .expect("a warning");
    assert_eq!(d.line, Some(9), "{d}");
    assert!(
        d.message.contains(&format!("{} bytes", MAX_LINE + 10)),
        "{d}"
    );
    assert!(d.message.contains("and 1 more line"), "{d}");
    let abs = &parsed.day.expect("day").papers[0].abstract_text;
    assert_eq!(
        abs,
        &format!("{} short {}", &long[..MAX_LINE], &long[..MAX_LINE])
    );
    // A multi-byte character straddling the limit is dropped whole.
    let wide = format!("{}日本", "x".repeat(MAX_LINE - 1));
    let text = format!("---\ntitle: Hot Papers 2020-01-02\n---\n\n# 1. T\n\nA\n\n{wide}\n");
    let parsed = parse_post(Path::new("p.md"), "p.md", text.as_bytes());
    assert_eq!(
        parsed.day.expect("day").papers[0].abstract_text,
        "x".repeat(MAX_LINE - 1)
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions from fuzzing

/// latex_wrap found nothing in time, but measuring the 1 MB shapes did: `\mathrm{` nested a
/// hundred thousand deep made `prettify` copy each level's group again (memory growing with
/// the square of the length: over 20 GB for 1 MB) and recurse once a level.
#[test]
fn deeply_nested_latex_is_left_as_written() {
    let n = MB / 2 / "\\mathrm{".len();
    let deep = format!("${}x{}$", "\\mathrm{".repeat(n), "}".repeat(n));
    assert_eq!(prettify(&deep), deep);
    let deep = format!("$x{}2{}$", "^{".repeat(n), "}".repeat(n));
    assert_eq!(prettify(&deep), deep);
    assert_eq!(prettify("$\\mathrm{\\mathrm{x}}^{2}$"), "x²");
}

/// Found by the latex_wrap fuzzer: U+FE0F makes the character before it two columns wide, so
/// a long word broken char by char came out a column wider than the line.
#[test]
fn variation_selectors_never_make_a_line_too_wide() {
    let text = format!(
        "{}5\u{fe0f}be \u{2764}\u{fe0f}\u{2764}\u{fe0f}",
        "x".repeat(16)
    );
    for w in 2..=20 {
        for line in wrap(&text, w) {
            assert!(width(&line) <= w, "{line:?} is wider than {w}");
        }
        assert!(width(&truncate(&text, w)) <= w, "truncated to {w}");
    }
    // The selectors are dropped before display now (issue 16: terminals draw `5` and `❤`
    // one column wide whatever follows them), so the `5` fits on the first line.
    assert_eq!(
        wrap(&text, 17),
        [format!("{}5", "x".repeat(16)), "be \u{2764}\u{2764}".into()]
    );
}
