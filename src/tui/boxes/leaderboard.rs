//! The leaderboard (`T`): the most talked-about papers over a window of days ending at the
//! selected day, each paper once at its best day.

use chrono::Days;
use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::search::{Entry, Measure, top};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// The span a leaderboard covers, ending at the selected day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Week,
    Month,
    Year,
    All,
}

impl Window {
    pub fn next(self) -> Window {
        match self {
            Window::Week => Window::Month,
            Window::Month => Window::Year,
            Window::Year => Window::All,
            Window::All => Window::Week,
        }
    }

    /// Days covered, counting the last one; `None` for all time.
    pub fn days(self) -> Option<u64> {
        match self {
            Window::Week => Some(7),
            Window::Month => Some(30),
            Window::Year => Some(365),
            Window::All => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Window::Week => "week",
            Window::Month => "month",
            Window::Year => "year",
            Window::All => "all time",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Leaderboard {
    pub window: Window,
    pub measure: Measure,
    pub entries: Vec<Entry>,
    pub cursor: ListCursor,
}

impl Leaderboard {
    pub fn open(r: &Reader) -> Leaderboard {
        let mut b = Leaderboard {
            window: Window::Month,
            measure: Measure::Score,
            entries: Vec::new(),
            cursor: ListCursor::default(),
        };
        b.rank(r);
        b
    }

    /// Fills the board for its window (ending at the selected day) and measure, under the filter.
    fn rank(&mut self, r: &Reader) {
        let until = r.current_day().map(|d| d.date);
        let since = match (until, self.window.days()) {
            (Some(u), Some(n)) => u.checked_sub_days(Days::new(n - 1)),
            _ => None,
        };
        self.entries = top(&r.archive, since, until, self.measure, |p| r.shows(p));
        self.cursor = ListCursor::default();
    }
}

impl Component for Leaderboard {
    fn scope(&self) -> Scope {
        Scope::Leaderboard
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let rows = layout::board_rows(&r.areas());
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                if let Some(e) = self.entries.get(self.cursor.selected) {
                    let what = format!(
                        "Best day of {}: {} (listed on {} days)",
                        e.arxiv_id.as_deref().unwrap_or("the paper"),
                        e.best_date,
                        e.days.len()
                    );
                    let note = go_to(r, e.best);
                    r.tell(format!("{what}{note}"));
                    return Handled::close();
                }
            }
            Command::CycleWindow => {
                self.window = self.window.next();
                self.rank(r);
            }
            Command::Sort => {
                self.measure = self.measure.next();
                self.rank(r);
            }
            other => {
                self.cursor.apply(other, self.entries.len(), rows);
            }
        }
        self.cursor.fit(rows);
        Handled::stay()
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Leaderboard, c);
        hint_line(&[
            (k(Command::CycleWindow), "window"),
            (k(Command::Sort), "measure"),
            (k(Command::Enter), "goes to its best day"),
        ])
    }
}
