//! The body of a post: ranked papers under `# N. Title` headings.
//!
//! pulldown-cmark finds the block structure (in `blocks`, so that a `#` inside a code block or HTML
//! is not taken for a heading; `blocks_lines` gives the same for the simple Markdown real posts
//! are written in, without it); the fields themselves are read from the source text of those
//! blocks, because the format's fields (titles, abstracts) are defined as source text, not
//! rendered Markdown.

use std::ops::Range;

use super::blocks::{Block, Item, Kind, markdown_blocks};
use super::blocks_lines;
use super::model::{Name, PageLink, Paper, PaperInfo};
use super::text::{collapse_ws, find, push_collapsed};
use super::tweet;

/// More papers than this in one post is not a digest; the rest are skipped with a warning.
pub const MAX_PAPERS: usize = 1_000;
/// Tweets kept per paper.
pub const MAX_TWEETS: usize = 200;

/// A problem in the body, at a byte offset of the body text.
#[derive(Debug, PartialEq, Eq)]
pub struct BodyProblem {
    pub offset: usize,
    pub message: String,
}

/// The top-level blocks of the body, with list items and their links. A body in the simple
/// Markdown of real posts is read line by line (`blocks_lines`), with the same result as
/// pulldown-cmark's.
fn blocks(body: &str) -> Vec<Block<'_>> {
    blocks_lines::blocks(body).unwrap_or_else(|| markdown_blocks(body))
}

/// Reads the papers of a body. Line numbers are filled in by the caller from the offsets.
pub fn parse(body: &str) -> (Vec<(Paper, usize)>, Vec<BodyProblem>) {
    let blocks = blocks(body);
    let mut papers = Vec::new();
    let mut problems = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        i += 1;
        if b.kind != Kind::Heading1 {
            continue;
        }
        let Some((rank, title)) = ranked_title(&body[b.range.clone()]) else {
            problems.push(BodyProblem {
                offset: b.range.start,
                message:
                    "heading is not of the form `# N. Title`; skipped it and the text under it"
                        .into(),
            });
            continue;
        };
        let end = blocks[i..]
            .iter()
            .position(|b| b.kind == Kind::Heading1)
            .map_or(blocks.len(), |p| i + p);
        let section_end = blocks.get(end).map_or(body.len(), |b| b.range.start);
        if papers.len() == MAX_PAPERS {
            problems.push(BodyProblem {
                offset: b.range.start,
                message: format!("more than {MAX_PAPERS} papers; the rest of the post is skipped"),
            });
            break;
        }
        let paper = read_paper(
            body,
            rank,
            title,
            &blocks[i..end],
            b.range.start..section_end,
            &mut problems,
        );
        papers.push((paper, b.range.start));
        i = end;
    }
    (papers, problems)
}

/// `# 12. Some title` → (12, "Some title").
fn ranked_title(raw: &str) -> Option<(u32, String)> {
    let line = raw.lines().next()?.trim();
    let line = line.trim_start_matches('#').trim();
    // An ATX heading may end in a closing run of `#`s.
    let line = match line.trim_end_matches('#') {
        rest if rest.ends_with(' ') || rest.is_empty() => rest.trim_end(),
        _ => line,
    };
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 {
        return None;
    }
    let rest = line[digits..].strip_prefix(['.', ')'])?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some((line[..digits].parse().ok()?, collapse_ws(rest)))
}

/// Where a paper's blocks have got to: the format puts the authors first, then the meta list,
/// then the abstract.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Authors,
    Meta,
    Abstract,
}

/// Which meta lines a paper had, for the checks that report the missing ones.
#[derive(Default)]
struct Seen {
    counts: bool,
    links: bool,
}

/// What a paper's blocks hold besides the fields read straight into the paper.
#[derive(Default)]
struct Found<'a> {
    seen: Seen,
    /// Source text of the abstract, block by block.
    abstract_parts: Vec<&'a str>,
    /// Where the first tweet starts; the tweets run from there to the end of the section.
    tweets_from: Option<usize>,
}

