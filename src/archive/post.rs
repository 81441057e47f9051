//! One post file → one `Day`, with everything wrong with it as diagnostics.

use std::path::Path;

use chrono::NaiveDate;

use super::body;
use super::dates;
use super::diagnostic::Diagnostic;
use super::frontmatter;
use super::model::{Day, PaperKey};
use super::text::{
    LineCounter, collapse_ws, normalize_newlines, sanitize_in_place, strip_forbidden,
};

/// Files larger than this are not posts (the largest real ones are ~100 KB).
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Lines longer than this many bytes are cut to it, with a warning. The longest line of a real
/// post is about 2.5 KB (a tweet). Parsing a megabyte-long line takes only milliseconds, but a
/// field that long would be wrapped again every time the reader draws it.
pub const MAX_LINE: usize = 64 * 1024;

/// The result of reading one post: a day (unless the file was unusable) and its diagnostics.
#[derive(Debug, Default)]
pub struct Parsed {
    pub day: Option<Day>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one post. `path` names the file in messages; `rel` is stored as the day's `file`.
pub fn parse_post(path: &Path, rel: &str, bytes: &[u8]) -> Parsed {
    let mut out = Parsed::default();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes[..bytes.len().min(8192)].contains(&0) {
        out.diagnostics.push(Diagnostic::error(
            path,
            None,
            "not a text file (it contains NUL bytes); skipped",
        ));
        return out;
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let what = if bytes.is_empty() {
            "empty file"
        } else {
            "file holds only white space"
        };
        out.diagnostics
            .push(Diagnostic::warning(path, None, format!("{what}; skipped")));
        return out;
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            out.diagnostics.push(Diagnostic::warning(
                path,
                Some(line),
                "invalid UTF-8; bad bytes were replaced with U+FFFD",
            ));
            String::from_utf8_lossy(bytes)
        }
    };
    let text = normalize_newlines(&decoded);
    // Controls go before parsing as well as after: removed only from the finished fields, one
    // standing between two spaces would leave a double space behind in collapsed text.
    let text = strip_forbidden(&text);
    let text = match cut_long_lines(&text) {
        Some((cut, LongLines { first, len, count })) => {
            let more = match count {
                1 => String::new(),
                n => format!(" (and {} more lines)", n - 1),
            };
            out.diagnostics.push(Diagnostic::warning(
                path,
                Some(first),
                format!(
                    "line is {len} bytes long, over the {MAX_LINE}-byte limit for a line; cut to the limit{more}"
                ),
            ));
            std::borrow::Cow::Owned(cut)
        }
        None => text,
    };

    let split = frontmatter::split(&text);
    let fm = match split.yaml {
        Some(yaml) => {
            let (fm, problem) = frontmatter::parse(yaml, split.yaml_line);
            if let Some(p) = problem {
                let line = match &p {
                    frontmatter::Problem::Invalid { line, .. } => line.or(Some(split.yaml_line)),
                    _ => Some(split.yaml_line),
                };
                out.diagnostics
                    .push(Diagnostic::warning(path, line, p.to_string()));
            }
            fm
        }
        None if split.unterminated => {
            out.diagnostics.push(Diagnostic::warning(
                path,
                Some(1),
                "front matter opened with `---` is never closed; read its plain `key: value` lines and the papers after it",
            ));
            frontmatter::scan_lines(&text[split.body_start..])
        }
        None => {
            out.diagnostics.push(Diagnostic::warning(
                path,
                Some(1),
                "no front matter; the day is taken from the file name",
            ));
            frontmatter::FrontMatter::default()
        }
    };

    let file_name = Path::new(rel)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let date = [
        fm.title.as_deref(),
        fm.slug.as_deref(),
        Some(file_name.as_str()),
    ]
    .into_iter()
    .flatten()
    .find_map(dates::find_date);
    let Some(date) = date else {
        out.diagnostics.push(Diagnostic::error(
            path,
            None,
            "no YYYY-MM-DD date in the title, slug or file name; skipped",
        ));
        return out;
    };

