//! The selected paper as lines of text for a given width: what the detail pane shows, and what
//! `update` measures to scroll it and to know which tweet is in view.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::archive::Paper;
use crate::display::latex::prettify;
use crate::display::width::{truncate, wrap};
use crate::search::{Field, Query, highlight};

use super::theme::Theme;

pub struct Detail {
    pub lines: Vec<Line<'static>>,
    /// The line each tweet starts on.
    pub tweet_starts: Vec<usize>,
}

/// Spans of `text` (cut to `max` columns) with the query's matches in `field` underlined.
pub fn highlighted(
    text: &str,
    query: &Query,
    field: Field,
    max: usize,
    base: Style,
) -> Vec<Span<'static>> {
    let text = truncate(text, max);
    let mark = base.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
    let mut spans = Vec::new();
    let mut pos = 0;
    for r in highlight(&text, query, field) {
        spans.push(Span::styled(text[pos..r.start].to_string(), base));
        spans.push(Span::styled(text[r.clone()].to_string(), mark));
        pos = r.end;
    }
    spans.push(Span::styled(text[pos..].to_string(), base));
    spans
}

/// The paper as lines `width` wide; with a `query`, its matches are underlined (a match that
/// a line break splits is not).
pub fn build(paper: &Paper, width: usize, theme: &Theme, query: Option<&Query>) -> Detail {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let push_wrapped = |lines: &mut Vec<Line<'static>>, text: &str, style: Style, field: Field| {
        for l in wrap(text, width) {
            lines.push(match query {
                Some(q) => Line::from(highlighted(&l, q, field, width, style)),
                None => Line::from(Span::styled(l, style)),
            });
        }
    };
    push_wrapped(
        &mut lines,
        &format!("{}. {}", paper.rank, prettify(&paper.title)),
        theme.title,
        Field::Title,
    );
    if !paper.authors.is_empty() {
        push_wrapped(
            &mut lines,
            &paper.authors.join(", "),
            theme.dim,
            Field::Authors,
        );
    }
    let mut meta = vec![
        Span::styled(format!("♺ {}", paper.retweets), theme.retweets),
        Span::raw("  "),
        Span::styled(format!("♥ {}", paper.favorites), theme.favorites),
    ];
    if let Some(id) = &paper.arxiv_id {
        meta.push(Span::raw("  arXiv:"));
        meta.push(Span::styled(id.clone(), theme.accent));
    }
    lines.push(Line::from(meta));
    if !paper.categories.is_empty() {
        push_wrapped(
            &mut lines,
            &paper.categories.join(" · "),
            theme.category,
            Field::Category,
        );
    }
    lines.push(Line::raw(""));
    if paper.abstract_text.is_empty() {
        lines.push(Line::from(Span::styled(
            "(no abstract in this post)",
            theme.dim,
        )));
    } else {
        push_wrapped(
            &mut lines,
            &prettify(&paper.abstract_text),
            theme.text,
            Field::Abstract,
        );
    }
    let mut tweet_starts = Vec::new();
    lines.push(Line::raw(""));
    let heading = match paper.tweets.len() {
        0 => "No tweets".to_string(),
        1 => "1 tweet".to_string(),
        n => format!("{n} tweets"),
    };
    lines.push(Line::from(Span::styled(heading, theme.heading)));
    for t in &paper.tweets {
        lines.push(Line::raw(""));
        tweet_starts.push(lines.len());
        let mut head = vec![Span::styled(
            t.author.clone(),
            theme.title.remove_modifier(Modifier::UNDERLINED),
        )];
        if !t.handle.is_empty() {
            head.push(Span::styled(format!(" @{}", t.handle), theme.accent));
        }
        if !t.date.is_empty() {
            head.push(Span::styled(format!(" · {}", t.date), theme.dim));
        }
        lines.push(Line::from(head));
        push_wrapped(&mut lines, &t.text, theme.text, Field::Tweet);
    }
    Detail {
        lines,
        tweet_starts,
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
