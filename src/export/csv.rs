//! CSV: a header row, then one row per paper listing, quoted per RFC 4180 (fields holding a
//! comma, a double quote or a line break are enclosed in double quotes, inner quotes doubled;
//! lines end with CRLF). Authors, categories and tags are joined with "; "; a paper's note is
//! its last field, empty when it has none.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::archive::Day;
use crate::state::Snapshot;

pub const HEADER: [&str; 12] = [
    "date",
    "rank",
    "arxiv_id",
    "title",
    "authors",
    "retweets",
    "favorites",
    "categories",
    "abs_url",
    "pdf_url",
    "tags",
    "note",
];

/// One field as RFC 4180 writes it.
pub fn field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

fn record<W: Write>(out: &mut W, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(field(f).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

pub fn write<'a, W: Write>(
    out: &mut W,
    days: impl IntoIterator<Item = &'a Day>,
    marks: &Snapshot,
) -> io::Result<()> {
    record(out, &HEADER)?;
    for day in days {
        let date = day.date.to_string();
        for p in &day.papers {
            record(
                out,
                &[
                    &date,
                    &p.rank.to_string(),
                    p.arxiv_id.as_deref().unwrap_or(""),
                    &p.title,
                    &p.authors.join("; "),
                    &p.retweets.to_string(),
                    &p.favorites.to_string(),
                    &p.categories.join("; "),
                    p.abs_url.as_deref().unwrap_or(""),
                    p.pdf_url.as_deref().unwrap_or(""),
                    &marks.tags_of(&p.key).join("; "),
                    // Its line breaks as the records' own, CRLF.
                    &marks
                        .note_of(&p.key)
                        .unwrap_or("")
                        .replace("\r\n", "\n")
                        .replace('\n', "\r\n"),
                ],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(""), "");
    }
}
