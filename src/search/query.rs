//! The query language, shared by the reader's search box and `hotpapers search`.
//!
//! Words are ANDed and match anywhere inside the text, ignoring case. `"a phrase"` matches with
//! runs of white space taken as one space. `ti:` `au:` `abs:` `cat:` `id:` `tw:` limit a word or
//! phrase to one field; `-` excludes. Malformed queries are explained, never guessed at.

use std::fmt;

use crate::archive::text::collapse_ws;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Any,
    Title,
    Authors,
    Abstract,
    Category,
    Id,
    Tweet,
}

impl Field {
    pub const PREFIXES: [(&'static str, Field); 6] = [
        ("ti", Field::Title),
        ("au", Field::Authors),
        ("abs", Field::Abstract),
        ("cat", Field::Category),
        ("id", Field::Id),
        ("tw", Field::Tweet),
    ];
}

/// One condition: `needle` (lowercased, white space collapsed) must (or, negated, must not)
/// occur in `field`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub field: Field,
    pub needle: String,
    pub negated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// The words a match shows, for highlighting: the positive terms.
    pub fn highlights(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.negated)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// What is wrong with a query, and where (a character index into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub at: usize,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.at + 1)
    }
}

impl std::error::Error for QueryError {}

/// Lowercases for matching (Unicode-aware, as `rg -i`).
pub fn fold(s: &str) -> String {
    collapse_ws(&s.to_lowercase())
}

pub fn parse(input: &str) -> Result<Query, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut terms = Vec::new();
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let negated = chars[i] == '-';
        if negated {
            i += 1;
            if i == chars.len() || chars[i].is_whitespace() {
                return Err(QueryError {
                    message: "a lone `-` excludes nothing: write -word".into(),
                    at: start,
                });
            }
        }
        // A field prefix: letters then `:`.
        let mut field = Field::Any;
        let word_start = i;
        let mut j = i;
        while j < chars.len() && chars[j].is_ascii_alphabetic() {
            j += 1;
        }
        if j > i && j < chars.len() && chars[j] == ':' {
            let name: String = chars[i..j].iter().collect::<String>().to_ascii_lowercase();
            match Field::PREFIXES.iter().find(|(p, _)| *p == name) {
                Some((_, f)) => {
                    field = *f;
                    i = j + 1;
                }
                None => {
                    return Err(QueryError {
                        message: format!(
                            "unknown field `{name}:` (fields are ti: au: abs: cat: id: tw:)"
                        ),
                        at: word_start,
                    });
                }
            }
            if i == chars.len() || chars[i].is_whitespace() {
                return Err(QueryError {
                    message: format!("`{name}:` needs a word or a \"phrase\" after it"),
                    at: word_start,
                });
            }
        }
        let needle: String = if chars[i] == '"' {
            let open = i;
            let close = chars[i + 1..]
                .iter()
                .position(|&c| c == '"')
                .map(|p| i + 1 + p);
            let Some(close) = close else {
                return Err(QueryError {
                    message: "the quote is never closed".into(),
                    at: open,
                });
            };
            i = close + 1;
            chars[open + 1..close].iter().collect()
        } else {
            let from = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                if chars[i] == '"' {
                    return Err(QueryError {
                        message: "a quote inside a word: put the quote before the phrase".into(),
                        at: i,
                    });
                }
                i += 1;
            }
            chars[from..i].iter().collect()
        };
        let needle = fold(&needle);
        if needle.is_empty() {
            return Err(QueryError {
                message: "an empty phrase matches everything: remove it".into(),
                at: start,
            });
        }
        terms.push(Term {
            field,
            needle,
            negated,
        });
    }
    Ok(Query { terms })
}

/// Joins command-line words into one query, re-quoting words the shell unquoted
/// (`au:"Yang Song"` arrives as `au:Yang Song`).
pub fn join_args(args: &[String]) -> String {
    args.iter()
        // A blank argument adds no word; quoting it would make an empty phrase.
        .filter(|a| !a.trim().is_empty())
        .map(|a| {
            if !a.contains(char::is_whitespace) || a.contains('"') {
                return a.clone();
            }
            let (neg, rest) = a.strip_prefix('-').map_or(("", a.as_str()), |r| ("-", r));
            match rest.split_once(':') {
                Some((p, v)) if !p.is_empty() && p.chars().all(|c| c.is_ascii_alphabetic()) => {
                    format!("{neg}{p}:\"{v}\"")
                }
                _ => format!("{neg}\"{rest}\""),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(field: Field, needle: &str, negated: bool) -> Term {
        Term {
            field,
            needle: needle.into(),
            negated,
        }
    }

    #[test]
    fn words_phrases_fields_and_negation() {
        let q =
            parse(r#"Transformer  "Neural   Radiance" au:"Yang Song" -cat:cs.CV ti:GAN -survey"#)
                .unwrap();
        assert_eq!(
            q.terms,
            [
                t(Field::Any, "transformer", false),
                t(Field::Any, "neural radiance", false),
                t(Field::Authors, "yang song", false),
                t(Field::Category, "cs.cv", true),
                t(Field::Title, "gan", false),
                t(Field::Any, "survey", true),
            ]
        );
        assert_eq!(parse("   ").unwrap(), Query::default());
        assert_eq!(
            parse("ID:2006.15055").unwrap().terms,
            [t(Field::Id, "2006.15055", false)]
        );
        assert_eq!(
            parse("日本語").unwrap().terms,
            [t(Field::Any, "日本語", false)]
        );
        assert_eq!(
            parse("12:30").unwrap().terms,
            [t(Field::Any, "12:30", false)]
        );
    }

    #[test]
    fn malformed_queries_are_explained() {
        let e = parse(r#"ti:"open"#).unwrap_err();
        assert_eq!((e.message.as_str(), e.at), ("the quote is never closed", 3));
        let e = parse("foo:bar").unwrap_err();
        assert!(e.message.contains("unknown field `foo:`"), "{e}");
        assert!(parse("ti: x").unwrap_err().message.contains("needs a word"));
        assert!(parse("a - b").unwrap_err().message.contains("lone `-`"));
        assert!(parse(r#""""#).unwrap_err().message.contains("empty phrase"));
        assert!(
            parse(r#"ab"cd""#)
                .unwrap_err()
                .message
                .contains("quote inside a word")
        );
        assert_eq!(parse("x ti:").unwrap_err().at, 2);
    }

    #[test]
    fn command_line_words_are_requoted() {
        let args: Vec<String> = ["au:Yang Song", "diffusion", "-neural radiance", "\"kept\""]
            .map(String::from)
            .to_vec();
        assert_eq!(
            join_args(&args),
            r#"au:"Yang Song" diffusion -"neural radiance" "kept""#
        );
        assert_eq!(parse(&join_args(&args)).unwrap().terms.len(), 4);
        // Found by fuzzing: a blank argument ("\n") became the empty phrase `"\n"`.
        let blank: Vec<String> = ["\n", "x", " "].map(String::from).to_vec();
        assert_eq!(join_args(&blank), "x");
    }
}
