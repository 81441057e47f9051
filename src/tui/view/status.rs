use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::truncate;
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let w = area.width as usize;
    // The load's progress stays at the right whatever else the line says.
    let progress = app
        .loading
        .map(|(done, total)| format!("  reading posts {done} of {total}…"));
    let room = w.saturating_sub(progress.as_deref().map_or(0, crate::display::width::width));
    let mut spans = vec![match app.notice() {
        Some(s) => Span::styled(
            truncate(&s.text, room),
            if s.is_error() {
                app.theme.error
            } else {
                app.theme.accent
            },
        ),
        None => Span::styled(truncate(&idle(app), room), app.theme.dim),
    }];
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
        s.push_str(&format!(" · {problems} load problems (hotpapers check)"));
    }
    s
}
