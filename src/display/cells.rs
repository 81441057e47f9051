//! Text in the form a terminal draws the way it is measured.
//!
//! ratatui lays text out by grapheme clusters and gives each the width `unicode-width` gives the
//! whole cluster; terminals (tmux, xterm, the `vt100` model the tests use) advance the cursor by
//! the width of each character. The two disagree on some clusters — an emoji ZWJ sequence (one
//! cluster of 2 columns, three emoji to a terminal: 6), an emoji with a skin-tone modifier, a
//! character with U+FE0F, a halfwidth sound mark — and where they disagree, ratatui's next
//! frame writes only the cells it believes changed, so cells of the last frame stay behind. And
//! characters that take no column (zero-width space, word joiner, BOM, joiners, tags) are drawn
//! by some terminals and dropped by others.
//!
//! [`clean`] rewrites text so that the two always agree: every cluster left is as wide, for
//! ratatui, as the sum of its characters, and is at least one column wide. Everything drawn goes
//! through it, as text ([`super::width`]'s wrapping, truncation and padding clean what they are
//! given) and as cells (the reader's view settles every finished frame with it).

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns a character takes in a terminal (`vt100` and wcwidth: controls none).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Columns ratatui gives a grapheme cluster (its `cell_width`: one for a single byte, else the
/// cluster's `unicode-width` plus one for each halfwidth sound mark).
pub fn cluster_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    g.width() + g.chars().filter(|&c| is_halfwidth_mark(c)).count()
}

/// Whether ratatui and a terminal give the cluster `g` the same width, and that is not zero.
pub fn agrees(g: &str) -> bool {
    let cells: usize = g.chars().map(char_width).sum();
    cells > 0 && cluster_width(g) == cells
}

/// The parts of a cluster a terminal puts in cells of their own: each character that takes a
/// column, with the zero-width characters after it. A Devanagari conjunct (क्ष) or a vowel
/// sign (का) is one cluster to ratatui, which puts it in one cell two columns wide and leaves
/// the second blank, but a terminal puts the second letter there: when the next frame has a
/// blank there too, ratatui writes nothing, and the letter stays. So a frame's cells hold one
/// part each (see `tui::view::settle`).
pub fn parts(g: &str) -> impl Iterator<Item = &str> {
    let mut rest = g;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| char_width(c) > 0)
            .map_or(rest.len(), |(i, _)| i);
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some(part)
    })
}

/// Whether a terminal draws `symbol` in one cell as wide as ratatui measures it: one
/// character that takes columns, first, then only zero-width ones.
pub fn fills_one_cell(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    chars.next().is_some_and(|c| char_width(c) > 0)
        && chars.all(|c| char_width(c) == 0)
        && (symbol.len() == 1 || agrees(symbol))
}

fn is_halfwidth_mark(c: char) -> bool {
    matches!(c, '\u{ff9e}' | '\u{ff9f}')
}

/// Characters never drawn: the Unicode default-ignorable code points (zero-width space and
/// joiners, word joiner, BOM, soft hyphen, variation selectors, Hangul fillers, tags...), the
/// other format characters (Cf: the Arabic number signs and the like, which some terminals
/// draw over the next character and others alone), the rest of Unicode's Prepend class (reph
/// signs of a few Indic scripts, which join the character after them: a cluster that reached
/// past a space would be cut where the text is wrapped, leaving the sign alone, of no width),
/// and the characters `unicode-width` gives no width but `unicode-segmentation` (of an older
/// Unicode) does not join to the character before, which would stand alone, of no width.
/// The bidi controls are removed when a post is loaded already; they are listed too so that
/// no other text brings them.
fn is_dropped(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFFB | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF
        | 0x0600..=0x0605 | 0x06DD | 0x070F | 0x0890..=0x0891 | 0x08E2 | 0x110BD | 0x110CD
        | 0x13430..=0x1343F
        | 0x0D4E | 0x111C2..=0x111C3 | 0x113D1 | 0x1193F | 0x11941 | 0x11A3A | 0x11A84..=0x11A89
        | 0x11D46 | 0x11F02
        | 0x05C8..=0x05C9 | 0x0B53..=0x0B54 | 0x1ADE..=0x1ADF | 0x1AEC..=0x1AF0 | 0xA8FA
        | 0x10ECB..=0x10ECF | 0x10EF0..=0x10EF9 | 0x11DF0 | 0x1D127..=0x1D128
        | 0x1D250..=0x1D252 | 0x1D25B..=0x1D25C | 0x1D25F | 0x1D280..=0x1D281)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}')
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1f3fb}'..='\u{1f3ff}')
}

