use crate::display::words::count;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::frame::{inner, pane_block, row_style};
use crate::archive::{Day, Paper};
use crate::display::latex::prettify;
use crate::display::width::{pad, truncate, width};
use crate::tui::command::{Command, Scope};
use crate::tui::core::app::App;
use crate::tui::core::state::Pane;

const BAR: [char; 9] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// A bar of `cells` cells filled in proportion to `value / max`, in eighths of a cell.
fn bar(value: u64, max: u64, cells: usize) -> String {
    let eighths = if max == 0 {
        0
    } else {
        (value as u128 * cells as u128 * 8 / max as u128) as usize
    };
    (0..cells)
        .map(|i| BAR[eighths.saturating_sub(i * 8).min(8)])
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(day) = app.current_day() else {
        frame.render_widget(pane_block(app, Pane::Papers, Line::from(" Papers ")), area);
        return;
    };
    frame.render_widget(pane_block(app, Pane::Papers, title(app, day)), area);
    let body = inner(area);
    let w = body.width as usize;
    let order = app.order();
    if order.is_empty() {
        let msg = Line::from(Span::styled(truncate(&empty(app, day), w), app.theme.dim));
        frame.render_widget(Paragraph::new(msg), body);
        return;
    }
    let cols = Columns::of(day, w);
    let lines: Vec<Line> = order
        .iter()
        .skip(app.papers_offset)
        .take(body.height as usize)
        .map(|&i| row(app, &day.papers[i], i == app.paper, &cols))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// The day, how many papers, the order, and the filter if any.
fn title(app: &App, day: &Day) -> Line<'static> {
    let mut title = Line::from(vec![
        Span::raw(" "),
        Span::styled(day.date.format("%a %Y-%m-%d").to_string(), app.theme.title),
        Span::raw(format!(
            " · {} · {} ",
            count(day.papers.len(), "paper", "papers"),
            app.sort.name()
        )),
    ]);
    if !app.filter.is_empty() {
        let list: Vec<&str> = app.filter.iter().map(String::as_str).collect();
        title.push_span(Span::styled(
            format!("· only {} ", list.join(", ")),
            app.theme.category,
        ));
    }
    // Nobody's archive: its papers are invented, and the title says so.
    if app.archive.sample {
        title.push_span(Span::styled("· built-in sample ", app.theme.dim));
    }
    title
}

/// Why the list is empty, and the keys that change that.
fn empty(app: &App, day: &Day) -> String {
    let km = &app.keymap;
    if day.papers.is_empty() {
        let days = match (
            km.hint(Scope::Reader, Command::NextDay),
            km.hint(Scope::Reader, Command::PrevDay),
        ) {
            (Some(n), Some(p)) => format!("  {n}/{p} change day."),
            (Some(k), None) | (None, Some(k)) => format!("  {k} changes day."),
            (None, None) => String::new(),
        };
        format!("No papers in this digest.{days}")
    } else {
        km.say(
            Scope::Reader,
            Command::Filter,
            "No paper of this day is in the chosen categories.",
            |k| format!("  {k} changes the filter."),
        )
    }
}

/// What the rows show at this width, and their number columns, as wide as the day's widest
/// number so the rows line up.
struct Columns {
    width: usize,
    max_score: u64,
    retweets: usize,
    favorites: usize,
    rank: usize,
    bar: bool,
    categories: bool,
}

impl Columns {
    fn of(day: &Day, width: usize) -> Columns {
        let col = |n: fn(&Paper) -> u64| {
            day.papers
                .iter()
                .map(|p| n(p).to_string().len())
                .max()
                .unwrap_or(1)
        };
        Columns {
            width,
            max_score: day.papers.iter().map(|p| p.score()).max().unwrap_or(0),
            retweets: col(|p| p.retweets),
            favorites: col(|p| p.favorites),
            rank: col(|p| u64::from(p.rank)),
            bar: width >= 60,
            categories: width >= 90,
        }
    }
}

/// One paper's row: its mark, rank, attention bar, counts, title and first categories.
fn row(app: &App, p: &Paper, selected: bool, c: &Columns) -> Line<'static> {
    let base = row_style(app, Pane::Papers, selected);
    let st = |s: Style| if selected { base } else { s };
    // • not read yet, ★ starred, ✎ with a note, ◆ followed: any can be true, so each has its
    // own column.
    let unread = match app.is_read(p) {
        false => Span::styled("•", st(app.theme.accent)),
        true => Span::styled(" ", base),
    };
    let star = match app.is_starred(p) {
        true => Span::styled("★", st(app.theme.bar)),
        false => Span::styled(" ", base),
    };
    let note = match app.has_note(p) {
        true => Span::styled("✎", st(app.theme.accent)),
        false => Span::styled(" ", base),
    };
    let followed = match app.is_followed(p) {
        true => Span::styled("◆", st(app.theme.accent)),
        false => Span::styled(" ", base),
    };
    let rank_w = c.rank;
    let mut spans = vec![
        unread,
        star,
        note,
        followed,
        Span::styled(format!("{:>rank_w$} ", p.rank), st(app.theme.dim)),
    ];
    if c.bar {
        spans.push(Span::styled(
            bar(p.score(), c.max_score, 5),
            st(app.theme.bar),
        ));
        spans.push(Span::styled(" ", base));
    }
    let (rt_w, fav_w) = (c.retweets, c.favorites);
    spans.push(Span::styled(
        format!("♺{:>rt_w$} ", p.retweets),
        st(app.theme.retweets),
    ));
    spans.push(Span::styled(
        format!("♥{:>fav_w$} ", p.favorites),
        st(app.theme.favorites),
    ));
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let cats = if c.categories {
        p.categories
            .iter()
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        String::new()
    };
    let cats_w = if cats.is_empty() {
        0
    } else {
        width(&cats).min(24) + 1
    };
    let mut title_w = c.width.saturating_sub(used + cats_w);
    let code = super::frame::code_mark(app, p);
    if !code.is_empty() && title_w > 12 {
        spans.push(Span::styled(code, st(app.theme.accent)));
        title_w -= code.len();
    }
    spans.push(Span::styled(
        pad(&prettify(&p.title), title_w),
        st(app.theme.text),
    ));
    if cats_w > 0 {
        spans.push(Span::styled(
            format!(" {}", pad(&cats, cats_w - 1)),
            st(app.theme.category),
        ));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_scale_in_eighths() {
        assert_eq!(bar(0, 10, 3), "   ");
        assert_eq!(bar(10, 10, 3), "███");
        assert_eq!(bar(5, 10, 2), "█ ");
        assert_eq!(bar(8, 16, 1), "▌");
        assert_eq!(bar(3, 0, 2), "  ");
    }
}
