//! Text-mode LaTeX, outside `$…$` and inside `\text{…}`: escapes (`\%`), accents (`Fr\'echet`,
//! `{\"o}`, `\c{c}`), special letters (`\i`, `\ss`), text styles (`\emph{…}` shows its content),
//! and ties (`Android~Apps`).
//!
//! Outside math the text is *lenient*: a command this module does not know, or one whose
//! argument it cannot show (`\'{ab}`), is left as written and the rest still converted. Inside
//! math it is *strict*: any such command fails the whole `$…$`, which is then shown as written.

use super::accent::{Mark, is_combining};

/// Groups nested deeper than this (`\emph{\emph{…}}`, `x^{y^{…}}`) are left as written. The
/// bound keeps the recursion off the stack's limit and the work linear: a group that fails is
/// read again by the level above it (as written, or as a plain group), and only as many levels
/// as this bound can hold a given character. Real titles nest two or three deep.
pub(super) const MAX_DEPTH: usize = 8;

/// How a command came out.
enum Outcome {
    /// Converted; reading goes on at this index.
    Done(usize),
    /// Unknown, or an argument with no plain-text form: show the source up to this index.
    Raw(usize),
    /// An argument group that never closes or nests too deep.
    Broken,
}

/// A text converter over one string: `s` is the whole title or abstract (or one math span),
/// so a `~` can look at its neighbours and the token around it.
pub(super) struct Text<'a> {
    s: &'a str,
    strict: bool,
    /// The last token (a run between ASCII white space) checked for looking like a URL: its
    /// range and the answer. Every `~` of a long token asks about the same token, and this
    /// keeps that one scan instead of one per `~`.
    token: (usize, usize, bool),
}

