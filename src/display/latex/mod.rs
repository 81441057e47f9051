//! Makes the LaTeX in titles and abstracts readable in a terminal.
//!
//! Outside math ([`text`]): escapes (`\%`, `\&`), accents (`Fr\'echet` is Fréchet), special
//! letters (`\i`, `\ss`), text styles (`\emph{…}` is its content) and ties (`Android~Apps`).
//! A command it does not know is left as written there, and the rest still converted.
//!
//! Inside `$…$` and `$$…$$` ([`math`]): Greek letters and operators, sub/superscripts,
//! `\frac`, `\sqrt`, fonts (`\mathbb{R}` is ℝ, `\mathcal{O}` is 𝒪, `\mathrm{…}` its content),
//! accents (`\hat{x}` is x̂), function names. A span is converted whole or not at all: if
//! anything in it has no faithful plain-text form, it is shown as written, which is more
//! readable than a wrong or half-made guess.
//!
//! The work is linear: groups nest at most [`text::MAX_DEPTH`] deep, and a group that fails is
//! read again only by the levels around it.

mod accent;
mod chars;
mod math;
mod piece;
mod symbols;
mod text;

use std::borrow::Cow;
use std::ops::Range;

/// Converts the LaTeX in `s` for display. Borrows `s` when nothing changes, the common case:
/// this runs for every row of every frame.
pub fn prettify(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| matches!(b, b'\\' | b'$' | b'~')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut text = text::Text::new(s);
    let mut from = 0;
    for span in Spans::new(s) {
        text.lenient(from, span.whole.start, &mut out);
        match math::convert(&s[span.inside]) {
            // Math-mode spacing is the typesetter's; runs of spaces are noise here.
            Some(u) => out.push_str(&crate::archive::text::collapse_ws(&u)),
            None => out.push_str(&s[span.whole.clone()]),
        }
        from = span.whole.end;
    }
    text.lenient(from, s.len(), &mut out);
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// A math span: all of it with its dollars, and what is between them.
struct Span {
    whole: Range<usize>,
    inside: Range<usize>,
}

/// The math spans of a string, in order. A `$` escaped as `\$` neither opens nor closes one. A
/// single `$` closes only if no digit follows it, so `$5 and $6` stays money. A `$` that finds
/// no closing `$` is text, and so is every later one then: that search read to the end, and any
/// later search would read the same bytes again (quadratic on a line of `$a `).
struct Spans<'a> {
    b: &'a [u8],
    i: usize,
    /// Set once a search for a closing `$` (index 0) or `$$` (index 1) has failed.
    no_close: [bool; 2],
}

impl<'a> Spans<'a> {
    fn new(s: &'a str) -> Self {
        Spans {
            b: s.as_bytes(),
            i: 0,
            no_close: [false; 2],
        }
    }

    /// The first `$` (or `$$`, with `double`) at or after `from` that closes a span.
    fn close(&self, mut from: usize, double: bool) -> Option<usize> {
        let b = self.b;
        while from < b.len() {
            match b[from] {
                b'\\' => from += 2,
                b'$' if double && b.get(from + 1) == Some(&b'$') => return Some(from),
                b'$' if !double && !b.get(from + 1).is_some_and(u8::is_ascii_digit) => {
                    return Some(from);
                }
                _ => from += 1,
            }
        }
        None
    }
}

impl Iterator for Spans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let b = self.b;
        while self.i < b.len() {
            let open = self.i;
            match b[open] {
                b'\\' => self.i += 2,
                b'$' => {
                    let double = b.get(open + 1) == Some(&b'$');
                    let delim = 1 + usize::from(double);
                    self.i = open + delim;
                    if self.no_close[usize::from(double)] {
                        continue;
                    }
                    let Some(close) = self.close(open + delim, double) else {
                        self.no_close[usize::from(double)] = true;
                        continue;
                    };
                    let inside = open + delim..close;
                    // `$$` alone, or `$ $`: nothing to convert, and likely not math.
                    self.i = close + delim;
                    if b[inside.clone()].iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Span {
                        whole: open..close + delim,
                        inside,
                    });
                }
                _ => self.i += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;
