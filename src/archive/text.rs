//! Text clean-up shared by every part of the loader.

use std::borrow::Cow;

pub use super::text_scan::{count_newlines, is_forbidden};
use super::text_scan::{first_dirty, first_window, maybe_odd_space, needs_cleaning, odd_space};

/// Removes forbidden characters and turns tabs into spaces. Borrows when nothing changes, which is
/// the common case, so the cost on clean archives stays a scan.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// Removes forbidden characters but keeps tabs, for text that is still to be parsed (a tab
/// indents Markdown by up to four columns, a space by one). The forbidden characters that are
/// white space (vertical tab, form feed, NEL) become spaces, since they can be all that
/// separates two words.
pub fn strip_forbidden(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

fn clean(s: &str, tabs: bool) -> Cow<'_, str> {
    if !needs_cleaning(s.as_bytes(), tabs) {
        return Cow::Borrowed(s);
    }
    // What lies between the characters to drop is copied in one go: a post with one such
    // character is otherwise rebuilt a character at a time.
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(k) = first_dirty(&s.as_bytes()[i..], tabs) {
        let at = i + k;
        out.push_str(&s[i..at]);
        let c = s[at..].chars().next().expect("a character starts there");
        if c.is_whitespace() {
            out.push(' ');
        }
        i = at + c.len_utf8();
    }
    out.push_str(&s[i..]);
    Cow::Owned(out)
}

/// Sanitizes a string in place.
pub fn sanitize_in_place(s: &mut String) {
    if let Cow::Owned(clean) = sanitize(s) {
        *s = clean;
    }
}

/// Collapses every run of white space to one space and trims both ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s);
    out
}

/// `collapse_ws`, borrowing when `s` trimmed is already single-spaced: most names, dates and
/// titles are, and each is read to be kept once (a `Name`) or copied into a field anyway.
pub fn collapsed(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    if first_window(t.as_bytes(), maybe_odd_space, odd_space).is_none() {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(collapse_ws(t))
    }
}

/// Appends the words of `s` to `out`, one space between words (and before the first, if `out`
/// already holds text): `collapse_ws` of several pieces joined by spaces, without the joining.
///
/// Works on bytes and copies stretches of words that are already single-spaced in one go, since
/// abstracts and tweets are mostly that. White space is exactly `char::is_whitespace`: ASCII
/// `\t`..`\r` and space, or a character starting with 0xC2, 0xE1, 0xE2 or 0xE3 (NEL, NBSP,
/// U+1680, U+2000..U+205F, U+3000), which are then decoded and checked.
pub fn push_collapsed(out: &mut String, s: &str) {
    push_collapsed_after(out, s, " ");
}

/// `push_collapsed`, with `sep` instead of a space before the first word when `out` already
/// holds text (the words after it are still one space apart).
pub fn push_collapsed_after(out: &mut String, s: &str, sep: &str) {
    let t = s.trim();
    if t.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str(sep);
    }
    // Between the ends, most text is single-spaced: what lies between two places where it is
    // not is copied in one go.
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(k) = first_window(&b[i..], maybe_odd_space, odd_space) {
        let at = i + k;
        // A plain space just before white space of another kind is part of the run.
        let run = if at > i && b[at - 1] == b' ' {
            at - 1
        } else {
            at
        };
        out.push_str(&t[i..run]);
        out.push(' ');
        // `t` is trimmed, so a word follows the run.
        i = at;
        while let w @ 1.. = ws_len(t, i) {
            i += w;
        }
    }
    out.push_str(&t[i..]);
}

