//! Recommendations from the papers a reader liked (positives) and did not (negatives), in the
//! space of the similarity vectors.
//!
//! * With fewer than `MIN_POSITIVES_FOR_MODEL` positives, a Rocchio centroid: the mean of the
//!   positives minus `NEGATIVE_SHARE` of the mean of the negatives, and papers ranked by their
//!   cosine with it. A handful of examples is too few to fit anything.
//! * From that many on, logistic regression fitted by stochastic gradient descent: the
//!   positives against the negatives plus a sample of the other papers (most papers are not the
//!   ones a reader stars, so unlabelled ones stand in for negatives as long as few are marked),
//!   the classes weighted to balance. A centroid of many positives with two interests points
//!   between them; a linear model keeps both. Training is a few thousand sparse updates over
//!   a few epochs: milliseconds.

use std::collections::HashSet;

use super::{Method, Recommendations, Similarity};
use crate::archive::PaperKey;

/// From this many positives on, a model is trained.
pub const MIN_POSITIVES_FOR_MODEL: usize = 5;
/// How much of the negatives' centroid is taken off the positives'.
const NEGATIVE_SHARE: f32 = 0.5;
/// Unlabelled papers sampled as negatives, per labelled paper, and the bounds on the sample.
const SAMPLE_PER_LABEL: usize = 20;
const SAMPLE_MIN: usize = 400;
const SAMPLE_MAX: usize = 4000;
/// A marked negative counts as this many sampled ones.
const MARKED_NEGATIVE_WEIGHT: f32 = 3.0;
const EPOCHS: usize = 8;
const LEARNING_RATE: f32 = 0.5;
const L2: f32 = 1e-4;

/// A training example: a paper's vector, its label (1 liked, 0 not) and its weight.
type Example = (Vec<(u32, f32)>, f32, f32);

/// A small, fixed pseudo-random sequence (xorshift64*): the same marks give the same list.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

impl Similarity {
    /// The `n` papers most likely wanted given `positives` and `negatives` (keys the archive
    /// lacks are ignored), never one of those nor one in `exclude`.
    pub fn recommend(
        &self,
        positives: &[PaperKey],
        negatives: &[PaperKey],
        exclude: &HashSet<PaperKey>,
        n: usize,
    ) -> Recommendations {
        let docs = |keys: &[PaperKey]| {
            let mut d: Vec<usize> = keys.iter().filter_map(|k| self.doc(k.as_str())).collect();
            d.sort_unstable();
            d.dedup();
            d
        };
        let (pos, mut neg) = (docs(positives), docs(negatives));
        neg.retain(|d| pos.binary_search(d).is_err());
        let mut skip = vec![false; self.len()];
        for k in exclude {
            if let Some(d) = self.doc(k.as_str()) {
                skip[d] = true;
            }
        }
        for &d in pos.iter().chain(&neg) {
            skip[d] = true;
        }
        if pos.is_empty() {
            return Recommendations {
                method: Method::Nothing,
                papers: Vec::new(),
            };
        }
        let (method, scores) = if pos.len() < MIN_POSITIVES_FOR_MODEL {
            let method = Method::Centroid {
                positives: pos.len(),
                negatives: neg.len(),
            };
            (method, self.centroid_scores(&pos, &neg))
        } else {
            self.model_scores(&pos, &neg)
        };
        Recommendations {
            method,
            papers: self.best(&scores, n, |d| !skip[d]),
        }
    }

    /// The cosine of every paper with the Rocchio centroid.
    fn centroid_scores(&self, pos: &[usize], neg: &[usize]) -> Vec<f32> {
        let mut q: Vec<(u32, f32)> = Vec::new();
        let mut add = |docs: &[usize], share: f32| {
            for &d in docs {
                let k = share / docs.len() as f32;
                q.extend(self.vector(d).into_iter().map(|(i, w)| (i, w * k)));
            }
        };
        add(pos, 1.0);
        add(neg, -NEGATIVE_SHARE);
        q.sort_unstable_by_key(|t| t.0);
        let mut merged: Vec<(u32, f32)> = Vec::with_capacity(q.len());
        for (i, w) in q {
            match merged.last_mut() {
                Some(last) if last.0 == i => last.1 += w,
                _ => merged.push((i, w)),
            }
        }
        let norm = merged.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        let k = if norm > 0.0 { 1.0 / norm } else { 0.0 };
        self.accumulate(merged.into_iter().map(|(i, w)| (i, w * k)))
    }

