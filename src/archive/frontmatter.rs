//! Front matter: splitting it from the body and reading the few fields we use.
//!
//! This is the only module that knows about YAML, so the YAML library can be swapped (serde_yaml
//! is no longer maintained upstream) without touching the rest of the loader.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Front matter larger than this is not handed to the YAML parser; real posts use well under 1 KiB.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;

/// Front matter whose `[`/`{` nest deeper than this is not handed to the YAML parser: its time
/// grows with the square of the depth (64 KiB of `[` takes seconds), and serde_yaml refuses
/// anything deeper than 128 anyway. Real posts do not nest at all.
const MAX_NESTING: usize = 128;

/// The fields of the front matter the reader uses.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub slug: Option<String>,
}

/// A post's text cut into front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, if the post has any.
    pub yaml: Option<&'a str>,
    /// 1-based line of the YAML's first line.
    pub yaml_line: usize,
    /// Byte offset of the body in the text.
    pub body_start: usize,
    /// The opening fence was never closed; the body then starts after the opening fence.
    pub unterminated: bool,
}

/// Finds the `---` fenced front matter at the start of `text` (newlines already normalised).
pub fn split(text: &str) -> Split<'_> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Split {
            yaml: None,
            yaml_line: 0,
            body_start: 0,
            unterminated: false,
        };
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut pos = yaml_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            return Split {
                yaml: Some(&text[yaml_start..pos]),
                yaml_line: 2,
                body_start: (end + 1).min(text.len()),
                unterminated: false,
            };
        }
        pos = end + 1;
    }
    Split {
        yaml: None,
        yaml_line: 2,
        body_start: yaml_start,
        unterminated: true,
    }
}

/// Why the YAML was not (fully) used; the caller turns this into a warning.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    TooLarge(usize),
    TooDeep,
    Aliases,
    Invalid {
        line: Option<usize>,
        message: String,
    },
    NotAMapping,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::TooLarge(n) => write!(
                f,
                "front matter is {n} bytes (limit {MAX_FRONT_MATTER}); read only its plain `key: value` lines"
            ),
            Problem::TooDeep => write!(
                f,
                "front matter nests more than {MAX_NESTING} levels deep; read only its plain `key: value` lines"
            ),
            Problem::Aliases => f.write_str(
                "front matter uses YAML aliases, which are not expanded; read only its plain `key: value` lines",
            ),
            Problem::Invalid { message, .. } => {
                write!(f, "front matter is not valid YAML ({message}); read only its plain `key: value` lines")
            }
            Problem::NotAMapping => {
                f.write_str("front matter is not a YAML mapping; read only its plain `key: value` lines")
            }
        }
    }
}

/// Reads the fields we use. On any problem the plain `key: value` lines still give what they can,
/// so that a broken front matter costs a warning, not the post.
pub fn parse(yaml: &str, yaml_line: usize) -> (FrontMatter, Option<Problem>) {
    let problem = if yaml.len() > MAX_FRONT_MATTER {
        Some(Problem::TooLarge(yaml.len()))
    } else if flow_depth(yaml) > MAX_NESTING {
        Some(Problem::TooDeep)
    } else if has_alias(yaml) {
        // Alias graphs expand exponentially in serde_yaml 0.9; posts never need them.
        Some(Problem::Aliases)
    } else {
        match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
            Ok(serde_yaml::Value::Mapping(map)) => {
                let field = |k: &str| map.get(k).and_then(scalar_string);
                let fm = FrontMatter {
                    title: field("title"),
                    date: field("date"),
                    slug: field("slug"),
                };
                return (fm, None);
            }
            Ok(serde_yaml::Value::Null) => return (FrontMatter::default(), None),
            Ok(_) => Some(Problem::NotAMapping),
            Err(e) => Some(Problem::Invalid {
                line: e.location().map(|l| l.line() + yaml_line - 1),
                message: e
                    .to_string()
                    .split(" at line ")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            }),
        }
    };
    (scan_lines(yaml), problem)
}

/// Reads top-level `key: value` lines without a YAML parser.
pub fn scan_lines(yaml: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let slot = match key {
            "title" => &mut fm.title,
            "date" => &mut fm.date,
            "slug" => &mut fm.slug,
            _ => continue,
        };
        let value = unquote(value.trim());
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    fm
}

