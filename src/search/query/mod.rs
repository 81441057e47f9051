//! The query language, shared by the reader's search box and `hotpapers search`.
//!
//! Words are ANDed; each matches from the start of a word of the text or from a camel-case
//! hump (`gan` finds StyleGAN, not Organic) and runs on as a prefix (`transform` finds
//! Transformers); `*former` matches inside words. Case and accents are ignored. `"a phrase"`
//! is words one after the other, whatever separates them. `ti:` `au:` `abs:` `cat:` `id:` `tw:` limit a word or
//! phrase to one field; `-` excludes. `OR` (a word of its own, in capitals) joins alternatives
//! and binds looser than the juxtaposition that ANDs; `( … )` groups, `-( … )` excludes a group.
//! `@handle` and `by:handle` find what an account tweeted about; a pasted arXiv id or abs/pdf
//! link finds that paper. Malformed queries are explained, never guessed at.

mod ast;
mod parse;

pub use ast::{Field, Node, Query, QueryError, Term};
pub use parse::parse;

/// Joins command-line words into one query, re-quoting words the shell unquoted
/// (`au:"Yang Song"` arrives as `au:Yang Song`). An argument holding query syntax besides its
/// spaces (a group, an `OR`) was quoted to pass a whole query, and is kept as it is.
pub fn join_args(args: &[String]) -> String {
    let syntax = |a: &str| a.contains(['"', '(', ')']) || a.split_whitespace().any(|w| w == "OR");
    args.iter()
        // A blank argument adds no word; quoting it would make an empty phrase.
        .filter(|a| !a.trim().is_empty())
        .map(|a| {
            if !a.contains(char::is_whitespace) || syntax(a) {
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
mod tests;
