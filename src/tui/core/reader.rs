//! The reader's own commands, when no box is open: moving, panes, days, links, tweets and the
//! last search's results.

use super::cursor::clamp_add;
use super::effect::Effect;
use super::layout::{self, Shape};
use super::measure::{DetailText, tweet_in_view};
use super::select::{go_to, max_scroll, select_day, select_paper};
use super::state::{Pane, Reader};
use super::watches;
use crate::archive::Paper;
use crate::links::check_url;
use crate::tui::command::{Command, Scope};

/// How far a move goes.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    By(isize),
    First,
    Last,
}

/// Rows a page-wise move covers in `pane`: its height less one, so a row stays in view.
fn page(r: &Reader, pane: Pane) -> usize {
    let a = r.areas();
    let area = match pane {
        Pane::Days => a.days,
        Pane::Papers => a.papers,
        Pane::Paper => a.detail,
    };
    layout::inner_height(area).saturating_sub(1).max(1)
}

/// The move a command asks for in the focused pane, if it is one.
pub fn step_of(r: &Reader, command: Command) -> Option<Step> {
    let page = page(r, r.focus) as isize;
    let half = (page / 2).max(1);
    Some(match command {
        Command::Down => Step::By(1),
        Command::Up => Step::By(-1),
        Command::PageDown => Step::By(page),
        Command::PageUp => Step::By(-page),
        Command::HalfPageDown => Step::By(half),
        Command::HalfPageUp => Step::By(-half),
        Command::First => Step::First,
        Command::Last => Step::Last,
        _ => return None,
    })
}

/// Moves the selection of the focused pane (or scrolls the paper).
pub fn step(r: &mut Reader, step: Step) {
    let to = |at: usize, len: usize| match step {
        Step::By(by) => clamp_add(at, by, len),
        Step::First => 0,
        Step::Last => len.saturating_sub(1),
    };
    match r.focus {
        Pane::Days => {
            let among_watches = match step {
                Step::By(by) => watches::move_by(r, by),
                // The top of the watch lists while on them; the newest day from the days.
                Step::First if r.watch_row.is_some() => {
                    r.watch_row = Some(0);
                    true
                }
                Step::First => false,
                Step::Last => {
                    r.watch_row = None;
                    false
                }
            };
            let n = r.archive.days.len();
            if among_watches {
                return;
            }
            if n > 0 {
                let row = to(r.day_row(), n);
                select_day(r, r.day_at_row(row).unwrap_or(0));
            }
        }
        Pane::Papers => {
            let order = r.order();
            if !order.is_empty() {
                let row = to(r.paper_row().unwrap_or(0), order.len());
                select_paper(r, order[row]);
            }
        }
        Pane::Paper => {
            r.scroll = to(r.scroll, max_scroll(r) + 1);
            r.tweet = None;
        }
    }
}

/// The day `by` days later (earlier when negative), or a word on why not.
pub fn change_day(r: &mut Reader, by: isize) {
    let n = r.archive.days.len();
    if n == 0 {
        return;
    }
    let target = clamp_add(r.day, by, n);
    if target == r.day && r.loading.is_some() {
        r.tell("Still reading the archive; the other days come in a moment");
    } else if target == r.day {
        r.tell(if by > 0 {
            "Already at the latest day"
        } else {
            "Already at the earliest day"
        });
    } else {
        select_day(r, target);
        r.notice = None;
    }
}

/// Focus to the next pane left (`dir` -1) or right; `wrap` goes round.
pub fn focus(r: &mut Reader, dir: isize, wrap: bool) {
    let order = [Pane::Days, Pane::Papers, Pane::Paper];
    let i = order.iter().position(|p| *p == r.focus).unwrap_or(1) as isize;
    let next = if wrap {
        (i + dir).rem_euclid(3)
    } else {
        (i + dir).clamp(0, 2)
    };
    let pane = order[next as usize];
    if pane == Pane::Paper && r.current_paper().is_none() {
        return;
    }
    r.focus = pane;
}