/// `section` spans the paper from its heading to the next heading (or the end of the body).
fn read_paper(
    body: &str,
    rank: u32,
    title: String,
    blocks: &[Block],
    section: Range<usize>,
    problems: &mut Vec<BodyProblem>,
) -> Paper {
    let mut paper = Paper::new(
        rank,
        PaperInfo {
            title: title.into(),
            ..PaperInfo::default()
        },
    );
    paper.line = 0;
    let found = read_blocks(body, blocks, &mut paper, problems);
    paper.abstract_text = join_abstract(&found.abstract_parts);
    paper.arxiv_id = paper
        .abs_url()
        .or(paper.pdf_url())
        .and_then(|u| arxiv_id(&u))
        .map(String::into_boxed_str);
    check_fields(&paper, &found.seen, section.start, problems);
    if let Some(from) = found.tweets_from {
        read_tweets(body, from..section.end, &mut paper, problems);
    }
    paper
}

/// Reads the blocks under a heading, up to the first tweet: the authors and meta list into
/// `paper`, the rest into what is returned.
fn read_blocks<'a>(
    body: &'a str,
    blocks: &[Block],
    paper: &mut Paper,
    problems: &mut Vec<BodyProblem>,
) -> Found<'a> {
    let mut found = Found::default();
    let mut stage = Stage::Authors;
    for b in blocks {
        match b.kind {
            Kind::Html if starts_with_tag(&body[b.range.clone()], "<blockquote") => {
                found.tweets_from = Some(b.range.start);
                break;
            }
            Kind::Paragraph if stage == Stage::Authors => {
                paper.authors = read_authors(&body[b.range.clone()]).into();
                stage = Stage::Meta;
            }
            Kind::List if stage <= Stage::Meta => {
                stage = match read_meta(b, paper, &mut found.seen, problems) {
                    Some(start) => {
                        found.abstract_parts.push(&body[start..b.range.end]);
                        Stage::Abstract
                    }
                    None => Stage::Meta,
                };
            }
            // Scripts (the tweet widget's) are not the post's text: never part of the abstract.
            Kind::Html if starts_with_tag(&body[b.range.clone()], "<script") => {}
            _ => {
                stage = Stage::Abstract;
                found.abstract_parts.push(&body[b.range.clone()]);
            }
        }
    }
    found
}

/// The authors paragraph, `A. One, B. Two`, as names.
fn read_authors(paragraph: &str) -> Vec<Name> {
    // Made at its final size (unless a name is empty): the archive keeps it.
    let commas = memchr::memchr_iter(b',', paragraph.as_bytes()).count();
    let mut authors = Vec::with_capacity(commas + 1);
    for name in paragraph.split(',') {
        let name = collapse_ws(name);
        if !name.is_empty() {
            authors.push(Name::new(&name));
        }
    }
    authors.shrink_to_fit();
    authors
}

/// Reads the counts, links and categories items of a list into `paper`. Returns where the first
/// item that is none of these starts: the abstract, which can look like a list item, begins there.
fn read_meta(
    list: &Block,
    paper: &mut Paper,
    seen: &mut Seen,
    problems: &mut Vec<BodyProblem>,
) -> Option<usize> {
    for item in &list.items {
        let text = item.text.trim();
        if let Some(rest) = text.strip_prefix("retweets:") {
            seen.counts = true;
            read_counts(rest, paper, item.range.start, problems);
        } else if text.starts_with("links:") {
            seen.links = true;
            for (label, url) in &item.links {
                match label.trim() {
                    "abs" => paper.abs = PageLink::given(Some(&**url)),
                    "pdf" => paper.pdf = PageLink::given(Some(&**url)),
                    _ => {}
                }
            }
        } else if is_category_item(item) {
            paper.categories = item
                .links
                .iter()
                .map(|(l, _)| Name::new(&collapse_ws(l)))
                .collect();
        } else {
            return Some(item.range.start);
        }
    }
    None
}

/// The parts joined by spaces, then collapsed: the same as collapsing them one by one.
fn join_abstract(parts: &[&str]) -> String {
    let mut text = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        push_collapsed(&mut text, part);
    }
    text
}

/// Reports the fields a paper lacks: problems with the paper as a whole, so they are reported at
/// its heading, which starts at offset `heading`.
fn check_fields(paper: &Paper, seen: &Seen, heading: usize, problems: &mut Vec<BodyProblem>) {
    let rank = paper.rank;
    let mut report = |message| {
        problems.push(BodyProblem {
            offset: heading,
            message,
        })
    };
    if !seen.counts {
        report(format!(
            "paper {rank} has no `- retweets: X, favorites: Y` line; counts are 0"
        ));
    }
    if !seen.links || paper.abs.is_none() {
        report(format!("paper {rank} has no abs link"));
    }
    if paper.authors.is_empty() {
        report(format!("paper {rank} has no authors line"));
    }
}