/// What `c` is shown as: a regional indicator as its letter (a flag is a pair of them, one
/// cluster two columns wide to ratatui and two characters of one or two columns to
/// terminals), a halfwidth sound mark as its combining form (ratatui counts a column more for
/// it than terminals do), the line and paragraph separators as spaces.
fn shown_as(c: char) -> char {
    match c {
        c if is_regional_indicator(c) => char::from(b'A' + (c as u32 - 0x1f1e6) as u8),
        '\u{ff9e}' => '\u{3099}',
        '\u{ff9f}' => '\u{309a}',
        '\u{2028}' | '\u{2029}' => ' ',
        c => c,
    }
}

/// Whether `c` (as shown) is dropped after `prev` (the last character kept, if any).
fn drops(prev: Option<char>, c: char) -> bool {
    if c == '\n' {
        return false;
    }
    let after_char = prev.is_some_and(|p| !p.is_whitespace());
    c.is_control()
        || is_dropped(c)
        // A skin tone after an emoji is one cluster two columns wide to ratatui, two emoji to
        // terminals.
        || (is_emoji_modifier(c) && after_char)
        // A mark after a space or a line break would start a word with nothing to sit on once
        // the text is wrapped there; a Hangul vowel or final not after what it composes with
        // stands alone, of no width.
        || (char_width(c) == 0 && (!after_char || !hangul_joins(prev, c)))
        // A Kirat Rai vowel sign after another is a ligature one column wide to ratatui.
        || (kirat_rai_vowel(c) && prev.is_some_and(kirat_rai_vowel))
}

/// Whether Hangul jamo `c` composes with `prev` into one syllable (true for what is no vowel or
/// final jamo).
fn hangul_joins(prev: Option<char>, c: char) -> bool {
    let leading = |c| matches!(c, '\u{1100}'..='\u{115f}' | '\u{a960}'..='\u{a97c}');
    let vowel = |c| matches!(c, '\u{1160}'..='\u{11a7}' | '\u{d7b0}'..='\u{d7c6}');
    let trailing = |c| matches!(c, '\u{11a8}'..='\u{11ff}' | '\u{d7cb}'..='\u{d7fb}');
    let syllable = |c: char| matches!(c, '\u{ac00}'..='\u{d7a3}');
    let open = |c: char| syllable(c) && (c as u32 - 0xac00) % 28 == 0;
    let Some(p) = prev else {
        return !(vowel(c) || trailing(c));
    };
    if vowel(c) {
        leading(p) || vowel(p) || open(p)
    } else if trailing(c) {
        vowel(p) || trailing(p) || syllable(p)
    } else {
        true
    }
}

fn kirat_rai_vowel(c: char) -> bool {
    matches!(c, '\u{16d63}'..='\u{16d6a}')
}

/// Where `clean` first changes `s`: the byte it starts rewriting at, and the last character
/// kept before it.
fn first_change(s: &str) -> Option<(usize, Option<char>)> {
    let mut prev = None;
    for (i, c) in s.char_indices() {
        // Printable ASCII and newlines never change.
        if (c.is_ascii() && !c.is_ascii_control()) || c == '\n' {
            prev = Some(c);
            continue;
        }
        let shown = shown_as(c);
        if shown != c || drops(prev, shown) {
            return Some((i, prev));
        }
        prev = Some(c);
    }
    None
}

/// Whether `s` is drawn as it is measured already: `clean` would give it back unchanged.
pub fn is_clean(s: &str) -> bool {
    if s.is_ascii() {
        // Controls take no column and terminals act on them: never clean but newlines.
        return !s.as_bytes().chunks(64).any(|b| {
            b.iter()
                .fold(false, |a, &b| a | ((b < 0x20) & (b != b'\n')) | (b == 0x7f))
        });
    }
    first_change(s).is_none()
}

