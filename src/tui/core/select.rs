//! Moving the selection: the one owner of which day and paper are shown, and of keeping the
//! selected rows in view. Every command, box and reload that moves the reader goes through here.

use super::cursor::fit_offset;
use super::day_rows::row_of;
use super::layout::{self, Shape};
use super::state::{Pane, Reader};
use crate::search::PaperRef;

/// Shows day `day` from its first listed paper (nothing changes if it is already shown).
pub fn select_day(r: &mut Reader, day: usize) {
    if day != r.day {
        // Another day is chosen, not a watch list.
        r.watch_row = None;
        show_day(r, day);
    }
}

/// Shows day `day` from its first listed paper, even when it is the day shown (its papers may
/// be new).
pub fn show_day(r: &mut Reader, day: usize) {
    r.day = day;
    r.paper = r.order().first().copied().unwrap_or(0);
    r.papers_offset = 0;
    r.scroll = 0;
    r.tweet = None;
}

pub fn select_paper(r: &mut Reader, paper: usize) {
    if paper != r.paper {
        r.paper = paper;
        r.scroll = 0;
        r.tweet = None;
    }
}

/// Keeps the selection on a listed paper after the filter changed.
pub fn reselect(r: &mut Reader) {
    if r.paper_row().is_none() {
        let first = r.order().first().copied().unwrap_or(0);
        select_paper(r, first);
    }
}

/// The day to show for `date`: that day's index, or the nearest day's with a note saying so
/// (`No post for … ; showing …, the nearest earlier day`). `None` for an empty archive.
pub fn nearest_day(r: &Reader, date: chrono::NaiveDate) -> Option<(usize, Option<String>)> {
    let i = r.archive.nearest_day(date)?;
    let found = r.archive.days[i].date;
    let note = (found != date).then(|| {
        let side = if found < date { "earlier" } else { "later" };
        format!("No post for {date}; showing {found}, the nearest {side} day")
    });
    Some((i, note))
}

/// Shows `to` in its day: the day list, paper list and abstract follow. A category filter that
/// would hide it is cleared; the returned note says so, for the caller's status message.
pub fn go_to(r: &mut Reader, to: PaperRef) -> &'static str {
    select_day(r, to.day);
    select_paper(r, to.paper);
    let hidden = r
        .current_day()
        .and_then(|d| d.papers.get(r.paper))
        .is_some_and(|p| !r.shows(p));
    if hidden {
        r.filter.clear();
    }
    if r.areas().shape == Shape::Narrow {
        r.focus = Pane::Paper;
    } else if r.focus == Pane::Days {
        r.focus = Pane::Papers;
    }
    if hidden {
        " · category filter cleared to show it"
    } else {
        ""
    }
}

/// The last line of the paper pane that may be at its top.
pub fn max_scroll(r: &Reader) -> usize {
    let Some(text) = r.detail() else {
        return 0;
    };
    text.max_scroll(layout::inner_height(r.areas().detail))
}

/// Keeps the selected rows inside their lists' visible windows and the scroll in range.
pub fn keep_in_view(r: &mut Reader) {
    let a = r.areas();
    // In rows as shown, month headings and gap markers included.
    let shown = match r.watch_row {
        // A watch list is selected: the day list shows its top.
        Some(_) => 0,
        None => row_of(r.day_rows(), r.day).unwrap_or(0),
    };
    r.days_offset = fit_offset(shown, r.days_offset, layout::inner_height(a.days));
    r.papers_offset = fit_offset(
        r.paper_row().unwrap_or(0),
        r.papers_offset,
        layout::inner_height(a.papers),
    );
    r.scroll = r.scroll.min(max_scroll(r));
}
