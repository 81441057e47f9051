//! Links to a paper's code, found in its abstract and its tweets' text: any link to a code
//! host (GitHub, GitLab, Hugging Face, Bitbucket, Codeberg, SourceForge) with a path, and a
//! project page the sentence names as code ("code is available at …"). Abstracts are LaTeX
//! sources, so links come wrapped (`\url{…}`, `\footnote{… at https://….}`) and end in the
//! sentence's punctuation (`…/pixloc.`, `…/CvT}.`, `(https://github.com/x/y)`): what cannot end
//! a link is cleaned off, and a bracket only when it opens nowhere in the link.

use crate::archive::Paper;

/// Hosts whose links are code (and their subdomains, `www.` included).
pub const CODE_HOSTS: &[&str] = &[
    "github.com",
    "gitlab.com",
    "huggingface.co",
    "bitbucket.org",
    "codeberg.org",
    "sourceforge.net",
];

/// The first letters of links, lowercased: `http`, `www.` and each code host's.
const LINK_STARTS: &[u8] = b"hwgbcs";

/// Words that make the link after them in a sentence a link to code.
const CODE_WORDS: &[&str] = &["code", "codes", "implementation", "source"];

/// How far back before a link its sentence is read for a word naming it code.
const LOOK_BACK: usize = 120;

/// The links to `p`'s code, cleaned, each once, in the order found (abstract first).
pub fn code_urls(p: &Paper) -> Vec<String> {
    let mut out = Vec::new();
    find_code_urls(&p.abstract_text, &mut out);
    for t in &p.tweets {
        find_code_urls(&t.text, &mut out);
    }
    out
}

/// Adds the links to code in `text` to `out`, leaving out those it has.
pub fn find_code_urls(text: &str, out: &mut Vec<String>) {
    let mut at = 0;
    while let Some((start, end)) = next_link(text, at) {
        at = end;
        let Some(url) = clean(&text[start..end]) else {
            continue;
        };
        let named_code = named_as_code(&text[..start]);
        if (is_code_host(&url) || named_code) && !out.iter().any(|u| same(u, &url)) {
            out.push(url);
        }
    }
}

/// The byte range of the next link-like run at or after `from`: one starting `http://`,
/// `https://` or `www.`, or a code host's name followed by `/`.
fn next_link(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        // Every link starts with one of these letters (`http`, `www.`, a host's name): the
        // others are stepped over at once, as are the bytes of any non-ASCII character.
        if !LINK_STARTS.contains(&(bytes[i] | 0x20)) {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        // Not inside a word or another link (`mygithub.com`, `…/www.x`); brackets and quotes
        // before a link are its surroundings.
        let boundary = i == 0 || {
            let b = bytes[i - 1];
            !(b.is_ascii_alphanumeric() || b"./-_:@%".contains(&b))
        };
        let starts = boundary
            && (starts_with_ci(rest, "http://")
                || starts_with_ci(rest, "https://")
                || starts_with_ci(rest, "www.")
                || CODE_HOSTS
                    .iter()
                    .any(|h| starts_with_ci(rest, h) && rest[h.len()..].starts_with('/')));
        if starts {
            let len = rest
                .bytes()
                .position(|b| !is_link_byte(b))
                .unwrap_or(rest.len());
            return Some((i, i + len));
        }
        // An ASCII letter: the next byte starts a character.
        i += 1;
    }
    None
}

/// Bytes a link (as written in a post, LaTeX escapes and brackets included) may hold.
fn is_link_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%\\{}".contains(&b)
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// A link as found made one to open: LaTeX escapes undone, a `\url{` before it and the
/// sentence's punctuation and unopened brackets after it cut off, a scheme put before a bare
/// host. `None` when nothing that can be opened is left.
fn clean(raw: &str) -> Option<String> {
    let mut s = raw.to_string();
    for (from, to) in [
        ("\\_", "_"),
        ("\\%", "%"),
        ("\\&", "&"),
        ("\\#", "#"),
        ("\\~", "~"),
    ] {
        s = s.replace(from, to);
    }
    // What is left of a LaTeX command (`\url{…}\footnote`) ends the link.
    if let Some(i) = s.find('\\') {
        s.truncate(i);
    }
    loop {
        let before = s.len();
        while s.ends_with(['.', ',', ';', ':', '!', '?', '\'', '*']) {
            s.pop();
        }
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
            if s.ends_with(close) && s.matches(open).count() < s.matches(close).count() {
                s.pop();
            }
        }
        if s.len() == before {
            break;
        }
    }
    if starts_with_ci(&s, "www.") || !s.contains("://") {
        s.insert_str(0, "https://");
    }
    let host_end = s.find("://").map(|i| i + 3)?;
    let has_path = s[host_end..]
        .split_once('/')
        .is_some_and(|(host, path)| !host.is_empty() && !path.trim_matches('/').is_empty());
    let opens = crate::links::check_url(&s).is_ok();
    (opens && (has_path || !is_code_host(&s))).then_some(s)
}