/// Length of the white-space character at byte `i` of `s`, or 0 if there is none there. `i`
/// may be inside a character: continuation bytes are never white space.
#[inline]
fn ws_len(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b'\t'..=b'\r' | b' ' => 1,
        0xc2 | 0xe1 | 0xe2 | 0xe3 => match s[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// Byte offset of the first `needle` in `hay`: `hay.find(needle)`, for the short needles of the
/// loader, which it looks for a few times in every paper; the standard searcher sets up a
/// two-way search each time.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    let mut from = 0;
    while from + n.len() <= h.len() {
        let i = from + memchr::memchr(first, &h[from..h.len() - rest.len()])?;
        if h[i + 1..].starts_with(rest) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Normalises line endings to `\n` (CRLF and lone CR both occur in files edited on other systems).
pub fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Decodes HTML character references (named, decimal and hexadecimal).
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    html_escape::decode_html_entities(s)
}

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Maps byte offsets to 1-based line numbers without indexing the whole text up front: offsets
/// asked for in increasing order (paper headings) only count the newlines in between; the first
/// offset asked for out of order builds a `LineIndex`, used from then on.
pub struct LineCounter<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    index: Option<LineIndex>,
}

impl<'a> LineCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            pos: 0,
            line: 1,
            index: None,
        }
    }

    pub fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if let Some(index) = &self.index {
            return index.line_of(offset);
        }
        if offset < self.pos {
            let index = LineIndex::new(self.text);
            let line = index.line_of(offset);
            self.index = Some(index);
            return line;
        }
        self.line += count_newlines(&self.text.as_bytes()[self.pos..offset]);
        self.pos = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_controls_and_bidi_but_keeps_newlines() {
        let dirty = "a\u{1b}[31mb\u{7}\tc\u{9b}d\u{202e}e\nf\u{2066}";
        assert_eq!(sanitize(dirty), "a[31mb cde\nf");
        assert!(matches!(sanitize("clean — 日本語 🙂"), Cow::Borrowed(_)));
        assert_eq!(sanitize("a\u{b}b\u{c}c\u{85}d"), "a b c d");
    }

    #[test]
    fn a_control_is_found_at_every_position_of_every_length() {
        for len in 1..140 {
            for at in 0..len {
                let mut s = "x".repeat(len);
                s.replace_range(at..=at, "\u{1b}");
                assert!(!sanitize(&s).contains('\u{1b}'), "at {at} of {len}");
            }
        }
    }

    #[test]
    fn cleaning_drops_exactly_what_a_filter_of_characters_drops() {
        let pieces = [
            "a",
            "é",
            "日本",
            " ",
            "\t",
            "\n",
            "\u{1b}",
            "\u{7}",
            "\u{b}",
            "\u{c}",
            "\u{7f}",
            "\u{85}",
            "\u{9b}",
            "\u{a0}",
            "\u{202a}",
            "\u{202e}",
            "\u{202f}",
            "\u{2066}",
            "\u{2069}",
            "\u{206a}",
            "—",
            "\u{2029}",
            "x".repeat(33).leak(),
        ];
        let by_chars = |s: &str, tabs: bool| -> String {
            s.chars()
                .filter_map(|c| match c {
                    '\t' if tabs => Some(' '),
                    c if is_forbidden(c) => c.is_whitespace().then_some(' '),
                    c => Some(c),
                })
                .collect()
        };
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let n = (next() % 40) as usize;
            let s: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            assert_eq!(sanitize(&s), by_chars(&s, true), "{s:?}");
            assert_eq!(strip_forbidden(&s), by_chars(&s, false), "{s:?}");
        }
    }

    #[test]
    fn strip_forbidden_keeps_tabs() {
        assert_eq!(strip_forbidden("\ta\u{1b}[1m\u{c}b\u{202e}"), "\ta[1m b");
        assert!(matches!(strip_forbidden("\tclean"), Cow::Borrowed(_)));
    }

    #[test]
    fn collapse_handles_mixed_whitespace() {
        assert_eq!(collapse_ws("  a \n\t b\u{a0}\u{3000}c  "), "a b c");
        assert_eq!(collapse_ws(""), "");
    }

    #[test]
    fn find_finds_what_str_find_finds() {
        for hay in [
            "",
            "a",
            "abc",
            "ababab",
            "links: abs | pdf",
            "cs.LG | cs.CV",
            "é—x",
        ] {
            for needle in [
                "", "a", "b", "ab", "bab", "abc", "c", "cs.CV", "pdf", "é", "—x", "x",
            ] {
                assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("O&#39;Hare &amp; &quot;x&quot; &mdash; &#x1F600;"),
            "O'Hare & \"x\" — 😀"
        );
    }

    #[test]
    fn line_counter_agrees_with_line_index() {
        let text = "ab\ncd\n\nef\n";
        let idx = LineIndex::new(text);
        let mut forward = LineCounter::new(text);
        for offset in 0..=text.len() {
            assert_eq!(forward.line_of(offset), idx.line_of(offset), "{offset}");
        }
        let mut any = LineCounter::new(text);
        for offset in [7, 3, 9, 0, 12, 2] {
            assert_eq!(any.line_of(offset), idx.line_of(offset), "{offset}");
        }
    }

    #[test]
    fn collapse_matches_split_whitespace() {
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            " ",
            "a",
            " a ",
            "a b",
            "a  b",
            "a \n b",
            "\u{a0}a\u{85}b\u{2003}c\u{3000}d\u{1680}e\u{205f}f\u{2028}g\u{2029}",
            "日本 語\u{3000}です — “quoted” é",
            "a\u{b}b\u{c}c\rd\u{1c}e",
            "x\u{200b}y",
        ] {
            assert_eq!(collapse_ws(s), reference(s), "{s:?}");
        }
        let mut out = String::from("a");
        push_collapsed(&mut out, "  b  c ");
        push_collapsed(&mut out, "   ");
        push_collapsed(&mut out, "d");
        assert_eq!(out, "a b c d");
    }

    #[test]
    fn collapse_matches_split_whitespace_on_random_text() {
        let pieces = [
            "a",
            "bc",
            "é",
            "日本",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\u{b}",
            "\u{c}",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2000}",
            "\u{200a}",
            "\u{200b}",
            "\u{2028}",
            "\u{2029}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "—",
            "“",
            "x".repeat(31).leak(),
            ".",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let n = (next() % 40) as usize;
            let s: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let reference = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_ws(&s), reference, "{s:?}");
            let borrowed = collapsed(&s);
            assert_eq!(borrowed, reference, "{s:?}");
            // Borrowed exactly when the trimmed text is already the collapsed one.
            assert_eq!(
                matches!(borrowed, Cow::Borrowed(_)),
                s.trim() == reference,
                "{s:?}"
            );
            let mut out = String::from("x");
            push_collapsed_after(&mut out, &s, "\n");
            let expected = match reference.as_str() {
                "" => "x".to_string(),
                r => format!("x\n{r}"),
            };
            assert_eq!(out, expected, "{s:?}");
        }
    }

    #[test]
    fn line_index_counts_from_one() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 1);
        assert_eq!(idx.line_of(3), 2);
        assert_eq!(idx.line_of(6), 3);
        assert_eq!(idx.line_of(7), 4);
    }
}
