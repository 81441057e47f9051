//! Odd file contents: empty and whitespace-only files, CRLF, a BOM, invalid UTF-8, binary
//! files, tabs, and the control and bidi characters the loader removes from everything it
//! loads. Hand-written fixtures only (never real posts).

#[allow(dead_code)] // not every shared helper is used here
mod loader_support;

use std::path::Path;

use hotpapers::archive::{Day, Severity};
use loader_support::{
    FULL, day_of, errors, is_forbidden, line_of, paper, parse, parse_bytes, post, simple_post,
};

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

/// Every string anywhere in a day, through its serialised form.
fn all_strings(day: &Day) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(day).unwrap(), &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Encodings and odd files
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_skipped_with_a_warning() {
    let p = parse_bytes("2020-01-01.md", b"");
    assert!(p.day.is_none());
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!((d.severity, d.line), (Severity::Warning, None));
    assert!(d.message.contains("empty"), "{d}");
}

#[test]
fn a_whitespace_only_file_is_skipped_with_a_warning() {
    let p = parse_bytes("2020-01-01.md", b" \n\t\r\n  \n");
    assert!(p.day.is_none());
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("white space"), "{d}");
}

#[test]
fn crlf_line_endings_give_the_same_result_as_lf() {
    let crlf = FULL.replace('\n', "\r\n");
    assert_ne!(crlf, FULL);
    let a = parse("2021-03-04.md", FULL);
    let b = parse("2021-03-04.md", &crlf);
    assert_eq!(a.day, b.day);
    assert_eq!(a.diagnostics, b.diagnostics);

    // Line numbers in warnings are the same too.
    let text = format!(
        "---\ntitle: Hot Papers 2020-01-01\n---\n\n# 1. Bare\n\n{}",
        paper(2, "X")
    );
    let a = parse("b.md", &text);
    let b = parse("b.md", &text.replace('\n', "\r\n"));
    assert!(!a.diagnostics.is_empty());
    assert_eq!(a.diagnostics, b.diagnostics);
    assert_eq!(a.day, b.day);
}

#[test]
fn a_utf8_bom_is_ignored() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), FULL.as_bytes()].concat();
    let a = parse("2021-03-04.md", FULL);
    let b = parse_bytes("2021-03-04.md", &with_bom);
    assert!(b.diagnostics.is_empty(), "{:#?}", b.diagnostics);
    assert_eq!(a.day, b.day);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_located_warning() {
    let text = post(
        "2020-02-02",
        "2020-02-03T00:00:00Z",
        &paper(1, "Caf@ Paper"),
    );
    // A Latin-1 "é": a lone byte that is not UTF-8.
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'@' { 0xE9 } else { b })
        .collect();
    let p = parse_bytes("2020-02-02.md", &bytes);
    let day = day_of(&p);
    assert_eq!(day.papers[0].title, "Caf\u{FFFD} Paper".into());
    assert_eq!(day.papers[0].abstract_text, "An abstract for paper 1.");
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("UTF-8"), "{d}");
    assert_eq!(d.line, Some(line_of(&text, "# 1.")));
}

#[test]
fn a_binary_file_is_skipped_with_an_error() {
    let mut bytes = simple_post("2020-02-02").into_bytes();
    bytes.extend_from_slice(b"\0\x01\x02\xFF\xFE");
    let p = parse_bytes("2020-02-02.md", &bytes);
    assert!(p.day.is_none());
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.contains("NUL"), "{d}");
    assert_eq!(d.path, Path::new("2020-02-02.md"));

    // A UTF-16 file is binary to us as well.
    let utf16: Vec<u8> = "---\ntitle: Hot Papers 2020-02-02\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let p = parse_bytes("2020-02-02.md", &[b"\xFF\xFE".as_slice(), &utf16].concat());
    assert!(p.day.is_none());
    assert_eq!(errors(&p.diagnostics).len(), 1);
}

#[test]
fn tabs_become_spaces() {
    let text = "---\ntitle: Hot\tPapers 2020-02-04\n---\n\n# 1. Tabbed\tTitle\n\nAnn\tAuthor, Ben Writer\n\n- retweets: 1, favorites: 2\n\n- links: [abs](https://arxiv.org/abs/2002.00004)\n\nAn\tabstract\twith tabs.\n\n<blockquote class=\"twitter-tweet\"><p lang=\"en\">a\ttab</p>&mdash; T\tName (@t) <a href=\"https://twitter.com/t/status/4\">Feb\t4, 2020</a></blockquote>\n";
    let p = parse("tabs.md", text);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let day = day_of(&p);
    assert_eq!(day.title, "Hot Papers 2020-02-04");
    let paper = &day.papers[0];
    assert_eq!(paper.title, "Tabbed Title".into());
    assert_eq!(*paper.authors, ["Ann Author", "Ben Writer"]);
    assert_eq!(paper.abstract_text, "An abstract with tabs.");
    let t = &paper.tweets[0];
    assert_eq!(
        (t.text.as_str(), t.author.as_str(), t.date.as_str()),
        ("a tab", "T Name", "Feb 4, 2020")
    );
    assert!(all_strings(day).iter().all(|s| !s.contains('\t')));
}

