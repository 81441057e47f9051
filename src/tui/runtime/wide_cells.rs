//! Wide characters a terminal may not know. ratatui gives an emoji two columns and writes only
//! its first cell, taking the second as covered; a terminal whose width table is older than
//! the emoji (tmux 3.3 on glibc 2.36 with 🫨, 🪿 or 🛜 of Unicode 15) draws it in one column or
//! not at all, and the second cell, never written, keeps what the last frame had there (half a
//! word of the paper shown before). So before such a character both its cells are written
//! blank: a terminal that knows it draws it over them, one that does not leaves them blank, as
//! a full repaint would. The ideographs, kana, Hangul and fullwidth forms that every
//! terminal has drawn two columns wide for decades are written as they are.

use ratatui::backend::Backend;
use ratatui::buffer::Cell;

/// Draws `content` (ratatui's updates) on `backend`, with the cells of every wide character a
/// terminal may not know written blank first.
pub fn draw<'a, B: Backend>(
    backend: &mut B,
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> Result<(), B::Error> {
    let content: Vec<(u16, u16, &Cell)> = content.collect();
    // A blank in each such character's style, made before any is borrowed.
    let blanks: Vec<Cell> = content
        .iter()
        .filter(|(_, _, c)| may_be_unknown(c.symbol()))
        .map(|(_, _, c)| {
            let mut blank = (*c).clone();
            blank.set_symbol(" ");
            blank
        })
        .collect();
    if blanks.is_empty() {
        return backend.draw(content.into_iter());
    }
    let mut blank = blanks.iter();
    let mut out = Vec::with_capacity(content.len() + 2 * blanks.len());
    for (x, y, cell) in content {
        if may_be_unknown(cell.symbol())
            && let Some(b) = blank.next()
        {
            out.push((x, y, b));
            out.push((x.saturating_add(1), y, b));
        }
        out.push((x, y, cell));
    }
    backend.draw(out.into_iter())
}

/// Whether `symbol` (a settled cell: one character that takes columns, and marks) is two
/// columns wide to ratatui and not among the characters every terminal draws two wide.
fn may_be_unknown(symbol: &str) -> bool {
    let Some(c) = symbol.chars().next() else {
        return false;
    };
    !c.is_ascii() && crate::display::cells::char_width(c) == 2 && !long_wide(c)
}

/// The East Asian wide characters of Unicode 3.2 and before, in every terminal's table.
fn long_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// A line of `text` in a buffer 20 columns wide.
    fn line(text: &str) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, 20, 1));
        b.set_string(0, 0, text, Style::default());
        b
    }

    /// What a terminal shows after `frames` drawn one over the other as ratatui draws them
    /// (only the cells that changed), `blanking` or not, when it draws 🫨 as `as_drawn`.
    fn shown(frames: &[Buffer], blanking: bool, as_drawn: &str) -> String {
        let mut bytes = Vec::new();
        let mut last = Buffer::empty(frames[0].area);
        for f in frames {
            let mut backend = CrosstermBackend::new(&mut bytes);
            let updates = last.diff(f);
            if blanking {
                draw(&mut backend, updates.into_iter()).unwrap();
            } else {
                backend.draw(updates.into_iter()).unwrap();
            }
            Backend::flush(&mut backend).unwrap();
            last = f.clone();
        }
        let bytes = String::from_utf8(bytes).unwrap().replace('🫨', as_drawn);
        let mut screen = vt100::Parser::new(1, 20, 0);
        screen.process(bytes.as_bytes());
        screen.screen().contents().trim_end().to_string()
    }

    #[test]
    fn an_emoji_the_terminal_does_not_know_leaves_no_cell_of_the_last_frame() {
        let before = line("abcdefghij");
        let after = line("ab🫨 ef");
        // Drawn whole on a blank screen, as a terminal that does not know 🫨 shows it, or
        // draws it one column wide.
        for as_drawn in ["", "x"] {
            let fresh = shown(std::slice::from_ref(&after), true, as_drawn);
            assert_eq!(
                shown(&[before.clone(), after.clone()], true, as_drawn),
                fresh,
                "{as_drawn:?}"
            );
            // Without the blanks the `d` stays behind (and the `c` under an emoji not drawn).
            let stale = if as_drawn.is_empty() {
                "abcd ef"
            } else {
                "abxd ef"
            };
            assert_eq!(
                shown(&[before.clone(), after.clone()], false, as_drawn),
                stale
            );
        }
        // A terminal that knows it shows it as ratatui measured it.
        assert_eq!(shown(&[before, after], true, "🫨"), "ab🫨 ef");
    }

    #[test]
    fn only_wide_characters_outside_the_old_tables_are_blanked_first() {
        assert!(may_be_unknown("🫨") && may_be_unknown("🚀") && may_be_unknown("⌚"));
        for s in ["a", "日", "한", "ア", "Ａ", "é", "e\u{301}", "→", " "] {
            assert!(!may_be_unknown(s), "{s:?}");
        }
    }
}
