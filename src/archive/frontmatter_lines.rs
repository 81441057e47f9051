//! Front matter read line by line, without a YAML parser: the simplest YAML, which every real
//! post has, and the plain `key: value` lines, which are what a broken front matter still gives.

/// The fields of the front matter the reader uses.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub slug: Option<String>,
}

/// Reads front matter written in the simplest YAML, the kind every real post has, without the YAML
/// parser, which costs a tenth of a full index (most of it setting up its buffers). `None` for
/// anything else, which then goes to the parser: the answer, when there is one, is the parser's.
///
/// Accepted: printable ASCII lines that are blank, `key: value` or `key:` at column 0 (distinct
/// keys made of letters, digits, `_` and `-`, starting with a letter, and not `null`, `true`, …),
/// and, after a `key:` line, `- value` items all indented alike. A value is double- or
/// single-quoted with no quote or backslash inside, then nothing but spaces, or plain: starting
/// with a letter, digit, `/` or `.`, holding only letters, digits, spaces and `-_.,/+()!?=;~$%&*<>@`
/// (and `:` when no space follows it). A plain title, date or slug must also be one that the
/// parser cannot take for a null, a boolean or a number, since those read back differently.
pub(super) fn parse_simple(yaml: &str) -> Option<FrontMatter> {
    if !yaml
        .bytes()
        .all(|b| b == b'\n' || (0x20..0x7f).contains(&b))
    {
        return None;
    }
    let mut fm = FrontMatter::default();
    let mut keys: Vec<&str> = Vec::new();
    // Items may follow a `key:` line with no value, or another item at the same indent.
    let mut items: Option<Option<usize>> = None;
    for line in yaml.split('\n') {
        let rest = line.trim_start_matches(' ');
        if rest.is_empty() {
            continue;
        }
        let indent = line.len() - rest.len();
        if let Some(item) = rest.strip_prefix('-') {
            match &mut items {
                Some(at) if at.is_none_or(|a| a == indent) => *at = Some(indent),
                _ => return None,
            }
            if !item.is_empty() {
                simple_scalar(item.strip_prefix(' ')?.trim_start_matches(' '))?;
            }
            continue;
        }
        let (key, value) = rest.split_once(':')?;
        if indent != 0 || !simple_key(key) || keys.contains(&key) {
            return None;
        }
        keys.push(key);
        if value.trim_start_matches(' ').is_empty() {
            items = Some(None);
            continue;
        }
        items = None;
        let (text, quoted) = simple_scalar(value.strip_prefix(' ')?.trim_start_matches(' '))?;
        let slot = match key {
            "title" => &mut fm.title,
            "date" => &mut fm.date,
            "slug" => &mut fm.slug,
            _ => continue,
        };
        if !quoted && !certainly_a_string(text) {
            return None;
        }
        *slot = Some(text.to_string());
    }
    (!keys.is_empty()).then_some(fm)
}

fn simple_key(key: &str) -> bool {
    let b = key.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphabetic()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
        && !matches!(
            key,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        )
}

/// A value as `parse_simple` accepts it (see there): its text, and whether it was quoted.
fn simple_scalar(v: &str) -> Option<(&str, bool)> {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q) {
            let end = inner.find(q)?;
            let (text, after) = (&inner[..end], &inner[end + 1..]);
            let clean = !text.contains('\\') && after.bytes().all(|b| b == b' ');
            return clean.then_some((text, true));
        }
    }
    let text = v.trim_end_matches(' ');
    let b = text.as_bytes();
    let first_ok = b
        .first()
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'/' || *c == b'.');
    let rest_ok = b.iter().enumerate().all(|(i, &c)| match c {
        b':' => b.get(i + 1).is_some_and(|n| *n != b' '),
        c => {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    b' ' | b'-'
                        | b'_'
                        | b'.'
                        | b','
                        | b'/'
                        | b'+'
                        | b'('
                        | b')'
                        | b'!'
                        | b'?'
                        | b'='
                        | b';'
                        | b'~'
                        | b'$'
                        | b'%'
                        | b'&'
                        | b'*'
                        | b'<'
                        | b'>'
                        | b'@'
                )
        }
    });
    (first_ok && rest_ok).then_some((text, false))
}

/// True if the YAML parser reads this plain scalar as a string: it is not a null or boolean word
/// and holds a character that no integer (`0x..`, `0o..`, `0b..`, decimal) or float can.
fn certainly_a_string(plain: &str) -> bool {
    // `.inf`, `.nan` and the like are floats.
    !plain.starts_with('.')
        && !matches!(
            plain,
            "null" | "Null" | "NULL" | "~" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        )
        && plain.bytes().any(|c| {
            !(c.is_ascii_hexdigit()
                || matches!(c, b'x' | b'X' | b'o' | b'O' | b'.' | b'+' | b'-' | b'_'))
        })
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