pub fn enter(r: &mut Reader) {
    match r.focus {
        // A watch list's results open in the search box (see `update`).
        Pane::Days if r.watch_row.is_some() => {}
        Pane::Days => r.focus = Pane::Papers,
        Pane::Papers if r.current_paper().is_some() => r.focus = Pane::Paper,
        _ => {}
    }
}

pub fn back(r: &mut Reader) {
    match r.focus {
        Pane::Paper => r.focus = Pane::Papers,
        Pane::Papers if r.areas().shape == Shape::Narrow => r.focus = Pane::Days,
        // Nothing to go back from: Esc clears the message and the search highlight.
        _ => {
            r.notice = None;
            r.last_query = None;
        }
    }
}

/// `q` in the reader: one level back in the one-pane layout (paper, papers, days); false at
/// the top, where it quits.
pub fn step_back(r: &mut Reader) -> bool {
    if r.areas().shape != Shape::Narrow {
        return false;
    }
    match r.focus {
        Pane::Paper => r.focus = Pane::Papers,
        Pane::Papers => r.focus = Pane::Days,
        Pane::Days => return false,
    }
    true
}

/// The next (`by` 1) or previous paper in the lists' order, from any pane: past the day's
/// last paper, the next day down the list (an older one), and back up likewise.
pub fn next_paper(r: &mut Reader, by: isize) {
    let order = r.order();
    let row = r.paper_row().map_or(-1, |i| i as isize) + by;
    if let Some(&i) = usize::try_from(row).ok().and_then(|row| order.get(row)) {
        select_paper(r, i);
        return;
    }
    // Off this day's list: the nearest day in that direction with a listed paper.
    let mut row = r.day_row() as isize;
    loop {
        row += by.signum();
        let Some(day) = usize::try_from(row).ok().and_then(|row| r.day_at_row(row)) else {
            r.tell(if by > 0 {
                "No paper after this one"
            } else {
                "No paper before this one"
            });
            return;
        };
        let order = r.order_of(day);
        let pick = if by > 0 { order.first() } else { order.last() };
        if let Some(&i) = pick {
            select_day(r, day);
            select_paper(r, i);
            return;
        }
    }
}

/// Space: the paper a page on from any pane, and at its end the next paper. On a one-pane
/// layout it first opens the paper.
pub fn read_on(r: &mut Reader) {
    if r.current_paper().is_none() {
        return next_paper(r, 1);
    }
    if r.areas().shape == Shape::Narrow && r.focus != Pane::Paper {
        r.focus = Pane::Paper;
        return;
    }
    let end = max_scroll(r);
    if r.scroll >= end {
        next_paper(r, 1);
    } else {
        r.scroll = (r.scroll + page(r, Pane::Paper)).min(end);
        r.tweet = None;
    }
}

/// `b`: the paper a page back, from any pane.
pub fn read_back(r: &mut Reader) {
    r.scroll = r.scroll.saturating_sub(page(r, Pane::Paper));
    r.tweet = None;
}

pub fn cycle_sort(r: &mut Reader) {
    r.sort = r.sort.next();
    let text = format!("Papers sorted {}", r.sort.name());
    r.tell(text);
}

/// Opens a link of the selected paper in the browser.
pub fn open(
    r: &mut Reader,
    what: &'static str,
    url: impl Fn(&Paper) -> Option<String>,
) -> Vec<Effect> {
    let Some(paper) = r.current_paper() else {
        r.warn("No paper selected");
        return vec![];
    };
    let Some(url) = url(paper) else {
        let text = format!("Paper {} has no {what} link", paper.rank);
        r.warn(text);
        return vec![];
    };
    checked(r, what, url)
}

fn checked(r: &mut Reader, what: &'static str, url: String) -> Vec<Effect> {
    if !allowed(r, "open", what, &url) {
        return vec![];
    }
    r.tell(format!("Opening the {what}: {url}"));
    vec![Effect::OpenUrl { what, url }]
}

/// Whether `url` is a web page that may be opened or copied (`doing`); when not, the status
/// line says why.
pub fn allowed(r: &mut Reader, doing: &str, what: &str, url: &str) -> bool {
    match check_url(url) {
        Ok(()) => true,
        Err(why) => {
            r.warn(format!("Refused to {doing} the {what}: {why}"));
            false
        }
    }
}

