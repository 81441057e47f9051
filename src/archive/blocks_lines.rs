//! The top-level blocks of a body read line by line, without pulldown-cmark: the simplest
//! Markdown, which every real post is written in, and which pulldown-cmark spends a third of a
//! full index on (most of it reading the inlines of abstracts nobody asks it about). `None` for
//! anything else, which then goes to pulldown-cmark: the answer, when there is one, is its own.
//!
//! Accepted, line by line (a blank line holds only spaces and tabs):
//! - `# ` and a title: a level-1 heading, one line;
//! - a line starting `<blockquote` (then a space, tab, `>`, `/>` or the line's end): an HTML
//!   block running to the next blank line, whatever its lines hold;
//! - a line starting `<script` (then a space, tab, `>` or the line's end) and holding
//!   `</script>`: an HTML block of one line;
//! - `- ` and an item of plain text and `[label](destination)` links (see `item`), then more
//!   such lines, with blank lines between them or not: a list;
//! - anything else starting with a letter, a digit (not a run of digits then `.` or `)`), a
//!   non-ASCII character or a punctuation mark that starts no block: a paragraph, running to the
//!   next blank line over lines that start the same way. One whose first line starts with `[`
//!   must be one line without `]:` (it could be a link reference definition).
//!
//! Any other line refuses the body: indented lines, other headings, rules, fences, quotes, other
//! HTML, other list markers, a line right after an item that is not an item, a `\r`.

use std::borrow::Cow;

use super::blocks::{Block, Item, Kind};
use super::text::find;

/// What the line before the current one left open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Nothing: a blank line, the start, or a block that ends with its line.
    Nothing,
    Paragraph,
    /// An HTML block that runs to the next blank line.
    Html,
    /// A list whose last line was an item (`false`) or a blank line after one (`true`).
    List {
        after_blank: bool,
    },
}

/// The blocks of `body` as `blocks::blocks` gives them, or `None` when the body is not in the
/// simple form described above.
pub(super) fn blocks(body: &str) -> Option<Vec<Block<'_>>> {
    let b = body.as_bytes();
    if memchr::memchr(b'\r', b).is_some() {
        return None;
    }
    let mut out: Vec<Block> = Vec::new();
    let mut open = Open::Nothing;
    let mut start = 0;
    while start < b.len() {
        let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |i| start + i);
        let next = (end + 1).min(b.len());
        let line = &body[start..end];
        let blank = line.bytes().all(|c| c == b' ' || c == b'\t');
        open = match (open, blank) {
            (Open::List { .. }, true) => {
                // A list's last item runs over the blank lines after it.
                let list = out.last_mut()?;
                list.range.end = next;
                list.items.last_mut()?.range.end = next;
                Open::List { after_blank: true }
            }
            (_, true) => Open::Nothing,
            (Open::Html, false) => {
                out.last_mut()?.range.end = next;
                Open::Html
            }
            (Open::Paragraph, false) => {
                let para = out.last_mut()?;
                if !paragraph_line(line) || body.as_bytes()[para.range.start] == b'[' {
                    return None;
                }
                para.range.end = next;
                Open::Paragraph
            }
            (Open::List { after_blank }, false) => match line.strip_prefix("- ") {
                Some(content) => {
                    let item = item(content, start..next)?;
                    let list = out.last_mut()?;
                    list.range.end = next;
                    list.items.push(item);
                    Open::List { after_blank: false }
                }
                // A line right after an item continues it, lazily.
                None if !after_blank => return None,
                None => start_block(line, start..next, &mut out)?,
            },
            (Open::Nothing, false) => start_block(line, start..next, &mut out)?,
        };
        start = next;
    }
    Some(out)
}

/// Starts the block whose first line is `line` (at `range` of the body, its newline included).
fn start_block<'a>(
    line: &'a str,
    range: std::ops::Range<usize>,
    out: &mut Vec<Block<'a>>,
) -> Option<Open> {
    let block = |kind, items| Block {
        kind,
        range: range.clone(),
        items,
    };
    let b = line.as_bytes();
    let open = match b[0] {
        b'#' => {
            let title = line.strip_prefix("# ")?;
            if title.bytes().all(|c| c == b' ' || c == b'\t') {
                return None;
            }
            out.push(block(Kind::Heading1, Vec::new()));
            Open::Nothing
        }
        b'-' => {
            let item = item(line.strip_prefix("- ")?, range.clone())?;
            out.push(block(Kind::List, vec![item]));
            Open::List { after_blank: false }
        }
        b'<' if tag_starts(line, "<blockquote", true) => {
            out.push(block(Kind::Html, Vec::new()));
            Open::Html
        }
        // An HTML block of the kind `<script` opens ends at the line holding `</script>`.
        b'<' if tag_starts(line, "<script", false) && find(line, "</script>").is_some() => {
            out.push(block(Kind::Html, Vec::new()));
            Open::Nothing
        }
        b'[' if find(line, "]:").is_some() => return None,
        _ if paragraph_line(line) => {
            out.push(block(Kind::Paragraph, Vec::new()));
            Open::Paragraph
        }
        _ => return None,
    };
    Some(open)
}

