//! A segment of the index: the words of some documents, with their values (handles, ids,
//! what they have). A full build makes one; an update adds one for the documents it makes, so
//! that taking in a changed post indexes only that post's papers. Documents are numbered
//! across segments, and each segment holds documents in increasing order.

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::io;
use std::sync::Arc;

use super::doc::{Counts, FIELDS};
use super::postings::Postings;
use super::postings::builder::Builder;
use super::postings::stream::Chunk;
use crate::archive::{Paper, PaperKey};
use crate::display::latex::prettify;
use crate::search::arxiv_id::canonical;
use crate::search::query::Field;
use crate::search::words::{fold_word, spans};
use crate::spill::Spill;

/// Documents are indexed this many at a time, each chunk's postings finished (compact)
/// before the next is begun and all merged at the end: what a build holds at its peak is then
/// about twice the finished postings, not the keys' growing buffers of every document too.
#[cfg(not(test))]
const CHUNK: usize = 16_384;
/// In tests, a few: every small index of the tests is then made of chunks merged.
#[cfg(test)]
const CHUNK: usize = 3;

#[derive(Debug, Default)]
pub struct Segment {
    /// The number of its first document; the others follow it.
    pub first: u32,
    pub postings: Postings,
    /// Each document's paper.
    pub keys: Vec<PaperKey>,
    /// Lowercased handles, without `@`: the documents whose tweets they wrote.
    pub tweeters: HashMap<String, Vec<u32>>,
    /// Lowercased canonical ids (see `arxiv_id::canonical`): their documents.
    pub ids: HashMap<String, Vec<u32>>,
    /// What documents have, by name (`has:`): `code`, the documents with a link to code.
    pub has: HashMap<String, Vec<u32>>,
}

impl Segment {
    /// Indexes `papers` as the documents numbered from `first` on, one each, and returns the
    /// segment with each document's fields' lengths in words.
    pub fn build<P: Borrow<Paper>>(
        first: u32,
        papers: impl IntoIterator<Item = P>,
    ) -> (Segment, Vec<Counts>) {
        Segment::build_with(first, papers, true)
    }

    /// `build`, with the values a paper holds without its texts (see `add_held_values`) only
    /// if `held`: a chunked build takes those from the reader's papers once all are indexed,
    /// rather than holding each chunk's until the chunks are joined.
    pub fn build_with<P: Borrow<Paper>>(
        first: u32,
        papers: impl IntoIterator<Item = P>,
        held: bool,
    ) -> (Segment, Vec<Counts>) {
        let mut seg = Segment {
            first,
            ..Segment::default()
        };
        let mut lengths = Vec::new();
        let mut ix = Indexer {
            postings: Builder::default(),
            word: String::new(),
            humps: Vec::new(),
        };
        let mut key = String::new();
        let mut chunks = Vec::new();
        for (n, paper) in papers.into_iter().enumerate() {
            let paper = paper.borrow();
            let doc = first + n as u32;
            if n > 0 && n % CHUNK == 0 {
                chunks.push(std::mem::take(&mut ix.postings).finish());
            }
            seg.keys.push(paper.key.clone());
            lengths.push(ix.paper(doc, paper));
            if held {
                seg.add_held_values(doc, paper, &mut key);
            }
            if !crate::code_links::code_urls(paper).is_empty() {
                add_value(&mut seg.has, "code", doc);
            }
        }
        chunks.push(ix.postings.finish());
        seg.postings = if chunks.len() == 1 {
            chunks.pop().unwrap_or_default()
        } else {
            Postings::merge(&chunks.iter().collect::<Vec<_>>(), Some)
        };
        seg.keys.shrink_to_fit();
        (seg, lengths)
    }

    /// Adds the values of `paper`, document `doc` (after any added before), that it holds
    /// without its texts: who tweeted it and its id. (`key` is room to work in.)
    pub fn add_held_values(&mut self, doc: u32, paper: &Paper, key: &mut String) {
        for t in &paper.tweets {
            key.clear();
            key.push_str(t.handle.trim().trim_start_matches('@'));
            key.make_ascii_lowercase();
            add_value(&mut self.tweeters, key, doc);
        }
        if let Some(id) = &paper.arxiv_id {
            add_value(&mut self.ids, &canonical(id).to_ascii_lowercase(), doc);
        }
    }

    /// The segments `parts` (consecutive, in order) as one, of the documents `renumber` keeps
    /// (document `d` becoming `renumber[d - first]`, `u32::MAX` for one left out, the others
    /// numbered from `first` on in order). Made of their postings, without the texts.
    pub fn merge(parts: &[Arc<Segment>], renumber: &[u32]) -> Segment {
        let first = parts.first().map_or(0, |s| s.first);
        let new = |d: u32| {
            let n = renumber[(d - first) as usize];
            (n != u32::MAX).then_some(n)
        };
        let postings: Vec<&Postings> = parts.iter().map(|s| &s.postings).collect();
        let mut seg = Segment {
            first,
            postings: Postings::merge(&postings, new),
            ..Segment::default()
        };
        for s in parts {
            for (i, key) in s.keys.iter().enumerate() {
                if new(s.first + i as u32).is_some() {
                    seg.keys.push(key.clone());
                }
            }
            let values = [
                (&mut seg.tweeters, &s.tweeters),
                (&mut seg.ids, &s.ids),
                (&mut seg.has, &s.has),
            ];
            for (to, from) in values {
                for (value, docs) in from {
                    for d in docs.iter().filter_map(|&d| new(d)) {
                        add_value(to, value, d);
                    }
                }
            }
        }
        seg.keys.shrink_to_fit();
        seg
    }

