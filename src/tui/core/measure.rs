//! The paper pane's text, wrapped for a width but not styled: what the pane shows line by line,
//! where each tweet starts, and so how far the pane scrolls. `update` measures with it and the
//! view styles the same lines, so the two can never disagree.

use std::cell::RefCell;
use std::sync::{Arc, Weak};

use crate::archive::{Archive, Paper};
use crate::display::latex::prettify;
use crate::display::width::Lines;
use crate::search::Field;

/// What a line of the paper pane holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Authors,
    /// Counts and the arXiv id (styled from the paper itself).
    Meta,
    /// A link to the paper's code, labelled `code`.
    Code,
    /// How many days list the paper; with three or more, the view draws a sparkline of its
    /// retweets+favorites day by day after the text (`DetailText::scores`).
    Listed,
    Categories,
    /// Your tags of the paper.
    Tags,
    Blank,
    Abstract,
    /// "(no abstract in this post)".
    NoAbstract,
    /// Your note on the paper.
    Note,
    /// "3 tweets".
    TweetsHeading,
    /// Another day that lists the paper: `also 2021-01-19 #3 ♺ 120 ♥ 45 = 165`.
    Also(usize),
    /// How many more days list it than the lines above say.
    AlsoMore,
    /// Author, handle and date of tweet `n` (styled from the tweet itself).
    TweetHead(usize),
    Tweet,
    /// How much of the text above is not shown (the pane shows `SHOWN_BYTES` of a paper).
    Cut,
}

/// The most of a paper's text the pane wraps and shows: some ninety times any real paper (the
/// biggest of the 1,152 in the test corpus holds 3 KB of abstract and tweets), and little
/// enough that the first frame on a paper made to be big (the loader lets one post hold 15 MB)
/// is drawn in a few milliseconds; every frame after reuses the wrapped text
/// (`detail_cache`). What is cut is said, with its size.
pub const SHOWN_BYTES: usize = 256 * 1024;

/// What is left of `SHOWN_BYTES` for the paper's text still to come.
struct Budget(usize);

impl Budget {
    /// As much of `text` as is left to show (cut between characters), and how many bytes not.
    fn take<'a>(&mut self, text: &'a str) -> (&'a str, usize) {
        let mut end = text.len().min(self.0);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.0 -= end;
        (&text[..end], text.len() - end)
    }
}

/// A size as the pane says it: `640 bytes`, `12 KB`, `14.5 MB`.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} KB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

impl Part {
    /// The search field the line's words belong to, for underlining matches.
    pub fn field(self) -> Option<Field> {
        match self {
            Part::Title => Some(Field::Title),
            Part::Authors => Some(Field::Authors),
            Part::Categories => Some(Field::Category),
            Part::Abstract => Some(Field::Abstract),
            Part::Note => Some(Field::Note),
            Part::Tweet => Some(Field::Tweet),
            _ => None,
        }
    }
}

/// A line of the pane: what it holds, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub part: Part,
    pub text: &'a str,
}

/// The pane's lines, all wrapped once (a paper, its listings and what you keep about it at a
/// width: see `detail_cache`), kept in one string.
#[derive(Debug, Default)]
pub struct DetailText {
    lines: Lines,
    /// Where each run of lines of one part starts, in order.
    parts: Vec<(usize, Part)>,
    /// The line each tweet starts on.
    pub tweet_starts: Vec<usize>,
    /// The line of each other listing.
    pub also_starts: Vec<usize>,
    /// The line saying how many days list the paper, if more than one does.
    pub listed_line: Option<usize>,
    /// The retweets+favorites of each listing, oldest first, when three or more days list the
    /// paper (the sparkline's), and which of them is the one shown.
    pub scores: Vec<u64>,
    pub here: usize,
}

/// Another listing of the paper, as its line says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Also {
    pub date: chrono::NaiveDate,
    pub rank: u32,
    pub retweets: u64,
    pub favorites: u64,
}

