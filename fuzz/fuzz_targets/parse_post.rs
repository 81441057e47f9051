//! Any bytes as a post file: the loader must not panic, and nothing it keeps may carry a
//! control or bidi character (those would reach the terminal).
#![no_main]

use std::path::Path;

use hotpapers::archive::parse_post;
use hotpapers::archive::text::is_forbidden;
use libfuzzer_sys::fuzz_target;

fn clean(what: &str, s: &str) {
    assert!(
        !s.chars().any(|c| is_forbidden(c) || c == '\t'),
        "{what} keeps a forbidden character: {s:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let parsed = parse_post(
        Path::new("fuzz/2020-01-02-post.md"),
        "2020-01-02-post.md",
        data,
    );
    let Some(day) = parsed.day else { return };
    clean("day title", &day.title);
    for p in &day.papers {
        clean("title", &p.title);
        clean("abstract", &p.abstract_text);
        for s in p.authors.iter().chain(&p.categories) {
            clean("author/category", s);
        }
        for s in [
            p.arxiv_id.as_deref(),
            p.abs_url().as_deref(),
            p.pdf_url().as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            clean("link", s);
        }
        for t in &p.tweets {
            for s in [
                &*t.author,
                &*t.handle,
                &t.url.as_str(),
                &*t.date,
                &*t.lang,
                &t.text,
            ] {
                clean("tweet", s);
            }
        }
    }
});
