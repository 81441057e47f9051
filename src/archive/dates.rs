//! Dates in posts: the front matter's publication time, and the `YYYY-MM-DD` a title, slug or
//! file name names the day by.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Reads a publication time leniently: RFC 3339, the `2021-01-26T10:03:24.Z` form (a fraction
/// with no digits) real posts use, a space instead of `T`, or a bare date. Returns UTC.
pub fn parse_published(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_utc());
    }
    if s.len() >= 19 && s.is_char_boundary(19) {
        let (head, mut rest) = s.split_at(19);
        let head = head.replacen(' ', "T", 1);
        let t = NaiveDateTime::parse_from_str(&head, "%Y-%m-%dT%H:%M:%S").ok()?;
        if let Some(frac) = rest.strip_prefix('.') {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let rest = rest.trim();
        let offset_secs = match rest {
            "" | "Z" | "z" => 0,
            _ => parse_offset(rest)?,
        };
        return t.checked_sub_signed(chrono::Duration::seconds(offset_secs));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

fn parse_offset(s: &str) -> Option<i64> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i64 = digits[..2].parse().ok()?;
    let m: i64 = digits[2..].parse().ok()?;
    Some(sign * (h * 3600 + m * 60))
}

/// The first valid `YYYY-MM-DD` in `s`.
pub fn find_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if shape && boundary {
            // What parse_from_str(.., "%Y-%m-%d") gives for this shape, without its
            // format-string machinery (this runs on every file name when the reader starts).
            let n = |r: std::ops::Range<usize>| {
                w[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
            };
            NaiveDate::from_ymd_opt(n(0..4) as i32, n(5..7), n(8..10))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        let t = |s| parse_published(s).map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
        assert_eq!(
            t("2021-01-26T10:03:24.Z").as_deref(),
            Some("2021-01-26 10:03:24")
        );
        assert_eq!(
            t("2021-01-26T10:03:24Z").as_deref(),
            Some("2021-01-26 10:03:24")
        );
        assert_eq!(
            t("2021-01-26T10:03:24.123+09:00").as_deref(),
            Some("2021-01-26 01:03:24")
        );
        assert_eq!(
            t("2021-01-26 10:03:24").as_deref(),
            Some("2021-01-26 10:03:24")
        );
        assert_eq!(t("2021-01-26").as_deref(), Some("2021-01-26 00:00:00"));
        assert_eq!(t("yesterday"), None);
        assert_eq!(t("2021-13-26T10:03:24Z"), None);
    }

    #[test]
    fn find_date_agrees_with_chrono_parsing() {
        for y in [0, 1, 4, 100, 1600, 1900, 1999, 2000, 2023, 2024, 9999] {
            for m in 0..=13 {
                for d in 0..=32 {
                    let s = format!("{y:04}-{m:02}-{d:02}");
                    let chrono = NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
                    assert_eq!(find_date(&s), chrono, "{s}");
                }
            }
        }
    }

    #[test]
    fn finds_dates_inside_text() {
        assert_eq!(
            find_date("Hot Papers 2020-06-29"),
            NaiveDate::from_ymd_opt(2020, 6, 29)
        );
        assert_eq!(
            find_date("hot-papers-2020-06-29"),
            NaiveDate::from_ymd_opt(2020, 6, 29)
        );
        assert_eq!(
            find_date("2020-13-45 then 2020-02-29"),
            NaiveDate::from_ymd_opt(2020, 2, 29)
        );
        assert_eq!(find_date("no date"), None);
        assert_eq!(
            find_date("日本 2020-01-02"),
            NaiveDate::from_ymd_opt(2020, 1, 2)
        );
    }
}
