//! A search index over every paper of an archive: each field of every paper, lowercased, laid
//! end to end in one buffer per field, so a term is one SIMD substring scan per field
//! (memchr's memmem) instead of thousands of small searches. Fields matched whole (handles,
//! ids) are looked up in a map instead.

use std::collections::HashMap;

use memchr::memmem;

use super::arxiv_id::canonical;
use super::query::{Field, Node, Query, Term, fold};
use crate::archive::{Archive, Paper};

/// A paper by position: `archive.days[day].papers[paper]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaperRef {
    pub day: usize,
    pub paper: usize,
}

const FIELDS: [Field; 6] = [
    Field::Title,
    Field::Authors,
    Field::Abstract,
    Field::Category,
    Field::Id,
    Field::Tweet,
];

/// One field of every paper: document `i` is `buf[starts[i]..starts[i + 1] - 1]`, each followed
/// by a NUL that no needle contains, so a match never spans two papers.
#[derive(Debug, Default)]
struct Column {
    buf: Vec<u8>,
    starts: Vec<usize>,
}

impl Column {
    fn push(&mut self, text: &str) {
        self.starts.push(self.buf.len());
        self.buf.extend_from_slice(fold(text).as_bytes());
        self.buf.push(0);
    }

    /// Marks every document containing `needle`.
    fn mark(&self, finder: &memmem::Finder, hits: &mut [bool]) {
        let mut pos = 0;
        while let Some(i) = finder.find(&self.buf[pos..]) {
            let at = pos + i;
            let doc = self.starts.partition_point(|&s| s <= at) - 1;
            hits[doc] = true;
            // One hit per paper is enough: go on from the next paper.
            match self.starts.get(doc + 1) {
                Some(&next) => pos = next,
                None => break,
            }
        }
    }
}

/// The documents holding each value of a field matched whole, ascending, each once.
#[derive(Debug, Default)]
struct Values(HashMap<String, Vec<usize>>);

impl Values {
    fn add(&mut self, value: &str, doc: usize) {
        // Most values come again (a busy account, a paper listed on several days): allocate a
        // key only for a new one.
        match self.0.get_mut(value) {
            Some(docs) if docs.last() == Some(&doc) => {}
            Some(docs) => docs.push(doc),
            None => {
                self.0.insert(value.to_string(), vec![doc]);
            }
        }
    }

    fn mark(&self, value: &str, hits: &mut [bool]) {
        for &d in self.0.get(value).into_iter().flatten() {
            hits[d] = true;
        }
    }
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Documents in result order: newest day first, then the day's rank order.
    docs: Vec<PaperRef>,
    columns: Vec<Column>,
    /// Lowercased handles, without `@`.
    tweeters: Values,
    /// Lowercased canonical ids (see `arxiv_id::canonical`).
    ids: Values,
}

fn field_text(p: &Paper, f: Field) -> String {
    match f {
        Field::Title => p.title.clone(),
        Field::Authors => p.authors.join(", "),
        Field::Abstract => p.abstract_text.clone(),
        Field::Category => p.categories.join(" "),
        Field::Id => p.arxiv_id.clone().unwrap_or_default(),
        // Who tweeted is part of the tweet: `tw:realprof` and a plain `realprof` find it.
        Field::Tweet => {
            let mut s = String::new();
            for t in &p.tweets {
                for part in [&t.author, "\n@", &t.handle, "\n", &t.text, "\n"] {
                    s.push_str(part);
                }
            }
            s
        }
        Field::Any | Field::Tweeter | Field::Paper => String::new(),
    }
}