/// True if `line` starts with the tag `name` (lowercase, with its `<`) and the name ends there:
/// at the line's end, a space, a tab, `>`, or (when `slash`) `/>`.
fn tag_starts(line: &str, name: &str, slash: bool) -> bool {
    line.strip_prefix(name).is_some_and(|rest| {
        matches!(rest.bytes().next(), None | Some(b' ' | b'\t' | b'>'))
            || (slash && rest.starts_with("/>"))
    })
}

/// True if a line starting so can only be paragraph text, whether it starts a paragraph or
/// continues one.
fn paragraph_line(line: &str) -> bool {
    let b = line.as_bytes();
    match b[0] {
        c if c.is_ascii_alphabetic() || c >= 0x80 => true,
        b'0'..=b'9' => {
            // `1.` or `1)` starts an ordered list.
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            !matches!(b.get(digits), Some(b'.' | b')'))
        }
        c => matches!(
            c,
            b'(' | b')'
                | b'"'
                | b'\''
                | b'$'
                | b','
                | b'.'
                | b';'
                | b':'
                | b'?'
                | b'@'
                | b'%'
                | b'^'
                | b'{'
                | b'}'
                | b'|'
                | b'/'
                | b'\\'
                | b'!'
                | b'&'
                | b'['
                | b']'
        ),
    }
}

/// `table[c]` is true for the bytes of `set`, or for all bytes but those when `!member`.
const fn byte_table(set: &[u8], member: bool) -> [bool; 256] {
    let mut table = [!member; 256];
    let mut i = 0;
    while i < set.len() {
        table[set[i] as usize] = member;
        i += 1;
    }
    table
}

/// The bytes that are markup in an item's text (or a tab, which is refused).
const MARKUP: [bool; 256] = byte_table(b"`*_&\\<![]\t", true);

/// The bytes a link destination may hold: printable ASCII but a few.
const URL: [bool; 256] = {
    let mut table = byte_table(b"\"'()<>[]\\&`", false);
    let mut c = 0;
    while c < 256 {
        if c <= b' ' as usize || c >= 0x7f {
            table[c] = false;
        }
        c += 1;
    }
    table
};

