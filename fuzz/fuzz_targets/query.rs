//! Any text as a search query, as typed in the reader's box or given to `hotpapers search`:
//! parsing never panics, an accepted query runs against a small index without panicking, its
//! highlights always fall on character boundaries of the text they mark, and command-line
//! re-quoting leaves plain words as they are.
#![no_main]

use std::sync::OnceLock;

use hotpapers::archive::Archive;
use hotpapers::search::{Field, SearchIndex, highlight, parse, query::join_args};
use libfuzzer_sys::fuzz_target;

fn sample() -> &'static (Archive, SearchIndex) {
    static S: OnceLock<(Archive, SearchIndex)> = OnceLock::new();
    S.get_or_init(|| {
        let a = Archive::sample();
        let i = SearchIndex::build(&a);
        (a, i)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (archive, index) = sample();
    match parse(text) {
        Ok(q) => {
            let hits = index.search(&q);
            assert!(hits.len() <= index.len());
            for h in hits.iter().take(3) {
                let title = &archive.days[h.day].papers[h.paper].title;
                for r in highlight(title, &q, Field::Title) {
                    assert!(title.is_char_boundary(r.start) && title.is_char_boundary(r.end) && r.start < r.end);
                }
            }
            for t in ["Ünïcödé ß İ ﬁ 日本語 🙂", text] {
                for r in highlight(t, &q, Field::Any) {
                    assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                }
            }
        }
        Err(e) => assert!(e.at <= text.chars().count()),
    }
    // Words as a shell would pass them. Words without white space join back unchanged; a word
    // holding white space is a phrase on purpose, so only its parse must not panic.
    let words: Vec<String> = text.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    let joined = join_args(&words);
    if !words.iter().any(|w| w.contains(char::is_whitespace)) {
        assert_eq!(joined, words.join(" "));
    }
    let _ = parse(&joined);
});
