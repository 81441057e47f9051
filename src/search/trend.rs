//! Trends: how many listings a search found in each week, month or year of the archive's whole
//! span, beside how many the archive has then, and the same for the most common categories.
//! Nothing here knows about terminals; the reader and `hotpapers trend` draw it.
//!
//! A trend counts what the search lists: listings, not papers. A paper on the hot list on
//! three days of March counts three times in March, as it is three results of the search, and
//! the share is of all listings of the period, counted the same way. So the counts are the
//! search results grouped, and a paper that stays hot for long weighs more, as it did.

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate};
// Every category of every listing is looked up: foldhash, as the index's words are.
use foldhash::fast::FixedState;

use super::index::PaperRef;
use crate::archive::{Archive, Paper};

/// How long each bar of a trend is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// ISO weeks, Monday to Sunday.
    Week,
    #[default]
    Month,
    Year,
}

impl Period {
    pub fn next(self) -> Period {
        match self {
            Period::Week => Period::Month,
            Period::Month => Period::Year,
            Period::Year => Period::Week,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    /// The first day of the period that holds `d`.
    pub fn start(self, d: NaiveDate) -> NaiveDate {
        let first = match self {
            Period::Week => {
                d.checked_sub_days(Days::new(d.weekday().num_days_from_monday().into()))
            }
            Period::Month => d.with_day(1),
            Period::Year => d.with_day(1).and_then(|d| d.with_month(1)),
        };
        // Only the calendar's very first week has no Monday before it.
        first.unwrap_or(d)
    }

    /// The first day of the period after the one starting on `start`, if the calendar has it.
    fn after(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
            Period::Year => start.checked_add_months(Months::new(12)),
        }
    }

    /// The period starting on `start` as a label: `2024-W10` (its ISO week), `2024-03`, `2024`.
    pub fn label(self, start: NaiveDate) -> String {
        match self {
            Period::Week => start.format("%G-W%V").to_string(),
            Period::Month => start.format("%Y-%m").to_string(),
            Period::Year => start.format("%Y").to_string(),
        }
    }
}

/// One period of a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// Its first day.
    pub start: NaiveDate,
    /// The listings found in it.
    pub papers: u64,
    /// Every listing of the archive in it.
    pub total: u64,
}

impl Bucket {
    /// What a bar of the bucket measures, as a whole number (charts take those): the count,
    /// or with `share` the share in millionths.
    pub fn value(&self, share: bool) -> u64 {
        if share {
            (self.share() * 1e6).round() as u64
        } else {
            self.papers
        }
    }

    /// The part of the period's listings that were found, from 0 to 1 (0 for a period without
    /// posts).
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.papers as f64 / self.total as f64
        }
    }
}

/// The listings found per period, over every period from the archive's first day to its last,
/// the ones without a match (or without a post) included.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trend {
    pub period: Period,
    pub buckets: Vec<Bucket>,
}

impl Trend {
    /// The trend of `hits` (listings of `archive`, as a search returns them) per `period`.
    /// Positions outside the archive are not counted.
    pub fn of(archive: &Archive, hits: &[PaperRef], period: Period) -> Trend {
        let (mut t, days) = Trend::calendar(archive, period);
        // Once a listing: a small table, not the days themselves, is what each one reads.
        for r in hits {
            if let Some(&(b, n)) = days.get(r.day) {
                if r.paper < n as usize {
                    t.buckets[b as usize].papers += 1;
                }
            }
        }
        t
    }

    /// Every period of the span with all its listings counted, and each day's period and
    /// number of papers.
    fn calendar(archive: &Archive, period: Period) -> (Trend, Vec<(u32, u32)>) {
        let mut t = Trend::span(archive, period);
        let mut at = 0;
        let mut days = Vec::with_capacity(archive.days.len());
        for d in &archive.days {
            // Days are oldest first, so the period only moves on; one out of order is looked up.
            while t.buckets.get(at + 1).is_some_and(|b| b.start <= d.date) {
                at += 1;
            }
            let b = match t.buckets.get(at) {
                Some(b) if b.start <= d.date => at,
                _ => t.bucket_of(d.date).unwrap_or(0),
            };
            let n = u32::try_from(d.papers.len()).unwrap_or(u32::MAX);
            t.buckets[b].total += u64::from(n);
            days.push((u32::try_from(b).unwrap_or(u32::MAX), n));
        }
        (t, days)
    }

