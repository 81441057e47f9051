//! Papers like a paper, and papers for a reader: one sparse vector per distinct paper and an
//! inverted index over its features. Nothing here knows about terminals.
//!
//! A paper's vector has three parts, each normalised and then scaled so that their dot product
//! is the blend `text·cos(text) + categories·cos(categories) + authors·cos(authors)`:
//!
//! * text: tf-idf of the words and word pairs of its title and abstract as the screen renders
//!   them (LaTeX made readable) and the search folds them, sublinear tf (`1 + ln tf`, title
//!   words counted twice), stop words left out, terms in fewer than `min_df` papers or more
//!   than `max_df` of them dropped, the `max_terms` heaviest kept;
//! * categories and authors: one feature each, shared by the papers that have it (a category
//!   or author of a single paper is dropped: it can match nothing).
//!
//! A paper listed on several days is one paper (its `PaperKey`), read from its latest listing.
//! Similarity is then one dot product, the inverted index scores only the papers that share a
//! feature with the query, and the recommendations (`recommend`) score papers in the same
//! space.

mod build;
mod feedback;
mod recommend;
pub mod text;

pub use feedback::Feedback;

#[cfg(test)]
mod tests;

use crate::archive::PaperKey;

/// How the vectors are made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The weights of the text, category and author similarities in the blend (sum 1).
    pub text: f32,
    pub categories: f32,
    pub authors: f32,
    /// Terms in fewer papers than this are dropped.
    pub min_df: u32,
    /// Terms in more than this fraction of the papers are dropped (archives of at least
    /// `MIN_PAPERS_FOR_MAX_DF` papers; in a handful of papers every fraction is noise).
    pub max_df: f32,
    /// At most this many text terms per paper, the heaviest.
    pub max_terms: usize,
}

/// Below this many papers, `max_df` is not applied.
pub const MIN_PAPERS_FOR_MAX_DF: usize = 20;

impl Default for Options {
    fn default() -> Self {
        Options {
            text: 0.7,
            categories: 0.2,
            authors: 0.1,
            min_df: 2,
            max_df: 0.5,
            max_terms: 20,
        }
    }
}

/// A feature's weight in a paper, kept in 16 bits. Every weight is in [0, 1] (each part of a
/// vector is normalised, then scaled by a blend weight of at most 1), so a fixed step of
/// 1/65535 loses nothing a ranking sees and saves a sixth of the engine's memory (its largest
/// part is a posting of 4 bytes of paper and, now, 2 of weight).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Weight(u16);

impl Weight {
    fn new(w: f32) -> Weight {
        Weight((w.clamp(0.0, 1.0) * f32::from(u16::MAX)).round() as u16)
    }

    fn get(self) -> f32 {
        f32::from(self.0) / f32::from(u16::MAX)
    }
}

/// Rows of sparse vectors, one after another: row `r` is `ids[ends[r-1]..ends[r]]` with
/// `weights` alongside (or none at all), ids ascending.
#[derive(Debug, Default, Clone)]
struct Rows {
    ends: Vec<u32>,
    ids: Vec<u32>,
    weights: Vec<Weight>,
}

impl Rows {
    fn row(&self, r: usize) -> (&[u32], &[Weight]) {
        let start = if r == 0 { 0 } else { self.ends[r - 1] as usize };
        let end = self.ends[r] as usize;
        let weights = self.weights.get(start..end).unwrap_or_default();
        (&self.ids[start..end], weights)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn heap_bytes(&self) -> usize {
        self.ends.capacity() * 4 + self.ids.capacity() * 4 + self.weights.capacity() * 2
    }
}

/// The similarity engine of an archive; see the module's documentation.
#[derive(Debug, Default, Clone)]
pub struct Similarity {
    /// The papers' keys, one after another, and where each ends.
    keys: String,
    key_ends: Vec<u32>,
    /// The papers ordered by key, for looking one up.
    by_key: Vec<u32>,
    /// Each paper's latest listing: its day's index in the archive and its index in the day.
    latest: Vec<(u32, u32)>,
    /// The features' hashes (see `text`), ascending: a feature's id is its place here. Only
    /// the tests look features up; the engine needs only their ids.
    #[cfg(test)]
    features: Vec<u64>,
    /// Each paper's features (ids, ascending); their weights are in the postings.
    vectors: Rows,
    /// Each feature's papers (ascending) with the feature's weight in them.
    postings: Rows,
    options: Options,
}

impl Similarity {
    /// How many distinct papers there are.
    pub fn len(&self) -> usize {
        self.latest.len()
    }

