//! `update`: the only code that changes the app's state. No I/O: work for the outside world is
//! returned as an `Effect` for the run loop.

use super::action::{Action, Effect};
use super::app::{App, Overlay, Pane};
use super::detail;
use super::layout::{self, Mode};
use crate::links::check_url;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    // While the help is open it takes the keys; what is not a key still applies underneath.
    if let Some(Overlay::Help { scroll }) = app.overlay {
        if !matches!(
            action,
            Action::Resize(..) | Action::Status { .. } | Action::Suspend
        ) {
            update_help(app, action, scroll);
            return None;
        }
    }
    let effect = match action {
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
                _ => app.status = None,
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
        Action::Suspend => Some(Effect::Suspend),
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
            None
        }
        Action::Click { col, row } => click(app, col, row),
        Action::Wheel { col, row, down } => wheel(app, col, row, down),
        Action::Status { text, error } => {
            app.status = Some(super::app::Status { text, error });
            None
        }
    };
    keep_in_view(app);
    effect
}

fn update_help(app: &mut App, action: Action, scroll: usize) {
    let rows = super::keymap::BINDINGS.len();
    let new = match action {
        Action::ToggleHelp | Action::Back | Action::Quit => {
            app.overlay = None;
            return;
        }
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => scroll + 10,
        Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(10),
        Action::First => 0,
        Action::Last => rows,
        _ => scroll,
    };
    app.overlay = Some(Overlay::Help {
        scroll: new.min(rows),
    });
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
            let n = app.current_day().map_or(0, |d| d.papers.len());
            if n > 0 {
                select_paper(app, clamp_add(app.paper, by, n));
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

fn select_day(app: &mut App, day: usize) {
    if day != app.day {
        app.day = day;
        app.paper = 0;
        app.papers_offset = 0;
        app.scroll = 0;
        app.tweet = None;
    }
}

fn select_paper(app: &mut App, paper: usize) {
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
    if target == app.day {
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
    let d = detail::build(paper, detail_width(app), &app.theme);
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
    let d = detail::build(paper, detail_width(app), &app.theme);
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
    let d = detail::build(paper, detail_width(app), &app.theme);
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
                    let n = app.current_day().map_or(0, |d| d.papers.len());
                    if let Some(i) = list_row(a.papers)
                        .map(|i| app.papers_offset + i)
                        .filter(|&i| i < n)
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
    let fit = |sel: usize, offset: usize, h: usize| {
        if h == 0 {
            0
        } else if sel < offset {
            sel
        } else if sel >= offset + h {
            sel + 1 - h
        } else {
            offset
        }
    };
    app.days_offset = fit(app.day_row(), app.days_offset, layout::inner_height(a.days));
    app.papers_offset = fit(app.paper, app.papers_offset, layout::inner_height(a.papers));
    app.scroll = app.scroll.min(max_scroll(app));
}