    /// Every period of the archive's span, with nothing counted yet.
    fn span(archive: &Archive, period: Period) -> Trend {
        let dates = || archive.days.iter().map(|d| d.date);
        let mut buckets = Vec::new();
        if let (Some(first), Some(last)) = (dates().min(), dates().max()) {
            let (mut at, end) = (Some(period.start(first)), period.start(last));
            while let Some(start) = at.filter(|s| *s <= end) {
                buckets.push(Bucket {
                    start,
                    papers: 0,
                    total: 0,
                });
                at = period.after(start);
            }
        }
        Trend { period, buckets }
    }

    /// Which bucket holds `date`, if any does.
    pub fn bucket_of(&self, date: NaiveDate) -> Option<usize> {
        let after = self.buckets.partition_point(|b| b.start <= date);
        after.checked_sub(1)
    }

    /// Listings found in all.
    pub fn matches(&self) -> u64 {
        self.buckets.iter().map(|b| b.papers).sum()
    }

    /// The part of all listings of the span that were found, from 0 to 1.
    pub fn share(&self) -> f64 {
        let all = Bucket {
            start: NaiveDate::MIN,
            papers: self.matches(),
            total: self.buckets.iter().map(|b| b.total).sum(),
        };
        all.share()
    }

    /// The label of bucket `i`.
    pub fn label(&self, i: usize) -> String {
        self.buckets
            .get(i)
            .map_or_else(String::new, |b| self.period.label(b.start))
    }

    /// The first and the last period's labels at the two ends of `columns` columns, or the
    /// first alone when both do not fit: a chart's time axis.
    pub fn ends(&self, columns: usize) -> String {
        let first = self.label(0);
        let last = self.label(self.buckets.len().saturating_sub(1));
        let (a, b) = (first.chars().count(), last.chars().count());
        if self.buckets.len() > 1 && a + b < columns {
            format!("{first}{last:>r$}", r = columns - a)
        } else {
            first
        }
    }

    /// Bucket `i`'s value as a chart says it: a count, or a share in percent (empty for a
    /// bucket that is not there).
    pub fn value(&self, i: usize, share: bool) -> String {
        let Some(b) = self.buckets.get(i) else {
            return String::new();
        };
        if share {
            format!("{:.1}%", b.share() * 100.0)
        } else {
            b.papers.to_string()
        }
    }

    /// What a chart shows, in a line: how many matched over which span, and the busiest
    /// periods (by count, or by `share`).
    pub fn summary(&self, share: bool) -> String {
        let t = self;
        let n = t.buckets.len();
        let span = match n {
            0 => return "The archive has no days".to_string(),
            1 => t.label(0),
            _ => format!(
                "{n} {}s, {} to {}",
                t.period.name(),
                t.label(0),
                t.label(n - 1)
            ),
        };
        let busiest: Vec<String> = t
            .busiest(3, share)
            .into_iter()
            .map(|i| format!("{} ({})", t.label(i), t.value(i, share)))
            .collect();
        if busiest.is_empty() {
            return format!("Nothing matches in {span}");
        }
        let m = t.matches();
        let what = if m == 1 { "match" } else { "matches" };
        format!("{m} {what} in {span}; busiest {}", busiest.join(", "))
    }

    /// The bucket with the most listings found (the earliest of equals); `None` when nothing
    /// was found.
    pub fn peak(&self) -> Option<usize> {
        self.busiest(1, false).first().copied()
    }

    /// The `n` buckets with the most found (by count, or by `share` of their period's
    /// listings), most first, the earlier of equals first; periods where nothing was found
    /// are never among them.
    pub fn busiest(&self, n: usize, share: bool) -> Vec<usize> {
        let mut found: Vec<usize> = (0..self.buckets.len())
            .filter(|&i| self.buckets[i].papers > 0)
            .collect();
        let value = |i: usize| {
            let b = &self.buckets[i];
            if share { b.share() } else { b.papers as f64 }
        };
        found.sort_by(|&a, &b| value(b).total_cmp(&value(a)).then(a.cmp(&b)));
        found.truncate(n);
        found
    }

