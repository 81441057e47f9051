//! Any papers, tags and notes through every export format, each output read back by a parser
//! of its own: CSV cells come back exactly (a formula-like one with its `'`, or as it is with
//! `--raw`), the only Markdown links are abs links the reader would open and no bare address is
//! left for a renderer to link, BibTeX braces balance in every entry, and JSON parses.
//!
//! The input is UTF-8 text cut at U+0001 into fields, seven a paper (up to four papers): title,
//! authors (`;` between), abs link, arXiv id, categories (`;` between), tags (`;` between) and
//! note. `exports.dict` holds formula starts, link schemes, look-alike hosts and markup.
#![no_main]

use std::borrow::Cow;

use chrono::NaiveDate;
use hotpapers::archive::{Day, Name, PageLink, Paper, PaperInfo, PaperKey};
use hotpapers::export::{self, Format, csv::Cells};
use hotpapers::links::{ascii_hosts, check_url};
use hotpapers::state::{Note, Snapshot};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Parser, Tag};

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn papers(text: &str, marks: &mut Snapshot) -> Vec<Paper> {
    let fields: Vec<&str> = text.split('\u{1}').collect();
    let mut out = Vec::new();
    for (i, f) in fields.chunks(7).take(4).enumerate() {
        let get = |n: usize| f.get(n).copied().unwrap_or("");
        let id = Some(get(3)).filter(|s| !s.is_empty()).map(str::to_string);
        let key = PaperKey::of(id.as_deref(), get(0));
        let p = Paper {
            rank: i as u32 + 1,
            retweets: 0,
            favorites: 0,
            line: 1,
            info: std::sync::Arc::new(PaperInfo {
                title: get(0).into(),
                authors: list(get(1)).into_iter().map(Name::from).collect(),
                arxiv_id: id.map(Into::into),
                abs: PageLink::given(Some(get(2)).filter(|s| !s.is_empty())),
                pdf: PageLink::None,
                categories: list(get(4)).into_iter().map(Name::from).collect(),
                abstract_text: String::new(),
                tweets: Box::default(),
                key: key.clone(),
                texts: Default::default(),
            }),
        };
        let tags = list(get(5));
        if !tags.is_empty() {
            marks.tags.insert(key.clone(), tags);
        }
        if !get(6).is_empty() {
            let text = get(6).to_string();
            marks.notes.insert(
                key,
                Note {
                    text,
                    updated_at: 0,
                },
            );
        }
        out.push(p);
    }
    out
}

fn render(format: Format, days: &[Cow<'_, Day>], marks: &Snapshot, cells: Cells) -> String {
    let mut out = Vec::new();
    export::write(&mut out, format, days, marks, cells).expect("writing to memory");
    String::from_utf8(out).expect("every format writes UTF-8")
}

fn check_csv(text: &str, day: &Day, marks: &Snapshot, cells: Cells) {
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.expect("a CSV record")).collect();
    assert_eq!(rows.len(), day.papers.len(), "one row a paper");
    for (row, p) in rows.iter().zip(&day.papers) {
        let note = marks
            .note_of(&p.key)
            .unwrap_or("")
            .replace("\r\n", "\n")
            .replace('\n', "\r\n");
        let want = [
            (3, p.title.to_string()),
            (4, p.authors.join("; ")),
            (7, p.categories.join("; ")),
            (8, p.abs_url().unwrap_or_default().into_owned()),
            (10, marks.tags_of(&p.key).join("; ")),
            (11, note),
        ];
        for (i, raw) in want {
            let expected = match cells {
                Cells::Neutralized if export::csv::is_formula_like(&raw) => format!("'{raw}"),
                _ => raw,
            };
            assert_eq!(&row[i], expected, "cell {i} of {row:?}");
        }
    }
}

fn check_markdown(text: &str, day: &Day) {
    let allowed: Vec<String> = day
        .papers
        .iter()
        .filter_map(|p| p.abs_url())
        .filter(|u| check_url(u).is_ok())
        .map(|u| ascii_hosts(&u).into_owned())
        .collect();
    let mut links = 0;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links += 1;
                assert!(
                    check_url(&dest_url).is_ok(),
                    "a link the reader refuses: {dest_url:?}"
                );
            }
            Event::InlineHtml(h) => panic!("inline HTML {h:?}"),
            Event::Html(h) => assert_eq!(h.trim(), "<!-- -->", "HTML block"),
            _ => {}
        }
    }
    assert!(
        links <= allowed.len(),
        "{links} links for {} abs links",
        allowed.len()
    );
    // Outside the destinations written for the abs links, nothing a renderer would link.
    let mut rest = text.to_string();
    for u in &allowed {
        let written = u
            .replace('&', "\\&")
            .replace('(', "%28")
            .replace(')', "%29");
        rest = rest.replace(&format!("]({written})"), "]");
    }
    let lower = rest.to_ascii_lowercase();
    assert!(!lower.contains("://"), "a bare URL in {rest:?}");
    assert!(!lower.contains("www."), "a bare www. in {rest:?}");
    let b = rest.as_bytes();
    for (i, _) in rest.match_indices('@') {
        assert!(i > 0 && b[i - 1] == b'\\', "a bare @ in {rest:?}");
    }
}

fn check_bibtex(text: &str, day: &Day) {
    let mut depth = 0i64;
    let mut entries = 0;
    for line in text.lines() {
        if line.starts_with("@misc{") {
            assert_eq!(depth, 0, "an entry starts inside another: {text:?}");
            entries += 1;
        }
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "a brace closes nothing: {text:?}");
        }
        if line == "}" {
            assert_eq!(depth, 0, "an entry ends inside a field: {text:?}");
        } else if entries > 0 && !line.is_empty() && !line.starts_with("@misc{") {
            // A field line: inside its entry only.
            assert_eq!(depth, 1, "a field left a brace open: {line:?}");
        }
    }
    assert_eq!(depth, 0);
    let mut keys: Vec<&PaperKey> = day.papers.iter().map(|p| &p.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(entries, keys.len(), "an entry a paper");
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut marks = Snapshot::default();
    let papers = papers(text, &mut marks);
    let day = Day {
        date: NaiveDate::from_ymd_opt(2024, 3, 15).unwrap(),
        title: "Hot Papers 2024-03-15".into(),
        file: "2024-03-15---Hot-Papers.md".into(),
        published: None,
        papers,
    };
    let days = [Cow::Borrowed(&day)];
    for cells in [Cells::Neutralized, Cells::Raw] {
        check_csv(
            &render(Format::Csv, &days, &marks, cells),
            &day,
            &marks,
            cells,
        );
    }
    check_markdown(
        &render(Format::Markdown, &days, &marks, Cells::Neutralized),
        &day,
    );
    check_bibtex(
        &render(Format::Bibtex, &days, &marks, Cells::Neutralized),
        &day,
    );
    let json = render(Format::Json, &days, &marks, Cells::Neutralized);
    serde_json::from_str::<serde_json::Value>(&json).expect("JSON that parses");
});