/// The paper's listings as the pane tells them: a few of the others (newest first), how many
/// more, and every listing's retweets+favorites.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    pub also: Vec<Also>,
    /// Other listings not in `also`.
    pub more: usize,
    /// Distinct days listing the paper, the shown one included (0 or 1: listed once).
    pub days: usize,
    /// Retweets+favorites of every listing, oldest first, the shown one included.
    pub scores: Vec<u64>,
    /// Which of `scores` is the listing shown.
    pub here: usize,
}

/// The fewest days listing a paper that get a sparkline (two are said by the two lines).
pub const SPARK_DAYS: usize = 3;

impl DetailText {
    /// How many lines the pane's text has.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `i`, if there is one.
    pub fn line(&self, i: usize) -> Option<Line<'_>> {
        if i >= self.len() {
            return None;
        }
        let run = self.parts.partition_point(|&(start, _)| start <= i);
        let part = self.parts[run.checked_sub(1)?].1;
        Some(Line {
            part,
            text: self.lines.get(i),
        })
    }

    /// The lines from `from`, at most `n` of them: what a pane scrolled there shows.
    pub fn window(&self, from: usize, n: usize) -> impl Iterator<Item = (usize, Line<'_>)> {
        (from..from.saturating_add(n).min(self.len())).filter_map(|i| Some((i, self.line(i)?)))
    }

    /// The first line that may be at the top of a pane `height` lines high.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.len().saturating_sub(height)
    }

    /// Adds `text` wrapped to `width` as lines of `part`.
    fn wrapped(&mut self, part: Part, text: &str, width: usize) {
        self.parts.push((self.lines.len(), part));
        self.lines.push_wrapped(text, width);
    }

    /// Adds as much of `text` as the budget leaves, wrapped, and says how much is not shown.
    fn cut(&mut self, budget: &mut Budget, part: Part, text: &str, width: usize) {
        let (shown, cut) = budget.take(text);
        if !shown.is_empty() || cut == 0 {
            self.wrapped(part, shown, width);
        }
        self.said_cut(cut);
    }

    /// Adds the line that says `cut` bytes are not shown, if any are.
    fn said_cut(&mut self, cut: usize) {
        if cut > 0 {
            let line = format!(
                "… {} more not shown (hotpapers export has it all)",
                size(cut)
            );
            self.plain(Part::Cut, &line);
        }
    }

    /// Adds one line of `part` as it is (the view styles it from the paper, or it is short).
    fn plain(&mut self, part: Part, text: &str) {
        self.parts.push((self.lines.len(), part));
        self.lines.push(text);
    }
}

/// The pane's texts kept between frames (see `detail_cache`), the most recent first, each with
/// what it was made from.
#[derive(Default)]
pub struct DetailCache(pub(crate) RefCell<Vec<(Made, Arc<DetailText>)>>);

/// What a pane's text was made from.
pub(crate) struct Made {
    /// The archive the paper is in: a reload makes a new one (the weak pointer keeps its
    /// address from being taken by another while the text is kept).
    pub(crate) archive: Weak<Archive>,
    pub(crate) day: usize,
    pub(crate) paper: usize,
    pub(crate) width: usize,
    /// Whether the paper's abstract and tweets were there (else they were still being read
    /// back from the post).
    pub(crate) texts: bool,
    pub(crate) listed: Listed,
    pub(crate) tags: Vec<String>,
    pub(crate) note: Option<String>,
}

/// What you keep about a paper: its tags and note, shown with it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mine<'a> {
    pub tags: &'a [String],
    pub note: Option<&'a str>,
}