    /// Each paper's probability under a logistic regression fitted to the examples.
    fn model_scores(&self, pos: &[usize], neg: &[usize]) -> (Method, Vec<f32>) {
        // The examples: (paper, label, weight).
        let mut examples: Vec<(usize, f32, f32)> = Vec::new();
        examples.extend(neg.iter().map(|&d| (d, 0.0, MARKED_NEGATIVE_WEIGHT)));
        let labelled: HashSet<usize> = pos.iter().chain(neg).copied().collect();
        let others = self.len() - labelled.len();
        let want = (SAMPLE_PER_LABEL * labelled.len()).clamp(SAMPLE_MIN, SAMPLE_MAX);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (pos.len() as u64) << 32 ^ pos[0] as u64);
        if others <= want {
            let all = (0..self.len()).filter(|d| !labelled.contains(d));
            examples.extend(all.map(|d| (d, 0.0, 1.0)));
        } else {
            let mut picked = HashSet::new();
            while picked.len() < want {
                let d = rng.below(self.len());
                if !labelled.contains(&d) && picked.insert(d) {
                    examples.push((d, 0.0, 1.0));
                }
            }
        }
        let negative_mass: f32 = examples.iter().map(|e| e.2).sum();
        let pos_weight = (negative_mass / pos.len() as f32).max(1.0);
        examples.extend(pos.iter().map(|&d| (d, 1.0, pos_weight)));
        let mut examples: Vec<Example> = examples
            .into_iter()
            .map(|(d, y, c)| (self.vector(d), y, c))
            .collect();
        let (w, bias) = self.fit(&mut examples, &mut rng);
        // Every paper's margin, feature by feature through the postings.
        let mut z = vec![bias; self.len()];
        for (t, &wt) in w.iter().enumerate().filter(|(_, w)| **w != 0.0) {
            let (docs, xs) = self.postings.row(t);
            for (&d, &x) in docs.iter().zip(xs) {
                z[d as usize] += wt * x.get();
            }
        }
        let scores = z.into_iter().map(sigmoid).collect();
        let method = Method::Logistic {
            positives: pos.len(),
            negatives: neg.len(),
            examples: examples.len(),
            epochs: EPOCHS,
        };
        (method, scores)
    }

    /// Logistic regression by SGD with L2 decay (weights kept as a scale times a vector, so
    /// that decaying them all is one multiplication) and a shrinking step. Returns the weights
    /// and the bias.
    fn fit(&self, examples: &mut [Example], rng: &mut Rng) -> (Vec<f32>, f32) {
        let mut v = vec![0f32; self.features()];
        let (mut scale, mut bias) = (1f32, 0f32);
        // Weighted examples make big steps: the step is divided by the mean weight.
        let mean_weight = examples.iter().map(|e| e.2).sum::<f32>() / examples.len() as f32;
        let mut t = 0f32;
        for _ in 0..EPOCHS {
            for i in (1..examples.len()).rev() {
                examples.swap(i, rng.below(i + 1));
            }
            for (x, y, c) in examples.iter() {
                let eta = LEARNING_RATE / (1.0 + LEARNING_RATE * L2 * t);
                t += 1.0;
                let z: f32 = x.iter().map(|&(i, w)| v[i as usize] * w).sum();
                let g = (c / mean_weight) * (sigmoid(scale * z + bias) - y);
                scale *= 1.0 - eta * L2;
                let step = eta * g / scale;
                for &(i, w) in x {
                    v[i as usize] -= step * w;
                }
                bias -= eta * g * 0.1;
                if scale < 1e-6 {
                    v.iter_mut().for_each(|x| *x *= scale);
                    scale = 1.0;
                }
            }
        }
        v.iter_mut().for_each(|x| *x *= scale);
        (v, bias)
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}
