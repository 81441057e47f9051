use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::detail;
use super::frame::{inner, pane_block};
use crate::tui::boxes::OpenBox;
use crate::tui::core::app::App;
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
}
