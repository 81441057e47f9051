//! The trend chart (Ctrl-t in the search box): the box's matches per week, month or year over
//! the archive's whole span, as counts or as the share of all papers of each period. It lives
//! in the search box, which it covers; Esc goes back to the box, its query and results as
//! they were.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::search::{PaperRef, Period, Trend};
use crate::tui::command::{Command, Scope};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct TrendChart {
    /// The query as typed, for the title.
    pub query: String,
    pub period: Period,
    /// Bars as the share of all papers of their period, not counts.
    pub share: bool,
    /// The trend per week, per month and per year, made when the chart opens so that
    /// switching costs nothing.
    trends: [Trend; 3],
}

const PERIODS: [Period; 3] = [Period::Week, Period::Month, Period::Year];

impl TrendChart {
    /// The chart of `hits`, the search results of `query`, per month.
    pub fn open(r: &Reader, query: &str, hits: &[PaperRef]) -> TrendChart {
        TrendChart {
            query: query.trim().to_string(),
            period: Period::Month,
            share: false,
            trends: PERIODS.map(|p| Trend::of(&r.archive, hits, p)),
        }
    }

    /// The search found again (the index was rebuilt): the chart follows.
    pub fn refresh(&mut self, r: &Reader, hits: &[PaperRef]) {
        self.trends = PERIODS.map(|p| Trend::of(&r.archive, hits, p));
    }

    /// The trend of the period shown.
    pub fn trend(&self) -> &Trend {
        let i = PERIODS.iter().position(|p| *p == self.period).unwrap_or(1);
        &self.trends[i]
    }
}

impl Component for TrendChart {
    fn scope(&self) -> Scope {
        Scope::Trend
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        if let Some(done) = period_keys(r, command, &mut self.period, "Matches") {
            return done;
        }
        if command == Command::Share {
            self.share = !self.share;
            r.tell(if self.share {
                "Bars as the share of all papers of each period"
            } else {
                "Bars as counts of matches"
            });
        }
        Handled::stay()
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Trend, c);
        hint_line(&[
            (k(Command::CycleWindow), "period"),
            (
                k(Command::Share),
                if self.share { "counts" } else { "shares" },
            ),
            (k(Command::Back), "back to the search"),
        ])
    }
}

/// The keys both charts have: Back closes (and what was said goes), the period key steps to
/// the next period and says it, `what` per week. `None` for any other command.
pub fn period_keys(
    r: &mut Reader,
    command: Command,
    period: &mut Period,
    what: &str,
) -> Option<Handled> {
    match command {
        Command::Back => {
            r.notice = None;
            Some(Handled::close())
        }
        Command::CycleWindow => {
            *period = period.next();
            r.tell(format!("{what} per {}", period.name()));
            Some(Handled::stay())
        }
        _ => None,
    }
}