    /// The buckets merged into at most `columns` runs of equal length (the last one shorter),
    /// their counts added: a trend longer than the room to draw it. Each run starts on its
    /// first bucket's day. Which run holds bucket `i` is `i / self.per_column(columns)`.
    pub fn columns(&self, columns: usize) -> Vec<Bucket> {
        let per = self.per_column(columns);
        self.buckets
            .chunks(per)
            .map(|run| Bucket {
                start: run[0].start,
                papers: run.iter().map(|b| b.papers).sum(),
                total: run.iter().map(|b| b.total).sum(),
            })
            .collect()
    }

    /// How many buckets each of at most `columns` columns takes.
    pub fn per_column(&self, columns: usize) -> usize {
        self.buckets.len().div_ceil(columns.max(1)).max(1)
    }

    /// The trend as the values of `room` columns or fewer, for a sparkline: runs of buckets
    /// merged when there are more buckets than columns, else each bucket as wide as the room
    /// allows (all equally wide).
    pub fn fit(&self, room: usize, share: bool) -> Fit {
        let n = self.buckets.len().max(1);
        let (per, wide) = if n > room {
            (self.per_column(room), 1)
        } else {
            (1, room / n)
        };
        let values = self
            .columns(room)
            .iter()
            .flat_map(|b| std::iter::repeat_n(b.value(share), wide))
            .collect();
        Fit { values, per, wide }
    }

    /// The retweets and favorites of the matching papers of each bucket, each paper once at
    /// its best listing there: the counts in posts are running totals, so adding a paper's
    /// days would count the same tweets again.
    pub fn scores(&self, archive: &Archive, hits: &[PaperRef]) -> Vec<u64> {
        let mut best: Vec<HashMap<&str, u64>> = vec![HashMap::new(); self.buckets.len()];
        for r in hits {
            let Some(day) = archive.days.get(r.day) else {
                continue;
            };
            let (Some(p), Some(b)) = (day.papers.get(r.paper), self.bucket_of(day.date)) else {
                continue;
            };
            let score = best[b].entry(p.key.as_str()).or_default();
            *score = (*score).max(p.score());
        }
        best.iter().map(|m| m.values().sum()).collect()
    }
}

/// A trend fitted to a width (see `Trend::fit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// A value a column.
    pub values: Vec<u64>,
    /// Buckets a column, and columns a bucket (one of them is 1).
    per: usize,
    wide: usize,
}

impl Fit {
    /// The columns that draw bucket `i`.
    pub fn span(&self, i: usize) -> std::ops::Range<usize> {
        let first = (i / self.per) * self.wide;
        first..first + self.wide
    }

    /// The column in the middle of those that draw bucket `i`.
    pub fn column(&self, i: usize) -> usize {
        self.span(i).start + self.wide / 2
    }
}

/// Every category of the archive with its listings, most first (then by name): a listing
/// counts once for each category it has.
pub fn categories(archive: &Archive) -> Vec<(String, u64)> {
    let mut counts: HashMap<&str, u64, FixedState> = HashMap::default();
    for p in archive.days.iter().flat_map(|d| &d.papers) {
        for c in distinct(p) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut out: Vec<(String, u64)> = counts
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The trend of each of `names` per `period`: the listings that have the category, against
/// all listings. A listing has several categories, so the shares of a period overlap and add
/// up to more than the whole.
pub fn category_trends(archive: &Archive, names: &[&str], period: Period) -> Vec<Trend> {
    let slot: HashMap<&str, usize, FixedState> =
        names.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let (all, days) = Trend::calendar(archive, period);
    let mut trends = vec![all; names.len()];
    for (d, &(b, _)) in archive.days.iter().zip(&days) {
        for p in &d.papers {
            for i in distinct(p).filter_map(|c| slot.get(c).copied()) {
                trends[i].buckets[b as usize].papers += 1;
            }
        }
    }
    trends
}

/// A paper's categories, each once: a category written twice is still one listing of it.
fn distinct(p: &Paper) -> impl Iterator<Item = &str> {
    let all = &p.categories;
    all.iter()
        .enumerate()
        .filter(|&(i, c)| !all[..i].contains(c))
        .map(|(_, c)| c.as_str())
}

#[cfg(test)]
mod tests;
