//! The status line: where you are, always, and the latest notice beside it.

use crate::display::words::count;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{truncate, width};
use crate::links::ascii_hosts;
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let w = area.width as usize;
    // The load's progress stays whatever else the line says.
    let progress = app
        .loading
        .map(|(done, total)| format!("  reading posts {done} of {total}…"));
    let progress_w = progress.as_deref().map_or(0, width);
    let mut spans = match app.notice() {
        None => {
            let room = w.saturating_sub(progress_w);
            vec![Span::styled(truncate(&idle(app), room), app.theme.dim)]
        }
        // The notice first, and the position at the right: it stays in view.
        Some(n) => {
            // Links in a notice show their hosts as the browser looks them up, so that a
            // look-alike (`аrxiv.org`, Cyrillic а) never reads as the site it imitates.
            let notice = ascii_hosts(&n.text);
            // When the notice needs the room, the position keeps only the paper's place.
            let mut here = format!("  {}", short_position(app, true));
            if width(&notice) + width(&here) + progress_w > w {
                here = format!("  {}", short_position(app, false));
            }
            let room = w.saturating_sub(progress_w + width(&here));
            let text = truncate(&notice, room);
            let gap = room.saturating_sub(width(&text));
            let style = if n.is_error() {
                app.theme.error
            } else {
                app.theme.accent
            };
            vec![
                Span::styled(text, style),
                Span::raw(" ".repeat(gap)),
                Span::styled(truncate(&here, w), app.theme.dim),
            ]
        }
    };
    if let Some(p) = progress {
        spans.push(Span::styled(truncate(&p, w), app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// What the status line says when nothing has happened: where you are.
fn idle(app: &App) -> String {
    let Some(day) = app.current_day() else {
        return "The archive has no posts.".into();
    };
    let n = day.papers.len();
    let mut s = format!("{} · ", day.date.format("%a %Y-%m-%d"));
    if n == 0 {
        s.push_str("no papers");
    } else {
        s.push_str(&format!("paper {} of {n}", app.paper + 1));
    }
    s.push_str(&format!(
        " · day {} of {}",
        app.day + 1,
        app.archive.days.len()
    ));
    let problems = app.archive.diagnostics.len();
    if problems > 0 {
        let problems = count(problems, "load problem", "load problems");
        s.push_str(&format!(" · {problems} (hotpapers check)"));
    }
    s
}

/// Where you are, in few columns, for beside a notice: `2024-03-15 · 3/12`, or `3/12`
/// without the `date`.
fn short_position(app: &App, date: bool) -> String {
    match app.current_day() {
        None => String::new(),
        Some(day) if day.papers.is_empty() => day.date.to_string(),
        Some(day) if date => format!("{} · {}/{}", day.date, app.paper + 1, day.papers.len()),
        Some(day) => format!("{}/{}", app.paper + 1, day.papers.len()),
    }
}
