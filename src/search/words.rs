//! How text is cut into words for searching, shared by the index, the query parser and the
//! highlighting, so that what is found is what is underlined.
//!
//! A word is a run of letters and digits (combining accents included). Each CJK character and
//! each symbol (emoji, `≤`) is a word of its own, since such text has no spaces to cut at.
//! Everything else (white space, ASCII punctuation, `@`, `_`) separates words. Words are folded:
//! lowercased, accents removed (`Fréchet` → `frechet`). Inside a word, a *hump* is where a new
//! part starts in camel case: `StyleGAN` has one at `GAN`, `HTTPServer` at `Server`; a search
//! term may match from a word's start or from a hump.

use std::ops::Range;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the source text (bytes).
    pub span: Range<usize>,
    /// The folded word.
    pub folded: String,
    /// For each byte of `folded`, the byte of the source text its character came from; one
    /// more entry, the end of the word, closes the last character.
    pub origin: Vec<usize>,
    /// Byte offsets into `folded` where a hump starts (never 0).
    pub humps: Vec<usize>,
}

/// Combining diacritical marks: part of the letter before them, dropped by folding.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Characters that are each a word of their own: CJK ideographs and kana.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// A symbol searched as a word (emoji, arrows, maths): not ASCII, not a letter or digit, not
/// white space, not punctuation of the general or CJK blocks, not an invisible joiner or
/// variation selector.
fn is_symbol(c: char) -> bool {
    !c.is_ascii()
        && !c.is_alphanumeric()
        && !c.is_whitespace()
        && !c.is_control()
        && !is_mark(c)
        && !matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{fe00}'..='\u{fe0f}' | '\u{ff00}'..='\u{ff0f}' | '\u{e0000}'..='\u{e007f}' | '\u{a0}' | '\u{ad}' | '«' | '»' | '¡' | '¿' | '·' | '§' | '¶')
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letters,
    Single,
    Gap,
}

fn kind(c: char) -> Kind {
    if is_cjk(c) || is_symbol(c) {
        Kind::Single
    } else if c.is_alphanumeric() || is_mark(c) {
        Kind::Letters
    } else {
        Kind::Gap
    }
}

/// Appends `c` folded to `out`: lowercased, accents dropped.
pub fn fold_char(c: char, out: &mut String) {
    if is_mark(c) {
        return;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        if !is_mark(l) {
            out.push(nucleo_matcher::chars::normalize(l));
        }
    }
}

/// Calls `each` with the byte span of every word of `text`, in order.
pub fn spans(text: &str, mut each: impl FnMut(Range<usize>)) {
    let mut start = None;
    for (i, c) in text.char_indices() {
        match kind(c) {
            Kind::Letters => {
                start.get_or_insert(i);
            }
            k => {
                if let Some(s) = start.take() {
                    each(s..i);
                }
                if k == Kind::Single {
                    each(i..i + c.len_utf8());
                }
            }
        }
    }
    if let Some(s) = start {
        each(s..text.len());
    }
}

/// Folds `word` into `out` (cleared first) and puts into `humps` the offsets in `out` where
/// its humps start; with `origin`, also where in `word` (plus `base`) each byte came from.
pub fn fold_word(
    word: &str,
    out: &mut String,
    humps: &mut Vec<usize>,
    mut origin: Option<(&mut Vec<usize>, usize)>,
) {
    out.clear();
    humps.clear();
    // A window over the word's characters (marks left out): the one before, this one and
    // the two after are all a hump needs. No list of them: this runs for every word indexed.
    let mut chars = word.char_indices().filter(|(_, c)| !is_mark(*c));
    let lower = |c: Option<(usize, char)>| c.is_some_and(|(_, c)| c.is_lowercase());
    let (mut prev, mut cur, mut next, mut after) =
        (None::<char>, chars.next(), chars.next(), chars.next());
    while let Some((i, c)) = cur {
        if let Some(p) = prev
            && c.is_uppercase()
            && !out.is_empty()
        {
            // aB (StyleGAN), or the last capital of a run before a lower-case part
            // (HTTPServer), but not a plural (GANs).
            if p.is_lowercase() || (p.is_uppercase() && lower(next) && lower(after)) {
                humps.push(out.len());
            }
        }
        let before = out.len();
        fold_char(c, out);
        if let Some((o, base)) = origin.as_mut() {
            o.extend(std::iter::repeat_n(*base + i, out.len() - before));
        }
        (prev, cur, next, after) = (Some(c), next, after, chars.next());
    }
}

/// Every word of `text`, folded, with where its characters came from, for highlighting.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    spans(text, |span| {
        let mut folded = String::new();
        let mut origin = Vec::new();
        let mut humps = Vec::new();
        let src = &text[span.clone()];
        fold_word(
            src,
            &mut folded,
            &mut humps,
            Some((&mut origin, span.start)),
        );
        origin.push(span.end);
        if !folded.is_empty() {
            out.push(Word {
                span,
                folded,
                origin,
                humps,
            });
        }
    });
    out
}