pub fn open_tweet(r: &mut Reader) -> Vec<Effect> {
    let Some(paper) = r.current_paper() else {
        r.warn("No paper selected");
        return vec![];
    };
    let Some(i) = marked_tweet(r) else {
        let text = format!("Paper {} has no tweets", paper.rank);
        r.warn(text);
        return vec![];
    };
    let url = paper.tweets[i].url.to_string();
    checked(r, "tweet", url)
}

/// The tweet `t` opens: the one marked with `>`, else the one in view.
pub fn marked_tweet(r: &Reader) -> Option<usize> {
    marked_tweet_in(r, &*r.detail()?)
}

/// `marked_tweet` for lines already measured (drawing has them at hand). Marks go over the
/// paper's other listings first, then its tweets.
pub fn marked_tweet_in(r: &Reader, d: &DetailText) -> Option<usize> {
    let also = d.also_starts.len();
    match r.tweet {
        Some(i) if i >= also && i - also < d.tweet_starts.len() => Some(i - also),
        _ => tweet_in_view(&d.tweet_starts, r.scroll),
    }
}

/// The other listing marked with `>`, if one is: Enter goes there.
pub fn marked_also(r: &Reader, d: &DetailText) -> Option<usize> {
    r.tweet.filter(|&i| i < d.also_starts.len())
}

/// Marks the next of the paper's other listings and tweets (wrapping) and scrolls it into view.
pub fn next_tweet(r: &mut Reader) {
    let (Some(paper), Some(d)) = (r.current_paper(), r.detail()) else {
        return;
    };
    let also = d.also_starts.len();
    let tweets = paper.tweets.len();
    let n = also + tweets;
    if n == 0 {
        let text = format!("Paper {} has no tweets", paper.rank);
        r.warn(text);
        return;
    }
    let next = match r.tweet {
        Some(i) => (i + 1) % n,
        None if also > 0 => 0,
        None => tweet_in_view(&d.tweet_starts, r.scroll).map_or(0, |i| (i + 1) % n),
    };
    let start = match next.checked_sub(also) {
        None => d.also_starts[next],
        Some(t) => d.tweet_starts[t],
    };
    let h = layout::inner_height(r.areas().detail);
    if start < r.scroll || start + 2 > r.scroll + h {
        r.scroll = start.saturating_sub(1);
    }
    r.tweet = Some(next);
    let text = match next.checked_sub(also) {
        None => r.keymap.say(
            Scope::Reader,
            Command::Enter,
            &format!("Listing {} of {also} marked", next + 1),
            |k| format!(": {k} goes there"),
        ),
        Some(t) => r.keymap.say(
            Scope::Reader,
            Command::OpenTweet,
            &format!("Tweet {} of {tweets} marked", t + 1),
            |k| format!(": {k} opens it"),
        ),
    };
    r.tell(text);
}

/// Enter on the paper pane: to the other listing marked, else the paper's abs page.
pub fn enter_paper(r: &mut Reader) -> Vec<Effect> {
    let also = r.detail().and_then(|d| marked_also(r, &d));
    match also.and_then(|i| r.also_listed().get(i).copied()) {
        Some(to) => {
            let note = go_to(r, to);
            let date = r.archive.days[to.day].date;
            r.tell(format!("Listed on {date} too{note}"));
            vec![]
        }
        None => open(r, "abs page", |p| p.abs_url().map(Into::into)),
    }
}

/// Goes to the next (`by` 1) or previous search result, wrapping.
pub fn next_result(r: &mut Reader, by: isize) {
    let n = r.results.len();
    if n == 0 {
        let text = r
            .keymap
            .say(Scope::Reader, Command::Search, "No search results", |k| {
                format!(": {k} searches")
            });
        r.warn(text);
        return;
    }
    let i = r
        .result
        .map_or(0, |i| (i as isize + by).rem_euclid(n as isize) as usize);
    r.result = Some(i);
    let note = go_to(r, r.results[i]);
    r.tell(format!("Result {} of {n}{note}", i + 1));
}
