//! Markdown: a readable digest. A `## YYYY-MM-DD` heading per day, then one numbered line per
//! paper, numbered by its rank in the day's post:
//!
//! ```text
//! 1. [Title](https://arxiv.org/abs/…) — A. Author, B. Author · ♺ 590 ♥ 1990 · cs.CL, cs.AI
//! ```
//!
//! A paper's tags follow on its line (` · tags: rl, to read`), and its note is a quote under
//! it, indented to belong to the item.
//!
//! Posts and notes are untrusted, and a digest is read rendered, where a link shows only its
//! text: the only links are the papers' abs links, and only those the reader would open
//! (`links::check_url`), with hosts in ASCII; everything else is escaped so that no text can
//! end a link, start one, or be linked by a renderer that links bare addresses. More than five authors are shortened to the first three
//! and "et al.". Where ranks skip (a
//! filtered export), a new list is started with an empty HTML comment, as CommonMark advises,
//! so that renderers keep the ranks instead of renumbering.

use std::io::{self, Write};

use crate::archive::{Day, Paper};
use crate::links::{ascii_hosts, check_url};
use crate::state::Snapshot;

/// Authors beyond this many are shortened to the first three and "et al.".
const MAX_AUTHORS: usize = 5;

/// Escapes what Markdown would read as markup in running text. A backslash is escaped only
/// before punctuation (where it would vanish) and at the end (where it would escape what
/// follows the text, such as the `]` closing a link's text), so LaTeX such as `$\alpha$` stays
/// as written.
///
/// Renderers that link bare addresses (GitHub's: `https://…`, `www.…`, `a@b.c`) find them within
/// one run of text; an escaped `/`, `.` or `@` splits the run, so `:\/\/`, `www\.` and `\@`
/// show as written but link nothing.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_none_or(|n| n.is_ascii_punctuation()) => out.push_str("\\\\"),
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '@' => {
                out.push('\\');
                out.push(c);
            }
            '/' if out.ends_with(':') || out.ends_with(":\\/") => out.push_str("\\/"),
            '.' if out.len() >= 3
                && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www") =>
            {
                out.push_str("\\.")
            }
            // Line breaks would end the list item.
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A link destination: characters that would end it are percent-encoded, and `&` is escaped,
/// since Markdown reads `&#91;` in a destination as `[`: the link must stay the one checked.
fn url(s: &str) -> String {
    s.replace('&', "\\&")
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// The line for one paper, without its number. The title links to the abs page when the
/// reader would open that link.
pub fn item(p: &Paper) -> String {
    let abs = p.abs_url();
    let link = abs.as_deref().filter(|u| check_url(u).is_ok());
    let mut s = match link {
        Some(u) => format!("[{}]({})", text(&p.title), url(&ascii_hosts(u))),
        None => text(&p.title),
    };
    if !p.authors.is_empty() {
        let authors = if p.authors.len() > MAX_AUTHORS {
            format!("{} et al.", p.authors[..3].join(", "))
        } else {
            p.authors.join(", ")
        };
        s.push_str(" — ");
        s.push_str(&text(&authors));
    }
    s.push_str(&format!(" · ♺ {} ♥ {}", p.retweets, p.favorites));
    if !p.categories.is_empty() {
        s.push_str(" · ");
        s.push_str(&text(&p.categories.join(", ")));
    }
    s
}

/// A note as a quote inside a list item whose text starts `indent` columns in: each line
/// escaped as running text, a blank line as an empty quote line.
fn note(body: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut s = String::new();
    for line in body.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            s.push_str(&format!("{pad}>\n"));
        } else {
            s.push_str(&format!("{pad}> {}\n", text(line)));
        }
    }
    s
}

pub fn write<'a, W: Write>(
    out: &mut W,
    days: impl IntoIterator<Item = &'a Day>,
    marks: &Snapshot,
) -> io::Result<()> {
    for (i, day) in days.into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## {}\n", day.date)?;
        if day.papers.is_empty() {
            writeln!(out, "_No papers._")?;
        }
        let mut last: Option<u32> = None;
        for p in &day.papers {
            if last.is_some_and(|r| r.checked_add(1) != Some(p.rank)) {
                writeln!(out, "\n<!-- -->\n")?;
            }
            let mut line = item(p);
            let tags = marks.tags_of(&p.key);
            if !tags.is_empty() {
                line.push_str(" · tags: ");
                line.push_str(&text(&tags.join(", ")));
            }
            let number = format!("{}. ", p.rank);
            writeln!(out, "{number}{line}")?;
            if let Some(n) = marks.note_of(&p.key) {
                write!(out, "\n{}\n", note(n, number.len()))?;
            }
            last = Some(p.rank);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_latex_kept() {
        assert_eq!(text("Neural A* Search"), "Neural A\\* Search");
        assert_eq!(text("Which *BERT?"), "Which \\*BERT?");
        assert_eq!(text("$\\mathrm{QAC}^0$"), "$\\mathrm{QAC}^0$");
        assert_eq!(text("a \\{b\\}"), "a \\\\{b\\\\}");
        assert_eq!(text("[x]_<y>`"), "\\[x\\]\\_\\<y\\>\\`");
        // A backslash last would escape the `]` after a link's text.
        assert_eq!(text("Nice title\\"), "Nice title\\\\");
    }

    #[test]
    fn bare_addresses_are_not_left_for_renderers_to_link() {
        assert_eq!(
            text("see https://arxiv.org@evil.example/ or WWW.evil.example, me@evil.example"),
            "see https:\\/\\/arxiv.org\\@evil.example/ or WWW\\.evil.example, me\\@evil.example"
        );
        assert_eq!(text("a/b: c.d www"), "a/b: c.d www");
    }

    #[test]
    fn only_links_the_reader_opens_are_links() {
        let mut p = Paper::bare(1, "Nice title\\", None);
        for bad in [
            "javascript:alert(1)",
            "https://arxiv.org@evil.example/",
            "https://\u{430}rxiv.org/abs/1",
        ] {
            p.abs = crate::archive::PageLink::given(Some(bad));
            assert!(item(&p).starts_with("Nice title\\\\ · "), "{}", item(&p));
        }
        p.abs = crate::archive::PageLink::given(Some("https://arxiv.org/abs/1?a=1&#91;"));
        assert!(item(&p).contains("](https://arxiv.org/abs/1?a=1\\&#91;)"));
        p.abs = crate::archive::PageLink::given(Some("https://пример.рф/abs/1"));
        assert!(
            item(&p).starts_with("[Nice title\\\\](https://xn--e1afmkfd.xn--p1ai/abs/1) · "),
            "{}",
            item(&p)
        );
    }

    #[test]
    fn a_note_is_a_quote_inside_its_item() {
        assert_eq!(
            note("  Read *twice*.\n\nThen cite.\n", 4),
            "    > Read \\*twice\\*.\n    >\n    > Then cite.\n"
        );
    }
}
