//! The mouse over the reader: a click selects the row (and focuses the pane) under it, the
//! wheel scrolls the pane under the pointer without moving the focus.

use ratatui::layout::{Position, Rect};

use super::day_rows::DayRow;
use super::layout::{self, Shape};
use super::reader::{Step, step};
use super::select::{select_day, select_paper};
use super::state::{Pane, Reader};
use super::watches::first_shown;

pub fn click(r: &mut Reader, col: u16, row: u16) {
    let a = r.areas();
    let Some(pane) = pane_at(r, Position::new(col, row)) else {
        return;
    };
    let list_row = |area: Rect| {
        row.checked_sub(area.y + 1)
            .map(usize::from)
            .filter(|&i| i < layout::inner_height(area))
    };
    match pane {
        // A click on a watch list selects it.
        Pane::Days if a.watches.contains(Position::new(col, row)) => {
            let first = first_shown(r, layout::inner_height(a.watches));
            if let Some(i) = list_row(a.watches)
                .map(|i| first + i)
                .filter(|&i| i < r.watches.len())
            {
                r.watch_row = Some(i);
            }
        }
        Pane::Days => {
            let rows = r.day_rows();
            // A heading or a gap marker selects nothing.
            if let Some(DayRow::Day(day)) =
                list_row(a.days).and_then(|i| rows.get(r.days_offset + i))
            {
                select_day(r, *day);
                r.watch_row = None;
            }
        }
        Pane::Papers => {
            let order = r.order();
            if let Some(&i) = list_row(a.papers).and_then(|i| order.get(r.papers_offset + i)) {
                select_paper(r, i);
            }
        }
        Pane::Paper => {}
    }
    r.focus = pane;
}

pub fn wheel(r: &mut Reader, col: u16, row: u16, down: bool) {
    let Some(pane) = pane_at(r, Position::new(col, row)) else {
        return;
    };
    let saved = r.focus;
    r.focus = pane;
    let by = match (pane, down) {
        (Pane::Paper, true) => 3,
        (Pane::Paper, false) => -3,
        (_, true) => 1,
        (_, false) => -1,
    };
    step(r, Step::By(by));
    r.focus = saved;
}

fn pane_at(r: &Reader, pos: Position) -> Option<Pane> {
    let a = r.areas();
    if pos.y >= a.status.y {
        return None;
    }
    match a.shape {
        Shape::Wide => [
            (a.watches, Pane::Days),
            (a.days, Pane::Days),
            (a.papers, Pane::Papers),
            (a.detail, Pane::Paper),
        ]
        .into_iter()
        .find(|(area, _)| area.contains(pos))
        .map(|(_, p)| p),
        Shape::Narrow => Some(r.focus),
        Shape::TooSmall => None,
    }
}
