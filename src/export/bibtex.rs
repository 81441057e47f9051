//! BibTeX entries in the form arXiv itself gives them:
//! `@misc{key, title={…}, author={A and B}, year={…}, eprint={…}, archivePrefix={arXiv},
//! primaryClass={…}, url={…}}`, and after them a paper's tags as `keywords={a, b}` and its note
//! as `note={…}` when it has them.

use crate::archive::{Day, Paper};
use crate::links::{ascii_hosts, check_url};
use crate::state::Snapshot;

/// The year the paper was submitted: from its arXiv id (`2006.15055` → 2020,
/// `hep-th/9901001` → 1999), else the digest's year.
fn year(day: &Day, paper: &Paper) -> i32 {
    use chrono::Datelike;
    paper
        .arxiv_id
        .as_deref()
        .and_then(|id| {
            let two = |s: &str| {
                let yy = s.get(..2)?;
                yy.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| yy.parse::<i32>().ok())?
            };
            match id.split_once('/') {
                // Old style, 1991 to 2007: archive/YYMMNNN.
                Some((_, num)) => two(num).map(|yy| if yy >= 91 { 1900 + yy } else { 2000 + yy }),
                None => {
                    (id.as_bytes().get(4) == Some(&b'.')).then(|| two(id).map(|yy| 2000 + yy))?
                }
            }
        })
        .unwrap_or_else(|| day.date.year())
}

/// Latin letters with marks as plain ASCII, for citation keys (`Schölkopf` → `scholkopf`).
fn fold(c: char) -> Option<&'static str> {
    const FROM: &str = "ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆĈĊČçćĉċčĎĐďđÈÉÊËĒĔĖĘĚèéêëēĕėęěĜĞĠĢĝğġģĤĦĥħÌÍÎÏĨĪĬĮİìíîïĩīĭįıĴĵĶķĹĻĽĿŁĺļľŀłÑŃŅŇñńņňÒÓÔÕÖØŌŎŐòóôõöøōŏőŔŖŘŕŗřŚŜŞŠśŝşšȘșŢŤŦţťŧȚțÙÚÛÜŨŪŬŮŰŲùúûüũūŭůűųŴŵÝŸŶýÿŷŹŻŽźżž";
    const TO: &str = "AAAAAAAAAaaaaaaaaaCCCCCcccccDDddEEEEEEEEEeeeeeeeeeGGGGggggHHhhIIIIIIIIIiiiiiiiiiJjKkLLLLLlllllNNNNnnnnOOOOOOOOOoooooooooRRRrrrSSSSssssSsTTTtttTtUUUUUUUUUUuuuuuuuuuuWwYYYyyyZZZzzz";
    if let Some(i) = FROM.chars().position(|f| f == c) {
        return TO.get(i..i + 1);
    }
    Some(match c {
        'ß' => "ss",
        'Æ' | 'æ' => "ae",
        'Œ' | 'œ' => "oe",
        'Þ' | 'þ' => "th",
        'Ð' | 'ð' => "d",
        _ => return None,
    })
}

/// A citation key: first author's last name, year, first long word of the title (`kipf2020object`).
pub fn cite_key(day: &Day, paper: &Paper) -> String {
    let ascii = |s: &str| -> String {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if let Some(f) = fold(c) {
                out.push_str(&f.to_ascii_lowercase());
            }
        }
        out
    };
    // The last name: the last word, passing over suffixes such as "Jr." and "III".
    let author = paper
        .authors
        .first()
        .and_then(|a| {
            a.split_whitespace()
                .map(ascii)
                .rev()
                .find(|w| !w.is_empty() && !matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        })
        .unwrap_or_default();
    let word = paper
        .title
        .split(|c: char| !c.is_alphanumeric())
        .map(ascii)
        .find(|w| {
            w.len() > 3
                && !matches!(
                    w.as_str(),
                    "with" | "from" | "into" | "towards" | "using" | "over"
                )
        })
        .unwrap_or_default();
    let author = if author.is_empty() {
        "anon".to_string()
    } else {
        author
    };
    format!("{author}{}{word}", year(day, paper))
}