/// Reads the tweets in `region` of the body, at most `MAX_TWEETS` of them.
fn read_tweets(
    body: &str,
    region: Range<usize>,
    paper: &mut Paper,
    problems: &mut Vec<BodyProblem>,
) {
    let (rank, from) = (paper.rank, region.start);
    let (found, cut) = tweet::find_all(&body[region], MAX_TWEETS);
    let mut tweets = std::mem::take(&mut paper.tweets).into_vec();
    tweets.reserve_exact(found.len());
    for f in found {
        if let Some(p) = f.problem {
            problems.push(BodyProblem {
                offset: from + f.offset,
                message: format!("paper {rank}: {p}"),
            });
        }
        tweets.push(f.tweet);
    }
    paper.tweets = tweets.into_boxed_slice();
    if cut {
        problems.push(BodyProblem {
            offset: from,
            message: format!(
                "paper {rank} has more than {MAX_TWEETS} tweets; kept the first {MAX_TWEETS}"
            ),
        });
    }
}

/// True if the HTML starts with `tag`, such as `<blockquote`, in any case.
fn starts_with_tag(html: &str, tag: &str) -> bool {
    html.trim_start()
        .get(..tag.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(tag))
}

/// An item made only of links separated by `|`, such as `[cs.LG](…/list/cs.LG/recent) | [cs.CV](…)`.
fn is_category_item(item: &Item) -> bool {
    if item.links.is_empty() {
        return false;
    }
    let mut rest = &*item.text;
    for (label, _) in &item.links {
        let Some(i) = find(rest, label) else {
            return false;
        };
        if !rest[..i].chars().all(|c| c == '|' || c.is_whitespace()) {
            return false;
        }
        rest = &rest[i + label.len()..];
    }
    rest.chars().all(|c| c == '|' || c.is_whitespace())
}