/// The paper's lines at `width` columns, with its other listings and your tags and note.
pub fn detail_text(paper: &Paper, width: usize, listed: &Listed, mine: Mine) -> DetailText {
    let width = width.max(1);
    let mut d = DetailText::default();
    let mut budget = Budget(SHOWN_BYTES);
    let (title, _) = budget.take(&paper.title);
    d.wrapped(
        Part::Title,
        &format!("{}. {}", paper.rank, prettify(title)),
        width,
    );
    if !paper.authors.is_empty() {
        d.cut(&mut budget, Part::Authors, &paper.authors.join(", "), width);
    }
    let mut meta = format!("♺ {}  ♥ {}", paper.retweets, paper.favorites);
    if let Some(id) = &paper.arxiv_id {
        meta.push_str(&format!("  arXiv:{id}"));
    }
    d.plain(Part::Meta, &meta);
    for url in code_urls(paper) {
        d.wrapped(Part::Code, &format!("code {url}"), width);
    }
    listings(&mut d, listed);
    if !paper.categories.is_empty() {
        let categories = paper.categories.join(" · ");
        d.cut(&mut budget, Part::Categories, &categories, width);
    }
    if !mine.tags.is_empty() {
        d.wrapped(Part::Tags, &format!("# {}", mine.tags.join(" · ")), width);
    }
    d.plain(Part::Blank, "");
    if !paper.holds_texts() {
        d.plain(
            Part::NoAbstract,
            "(reading the abstract and tweets from the post…)",
        );
    } else if paper.abstract_text.is_empty() {
        d.plain(Part::NoAbstract, "(no abstract in this post)");
    } else {
        // Cut before prettifying: LaTeX is converted in one pass over all it is given.
        let (shown, cut) = budget.take(&paper.abstract_text);
        d.wrapped(Part::Abstract, &prettify(shown), width);
        d.said_cut(cut);
    }
    if let Some(note) = mine.note.filter(|n| !n.trim().is_empty()) {
        d.plain(Part::Blank, "");
        let (note, cut) = budget.take(note);
        for (i, para) in note.lines().enumerate() {
            let mark = if i == 0 { "✎ " } else { "" };
            d.wrapped(Part::Note, &format!("{mark}{para}"), width);
        }
        d.said_cut(cut);
    }
    d.plain(Part::Blank, "");
    let heading = match paper.tweets.len() {
        0 => "No tweets".to_string(),
        1 => "1 tweet".to_string(),
        n => format!("{n} tweets"),
    };
    d.plain(Part::TweetsHeading, &heading);
    for (i, t) in paper.tweets.iter().enumerate() {
        d.plain(Part::Blank, "");
        d.tweet_starts.push(d.len());
        d.plain(Part::TweetHead(i), "");
        // Every tweet keeps its head, so that `t` marks and opens each, shown or not.
        d.cut(&mut budget, Part::Tweet, &t.text, width);
    }
    d
}

/// The links to the paper's code, found in as much of its text as the pane shows (a paper
/// made to be big is not read past that for them: the link list reads it all).
fn code_urls(paper: &Paper) -> Vec<String> {
    let mut budget = Budget(SHOWN_BYTES);
    let mut out = Vec::new();
    let texts = std::iter::once(&paper.abstract_text).chain(paper.tweets.iter().map(|t| &t.text));
    for text in texts {
        let (shown, _) = budget.take(text);
        crate::code_links::find_code_urls(shown, &mut out);
    }
    out
}

/// The lines on the paper's other listings: how many days list it (with a sparkline of the
/// counts from three days on), then a few of the others, newest first, and how many more.
fn listings(d: &mut DetailText, listed: &Listed) {
    if listed.days > 1 {
        d.listed_line = Some(d.len());
        let mut head = format!("Listed on {} days", listed.days);
        if listed.days >= SPARK_DAYS && !listed.scores.is_empty() {
            head.push_str(", ♺+♥ day by day: ");
            d.scores = listed.scores.clone();
            d.here = listed.here;
        }
        d.plain(Part::Listed, &head);
    }
    for (i, a) in listed.also.iter().enumerate() {
        d.also_starts.push(d.len());
        let text = format!(
            "also {} #{} ♺ {} ♥ {} = {}",
            a.date,
            a.rank,
            a.retweets,
            a.favorites,
            a.retweets.saturating_add(a.favorites)
        );
        d.plain(Part::Also(i), &text);
    }
    if listed.more > 0 {
        let days = crate::display::words::count(listed.more, "more day", "more days");
        d.plain(Part::AlsoMore, &format!("also on {days}"));
    }
}

/// The tweet in view at scroll position `scroll`: the last one starting at or above the top
/// line, or the first one.
pub fn tweet_in_view(tweet_starts: &[usize], scroll: usize) -> Option<usize> {
    if tweet_starts.is_empty() {
        return None;
    }
    Some(
        tweet_starts
            .iter()
            .rposition(|&s| s <= scroll + 1)
            .unwrap_or(0),
    )
}
