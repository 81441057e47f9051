//! Building the engine from an archive, in two passes over the papers, each shared out over
//! the cores: the first counts in how many papers each feature is, the second weighs and keeps
//! the features of each paper. Nothing but the counts is kept between the passes, so that a
//! large archive's millions of word pairs never sit in memory paper by paper. Abstracts left
//! in their posts (see `archive::texts`) are read back as each pass comes to them, one post at
//! a time on each core: never all of them at once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::text::{Kind, hash_name, hash_term, terms};
use super::{MIN_PAPERS_FOR_MAX_DF, Options, Rows, Similarity, Weight};
use crate::archive::{Archive, Name, Paper, PaperInfo, read_texts};
use crate::display::latex::prettify;

/// The features are hashes already: hashing them again is wasted work.
#[derive(Default)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type ByHash<V> = HashMap<u64, V, BuildHasherDefault<Passthrough>>;

/// One paper's features: text terms with how often they occur, then its categories and
/// authors (each once).
#[derive(Default)]
struct Features {
    text: Vec<(u64, u32)>,
    categories: Vec<u64>,
    authors: Vec<u64>,
}

impl Features {
    fn of(p: &Paper, scratch: &mut Vec<u64>) -> Features {
        scratch.clear();
        let mut add = |text: &str, times: usize| {
            terms(&prettify(text), |t| {
                let h = hash_term(t);
                scratch.extend(std::iter::repeat_n(h, times));
            })
        };
        // Title words count twice: a title says what a paper is about.
        add(&p.title, 2);
        add(&p.abstract_text, 1);
        scratch.sort_unstable();
        let mut text: Vec<(u64, u32)> = Vec::new();
        for &h in scratch.iter() {
            match text.last_mut() {
                Some((last, n)) if *last == h => *n += 1,
                _ => text.push((h, 1)),
            }
        }
        let names = |kind: Kind, names: &[Name]| {
            let mut v: Vec<u64> = names.iter().map(|n| hash_name(kind, n)).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Features {
            text,
            categories: names(Kind::Category, &p.categories),
            authors: names(Kind::Author, &p.authors),
        }
    }
}

/// The features of papers, with their abstracts read back when they left them in their
/// posts. Papers come newest day first (see `distinct`), so the day last read is all that
/// needs keeping. A post that no longer holds a paper's texts gives its title, authors and
/// categories only, as `Archive::with_texts` leaves it.
struct Reading<'a> {
    archive: &'a Archive,
    day: Option<(u32, Vec<Option<Arc<PaperInfo>>>)>,
    scratch: Vec<u64>,
}

impl<'a> Reading<'a> {
    fn new(archive: &'a Archive) -> Reading<'a> {
        Reading {
            archive,
            day: None,
            scratch: Vec::new(),
        }
    }

    /// The features of `p`, paper `i` of day `d`.
    fn features(&mut self, d: u32, i: u32, p: &Paper) -> Features {
        let root = self.archive.root.as_deref();
        let Some(root) = root.filter(|_| !p.holds_texts()) else {
            return Features::of(p, &mut self.scratch);
        };
        if self.day.as_ref().is_none_or(|(at, _)| *at != d) {
            let infos = read_texts(root, &self.archive.days[d as usize]).unwrap_or_default();
            self.day = Some((d, infos));
        }
        let info = self
            .day
            .as_ref()
            .and_then(|(_, v)| v.get(i as usize)?.clone());
        match info {
            Some(info) => Features::of(&Paper { info, ..p.clone() }, &mut self.scratch),
            None => Features::of(p, &mut self.scratch),
        }
    }
}

/// Runs `work` on `items` in as many contiguous chunks as there are cores, and returns the
/// chunks' results in order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let size = items.len().div_ceil(cores.max(1)).max(256);
    if items.len() <= size {
        return vec![work(items)];
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|chunk| s.spawn(|| work(chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a similarity build thread"))
            .collect()
    })
}

/// Each paper once, by key, from its latest listing: (day index, paper index, paper), newest
/// day first.
fn distinct(archive: &Archive) -> Vec<(u32, u32, &Paper)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (d, day) in archive.days.iter().enumerate().rev() {
        for (i, p) in day.papers.iter().enumerate() {
            if seen.insert(&p.key) {
                out.push((d as u32, i as u32, p));
            }
        }
    }
    out
}

impl Similarity {
    /// The engine of `archive` with the default options.
    pub fn build(archive: &Archive) -> Similarity {
        Similarity::build_with(archive, Options::default())
    }