/// 0-based index of the first top-level `key:` line, to point a warning about a field at it.
pub fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| l.split_once(':').is_some_and(|(k, _)| k.trim_end() == key))
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

fn scalar_string(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        serde_yaml::Value::Tagged(t) => scalar_string(&t.value),
        _ => None,
    }
}

/// The deepest nesting of flow brackets. Brackets in quotes and comments count too, which can
/// only overestimate, and only in front matter no post has.
fn flow_depth(yaml: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0);
    for b in yaml.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// True if the YAML may contain an alias. Errs towards yes: a false yes only costs a warning and
/// the plain-line fallback, a false no could let an alias bomb through.
fn has_alias(yaml: &str) -> bool {
    yaml.lines().any(line_has_alias)
}

/// An alias can only stand where a node starts: at the start of a line's content, after a `- `,
/// `? ` or `: ` indicator, after `[`, `{` or `,`, or after an anchor or tag. Anywhere else a `*`
/// is plain text, as in `description: a *bold* claim`, which must not cost a warning.
fn line_has_alias(line: &str) -> bool {
    let mut chars = line.chars().peekable();
    let mut at_node = true;
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        let blank_next = chars.peek().is_none_or(|n| n.is_whitespace());
        match c {
            c if c.is_whitespace() => {}
            '#' if prev.is_whitespace() => return false,
            '*' if at_node => return true,
            '"' | '\'' if at_node => {
                // Skip the quoted scalar (to the end of the line if it goes on).
                let mut escaped = false;
                for q in chars.by_ref() {
                    if c == '"' && q == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if q == c && !escaped {
                        break;
                    }
                    escaped = false;
                }
                at_node = false;
            }
            '&' | '!' if at_node => {
                // An anchor or tag: the node itself still follows.
                while chars.next_if(|n| !n.is_whitespace()).is_some() {}
            }
            '-' | '?' | ':' if blank_next => at_node = true,
            '[' | '{' | ',' => at_node = true,
            _ => at_node = false,
        }
        prev = c;
    }
    false
}

