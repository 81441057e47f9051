//! Any text as a search query, as typed in the reader's box or given to `hotpapers search`:
//! parsing never panics, an accepted query runs against a small index without panicking in
//! every order, each order lists the same papers, its highlights always fall on character
//! boundaries of the text they mark, `Q OR Q` finds what `Q` finds, and command-line re-quoting
//! leaves plain words as they are. `query.dict` holds the syntax (`OR`, groups, `@handle`,
//! `by:`, pasted ids and links, `*`, humps, accents, LaTeX).
#![no_main]

use std::sync::OnceLock;

use hotpapers::archive::Archive;
use hotpapers::search::query::Node;
use hotpapers::search::{Field, Order, SearchIndex, highlight, parse, query::join_args};
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
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (archive, index) = sample();
    match parse(text) {
        Ok(q) => {
            let hits = index.search(&q);
            assert!(hits.len() <= index.len());
            let mut sorted = hits.clone();
            sorted.sort();
            for order in [Order::Relevance, Order::Newest, Order::Attention] {
                let mut other = index.search_by(&q, order);
                other.sort();
                assert_eq!(other, sorted, "{order:?} lists the same papers");
            }
            for h in hits.iter().take(3) {
                let title = &archive.days[h.day].papers[h.paper].title;
                for r in highlight(title, &q, Field::Title) {
                    assert!(
                        title.is_char_boundary(r.start)
                            && title.is_char_boundary(r.end)
                            && r.start < r.end
                    );
                }
            }
            for t in ["Ünïcödé ß İ ﬁ 日本語 🙂 e\u{301}", text] {
                for r in [Field::Any, Field::Tweeter]
                    .into_iter()
                    .flat_map(|f| highlight(t, &q, f))
                {
                    assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                }
            }
            for (t, _) in q.root.terms() {
                assert!(!t.needle.is_empty());
                assert!(t.words().all(|w| !w.is_empty()), "no empty word in {t:?}");
            }
            // The tree is as small as written: no AND or OR of fewer than two.
            fn lean(n: &Node) -> bool {
                match n {
                    Node::Term(_) => true,
                    Node::Not(n) => lean(n),
                    Node::And(ns) | Node::Or(ns) => ns.len() >= 2 && ns.iter().all(lean),
                }
            }
            assert!(q.is_empty() || lean(&q.root));
            // An alternative to itself changes nothing.
            if !q.is_empty() {
                let twice = parse(&format!("{text} OR {text}")).expect("Q OR Q parses");
                assert_eq!(
                    index.search_by(&twice, Order::Newest),
                    index.search_by(&q, Order::Newest)
                );
            }
        }
        Err(e) => assert!(e.at <= text.chars().count()),
    }
    // Words as a shell would pass them. Words without white space join back unchanged; a word
    // holding white space is a phrase on purpose, so only its parse must not panic.
    let words: Vec<String> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let joined = join_args(&words);
    if !words.iter().any(|w| w.contains(char::is_whitespace)) {
        assert_eq!(joined, words.join(" "));
    }
    let _ = parse(&joined);
});
