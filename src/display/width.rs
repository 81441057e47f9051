//! Width-aware truncation and wrapping (CJK and emoji take two columns, combining marks none).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` cut before every character that takes columns, so each piece is one such character with
/// the zero-width ones after it (combining marks, variation selectors, joiners), with the
/// piece's width. Measured as a string, not char by char: U+FE0F makes the character before it
/// two columns wide (`❤️`, `5️⃣`), which counting each char alone missed, so wrapped and
/// truncated text could come out a column wider than asked (found by the `latex_wrap` fuzzer).
fn clusters(s: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| char_width(c) > 0)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some((piece, width(piece)))
    })
}

/// Cuts `s` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (piece, w) in clusters(s) {
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
    let used = width(&t);
    t.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    t
}

/// Wraps text to lines of at most `max` columns. Breaks at spaces where it can and inside a word
/// only when the word alone is wider than a line. Newlines in the input are kept.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let ww = width(word);
            if line_w > 0 && line_w + 1 + ww <= max {
                line.push(' ');
                line.push_str(word);
                line_w += 1 + ww;
                continue;
            }
            if line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if ww <= max {
                line.push_str(word);
                line_w = ww;
                continue;
            }
            // A word wider than the line: break it by columns, never splitting a wide char.
            for (piece, cw) in clusters(word) {
                if line_w + cw > max && line_w > 0 {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push_str(piece);
                line_w += cw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
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
    }

    #[test]
    fn variation_selectors_widen_the_character_before_them() {
        // U+FE0F makes `5` and `❤` two columns wide; the selector stays with its character.
        let word = "ab5\u{fe0f}cd\u{2764}\u{fe0f}e";
        assert_eq!(width(word), 9);
        for w in 2..12 {
            for l in wrap(word, w) {
                assert!(width(&l) <= w, "{l:?} wider than {w}");
                assert!(!l.starts_with('\u{fe0f}'), "{l:?}");
            }
            assert!(width(&truncate(word, w)) <= w);
        }
        assert_eq!(
            wrap(word, 3),
            ["ab", "5\u{fe0f}c", "d\u{2764}\u{fe0f}", "e"]
        );
        assert_eq!(truncate(word, 4), "ab…");
    }
}
