//! CSV: a header row, then one row per paper listing, quoted per RFC 4180 (fields holding a
//! comma, a double quote or a line break are enclosed in double quotes, inner quotes doubled;
//! lines end with CRLF). Authors, categories, the links to the paper's code (`code`) and tags
//! are joined with "; "; a paper's note is its last field, empty when it has none.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some take a
//! leading tab or carriage return for white space before one): a title such as
//! `=HYPERLINK("https://evil.example", "x")` would become a live link, or worse. Such a cell
//! gets a `'` before it, as OWASP advises ("CSV injection"), unless the export asks for the raw
//! text (`Cells::Raw`).

use std::borrow::Cow;
use std::io::{self, Write};

use crate::archive::Day;
use crate::state::Snapshot;

pub const HEADER: [&str; 13] = [
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
    "code",
    "tags",
    "note",
];

/// How cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cells {
    /// A cell a spreadsheet would take for a formula starts with `'`.
    #[default]
    Neutralized,
    /// Every cell as the text is (`hotpapers export --raw`).
    Raw,
}

/// Whether a spreadsheet could take a cell holding `s` for a formula.
pub fn is_formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text of one cell: `'` before it when it looks like a formula, unless `cells` is raw.
pub fn cell(s: &str, cells: Cells) -> Cow<'_, str> {
    if cells == Cells::Neutralized && is_formula_like(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// One field as RFC 4180 writes it.
pub fn field(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(s)
    }
}

fn record<W: Write>(out: &mut W, fields: &[&str], cells: Cells) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(field(&cell(f, cells)).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

pub fn write<'a, W: Write>(
    out: &mut W,
    days: impl IntoIterator<Item = &'a Day>,
    marks: &Snapshot,
    cells: Cells,
) -> io::Result<()> {
    record(out, &HEADER, cells)?;
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
                    p.abs_url().as_deref().unwrap_or(""),
                    p.pdf_url().as_deref().unwrap_or(""),
                    &crate::code_links::code_urls(p).join("; "),
                    &marks.tags_of(&p.key).join("; "),
                    // Its line breaks as the records' own, CRLF.
                    &marks
                        .note_of(&p.key)
                        .unwrap_or("")
                        .replace("\r\n", "\n")
                        .replace('\n', "\r\n"),
                ],
                cells,
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

    #[test]
    fn formula_like_cells_are_neutralized_unless_raw() {
        for risky in [
            "=1+2",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"h\",\"x\")",
        ] {
            assert_eq!(cell(risky, Cells::Neutralized), format!("'{risky}"));
            assert_eq!(cell(risky, Cells::Raw), risky);
        }
        for plain in ["A = B", "x-1", "", "'quoted", " =1"] {
            assert_eq!(cell(plain, Cells::Neutralized), plain);
        }
    }
}