    let published = fm.date.as_deref().and_then(|d| {
        let t = dates::parse_published(d);
        if t.is_none() {
            // An unterminated front matter was read from the start of the body.
            let yaml = split.yaml.unwrap_or(&text[split.body_start..]);
            let line = frontmatter::key_line(yaml, "date").map(|i| split.yaml_line + i);
            out.diagnostics.push(Diagnostic::warning(
                path,
                line,
                format!(
                    "front-matter date {:?} is not a date-time; ignored",
                    d.chars().take(40).collect::<String>()
                ),
            ));
        }
        t
    });

    let body_text = &text[split.body_start..];
    let (papers, problems) = body::parse(body_text);
    // Lines are counted only up to the offsets asked for: headings in order, then problems.
    let mut lines = LineCounter::new(&text);
    let mut problem_lines = LineCounter::new(&text);
    for p in problems {
        let line = problem_lines.line_of(split.body_start + p.offset);
        out.diagnostics
            .push(Diagnostic::warning(path, Some(line), p.message));
    }
    if papers.is_empty() && body_text.contains("\n#") {
        out.diagnostics.push(Diagnostic::warning(
            path,
            None,
            "no `# N. Title` paper headings found",
        ));
    }
    // Built at its final size: the archive keeps every day's vector for the whole session.
    let mut kept = Vec::with_capacity(papers.len());
    for (mut paper, offset) in papers {
        paper.line = lines.line_of(split.body_start + offset);
        kept.push(paper);
    }

    let mut day = Day {
        date,
        title: collapse_ws(fm.title.as_deref().unwrap_or_default()),
        file: rel.to_string(),
        published,
        papers: kept,
    };
    sanitize_day(&mut day);
    // From the sanitized fields: the key must be what every later reader of them computes.
    for p in &mut day.papers {
        p.key = PaperKey::of(p.arxiv_id.as_deref(), &p.title);
    }
    out.day = Some(day);
    out
}

/// Where `cut_long_lines` cut: the first long line (1-based), its length in bytes, and how many
/// lines were cut.
struct LongLines {
    first: usize,
    len: usize,
    count: usize,
}

/// `text` with every line longer than `MAX_LINE` bytes cut to at most that (at a character
/// boundary), or `None` when no line is that long, which is one scan for a real post.
fn cut_long_lines(text: &str) -> Option<(String, LongLines)> {
    if text.len() <= MAX_LINE || !text.split('\n').any(|l| l.len() > MAX_LINE) {
        return None;
    }
    let mut out = String::with_capacity(text.len().min(16 * MAX_LINE));
    let mut long: Option<LongLines> = None;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.len() <= MAX_LINE {
            out.push_str(line);
            continue;
        }
        let l = long.get_or_insert(LongLines {
            first: i + 1,
            len: line.len(),
            count: 0,
        });
        l.count += 1;
        let mut end = MAX_LINE;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&line[..end]);
    }
    long.map(|l| (out, l))
}

/// Strips control and bidi characters from every string of a day: whatever a post contains,
/// nothing that reaches the terminal later can carry an escape sequence.
fn sanitize_day(day: &mut Day) {
    sanitize_in_place(&mut day.title);
    for p in &mut day.papers {
        for s in [&mut p.title, &mut p.abstract_text]
            .into_iter()
            .chain(p.authors.iter_mut())
            .chain(p.categories.iter_mut())
            .chain(p.arxiv_id.iter_mut())
            .chain(p.abs_url.iter_mut())
            .chain(p.pdf_url.iter_mut())
        {
            sanitize_in_place(s);
        }
        for t in &mut p.tweets {
            for s in [
                &mut t.author,
                &mut t.handle,
                &mut t.url,
                &mut t.date,
                &mut t.lang,
                &mut t.text,
            ] {
                sanitize_in_place(s);
            }
        }
    }
}

/// The day a file name alone suggests, for listing posts before they are parsed.
pub fn date_from_name(rel: &str) -> Option<NaiveDate> {
    let name = Path::new(rel).file_name()?.to_string_lossy();
    dates::find_date(&name)
}