// ---------------------------------------------------------------------------------------------
// Control characters and bidi overrides
// ---------------------------------------------------------------------------------------------

#[test]
fn control_and_bidi_characters_are_removed_from_all_loaded_text() {
    // Raw controls in every field, plus entity-encoded ones in the tweet.
    let text = "---\ntitle: \"Hot\u{1b}[2J Papers 2020-02-05\u{7}\"\n---\n\n\
        # 1. Evil\u{1b}[31m Title\u{202e}desrever\u{202c} \u{9b}1mend\n\n\
        Ann\u{7f} Author, \u{2066}Ben\u{2069} Writer\u{8}\n\n\
        - retweets: 1, favorites: 2\n\n\
        - links: [abs](https://arxiv.org/abs/2002.00005) | [pdf](https://arxiv.org/pdf/2002.00005)\n\
        - [cs\u{1b}.AI](https://arxiv.org/list/cs.AI/recent)\n\n\
        An abstract \u{1b}]0;pwned\u{7} with \u{85}controls\u{0c} and \u{202d}bidi.\n\n\
        <blockquote class=\"twitter-tweet\"><p lang=\"en\">hi&#27;[31m red &#x1B;[0m &#155;1m &#8238;rev&#x202C; &#127; &#7; bell\u{1b}[5m</p>\
        &mdash; Mal&#27;[1mlory\u{202e} (@mal\u{1b}lory) <a href=\"https://twitter.com/mal/status/9\">Feb 5,&#27; 2020</a></blockquote>\n";
    let p = parse("evil.md", text);
    let day = day_of(&p);
    for s in all_strings(day) {
        assert!(
            !s.chars().any(is_forbidden),
            "forbidden character survived in {s:?}"
        );
    }
    let paper = &day.papers[0];
    assert_eq!(day.title, "Hot[2J Papers 2020-02-05");
    assert!(
        paper.title.starts_with("Evil[31m Title"),
        "{:?}",
        paper.title
    );
    assert_eq!(*paper.authors, ["Ann Author", "Ben Writer"]);
    assert_eq!(*paper.categories, ["cs.AI"]);
    assert!(
        paper.abstract_text.contains("bidi."),
        "{:?}",
        paper.abstract_text
    );
    let t = &paper.tweets[0];
    // References to C0 controls are left undecoded by the entity decoder, so they show as typed
    // and never become an ESC; the decodable ones (C1, DEL, bidi) are decoded and then dropped.
    assert_eq!(t.text, "hi&#27;[31m red &#x1B;[0m 1m rev &#7; bell[5m");
    assert_eq!(t.author, "Mal&#27;[1mlory");
    assert_eq!(t.handle, "mallory");
    assert_eq!(t.date, "Feb 5,&#27; 2020");
}

#[test]
fn removing_a_control_character_never_leaves_a_double_space() {
    let text = "---\ntitle: Hot \u{1b} Papers 2020-02-06\n---\n\n\
        # 1. Two \u{202e} Words\n\nAnn \u{7} Author, Ben \u{9b} Writer\n\n\
        - retweets: 1, favorites: 2\n\n- links: [abs](https://arxiv.org/abs/2002.00006)\n\n\
        Abstract \u{1b} text.\n\n\
        <blockquote class=\"twitter-tweet\"><p lang=\"en\">a &#8238; b</p>&mdash; A &#127; B (@ab) <a href=\"https://twitter.com/ab/status/6\">Feb &#155; 6, 2020</a></blockquote>\n";
    let p = parse("ws.md", text);
    let day = day_of(&p);
    let paper = &day.papers[0];
    assert_eq!(day.title, "Hot Papers 2020-02-06");
    assert_eq!(paper.title, "Two Words".into());
    assert_eq!(*paper.authors, ["Ann Author", "Ben Writer"]);
    assert_eq!(paper.abstract_text, "Abstract text.");
    let t = &paper.tweets[0];
    assert_eq!(
        (t.text.as_str(), t.author.as_str(), t.date.as_str()),
        ("a b", "A B", "Feb 6, 2020")
    );
}
