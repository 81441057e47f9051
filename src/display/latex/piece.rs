//! Converted math and the spacing rules of appending to it: which operators are spaced, when
//! a letter is spaced off a function name, and when a fraction's side needs parentheses.

use super::accent::is_combining;
use super::symbols::Class;

/// Converted math, with what its neighbours need to know about it.
#[derive(Default)]
pub(super) struct Piece {
    pub(super) text: String,
    /// Its atoms (a number, a letter, a symbol, a function name, a fraction's parts): one atom
    /// needs no parentheses as a fraction's side or a root's argument.
    pub(super) atoms: usize,
    /// The class of its last atom, which tells a unary operator (`-x`, `(±1)`) from a binary.
    last: Option<Class>,
    /// The last atom was a function name or a big operator: a letter after it is spaced off,
    /// as TeX does (`\log n` is `log n`, not `logn`).
    after_op: bool,
    /// The last atom is a number that a digit would continue.
    in_number: bool,
}

impl Piece {
    fn gap(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    /// Appends `t`, `atoms` ordinary atoms.
    pub(super) fn ord(&mut self, t: &str, atoms: usize) {
        if self.after_op && t.starts_with(char::is_alphanumeric) {
            self.gap();
        }
        self.text.push_str(t);
        self.atoms += atoms;
        self.last = Some(Class::Ord);
        self.after_op = false;
        self.in_number = false;
    }

    /// Appends a character as written in the source.
    pub(super) fn char(&mut self, c: char) {
        if c.is_whitespace() {
            self.text.push(' ');
            return;
        }
        let digit = c.is_ascii_digit() || (c == '.' && self.in_number);
        if digit && self.in_number {
            self.text.push(c);
            return;
        }
        self.ord(c.encode_utf8(&mut [0; 4]), 1);
        self.last = Some(char_class(c));
        self.in_number = digit;
    }

    /// Appends symbol `t` of `class`, spaced as TeX would space it.
    pub(super) fn symbol(&mut self, t: &str, class: Class) {
        if class == Class::Ord {
            return self.ord(t, 1);
        }
        let binary = class == Class::Bin && !self.unary();
        let op_gap = self.after_op || self.text.ends_with(char::is_alphanumeric);
        if binary || class == Class::Rel || (class == Class::Op && op_gap) {
            self.gap();
        }
        self.text.push_str(t);
        if binary || matches!(class, Class::Rel | Class::Punct) {
            self.text.push(' ');
        }
        self.atoms += 1;
        self.last = Some(class);
        self.after_op = class == Class::Op;
        self.in_number = false;
    }

    /// A binary operator here has nothing on its left, so it is unary.
    fn unary(&self) -> bool {
        !matches!(self.last, Some(Class::Ord | Class::Close))
    }

    /// Appends a script or a prime: part of the atom before it.
    pub(super) fn attach(&mut self, t: &str) {
        self.text.push_str(t);
        self.in_number = false;
    }
}

fn char_class(c: char) -> Class {
    match c {
        '+' | '-' | '*' | '/' => Class::Bin,
        '=' | '<' | '>' => Class::Rel,
        '(' | '[' => Class::Open,
        ')' | ']' | '!' => Class::Close,
        ',' | ';' => Class::Punct,
        _ => Class::Ord,
    }
}

/// True if `p` can stand as a fraction's side or a root's argument without parentheses.
pub(super) fn simple(p: &Piece) -> bool {
    p.atoms <= 1 || bracketed(p.text.trim())
}

/// True if all of `t` is one pair of parentheses: `(a+b)`, not `(a)(b)`.
pub(super) fn bracketed(t: &str) -> bool {
    if !t.starts_with('(') || !t.ends_with(')') {
        return false;
    }
    let mut depth = 0usize;
    for (k, c) in t.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k == t.len() - 1;
                }
            }
            _ => {}
        }
    }
    false
}

pub(super) fn side(p: &Piece) -> String {
    let t = p.text.trim();
    if simple(p) {
        t.to_string()
    } else {
        format!("({t})")
    }
}

/// True if a fraction after `c` would read as part of it: `2\frac12` is `2(1/2)`, not `21/2`.
pub(super) fn binds_before(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c) || ")]}|/!′⟩".contains(c)
}
