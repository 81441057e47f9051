use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::detail::highlighted;
use crate::display::latex::prettify;
use crate::display::width::{truncate, width};
use crate::search::{Field, Trend};
use crate::tui::boxes::{SearchBox, rows_above};
use crate::tui::command::{Command, Scope};
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, b: &SearchBox, area: Rect, hint: String) {
    if let Some(chart) = &b.chart {
        return super::trend::draw(frame, app, chart, area, hint);
    }
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
    let above = rows_above(b);
    // The sparkline's rows, drawn over these once the text is.
    lines.resize(above, Line::default());
    let query = b.query.clone().unwrap_or_default();
    let rows = (inner.height as usize).saturating_sub(above);
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
    if let Some(t) = b.sparkline() {
        trend(frame, app, t, inner);
    }
}

/// The results per month over the archive's whole span, its first and last month at its ends,
/// and under it the peak month pointed at, with its count.
fn trend(frame: &mut Frame, app: &App, t: &Trend, inner: Rect) {
    if inner.height < 4 {
        return;
    }
    let (first, last) = (t.label(0), t.label(t.buckets.len() - 1));
    let row = Rect::new(inner.x, inner.y + 2, inner.width, 1);
    let fw = u16::try_from(width(&first)).unwrap_or(u16::MAX);
    let lw = u16::try_from(width(&last)).unwrap_or(u16::MAX);
    // The months named when the bars keep room enough to show a shape.
    let named = inner.width >= fw.saturating_add(lw).saturating_add(10);
    let spark = if named {
        Rect::new(row.x + fw + 1, row.y, row.width - fw - lw - 2, 1)
    } else {
        row
    };
    let peak = t.peak();
    let fit = super::trend::sparkline(frame, app, t, false, spark, peak);
    if named {
        let end = spark.x + u16::try_from(fit.values.len()).unwrap_or(0) + 1;
        let name = |text: String, x: u16, w: u16| {
            let line = Line::styled(text, app.theme.dim);
            (Paragraph::new(line), Rect::new(x, row.y, w, 1))
        };
        let (p, at) = name(first, row.x, fw);
        frame.render_widget(p, at);
        let (p, at) = name(last, end, lw);
        frame.render_widget(p, at.intersection(row));
    }
    if let Some(p) = peak {
        let at = spark.x + u16::try_from(fit.column(p)).unwrap_or(0);
        let marks = Rect::new(inner.x, inner.y + 3, inner.width, 1);
        let text = format!("peak {} ({})", t.label(p), t.value(p, false));
        super::trend::mark(
            frame,
            marks,
            at,
            &text,
            '▲',
            app.theme.accent,
            &mut Vec::new(),
        );
    }
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