/// The folded words of `text`, for a query: no humps (a query word is matched whole from
/// where it starts).
pub fn query_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut humps = Vec::new();
    spans(text, |span| {
        let mut w = String::new();
        fold_word(&text[span], &mut w, &mut humps, None);
        if !w.is_empty() {
            out.push(w);
        }
    });
    out
}

/// The source byte range of `word.folded[range]`: from its first character's start to the
/// end of its last character.
pub fn source_range(word: &Word, range: Range<usize>) -> Range<usize> {
    let start = word.origin[range.start];
    // The end is the start of the next source character after the match.
    let end = word.origin[range.end..]
        .iter()
        .copied()
        .find(|&o| o > word.origin[range.end - 1])
        .unwrap_or(word.span.end);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    fn humps(word: &str) -> Vec<String> {
        let (mut out, mut h) = (String::new(), Vec::new());
        fold_word(word, &mut out, &mut h, None);
        h.iter().map(|&i| out[i..].to_string()).collect()
    }

    #[test]
    fn words_are_letters_and_digits_folded() {
        assert_eq!(
            folded("GAN-based NeRF--: Fréchet's e\u{301}t\u{e9} 3D"),
            ["gan", "based", "nerf", "frechet", "s", "ete", "3d"]
        );
        assert_eq!(folded("carol_c @ann #ml"), ["carol", "c", "ann", "ml"]);
        assert_eq!(folded("İstanbul ÆSIR"), ["istanbul", "æsir"]);
    }

    #[test]
    fn cjk_characters_and_symbols_are_words_of_their_own() {
        assert_eq!(
            folded("深層学習で🚀!"),
            ["深", "層", "学", "習", "で", "🚀"]
        );
        assert_eq!(folded("a≤b, “quoted” — x"), ["a", "≤", "b", "quoted", "x"]);
        assert_eq!(query_words("GPT-3 ✨\u{fe0f}"), ["gpt", "3", "✨"]);
    }

    #[test]
    fn humps_are_where_camel_case_starts_a_part() {
        assert_eq!(humps("StyleGAN"), ["gan"]);
        assert_eq!(humps("CycleGAN"), ["gan"]);
        assert_eq!(humps("HTTPServer"), ["server"]);
        assert_eq!(humps("NeRF"), ["rf"]);
        assert_eq!(humps("ResNet50"), ["net50"]);
        assert!(humps("GANs").is_empty(), "a plural s is no hump");
        assert!(humps("Organic").is_empty());
        assert!(humps("GAN").is_empty());
    }

    #[test]
    fn a_match_maps_back_to_the_source_characters() {
        let text = "Le Fréchet";
        let w = &words(text)[1];
        assert_eq!(&text[source_range(w, 0..4)], "Fréc");
        assert_eq!(&text[source_range(w, 0..w.folded.len())], "Fréchet");
        let text = "e\u{301}cole";
        let w = &words(text)[0];
        assert_eq!(
            &text[source_range(w, 0..1)],
            "e\u{301}",
            "the accent goes with it"
        );
    }
    /// The folding as first written, with every character of the word in a list: the window
    /// `fold_word` slides must find the same humps and origins.
    fn fold_word_listed(word: &str) -> (String, Vec<usize>, Vec<usize>) {
        let (mut out, mut humps, mut origin) = (String::new(), Vec::new(), Vec::new());
        let chars: Vec<(usize, char)> = word.char_indices().filter(|(_, c)| !is_mark(*c)).collect();
        let lower = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_lowercase());
        for (k, &(i, c)) in chars.iter().enumerate() {
            if k > 0 && c.is_uppercase() && !out.is_empty() {
                let p = chars[k - 1].1;
                if p.is_lowercase() || (p.is_uppercase() && lower(k + 1) && lower(k + 2)) {
                    humps.push(out.len());
                }
            }
            let before = out.len();
            fold_char(c, &mut out);
            origin.extend(std::iter::repeat_n(i, out.len() - before));
        }
        (out, humps, origin)
    }

    #[test]
    fn the_sliding_window_folds_as_the_listed_characters_did() {
        // Capitals, small letters, marks, letters that fold to two (ß, İ), digits.
        let alphabet: Vec<char> = "aAbBzZéÉßİ\u{301}\u{308}0_-x".chars().collect();
        let mut next = crate::test_rng::xorshift(0x5eed_f01d);
        for _ in 0..20_000 {
            let len = (next() % 9) as usize;
            let word: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let (mut out, mut humps, mut origin) = (String::new(), Vec::new(), Vec::new());
            fold_word(&word, &mut out, &mut humps, Some((&mut origin, 0)));
            assert_eq!((out, humps, origin), fold_word_listed(&word), "{word:?}");
        }
    }
}