    pub fn is_empty(&self) -> bool {
        self.latest.is_empty()
    }

    /// How many features (terms, categories, authors) some paper has.
    pub fn features(&self) -> usize {
        self.postings.len()
    }

    /// The vector of paper `doc`: its features' ids, ascending, with their weights, found in
    /// the features' postings (which list papers in order). Storing the weights once, there,
    /// saves a third of the memory; a binary search per feature costs microseconds.
    fn vector(&self, doc: usize) -> Vec<(u32, f32)> {
        let (ids, _) = self.vectors.row(doc);
        ids.iter()
            .map(|&t| {
                let (docs, ws) = self.postings.row(t as usize);
                let at = docs.binary_search(&(doc as u32)).unwrap_or_default();
                (t, ws[at].get())
            })
            .collect()
    }

    pub fn options(&self) -> Options {
        self.options
    }

    /// The memory the engine holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.keys.capacity()
            + self.key_ends.capacity() * 4
            + self.by_key.capacity() * 4
            + self.latest.capacity() * 8
            + self.vectors.heap_bytes()
            + self.postings.heap_bytes()
    }

    fn key_str(&self, doc: usize) -> &str {
        let start = if doc == 0 {
            0
        } else {
            self.key_ends[doc - 1] as usize
        };
        &self.keys[start..self.key_ends[doc] as usize]
    }

    fn key(&self, doc: usize) -> PaperKey {
        PaperKey::from_stored(self.key_str(doc))
    }

    /// The paper of `key`, if the archive has it.
    fn doc(&self, key: &str) -> Option<usize> {
        let at = self
            .by_key
            .binary_search_by(|&d| self.key_str(d as usize).cmp(key))
            .ok()?;
        Some(self.by_key[at] as usize)
    }

    /// Whether the archive has the paper of `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.doc(key).is_some()
    }

    /// The latest listing of the paper of `key`: its day's index in the archive and its index
    /// in that day.
    pub fn latest(&self, key: &str) -> Option<(usize, usize)> {
        self.doc(key)
            .map(|d| (self.latest[d].0 as usize, self.latest[d].1 as usize))
    }

    /// The `n` papers most like the paper of `key`, most similar first, with their similarity
    /// (0 to 1); never the paper itself, each paper once. Empty when the archive lacks the paper
    /// or nothing shares a feature with it.
    pub fn similar(&self, key: &str, n: usize) -> Vec<(PaperKey, f32)> {
        let Some(doc) = self.doc(key) else {
            return Vec::new();
        };
        let scores = self.accumulate(self.vector(doc).into_iter());
        self.best(&scores, n, |d| d != doc)
    }

    /// The dot product of the query (feature id, weight) with every paper, through the
    /// postings: only papers sharing a feature get anything.
    fn accumulate(&self, query: impl Iterator<Item = (u32, f32)>) -> Vec<f32> {
        let mut scores = vec![0f32; self.len()];
        for (t, wq) in query {
            let (docs, ws) = self.postings.row(t as usize);
            for (&d, &w) in docs.iter().zip(ws) {
                scores[d as usize] += wq * w.get();
            }
        }
        scores
    }

    /// The `n` papers of highest positive score that `keep` allows, best first; ties go to
    /// the newer paper.
    fn best(&self, scores: &[f32], n: usize, keep: impl Fn(usize) -> bool) -> Vec<(PaperKey, f32)> {
        let mut hits: Vec<(u32, f32)> = scores
            .iter()
            .enumerate()
            .filter(|&(d, &s)| s > 0.0 && keep(d))
            .map(|(d, &s)| (d as u32, s))
            .collect();
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if hits.len() > n && n > 0 {
            hits.select_nth_unstable_by(n - 1, order);
        }
        hits.truncate(n);
        hits.sort_unstable_by(order);
        hits.into_iter()
            .map(|(d, s)| (self.key(d as usize), s.min(1.0)))
            .collect()
    }
}

/// How a list of recommendations was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// No positive is in the archive: nothing to go on.
    Nothing,
    /// Cosine with the Rocchio centroid of this many positives and negatives.
    Centroid { positives: usize, negatives: usize },
    /// Logistic regression on this many examples (positives, marked negatives and sampled
    /// papers), over `epochs` passes.
    Logistic {
        positives: usize,
        negatives: usize,
        examples: usize,
        epochs: usize,
    },
}

/// Ranked papers with their scores (the centroid's cosine, or the model's probability), best
/// first, and how they were found.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations {
    pub method: Method,
    pub papers: Vec<(PaperKey, f32)>,
}
