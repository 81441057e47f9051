//! Where each pane and box goes for a terminal size. Pure, so that drawing, mouse hit-testing
//! and the scroll bookkeeping in `update` agree on the same rectangles.

use ratatui::layout::{Constraint, Flex, Layout, Rect};

/// Below this the reader shows a short message instead of a layout.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, all three panes are shown side by side.
pub const WIDE_WIDTH: u16 = 100;
/// The most columns and rows laid out and drawn: a bigger terminal gets its top-left part
/// (see `runtime::terminal::Term`, which keeps ratatui's buffers to it too).
pub const MAX_SIDE: u16 = 1000;

/// How the panes are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Wide,
    Narrow,
    TooSmall,
}

/// The rectangles of one frame. In narrow mode `days`, `papers` and `detail` are all the same
/// single pane; which one is drawn depends on the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub shape: Shape,
    /// The whole terminal.
    pub screen: Rect,
    /// The watch lists, above the day list (no rows when there are none).
    pub watches: Rect,
    pub days: Rect,
    pub papers: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn areas(width: u16, height: u16) -> Areas {
    let (width, height) = (width.min(MAX_SIDE), height.min(MAX_SIDE));
    let full = Rect::new(0, 0, width, height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas {
            shape: Shape::TooSmall,
            screen: full,
            watches: Rect::new(0, 0, width, 0),
            days: full,
            papers: full,
            detail: full,
            status: full,
            footer: full,
        };
    }
    let [main, status, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(full);
    if width < WIDE_WIDTH {
        return Areas {
            shape: Shape::Narrow,
            screen: full,
            watches: Rect::new(main.x, main.y, main.width, 0),
            days: main,
            papers: main,
            detail: main,
            status,
            footer,
        };
    }
    let [days, right] =
        Layout::horizontal([Constraint::Length(24), Constraint::Min(1)]).areas(main);
    let [papers, detail] =
        Layout::vertical([Constraint::Percentage(42), Constraint::Min(5)]).areas(right);
    Areas {
        shape: Shape::Wide,
        screen: full,
        watches: Rect::new(days.x, days.y, days.width, 0),
        days,
        papers,
        detail,
        status,
        footer,
    }
}

/// `a` with `lists` watch lists above the day list: a framed box of a row each, taking at
/// most a third of the column (the day list keeps the rest, and at least a few rows).
pub fn with_watches(mut a: Areas, lists: usize) -> Areas {
    if lists == 0 || a.shape == Shape::TooSmall {
        return a;
    }
    let most = (a.days.height / 3).max(3);
    let h = u16::try_from(lists + 2).unwrap_or(u16::MAX).min(most);
    let [watches, days] =
        Layout::vertical([Constraint::Length(h), Constraint::Min(1)]).areas(a.days);
    a.watches = watches;
    a.days = days;
    a
}

/// Where the search box goes: over the day and paper lists, leaving the paper pane (which
/// previews the selected result) in view; the whole main area when narrow.
pub fn search_area(a: &Areas) -> Rect {
    match a.shape {
        Shape::Wide => Rect::new(0, 0, a.papers.right(), a.papers.height),
        // The whole pane: the paper list's, which the watch lists do not share.
        _ => a.papers,
    }
}

/// A one-line prompt with a line for what it says, over the top of the lists.
pub fn prompt_area(a: &Areas) -> Rect {
    let w = a.screen.width.saturating_sub(4).min(80);
    Rect::new(a.screen.x + 2, a.screen.y + 1, w, 4.min(a.screen.height))
}

/// The area of the leaderboard: everything above the status line.
pub fn board_area(a: &Areas) -> Rect {
    Rect::new(0, 0, a.status.width, a.status.y)
}

/// Rows of results in the search box: its inside less the query and summary lines.
pub fn search_rows(a: &Areas) -> usize {
    inner_height(search_area(a)).saturating_sub(2)
}

/// Rows of papers in the leaderboard: its inside less the header line.
pub fn board_rows(a: &Areas) -> usize {
    inner_height(board_area(a)).saturating_sub(1)
}

/// Rows of the category picker, a box in the middle of the main area.
pub fn picker_area(a: &Areas, categories: usize) -> Rect {
    let main = board_area(a);
    let w = main.width.saturating_sub(4).min(44);
    let h = main
        .height
        .saturating_sub(2)
        .min(categories as u16 + 2)
        .max(3);
    Rect::new(
        main.x + (main.width - w) / 2,
        main.y + (main.height - h) / 2,
        w,
        h,
    )
}

/// The help box: centred, at most 80 columns, as tall as its `rows` allow (borders included)
/// leaving a row above and below.
pub fn help_area(a: &Areas, rows: usize) -> Rect {
    let screen = a.screen;
    let w = screen.width.saturating_sub(4).min(80);
    let h = screen
        .height
        .saturating_sub(2)
        .min(u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let [popup] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(screen);
    let [popup] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(popup);
    popup
}

/// Rows of the help shown at once.
pub fn help_rows(a: &Areas, rows: usize) -> usize {
    inner_height(help_area(a, rows))
}

/// Rows inside a bordered pane.
pub fn inner_height(r: Rect) -> usize {
    r.height.saturating_sub(2) as usize
}

/// Columns inside a bordered pane.
pub fn inner_width(r: Rect) -> usize {
    r.width.saturating_sub(2) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_by_size() {
        assert_eq!(areas(140, 40).shape, Shape::Wide);
        assert_eq!(areas(80, 24).shape, Shape::Narrow);
        assert_eq!(areas(10, 3).shape, Shape::TooSmall);
    }

    #[test]
    fn wide_panes_tile_the_screen() {
        let a = areas(140, 40);
        assert_eq!(a.days.width + a.papers.width, 140);
        assert_eq!(a.papers.height + a.detail.height, 38);
        assert_eq!((a.status.y, a.footer.y), (38, 39));
    }

    #[test]
    fn watch_lists_take_the_top_of_the_day_column_and_at_most_a_third() {
        let a = with_watches(areas(140, 40), 2);
        assert_eq!((a.watches.y, a.watches.height), (0, 4));
        assert_eq!((a.days.y, a.days.height), (4, 34));
        assert_eq!(
            a.papers,
            areas(140, 40).papers,
            "the other panes keep their place"
        );
        let many = with_watches(areas(140, 40), 50);
        assert_eq!(many.watches.height, 12);
        assert_eq!(with_watches(areas(140, 40), 0), areas(140, 40));
        let narrow = with_watches(areas(80, 24), 1);
        assert_eq!((narrow.watches.height, narrow.days.y), (3, 3));
        assert_eq!(narrow.papers, areas(80, 24).papers);
    }
}
