//! A search index over every paper of an archive: each field of every paper, lowercased, laid
//! end to end in one buffer per field, so a term is one SIMD substring scan per field
//! (memchr's memmem) instead of thousands of small searches.

use memchr::memmem;

use super::query::{Field, Query, Term, fold};
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

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Documents in result order: newest day first, then the day's rank order.
    docs: Vec<PaperRef>,
    columns: Vec<Column>,
}

fn field_text(p: &Paper, f: Field) -> String {
    match f {
        Field::Title => p.title.clone(),
        Field::Authors => p.authors.join(", "),
        Field::Abstract => p.abstract_text.clone(),
        Field::Category => p.categories.join(" "),
        Field::Id => p.arxiv_id.clone().unwrap_or_default(),
        Field::Tweet => p
            .tweets
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        Field::Any => String::new(),
    }
}

impl SearchIndex {
    pub fn build(archive: &Archive) -> SearchIndex {
        let mut index = SearchIndex {
            docs: Vec::new(),
            columns: FIELDS.iter().map(|_| Column::default()).collect(),
        };
        for (d, day) in archive.days.iter().enumerate().rev() {
            for (p, paper) in day.papers.iter().enumerate() {
                index.docs.push(PaperRef { day: d, paper: p });
                for (c, f) in FIELDS.iter().enumerate() {
                    index.columns[c].push(&field_text(paper, *f));
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
        let finder = memmem::Finder::new(term.needle.as_bytes());
        for (c, f) in FIELDS.iter().enumerate() {
            if term.field == Field::Any || term.field == *f {
                self.columns[c].mark(&finder, &mut hits);
            }
        }
        hits
    }

    /// The papers matching every term, newest day first. An empty query matches nothing (a
    /// search box that lists all 30,000 papers before you type helps nobody).
    pub fn search(&self, query: &Query) -> Vec<PaperRef> {
        if query.highlights().next().is_none() {
            return Vec::new();
        }
        let mut keep = vec![true; self.docs.len()];
        // Terms scan in parallel on all cores: each is independent.
        let sets: Vec<(bool, Vec<bool>)> = std::thread::scope(|s| {
            let handles: Vec<_> = query
                .terms
                .iter()
                .map(|t| (t.negated, s.spawn(move || self.term_hits(t))))
                .collect();
            handles
                .into_iter()
                .map(|(neg, h)| (neg, h.join().unwrap_or_default()))
                .collect()
        });
        for (negated, hits) in sets {
            for (k, h) in keep.iter_mut().zip(hits) {
                *k &= h != negated;
            }
        }
        self.docs
            .iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(d, _)| *d)
            .collect()
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
