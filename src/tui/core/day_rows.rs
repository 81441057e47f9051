//! The day list as it is shown, newest first: the days, a heading where the month changes,
//! and a marker where more than a week passed without a post. The selection moves over the
//! days; the headings and markers only take rows.

use chrono::{Datelike, NaiveDate};

use std::sync::Arc;

use crate::archive::Day;

/// More days than this without a post between two listed days are marked.
pub const GAP_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRow {
    /// The month the days below it are in (its first day).
    Month(NaiveDate),
    /// This many days without a post between the rows around it.
    Gap(i64),
    /// The archive's day at this index (days are oldest first in the archive).
    Day(usize),
}

/// The rows of the day list for `days` (oldest first), newest first.
pub fn day_rows(days: &[Arc<Day>]) -> Vec<DayRow> {
    let mut rows = Vec::with_capacity(days.len() + days.len() / 20 + 1);
    let mut newer: Option<NaiveDate> = None;
    for (i, day) in days.iter().enumerate().rev() {
        if let Some(n) = newer {
            let between = (n - day.date).num_days() - 1;
            if between > GAP_DAYS {
                rows.push(DayRow::Gap(between));
            }
        }
        if newer.is_none_or(|n| month_of(n) != month_of(day.date)) {
            rows.push(DayRow::Month(month_of(day.date)));
        }
        rows.push(DayRow::Day(i));
        newer = Some(day.date);
    }
    rows
}

fn month_of(d: NaiveDate) -> NaiveDate {
    d.with_day0(0).unwrap_or(d)
}

/// The row of day `day` among `rows`.
pub fn row_of(rows: &[DayRow], day: usize) -> Option<usize> {
    rows.iter().position(|r| *r == DayRow::Day(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(dates: &[&str]) -> Vec<Arc<Day>> {
        dates
            .iter()
            .map(|d| Arc::new(Day::bare(d, vec![])))
            .collect()
    }

    #[test]
    fn months_get_a_heading_and_long_gaps_a_marker() {
        let d = days(&["2020-11-30", "2021-01-20", "2021-01-25", "2021-02-01"]);
        let month = |s: &str| DayRow::Month(s.parse().unwrap());
        assert_eq!(
            day_rows(&d),
            [
                month("2021-02-01"),
                DayRow::Day(3),
                month("2021-01-01"),
                DayRow::Day(2),
                DayRow::Day(1),
                DayRow::Gap(50),
                month("2020-11-01"),
                DayRow::Day(0),
            ]
        );
        assert_eq!(row_of(&day_rows(&d), 1), Some(4));
        assert!(day_rows(&[]).is_empty());
        // A week without a post is no gap worth a row.
        let d = days(&["2021-01-02", "2021-01-10"]);
        assert_eq!(day_rows(&d).len(), 3);
    }
}
