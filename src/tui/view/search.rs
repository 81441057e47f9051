use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::detail::highlighted;
use crate::display::latex::prettify;
use crate::display::width::{truncate, width};
use crate::search::Field;
use crate::tui::boxes::SearchBox;
use crate::tui::command::{Command, Scope};
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, b: &SearchBox, area: Rect, hint: String) {
    // The watch list's name while the query is still its own.
    let watching = b.watch.as_ref().filter(|name| {
        app.watches()
            .iter()
            .any(|w| &w.name == *name && w.query == b.input.trim())
    });
    let title = match (&b.query, b.results.len(), watching) {
        (_, _, Some(name)) => format!(" Watch list {name}: {} ", b.order().name()),
        (Ok(q), 1.., _) if !q.is_empty() => {
            format!(" Search every day: {} ", b.order().name())
        }
        _ => " Search every day ".to_string(),
    };
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let w = inner.width as usize;
    if let Some(name) = &b.naming {
        return naming(frame, app, b, name, inner);
    }
    let mut lines = vec![super::frame::prompt_line(
        app,
        Command::Search,
        &b.input,
        b.selected,
        w,
    )];
    let summary = match (&b.query, &app.index) {
        (Err(e), _) => Span::styled(truncate(&e.to_string(), w), app.theme.error),
        (Ok(q), _) if q.is_empty() => Span::styled(
            "Type to search titles, authors, abstracts, categories, ids and tweets",
            app.theme.dim,
        ),
        (Ok(_), None) => Span::styled("Indexing the archive…", app.theme.dim),
        (Ok(_), Some(_)) => match b.results.len() {
            0 => Span::styled("Nothing matches", app.theme.dim),
            1 => Span::styled("1 paper", app.theme.accent),
            n => Span::styled(
                format!("{n} papers, {}", b.order().name()),
                app.theme.accent,
            ),
        },
    };
    // Until the whole archive is read, results cover what has been read so far.
    let summary = match app.loading {
        Some(_) if b.query.as_ref().is_ok_and(|q| !q.is_empty()) => Span::styled(
            format!(
                "{} (so far: the archive is still being read)",
                summary.content
            ),
            summary.style,
        ),
        _ => summary,
    };
    lines.push(Line::from(summary));
    let query = b.query.clone().unwrap_or_default();
    let rows = (inner.height as usize).saturating_sub(2);
    for (i, r) in b
        .results
        .iter()
        .enumerate()
        .skip(b.cursor.offset)
        .take(rows)
    {
        let day = &app.archive.days[r.day];
        let p = &day.papers[r.paper];
        let selected = i == b.cursor.selected;
        let base = if selected {
            app.theme.selected
        } else {
            Style::new()
        };
        let head = format!(
            "{}{} #{:<2} ♺{:>5} ♥{:>5}  {}",
            super::frame::marks(app, p),
            day.date,
            p.rank,
            p.retweets,
            p.favorites,
            super::frame::code_mark(app, p)
        );
        let mut spans = vec![Span::styled(
            head.clone(),
            if selected { base } else { app.theme.dim },
        )];
        let rest = w.saturating_sub(width(&head));
        spans.extend(highlighted(
            &prettify(&p.title),
            &query,
            Field::Title,
            rest,
            base,
        ));
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        if selected && used < w {
            spans.push(Span::styled(" ".repeat(w - used), base));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Asking for the name to save the query as a watch list under: the name as typed, what the
/// keys do, and the query it will watch.
fn naming(frame: &mut Frame, app: &App, b: &SearchBox, name: &str, inner: Rect) {
    let w = inner.width as usize;
    let label = "Watch list name: ";
    let room = w.saturating_sub(width(label) + 1);
    let km = &app.keymap;
    let keys = match (
        km.hint(Scope::Search, Command::Enter),
        km.hint(Scope::Search, Command::Back),
    ) {
        (Some(save), Some(back)) => format!("{save} saves it, {back} goes back: "),
        _ => String::new(),
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(label, app.theme.footer_key),
            Span::raw(truncate(name, room)),
            Span::styled("▏", app.theme.accent),
        ]),
        Line::from(Span::styled(
            truncate(
                &format!(
                    "{keys}the day list will count the new matches of {}",
                    b.input.trim()
                ),
                w,
            ),
            app.theme.dim,
        )),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