/// A list item's content (after `- `) as pulldown-cmark reads it, if it is plain text and
/// `[label](destination)` links: no other markup character (`` ` ``, `*`, `_`, `&`, `\`, `<`,
/// `!`, a bracket outside a link), no tab, no space at either end, and nothing that would make the
/// item a block of its own (a heading, a quote, a list, a rule, a fence). A label holds none of
/// those either; a destination is printable ASCII without spaces, quotes, brackets, parentheses,
/// `<`, `>`, `\`, `&` or `` ` ``.
fn item(content: &str, range: std::ops::Range<usize>) -> Option<Item<'_>> {
    let b = content.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    if matches!(
        first,
        b'#' | b'>' | b'-' | b'*' | b'+' | b'=' | b'_' | b'~' | b'<' | b' '
    ) || last == b' '
    {
        return None;
    }
    if first.is_ascii_digit() {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if matches!(b.get(digits), Some(b'.' | b')')) {
            return None;
        }
    }
    let markup = |c: u8| MARKUP[usize::from(c)];
    let mut item = Item {
        range,
        text: Cow::Borrowed(""),
        links: Vec::new(),
    };
    let mut i = 0;
    while i < b.len() {
        let plain = b[i..]
            .iter()
            .position(|&c| markup(c))
            .map_or(b.len(), |p| i + p);
        if i == 0 && plain == b.len() {
            // No link: the text is the content itself.
            item.text = Cow::Borrowed(content);
            break;
        }
        if i == 0 {
            // One allocation each for the text and the links, not one per time they grow: a
            // category line has half a dozen links, and every paper has two such lines.
            item.text = Cow::Owned(String::with_capacity(content.len()));
            item.links = Vec::with_capacity(memchr::memchr_iter(b'[', b).count());
        }
        item.text.to_mut().push_str(&content[i..plain]);
        if plain == b.len() {
            break;
        }
        if b[plain] != b'[' {
            return None;
        }
        let label_start = plain + 1;
        let label_end = b[label_start..]
            .iter()
            .position(|&c| markup(c))
            .map(|p| label_start + p)
            .filter(|&e| e > label_start && b[e] == b']')?;
        let rest = content[label_end + 1..].strip_prefix('(')?;
        // The destination runs to the first byte no URL holds, which must be its `)`.
        let dest_len = rest.bytes().position(|c| !URL[usize::from(c)])?;
        if dest_len == 0 || rest.as_bytes()[dest_len] != b')' {
            return None;
        }
        let dest = &rest[..dest_len];
        let label = &content[label_start..label_end];
        item.text.to_mut().push_str(label);
        item.links.push((Cow::Borrowed(label), Cow::Borrowed(dest)));
        i = label_end + 2 + dest_len + 1;
    }
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::super::blocks::markdown_blocks;
    use super::*;

    /// Lines as real posts have them, which most lines of a test body are.
    const REAL: &[&str] = &[
        "",
        "# 1. A title",
        "A. One, B. Two",
        "Abstract text, with (parens) and $x$ and 3 * 4 and a_b.",
        "- retweets: 12, favorites: 34 (06/30/2020 09:15:18)",
        "- links: [abs](https://arxiv.org/abs/2001.00001) | [pdf](https://arxiv.org/pdf/2001.00001)",
        "- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [stat.ML](https://arxiv.org/list/stat.ML/recent)",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\">hi</p>&mdash; A (@a) <a href=\"u\">D</a></blockquote>",
        "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
    ];

    /// Lines of every kind the reading above accepts or refuses, near misses included.
    const LINES: &[&str] = &[
        "",
        " ",
        "\t",
        "# 1. A title",
        "# 2. Title #",
        "#",
        "# ",
        "#x",
        "## 3. Sub",
        " # 1. Indented",
        "A. One, B. Two",
        "Abstract text, with (parens) and $x$ and 3 * 4 and a_b.",
        "3D shapes",
        "2020 was",
        "1. Not a paper",
        "2) Nor this",
        "[Background] We study",
        "[x]: /url",
        "[x]",
        "$\\mathrm{QAC}$ circuits",
        "é accents",
        "\u{a0}nbsp first",
        "- retweets: 12, favorites: 34 (06/30/2020 09:15:18)",
        "- links: [abs](https://arxiv.org/abs/2001.00001) | [pdf](https://arxiv.org/pdf/2001.00001)",
        "- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [stat.ML](https://arxiv.org/list/stat.ML/recent)",
        "- [a_b](https://x/a_b*c) text",
        "- [ abs ](u)",
        "- [](u)",
        "- [abs]( u)",
        "- [abs](u \"t\")",
        "- [abs](<u>)",
        "- [abs](u(v))",
        "- [abs] (u)",
        "- [abs]",
        "- [x]: /u",
        "- a *b*",
        "- a & b",
        "- a &amp; b",
        "- a \\ b",
        "- a `b`",
        "- a ]",
        "- a !",
        "- a <b>",
        "- tab\there",
        "- trailing ",
        "-  two spaces",
        "-",
        "- ",
        "- # h",
        "- > q",
        "- - x",
        "- 1. x",
        "- ---",
        "- ~~~",
        "* star",
        "+ plus",
        "---",
        "***",
        "===",
        "  continued",
        "    code",
        "```",
        "~~~",
        "> quote",
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\">hi</p>&mdash; A (@a) <a href=\"u\">D</a></blockquote>",
        "<blockquote>",
        "<blockquote/>",
        "<blockquote/x",
        "<blockquotes>",
        "<BLOCKQUOTE>",
        "</blockquote>",
        "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
        "<script>",
        "<script/></script>",
        "<scripts></script>",
        "<div>",
        "<p>x</p>",
        "<!-- c -->",
        "<a href=\"u\">",
        "# 2. Next",
        "\u{3000}ideographic",
        "\\# escaped",
        "&amp; first",
        "!important",
        ":colon",
        "|pipe|",
    ];

    #[test]
    fn simple_reading_agrees_with_pulldown_cmark() {
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut simple = 0;
        for _ in 0..100_000 {
            let n = (next() % 16) as usize + 1;
            let mut doc = String::new();
            for _ in 0..n {
                let bag = if next() % 4 == 0 { LINES } else { REAL };
                doc.push_str(bag[(next() % bag.len() as u64) as usize]);
                doc.push('\n');
            }
            if next() % 4 == 0 {
                doc.pop();
            }
            if let Some(b) = blocks(&doc) {
                simple += 1;
                assert_eq!(b, markdown_blocks(&doc), "{doc:?}");
            }
        }
        assert!(simple > 5_000, "{simple}");
    }

    #[test]
    fn a_post_of_real_shape_is_read_simply() {
        let body = "\n# 1. A title\n\nA. One, B. Two\n\n- retweets: 1, favorites: 2 (06/30/2020 09:15:18)\n\n- links: [abs](https://arxiv.org/abs/1) | [pdf](https://arxiv.org/pdf/1)\n- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nWe study things.\n\n<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">D</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n\n\n\n\n# 2. Next\n";
        let b = blocks(body).expect("the simple form");
        assert_eq!(b, markdown_blocks(body));
        let kinds: Vec<Kind> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Heading1,
                Kind::Paragraph,
                Kind::List,
                Kind::Paragraph,
                Kind::Html,
                Kind::Heading1
            ]
        );
        assert_eq!(b[2].items.len(), 3);
        assert_eq!(b[2].items[1].text, "links: abs | pdf");
        assert!(blocks("```\n# 1. Not a paper\n```\n").is_none());
        assert!(blocks("a\r\nb\n").is_none());
    }
}
