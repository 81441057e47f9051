//! An archive over two years for the trend pictures: the sample's invented posts again and
//! again, a few days a month, more in some months than others, so that a query's trend has a
//! shape and a peak.
#![allow(dead_code)]

use std::path::Path;

use chrono::{Days, Months, NaiveDate};
use hotpapers::archive::{Archive, parse_post, sample};

/// Days with a post in each month from January 2022 on: a rise to a peak, a fall, a gap of
/// two months without posts, and a second rise.
pub const DAYS_A_MONTH: [u64; 26] = [
    1, 1, 2, 2, 3, 2, 4, 3, 5, 4, 6, 8, 7, 5, 4, 3, 0, 0, 2, 1, 2, 3, 4, 5, 5, 6,
];

/// The sample's posts dated over `DAYS_A_MONTH`, in turn.
pub fn years() -> Archive {
    let posts = sample::files();
    let start = NaiveDate::from_ymd_opt(2022, 1, 3).unwrap();
    let mut parsed = Vec::new();
    for (m, &days) in DAYS_A_MONTH.iter().enumerate() {
        let month = start + Months::new(m as u32);
        for d in 0..days {
            let (rel, bytes) = &posts[parsed.len() % posts.len()];
            let original = &rel[..10];
            let date = (month + Days::new(d * 3)).to_string();
            let text = String::from_utf8_lossy(bytes).replace(original, &date);
            let name = rel.replace(original, &date);
            parsed.push(parse_post(Path::new(&name), &name, text.as_bytes()));
        }
    }
    Archive::assemble(parsed)
}