impl SearchIndex {
    pub fn build(archive: &Archive) -> SearchIndex {
        let mut index = SearchIndex {
            docs: Vec::new(),
            columns: FIELDS.iter().map(|_| Column::default()).collect(),
            ..SearchIndex::default()
        };
        let mut key = String::new();
        for (d, day) in archive.days.iter().enumerate().rev() {
            for (p, paper) in day.papers.iter().enumerate() {
                let doc = index.docs.len();
                index.docs.push(PaperRef { day: d, paper: p });
                for (c, f) in FIELDS.iter().enumerate() {
                    index.columns[c].push(&field_text(paper, *f));
                }
                for t in &paper.tweets {
                    key.clear();
                    key.push_str(t.handle.trim().trim_start_matches('@'));
                    key.make_ascii_lowercase();
                    index.tweeters.add(&key, doc);
                }
                if let Some(id) = &paper.arxiv_id {
                    index.ids.add(&canonical(id).to_ascii_lowercase(), doc);
                }
            }
        }
        index
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn term_hits(&self, term: &Term) -> Vec<bool> {
        let mut hits = vec![false; self.docs.len()];
        match term.field {
            Field::Tweeter => self.tweeters.mark(&term.needle, &mut hits),
            Field::Paper => self.ids.mark(&term.needle, &mut hits),
            _ => {
                let finder = memmem::Finder::new(term.needle.as_bytes());
                for (c, f) in FIELDS.iter().enumerate() {
                    if term.field == Field::Any || term.field == *f {
                        self.columns[c].mark(&finder, &mut hits);
                    }
                }
            }
        }
        hits
    }

    /// The papers the query matches, newest day first. A query without a positive term matches
    /// nothing, the empty one included (a search box that lists all 30,000 papers before you
    /// type, or everything but one word, helps nobody).
    pub fn search(&self, query: &Query) -> Vec<PaperRef> {
        if query.highlights().next().is_none() {
            return Vec::new();
        }
        let terms = query.root.terms();
        // Terms scan in parallel on all cores: each is independent. Whole-value terms are a
        // lookup, not worth a thread.
        let sets: Vec<Vec<bool>> = std::thread::scope(|s| {
            let scans: Vec<_> = terms
                .iter()
                .map(|&(t, _)| match t.field {
                    Field::Tweeter | Field::Paper => Err(self.term_hits(t)),
                    _ => Ok(s.spawn(move || self.term_hits(t))),
                })
                .collect();
            scans
                .into_iter()
                .map(|scan| match scan {
                    Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                    Err(hits) => hits,
                })
                .collect()
        });
        let keep = self.eval(&query.root, &mut sets.into_iter());
        self.docs
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(d, _)| *d)
            .collect()
    }

    /// The documents `node` matches, given the hits of its terms in the order `Node::terms`
    /// lists them.
    fn eval(&self, node: &Node, hits: &mut impl Iterator<Item = Vec<bool>>) -> Vec<bool> {
        match node {
            Node::Term(_) => hits.next().expect("one set of hits per term"),
            Node::Not(n) => {
                let mut v = self.eval(n, hits);
                v.iter_mut().for_each(|b| *b = !*b);
                v
            }
            Node::And(ns) | Node::Or(ns) => {
                let or = matches!(node, Node::Or(_));
                let mut acc = vec![!or; self.docs.len()];
                for n in ns {
                    let v = self.eval(n, hits);
                    for (a, b) in acc.iter_mut().zip(v) {
                        *a = if or { *a | b } else { *a & b };
                    }
                }
                acc
            }
        }
    }
}