/// The host of `url` (cleaned, with a scheme), lowercased.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    rest[..end].to_ascii_lowercase()
}

fn is_code_host(url: &str) -> bool {
    let host = host(url);
    CODE_HOSTS
        .iter()
        .any(|h| host == *h || host.strip_suffix(h).is_some_and(|sub| sub.ends_with('.')))
}

/// Whether the sentence before a link names it as code ("Our code is available at").
fn named_as_code(before: &str) -> bool {
    let mut from = before.len().saturating_sub(LOOK_BACK);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let window = &before[from..];
    // Only this sentence: from after the last full stop followed by a space.
    let sentence = window.rfind(". ").map_or(window, |i| &window[i + 2..]);
    // And only up to the link: another link between the words and this one is theirs.
    if sentence.contains("://") {
        return false;
    }
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CODE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// Two links to the same place: equal but for the host's case and a trailing `/`.
fn same(a: &str, b: &str) -> bool {
    let norm = |u: &str| {
        let u = u.trim_end_matches('/');
        let scheme_end = u.find("://").map_or(0, |i| i + 3);
        let host_end = u[scheme_end..]
            .find('/')
            .map_or(u.len(), |i| scheme_end + i);
        format!("{}{}", u[..host_end].to_ascii_lowercase(), &u[host_end..])
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        find_code_urls(text, &mut out);
        out
    }

    #[test]
    fn every_kind_of_link_starts_with_a_letter_the_scan_stops_at() {
        for start in ["http://", "https://", "www."]
            .into_iter()
            .chain(CODE_HOSTS.iter().copied())
        {
            assert!(LINK_STARTS.contains(&start.as_bytes()[0]), "{start}");
        }
        assert_eq!(
            found("Ça — 中文 GitHub.com/a/b, HTTPS://x.org/code and www.gitlab.com/c/d"),
            ["https://GitHub.com/a/b", "https://www.gitlab.com/c/d"]
        );
    }

    #[test]
    fn sentence_punctuation_and_latex_wrapping_are_cleaned_off() {
        assert_eq!(
            found("Code is at https://github.com/some-lab/pixloc."),
            ["https://github.com/some-lab/pixloc"]
        );
        assert_eq!(
            found("\\footnote{Our code: https://github.com/someone/CvT}."),
            ["https://github.com/someone/CvT"]
        );
        assert_eq!(
            found("(https://github.com/x/y)"),
            ["https://github.com/x/y"]
        );
        assert_eq!(
            found("at \\url{https://github.com/a/b\\_c}}."),
            ["https://github.com/a/b_c"]
        );
        assert_eq!(found("see github.com/a/b)."), ["https://github.com/a/b"]);
        assert_eq!(
            found("a link (https://gitlab.com/g/p/-/tree/main_(v2)) here"),
            ["https://gitlab.com/g/p/-/tree/main_(v2)"]
        );
        assert_eq!(
            found("weights on www.huggingface.co/org/model, and"),
            ["https://www.huggingface.co/org/model"]
        );
    }

    #[test]
    fn project_pages_count_when_their_sentence_names_them_code() {
        assert_eq!(
            found("Our code and data are available at https://example.org/project/ ."),
            ["https://example.org/project/"]
        );
        // A page the sentence does not call code is no code link.
        assert!(found("Videos are at https://example.org/videos.").is_empty());
        // Nor one in the next sentence.
        assert!(found("The code is coming. Videos: https://example.org/v").is_empty());
        // The words name the first link after them only.
        assert_eq!(
            found("Code: https://github.com/a/b and a demo at https://example.org/demo"),
            ["https://github.com/a/b"]
        );
    }

    #[test]
    fn a_host_alone_a_refused_link_and_repeats_are_left_out() {
        assert!(found("we love https://github.com/ and github.com/").is_empty());
        assert!(found("not a link: mygithub.com/x/y").is_empty());
        assert!(found("code at javascript:alert(1)").is_empty());
        assert_eq!(
            found("https://GitHub.com/a/b then https://github.com/a/b/ again"),
            ["https://GitHub.com/a/b"]
        );
        assert!(found("").is_empty());
        // Multi-byte text around a link, and a link at the very end.
        assert_eq!(
            found("コードは https://github.com/a/x"),
            ["https://github.com/a/x"]
        );
        // A host glued to other letters is no link start; a path that is not ASCII ends it.
        assert!(found("コード:xgithub.com/a/x").is_empty());
        assert!(found("https://github.com/日本").is_empty());
    }
}
