//! The leaderboard (`T`): the most talked-about papers over a window of days ending at the
//! selected day, each paper once at its best day.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::display::words::count;
use crate::search::{Change, Entry, Measure, top};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::{Reader, Window};
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct Leaderboard {
    pub window: Window,
    pub measure: Measure,
    pub entries: Vec<Entry>,
    /// How each entry's measure moved at its newest listing in the window since the listing
    /// before that (whenever that was): the arrow shown.
    pub changes: Vec<Change>,
    pub cursor: ListCursor,
}

impl Leaderboard {
    /// The board with the window and measure it last had this session (a month by score at
    /// first).
    pub fn open(r: &Reader) -> Leaderboard {
        let (window, measure) = r.board.unwrap_or((Window::Month, Measure::Score));
        let mut b = Leaderboard {
            window,
            measure,
            entries: Vec::new(),
            changes: Vec::new(),
            cursor: ListCursor::default(),
        };
        b.rank(r);
        b
    }

    /// Fills the board for its window and measure, under the filter: a window of days ends
    /// at the selected day; all time is the whole archive.
    fn rank(&mut self, r: &Reader) {
        let (since, until) = self.window.span(r.current_day().map(|d| d.date));
        self.entries = top(&r.archive, since, until, self.measure, |p| r.shows(p));
        self.changes = self
            .entries
            .iter()
            .map(|e| r.change_at(e.last, self.measure))
            .collect();
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
                        "Best day of {}: {} (listed on {})",
                        e.arxiv_id.as_deref().unwrap_or("the paper"),
                        e.best_date,
                        count(e.days.len(), "day", "days")
                    );
                    let note = go_to(r, e.best);
                    r.tell(format!("{what}{note}"));
                    return Handled::close();
                }
            }
            Command::CycleWindow => {
                self.window = self.window.next();
                r.board = Some((self.window, self.measure));
                self.rank(r);
            }
            Command::Sort => {
                self.measure = self.measure.next();
                r.board = Some((self.window, self.measure));
                self.rank(r);
            }
            other => {
                self.cursor.apply(other, self.entries.len(), rows);
            }
        }
        self.cursor.fit(rows);
        Handled::stay()
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        Some((self.cursor, self.entries.len(), 1))
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
