use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::width::{pad, width};
use crate::tui::boxes::Leaderboard;
use crate::tui::command::{Command, Scope};
use crate::tui::core::app::App;

pub fn draw(frame: &mut Frame, app: &App, b: &Leaderboard, area: Rect, hint: String) {
    let span = match (b.window.days(), app.current_day()) {
        (Some(_), Some(d)) => format!("{} to {}", b.window.name(), d.date),
        _ => b.window.name().to_string(),
    };
    let mut title = format!(" Top papers · {span} · by {} ", b.measure.name());
    if app.loading.is_some() {
        title.push_str("· of the days read so far ");
    }
    if !app.filter.is_empty() {
        title.push_str(&format!(
            "· only {} ",
            app.filter.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    let w = inner.width as usize;
    let head = "     #      ♺      ♥   best day    days    title";
    let mut lines = vec![Line::from(Span::styled(pad(head, w), app.theme.heading))];
    if b.entries.is_empty() {
        let text = app.keymap.say(
            Scope::Leaderboard,
            Command::CycleWindow,
            "No papers in this window.",
            |k| format!("  {k} widens it."),
        );
        lines.push(Line::from(Span::styled(text, app.theme.dim)));
    }
    for (i, e) in b
        .entries
        .iter()
        .enumerate()
        .skip(b.cursor.offset)
        .take((inner.height as usize).saturating_sub(1))
    {
        let best = &app.archive.days[e.best.day].papers[e.best.paper];
        let change = b.changes.get(i).map_or(" ", |c| c.mark());
        let cols = format!(
            "{}{:>3} {:>6} {:>6}   {}  {:>4} {change}  ",
            super::frame::marks(app, best),
            i + 1,
            e.retweets,
            e.favorites,
            e.best_date,
            e.days.len()
        );
        let title = super::frame::list_title(app, best);
        let text = format!("{cols}{}", pad(&title, w.saturating_sub(width(&cols))));
        let style = super::frame::box_row_style(app, i == b.cursor.selected);
        lines.push(Line::from(Span::styled(text, style)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
