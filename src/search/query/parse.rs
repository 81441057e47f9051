//! The query parser: recursive descent over the characters, so that every error can name the
//! character it is about.
//!
//! ```text
//! query  = or
//! or     = and { "OR" and }
//! and    = unary { unary }
//! unary  = "-" ( group | term ) | group | term
//! group  = "(" or ")"
//! ```

use super::ast::{Field, Node, Query, QueryError, Term};
use crate::search::arxiv_id::paper_id;
use crate::search::words::query_words;

pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut p = Parser {
        chars: input.chars().collect(),
        i: 0,
    };
    let alts = p.or()?;
    if p.i < p.chars.len() {
        // `or` stops only at the end or at a `)`, and here no group is open.
        return Err(p.error("this `)` closes no `(`: quote a word that holds one", p.i));
    }
    Ok(Query {
        root: if alts.is_empty() {
            Node::And(Vec::new())
        } else {
            join(alts, Node::Or)
        },
    })
}

struct Parser {
    chars: Vec<char>,
    i: usize,
}

/// A character that ends a word outside quotes (besides white space): `)` closes a group.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == ')'
}

/// Twitter's handles: letters, digits and `_`.
fn is_handle(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Parser {
    fn error(&self, message: impl Into<String>, at: usize) -> QueryError {
        QueryError {
            message: message.into(),
            at,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }

    /// At an `OR` operator: the capitals alone, as a word of their own (a group may follow or
    /// end right after it).
    fn at_or(&self) -> bool {
        self.chars.get(self.i..self.i + 2) == Some(&['O', 'R'])
            && self
                .chars
                .get(self.i + 2)
                .is_none_or(|&c| ends_word(c) || c == '(')
    }

    /// Alternatives up to the end or a `)`; none when there is nothing before either.
    fn or(&mut self) -> Result<Vec<Node>, QueryError> {
        let mut alts = Vec::new();
        let mut last_or = None;
        loop {
            let items = self.and()?;
            let at_or = self.at_or();
            if items.is_empty() {
                return match (at_or, last_or) {
                    (true, None) => Err(self.error("`OR` needs something before it", self.i)),
                    (true, Some(_)) => {
                        Err(self.error("`OR OR` has nothing between: remove one", self.i))
                    }
                    (false, Some(at)) => Err(self.error("`OR` needs something after it", at)),
                    (false, None) => Ok(alts),
                };
            }
            alts.push(join(items, Node::And));
            if !at_or {
                return Ok(alts);
            }
            last_or = Some(self.i);
            self.i += 2;
        }
    }

    /// Juxtaposed conditions, up to the end, a `)` or an `OR`.
    fn and(&mut self) -> Result<Vec<Node>, QueryError> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some(')') => return Ok(items),
                Some(_) if self.at_or() => return Ok(items),
                Some(_) => items.push(self.unary()?),
            }
        }
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        if self.peek() == Some('-') {
            let at = self.i;
            self.i += 1;
            if self.peek().is_none_or(ends_word) {
                return Err(self.error("a lone `-` excludes nothing: write -word or -( … )", at));
            }
            let inner = if self.peek() == Some('(') {
                self.group()?
            } else {
                self.term()?
            };
            return Ok(Node::Not(Box::new(inner)));
        }
        if self.peek() == Some('(') {
            return self.group();
        }
        self.term()
    }

    fn group(&mut self) -> Result<Node, QueryError> {
        let open = self.i;
        self.i += 1;
        let alts = self.or()?;
        if self.peek() != Some(')') {
            return Err(self.error("this `(` is never closed", open));
        }
        if alts.is_empty() {
            return Err(self.error("an empty `( )` means nothing: remove it", open));
        }
        self.i += 1;
        Ok(join(alts, Node::Or))
    }

    /// The characters of a word from `from`: up to white space or a `)` that closes a group
    /// (one that closes a `(` of the word itself belongs to it, as in `f(x)`).
    fn word_end(&self, from: usize) -> usize {
        let mut depth = 0usize;
        let mut j = from;
        while let Some(&c) = self.chars.get(j) {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => break,
                ')' => depth -= 1,
                c if c.is_whitespace() => break,
                _ => {}
            }
            j += 1;
        }
        j
    }

    fn text(&self, range: std::ops::Range<usize>) -> String {
        self.chars[range].iter().collect()
    }

    fn term(&mut self) -> Result<Node, QueryError> {
        let start = self.i;
        let end = self.word_end(start);
        let raw = self.text(start..end);
        // A pasted id or link first: `arXiv:` and `https:` are no fields.
        if let Some(id) = paper_id(&raw) {
            self.i = end;
            return Ok(term(Field::Paper, id));
        }
        if let Some(handle) = raw.strip_prefix('@') {
            self.i = end;
            return self.handle(handle, start);
        }
        // A field prefix: letters then `:`.
        let mut field = Field::Any;
        let mut j = start;
        while self.chars.get(j).is_some_and(char::is_ascii_alphabetic) {
            j += 1;
        }
        if j > start && self.chars.get(j) == Some(&':') {
            let name = self.text(start..j).to_ascii_lowercase();
            let Some((_, f)) = Field::PREFIXES.iter().find(|(p, _)| *p == name) else {
                return Err(self.error(
                    format!(
                        "unknown field `{name}:` (fields: ti: au: abs: cat: id: tw: by: note: has:)"
                    ),
                    start,
                ));
            };
            field = *f;
            self.i = j + 1;
            if self.peek() == Some('(') {
                return Err(self.error(
                    format!("`{name}:` takes one word or \"phrase\": write ({name}:a OR {name}:b)"),
                    start,
                ));
            }
            if self.peek().is_none_or(ends_word) {
                return Err(self.error(
                    format!("`{name}:` needs a word or a \"phrase\" after it"),
                    start,
                ));
            }
            if field == Field::Has {
                let end = self.word_end(self.i);
                let value = self.text(self.i..end).to_ascii_lowercase();
                if !Field::HAS.contains(&value.as_str()) {
                    return Err(
                        self.error(format!("`has:` takes {}", Field::HAS.join(", ")), self.i)
                    );
                }
                self.i = end;
                return Ok(term(Field::Has, value));
            }
            if field == Field::Tweeter {
                let end = self.word_end(self.i);
                let value = self.text(self.i..end);
                let from = self.i;
                self.i = end;
                return self.handle(value.strip_prefix('@').unwrap_or(&value), from);
            }
        }
        let text_at = self.i;
        let text = if self.peek() == Some('"') {
            let open = self.i;
            let close = self.chars[open + 1..]
                .iter()
                .position(|&c| c == '"')
                .map(|p| open + 1 + p);
            let Some(close) = close else {
                return Err(self.error("the quote is never closed", open));
            };
            self.i = close + 1;
            self.text(open + 1..close)
        } else {
            let from = self.i;
            let end = self.word_end(from);
            if let Some(q) = (from..end).find(|&k| self.chars[k] == '"') {
                return Err(self.error("a quote inside a word: put the quote before the phrase", q));
            }
            self.i = end;
            let word = self.text(from..end);
            // `id:` with a whole id or link means that paper, whatever its version.
            if field == Field::Id
                && let Some(id) = paper_id(&word)
            {
                return Ok(term(Field::Paper, id));
            }
            word
        };
        let trimmed = text.trim_start();
        let infix = trimmed.starts_with('*');
        let words = query_words(trimmed.trim_start_matches('*'));
        if words.is_empty() {
            let message = if text.trim().is_empty() {
                "an empty phrase matches everything: remove it".to_string()
            } else {
                format!("`{}` has no letter or digit to search for", text.trim())
            };
            return Err(self.error(
                message,
                if text.trim().is_empty() {
                    start
                } else {
                    text_at
                },
            ));
        }
        Ok(Node::Term(Term {
            field,
            needle: words.join(" "),
            infix,
        }))
    }

    /// `@handle` or `by:handle`, the handle's text starting at `at`.
    fn handle(&self, handle: &str, at: usize) -> Result<Node, QueryError> {
        if !is_handle(handle) {
            return Err(self.error(
                "a handle is letters, digits and _ (write \"@…\" in quotes to search the text)",
                at,
            ));
        }
        Ok(term(Field::Tweeter, handle.to_ascii_lowercase()))
    }
}

/// One node for one, else `make` of all (never an `And` or `Or` of one).
fn join(mut nodes: Vec<Node>, make: fn(Vec<Node>) -> Node) -> Node {
    if nodes.len() == 1 {
        nodes.remove(0)
    } else {
        make(nodes)
    }
}

fn term(field: Field, needle: String) -> Node {
    Node::Term(Term {
        field,
        needle,
        infix: false,
    })
}
