//! Tags: any number per paper, each a short name. A tag is the same tag whatever the case of
//! its ASCII letters (the column collates NOCASE), and keeps the spelling it was first given.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::tx::write;

use crate::archive::PaperKey;

/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 64;

/// A name that cannot be a tag, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{tag:?} cannot be a tag: {why}")]
pub struct BadTag {
    pub tag: String,
    pub why: &'static str,
}

/// A tag as it is kept: `s` with white space at its ends removed and runs of it inside made one
/// space. Refused: an empty tag, one longer than `MAX_TAG_CHARS`, and one holding a comma or a
/// semicolon (exports list tags joined with them) or a control character.
pub fn tag_name(s: &str) -> Result<String, BadTag> {
    let tag = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let bad = |why| {
        Err(BadTag {
            tag: s.to_string(),
            why,
        })
    };
    if tag.is_empty() {
        bad("it is empty")
    } else if tag.chars().count() > MAX_TAG_CHARS {
        bad("it is longer than 64 characters")
    } else if tag.contains([',', ';']) {
        bad("it holds a comma or a semicolon")
    } else if tag.chars().any(char::is_control) {
        bad("it holds a control character")
    } else {
        Ok(tag)
    }
}

/// Every tag, as `tag_name` makes it; the first refused one is the error.
pub(super) fn names(tags: &[impl AsRef<str>]) -> Result<Vec<String>, BadTag> {
    tags.iter().map(|t| tag_name(t.as_ref())).collect()
}

/// Gives `id` the tags `tags` (in one transaction), returning how many it did not have.
pub(super) fn add(
    conn: &Connection,
    id: &str,
    tags: &[String],
    now: i64,
) -> rusqlite::Result<usize> {
    write(conn, |tx| {
        let mut added = 0;
        let mut insert =
            tx.prepare("INSERT OR IGNORE INTO tags (id, tag, tagged_at) VALUES (?1, ?2, ?3)")?;
        for tag in tags {
            added += insert.execute(params![id, tag, now])?;
        }
        Ok(added)
    })
}

pub(super) fn remove(conn: &Connection, id: &str, tags: &[String]) -> rusqlite::Result<usize> {
    write(conn, |tx| {
        let mut removed = 0;
        let mut delete = tx.prepare("DELETE FROM tags WHERE id = ?1 AND tag = ?2")?;
        for tag in tags {
            removed += delete.execute(params![id, tag])?;
        }
        Ok(removed)
    })
}

/// The tags of every tagged paper, each paper's in order of name.
pub(super) fn all(conn: &Connection) -> rusqlite::Result<HashMap<PaperKey, Vec<String>>> {
    let mut q = conn.prepare("SELECT id, tag FROM tags ORDER BY id, tag")?;
    let mut out: HashMap<PaperKey, Vec<String>> = HashMap::new();
    let rows = q.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, tag) = row?;
        out.entry(PaperKey::from_stored(id)).or_default().push(tag);
    }
    Ok(out)
}

/// Every tag row, `(paper, tag, tagged_at)`, for an export.
pub(super) fn rows(conn: &Connection) -> rusqlite::Result<Vec<(String, String, i64)>> {
    let mut q = conn.prepare("SELECT id, tag, tagged_at FROM tags ORDER BY id, tag")?;
    q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect()
}

/// The tags of the paper `id`, in order of name.
pub(super) fn of(conn: &Connection, id: &str) -> rusqlite::Result<Vec<String>> {
    let mut q = conn.prepare("SELECT tag FROM tags WHERE id = ?1 ORDER BY tag")?;
    q.query_map([id], |r| r.get(0))?.collect()
}

/// Every tag with how many papers have it, in order of name; of a tag's spellings, the one
/// given first (a bare column beside MIN() is taken from the row that has the minimum).
pub(super) fn counts(conn: &Connection) -> rusqlite::Result<Vec<(String, usize)>> {
    let mut q = conn.prepare(
        "SELECT tag, COUNT(*), MIN(rowid) FROM tags GROUP BY tag ORDER BY tag, MIN(rowid)",
    )?;
    q.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?
        .collect()
}

/// The papers with the tag `tag`, the ones tagged last first.
pub(super) fn tagged(conn: &Connection, tag: &str) -> rusqlite::Result<Vec<PaperKey>> {
    let mut q =
        conn.prepare("SELECT id FROM tags WHERE tag = ?1 ORDER BY tagged_at DESC, rowid DESC")?;
    q.query_map([tag], |r| r.get::<_, String>(0).map(PaperKey::from_stored))?
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_names_are_trimmed_and_checked() {
        assert_eq!(tag_name("  to   read\t"), Ok("to read".to_string()));
        assert_eq!(tag_name("LLM").as_deref(), Ok("LLM"));
        for bad in ["", "   ", "a,b", "a;b", "bell\u{7}"] {
            assert!(tag_name(bad).is_err(), "{bad:?}");
        }
        assert!(tag_name(&"x".repeat(64)).is_ok());
        let e = tag_name(&"x".repeat(65)).unwrap_err();
        assert!(e.to_string().contains("longer than 64"), "{e}");
    }
}
