//! `update`: the only code that changes the app's state. No I/O: work for the outside world is
//! returned as an `Effect` for the run loop.

use super::action::{Action, Effect};
use super::app::{App, Overlay, Pane};
use super::detail;
use super::layout::{self, Mode};
use super::overlays;
use super::reading;
use crate::links::check_url;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    // What is not a key applies whatever is open.
    match action {
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
        }
        Action::Status { text, error } => app.status = Some(super::app::Status { text, error }),
        // An index built for an archive since replaced would point at the wrong papers.
        Action::IndexReady(handle) if std::sync::Arc::ptr_eq(&handle.archive, &app.archive) => {
            app.index = Some(handle);
            overlays::index_ready(app);
        }
        Action::IndexReady(_) => {}
        Action::Suspend => return Some(Effect::Suspend),
        Action::Seen(key) => {
            let effect = reading::seen(app, key);
            keep_in_view(app);
            return effect;
        }
        Action::Reloaded(result) => reading::reloaded(app, result),
        Action::Progress(done, total) => {
            if app.loading.is_some() {
                app.loading = Some((done, total));
            }
            // Nothing moved: no need to fit the lists again (this comes ten times a second).
            return None;
        }
        Action::Loaded(archive) => {
            let status = app.status.clone();
            reading::reloaded(app, Ok(archive));
            app.loading = None;
            // Whatever the status said before the load (e.g. about --date) still holds.
            app.status = status;
        }
        _ => {
            // A box drawn over the reader takes the keys while it is open.
            let effect = match app.overlay.take() {
                Some(overlay) => overlays::update(app, overlay, action),
                None => normal(app, action),
            };
            keep_in_view(app);
            return effect;
        }
    }
    keep_in_view(app);
    None
}

fn normal(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Quit => {
            app.quit = true;
            None
        }
        Action::Down => step(app, 1),
        Action::Up => step(app, -1),
        Action::PageDown => step(app, page(app) as isize),
        Action::PageUp => step(app, -(page(app) as isize)),
        Action::HalfPageDown => step(app, (page(app) / 2).max(1) as isize),
        Action::HalfPageUp => step(app, -((page(app) / 2).max(1) as isize)),
        Action::First => step(app, isize::MIN / 2),
        Action::Last => step(app, isize::MAX / 2),
        Action::FocusLeft => focus(app, -1, false),
        Action::FocusRight => focus(app, 1, false),
        Action::FocusPrev => focus(app, -1, true),
        Action::FocusNext => focus(app, 1, true),
        Action::NextDay => change_day(app, 1),
        Action::PrevDay => change_day(app, -1),
        Action::Enter => {
            match app.focus {
                Pane::Days => app.focus = Pane::Papers,
                Pane::Papers if app.current_paper().is_some() => app.focus = Pane::Paper,
                _ => {}
            }
            None
        }
        Action::Back => {
            match app.focus {
                Pane::Paper => app.focus = Pane::Papers,
                Pane::Papers if app.areas().mode == Mode::Narrow => app.focus = Pane::Days,
                // Nothing to go back from: Esc clears the message and the search highlight.
                _ => {
                    app.status = None;
                    app.last_query = None;
                }
            }
            None
        }
        Action::OpenAbs => open(app, "abs page", |p| p.abs_url.clone()),
        Action::OpenPdf => open(app, "pdf", |p| p.pdf_url.clone()),
        Action::OpenTweet => open_tweet(app),
        Action::NextTweet => next_tweet(app),
        Action::ToggleHelp => {
            app.overlay = Some(Overlay::Help { scroll: 0 });
            None
        }
        Action::OpenSearch => overlays::open_search(app),
        Action::NextResult => next_result(app, 1),
        Action::PrevResult => next_result(app, -1),
        Action::CycleSort => {
            app.sort = app.sort.next();
            app.set_status(format!("Papers sorted {}", app.sort.name()));
            None
        }
        Action::OpenCategories => overlays::open_categories(app),
        Action::OpenLeaderboard => overlays::open_leaderboard(app),
        Action::ToggleRead => reading::toggle_read(app),
        Action::ToggleStar => reading::toggle_star(app, reading::current(app)?),
        Action::NextUnread => reading::next_unread(app),
        Action::OpenStarred => reading::open_starred(app),
        Action::CopyUrl => reading::copy_url(app),
        Action::CopyBibtex => reading::copy_bibtex(app),
        Action::Reload => reading::reload(app),
        Action::Click { col, row } => click(app, col, row),
        Action::Wheel { col, row, down } => wheel(app, col, row, down),
        _ => None,
    }
}

/// Rows a page-wise move covers in the focused pane.
fn page(app: &App) -> usize {
    let a = app.areas();
    let r = match app.focus {
        Pane::Days => a.days,
        Pane::Papers => a.papers,
        Pane::Paper => a.detail,
    };
    layout::inner_height(r).saturating_sub(1).max(1)
}