impl<'a> Text<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Text {
            s,
            strict: false,
            token: (0, 0, false),
        }
    }

    /// Appends `s[start..end]`, converted leniently.
    pub(super) fn lenient(&mut self, start: usize, end: usize, out: &mut String) {
        // At the top level nothing can fail: a broken command is written as it is.
        let done = self.run(start, end, 0, false, out);
        debug_assert!(done.is_some());
    }

    /// Converts from `i` to `end`, or (`in_group`) to the `}` that closes the group `i` is in;
    /// returns the index after it, or `None` if the group breaks (or, strict, anything fails).
    fn run(
        &mut self,
        mut i: usize,
        end: usize,
        depth: usize,
        in_group: bool,
        out: &mut String,
    ) -> Option<usize> {
        if depth > MAX_DEPTH {
            return None;
        }
        let b = self.s.as_bytes();
        // Just after a command left as written: its `{…}` arguments are kept as written too
        // (`\cite{x}`), not unwrapped as plain groups would be.
        let mut after_raw = false;
        loop {
            let special = |c: &u8| matches!(c, b'\\' | b'{' | b'}' | b'~' | b'$');
            let plain = b[i..end].iter().position(special).map_or(end, |k| i + k);
            after_raw &= plain == i;
            out.push_str(&self.s[i..plain]);
            i = plain;
            if i == end {
                return (!in_group).then_some(i);
            }
            let raw = std::mem::take(&mut after_raw);
            i = match b[i] {
                b'}' if in_group => return Some(i + 1),
                b'{' if raw && !in_group => {
                    out.push('{');
                    i + 1
                }
                b'{' if raw => {
                    out.push('{');
                    let next = self.run(i + 1, end, depth + 1, true, out)?;
                    out.push('}');
                    after_raw = true;
                    next
                }
                b'{' if in_group => self.run(i + 1, end, depth + 1, true, out)?,
                b'{' => self.brace(i, end, depth, out),
                b'~' => {
                    out.push(if self.strict || self.tie(i) { ' ' } else { '~' });
                    i + 1
                }
                b'$' if self.strict => return None,
                b'\\' => {
                    let (next, raw) = self.command(i, end, depth, in_group, out)?;
                    after_raw = raw;
                    next
                }
                c => {
                    out.push(char::from(c));
                    i + 1
                }
            };
        }
    }

    /// A `{` outside any group: BibTeX's `{\'e}` is one letter, anything else stays a brace
    /// (outside math a brace is as likely to be meant as written).
    fn brace(&mut self, i: usize, end: usize, depth: usize, out: &mut String) -> usize {
        let mut letter = String::new();
        if let Outcome::Done(next) = self.known(i + 1, end, depth + 1, true, &mut letter) {
            if next < end && self.s.as_bytes()[next] == b'}' {
                out.push_str(&letter);
                return next + 1;
            }
        }
        out.push('{');
        i + 1
    }

    /// The command at `i`: the index after it, and whether it was left as written.
    fn command(
        &mut self,
        i: usize,
        end: usize,
        depth: usize,
        in_group: bool,
        out: &mut String,
    ) -> Option<(usize, bool)> {
        let mut converted = String::new();
        let raw_to = match self.known(i, end, depth, false, &mut converted) {
            Outcome::Done(next) => {
                out.push_str(&converted);
                return Some((next, false));
            }
            _ if self.strict => return None,
            Outcome::Raw(next) => next,
            Outcome::Broken if in_group => return None,
            // Outside any group: the name as written, and its broken argument is read again as
            // plain text.
            Outcome::Broken => name_end(self.s, i + 1, end),
        };
        out.push_str(&self.s[i..raw_to]);
        Some((raw_to, true))
    }

    /// Converts the command at `i` (its backslash) into `out`. With `letters_only`, only
    /// commands that make one letter (`\'e`, `\ss`) are tried.
    fn known(
        &mut self,
        i: usize,
        end: usize,
        depth: usize,
        letters_only: bool,
        out: &mut String,
    ) -> Outcome {
        let (s, b) = (self.s, self.s.as_bytes());
        if i >= end || b[i] != b'\\' || i + 1 >= end {
            return Outcome::Raw((i + 1).min(end));
        }
        let after = name_end(s, i + 1, end);
        let name = &s[i + 1..after];
        let word = name.as_bytes()[0].is_ascii_alphabetic();
        if let Some(letter) = special_letter(name) {
            out.push_str(letter);
            // TeX drops the spaces after a control word (`Stra\ss e`) and `{}` ends one.
            let mut next = after;
            while next < end && b[next] == b' ' {
                next += 1;
            }
            return Outcome::Done(skip_empty_group(b, next, end));
        }
        if let Some(mark) = Mark::of_command(name).filter(|_| is_text_accent(name)) {
            return self.accent(mark, name, after, end, depth, out);
        }
        if letters_only {
            return Outcome::Raw(after);
        }
        if let Some(symbol) = text_symbol(name) {
            out.push_str(symbol);
            return Outcome::Done(if word {
                skip_empty_group(b, after, end)
            } else {
                after
            });
        }
        if !is_text_style(name) {
            return Outcome::Raw(after);
        }
        let mut open = after;
        while open < end && b[open] == b' ' {
            open += 1;
        }
        if open >= end || b[open] != b'{' {
            return Outcome::Raw(after);
        }
        match self.run(open + 1, end, depth + 1, true, out) {
            Some(next) => Outcome::Done(next),
            None => Outcome::Broken,
        }
    }

    /// The accent `name` (ending at `after`) on its argument: `\'e`, `\'{e}`, `\'\i`, `\c c`.
    fn accent(
        &mut self,
        mark: Mark,
        name: &str,
        after: usize,
        end: usize,
        depth: usize,
        out: &mut String,
    ) -> Outcome {
        let (s, b) = (self.s, self.s.as_bytes());
        let mut j = after;
        if name.as_bytes()[0].is_ascii_alphabetic() {
            while j < end && b[j] == b' ' {
                j += 1;
            }
        }
        let Some(first) = s[j..end].chars().next() else {
            return Outcome::Raw(after);
        };
        let mut base = String::new();
        let next = match first {
            '{' => match self.run(j + 1, end, depth + 1, true, &mut base) {
                Some(next) => next,
                None => return Outcome::Broken,
            },
            '\\' => match self.known(j, end, depth + 1, true, &mut base) {
                Outcome::Done(next) => next,
                _ => return Outcome::Raw(after),
            },
            c if c.is_alphabetic() => {
                base.push(c);
                j + c.len_utf8()
            }
            _ => return Outcome::Raw(after),
        };
        // `\~{}` and `\^{}` are how LaTeX writes a tilde and a caret.
        match (name, base.is_empty()) {
            ("~", true) => out.push('~'),
            ("^", true) => out.push('^'),
            _ => match mark.apply(&base) {
                Some(accented) => out.push_str(&accented),
                None => return Outcome::Raw(next),
            },
        }
        Outcome::Done(next)
    }

    /// True if the `~` at `i` is a tie: a word (or `Fig.`, `$x$`) on each side, and not in a
    /// token that looks like a URL or a path, where `~` is a home folder.
    fn tie(&mut self, i: usize) -> bool {
        let s = self.s;
        let before = s[..i].chars().next_back();
        let after = s[i + 1..].chars().next();
        let left =
            before.is_some_and(|c| c.is_alphanumeric() || is_combining(c) || ".,)]$".contains(c));
        let right = after.is_some_and(|c| c.is_alphanumeric() || "([\\$".contains(c));
        left && right && !self.in_url(i)
    }

    fn in_url(&mut self, i: usize) -> bool {
        let (start, end, url) = self.token;
        if start <= i && i < end {
            return url;
        }
        let b = self.s.as_bytes();
        let start = b[..i]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |k| k + 1);
        let end = b[i..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(b.len(), |k| i + k);
        let token = &self.s[start..end];
        let url = token.contains("://") || token.contains("www.") || token.contains('/');
        self.token = (start, end, url);
        url
    }
}

