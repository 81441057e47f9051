//! What a query means: a boolean tree of terms, each a needle and the field it is looked for in.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Any,
    Title,
    Authors,
    Abstract,
    Category,
    Id,
    /// The tweets: their text, their authors' names and `@handles`.
    Tweet,
    /// The handles (lowercased, without `@`) of the accounts that tweeted about a paper, each
    /// matched whole: `@ann` is not `@anna`.
    Tweeter,
    /// The paper's arXiv id without version or subject class (see `arxiv_id::canonical`),
    /// matched whole: what a pasted id or link means.
    Paper,
    /// Your note on the paper (kept in the reading state, not in the archive).
    Note,
    /// Something the paper has, by name (`has:code`: a link to its code, see
    /// `archive::code`), matched whole.
    Has,
}

impl Field {
    pub const PREFIXES: [(&'static str, Field); 9] = [
        ("ti", Field::Title),
        ("au", Field::Authors),
        ("abs", Field::Abstract),
        ("cat", Field::Category),
        ("id", Field::Id),
        ("tw", Field::Tweet),
        ("by", Field::Tweeter),
        ("note", Field::Note),
        ("has", Field::Has),
    ];

    /// What `has:` can ask for.
    pub const HAS: [&'static str; 1] = ["code"];
}

/// One condition. For a field of text, `needle` is the folded words of a word or phrase (see
/// `search::words`), joined by single spaces: they occur in `field` one after the other, each
/// from the start of a word (the first also from a hump, or anywhere inside a word when
/// `infix`), each running on as a prefix. For `Tweeter` and `Paper`, `needle` is one of the
/// field's values, whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub field: Field,
    pub needle: String,
    /// Written with a leading `*`: the first word may match inside a word.
    pub infix: bool,
}

impl Term {
    /// The folded words of a term of text, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.needle.split(' ')
    }

    /// A term looked up in the archive's text fields (ranked by relevance), rather than among
    /// whole values or in your notes.
    pub fn is_text(&self) -> bool {
        !matches!(
            self.field,
            Field::Tweeter | Field::Paper | Field::Note | Field::Has
        )
    }
}

/// A query as a boolean tree. `parse` never makes an `And` or `Or` of fewer than two nodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Term(Term),
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

impl Node {
    /// Every term, in the order written, with whether it is under a `Not`.
    pub fn terms(&self) -> Vec<(&Term, bool)> {
        fn walk<'a>(n: &'a Node, negated: bool, out: &mut Vec<(&'a Term, bool)>) {
            match n {
                Node::Term(t) => out.push((t, negated)),
                Node::And(ns) | Node::Or(ns) => ns.iter().for_each(|n| walk(n, negated, out)),
                Node::Not(n) => walk(n, !negated, out),
            }
        }
        let mut out = Vec::new();
        walk(self, false, &mut out);
        out
    }
}

/// A parsed query; the empty query (nothing typed) is an `And` of nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub root: Node,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            root: Node::And(Vec::new()),
        }
    }
}

impl Query {
    /// The words a match shows, for highlighting: the terms not under a `Not`.
    pub fn highlights(&self) -> impl Iterator<Item = &Term> {
        self.root
            .terms()
            .into_iter()
            .filter(|(_, negated)| !negated)
            .map(|(t, _)| t)
    }

    pub fn is_empty(&self) -> bool {
        self.root.terms().is_empty()
    }

    /// The query looks for words (not only for handles or ids): results can be ranked by
    /// relevance.
    pub fn has_words(&self) -> bool {
        self.highlights().any(Term::is_text)
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
