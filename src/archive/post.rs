//! One post file → one `Day`, with everything wrong with it as diagnostics.

use std::borrow::Cow;
use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::body;
use super::dates;
use super::diagnostic::Diagnostic;
use super::frontmatter::{self, FrontMatter, Problem, Split};
use super::model::{Day, Keep, Name, PageLink, Paper, PaperKey};
use super::text::{
    LineCounter, collapse_ws, normalize_newlines, sanitize, sanitize_in_place, strip_forbidden,
};
use super::tweet_url::TweetUrl;

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
    parse_post_keeping(path, rel, bytes, Keep::All)
}

/// `parse_post`, making only what `keep` asks for.
pub fn parse_post_keeping(path: &Path, rel: &str, bytes: &[u8], keep: Keep) -> Parsed {
    let mut out = Parsed::default();
    let diagnostics = &mut out.diagnostics;
    let Some(text) = read_text(path, bytes, diagnostics) else {
        return out;
    };
    let split = frontmatter::split(&text);
    let fm = read_front_matter(path, &text, &split, diagnostics);
    let Some(date) = day_of(path, rel, &fm, diagnostics) else {
        return out;
    };
    let published = read_published(path, &text, &split, &fm, diagnostics);
    let papers = read_papers(path, &text, split.body_start, keep, diagnostics);
    let mut day = Day {
        date,
        title: collapse_ws(fm.title.as_deref().unwrap_or_default()),
        file: rel.to_string(),
        published,
        papers,
    };
    if keep == Keep::Counts {
        out.day = Some(day);
        return out;
    }
    sanitize_day(&mut day);
    // From the sanitized fields: the key must be what every later reader of them computes.
    for p in &mut day.papers {
        p.key = PaperKey::of_paper(p.arxiv_id.as_ref(), &p.title);
    }
    out.day = Some(day);
    out
}

/// The text of a post, newlines normalised and long lines cut, or `None` for a file that is no
/// post at all (binary, or blank).
fn read_text<'a>(
    path: &Path,
    bytes: &'a [u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cow<'a, str>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(skipped) = not_a_post(path, bytes) {
        diagnostics.push(skipped);
        return None;
    }
    let text = decode(path, bytes, diagnostics);
    let text = rewrite(text, normalize_newlines);
    // Controls go before parsing as well as after: removed only from the finished fields, one
    // standing between two spaces would leave a double space behind in collapsed text.
    let text = rewrite(text, strip_forbidden);
    Some(limit_lines(path, text, diagnostics))
}

/// Why a file is skipped unread: it is binary, or holds nothing but white space.
fn not_a_post(path: &Path, bytes: &[u8]) -> Option<Diagnostic> {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Some(Diagnostic::error(
            path,
            None,
            "not a text file (it contains NUL bytes); skipped",
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let what = if bytes.is_empty() {
            "empty file"
        } else {
            "file holds only white space"
        };
        return Some(Diagnostic::warning(path, None, format!("{what}; skipped")));
    }
    None
}

/// The bytes as UTF-8, with a warning at the first bad byte's line when they are not.
fn decode<'a>(path: &Path, bytes: &'a [u8], diagnostics: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            diagnostics.push(Diagnostic::warning(
                path,
                Some(line),
                "invalid UTF-8; bad bytes were replaced with U+FFFD",
            ));
            String::from_utf8_lossy(bytes)
        }
    }
}

/// `text` changed by `change`, still borrowed from the file's bytes while nothing changes it, so
/// that a clean post is never copied.
fn rewrite<'a>(text: Cow<'a, str>, change: impl Fn(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(s) => change(s),
        Cow::Owned(s) => {
            let changed = match change(&s) {
                Cow::Borrowed(_) => None,
                Cow::Owned(changed) => Some(changed),
            };
            Cow::Owned(changed.unwrap_or(s))
        }
    }
}

/// `text` with lines over `MAX_LINE` bytes cut, and one warning for all of them.
fn limit_lines<'a>(
    path: &Path,
    text: Cow<'a, str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Cow<'a, str> {
    let Some((cut, LongLines { first, len, count })) = cut_long_lines(&text) else {
        return text;
    };
    let more = match count {
        1 => String::new(),
        n => format!(" (and {} more lines)", n - 1),
    };
    diagnostics.push(Diagnostic::warning(
        path,
        Some(first),
        format!(
            "line is {len} bytes long, over the {MAX_LINE}-byte limit for a line; cut to the limit{more}"
        ),
    ));
    Cow::Owned(cut)
}