    pub fn build_with(archive: &Archive, options: Options) -> Similarity {
        let papers = distinct(archive);
        let n = papers.len();
        // Pass 1: in how many papers each feature is.
        let counts = in_parallel(&papers, |chunk| {
            let mut df: ByHash<u32> = ByHash::default();
            let mut reading = Reading::new(archive);
            for &(d, i, p) in chunk {
                let f = reading.features(d, i, p);
                let all = f
                    .text
                    .iter()
                    .map(|t| t.0)
                    .chain(f.categories)
                    .chain(f.authors);
                for h in all {
                    *df.entry(h).or_default() += 1;
                }
            }
            df
        });
        let mut counts = counts.into_iter();
        let mut df = counts.next().unwrap_or_default();
        for more in counts {
            for (h, c) in more {
                *df.entry(h).or_default() += c;
            }
        }
        // The features kept, ids in hash order.
        let max_df = if n >= MIN_PAPERS_FOR_MAX_DF {
            (options.max_df * n as f32).floor() as u32
        } else {
            u32::MAX
        };
        let mut features: Vec<u64> = df
            .iter()
            .filter(|&(_, &c)| c >= options.min_df.max(1))
            .map(|(&h, _)| h)
            .collect();
        features.sort_unstable();
        let ids: ByHash<(u32, u32)> = features
            .iter()
            .enumerate()
            .map(|(i, &h)| (h, (i as u32, df[&h])))
            .collect();
        drop(df);
        // Pass 2: each paper's vector.
        let idf = |c: u32| ((1.0 + n as f32) / (1.0 + c as f32)).ln() + 1.0;
        let parts = in_parallel(&papers, |chunk| {
            let mut rows = Rows::default();
            let mut reading = Reading::new(archive);
            let mut v: Vec<(u32, f32)> = Vec::new();
            for &(d, i, p) in chunk {
                let f = reading.features(d, i, p);
                v.clear();
                for &(h, tf) in &f.text {
                    if let Some(&(id, c)) = ids.get(&h)
                        && c <= max_df
                    {
                        v.push((id, (1.0 + (tf as f32).ln()) * idf(c)));
                    }
                }
                if v.len() > options.max_terms {
                    v.select_nth_unstable_by(options.max_terms - 1, |a, b| b.1.total_cmp(&a.1));
                    v.truncate(options.max_terms);
                }
                scale(&mut v, options.text);
                for (names, weight) in [
                    (&f.categories, options.categories),
                    (&f.authors, options.authors),
                ] {
                    // Normalised over all of the paper's names, kept or not: the cosine of two
                    // sets of names is what they share over the root of their sizes.
                    let w = (weight / names.len().max(1) as f32).sqrt();
                    v.extend(
                        names
                            .iter()
                            .filter_map(|h| ids.get(h))
                            .map(|&(id, _)| (id, w)),
                    );
                }
                v.sort_unstable_by_key(|t| t.0);
                for &(id, w) in &v {
                    rows.ids.push(id);
                    rows.weights.push(Weight::new(w));
                }
                rows.ends.push(rows.ids.len() as u32);
            }
            rows
        });
        let mut vectors = concat(parts);
        // Only the features some paper kept get an id: renumbered in the same order.
        let mut renumber = vec![u32::MAX; features.len()];
        for &id in &vectors.ids {
            renumber[id as usize] = 0;
        }
        let mut used = 0;
        for r in renumber.iter_mut().filter(|r| **r == 0) {
            *r = used;
            used += 1;
        }
        vectors
            .ids
            .iter_mut()
            .for_each(|id| *id = renumber[*id as usize]);
        #[cfg(test)]
        let features: Vec<u64> = features
            .iter()
            .zip(&renumber)
            .filter(|(_, r)| **r != u32::MAX)
            .map(|(&h, _)| h)
            .collect();
        let postings = transpose(&vectors, used as usize);
        // The weights are in the postings: a paper's are found there (see `vector`).
        vectors.weights = Vec::new();
        vectors.ids.shrink_to_fit();
        let mut keys = String::new();
        let mut key_ends = Vec::with_capacity(n);
        for (_, _, p) in &papers {
            keys.push_str(p.key.as_str());
            key_ends.push(keys.len() as u32);
        }
        keys.shrink_to_fit();
        let latest = papers.iter().map(|&(d, i, _)| (d, i)).collect();
        let mut by_key: Vec<u32> = (0..n as u32).collect();
        by_key.sort_unstable_by(|&a, &b| papers[a as usize].2.key.cmp(&papers[b as usize].2.key));
        Similarity {
            keys,
            key_ends,
            by_key,
            latest,
            #[cfg(test)]
            features,
            vectors,
            postings,
            options,
        }
    }
}

/// Scales `v` to length `sqrt(weight)`, so that two such parts' dot product is `weight` times
/// their cosine.
fn scale(v: &mut [(u32, f32)], weight: f32) {
    let norm = v.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        let k = weight.sqrt() / norm;
        v.iter_mut().for_each(|t| t.1 *= k);
    }
}

/// The chunks' rows as one.
fn concat(parts: Vec<Rows>) -> Rows {
    let total: usize = parts.iter().map(|r| r.ids.len()).sum();
    let docs: usize = parts.iter().map(Rows::len).sum();
    let mut out = Rows {
        ends: Vec::with_capacity(docs),
        ids: Vec::with_capacity(total),
        weights: Vec::with_capacity(total),
    };
    for part in parts {
        let base = out.ids.len() as u32;
        out.ends.extend(part.ends.iter().map(|e| e + base));
        out.ids.extend_from_slice(&part.ids);
        out.weights.extend_from_slice(&part.weights);
    }
    out
}

/// The rows of `features` features holding, for each, the rows of `rows` that have it.
fn transpose(rows: &Rows, features: usize) -> Rows {
    let mut ends = vec![0u32; features];
    for &id in &rows.ids {
        ends[id as usize] += 1;
    }
    let mut at = 0;
    for e in &mut ends {
        at += *e;
        *e = at;
    }
    // Filled from the back, rows last to first, so each feature's rows end up ascending.
    let mut next = ends.clone();
    let mut ids = vec![0u32; rows.ids.len()];
    let mut weights = vec![Weight::default(); rows.ids.len()];
    for r in (0..rows.len()).rev() {
        let (fs, ws) = rows.row(r);
        for (&f, &w) in fs.iter().zip(ws) {
            let slot = &mut next[f as usize];
            *slot -= 1;
            ids[*slot as usize] = r as u32;
            weights[*slot as usize] = w;
        }
    }
    Rows { ends, ids, weights }
}
