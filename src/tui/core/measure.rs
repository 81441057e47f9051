//! The paper pane's text, wrapped for a width but not styled: what the pane shows line by line,
//! where each tweet starts, and so how far the pane scrolls. `update` measures with it and the
//! view styles the same lines, so the two can never disagree.

use super::state::{MAX_ALSO, Reader};
use crate::archive::Paper;
use crate::display::latex::prettify;
use crate::display::width::wrap;
use crate::search::Field;

/// What a line of the paper pane holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Title,
    Authors,
    /// Counts and the arXiv id (styled from the paper itself).
    Meta,
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
    /// Another day that lists the paper: `also 2021-01-19 #3 ♺ 120 ♥ 45`.
    Also(usize),
    /// How many more days list it than the lines above say.
    AlsoMore,
    /// Author, handle and date of tweet `n` (styled from the tweet itself).
    TweetHead(usize),
    Tweet,
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub part: Part,
    pub text: String,
}

pub struct DetailText {
    pub lines: Vec<Line>,
    /// The line each tweet starts on.
    pub tweet_starts: Vec<usize>,
    /// The line of each other listing.
    pub also_starts: Vec<usize>,
}

/// Another listing of the paper, as its line says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Also {
    pub date: chrono::NaiveDate,
    pub rank: u32,
    pub retweets: u64,
    pub favorites: u64,
}

impl DetailText {
    /// The first line that may be at the top of a pane `height` lines high.
    pub fn max_scroll(&self, height: usize) -> usize {
        self.lines.len().saturating_sub(height)
    }
}

/// What you keep about a paper: its tags and note, shown with it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mine<'a> {
    pub tags: &'a [String],
    pub note: Option<&'a str>,
}

/// The paper's lines at `width` columns, with its other listings `also`, the number of
/// listings more than those, and your tags and note.
pub fn detail_text(
    paper: &Paper,
    width: usize,
    also: &[Also],
    more: usize,
    mine: Mine,
) -> DetailText {
    let width = width.max(1);
    let mut lines = Vec::new();
    let push = |lines: &mut Vec<Line>, part: Part, text: &str| {
        for l in wrap(text, width) {
            lines.push(Line { part, text: l });
        }
    };
    let line = |part: Part, text: String| Line { part, text };
    push(
        &mut lines,
        Part::Title,
        &format!("{}. {}", paper.rank, prettify(&paper.title)),
    );
    if !paper.authors.is_empty() {
        push(&mut lines, Part::Authors, &paper.authors.join(", "));
    }
    let mut meta = format!("♺ {}  ♥ {}", paper.retweets, paper.favorites);
    if let Some(id) = &paper.arxiv_id {
        meta.push_str(&format!("  arXiv:{id}"));
    }
    lines.push(line(Part::Meta, meta));
    let mut also_starts = Vec::with_capacity(also.len());
    for (i, a) in also.iter().enumerate() {
        also_starts.push(lines.len());
        let text = format!(
            "also {} #{} ♺ {} ♥ {}",
            a.date, a.rank, a.retweets, a.favorites
        );
        lines.push(line(Part::Also(i), text));
    }
    if more > 0 {
        let days = crate::display::words::count(more, "more day", "more days");
        lines.push(line(Part::AlsoMore, format!("also on {days}")));
    }
    if !paper.categories.is_empty() {
        push(&mut lines, Part::Categories, &paper.categories.join(" · "));
    }
    if !mine.tags.is_empty() {
        push(
            &mut lines,
            Part::Tags,
            &format!("# {}", mine.tags.join(" · ")),
        );
    }
    lines.push(line(Part::Blank, String::new()));
    if paper.abstract_text.is_empty() {
        lines.push(line(Part::NoAbstract, "(no abstract in this post)".into()));
    } else {
        push(&mut lines, Part::Abstract, &prettify(&paper.abstract_text));
    }
    if let Some(note) = mine.note.filter(|n| !n.trim().is_empty()) {
        lines.push(line(Part::Blank, String::new()));
        for (i, para) in note.lines().enumerate() {
            let mark = if i == 0 { "✎ " } else { "" };
            push(&mut lines, Part::Note, &format!("{mark}{para}"));
        }
    }
    lines.push(line(Part::Blank, String::new()));
    let heading = match paper.tweets.len() {
        0 => "No tweets".to_string(),
        1 => "1 tweet".to_string(),
        n => format!("{n} tweets"),
    };
    lines.push(line(Part::TweetsHeading, heading));
    let mut tweet_starts = Vec::with_capacity(paper.tweets.len());
    for (i, t) in paper.tweets.iter().enumerate() {
        lines.push(line(Part::Blank, String::new()));
        tweet_starts.push(lines.len());
        lines.push(line(Part::TweetHead(i), String::new()));
        push(&mut lines, Part::Tweet, &t.text);
    }
    DetailText {
        lines,
        tweet_starts,
        also_starts,
    }
}

impl Reader {
    /// The selected paper's lines in the paper pane, as wide as it is.
    pub fn detail(&self) -> Option<DetailText> {
        let p = self.current_paper()?;
        let all = self.all_listings();
        let also: Vec<Also> = all
            .iter()
            .take(MAX_ALSO)
            .filter_map(|&r| {
                let (day, q) = self.paper_at(r)?;
                Some(Also {
                    date: day.date,
                    rank: q.rank,
                    retweets: q.retweets,
                    favorites: q.favorites,
                })
            })
            .collect();
        let more = all.len().saturating_sub(also.len());
        let mine = Mine {
            tags: self.tags.get(&p.key).map_or(&[], Vec::as_slice),
            note: self.notes.get(&p.key).map(String::as_str),
        };
        Some(detail_text(p, self.detail_width(), &also, more, mine))
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
