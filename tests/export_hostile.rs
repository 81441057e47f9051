//! Exports of hostile posts (issue 16), through the real binary: Markdown keeps only links the
//! reader would open and lets no title end or start one, CSV neutralizes cells a spreadsheet
//! would run as formulas unless `--raw`, BibTeX fields cannot end their entry.

mod binary;

use binary::{Env, stderr, stdout, write};

/// Two papers whose every field is an attack: a title ending in a backslash (it would escape
/// the `]` closing its link text) over a `javascript:` link, formulas as authors, a title full
/// of bare addresses over a `user@host` link.
const POST: &str = r#"---
title: Hot Papers 2024-03-01
date: 2024-03-01T09:00:00.Z
---

# 1. Nice title\

=HYPERLINK("https://evil.example","x"), @Eve

- retweets: 1, favorites: 2 (01/01/2024 00:00:00)

- links: [abs](javascript:alert(1)) | [pdf](https://arxiv.org/pdf/2403.00001)
- [cs.LG](https://arxiv.org/list/cs.LG/recent)

An abstract.

# 2. -2 see https://arxiv.org@evil.example/ and www.evil.example

+Mallory

- retweets: 1, favorites: 2 (01/01/2024 00:00:00)

- links: [abs](https://arxiv.org@evil.example/abs/2403.00002) | [pdf](https://arxiv.org/pdf/2403.00002)
- [cs.LG](https://arxiv.org/list/cs.LG/recent)

An abstract.

# 3. A Fine Paper

Ann Author

- retweets: 1, favorites: 2 (01/01/2024 00:00:00)

- links: [abs](https://arxiv.org/abs/2403.00003) | [pdf](https://arxiv.org/pdf/2403.00003)
- [cs.LG](https://arxiv.org/list/cs.LG/recent)

An abstract.
"#;

fn export(args: &[&str]) -> String {
    let env = Env::new();
    let posts = tempfile::tempdir().unwrap();
    write(posts.path(), "2024-03-01", POST);
    let dir = posts.path().to_str().unwrap();
    let o = env.run(&[&["export", "--archive", dir][..], args].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn markdown_links_only_what_the_reader_opens_and_no_title_breaks_out() {
    let md = export(&["--format", "markdown"]);
    let lines: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with(char::is_numeric))
        .collect();
    assert_eq!(
        lines[0],
        r#"1. Nice title\\ — =HYPERLINK("https:\/\/evil.example", "x"), \@Eve · ♺ 1 ♥ 2 · cs.LG"#
    );
    assert!(lines[1].starts_with(r"2. -2 see https:\/\/arxiv.org\@evil.example/ and www\.evil"));
    assert!(lines[2].starts_with("3. [A Fine Paper](https://arxiv.org/abs/2403.00003) — "));
    assert!(
        !md.contains("javascript") && !md.contains("evil.example/abs"),
        "{md}"
    );
}

#[test]
fn csv_cells_that_look_like_formulas_get_a_quote_unless_raw() {
    let read = |text: &str| -> Vec<csv::StringRecord> {
        let mut r = csv::Reader::from_reader(text.as_bytes());
        r.records().map(Result::unwrap).collect()
    };
    let safe = read(&export(&["--format", "csv"]));
    assert_eq!(
        &safe[0][4],
        r#"'=HYPERLINK("https://evil.example"; "x"); @Eve"#
    );
    assert!(safe[1][3].starts_with("'-2 see"), "{:?}", &safe[1]);
    assert_eq!(&safe[1][4], "'+Mallory");
    assert_eq!(&safe[2][3], "A Fine Paper");
    let raw = read(&export(&["--format", "csv", "--raw"]));
    assert_eq!(
        &raw[0][4],
        r#"=HYPERLINK("https://evil.example"; "x"); @Eve"#
    );
    assert_eq!(&raw[1][4], "+Mallory");
}

#[test]
fn bibtex_fields_stay_inside_their_entry() {
    let bib = export(&["--format", "bibtex"]);
    assert!(bib.contains("title={Nice title},\n"), "{bib}");
    // Only the fine paper's link is a URL of the bibliography.
    assert_eq!(bib.matches("url=").count(), 1, "{bib}");
    assert!(bib.contains("url={https://arxiv.org/abs/2403.00003}"));
    let mut depth = 0;
    for c in bib.chars() {
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        assert!(depth >= 0, "{bib}");
    }
    assert_eq!(depth, 0);
}