fn read_counts(rest: &str, paper: &mut Paper, offset: usize, problems: &mut Vec<BodyProblem>) {
    let (rt, fav) = match find(rest, "favorites:") {
        Some(i) => (
            rest[..i].trim().trim_end_matches(',').trim(),
            rest[i + "favorites:".len()..].trim(),
        ),
        None => (rest.trim(), ""),
    };
    let fav = fav
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    for (name, value, slot) in [
        ("retweets", rt, &mut paper.retweets),
        ("favorites", fav, &mut paper.favorites),
    ] {
        match value.parse::<u64>() {
            Ok(n) => *slot = n,
            Err(_) => problems.push(BodyProblem {
                offset,
                message: format!(
                    "paper {}: {name} count {:?} is not a number; using 0",
                    paper.rank,
                    truncate(value, 40)
                ),
            }),
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The arXiv identifier in an abs or pdf URL: what follows `/abs/` or `/pdf/`, without a query,
/// fragment or `.pdf` suffix.
fn arxiv_id(url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    let at = find(url, "/abs/").or_else(|| find(url, "/pdf/"))?;
    let id = url[at + 5..].trim_end_matches('/');
    let id = id.strip_suffix(".pdf").unwrap_or(id);
    (!id.is_empty()).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranked_titles() {
        assert_eq!(ranked_title("# 1. A  title\n"), Some((1, "A title".into())));
        assert_eq!(ranked_title("# 12) B #\n"), Some((12, "B".into())));
        assert_eq!(ranked_title("# 3. C#\n"), Some((3, "C#".into())));
        assert_eq!(ranked_title("# Introduction\n"), None);
        assert_eq!(ranked_title("# 2020s. X\n"), None);
    }

    #[test]
    fn arxiv_ids() {
        assert_eq!(
            arxiv_id("https://arxiv.org/abs/2006.15055").as_deref(),
            Some("2006.15055")
        );
        assert_eq!(
            arxiv_id("https://arxiv.org/abs/2006.15055v2?x=1").as_deref(),
            Some("2006.15055v2")
        );
        assert_eq!(
            arxiv_id("https://arxiv.org/pdf/2006.15055.pdf").as_deref(),
            Some("2006.15055")
        );
        assert_eq!(
            arxiv_id("https://arxiv.org/abs/hep-th/9901001").as_deref(),
            Some("hep-th/9901001")
        );
        assert_eq!(arxiv_id("https://example.org/"), None);
    }

    const PAPER: &str = "# 1. Title with $\\alpha$  and *stars*\n\nA. One, B. Two ,C Three\n\n- retweets: 12, favorites: 34 (06/30/2020 09:15:18)\n\n- links: [abs](https://arxiv.org/abs/2001.00001) | [pdf](https://arxiv.org/pdf/2001.00001)\n- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [stat.ML](https://arxiv.org/list/stat.ML/recent)\n\nWe study   things \\& *stuff*\nacross lines.\n\n<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">hi</p>&mdash; X (@x) <a href=\"https://twitter.com/x/status/1?s=1\">June 1, 2020</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n\n\n\n\n# 2. Second\n\nC. D\n\n- retweets: 1, favorites: 2 (06/30/2020 09:15:18)\n\n- links: [abs](https://arxiv.org/abs/2001.00002)\n- [cs.CV](https://arxiv.org/list/cs.CV/recent)\n";

    #[test]
    fn reads_a_full_paper() {
        let (papers, problems) = parse(PAPER);
        assert_eq!(problems, []);
        assert_eq!(papers.len(), 2);
        let p = &papers[0].0;
        assert_eq!(p.rank, 1);
        assert_eq!(p.title, "Title with $\\alpha$ and *stars*".into());
        assert_eq!(*p.authors, ["A. One", "B. Two", "C Three"]);
        assert_eq!((p.retweets, p.favorites), (12, 34));
        assert_eq!(p.arxiv_id.as_deref(), Some("2001.00001"));
        assert_eq!(
            p.pdf_url().as_deref(),
            Some("https://arxiv.org/pdf/2001.00001")
        );
        assert_eq!(*p.categories, ["cs.LG", "stat.ML"]);
        assert_eq!(p.abstract_text, "We study things \\& *stuff* across lines.");
        assert_eq!(p.tweets.len(), 1);
        assert_eq!(
            p.tweets[0].url.to_string(),
            "https://twitter.com/x/status/1"
        );
        let q = &papers[1].0;
        assert_eq!(
            (q.rank, q.pdf_url().as_deref(), q.abstract_text.as_str()),
            (2, None, "")
        );
        assert!(q.tweets.is_empty());
        assert_eq!(&PAPER[papers[1].1..papers[1].1 + 5], "# 2. ");
    }

    #[test]
    fn abstract_that_looks_like_markdown_is_kept_as_source() {
        let src = "# 1. T\n\nA\n\n- retweets: 1, favorites: 2\n- links: [abs](https://arxiv.org/abs/1)\n- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n- We propose a list-like abstract\n\n1. and more\n";
        let (papers, _) = parse(src);
        assert_eq!(
            papers[0].0.abstract_text,
            "- We propose a list-like abstract 1. and more"
        );
    }

    #[test]
    fn garbage_counts_warn_and_default_to_zero() {
        let src = "# 1. T\n\nA\n\n- retweets: lots, favorites: -3 (x)\n- links: [abs](https://arxiv.org/abs/1)\n";
        let (papers, problems) = parse(src);
        assert_eq!((papers[0].0.retweets, papers[0].0.favorites), (0, 0));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("\"lots\""));
    }

    #[test]
    fn headings_inside_code_are_not_papers_and_odd_headings_warn() {
        let (papers, problems) = parse("```\n# 1. Not a paper\n```\n\n# About\n\ntext\n");
        assert!(papers.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].offset, 26);
    }

    #[test]
    fn missing_fields_are_reported() {
        let (papers, problems) = parse("# 1. Bare\n");
        assert_eq!(papers.len(), 1);
        assert!(problems.iter().all(|p| p.offset == 0), "{problems:?}");
        let text: Vec<_> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(text.iter().any(|m| m.contains("retweets")), "{text:?}");
        assert!(text.iter().any(|m| m.contains("abs link")));
        assert!(text.iter().any(|m| m.contains("authors")));
    }
}
