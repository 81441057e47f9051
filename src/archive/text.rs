//! Text clean-up shared by every part of the loader.

use std::borrow::Cow;

/// True for characters that must never reach a terminal: C0 controls other than newline, DEL, C1
/// controls, and the bidi embedding/override/isolate controls that can make text read differently
/// from how it is stored.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

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
    if !s.chars().any(|c| (tabs && c == '\t') || is_forbidden(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\t' if tabs => Some(' '),
                c if is_forbidden(c) => c.is_whitespace().then_some(' '),
                c => Some(c),
            })
            .collect(),
    )
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
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Normalises line endings to `\n` (CRLF and lone CR both occur in files edited on other systems).
pub fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if !s.contains('\r') {
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
    fn line_index_counts_from_one() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 1);
        assert_eq!(idx.line_of(3), 2);
        assert_eq!(idx.line_of(6), 3);
        assert_eq!(idx.line_of(7), 4);
    }
}