fn step(app: &mut App, by: isize) -> Option<Effect> {
    match app.focus {
        Pane::Days => {
            let n = app.archive.days.len();
            if n > 0 {
                let row = clamp_add(app.day_row(), by, n);
                select_day(app, app.day_at_row(row).unwrap_or(0));
            }
        }
        Pane::Papers => {
            let order = app.order();
            if !order.is_empty() {
                let row = clamp_add(app.paper_row().unwrap_or(0), by, order.len());
                select_paper(app, order[row]);
            }
        }
        Pane::Paper => {
            app.scroll = clamp_add(app.scroll, by, max_scroll(app) + 1);
            app.tweet = None;
        }
    }
    None
}

fn clamp_add(v: usize, by: isize, len: usize) -> usize {
    let max = len.saturating_sub(1) as isize;
    (v as isize).saturating_add(by).clamp(0, max) as usize
}

pub fn select_day(app: &mut App, day: usize) {
    if day != app.day {
        app.day = day;
        app.paper = app.order().first().copied().unwrap_or(0);
        app.papers_offset = 0;
        app.scroll = 0;
        app.tweet = None;
    }
}

/// Keeps the selection on a listed paper after the filter changed.
pub fn reselect(app: &mut App) {
    if app.paper_row().is_none() {
        let first = app.order().first().copied().unwrap_or(0);
        select_paper(app, first);
    }
}

/// Shows `r` in its day: the day list, paper list and abstract follow. A category filter that
/// would hide it is cleared; the returned note says so, for the caller's status message.
pub fn go_to(app: &mut App, r: crate::search::PaperRef) -> &'static str {
    select_day(app, r.day);
    select_paper(app, r.paper);
    let hidden = app
        .current_day()
        .and_then(|d| d.papers.get(app.paper))
        .is_some_and(|p| !app.shows(p));
    if hidden {
        app.filter.clear();
    }
    if app.areas().mode == Mode::Narrow {
        app.focus = Pane::Paper;
    } else if app.focus == Pane::Days {
        app.focus = Pane::Papers;
    }
    if hidden {
        " · category filter cleared to show it"
    } else {
        ""
    }
}

fn next_result(app: &mut App, by: isize) -> Option<Effect> {
    let n = app.results.len();
    if n == 0 {
        app.set_error("No search results: / searches");
        return None;
    }
    let i = app
        .result
        .map_or(0, |i| (i as isize + by).rem_euclid(n as isize) as usize);
    app.result = Some(i);
    let note = go_to(app, app.results[i]);
    app.set_status(format!("Result {} of {n}{note}", i + 1));
    None
}

pub fn select_paper(app: &mut App, paper: usize) {
    if paper != app.paper {
        app.paper = paper;
        app.scroll = 0;
        app.tweet = None;
    }
}

fn change_day(app: &mut App, by: isize) -> Option<Effect> {
    let n = app.archive.days.len();
    if n == 0 {
        return None;
    }
    let target = clamp_add(app.day, by, n);
    if target == app.day && app.loading.is_some() {
        app.set_status("Still reading the archive; the other days come in a moment");
    } else if target == app.day {
        app.set_status(if by > 0 {
            "Already at the latest day"
        } else {
            "Already at the earliest day"
        });
    } else {
        select_day(app, target);
        app.status = None;
    }
    None
}

fn focus(app: &mut App, dir: isize, wrap: bool) -> Option<Effect> {
    let order = [Pane::Days, Pane::Papers, Pane::Paper];
    let i = order.iter().position(|p| *p == app.focus).unwrap_or(1) as isize;
    let next = if wrap {
        (i + dir).rem_euclid(3)
    } else {
        (i + dir).clamp(0, 2)
    };
    let pane = order[next as usize];
    if pane == Pane::Paper && app.current_paper().is_none() {
        return None;
    }
    app.focus = pane;
    None
}

/// Width of the text inside the detail pane: one column for the tweet marker, one of margin.
pub fn detail_width(app: &App) -> usize {
    layout::inner_width(app.areas().detail).saturating_sub(2)
}

fn max_scroll(app: &App) -> usize {
    let Some(paper) = app.current_paper() else {
        return 0;
    };
    let d = detail::build(paper, detail_width(app), &app.theme, None);
    d.lines
        .len()
        .saturating_sub(layout::inner_height(app.areas().detail))
}

fn open(
    app: &mut App,
    what: &'static str,
    url: impl Fn(&crate::archive::Paper) -> Option<String>,
) -> Option<Effect> {
    let Some(paper) = app.current_paper() else {
        app.set_error("No paper selected");
        return None;
    };
    let Some(url) = url(paper) else {
        app.set_error(format!("Paper {} has no {what} link", paper.rank));
        return None;
    };
    checked(app, what, url)
}

