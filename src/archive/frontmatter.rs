//! Front matter: splitting it from the body and reading the few fields we use.
//!
//! This is the only module that knows about YAML, so the YAML library can be swapped (serde_yaml
//! is no longer maintained upstream) without touching the rest of the loader. What can be read
//! without the library, line by line, is in `frontmatter_lines`.

pub use super::frontmatter_lines::FrontMatter;
use super::frontmatter_lines::parse_simple;
pub use super::frontmatter_lines::{key_line, scan_lines};

/// Front matter larger than this is not handed to the YAML parser; real posts use well under 1 KiB.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;

/// Front matter whose `[`/`{` nest deeper than this is not handed to the YAML parser: its time
/// grows with the square of the depth (64 KiB of `[` takes seconds), and serde_yaml refuses
/// anything deeper than 128 anyway. Real posts do not nest at all.
const MAX_NESTING: usize = 128;

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
    } else if let Some(fm) = parse_simple(yaml) {
        return (fm, None);
    } else {
        return parse_yaml(yaml, yaml_line);
    };
    (scan_lines(yaml), problem)
}

/// `parse` by the YAML parser, for front matter that passed the size, nesting and alias checks.
fn parse_yaml(yaml: &str, yaml_line: usize) -> (FrontMatter, Option<Problem>) {
    let problem = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
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
        Ok(_) => Problem::NotAMapping,
        Err(e) => Problem::Invalid {
            line: e.location().map(|l| l.line() + yaml_line - 1),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string(),
        },
    };
    (scan_lines(yaml), Some(problem))
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
    if memchr::memchr2(b'[', b'{', yaml.as_bytes()).is_none() {
        return 0;
    }
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
    // An alias is a `*`; most front matter has none at all.
    memchr::memchr(b'*', yaml.as_bytes()).is_some() && yaml.lines().any(line_has_alias)
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
    fn simple_reading_agrees_with_the_yaml_parser() {
        let lines = [
            "title: Hot Papers 2020-06-29",
            "title: \"Hot Papers 2020-06-29\"",
            "title: 'x \"y\"'",
            "title: 'it''s'",
            "title: 2020",
            "title: 1e3",
            "title: 0x1F",
            "title: .inf",
            "title: .5",
            "title: inf",
            "title: NaN",
            "title: true",
            "title: False",
            "title: null",
            "title: ~",
            "title: a: b",
            "title: a:b",
            "title: a:",
            "title: a #c",
            "title: a#c",
            "title:",
            "title:  spaced  out  ",
            "title: (a) <b> @c %d &e *f !g ?h =i ;j ~k $l",
            "title: [a, b]",
            "title: Ω",
            "title:\tx",
            "title : X",
            "Title: X",
            "date: 2020-06-30T09:15:18.Z",
            "date: 2020-06-30",
            "date: 12:30",
            "date: +1",
            "date: -1",
            "date: 1_000",
            "date: 0o17",
            "date: 0b101",
            "date: '2020-06-30'",
            "slug: \"hot-papers-2020-06-29\"",
            "slug: hot-papers",
            "slug: /a/b",
            "slug: -x",
            "slug: \"a\\\"b\"",
            "slug: \"a\" b",
            "slug: \"unterminated",
            "slug:x",
            "draft: false",
            "template: \"post\"",
            "category: \"arXiv\"",
            "description: \"Hot papers 2020-06-29\"",
            "socialImage: \"/media/flying-marine.jpg\"",
            "tags:",
            "tags: x",
            "  - \"arXiv\"",
            "  - Machine Learning",
            "  - a: b",
            "  -",
            "  -x",
            "- x",
            "    - y",
            "  foo",
            "  k: v",
            "",
            "   ",
            "# comment",
            "key: value # c",
            "true: x",
            "y: n",
            "k: {a: b}",
            "k: a, b",
            "k: a *b",
            "k: |",
            "k: >",
            "k: !t x",
            "k: `x",
            "k: 'a' ",
            "k:   \"x\"  ",
            "k-2_x: .hidden",
            "? k",
            ": v",
            "---",
            "...",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
        let mut simple = 0;
        for _ in 0..60_000 {
            let n = (next() % 9) as usize + 1;
            let doc: String = (0..n)
                .map(|_| format!("{}\n", lines[(next() % lines.len() as u64) as usize]))
                .collect();
            if let Some(fm) = parse_simple(&doc) {
                simple += 1;
                assert_eq!((fm, None), parse_yaml(&doc, 2), "{doc:?}");
            }
        }
        assert!(simple > 2_000, "{simple}");
        let real = "title: Hot Papers 2020-06-29\ndate: 2020-06-30T09:15:18.Z\ntemplate: \"post\"\ndraft: false\nslug: \"hot-papers-2020-06-29\"\ncategory: \"arXiv\"\ntags:\n  - \"arXiv\"\n  - \"Machine Learning\"\ndescription: \"Hot papers 2020-06-29\"\nsocialImage: \"/media/flying-marine.jpg\"\n\n";
        assert!(parse_simple(real).is_some());
        assert_eq!((parse_simple(real).unwrap(), None), parse_yaml(real, 2));
    }

    #[test]
    fn numbers_become_strings() {
        let (fm, _) = parse("title: 2020\n", 2);
        assert_eq!(fm.title.as_deref(), Some("2020"));
    }
}