/// Byte ranges of `text` where any of the positive terms for `field` occurs, ignoring case, for
/// highlighting. Merged and sorted.
pub fn highlight(text: &str, query: &Query, field: Field) -> Vec<std::ops::Range<usize>> {
    // Lowercase char by char, remembering where each lowered byte came from.
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            let before = lower.len();
            lower.push(l);
            origin.extend(std::iter::repeat_n(i, lower.len() - before));
        }
    }
    origin.push(text.len());
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for t in query
        .highlights()
        .filter(|t| t.field == Field::Any || t.field == field)
    {
        for (at, m) in lower.match_indices(t.needle.as_str()) {
            let start = origin[at];
            let end_src = origin[at + m.len()];
            // `origin` maps a lowered byte to the start of its source char; the end is the start
            // of the next source char.
            let end = if end_src == start {
                text[start..]
                    .chars()
                    .next()
                    .map_or(start, |c| start + c.len_utf8())
            } else {
                end_src
            };
            ranges.push(start..end);
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    #[test]
    fn highlight_maps_back_to_the_source_text() {
        let q = parse("trans ti:GAN au:x").unwrap();
        let text = "ViTransformers and GANs";
        let r = highlight(text, &q, Field::Title);
        let parts: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(parts, ["Trans", "GAN"]);
        let text = "İstanbul transit";
        let r = highlight(text, &parse("trans").unwrap(), Field::Title);
        assert_eq!(
            r.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            ["trans"]
        );
        assert!(highlight("abc", &parse("-abc").unwrap(), Field::Title).is_empty());
    }
}

#[cfg(test)]
mod tree_tests {
    use super::*;
    use crate::archive::{Day, Tweet};
    use crate::search::query::parse;

    fn tweet(author: &str, handle: &str, text: &str) -> Tweet {
        Tweet {
            author: author.into(),
            handle: handle.into(),
            url: String::new(),
            date: String::new(),
            lang: String::new(),
            text: text.into(),
        }
    }

    /// (id, title, category, tweets) per paper; days oldest first.
    type Row = (&'static str, &'static str, &'static str, Vec<Tweet>);

    fn archive(days: Vec<Vec<Row>>) -> Archive {
        let day = |(i, papers): (usize, Vec<Row>)| {
            let papers = papers
                .into_iter()
                .enumerate()
                .map(|(r, (id, title, cat, tweets))| Paper {
                    authors: vec!["Ada Lovelace".into()],
                    categories: vec![cat.into()],
                    tweets,
                    ..Paper::bare(r as u32 + 1, title, (!id.is_empty()).then_some(id))
                })
                .collect();
            Day::bare(&format!("2022-01-{:02}", 1 + i), papers)
        };
        Archive {
            days: days.into_iter().enumerate().map(day).collect(),
            ..Archive::default()
        }
    }

    fn world() -> SearchIndex {
        SearchIndex::build(&archive(vec![
            vec![
                (
                    "2201.00001",
                    "GAN Art",
                    "cs.CV",
                    vec![tweet("Ann Example", "ann", "wow")],
                ),
                (
                    "2201.00002v2",
                    "Diffusion Sound",
                    "cs.SD",
                    vec![
                        tweet("Anna Other", "Anna", "listen"),
                        tweet("B", "bob", "ok"),
                    ],
                ),
            ],
            vec![
                ("2201.00003", "NeRF Rooms", "cs.CV", vec![]),
                (
                    "hep-th/9901001v1",
                    "Radiance Field Strings",
                    "hep-th",
                    vec![tweet("Carol", "carol_c", "strings, @ann would like it")],
                ),
                (
                    "2201.00001v3",
                    "GAN Art",
                    "cs.CV",
                    vec![tweet("Bob", "BOB", "again")],
                ),
            ],
        ]))
    }

    /// The titles found, newest day first, as (day, rank).
    fn found(index: &SearchIndex, q: &str) -> Vec<(usize, usize)> {
        let q = parse(q).unwrap_or_else(|e| panic!("{q}: {e}"));
        index.search(&q).iter().map(|r| (r.day, r.paper)).collect()
    }

    #[test]
    fn a_handle_finds_exactly_what_that_account_tweeted_about() {
        let i = world();
        assert_eq!(found(&i, "@ann"), [(0, 0)], "not @anna, not a mention");
        assert_eq!(found(&i, "by:ANNA"), [(0, 1)]);
        assert_eq!(found(&i, "@bob"), [(1, 2), (0, 1)], "handles ignore case");
        assert_eq!(found(&i, "@nobody"), []);
        assert_eq!(found(&i, "@bob -cat:cs.SD"), [(1, 2)]);
    }

    #[test]
    fn tweets_cover_their_authors_and_plain_words_find_handles() {
        let i = world();
        assert_eq!(found(&i, "tw:\"ann example\""), [(0, 0)]);
        assert_eq!(found(&i, "tw:carol_c"), [(1, 1)]);
        assert_eq!(
            found(&i, "tw:@ann"),
            [(1, 1), (0, 0), (0, 1)],
            "tw: is text, in part: a mention, @anna"
        );
        assert_eq!(found(&i, "carol_c"), [(1, 1)]);
        assert_eq!(found(&i, "anna"), [(0, 1)]);
    }

    #[test]
    fn ids_and_links_find_the_paper_whatever_the_version() {
        let i = world();
        for q in [
            "2201.00001",
            "2201.00001v1",
            "arXiv:2201.00001v9",
            "https://arxiv.org/abs/2201.00001v2",
            "http://arxiv.org/pdf/2201.00001.pdf",
            "www.arxiv.org/abs/2201.00001",
            "id:2201.00001v2",
        ] {
            assert_eq!(found(&i, q), [(1, 2), (0, 0)], "{q}");
        }
        assert_eq!(
            found(&i, "2201.00002"),
            [(0, 1)],
            "the stored version goes too"
        );
        assert_eq!(found(&i, "hep-th/9901001"), [(1, 1)]);
        assert_eq!(found(&i, "arxiv.org/abs/hep-th.X/9901001v2"), [(1, 1)]);
        assert_eq!(found(&i, "2201.00009"), []);
    }

    #[test]
    fn or_unions_and_groups_exclude() {
        let i = world();
        assert_eq!(found(&i, "nerf OR \"radiance field\""), [(1, 0), (1, 1)]);
        assert_eq!(found(&i, "gan OR diffusion"), [(1, 2), (0, 0), (0, 1)]);
        assert_eq!(found(&i, "(gan OR diffusion) -cat:cs.CV"), [(0, 1)]);
        assert_eq!(found(&i, "ada -(gan OR diffusion)"), [(1, 0), (1, 1)]);
        assert_eq!(
            found(&i, "(ti:art (@ann OR @bob)) OR (@carol_c -strings)"),
            [(1, 2), (0, 0)]
        );
        assert_eq!(found(&i, "-(gan OR nerf)"), [], "nothing positive");
        assert_eq!(found(&i, "-(-nerf)"), [(1, 0)], "twice excluded is wanted");
        // A day's own order stays within a day whatever the branch that matched.
        assert_eq!(
            found(&i, "2201.00003 OR @anna OR 2201.00001"),
            [(1, 0), (1, 2), (0, 0), (0, 1)]
        );
    }
}