/// Escapes what LaTeX would misread in a field, keeping what is already escaped. A line break
/// is a space: an entry's fields are a line each, and a blank line ends an entry for some tools.
fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        if matches!(c, '&' | '%' | '#') && prev != '\\' {
            out.push('\\');
        }
        out.push(if matches!(c, '\n' | '\r') { ' ' } else { c });
        prev = c;
    }
    // A backslash last would escape the brace that closes the field, for LaTeX.
    while out.ends_with('\\') {
        out.pop();
    }
    // Unbalanced braces would end the field early; drop them.
    let balanced = out.chars().fold(0i32, |d, c| match c {
        '{' => d + 1,
        '}' if d > 0 => d - 1,
        '}' => i32::MIN / 2,
        _ => d,
    }) == 0;
    if balanced {
        out
    } else {
        out.replace(['{', '}'], "")
    }
}

/// The entry of `paper` as arXiv gives it.
pub fn entry(day: &Day, paper: &Paper) -> String {
    entry_with(day, paper, &[], None)
}

/// The entry of `paper` with `keywords` (its tags) and `note` when there are any. White space
/// in a note, line breaks too, is one space: a blank line would end the entry for some tools.
pub fn entry_with(day: &Day, paper: &Paper, tags: &[String], note: Option<&str>) -> String {
    let mut s = format!("@misc{{{},\n", cite_key(day, paper));
    s.push_str(&format!("      title={{{}}},\n", field(&paper.title)));
    s.push_str(&format!(
        "      author={{{}}},\n",
        field(&paper.authors.join(" and "))
    ));
    s.push_str(&format!("      year={{{}}},\n", year(day, paper)));
    if let Some(id) = &paper.arxiv_id {
        s.push_str(&format!(
            "      eprint={{{}}},\n      archivePrefix={{arXiv}},\n",
            field(id)
        ));
    }
    if let Some(c) = paper.categories.first() {
        s.push_str(&format!("      primaryClass={{{}}},\n", field(c)));
    }
    // A bibliography's URLs become links (hyperref, biblatex): only one the reader would open,
    // which holds no brace or backslash, with its host in ASCII.
    if let Some(u) = paper.abs_url().as_deref().filter(|u| check_url(u).is_ok()) {
        s.push_str(&format!("      url={{{}}},\n", ascii_hosts(u)));
    }
    if !tags.is_empty() {
        s.push_str(&format!(
            "      keywords={{{}}},\n",
            field(&tags.join(", "))
        ));
    }
    if let Some(n) = note {
        let one_line = n.split_whitespace().collect::<Vec<_>>().join(" ");
        s.push_str(&format!("      note={{{}}},\n", field(&one_line)));
    }
    s.push('}');
    s
}

/// `entry_with` with another citation key.
fn entry_with_key(day: &Day, paper: &Paper, marks: &Snapshot, key: &str) -> String {
    let e = entry_with(
        day,
        paper,
        marks.tags_of(&paper.key),
        marks.note_of(&paper.key),
    );
    let rest = e.split_once(',').map_or("", |(_, rest)| rest);
    format!("@misc{{{key},{rest}")
}

