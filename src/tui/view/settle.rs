//! The last step of every frame: its cells made to hold only text a terminal draws as ratatui
//! measured it (see `display::cells`), whatever widget put it there.

use ratatui::buffer::Buffer;
use unicode_segmentation::UnicodeSegmentation;

use crate::display::cells::{char_width, clean, cluster_width, fills_one_cell, parts};

/// Rewrites every cell of a drawn frame so that a terminal draws it as ratatui measured it:
/// its text [`clean`]ed (text which reached the buffer without passing through it, a name
/// drawn as it is or a widget's own text, is drawn as measured too), and a cluster that a
/// terminal spreads over several cells (a Devanagari conjunct, a vowel sign, a flag's letters)
/// put into those cells a part each, so that ratatui compares, and rewrites, each of them. A
/// cluster never grows: its parts take the cells it covered, as far as they go.
pub fn settle(buf: &mut Buffer) {
    let area = buf.area;
    let width = area.width as usize;
    for y in area.top()..area.bottom() {
        let row = (y - area.top()) as usize * width;
        let mut x = area.left();
        while x < area.right() {
            // Most cells hold one byte: printable ASCII (ratatui keeps controls out).
            let symbol = buf.content[row + (x - area.left()) as usize].symbol();
            if symbol.len() == 1 {
                x += 1;
                continue;
            }
            // Then a character alone (a box's border, a letter, an ideograph).
            let mut chars = symbol.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                let w = char_width(c);
                if w > 0 {
                    x = x.saturating_add(w as u16);
                    continue;
                }
            }
            let covers = cluster_width(symbol).max(1) as u16;
            if fills_one_cell(symbol) {
                x = x.saturating_add(covers);
                continue;
            }
            let cleaned = clean(symbol).into_owned();
            let style = buf[(x, y)].style();
            let end = x.saturating_add(covers).min(area.right());
            let mut at = x;
            for part in cleaned.graphemes(true).flat_map(parts) {
                let part = if fills_one_cell(part) { part } else { "?" };
                let w = cluster_width(part) as u16;
                if at.saturating_add(w) > end {
                    break;
                }
                buf[(at, y)].set_symbol(part).set_style(style);
                at += w;
            }
            // What the cluster covered and its cleaned form does not: blank, as ratatui left
            // a wide cluster's trailing cells.
            for rest in at..end {
                buf[(rest, y)].set_symbol(" ");
            }
            x = end.max(x + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};

    fn cells(buf: &Buffer) -> Vec<&str> {
        (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect()
    }

    #[test]
    fn cells_hold_only_agreeing_clusters() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let red = Style::default().fg(Color::Red);
        buf.set_string(0, 0, "a👨\u{200d}👩🇫🇷❤\u{fe0f}b", red);
        settle(&mut buf);
        // The family keeps its man in its two cells, the flag its letters (in its style), the
        // heart one cell and a blank.
        assert_eq!(
            cells(&buf),
            ["a", "👨", " ", "F", "R", "❤", " ", "b", " ", " ", " ", " "]
        );
        assert_eq!(buf[(4, 0)].fg, Color::Red);
    }

    #[test]
    fn a_conjunct_takes_a_cell_for_each_letter() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "क\u{94d}षा", Style::default());
        settle(&mut buf);
        assert_eq!(cells(&buf), ["क\u{94d}", "ष", "ा", " ", " ", " "]);
    }

    #[test]
    fn clean_cells_are_left_alone() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "日本 e\u{301}x", Style::default());
        let before = buf.clone();
        settle(&mut buf);
        assert_eq!(buf, before);
    }
}
