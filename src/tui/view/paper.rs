use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, SparklineBar};

use super::detail;
use super::frame::{inner, pane_block};
use crate::display::width::width;
use crate::tui::boxes::OpenBox;
use crate::tui::core::app::App;
use crate::tui::core::measure::DetailText;
use crate::tui::core::reader::{marked_also, marked_tweet_in};
use crate::tui::core::state::Pane;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(paper) = app.current_paper() else {
        frame.render_widget(pane_block(app, Pane::Paper, Line::from(" Paper ")), area);
        return;
    };
    // The search being typed, or the last one gone to: its matches are underlined.
    let query = match app.open_box() {
        Some(OpenBox::Search(b)) => b.query.as_ref().ok(),
        _ => app.last_query(),
    };
    let width = app.detail_width();
    let Some(text) = app.detail() else { return };
    let in_view = marked_tweet_in(app, &text);
    let also = marked_also(app, &text);
    let body = inner(area);
    let total = text.len();
    let shown_to = (app.scroll + body.height as usize).min(total);
    let position = if total <= body.height as usize {
        String::new()
    } else {
        format!(" {shown_to}/{total} ")
    };
    let title = Line::from(vec![
        // The day too: behind the search box, or alone on a narrow screen, nothing else says it.
        Span::raw(format!(
            " Paper {} · {} ",
            paper.rank,
            app.current_day()
                .map(|d| d.date.format("%a %Y-%m-%d").to_string())
                .unwrap_or_default()
        )),
        Span::styled(position, app.theme.dim),
    ]);
    frame.render_widget(pane_block(app, Pane::Paper, title), area);
    let mut lines: Vec<Line> = Vec::with_capacity(body.height as usize);
    for (i, line) in text.window(app.scroll, body.height as usize) {
        let marked = match (also, in_view) {
            (Some(a), _) => text.also_starts.get(a) == Some(&i),
            (None, Some(t)) => text.tweet_starts.get(t) == Some(&i) && paper.tweets.len() > 1,
            (None, None) => false,
        };
        let marker = if marked {
            Span::styled("▶", app.theme.accent)
        } else {
            Span::raw(" ")
        };
        let mut spans = vec![marker];
        spans.extend(detail::styled(paper, line, width, &app.theme, query).spans);
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), body);
    spark(frame, app, &text, body);
}

/// The sparkline of the paper's retweets+favorites day by day, after the words on its line
/// (when that line is in view), the shown day's bar in the accent: as many of the newest days
/// as fit.
fn spark(frame: &mut Frame, app: &App, text: &DetailText, body: Rect) {
    let Some(line) = text.listed_line.filter(|_| !text.scores.is_empty()) else {
        return;
    };
    let Some(row) = line
        .checked_sub(app.scroll)
        .filter(|&r| r < body.height as usize)
    else {
        return;
    };
    let words = text.line(line).map_or(0, |l| width(l.text));
    // One column for the marker, as every line of the pane.
    let x = body.x.saturating_add(1).saturating_add(words as u16);
    let room = body.right().saturating_sub(x) as usize;
    let skip = text.scores.len().saturating_sub(room);
    let bars: Vec<SparklineBar> = text
        .scores
        .iter()
        .enumerate()
        .skip(skip)
        .map(|(i, &v)| match i == text.here {
            true => SparklineBar::from(v).style(Some(app.theme.accent)),
            false => SparklineBar::from(v),
        })
        .collect();
    let area = Rect::new(x, body.y + row as u16, (text.scores.len() - skip) as u16, 1);
    frame.render_widget(Sparkline::default().data(bars).style(app.theme.bar), area);
}