/// `s` rewritten so that what a terminal draws is what ratatui measures (see the module's
/// comment): characters never drawn are dropped (default ignorables, format characters,
/// controls other than newline), a skin-tone modifier after another character is dropped, a
/// regional indicator becomes its letter (a flag 🇫🇷 is shown `FR`), a halfwidth sound mark
/// becomes its combining form, the line and paragraph separators become spaces, and marks
/// with nothing to sit on (at the start, or after a space or a line break) are dropped. What
/// is left is clusters that are as wide to ratatui as the sum of their characters (checked on
/// every cluster of Unicode by the `pane_wrap` fuzzer). Newlines are kept.
///
/// One pass over the characters, looking at the one before only: it borrows when nothing
/// changes, which for most text is a scan, and costs no grapheme segmentation (which runs at
/// some 25 MB/s, too slow for the 15 MB a paper may hold).
pub fn clean(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let (start, mut prev) = first_change(s).unwrap_or((0, None));
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..start]);
    for c in s[start..].chars() {
        let c = shown_as(c);
        if !drops(prev, c) {
            out.push(c);
            prev = Some(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn all_agree(s: &str) -> bool {
        s.graphemes(true).all(|g| g == "\n" || agrees(g))
    }

    #[test]
    fn plain_text_is_borrowed() {
        for s in [
            "plain ascii",
            "日本語のテキスト",
            "Fréchet",
            "e\u{301}",
            "∑ α→β",
        ] {
            assert!(matches!(clean(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn zero_width_and_format_characters_are_dropped() {
        assert_eq!(clean("a\u{200b}b\u{2060}c\u{feff}d\u{200d}e"), "abcde");
        assert_eq!(clean("soft\u{ad}hyphen"), "softhyphen");
        assert_eq!(
            clean("tab\tand escape\u{1b}[1m\nkept"),
            "taband escape[1m\nkept"
        );
        assert_eq!(clean("\u{600}1\u{e0041}"), "1");
        assert_eq!(clean("x\u{111c2} \u{d4e}y"), "x y");
        assert_eq!(clean("❤\u{fe0f} 5\u{fe0f}\u{20e3}"), "❤ 5\u{20e3}");
    }

    #[test]
    fn emoji_sequences_become_what_terminals_count() {
        // A family is three emoji without its joiners; a skin tone leaves its hand alone.
        assert_eq!(clean("👨\u{200d}👩\u{200d}👧"), "👨👩👧");
        assert_eq!(clean("👍\u{1f3fd} ok"), "👍 ok");
        assert_eq!(clean("I ❤ 🇫🇷 and 🇯🇵"), "I ❤ FR and JP");
        assert_eq!(clean("ｶﾞｷﾞ"), "ｶ\u{3099}ｷ\u{3099}");
        assert_eq!(clean("ﾞx ﾟ"), "x ");
    }

    #[test]
    fn marks_with_nothing_to_sit_on_go() {
        assert_eq!(clean("\u{301}x"), "x");
        assert_eq!(clean("one\n\u{301}two"), "one\ntwo");
        // Nor on a space: wrapped there, the word after it would start with the mark.
        assert_eq!(clean("a \u{301}b"), "a b");
    }

    #[test]
    fn clusters_split_into_the_cells_a_terminal_fills() {
        let parts_of = |g| parts(g).collect::<Vec<_>>();
        assert_eq!(parts_of("क\u{94d}ष"), ["क\u{94d}", "ष"]);
        assert_eq!(parts_of("का"), ["क", "ा"]);
        assert_eq!(parts_of("e\u{301}"), ["e\u{301}"]);
        assert!(fills_one_cell("e\u{301}") && fills_one_cell("日") && fills_one_cell("a"));
        assert!(!fills_one_cell("क\u{94d}ष") && !fills_one_cell("\u{301}"));
    }

    #[test]
    fn devanagari_conjuncts_and_hangul_keep_their_width() {
        for s in ["क्षत्रिय नमस्ते", "\u{1100}\u{1161}\u{11a8} 각"] {
            let c = clean(s);
            assert_eq!(c, s);
            assert!(all_agree(&c), "{s:?}");
        }
    }

    #[test]
    fn every_cluster_left_agrees() {
        let hostile = "x\u{200b}👨\u{200d}👩\u{200d}👧\u{200d}👦 👍🏽👋🏿 🇫🇷🇩 \u{1f1e6} ⚠\u{fe0f} \
                       ｶﾞ \u{111c2}a \u{d7b0}\u{d7b0} \u{e0067}\u{e007f} \u{2028}z";
        let c = clean(hostile);
        assert!(all_agree(&c), "{c:?}");
        assert!(c.starts_with('x') && c.ends_with('z'), "{c:?}");
    }
}