/// The front matter's fields. A post without a usable front matter is still read: its fields
/// then come from its plain `key: value` lines or from nowhere, with a warning that says which.
fn read_front_matter(
    path: &Path,
    text: &str,
    split: &Split<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> FrontMatter {
    match split.yaml {
        Some(yaml) => {
            let (fm, problem) = frontmatter::parse(yaml, split.yaml_line);
            if let Some(p) = problem {
                let line = match &p {
                    Problem::Invalid { line, .. } => line.or(Some(split.yaml_line)),
                    _ => Some(split.yaml_line),
                };
                diagnostics.push(Diagnostic::warning(path, line, p.to_string()));
            }
            fm
        }
        None if split.unterminated => {
            diagnostics.push(Diagnostic::warning(
                path,
                Some(1),
                "front matter opened with `---` is never closed; read its plain `key: value` lines and the papers after it",
            ));
            frontmatter::scan_lines(&text[split.body_start..])
        }
        None => {
            diagnostics.push(Diagnostic::warning(
                path,
                Some(1),
                "no front matter; the day is taken from the file name",
            ));
            FrontMatter::default()
        }
    }
}

/// The post's day: the first date in the title, the slug or the file name. Without one the
/// post cannot be placed, and is skipped.
fn day_of(
    path: &Path,
    rel: &str,
    fm: &FrontMatter,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let date = [fm.title.as_deref(), fm.slug.as_deref()]
        .into_iter()
        .flatten()
        .find_map(dates::find_date)
        .or_else(|| date_from_name(rel));
    if date.is_none() {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "no YYYY-MM-DD date in the title, slug or file name; skipped",
        ));
    }
    date
}

/// The front matter's publication time; one that cannot be read costs a warning, not the post.
fn read_published(
    path: &Path,
    text: &str,
    split: &Split<'_>,
    fm: &FrontMatter,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<NaiveDateTime> {
    let d = fm.date.as_deref()?;
    let t = dates::parse_published(d);
    if t.is_none() {
        // An unterminated front matter was read from the start of the body.
        let yaml = split.yaml.unwrap_or(&text[split.body_start..]);
        let line = frontmatter::key_line(yaml, "date").map(|i| split.yaml_line + i);
        diagnostics.push(Diagnostic::warning(
            path,
            line,
            format!(
                "front-matter date {:?} is not a date-time; ignored",
                d.chars().take(40).collect::<String>()
            ),
        ));
    }
    t
}

/// The papers of the body starting at `body_start` in `text`, each with its heading's line, and
/// the body's problems as warnings at their lines.
fn read_papers(
    path: &Path,
    text: &str,
    body_start: usize,
    keep: Keep,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Paper> {
    let body_text = &text[body_start..];
    let (papers, problems) = body::parse(body_text, keep);
    // Lines are counted only up to the offsets asked for: headings in order, then problems.
    let mut lines = LineCounter::new(text);
    let mut problem_lines = LineCounter::new(text);
    for p in problems {
        let line = problem_lines.line_of(body_start + p.offset);
        diagnostics.push(Diagnostic::warning(path, Some(line), p.message));
    }
    if papers.is_empty() && body_text.contains("\n#") {
        diagnostics.push(Diagnostic::warning(
            path,
            None,
            "no `# N. Title` paper headings found",
        ));
    }
    // Built at its final size: the archive keeps every day's vector for the whole session.
    let mut kept = Vec::with_capacity(papers.len());
    for (mut paper, offset) in papers {
        // A post is at most MAX_FILE_SIZE bytes: its lines fit a u32.
        paper.line = u32::try_from(lines.line_of(body_start + offset)).unwrap_or(u32::MAX);
        kept.push(paper);
    }
    kept
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
        let p = &mut **p;
        for n in p.authors.iter_mut().chain(p.categories.iter_mut()) {
            sanitize_name(n);
        }
        if let Cow::Owned(clean) = sanitize(&p.title) {
            p.title = clean.into();
        }
        sanitize_in_place(&mut p.abstract_text);
        if let Some(id) = &mut p.arxiv_id
            && let Cow::Owned(clean) = sanitize(id)
        {
            *id = clean.into();
        }
        for link in [&mut p.abs, &mut p.pdf] {
            if let PageLink::Given(url) = link
                && let Cow::Owned(clean) = sanitize(url)
            {
                **url = clean;
            }
        }
        // From the sanitized links and id, as every later reader of them sees them.
        p.compact_links();
        for t in &mut p.tweets {
            for n in [&mut t.author, &mut t.handle, &mut t.date, &mut t.lang] {
                sanitize_name(n);
            }
            sanitize_in_place(&mut t.text);
            // The head alone: the number after it is digits, and a clean link (nearly every
            // one) is not spelt out in full to be checked.
            if let Cow::Owned(_) = sanitize(t.url.head()) {
                t.url = TweetUrl::new(&sanitize(&t.url.as_str()));
            }
        }
    }
}

/// `sanitize_in_place` for a name: one that needs it is made anew (most never do).
fn sanitize_name(name: &mut Name) {
    if let Cow::Owned(clean) = sanitize(name) {
        *name = Name::new(&clean);
    }
}

/// The day a file name alone suggests, for listing posts before they are parsed.
pub fn date_from_name(rel: &str) -> Option<NaiveDate> {
    let name = Path::new(rel).file_name()?.to_string_lossy();
    dates::find_date(&name)
}
