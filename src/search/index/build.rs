//! Building the index from an archive: listings newest first, each distinct text once.

use std::borrow::Cow;
use std::collections::HashMap;

use super::SearchIndex;
use super::doc::{Counts, FIELDS, Listing, PaperRef};
use super::postings::Builder;
use crate::archive::{Archive, Paper, PaperKey};
use crate::display::latex::prettify;
use crate::search::arxiv_id::canonical;
use crate::search::query::Field;
use crate::search::words::{fold_word, spans};

/// Whether two listings hold the same text in every field the index reads.
fn same_text(a: &Paper, b: &Paper) -> bool {
    a.title == b.title
        && a.authors == b.authors
        && a.abstract_text == b.abstract_text
        && a.categories == b.categories
        && a.arxiv_id == b.arxiv_id
        && a.tweets.len() == b.tweets.len()
        && a.tweets
            .iter()
            .zip(&b.tweets)
            .all(|(x, y)| x.author == y.author && x.handle == y.handle && x.text == y.text)
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

impl SearchIndex {
    pub fn build(archive: &Archive) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut ix = Indexer {
            postings: Builder::default(),
            word: String::new(),
            humps: Vec::new(),
        };
        // The documents already made for each paper, with a listing that holds their text.
        let mut made: HashMap<&PaperKey, Vec<(u32, PaperRef)>> = HashMap::new();
        let mut key = String::new();
        for (d, day) in archive.days.iter().enumerate().rev() {
            for (i, paper) in day.papers.iter().enumerate() {
                let at = PaperRef { day: d, paper: i };
                let same = made.entry(&paper.key).or_default();
                let found = same
                    .iter()
                    .find(|(_, r)| same_text(&archive.days[r.day].papers[r.paper], paper));
                let doc = match found {
                    Some(&(doc, _)) => doc,
                    None => {
                        let doc = index.lengths.len() as u32;
                        same.push((doc, at));
                        index.keys.push(paper.key.clone());
                        index.lengths.push(ix.paper(doc, paper));
                        for t in &paper.tweets {
                            key.clear();
                            key.push_str(t.handle.trim().trim_start_matches('@'));
                            key.make_ascii_lowercase();
                            add_value(&mut index.tweeters, &key, doc);
                        }
                        if let Some(id) = &paper.arxiv_id {
                            add_value(&mut index.ids, &canonical(id).to_ascii_lowercase(), doc);
                        }
                        if !crate::code_links::code_urls(paper).is_empty() {
                            add_value(&mut index.has, "code", doc);
                        }
                        doc
                    }
                };
                index.listings.push(Listing {
                    at,
                    doc,
                    attention: paper.retweets.saturating_add(paper.favorites),
                });
            }
        }
        index.postings = ix.postings.finish();
        index.orders = super::rank::Orders::new(&index.listings, index.lengths.len());
        index.listings.shrink_to_fit();
        index.lengths.shrink_to_fit();
        index
    }
}
