//! Categories over time (the trend key in the category filter): the share of all papers that
//! each category has per week, month or year over the archive's whole span, a sparkline a
//! category. Small multiples rather than stacked bars: a paper has several categories, so the
//! shares of a period overlap and add up to more than the whole. The categories chosen in the
//! filter, else the most common; Esc goes back to the filter as it was.

use std::collections::BTreeSet;

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use super::trend::period_keys;
use crate::search::trend::category_trends;
use crate::search::{Period, Trend};
use crate::tui::command::{Command, Scope};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// The most categories drawn: beyond a dozen sparklines nobody compares them.
pub const MOST: usize = 12;

#[derive(Debug, Clone)]
pub struct CategoryTrends {
    /// The categories, most common first.
    pub names: Vec<String>,
    /// Whether they are the ones chosen in the filter (else the most common).
    pub chosen: bool,
    pub period: Period,
    /// Each category's trend, in the order of `names`.
    pub trends: Vec<Trend>,
}

impl CategoryTrends {
    /// The trends of the `chosen` categories, else of the most common of `categories` (every
    /// category with its papers, most first), per month.
    pub fn open(
        r: &Reader,
        categories: &[(String, usize)],
        chosen: &BTreeSet<String>,
    ) -> CategoryTrends {
        let names: Vec<String> = categories
            .iter()
            .map(|(c, _)| c)
            .filter(|c| chosen.is_empty() || chosen.contains(*c))
            .take(MOST)
            .cloned()
            .collect();
        let mut v = CategoryTrends {
            names,
            chosen: !chosen.is_empty(),
            period: Period::Month,
            trends: Vec::new(),
        };
        v.count(r);
        v
    }

    fn count(&mut self, r: &Reader) {
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        self.trends = category_trends(&r.archive, &names, self.period);
    }
}

impl Component for CategoryTrends {
    fn scope(&self) -> Scope {
        Scope::CategoryTrend
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let before = self.period;
        let done = period_keys(r, command, &mut self.period, "Share");
        if self.period != before {
            self.count(r);
        }
        done.unwrap_or_default()
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::CategoryTrend, c);
        hint_line(&[
            (k(Command::CycleWindow), "period"),
            (k(Command::Back), "back to the filter"),
        ])
    }
}
