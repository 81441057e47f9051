//! Where a query's words are in a text, for underlining: found with the same words, folding and
//! humps as the index (`search::words`), so what is underlined is what matched.

use std::ops::Range;

use super::query::{Field, Query, Term};
use super::words::{Word, source_range, words};

/// Where in `word` the first word of a term matches: from its start, from a hump, or (with
/// `infix`) anywhere; as a range of `word.folded`.
fn first_match(word: &Word, w: &str, infix: bool) -> Option<Range<usize>> {
    if infix {
        return word.folded.find(w).map(|at| at..at + w.len());
    }
    std::iter::once(0)
        .chain(word.humps.iter().copied())
        .find(|&h| word.folded[h..].starts_with(w))
        .map(|h| h..h + w.len())
}

/// The source ranges where `term` matches among `text`'s words.
pub(crate) fn term_ranges(text: &[Word], term: &Term, out: &mut Vec<Range<usize>>) {
    let parts: Vec<&str> = term.words().filter(|w| !w.is_empty()).collect();
    if parts.is_empty() {
        return;
    }
    for (i, word) in text.iter().enumerate() {
        let Some(first) = first_match(word, parts[0], term.infix) else {
            continue;
        };
        let rest_match = parts[1..]
            .iter()
            .enumerate()
            .all(|(j, p)| text.get(i + 1 + j).is_some_and(|w| w.folded.starts_with(p)));
        if !rest_match {
            continue;
        }
        let start = source_range(word, first.clone()).start;
        let end = match parts.len() {
            1 => source_range(word, first).end,
            n => {
                let last = &text[i + n - 1];
                source_range(last, 0..parts[n - 1].len()).end
            }
        };
        out.push(start..end);
    }
}

/// Byte ranges of `text` where the positive terms for `field` match, merged and sorted. For
/// `Field::Tweeter` (the `@handle` of a tweet's author), `@ann` and `by:ann` are underlined
/// where the handle is whole, and words of `tw:` as in the tweet.
pub fn highlight(text: &str, query: &Query, field: Field) -> Vec<Range<usize>> {
    let applies = |t: &&Term| {
        t.field == Field::Any
            || t.field == field
            || (t.field == Field::Tweet && field == Field::Tweeter)
    };
    let terms: Vec<&Term> = query.highlights().filter(applies).collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let found = words(text);
    let mut ranges = Vec::new();
    for t in terms {
        if t.field == Field::Tweeter {
            handle_ranges(text, &t.needle, &mut ranges);
        } else {
            term_ranges(&found, t, &mut ranges);
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Where `@handle` is written whole in `text`, ignoring case (`handle` is lowercase ASCII).
fn handle_ranges(text: &str, handle: &str, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let is_handle = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    for (at, _) in text.match_indices('@') {
        let end = at + 1 + handle.len();
        let whole = bytes
            .get(at + 1..end)
            .is_some_and(|s| s.eq_ignore_ascii_case(handle.as_bytes()))
            && bytes.get(end).is_none_or(|&b| !is_handle(b));
        if whole {
            out.push(at..end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn marked<'a>(text: &'a str, q: &str, field: Field) -> Vec<&'a str> {
        let q = parse(q).unwrap();
        highlight(text, &q, field)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn words_are_underlined_where_they_matched() {
        let text = "ViTransformers and GANs, StyleGAN and Organic";
        assert_eq!(
            marked(text, "trans ti:GAN au:x", Field::Title),
            ["Trans", "GAN", "GAN"]
        );
        assert_eq!(marked(text, "*ans", Field::Abstract), ["ans", "ANs"]);
        assert!(marked(text, "rgan", Field::Title).is_empty());
        assert!(marked("abc", "-abc", Field::Title).is_empty());
        assert_eq!(marked("İstanbul transit", "trans", Field::Title), ["trans"]);
    }

    #[test]
    fn accents_phrases_and_handles() {
        assert_eq!(
            marked("the Fréchet distance", "frechet", Field::Any),
            ["Fréchet"]
        );
        assert_eq!(
            marked("GPT-3 and gpt 4, GPT-3", "\"gpt-3\"", Field::Title),
            ["GPT-3", "GPT-3"]
        );
        assert_eq!(
            marked(
                "Radiance-Fields in radiance, fields",
                "\"radiance field\"",
                Field::Any
            ),
            ["Radiance-Field", "radiance, field"]
        );
        assert_eq!(
            marked("Ann @ann @anna @Ann_", "@ann", Field::Tweeter),
            ["@ann"],
            "whole handles only"
        );
        assert_eq!(marked("@ann_b", "tw:ann", Field::Tweeter), ["ann"]);
        assert!(
            marked("@ann", "@ann", Field::Tweet).is_empty(),
            "not a mention"
        );
        assert!(marked("@ann", "@ann", Field::Title).is_empty());
    }
}
