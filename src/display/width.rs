//! Width-aware truncation and wrapping (CJK and emoji take two columns, combining marks none).
//!
//! Everything here measures text as [`cells::clean`] makes it, and what comes out is cleaned:
//! the width of a string is the columns a terminal gives it once drawn, and a line said to fit
//! in `max` columns fits there on the screen too.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::cells::{self, char_width};

/// Columns `s` takes on the screen (controls, newlines among them, take none).
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    cells_of(&cells::clean(s))
}

/// Columns of text that is clean already.
fn cells_of(clean: &str) -> usize {
    if clean.is_ascii() {
        return clean.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    clean.chars().map(char_width).sum()
}

/// Clean `s` cut into its grapheme clusters, each with its width.
fn clusters(clean: &str) -> impl Iterator<Item = (&str, usize)> {
    clean.graphemes(true).map(|g| (g, cells_of(g)))
}

/// Clean `s` cut where a line may break inside a word: between grapheme clusters, found cheaply
/// where they can only be single characters. Grapheme segmentation is slow (some 25 MB/s),
/// and a word can be a whole paragraph: Chinese and Japanese put no spaces between words.
fn pieces(clean: &str) -> Box<dyn Iterator<Item = (&str, usize)> + '_> {
    if clean.chars().any(may_join) {
        Box::new(clusters(clean))
    } else {
        Box::new(clean.char_indices().map(|(i, c)| {
            let piece = &clean[i..i + c.len_utf8()];
            (piece, char_width(c))
        }))
    }
}

/// Whether `c` may make one cluster with the character before or after it: what takes no
/// column (marks, viramas), the Hangul jamo, and the scripts of South and South-East Asia,
/// whose vowel signs take a column of their own and join the letter before.
fn may_join(c: char) -> bool {
    char_width(c) == 0
        || matches!(c, '\u{0900}'..='\u{109f}' | '\u{1100}'..='\u{11ff}' | '\u{1700}'..='\u{1cff}'
            | '\u{a800}'..='\u{abff}' | '\u{d7b0}'..='\u{d7ff}' | '\u{11000}'..='\u{11fff}'
            | '\u{16d40}'..='\u{16d7f}')
}

/// The longest prefix of `s` of at most `bytes` bytes that ends between characters.
fn prefix(s: &str, bytes: usize) -> &str {
    if bytes >= s.len() {
        return s;
    }
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Cuts `s` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    // Only as much as can show is cleaned and measured first: a title may be 64 KB, and every
    // row of a list truncates one each frame. Cleaning looks at the character before only, so
    // a cleaned prefix is a prefix of the cleaned whole.
    let head = prefix(s, max.saturating_mul(8).saturating_add(64));
    if head.len() < s.len() {
        let head = cells::clean(head);
        if cells_of(&head) > max {
            return cut(&head, max);
        }
    }
    let s = cells::clean(s);
    if cells_of(&s) <= max {
        return s.into_owned();
    }
    cut(&s, max)
}

/// The clusters of clean `s` that fit in `max - 1` columns, and `…`.
fn cut(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (piece, w) in pieces(s) {
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push_str(piece);
    }
    out.push('…');
    out
}

/// Pads `s` with spaces to exactly `w` columns (truncating first if needed).
pub fn pad(s: &str, w: usize) -> String {
    let mut t = truncate(s, w);
    let used = cells_of(&t);
    t.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    t
}

/// Wraps text to lines of at most `max` columns. Breaks at spaces where it can and inside a word
/// only when the word alone is wider than a line. Newlines in the input are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Lines::default();
    lines.push_wrapped(text, max);
    (0..lines.len()).map(|i| lines.get(i).to_string()).collect()
}

/// Wrapped lines kept in one string, each a range of it: a paper's text wrapped this way costs
/// its own size and a number a line, where a string a line cost an allocation each (a 15 MB
/// abstract took 200 MB).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lines {
    text: String,
    /// Where each line ends in `text`; line `i` starts where line `i - 1` ends.
    ends: Vec<usize>,
}

