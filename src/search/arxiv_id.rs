//! arXiv ids and links as a reader pastes them (`2201.04182v2`, `arXiv:hep-th/9901001`,
//! `https://arxiv.org/abs/2201.04182`), read down to the bare id; shared by "go to" and the
//! query language.

/// The bare id (see `canonical`, lowercased) of an arXiv id or link: a well-formed id, new or
/// old style, with an optional version, optionally after `arXiv:`, or an abs or pdf link on
/// arxiv.org, www.arxiv.org or export.arxiv.org, with or without its `http(s)://`.
pub(crate) fn paper_id(s: &str) -> Option<String> {
    let id = link_id(s).or_else(|| strip_prefix_ci(s, "arxiv:").map(str::trim_start));
    bare_id(id.unwrap_or(s))
}

/// The id part of an arXiv abs or pdf link (`arxiv.org/abs/ID`, `…/pdf/ID.pdf`), with or
/// without scheme, `www.` or `export.`; its query, fragment and a trailing `/` are left out.
fn link_id(s: &str) -> Option<&str> {
    let rest = strip_prefix_ci(s, "https://")
        .or_else(|| strip_prefix_ci(s, "http://"))
        .unwrap_or(s);
    let rest = strip_prefix_ci(rest, "www.")
        .or_else(|| strip_prefix_ci(rest, "export."))
        .unwrap_or(rest);
    let rest = strip_prefix_ci(rest, "arxiv.org/")?;
    let id = strip_prefix_ci(rest, "abs/").or_else(|| strip_prefix_ci(rest, "pdf/"))?;
    let id = id.split(['?', '#']).next().unwrap_or(id);
    let id = id.strip_suffix('/').unwrap_or(id);
    Some(strip_suffix_ci(id, ".pdf").unwrap_or(id))
}

/// The bare id (see `canonical`) of a well-formed arXiv id with an optional `vN`: new style
/// `YYMM.NNNN`, with `YYMM.NNNNN` from 1501 on (when arXiv went to five digits), or old style
/// `archive/YYMMNNN` or `archive.SC/YYMMNNN`.
fn bare_id(id: &str) -> Option<String> {
    let id = without_version(id);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let new_style = id.split_once('.').is_some_and(|(yymm, num)| {
        let month = yymm.get(2..).and_then(|m| m.parse::<u32>().ok());
        digits(yymm, 4)
            && month.is_some_and(|m| (1..=12).contains(&m))
            && digits(num, if yymm >= "1501" { 5 } else { 4 })
    });
    // Archive names are letters and dashes (`hep-th`), subject classes letters (`GT`).
    let word = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-')
    };
    let old_style = id.split_once('/').is_some_and(|(archive, num)| {
        let (name, class) = archive.split_once('.').unwrap_or((archive, "x"));
        word(name) && word(class) && digits(num, 7)
    });
    (new_style || old_style).then(|| canonical(id).to_ascii_lowercase())
}

/// `id` with a trailing `vN` (the version) removed.
fn without_version(id: &str) -> &str {
    match id.rfind(['v', 'V']).map(|v| id.split_at(v)) {
        Some((bare, v))
            if !bare.is_empty() && v.len() > 1 && v[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            bare
        }
        _ => id,
    }
}

/// An id as compared: without version and without an old id's subject class.
pub(crate) fn canonical(id: &str) -> String {
    let id = without_version(id.trim());
    match id.split_once('/') {
        Some((archive, num)) => {
            let name = archive.split_once('.').map_or(archive, |(n, _)| n);
            format!("{name}/{num}")
        }
        None => id.to_string(),
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..at])
}