fn checked(app: &mut App, what: &'static str, url: String) -> Option<Effect> {
    match check_url(&url) {
        Ok(()) => Some(Effect::OpenUrl { what, url }),
        Err(why) => {
            app.set_error(format!("Refused to open the {what}: {why}"));
            None
        }
    }
}

fn open_tweet(app: &mut App) -> Option<Effect> {
    let Some(paper) = app.current_paper() else {
        app.set_error("No paper selected");
        return None;
    };
    let Some(i) = marked_tweet(app) else {
        app.set_error(format!("Paper {} has no tweets", paper.rank));
        return None;
    };
    let url = paper.tweets[i].url.clone();
    checked(app, "tweet", url)
}

/// The tweet `t` opens: the one marked with `T`, else the one in view.
pub fn marked_tweet(app: &App) -> Option<usize> {
    let paper = app.current_paper()?;
    let d = detail::build(paper, detail_width(app), &app.theme, None);
    marked_tweet_in(app, &d.tweet_starts)
}

/// `marked_tweet` for a detail already built (drawing has one at hand).
pub fn marked_tweet_in(app: &App, tweet_starts: &[usize]) -> Option<usize> {
    match app.tweet {
        Some(i) if i < tweet_starts.len() => Some(i),
        _ => detail::tweet_in_view(tweet_starts, app.scroll),
    }
}

/// Marks the next tweet (wrapping) and scrolls it into view.
fn next_tweet(app: &mut App) -> Option<Effect> {
    let paper = app.current_paper()?;
    let n = paper.tweets.len();
    if n == 0 {
        app.set_error(format!("Paper {} has no tweets", paper.rank));
        return None;
    }
    let d = detail::build(paper, detail_width(app), &app.theme, None);
    let next = match app.tweet {
        Some(i) => (i + 1) % n,
        None => detail::tweet_in_view(&d.tweet_starts, app.scroll).map_or(0, |i| (i + 1) % n),
    };
    let start = d.tweet_starts[next];
    let h = layout::inner_height(app.areas().detail);
    if start < app.scroll || start + 2 > app.scroll + h {
        app.scroll = start.saturating_sub(1);
    }
    app.tweet = Some(next);
    app.set_status(format!("Tweet {} of {n} marked: t opens it", next + 1));
    None
}

fn click(app: &mut App, col: u16, row: u16) -> Option<Effect> {
    let a = app.areas();
    let pos = ratatui::layout::Position::new(col, row);
    match a.mode {
        Mode::TooSmall => {}
        Mode::Wide | Mode::Narrow => {
            let pane = pane_at(app, pos)?;
            let list_row = |r: ratatui::layout::Rect| {
                row.checked_sub(r.y + 1)
                    .map(usize::from)
                    .filter(|&i| i < layout::inner_height(r))
            };
            match pane {
                Pane::Days => {
                    if let Some(day) =
                        list_row(a.days).and_then(|i| app.day_at_row(app.days_offset + i))
                    {
                        select_day(app, day);
                    }
                }
                Pane::Papers => {
                    let order = app.order();
                    if let Some(&i) =
                        list_row(a.papers).and_then(|i| order.get(app.papers_offset + i))
                    {
                        select_paper(app, i);
                    }
                }
                Pane::Paper => {}
            }
            app.focus = pane;
        }
    }
    None
}

fn pane_at(app: &App, pos: ratatui::layout::Position) -> Option<Pane> {
    let a = app.areas();
    if !pos.y.lt(&a.status.y) {
        return None;
    }
    match a.mode {
        Mode::Wide => [
            (a.days, Pane::Days),
            (a.papers, Pane::Papers),
            (a.detail, Pane::Paper),
        ]
        .into_iter()
        .find(|(r, _)| r.contains(pos))
        .map(|(_, p)| p),
        Mode::Narrow => Some(app.focus),
        Mode::TooSmall => None,
    }
}

fn wheel(app: &mut App, col: u16, row: u16, down: bool) -> Option<Effect> {
    let pane = pane_at(app, ratatui::layout::Position::new(col, row))?;
    let saved = app.focus;
    app.focus = pane;
    let by = if down { 3 } else { -3 };
    match pane {
        Pane::Paper => step(app, by),
        _ => step(app, by.signum()),
    };
    app.focus = saved;
    None
}

/// Keeps the selected rows inside their lists' visible windows and the scroll in range.
fn keep_in_view(app: &mut App) {
    let a = app.areas();
    let fit = layout::fit_offset;
    app.days_offset = fit(app.day_row(), app.days_offset, layout::inner_height(a.days));
    app.papers_offset = fit(
        app.paper_row().unwrap_or(0),
        app.papers_offset,
        layout::inner_height(a.papers),
    );
    app.scroll = app.scroll.min(max_scroll(app));
}