    /// The segments `parts` (consecutive, in order, their postings in `chunks`) as one,
    /// consuming them: what `merge` makes of them keeping every document, its postings
    /// written to `spill` as they are made when there is one (see `Postings::join`). An error
    /// when a chunk streamed to the spill cannot be read back.
    pub fn join(
        parts: Vec<Segment>,
        chunks: Vec<Chunk>,
        spill: Option<&Spill>,
    ) -> io::Result<Segment> {
        let mut seg = Segment {
            first: parts.first().map_or(0, |s| s.first),
            ..Segment::default()
        };
        for s in parts {
            seg.keys.extend(s.keys);
            let values = [
                (&mut seg.tweeters, s.tweeters),
                (&mut seg.ids, s.ids),
                (&mut seg.has, s.has),
            ];
            for (to, from) in values {
                for (value, docs) in from {
                    to.entry(value).or_default().extend(docs);
                }
            }
        }
        let docs = seg.first..seg.end();
        seg.postings = match <[Chunk; 1]>::try_from(chunks) {
            Ok([Chunk::Held(one)]) => one,
            Ok(one) => Postings::join(&one, spill, docs)?,
            Err(chunks) => Postings::join(&chunks, spill, docs)?,
        };
        seg.keys.shrink_to_fit();
        Ok(seg)
    }

    /// The documents after this segment's last.
    pub fn end(&self) -> u32 {
        self.first + self.keys.len() as u32
    }

    /// Bytes held on the heap, roughly (maps counted by their entries; the keys not, as the
    /// archive's papers hold them too).
    pub fn heap_bytes(&self) -> usize {
        let map = |m: &HashMap<String, Vec<u32>>| {
            m.iter()
                .map(|(k, v)| k.capacity() + v.capacity() * 4 + 48)
                .sum::<usize>()
        };
        self.postings.heap_bytes() + map(&self.tweeters) + map(&self.ids) + map(&self.has)
    }
}

/// Adds the words of one document, field by field, to the builder.
struct Indexer {
    postings: Builder,
    word: String,
    humps: Vec<usize>,
}

impl Indexer {
    /// Indexes the words of `text` in `field` from word number `*pos` on, and returns how many
    /// there were; `*pos` ends past a gap, so that no phrase runs from one text into the next.
    fn text(&mut self, doc: u32, field: u8, text: &str, pos: &mut u32) -> u32 {
        let mut n = 0;
        spans(text, |span| {
            fold_word(&text[span], &mut self.word, &mut self.humps, None);
            if self.word.is_empty() {
                return;
            }
            self.postings.add(&self.word, doc, field, *pos, false);
            for &h in &self.humps {
                self.postings.add(&self.word[h..], doc, field, *pos, true);
            }
            *pos += 1;
            n += 1;
        });
        *pos += 1;
        n
    }

    /// Indexes one paper as document `doc` and returns its fields' lengths in words.
    fn paper(&mut self, doc: u32, p: &Paper) -> Counts {
        let mut lengths = [0u16; FIELDS.len()];
        for (f, field) in FIELDS.iter().enumerate() {
            let fi = f as u8;
            let mut pos = 0;
            let mut words = 0u32;
            // Titles and abstracts as the screen renders them too (LaTeX made readable); only
            // the source's words count towards the field's length.
            let shown = |s: &str, ix: &mut Indexer, pos: &mut u32| {
                let n = ix.text(doc, fi, s, pos);
                if let Cow::Owned(r) = prettify(s)
                    && r != s
                {
                    ix.text(doc, fi, &r, pos);
                }
                n
            };
            match field {
                Field::Title => words += shown(&p.title, self, &mut pos),
                Field::Abstract => words += shown(&p.abstract_text, self, &mut pos),
                Field::Authors => {
                    for a in &p.authors {
                        words += self.text(doc, fi, a, &mut pos);
                    }
                }
                Field::Category => {
                    for c in &p.categories {
                        words += self.text(doc, fi, c, &mut pos);
                    }
                }
                Field::Id => {
                    if let Some(id) = &p.arxiv_id {
                        words += self.text(doc, fi, id, &mut pos);
                    }
                }
                Field::Tweet => {
                    // Who tweeted is part of the tweet: `tw:realprof` and a plain `realprof`
                    // find it.
                    for t in &p.tweets {
                        words += self.text(doc, fi, &t.author, &mut pos);
                        words += self.text(doc, fi, &t.handle, &mut pos);
                        words += self.text(doc, fi, &t.text, &mut pos);
                    }
                }
                Field::Any | Field::Tweeter | Field::Paper | Field::Note | Field::Has => {}
            }
            lengths[f] = words.min(u32::from(u16::MAX)) as u16;
        }
        lengths
    }
}

/// Adds `doc` to the documents of `value`, once.
fn add_value(map: &mut HashMap<String, Vec<u32>>, value: &str, doc: u32) {
    match map.get_mut(value) {
        Some(docs) if docs.last() == Some(&doc) => {}
        Some(docs) => docs.push(doc),
        None => {
            map.insert(value.to_string(), vec![doc]);
        }
    }
}
