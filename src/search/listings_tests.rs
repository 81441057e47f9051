//! Tests of `listings`: every listing of each paper, built and updated.

use super::*;
use crate::archive::{Day, Paper};

fn scored(rank: u32, title: &str, id: Option<&str>, score: u64) -> Paper {
    Paper {
        retweets: score,
        ..Paper::bare(rank, title, id)
    }
}

/// Paper "once" on one day, "twice" on two, "thrice" on three; two papers without an id
/// whose titles differ only in case (one paper), and one with another title.
fn world() -> Archive {
    let days = vec![
        Day::bare(
            "2024-01-01",
            vec![
                scored(1, "Thrice", Some("3"), 10),
                scored(2, "Twice", Some("2"), 50),
                scored(3, "No Id Here", None, 7),
            ],
        ),
        Day::bare("2024-01-02", vec![]),
        Day::bare(
            "2024-01-03",
            vec![
                scored(1, "Once", Some("1"), 5),
                scored(2, "no id HERE", None, 7),
                scored(3, "Thrice", Some("3"), 30),
                scored(4, "Twice", Some("2"), 20),
            ],
        ),
        Day::bare(
            "2024-01-04",
            vec![
                scored(1, "Thrice", Some("3"), 30),
                scored(2, "Another Title", None, 1),
            ],
        ),
    ];
    Archive::from_days(days)
}

fn at(day: usize, paper: usize) -> PaperRef {
    PaperRef { day, paper }
}

#[test]
fn a_paper_on_one_two_or_three_days_has_each_listing_oldest_first() {
    let l = Listings::build(&world());
    assert_eq!(l.len(), 5, "once, twice, thrice and two titles without id");
    assert_eq!(l.of_key("1"), [at(2, 0)]);
    assert_eq!(l.of_key("2"), [at(0, 1), at(2, 3)]);
    assert_eq!(l.of_key("3"), [at(0, 0), at(2, 2), at(3, 0)]);
    // Any of its listings finds them all.
    assert_eq!(l.of(at(2, 2)), l.of_key("3"));
    assert_eq!(l.of(at(3, 0)), l.of_key("3"));
    assert_eq!(l.key(l.id_at(at(2, 3)).unwrap()).as_str(), "2");
    assert!(l.of_key("4").is_empty());
}

#[test]
fn papers_without_an_id_are_one_paper_by_their_title_in_any_case() {
    let l = Listings::build(&world());
    assert_eq!(l.of_key("title:no id here"), [at(0, 2), at(2, 1)]);
    assert_eq!(l.of_key("title:another title"), [at(3, 1)]);
    assert_eq!(l.of(at(2, 1)), [at(0, 2), at(2, 1)]);
}

#[test]
fn keys_of_one_hash_are_still_told_apart() {
    let a = world();
    let mut n = Numbering::of(&a.days, 0..0, 9);
    let ids: Vec<u32> = [at(0, 0), at(0, 1), at(0, 2), at(2, 1), at(2, 2), at(3, 1)]
        .into_iter()
        .map(|r| n.find_or_add(&a.days, 7, r))
        .collect();
    // Thrice, twice, no id here, the same in capitals, thrice, another title.
    assert_eq!(ids, [0, 1, 2, 2, 0, 3]);
    assert_eq!(n.firsts, [at(0, 0), at(0, 1), at(0, 2), at(3, 1)]);
}

#[test]
fn positions_the_archive_lacks_have_no_listings() {
    let l = Listings::build(&world());
    assert!(l.of(at(1, 0)).is_empty(), "an empty day");
    assert!(l.of(at(0, 3)).is_empty(), "past a day's papers");
    assert!(l.of(at(9, 0)).is_empty(), "past the days");
    assert_eq!(l.id_at(at(0, 3)), None);
    assert!(Listings::build(&Archive::default()).is_empty());
}

#[test]
fn the_change_compares_a_listing_with_the_one_before_it() {
    let a = world();
    let l = Listings::build(&a);
    let change = |r| l.change(&a, r, Measure::Score);
    assert_eq!(change(at(0, 0)), Change::First, "thrice, first day");
    assert_eq!(change(at(2, 2)), Change::Up, "thrice 10 to 30");
    assert_eq!(change(at(3, 0)), Change::Same, "thrice 30 and 30");
    assert_eq!(change(at(2, 3)), Change::Down, "twice 50 to 20");
    assert_eq!(change(at(2, 0)), Change::First, "once");
    assert_eq!(l.previous(at(3, 0)), Some(at(2, 2)));
    assert_eq!(l.previous(at(0, 0)), None);
    assert_eq!(
        l.change(&a, at(2, 2), Measure::Favorites),
        Change::Same,
        "by the measure asked for: no favorites either day"
    );
    let marks: Vec<&str> = [Change::First, Change::Up, Change::Down, Change::Same]
        .iter()
        .map(|c| c.mark())
        .collect();
    assert_eq!(marks, [" ", "↑", "↓", "="]);
}

/// A day of papers drawn from a few (so that papers come back on other days).
fn random_day(next: &mut impl FnMut() -> u64, date: usize) -> Arc<Day> {
    let papers = (0..next() % 5)
        .map(|r| {
            let id = (next() % 12).to_string();
            scored(r as u32 + 1, &format!("Paper {id}"), Some(&id), next() % 9)
        })
        .collect();
    Arc::new(Day::bare(&format!("2024-01-{:02}", date % 28 + 1), papers))
}

#[test]
fn an_update_numbers_the_listings_as_a_build_does() {
    let mut next = crate::test_rng::xorshift(11);
    let mut archive = Archive::from_days(vec![]);
    let mut listings = Listings::build(&archive);
    for step in 0..400 {
        let mut days = archive.days.clone();
        match next() % 4 {
            // A post changed (a new `Arc`), one added at the end, one taken away, nothing.
            0 if !days.is_empty() => {
                let at = (next() as usize) % days.len();
                days[at] = random_day(&mut next, at);
            }
            1 | 0 => days.push(random_day(&mut next, days.len())),
            2 if !days.is_empty() => {
                days.remove((next() as usize) % days.len());
            }
            _ => {}
        }
        let new = Archive {
            days,
            ..Archive::default()
        };
        let updated = listings.update(&new).unwrap_or_else(|| {
            let first = |a: &Archive| a.days.first().map(Arc::as_ptr);
            assert!(first(&archive) != first(&new) || new.days.is_empty());
            Listings::build(&new)
        });
        let built = Listings::build(&new);
        let numbers = |l: &Listings| {
            (
                l.day_starts.clone(),
                l.ids.clone(),
                l.starts.clone(),
                l.refs.clone(),
            )
        };
        assert_eq!(numbers(&updated), numbers(&built), "step {step}");
        for id in 0..12 {
            let key = id.to_string();
            assert_eq!(updated.of_key(&key), built.of_key(&key), "step {step}");
        }
        (archive, listings) = (new, updated);
    }
    assert!(
        listings.len() > 5,
        "the papers came back: {}",
        listings.len()
    );
}
