//! `[[watch]]` in the config file: saved queries whose new matches `hotpapers watch` prints and
//! the reader's day list counts; with them, the ones saved in the reader (`all_watches`).
//!
//! ```toml
//! [[watch]]
//! name = "radiance"
//! query = "ti:nerf OR \"radiance field\""
//! ```

use toml::Spanned;
use toml::de::DeValue;

use crate::search::parse;

/// A saved query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub name: String,
    pub query: String,
    /// Whether it was saved in the reader (kept in the state) rather than written in the config.
    pub saved: bool,
}

/// Every watch list: the config file's, in its order, then those saved in the reader, oldest
/// first. A saved list named as one of the config file's is left out (the file says what it
/// is), and so is one whose query this version cannot read.
pub fn all_watches(config: &[Watch], saved: &[crate::state::SavedWatch]) -> Vec<Watch> {
    let mut out = config.to_vec();
    for w in saved {
        if out.iter().any(|c| c.name == w.name) || parse(&w.query).is_err() {
            continue;
        }
        out.push(Watch {
            name: w.name.clone(),
            query: w.query.clone(),
            saved: true,
        });
    }
    out
}

/// The watch lists of a `watch = [...]` array of tables; `err(offset, message)` makes the
/// error for a problem at a byte of the file.
pub fn watches<E>(
    items: &[Spanned<DeValue<'_>>],
    err: impl Fn(usize, String) -> E,
) -> Result<Vec<Watch>, E> {
    let mut out: Vec<Watch> = Vec::new();
    for item in items {
        let at = item.span().start;
        let DeValue::Table(t) = item.get_ref() else {
            return Err(err(
                at,
                "watch: each [[watch]] must be a table with a name and a query".into(),
            ));
        };
        let mut name = None;
        let mut query = None;
        for (key, value) in t.iter() {
            let k = key.get_ref().as_ref();
            let kat = key.span().start;
            match (k, value.get_ref()) {
                ("name", DeValue::String(s)) => name = Some(s.trim().to_string()),
                ("query", DeValue::String(s)) => query = Some(s.to_string()),
                ("name" | "query", _) => {
                    return Err(err(kat, format!("watch: {k} must be a string")));
                }
                (other, _) => {
                    return Err(err(
                        kat,
                        format!("watch: {other}: unknown setting (a watch has a name and a query)"),
                    ));
                }
            }
        }
        let (Some(name), Some(query)) = (name, query) else {
            return Err(err(
                at,
                "watch: each [[watch]] needs a name and a query".into(),
            ));
        };
        if name.is_empty() {
            return Err(err(at, "watch: a name must not be empty".into()));
        }
        if out.iter().any(|w| w.name == name) {
            return Err(err(
                at,
                format!("watch: {name:?} is the name of two watch lists"),
            ));
        }
        match parse(&query) {
            Ok(q) if q.is_empty() => {
                return Err(err(at, format!("watch {name:?}: the query is empty")));
            }
            Ok(_) => {}
            Err(e) => return Err(err(at, format!("watch {name:?}: query {query:?}: {e}"))),
        }
        out.push(Watch {
            name,
            query,
            saved: false,
        });
    }
    Ok(out)
}
