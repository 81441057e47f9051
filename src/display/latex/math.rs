//! The inside of `$…$` as plain text: `\frac{a}{b}` is `a/b`, `\sqrt{x}` is `√x`, `x^2` is
//! `x²`, `\mathbb{R}` is `ℝ`, `\log n` is `log n`. All or nothing: one command without a
//! plain-text form (`\begin`, `\binom`, an unbalanced brace) and the caller shows the span as
//! written, since a half-converted formula misleads more than a raw one.
//!
//! One pass over the span, left to right; groups are read by recursion, bounded by
//! [`MAX_DEPTH`], so the work is linear and nothing is read twice. Parentheses are added where
//! the linear form would otherwise read differently from the typeset one: around a fraction's
//! side of more than one atom (`(a+b)/2`), around a fraction next to another atom (`2(1/2)`),
//! around a root's argument of more than one atom (`√(πx)`) or before another atom (`√(x)y`),
//! and around a script that has no Unicode sub/superscript form (`N^(1/2)`).

use super::accent::is_combining;
use super::chars::{subscript, superscript};
use super::piece::{Piece, binds_before, bracketed, side, simple};
use super::symbols::{Class, Kind, kind};
use super::text::{MAX_DEPTH, name_end, strict_group};

/// Converts the inside of a `$…$`, or `None` if it has no faithful plain-text form.
pub(super) fn convert(span: &str) -> Option<String> {
    let mut math = Math { s: span, i: 0 };
    Some(math.list(0, false)?.text)
}

struct Math<'a> {
    s: &'a str,
    i: usize,
}