/// The suffix of the `n`th (from 0) of several papers sharing a citation key: a, b, … z, aa, ab, …
fn suffix(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A bibliography of the papers of `days`: one entry per paper (a paper listed on several
/// days is given once, from its first listing), entries apart by a blank line. Papers that
/// would share a citation key get the suffixes a, b, … in order, so every key is unique.
pub fn write<'a, W: std::io::Write>(
    out: &mut W,
    days: impl IntoIterator<Item = &'a Day>,
    marks: &Snapshot,
) -> std::io::Result<()> {
    use std::collections::{HashMap, HashSet};
    let mut seen = HashSet::new();
    let papers: Vec<(&Day, &Paper, String)> = days
        .into_iter()
        .flat_map(|d| d.papers.iter().map(move |p| (d, p)))
        .filter(|(_, p)| seen.insert(&p.key))
        .map(|(d, p)| (d, p, cite_key(d, p)))
        .collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (_, _, k) in &papers {
        *count.entry(k.as_str()).or_default() += 1;
    }
    let mut taken: HashSet<String> = count
        .iter()
        .filter(|(_, n)| **n == 1)
        .map(|(k, _)| k.to_string())
        .collect();
    let mut next: HashMap<&str, usize> = HashMap::new();
    for (i, (day, paper, key)) in papers.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if count[key.as_str()] == 1 {
            writeln!(out, "{}", entry_with_key(day, paper, marks, key))?;
            continue;
        }
        let n = next.entry(key.as_str()).or_default();
        let unique = loop {
            let k = format!("{key}{}", suffix(*n));
            *n += 1;
            if taken.insert(k.clone()) {
                break k;
            }
        };
        writeln!(out, "{}", entry_with_key(day, paper, marks, &unique))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;

    #[test]
    fn entries_follow_arxiv_form() {
        let a = Archive::sample();
        let day = a.days.iter().find(|d| !d.papers.is_empty()).unwrap();
        let mut p = day.papers[0].clone();
        p.title = "Fast & Sparse: 5% of {Attention} \\& More".into();
        p.authors = vec!["Ada Samplewright".into(), "Bo Example".into()].into();
        p.arxiv_id = Some("2403.00417".into());
        p.categories = vec!["cs.LG".into(), "cs.CL".into()].into();
        p.abs = crate::archive::PageLink::given(Some("https://arxiv.org/abs/2403.00417"));
        let e = entry(day, &p);
        assert_eq!(
            e,
            "@misc{samplewright2024fast,\n      title={Fast \\& Sparse: 5\\% of {Attention} \\& More},\n      author={Ada Samplewright and Bo Example},\n      year={2024},\n      eprint={2403.00417},\n      archivePrefix={arXiv},\n      primaryClass={cs.LG},\n      url={https://arxiv.org/abs/2403.00417},\n}"
        );
        p.title = "Broken } brace".into();
        assert!(entry(day, &p).contains("title={Broken  brace}"));
        // Tags and a note come last, escaped like the rest, the note on one line.
        let tags = ["rl".to_string(), "R&D".to_string()];
        let e = entry_with(day, &p, &tags, Some("100% worth it:\n\n  see {§3}"));
        assert!(
            e.ends_with(
                "url={https://arxiv.org/abs/2403.00417},\n      keywords={rl, R\\&D},\n      note={100\\% worth it: see {§3}},\n}"
            ),
            "{e}"
        );
        assert_eq!(entry_with(day, &p, &[], None), entry(day, &p));
    }

    #[test]
    fn no_field_can_end_the_entry_and_only_safe_links_are_kept() {
        let a = Archive::sample();
        let day = &a.days[0];
        let mut p = day.papers[0].clone();
        p.arxiv_id = Some("2403.00417}, note={x".into());
        p.categories = vec!["cs.LG}}".into()].into();
        p.abs = crate::archive::PageLink::given(Some("javascript:alert(1)"));
        let e = entry(day, &p);
        assert!(e.contains("eprint={2403.00417, note=x}"), "{e}");
        assert!(e.contains("primaryClass={cs.LG}"), "{e}");
        p.title = "Nice title\\".into();
        assert!(entry(day, &p).contains("title={Nice title},"));
        assert!(!e.contains("url="), "{e}");
        p.abs = crate::archive::PageLink::given(Some("https://\u{430}rxiv.org/abs/1"));
        assert!(!entry(day, &p).contains("url="));
        p.abs = crate::archive::PageLink::given(Some("https://пример.рф/abs/1"));
        assert!(entry(day, &p).contains("url={https://xn--e1afmkfd.xn--p1ai/abs/1}"));
    }

    #[test]
    fn keys_fold_marks_and_skip_suffixes() {
        let a = Archive::sample();
        let day = &a.days[0];
        let mut p = day.papers[0].clone();
        p.authors = vec!["Bernhard Schölkopf".into()].into();
        p.title = "Causal Models".into();
        p.arxiv_id = Some("hep-th/9901001".into());
        assert_eq!(cite_key(day, &p), "scholkopf1999causal");
        p.authors = vec!["Guy L. Steele Jr.".into()].into();
        p.arxiv_id = Some("0704.0001".into());
        assert_eq!(cite_key(day, &p), "steele2007causal");
        p.authors = vec!["Matthias Nießner".into()].into();
        assert_eq!(cite_key(day, &p), "niessner2007causal");
    }

    #[test]
    fn suffixes_count_in_letters() {
        let s: Vec<String> = [0, 1, 25, 26, 27, 701, 702].map(suffix).to_vec();
        assert_eq!(s, ["a", "b", "z", "aa", "ab", "zz", "aaa"]);
    }
}
