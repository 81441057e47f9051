//! The body of a post: ranked papers under `# N. Title` headings.
//!
//! pulldown-cmark finds the block structure (in `blocks`, so that a `#` inside a code block or HTML
//! is not taken for a heading; `blocks_lines` gives the same for the simple Markdown real posts
//! are written in, without it); the fields themselves are read from the source text of those
//! blocks, because the format's fields (titles, abstracts) are defined as source text, not
//! rendered Markdown.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::blocks::{Block, Item, Kind, markdown_blocks};
use super::blocks_lines;
use super::model::{Keep, Name, PageLink, Paper, PaperInfo};
use super::text::{collapsed, find, push_collapsed};
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
pub fn parse(body: &str, keep: Keep) -> (Vec<(Paper, usize)>, Vec<BodyProblem>) {
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
            keep,
            &mut problems,
        );
        papers.push((paper, b.range.start));
        i = end;
    }
    (papers, problems)
}

/// `# 12. Some title` → (12, "Some title").
fn ranked_title(raw: &str) -> Option<(u32, Cow<'_, str>)> {
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
    Some((line[..digits].parse().ok()?, collapsed(rest)))
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
    /// A name in the authors paragraph (whether or not the names were kept).
    authors: bool,
}

/// What a paper's blocks hold besides the fields read straight into the paper.
#[derive(Default)]
struct Found<'a> {
    seen: Seen,
    /// Source text of the abstract, block by block.
    abstract_parts: Vec<&'a str>,
    /// Where the first tweet starts; the tweets run from there to the end of the section.
    tweets_from: Option<usize>,
    /// The abs and pdf links as given (the last of each, if several).
    abs: Option<&'a str>,
    pdf: Option<&'a str>,
}

/// `section` spans the paper from its heading to the next heading (or the end of the body).
fn read_paper(
    body: &str,
    rank: u32,
    title: Cow<'_, str>,
    blocks: &[Block],
    section: Range<usize>,
    keep: Keep,
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
    let found = read_blocks(body, blocks, &mut paper, keep, problems);
    // The id from the links as given, and links that are arXiv's pages of it kept as that fact
    // from the start (`PageLink::of`), not copied to be dropped again by `compact_links`.
    let id = match keep {
        Keep::All => found.abs.or(found.pdf).and_then(arxiv_id),
        Keep::Counts => None,
    };
    paper.abs = PageLink::of(found.abs, id, "abs");
    paper.pdf = PageLink::of(found.pdf, id, "pdf");
    if keep == Keep::All {
        paper.abstract_text = join_abstract(&found.abstract_parts);
        paper.arxiv_id = id.map(Arc::from);
    }
    check_fields(&paper, &found.seen, section.start, problems);
    if let Some(from) = found.tweets_from {
        read_tweets(body, from..section.end, &mut paper, keep, problems);
    }
    paper
}

/// Reads the blocks under a heading, up to the first tweet: the authors and meta list into
/// `paper`, the rest into what is returned.
fn read_blocks<'a>(
    body: &'a str,
    blocks: &'a [Block],
    paper: &mut Paper,
    keep: Keep,
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
                let paragraph = &body[b.range.clone()];
                found.seen.authors = match keep {
                    Keep::All => {
                        paper.authors = read_authors(paragraph).into();
                        !paper.authors.is_empty()
                    }
                    Keep::Counts => author_names(paragraph).next().is_some(),
                };
                stage = Stage::Meta;
            }
            Kind::List if stage <= Stage::Meta => {
                stage = match read_meta(b, paper, &mut found, keep, problems) {
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
    for name in author_names(paragraph) {
        authors.push(Name::new(&collapsed(name)));
    }
    authors.shrink_to_fit();
    authors
}

/// The names of an authors paragraph as written: what lies between commas, unless blank
/// (`collapse_ws` of it would be empty). `read_authors` keeps them; a count asks only whether
/// there is one.
fn author_names(paragraph: &str) -> impl Iterator<Item = &str> {
    paragraph.split(',').filter(|n| !n.trim().is_empty())
}

/// Reads the counts, links and categories items of a list into `paper`. Returns where the first
/// item that is none of these starts: the abstract, which can look like a list item, begins there.
fn read_meta<'a>(
    list: &'a Block,
    paper: &mut Paper,
    found: &mut Found<'a>,
    keep: Keep,
    problems: &mut Vec<BodyProblem>,
) -> Option<usize> {
    for item in &list.items {
        let text = item.text.trim();
        if let Some(rest) = text.strip_prefix("retweets:") {
            found.seen.counts = true;
            read_counts(rest, paper, item.range.start, problems);
        } else if text.starts_with("links:") {
            found.seen.links = true;
            for (label, url) in &item.links {
                match label.trim() {
                    "abs" => found.abs = Some(url),
                    "pdf" => found.pdf = Some(url),
                    _ => {}
                }
            }
        } else if is_category_item(item) {
            if keep == Keep::Counts {
                continue;
            }
            paper.categories = item
                .links
                .iter()
                .map(|(l, _)| Name::new(&collapsed(l)))
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
    if !seen.authors {
        report(format!("paper {rank} has no authors line"));
    }
}

/// Reads the tweets in `region` of the body, at most `MAX_TWEETS` of them.
fn read_tweets(
    body: &str,
    region: Range<usize>,
    paper: &mut Paper,
    keep: Keep,
    problems: &mut Vec<BodyProblem>,
) {
    let (rank, from) = (paper.rank, region.start);
    let (found, cut) = tweet::find_all(&body[region], MAX_TWEETS, keep);
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
fn arxiv_id(url: &str) -> Option<&str> {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    let at = find(url, "/abs/").or_else(|| find(url, "/pdf/"))?;
    let id = url[at + 5..].trim_end_matches('/');
    let id = id.strip_suffix(".pdf").unwrap_or(id);
    (!id.is_empty()).then_some(id)
}

#[cfg(test)]
#[path = "body_tests.rs"]
mod tests;
