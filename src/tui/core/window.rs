//! The span of days the leaderboard and the People box cover: a window ending at the selected
//! day, or the whole archive.

use chrono::{Days, NaiveDate};

/// The span a leaderboard covers: days ending at the selected day, or the whole archive.
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

impl Window {
    /// The first and last day of the window ending on `day` (open ends for all time, or with
    /// no day).
    pub fn span(self, day: Option<NaiveDate>) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match (day, self.days()) {
            (Some(d), Some(n)) => (d.checked_sub_days(Days::new(n - 1)), Some(d)),
            _ => (None, None),
        }
    }
}