impl Math<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.i..].chars().next()
    }

    fn skip_spaces(&mut self) {
        let rest = &self.s[self.i..];
        self.i += rest.len() - rest.trim_start().len();
    }

    /// After a control word, the spaces that only end its name (`\pi x` is `πx`); kept before
    /// an operator written as a character, as the author spaced it (`\alpha = 1`).
    fn skip_name_end(&mut self) {
        let rest = self.s[self.i..].trim_start();
        let keep = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_punctuation() && !"({[\\^_'".contains(c));
        if !keep {
            self.i = self.s.len() - rest.len();
        }
    }

    /// Reads to the end of the span, or (`in_group`) past the `}` closing the group.
    fn list(&mut self, depth: usize, in_group: bool) -> Option<Piece> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut p = Piece::default();
        loop {
            let Some(c) = self.peek() else {
                return (!in_group).then_some(p);
            };
            match c {
                '}' if in_group => {
                    self.i += 1;
                    return Some(p);
                }
                '}' | '$' => return None,
                '{' => {
                    self.i += 1;
                    let group = self.list(depth + 1, true)?;
                    p.ord(&group.text, group.atoms);
                }
                '\\' => self.command(depth, &mut p)?,
                '^' | '_' => self.script(c, depth, &mut p)?,
                '\'' => {
                    self.i += 1;
                    p.attach("′");
                }
                // A tie in math is a space too.
                '~' => {
                    self.i += 1;
                    p.char(' ');
                }
                c => {
                    self.i += c.len_utf8();
                    p.char(c);
                }
            }
        }
    }

    /// One argument: a `{…}` group, one command, or one character.
    fn arg(&mut self, depth: usize) -> Option<Piece> {
        self.skip_spaces();
        match self.peek()? {
            '{' => {
                self.i += 1;
                self.list(depth + 1, true)
            }
            // Counted as a level, or `\hat\hat\hat…` would recurse without bound.
            '\\' if depth < MAX_DEPTH => {
                let mut p = Piece::default();
                self.command(depth + 1, &mut p)?;
                Some(p)
            }
            '\\' | '}' | '^' | '_' | '$' => None,
            c => {
                self.i += c.len_utf8();
                let mut p = Piece::default();
                p.char(c);
                Some(p)
            }
        }
    }

    fn command(&mut self, depth: usize, p: &mut Piece) -> Option<()> {
        let start = self.i + 1;
        if start >= self.s.len() {
            return None;
        }
        self.i = name_end(self.s, start, self.s.len());
        let name = &self.s[start..self.i];
        let word = name.as_bytes()[0].is_ascii_alphabetic();
        match kind(name)? {
            Kind::Symbol(t, class) => {
                p.symbol(t, class);
                if word {
                    self.skip_name_end();
                }
            }
            Kind::Function => {
                p.symbol(name, Class::Op);
                self.skip_name_end();
            }
            Kind::Nothing if word => self.skip_name_end(),
            Kind::Nothing => {}
            Kind::Space => p.char(' '),
            Kind::Font => {
                let g = self.arg(depth)?;
                p.ord(&g.text, g.atoms);
            }
            Kind::Letters(alphabet) => {
                let g = self.arg(depth)?;
                let t: String = g.text.chars().map(|c| alphabet.letter(c)).collect();
                p.ord(&t, g.atoms);
            }
            Kind::Text => {
                self.skip_spaces();
                if self.peek()? != '{' {
                    return None;
                }
                let (t, next) = strict_group(self.s, self.i, depth)?;
                self.i = next;
                p.ord(&t, 1);
            }
            Kind::OperatorName => {
                if self.peek() == Some('*') {
                    self.i += 1;
                }
                let g = self.arg(depth)?;
                let t = g.text.trim();
                if t.is_empty() {
                    return None;
                }
                p.symbol(t, Class::Op);
            }
            Kind::Accent(mark) => {
                let g = self.arg(depth)?;
                p.ord(&mark.apply(g.text.trim())?, g.atoms.max(1));
            }
            Kind::Delimiter => {
                self.skip_spaces();
                // `\left.` is an invisible delimiter.
                if self.peek() == Some('.') {
                    self.i += 1;
                }
            }
            Kind::Frac => self.frac(depth, p)?,
            Kind::Sqrt => self.sqrt(depth, p)?,
        }
        Some(())
    }

    fn frac(&mut self, depth: usize, p: &mut Piece) -> Option<()> {
        let before = p
            .text
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(binds_before);
        let num = self.arg(depth)?;
        let den = self.arg(depth)?;
        if num.text.trim().is_empty() || den.text.trim().is_empty() {
            return None;
        }
        let t = format!("{}/{}", side(&num), side(&den));
        if before || self.binds_next() {
            p.ord(&format!("({t})"), 1);
        } else {
            p.ord(&t, 3);
        }
        Some(())
    }

    fn sqrt(&mut self, depth: usize, p: &mut Piece) -> Option<()> {
        self.skip_spaces();
        let mut root = String::from("√");
        if self.peek() == Some('[') {
            let start = self.i + 1;
            let len = self.s[start..]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            self.i = start + len;
            if self.peek() != Some(']') {
                return None;
            }
            self.i += 1;
            root = match &self.s[start..start + len] {
                "" | "2" => root,
                "3" => "∛".into(),
                "4" => "∜".into(),
                index => index
                    .chars()
                    .map(superscript)
                    .chain([Some('√')])
                    .collect::<Option<_>>()?,
            };
        }
        let arg = self.arg(depth)?;
        let t = arg.text.trim();
        if t.is_empty() {
            return None;
        }
        let wrap = !simple(&arg) || self.binds_next();
        if wrap && !bracketed(t) {
            p.ord(&format!("{root}({t})"), 1);
        } else {
            p.ord(&format!("{root}{t}"), 1);
        }
        Some(())
    }

    /// `^` or `_` and its argument: Unicode sub/superscripts if every character has one, else
    /// `^x` for one letter or number and `^(…)` for more.
    fn script(&mut self, mark: char, depth: usize, p: &mut Piece) -> Option<()> {
        self.i += 1;
        let g = self.arg(depth)?;
        let body = g.text.trim();
        let map = if mark == '^' { superscript } else { subscript };
        let mapped: Option<String> = body.chars().filter(|&c| c != ' ').map(map).collect();
        match mapped {
            Some(m) => p.attach(&m),
            None => {
                let letter = body.chars().filter(|&c| !is_combining(c)).count() == 1;
                let number = body.bytes().all(|c| c.is_ascii_digit() || c == b'.');
                if letter || number || bracketed(body) {
                    p.attach(&format!("{mark}{body}"));
                } else {
                    p.attach(&format!("{mark}({body})"));
                }
            }
        }
        Some(())
    }

    /// True if what follows is an atom that would run into a fraction or root before it
    /// (`\frac12x`, `\sqrt2\pi`, `\frac12^2`), rather than an operator, space or the end.
    fn binds_next(&self) -> bool {
        let rest = self.s[self.i..].trim_start();
        match rest.chars().next() {
            Some('\\') => {
                let name = &rest[1..name_end(rest, 1, rest.len())];
                match kind(name) {
                    Some(Kind::Symbol(_, class)) => {
                        matches!(class, Class::Ord | Class::Op | Class::Open)
                    }
                    Some(Kind::Delimiter) => name == "left" || name.ends_with('l'),
                    Some(Kind::Space | Kind::Nothing) | None => false,
                    Some(_) => true,
                }
            }
            Some(c) => c.is_alphanumeric() || "([{^_'".contains(c),
            None => false,
        }
    }
}
