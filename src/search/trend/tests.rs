use super::*;
use crate::archive::{Day, Paper};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A paper with categories and a score.
fn paper(rank: u32, id: &str, cats: &[&str], score: u64) -> Paper {
    let mut p = Paper::bare(rank, &format!("Paper {id}"), Some(id));
    p.categories = cats.iter().map(|&c| c.into()).collect();
    p.retweets = score;
    p
}

/// January (two days), nothing in February or March, April (one day).
fn archive() -> Archive {
    Archive::from_days(vec![
        Day::bare(
            "2024-01-02",
            vec![
                paper(1, "1", &["cs.LG"], 10),
                paper(2, "2", &["cs.CV", "cs.LG"], 5),
            ],
        ),
        Day::bare("2024-01-30", vec![paper(1, "1", &["cs.LG"], 30)]),
        Day::bare(
            "2024-04-15",
            vec![
                paper(1, "1", &["cs.LG", "cs.LG"], 40),
                paper(2, "3", &["cs.CV"], 1),
                paper(3, "4", &["math.ST"], 2),
            ],
        ),
    ])
}

fn at(day: usize, paper: usize) -> PaperRef {
    PaperRef { day, paper }
}

#[test]
fn periods_start_on_mondays_firsts_of_month_and_new_year() {
    let d = date("2024-03-14");
    assert_eq!(Period::Week.start(d), date("2024-03-11"));
    assert_eq!(Period::Month.start(d), date("2024-03-01"));
    assert_eq!(Period::Year.start(d), date("2024-01-01"));
    assert_eq!(Period::Week.label(date("2024-03-11")), "2024-W11");
    // The ISO week of 30 December 2024 is the first of 2025.
    assert_eq!(
        Period::Week.label(Period::Week.start(date("2025-01-01"))),
        "2025-W01"
    );
    assert_eq!(Period::Month.label(date("2024-03-01")), "2024-03");
    assert_eq!(Period::Year.label(date("2024-01-01")), "2024");
    assert_eq!(Period::Week.next().next().next(), Period::Week);
    assert_eq!(Period::Week.start(NaiveDate::MIN), NaiveDate::MIN);
}

#[test]
fn every_period_of_the_span_is_there_with_its_listings() {
    let a = archive();
    let t = Trend::of(&a, &[], Period::Month);
    let labels: Vec<String> = (0..t.buckets.len()).map(|i| t.label(i)).collect();
    assert_eq!(labels, ["2024-01", "2024-02", "2024-03", "2024-04"]);
    assert_eq!(t.ends(20), "2024-01      2024-04");
    assert_eq!(t.ends(14), "2024-01", "no room for both");
    let totals: Vec<u64> = t.buckets.iter().map(|b| b.total).collect();
    assert_eq!(totals, [3, 0, 0, 3]);
    assert_eq!((t.matches(), t.peak()), (0, None));
    let weeks = Trend::of(&a, &[], Period::Week);
    assert_eq!(weeks.buckets.len(), 16);
    assert_eq!(weeks.label(0), "2024-W01");
    assert_eq!(Trend::of(&a, &[], Period::Year).buckets.len(), 1);
    let none = Trend::of(&Archive::default(), &[], Period::Month);
    assert!(none.buckets.is_empty());
    assert_eq!(none.summary(false), "The archive has no days");
    assert_eq!(none.value(0, false), "");
    assert_eq!(none.label(0), "");
}

#[test]
fn hits_are_counted_in_their_days_period_and_shares_are_of_its_listings() {
    let a = archive();
    let hits = [at(0, 0), at(1, 0), at(2, 0), at(2, 9), at(7, 0)];
    let t = Trend::of(&a, &hits, Period::Month);
    let papers: Vec<u64> = t.buckets.iter().map(|b| b.papers).collect();
    assert_eq!(
        papers,
        [2, 0, 0, 1],
        "positions outside the archive are not counted"
    );
    assert!((t.buckets[0].share() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(t.buckets[1].share(), 0.0, "no listings, no share");
    assert_eq!(t.peak(), Some(0));
    assert_eq!(t.bucket_of(date("2024-03-31")), Some(2));
    assert_eq!(t.bucket_of(date("2023-12-31")), None);
}

#[test]
fn the_busiest_are_most_first_earlier_first_among_equals_and_never_empty() {
    let mut t = Trend::of(&archive(), &[], Period::Month);
    for (b, (papers, total)) in t.buckets.iter_mut().zip([(2, 10), (0, 5), (2, 4), (1, 1)]) {
        (b.papers, b.total) = (papers, total);
    }
    assert_eq!(t.busiest(5, false), [0, 2, 3]);
    assert_eq!(t.busiest(2, true), [3, 2]);
    assert_eq!(t.peak(), Some(0));
}

#[test]
fn columns_add_up_runs_of_buckets() {
    let mut t = Trend::of(&archive(), &[], Period::Week);
    for (i, b) in t.buckets.iter_mut().enumerate() {
        b.papers = i as u64;
    }
    assert_eq!(t.per_column(5), 4);
    let cols = t.columns(5);
    let papers: Vec<u64> = cols.iter().map(|b| b.papers).collect();
    assert_eq!(papers, [6, 22, 38, 54]);
    assert_eq!(cols[1].start, t.buckets[4].start);
    assert_eq!(
        t.columns(100).len(),
        16,
        "room for all: one bucket a column"
    );
    assert_eq!(t.columns(0).len(), 1);
}

#[test]
fn scores_count_each_paper_once_a_period_at_its_best() {
    let a = archive();
    // Paper 1 in January twice (10, then 30) and in April (40); paper 2 in January (5).
    let hits = [at(0, 0), at(0, 1), at(1, 0), at(2, 0)];
    let t = Trend::of(&a, &hits, Period::Month);
    assert_eq!(t.scores(&a, &hits), [35, 0, 0, 40]);
    let year = Trend::of(&a, &hits, Period::Year);
    assert_eq!(year.scores(&a, &hits), [45]);
}

#[test]
fn categories_most_listed_first_each_once_a_listing() {
    let a = archive();
    assert_eq!(
        categories(&a),
        [
            ("cs.LG".to_string(), 4),
            ("cs.CV".to_string(), 2),
            ("math.ST".to_string(), 1)
        ]
    );
    let ts = category_trends(&a, &["cs.CV", "nope"], Period::Month);
    let cv: Vec<u64> = ts[0].buckets.iter().map(|b| b.papers).collect();
    assert_eq!(cv, [1, 0, 0, 1]);
    assert_eq!(ts[1].matches(), 0);
    assert_eq!(ts[0].buckets[3].total, 3);
    let lg = &category_trends(&a, &["cs.LG"], Period::Year)[0];
    assert_eq!(lg.matches(), 4, "cs.LG twice on a paper is one listing");
}
