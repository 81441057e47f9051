//! The terms of a paper's text for the similarity vectors: its words as the search folds them
//! (`search::words`), minus stop words and numbers, and each pair of neighbouring words within
//! a clause as a bigram ("neural network", "language model"). Terms are 64-bit hashes: the
//! vocabulary of a large archive is millions of bigrams, and hashes need no strings.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::search::words::{fold_word, spans};

/// Common English words that say nothing of a paper's topic, plus the filler of abstracts
/// ("propose", "paper", "results"). Written for this engine; folded and sorted.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "allow",
    "allows",
    "almost",
    "along",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approach",
    "approaches",
    "are",
    "around",
    "as",
    "at",
    "based",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "best",
    "better",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "demonstrate",
    "despite",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "due",
    "during",
    "each",
    "either",
    "enough",
    "especially",
    "et",
    "etc",
    "even",
    "every",
    "existing",
    "first",
    "for",
    "found",
    "from",
    "further",
    "furthermore",
    "given",
    "had",
    "has",
    "have",
    "having",
    "here",
    "high",
    "how",
    "however",
    "i",
    "ie",
    "if",
    "in",
    "into",
    "introduce",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "large",
    "less",
    "like",
    "made",
    "make",
    "makes",
    "many",
    "may",
    "method",
    "methods",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "new",
    "no",
    "nor",
    "not",
    "novel",
    "now",
    "of",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "paper",
    "per",
    "performance",
    "present",
    "previous",
    "propose",
    "proposed",
    "provide",
    "provides",
    "rather",
    "recent",
    "recently",
    "result",
    "results",
    "same",
    "several",
    "show",
    "shows",
    "significantly",
    "since",
    "so",
    "some",
    "state",
    "still",
    "study",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "two",
    "under",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "uses",
    "using",
    "various",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "work",
    "would",
    "yet",
    "you",
    "your",
];

/// Whether `word` (folded) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    static SET: LazyLock<HashSet<&str, foldhash::fast::FixedState>> =
        LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    word.len() <= 12 && SET.contains(word)
}

/// Folds `word` into `out` as `fold_word` does, without its allocations for plain ASCII.
fn fold(word: &str, out: &mut String, humps: &mut Vec<usize>) {
    if word.is_ascii() {
        out.clear();
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        fold_word(word, out, humps, None);
    }
}

/// Whether a folded word can be a term: not a stop word, not a lone letter, not a number.
fn is_term(word: &str) -> bool {
    word.chars().count() > 1 && !word.bytes().all(|b| b.is_ascii_digit()) && !is_stop_word(word)
}

/// What ends a clause between two words: no bigram is made across it.
fn breaks(gap: &str) -> bool {
    gap.bytes().any(|b| {
        matches!(
            b,
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' | b'[' | b']'
        )
    })
}

/// A term of a text: a word, or two neighbouring words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term<'a> {
    Word(&'a str),
    Pair(&'a str, &'a str),
}

/// Calls `each` with every term of `text` in order: each word that is a term, and after it the
/// pair it makes with the word before when both are terms and no punctuation or stop word is
/// between them.
pub fn terms(text: &str, mut each: impl FnMut(Term<'_>)) {
    let (mut word, mut prev, mut humps) = (String::new(), String::new(), Vec::new());
    let mut has_prev = false;
    let mut end = 0;
    spans(text, |span| {
        let gap = &text[end..span.start];
        end = span.end;
        fold(&text[span], &mut word, &mut humps);
        if !is_term(&word) {
            has_prev = false;
            return;
        }
        each(Term::Word(&word));
        if has_prev && !breaks(gap) {
            each(Term::Pair(&prev, &word));
        }
        std::mem::swap(&mut prev, &mut word);
        has_prev = true;
    });
}

/// FNV-1a over `bytes` from `seed`, then mixed (splitmix64's finaliser) so that nearby
/// strings land far apart.
fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed ^ 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The kinds of feature, hashed apart so that a category never collides with a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text = 1,
    Category = 2,
    Author = 3,
}

/// The hash of a term.
pub fn hash_term(t: Term<'_>) -> u64 {
    match t {
        Term::Word(w) => hash_bytes(Kind::Text as u64, w.as_bytes()),
        // A space cannot be inside a folded word: "a b" is no word's hash.
        Term::Pair(a, b) => mix(hash_bytes(Kind::Text as u64, a.as_bytes())
            ^ hash_bytes(Kind::Text as u64, b.as_bytes()).rotate_left(17)),
    }
}

/// The hash of a category or an author's name, folded as search folds words (`Fréchet, M.` and
/// `frechet m` are one author).
pub fn hash_name(kind: Kind, name: &str) -> u64 {
    let mut folded = String::new();
    let (mut word, mut humps) = (String::new(), Vec::new());
    spans(name, |span| {
        fold_word(&name[span], &mut word, &mut humps, None);
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(&word);
    });
    hash_bytes(kind as u64, folded.as_bytes())
}

/// The terms of `text` as strings, a pair as "a b", for tests and for explaining.
pub fn term_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    terms(text, |t| {
        out.push(match t {
            Term::Word(w) => w.to_string(),
            Term::Pair(a, b) => format!("{a} {b}"),
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_folded() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, no repeats"
        );
        assert!(
            STOP_WORDS
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(is_stop_word("the") && is_stop_word("propose"));
        assert!(!is_stop_word("diffusion"));
    }

    #[test]
    fn words_and_their_pairs_without_stop_words_numbers_or_punctuation() {
        assert_eq!(
            term_strings("We propose Graph Neural Networks for 3D meshes"),
            [
                "graph",
                "neural",
                "graph neural",
                "networks",
                "neural networks",
                "3d",
                "meshes",
                "3d meshes"
            ]
        );
        // No pair across a stop word, a number, a lone letter or a clause's end.
        assert_eq!(
            term_strings("Sampling of proteins, folding 2024 kinetics x rates."),
            ["sampling", "proteins", "folding", "kinetics", "rates"]
        );
        assert_eq!(
            term_strings("Fréchet DISTANCE"),
            ["frechet", "distance", "frechet distance"]
        );
    }

    #[test]
    fn hashes_tell_kinds_and_orders_apart() {
        let pair = hash_term(Term::Pair("neural", "network"));
        assert_ne!(pair, hash_term(Term::Pair("network", "neural")));
        assert_ne!(hash_term(Term::Word("cs")), hash_name(Kind::Category, "cs"));
        assert_eq!(
            hash_name(Kind::Author, "Maurice Fréchet"),
            hash_name(Kind::Author, "maurice  FRECHET")
        );
        assert_ne!(
            hash_name(Kind::Author, "Ann Lee"),
            hash_name(Kind::Category, "Ann Lee")
        );
    }
}
