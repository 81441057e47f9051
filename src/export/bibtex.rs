//! BibTeX entries in the form arXiv itself gives them:
//! `@misc{key, title={…}, author={A and B}, year={…}, eprint={…}, archivePrefix={arXiv},
//! primaryClass={…}, url={…}}`.

use crate::archive::{Day, Paper};

/// The year the paper was submitted: from a new-style arXiv id (`2006.15055` → 2020), else
/// the digest's year.
fn year(day: &Day, paper: &Paper) -> i32 {
    use chrono::Datelike;
    paper
        .arxiv_id
        .as_deref()
        .and_then(|id| {
            let yy = id.get(..2)?;
            (id.as_bytes().get(4) == Some(&b'.') && yy.bytes().all(|b| b.is_ascii_digit()))
                .then(|| 2000 + yy.parse::<i32>().unwrap_or(0))
        })
        .unwrap_or_else(|| day.date.year())
}

/// A citation key: first author's last name, year, first long word of the title (`kipf2020object`).
pub fn cite_key(day: &Day, paper: &Paper) -> String {
    let ascii = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let author = paper
        .authors
        .first()
        .and_then(|a| a.split_whitespace().last())
        .map(ascii)
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

/// Escapes what LaTeX would misread in a field, keeping what is already escaped.
fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    for c in s.chars() {
        if matches!(c, '&' | '%' | '#') && prev != '\\' {
            out.push('\\');
        }
        out.push(c);
        prev = c;
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

pub fn entry(day: &Day, paper: &Paper) -> String {
    let mut s = format!("@misc{{{},\n", cite_key(day, paper));
    s.push_str(&format!("      title={{{}}},\n", field(&paper.title)));
    s.push_str(&format!(
        "      author={{{}}},\n",
        field(&paper.authors.join(" and "))
    ));
    s.push_str(&format!("      year={{{}}},\n", year(day, paper)));
    if let Some(id) = &paper.arxiv_id {
        s.push_str(&format!(
            "      eprint={{{id}}},\n      archivePrefix={{arXiv}},\n"
        ));
    }
    if let Some(c) = paper.categories.first() {
        s.push_str(&format!("      primaryClass={{{c}}},\n"));
    }
    if let Some(u) = &paper.abs_url {
        s.push_str(&format!("      url={{{u}}},\n"));
    }
    s.push('}');
    s
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
        p.authors = vec!["Ada Samplewright".into(), "Bo Example".into()];
        p.arxiv_id = Some("2403.00417".into());
        p.categories = vec!["cs.LG".into(), "cs.CL".into()];
        p.abs_url = Some("https://arxiv.org/abs/2403.00417".into());
        let e = entry(day, &p);
        assert_eq!(
            e,
            "@misc{samplewright2024fast,\n      title={Fast \\& Sparse: 5\\% of {Attention} \\& More},\n      author={Ada Samplewright and Bo Example},\n      year={2024},\n      eprint={2403.00417},\n      archivePrefix={arXiv},\n      primaryClass={cs.LG},\n      url={https://arxiv.org/abs/2403.00417},\n}"
        );
        p.title = "Broken } brace".into();
        assert!(entry(day, &p).contains("title={Broken  brace}"));
    }
}