impl Lines {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Line `i`; empty past the end.
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.text[start..end]
    }

    /// Adds `line` as it is (cleaned), however wide.
    pub fn push(&mut self, line: &str) {
        self.text.push_str(&cells::clean(line));
        self.ends.push(self.text.len());
    }

    /// Adds `text` wrapped to lines of at most `max` columns, as [`wrap`] does, and returns how
    /// many lines that made.
    pub fn push_wrapped(&mut self, text: &str, max: usize) -> usize {
        let before = self.len();
        let max = max.max(1);
        let text: Cow<str> = cells::clean(text);
        // Clean ASCII has no controls but newlines: a word is as wide as it is long.
        let ascii = text.is_ascii();
        self.text.reserve(text.len());
        for para in text.split('\n') {
            self.push_paragraph(para, max, ascii);
        }
        self.len() - before
    }

    fn push_paragraph(&mut self, para: &str, max: usize, ascii: bool) {
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let ww = if ascii { word.len() } else { cells_of(word) };
            if line_w > 0 && line_w + 1 + ww <= max {
                self.text.push(' ');
                self.text.push_str(word);
                line_w += 1 + ww;
                continue;
            }
            if line_w > 0 {
                self.end_line();
                line_w = 0;
            }
            if ww <= max {
                self.text.push_str(word);
                line_w = ww;
                continue;
            }
            // A word wider than the line: break it between clusters, and inside one only
            // when it alone is wider (vowel signs take a column each: a letter can carry
            // any number), between the characters that take columns.
            for (piece, cw) in pieces(word) {
                let parts: Box<dyn Iterator<Item = (&str, usize)>> = if cw > max {
                    Box::new(cells::parts(piece).map(|p| (p, cells_of(p))))
                } else {
                    Box::new(std::iter::once((piece, cw)))
                };
                for (part, pw) in parts {
                    if line_w + pw > max && line_w > 0 {
                        self.end_line();
                        line_w = 0;
                    }
                    self.text.push_str(part);
                    line_w += pw;
                }
            }
        }
        self.end_line();
    }

    fn end_line(&mut self) {
        self.ends.push(self.text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        // As drawn: a zero-width space takes nothing, a family of three emoji six columns.
        assert_eq!(width("a\u{200b}b"), 2);
        assert_eq!(width("👨\u{200d}👩\u{200d}👧"), 6);
    }

    #[test]
    fn truncation_respects_wide_chars() {
        assert_eq!(truncate("hello world", 5), "hell…");
        assert_eq!(truncate("日本語のテキスト", 5), "日本…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(pad("日本語", 5), "日本…");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn wrapping_never_exceeds_the_width() {
        let text = "A long line with words and 日本語の長いテキストです and averyveryverylongunbrokenword 🚀🚀🚀🚀";
        for w in 1..30 {
            for l in wrap(text, w) {
                assert!(width(&l) <= w.max(2), "{l:?} wider than {w}");
            }
        }
        assert_eq!(wrap("a b c", 3), ["a b", "c"]);
        assert_eq!(wrap("one\n\ntwo", 10), ["one", "", "two"]);
        assert_eq!(wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(wrap("  lead  and  trail  ", 20), ["lead and trail"]);
    }

    #[test]
    fn lines_hold_what_wrap_gives() {
        let mut lines = Lines::default();
        assert_eq!(lines.push_wrapped("one two three\nfour", 7), 3);
        lines.push("a whole line, however wide");
        assert_eq!(lines.push_wrapped("", 7), 1);
        let got: Vec<&str> = (0..lines.len()).map(|i| lines.get(i)).collect();
        assert_eq!(
            got,
            ["one two", "three", "four", "a whole line, however wide", ""]
        );
        assert_eq!(lines.get(99), "");
    }

    #[test]
    fn a_cluster_wider_than_the_line_is_split_where_it_takes_columns() {
        // An emoji carrying vowel signs is one cluster, four columns wide.
        let word = "🛑\u{93e}\u{93e}";
        assert_eq!(wrap(word, 2), ["🛑", "\u{93e}\u{93e}"]);
        assert_eq!(wrap(word, 4), [word]);
    }

    #[test]
    fn clusters_are_never_split() {
        // A Devanagari conjunct and an accented letter stay whole when a word is broken.
        let word = "क्षक्षक्ष e\u{301}e\u{301}e\u{301}";
        for w in 1..6 {
            for l in wrap(word, w) {
                assert!(
                    !l.starts_with('\u{94d}') && !l.starts_with('\u{301}'),
                    "{l:?}"
                );
            }
        }
    }

    #[test]
    fn variation_selectors_are_dropped_and_their_characters_stay() {
        // U+FE0F would make `5` and `❤` two columns to ratatui and one to a terminal.
        let word = "ab5\u{fe0f}cd\u{2764}\u{fe0f}e";
        assert_eq!(width(word), 7);
        for w in 2..12 {
            for l in wrap(word, w) {
                assert!(width(&l) <= w, "{l:?} wider than {w}");
                assert!(!l.contains('\u{fe0f}'), "{l:?}");
            }
            assert!(width(&truncate(word, w)) <= w);
        }
        assert_eq!(wrap(word, 3), ["ab5", "cd\u{2764}", "e"]);
        assert_eq!(truncate(word, 4), "ab5…");
    }
}
