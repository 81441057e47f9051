//! The paper pane's lines, styled: the text `core::measure` wrapped, with the theme's styles
//! and the query's matches underlined.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::archive::Paper;
use crate::display::cells::clean;
use crate::display::width::truncate;
use crate::search::{Field, Query, highlight};
use crate::tui::core::measure::{self, Part};
use crate::tui::theme::Theme;

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

/// Line `l` of a paper's pane text (measured for `paper` at `width`) as the pane shows it;
/// with a `query`, its matches are underlined (a match that a line break splits is not). Only
/// the lines in view are styled, so a frame costs what it shows, however long the paper.
pub fn styled(
    paper: &Paper,
    l: measure::Line,
    width: usize,
    theme: &Theme,
    query: Option<&Query>,
) -> Line<'static> {
    let style = match l.part {
        Part::Title => theme.title,
        Part::Authors | Part::NoAbstract | Part::Cut => theme.dim,
        Part::Categories => theme.category,
        Part::Tags => theme.accent,
        Part::TweetsHeading => theme.heading,
        _ => theme.text,
    };
    match (l.part, l.part.field(), query) {
        (Part::Meta, _, _) => meta(paper, theme),
        (Part::TweetHead(i), _, q) => tweet_head(paper, i, theme, q),
        (Part::Code, _, _) => match l.text.strip_prefix("code ") {
            Some(url) => Line::from(vec![
                Span::styled("code ", theme.dim),
                Span::styled(url.to_string(), theme.accent),
            ]),
            // A link wrapped onto more lines.
            None => Line::from(Span::styled(l.text.to_string(), theme.accent)),
        },
        (Part::Listed | Part::Also(_) | Part::AlsoMore, _, _) => {
            Line::from(Span::styled(l.text.to_string(), theme.dim))
        }
        (Part::Blank, _, _) => Line::raw(""),
        (_, Some(field), Some(q)) => Line::from(highlighted(l.text, q, field, width.max(1), style)),
        _ => Line::from(Span::styled(l.text.to_string(), style)),
    }
}

fn meta(paper: &Paper, theme: &Theme) -> Line<'static> {
    let mut spans = vec![
        Span::styled(format!("♺ {}", paper.retweets), theme.retweets),
        Span::raw("  "),
        Span::styled(format!("♥ {}", paper.favorites), theme.favorites),
    ];
    if let Some(id) = &paper.arxiv_id {
        spans.push(Span::raw("  arXiv:"));
        spans.push(Span::styled(clean(id).into_owned(), theme.accent));
    }
    Line::from(spans)
}

/// A tweet's author, handle and date, with what `tw:`, `@handle` and plain words matched there
/// underlined.
fn tweet_head(paper: &Paper, i: usize, theme: &Theme, query: Option<&Query>) -> Line<'static> {
    let Some(t) = paper.tweets.get(i) else {
        return Line::raw("");
    };
    // Not cut (the pane's edge does that), but cleaned as all text drawn is.
    let part = |text: String, field, style: Style| match query {
        Some(q) => highlighted(&text, q, field, usize::MAX, style),
        None => vec![Span::styled(clean(&text).into_owned(), style)],
    };
    let name = theme.title.remove_modifier(Modifier::UNDERLINED);
    let mut head = part(t.author.to_string(), Field::Tweet, name);
    if !t.handle.is_empty() {
        head.push(Span::raw(" "));
        head.extend(part(format!("@{}", t.handle), Field::Tweeter, theme.accent));
    }
    if !t.date.is_empty() {
        let date = format!(" · {}", clean(&t.date));
        head.push(Span::styled(date, theme.dim));
    }
    Line::from(head)
}