/// Reads a publication time leniently: RFC 3339, the `2021-01-26T10:03:24.Z` form (a fraction
/// with no digits) real posts use, a space instead of `T`, or a bare date. Returns UTC.
pub fn parse_published(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    if s.len() >= 19 && s.is_char_boundary(19) {
        let (head, mut rest) = s.split_at(19);
        let head = head.replacen(' ', "T", 1);
        let t = NaiveDateTime::parse_from_str(&head, "%Y-%m-%dT%H:%M:%S").ok()?;
        if let Some(frac) = rest.strip_prefix('.') {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let rest = rest.trim();
        let offset_secs = match rest {
            "" | "Z" | "z" => 0,
            _ => parse_offset(rest)?,
        };
        return t.checked_sub_signed(chrono::Duration::seconds(offset_secs));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

fn parse_offset(s: &str) -> Option<i64> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i64 = digits[..2].parse().ok()?;
    let m: i64 = digits[2..].parse().ok()?;
    Some(sign * (h * 3600 + m * 60))
}

/// The first valid `YYYY-MM-DD` in `s`.
pub fn find_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if shape && boundary {
            NaiveDate::parse_from_str(std::str::from_utf8(w).ok()?, "%Y-%m-%d").ok()
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_fenced_front_matter() {
        let s = split("---\ntitle: x\n---\n# 1. A\n");
        assert_eq!(s.yaml, Some("title: x\n"));
        assert_eq!(s.body_start, 17);
        assert!(!s.unterminated);
    }

    #[test]
    fn no_front_matter_means_all_body() {
        let s = split("# 1. A\n");
        assert_eq!((s.yaml, s.body_start, s.unterminated), (None, 0, false));
    }

    #[test]
    fn unterminated_front_matter_is_flagged() {
        let s = split("---\ntitle: x\n# 1. A\n");
        assert!(s.unterminated);
        assert_eq!(s.body_start, 4);
    }

    #[test]
    fn reads_fields_of_real_shape() {
        let (fm, p) = parse(
            "title: Hot Papers 2020-01-02\ndate: 2020-01-03T09:00:00.Z\nslug: \"s\"\ntags:\n  - \"a\"\n",
            2,
        );
        assert_eq!(p, None);
        assert_eq!(fm.title.as_deref(), Some("Hot Papers 2020-01-02"));
        assert_eq!(fm.date.as_deref(), Some("2020-01-03T09:00:00.Z"));
        assert_eq!(fm.slug.as_deref(), Some("s"));
    }

    #[test]
    fn broken_yaml_falls_back_to_lines_with_a_located_problem() {
        let (fm, p) = parse("title: Hot Papers 2020-01-02\ntags: [a, b\nslug: 'x'\n", 2);
        assert_eq!(fm.title.as_deref(), Some("Hot Papers 2020-01-02"));
        assert_eq!(fm.slug.as_deref(), Some("x"));
        assert!(
            matches!(p, Some(Problem::Invalid { line: Some(l), .. }) if l >= 3),
            "{p:?}"
        );
    }

    #[test]
    fn aliases_are_never_expanded() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntitle: Hot Papers 2020-01-02\n";
        let (fm, p) = parse(bomb, 2);
        assert_eq!(p, Some(Problem::Aliases));
        assert_eq!(fm.title.as_deref(), Some("Hot Papers 2020-01-02"));
        assert!(!has_alias(
            "description: \"a *star* here\"\ntitle: 'x *y'\n"
        ));
        assert!(!has_alias(
            "description: a *bold* claim, 2 * 3 # *c\ntags: [a, b]\nk: \"q\\\" *\"\n"
        ));
        for alias in [
            "*a : x\n",
            "  - *a\n",
            "k: *a\n",
            "k: [x, *a]\n",
            "k: {x: *a}\n",
            "k: !!str &b *a\n",
            "? *a\n",
        ] {
            assert!(has_alias(alias), "{alias}");
        }
    }

    #[test]
    fn deep_nesting_is_not_parsed() {
        let deep = format!(
            "title: Hot Papers 2020-01-02\nk: {}\n",
            "[".repeat(MAX_NESTING + 1)
        );
        let (fm, p) = parse(&deep, 2);
        assert_eq!(p, Some(Problem::TooDeep));
        assert_eq!(fm.title.as_deref(), Some("Hot Papers 2020-01-02"));
        let ok = format!("k: {}{}\n", "[".repeat(3), "]".repeat(3));
        assert_eq!(parse(&ok, 2).1, None);
    }

    #[test]
    fn numbers_become_strings() {
        let (fm, _) = parse("title: 2020\n", 2);
        assert_eq!(fm.title.as_deref(), Some("2020"));
    }

    #[test]
    fn published_forms() {
        let t = |s| parse_published(s).map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
        assert_eq!(
            t("2021-01-26T10:03:24.Z").as_deref(),
            Some("2021-01-26 10:03:24")
        );
        assert_eq!(
            t("2021-01-26T10:03:24Z").as_deref(),
            Some("2021-01-26 10:03:24")
        );
        assert_eq!(
            t("2021-01-26T10:03:24.123+09:00").as_deref(),
            Some("2021-01-26 01:03:24")
        );
        assert_eq!(
            t("2021-01-26 10:03:24").as_deref(),
            Some("2021-01-26 10:03:24")
        );
        assert_eq!(t("2021-01-26").as_deref(), Some("2021-01-26 00:00:00"));
        assert_eq!(t("yesterday"), None);
        assert_eq!(t("2021-13-26T10:03:24Z"), None);
    }

    #[test]
    fn finds_dates_inside_text() {
        assert_eq!(
            find_date("Hot Papers 2020-06-29"),
            NaiveDate::from_ymd_opt(2020, 6, 29)
        );
        assert_eq!(
            find_date("hot-papers-2020-06-29"),
            NaiveDate::from_ymd_opt(2020, 6, 29)
        );
        assert_eq!(
            find_date("2020-13-45 then 2020-02-29"),
            NaiveDate::from_ymd_opt(2020, 2, 29)
        );
        assert_eq!(find_date("no date"), None);
        assert_eq!(
            find_date("日本 2020-01-02"),
            NaiveDate::from_ymd_opt(2020, 1, 2)
        );
    }
}