/// Converts the `{…}` group opening at `i` of `s` in strict text mode (`\text{…}` in math):
/// its text and the index after it, or `None` if anything in it has no plain-text form.
/// `depth` counts the groups around it.
pub(super) fn strict_group(s: &str, i: usize, depth: usize) -> Option<(String, usize)> {
    let mut text = Text {
        s,
        strict: true,
        token: (0, 0, false),
    };
    let mut out = String::new();
    let next = text.run(i + 1, s.len(), depth + 1, true, &mut out)?;
    Some((out, next))
}

/// The end of the command name starting at `start`: a run of ASCII letters, or one character.
pub(super) fn name_end(s: &str, start: usize, end: usize) -> usize {
    let b = s.as_bytes();
    if start >= end {
        return end;
    }
    if !b[start].is_ascii_alphabetic() {
        return start + s[start..].chars().next().map_or(1, char::len_utf8);
    }
    b[start..end]
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .map_or(end, |k| start + k)
}

fn skip_empty_group(b: &[u8], i: usize, end: usize) -> usize {
    if i + 1 < end && b[i] == b'{' && b[i + 1] == b'}' {
        i + 2
    } else {
        i
    }
}

fn is_text_accent(name: &str) -> bool {
    matches!(
        name,
        "'" | "`" | "^" | "\"" | "~" | "=" | "." | "u" | "v" | "H" | "r" | "c" | "k" | "d" | "b"
    )
}

fn is_text_style(name: &str) -> bool {
    matches!(
        name,
        "text"
            | "textrm"
            | "textit"
            | "textbf"
            | "textsf"
            | "texttt"
            | "textsc"
            | "textup"
            | "textsl"
            | "textmd"
            | "textnormal"
            | "emph"
            | "mbox"
    )
}

/// Commands that are one letter of their own.
fn special_letter(name: &str) -> Option<&'static str> {
    Some(match name {
        "i" => "ı",
        "j" => "ȷ",
        "ss" => "ß",
        "o" => "ø",
        "O" => "Ø",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "aa" => "å",
        "AA" => "Å",
        "l" => "ł",
        "L" => "Ł",
        _ => return None,
    })
}

/// Escapes and symbols of text mode.
fn text_symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "%" => "%",
        "&" => "&",
        "_" => "_",
        "#" => "#",
        "$" => "$",
        "{" => "{",
        "}" => "}",
        "," | " " => " ",
        // A hyphenation point, a spacing hint, an italic correction: nothing to show.
        "-" | "@" | "/" => "",
        "ldots" | "dots" | "textellipsis" => "…",
        "textendash" => "–",
        "textemdash" => "—",
        "textasciitilde" => "~",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        _ => return None,
    })
}
