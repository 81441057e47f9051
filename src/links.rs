//! Links of a paper, and which links may be handed to a browser or the clipboard: absolute
//! http(s) URLs only, whose host is not a look-alike of another (see `host`).

mod host;

use crate::archive::Paper;

pub use host::ascii_hosts;

/// Characters that never stand unencoded in a URL (RFC 3986). A link holding one was not written
/// as a URL, and some of them mean something to shells and to the scripts that open links.
const NOT_IN_URLS: [char; 9] = ['"', '<', '>', '\\', '^', '`', '{', '|', '}'];

/// Checks that `url` is an absolute `http`/`https` URL with a valid host, and no control
/// characters, spaces or characters that URLs never hold. The error says why, for the status
/// line.
///
/// Links come from posts, which are untrusted: a `javascript:`, `file:` or `data:` link would
/// run or show something other than a web page; a relative path or an option-like string
/// (`--help`, `-x`) could be taken by the opener for a file or an option; a host such as
/// `arxiv.org@evil.example` or `x]52;c;…` is not the site it seems to name, nor is one that mixes
/// scripts (`аrxiv.org` with a Cyrillic `а`).
pub fn check_url(url: &str) -> Result<(), String> {
    if url.is_empty() {
        return Err("there is no link".into());
    }
    if url
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || crate::archive::text::is_forbidden(c))
    {
        return Err("the link contains spaces or control characters".into());
    }
    let lower = url.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else {
        let scheme = lower
            .split_once(':')
            .map(|(s, _)| s)
            .filter(|s| !s.is_empty() && !s.contains('/'));
        return Err(match scheme {
            Some(s) if s.len() <= 20 => format!("only http and https links are opened, not {s}:"),
            _ => "only absolute http and https links are opened".into(),
        });
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if !valid_authority(authority) {
        return Err("the link has no valid host".into());
    }
    // The original's letters: the lower-cased copy above folds ASCII only, so lengths agree.
    let host = &url[url.len() - rest.len()..][..authority.len()];
    host::check(host.rsplit_once(':').map_or(host, |(name, _)| name))?;
    // `[` and `]` only ever enclose an IPv6 address in the host.
    let path = &url[url.len() - rest.len() + authority.len()..];
    if path.contains(NOT_IN_URLS) || path.contains(['[', ']']) {
        return Err("the link contains characters that URLs never hold".into());
    }
    Ok(())
}

/// `host` or `host:port`: a name of letters, digits, `.`, `-` and `_` that does not start with
/// `-` or `.`, or a bracketed IPv6 address. No user name (`user@host`).
fn valid_authority(authority: &str) -> bool {
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((addr, port)) => (
                !addr.is_empty()
                    && addr
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || ":.".contains(c)),
                port,
            ),
            None => (false, ""),
        },
        None => {
            let (host, port) = authority.split_at(authority.find(':').unwrap_or(authority.len()));
            let ok = !host.is_empty()
                && !host.starts_with(['-', '.'])
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
            (ok, port)
        }
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

/// Where a link of a paper was found. Tweet indices are positions in `Paper::tweets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// The arXiv abstract page.
    Abs,
    /// The PDF.
    Pdf,
    /// A tweet's own status page.
    Tweet { index: usize },
    /// A URL written in the abstract (code, project page, data set).
    InAbstract,
    /// A URL in a tweet's text (often a `t.co` short link or a `pic.twitter.com` image).
    InTweet { index: usize },
    /// A link to the paper's code (see `code_links`), wherever it was written.
    Code,
}

/// One link of a paper: what it is, where it goes, and a short description for a menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub url: String,
    pub label: String,
}

/// Every link of a paper, each URL once (where it first appears), in this order: the abs page,
/// the PDF, each tweet's status page, the URLs in the abstract, then those in each tweet's text.
///
/// Only links that `check_url` accepts are returned; the others are dropped, so whatever the
/// reader offers can be opened. See `find_urls` for how URLs are found in text.
pub fn paper_links(p: &Paper) -> Vec<Link> {
    let tweet_label = |what: &str, i: usize| {
        let handle = &p.tweets[i].handle;
        if handle.is_empty() {
            format!("{what}tweet {}", i + 1)
        } else {
            format!("{what}tweet {} by @{handle}", i + 1)
        }
    };
    let mut found: Vec<(LinkKind, String, String)> = Vec::new();
    let fixed = [
        (LinkKind::Abs, &p.abs_url(), "abs"),
        (LinkKind::Pdf, &p.pdf_url(), "pdf"),
    ];
    for (kind, url, label) in fixed {
        found.extend(
            url.clone()
                .map(|u| (kind, u.into_owned(), label.to_string())),
        );
    }
    for (index, t) in p.tweets.iter().enumerate() {
        let label = tweet_label("", index);
        found.push((LinkKind::Tweet { index }, t.url.to_string(), label));
    }
    for url in find_urls(&p.abstract_text) {
        found.push((LinkKind::InAbstract, url, "link in the abstract".into()));
    }
    for (index, t) in p.tweets.iter().enumerate() {
        for url in find_urls(&t.text) {
            let label = tweet_label("link in ", index);
            found.push((LinkKind::InTweet { index }, url, label));
        }
    }
    let mut seen = std::collections::HashSet::new();
    found
        .into_iter()
        .filter(|(_, url, _)| check_url(url).is_ok() && seen.insert(url.clone()))
        .map(|(kind, url, label)| Link { kind, url, label })
        .collect()
}

/// The URLs written in `text`, in order (repeats included), each cleaned and accepted by
/// `check_url` (the others are dropped).
///
/// * A URL starts at `http://` or `https://` (any case), or at a bare `www.` or
///   `pic.twitter.com/` that does not continue a word or path; those get `https://` put before
///   them. Other bare host names (`github.com/a/b`) are not taken: they cannot be told apart
///   from file names and dotted words (`model.py`, `Node.js`) without false links.
/// * It runs over printable ASCII up to a space, a non-ASCII character, or one of
///   ``" < > \ ^ ` |``, none of which a URL holds unencoded (so `"…"` and `<…>` around a URL
///   are left out). Stopping at non-ASCII matters in
///   tweets, where a link is often followed directly by Japanese or Chinese text; a URL written
///   with a Unicode host or path is therefore cut there. LaTeX escapes in abstracts (`\_`, `\%`,
///   `\#`, `\&`, `\~`) are read as the character they escape.
/// * A URL followed directly by `…` is a display text the tweet shortened: it is dropped, since
///   the rest of the address is unknown.
/// * Trailing punctuation that belongs to the sentence is removed: `.,;:!?`, a `'` that closes
///   no quote opened within the URL, and a closing `)`, `]` or `}` that has no opening partner
///   within the URL (so `…/Foo_(bar)` keeps its parenthesis, but `(see https://x.org/a)` and
///   `\url{https://x.org/a}` lose theirs).
pub fn find_urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(prefix) = url_start(text, i) else {
            // Steps to the next character boundary: URLs start at ASCII letters only.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let (mut url, end) = scan(text, i, prefix);
        i = end;
        if text[end..].starts_with('…') {
            continue;
        }
        trim_sentence_end(&mut url);
        if check_url(&url).is_ok() {
            out.push(url);
        }
    }
    out
}

/// If a URL starts at byte `i` of `text`: what to put before it, `""` when it has a scheme of
/// its own and `"https://"` for a bare host (browsers try https first too).
fn url_start(text: &str, i: usize) -> Option<&'static str> {
    let rest = text.as_bytes().get(i..)?;
    let starts =
        |p: &str| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("https://") || starts("http://") {
        return Some("");
    }
    // A bare host only at the start of a word: not `xwww.`, `a.www.`, `/www.`, `@www.`.
    let before = text[..i].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || ".-_/@:%~+=&?#".contains(c)) {
        return None;
    }
    if starts("pic.twitter.com/") {
        return Some("https://");
    }
    // `www.` then at least a name and a dot: `www.` alone or `www.-x` is a word, not a host.
    let host = rest.get(4..).unwrap_or_default();
    let label = host
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let named = label > 0 && host[0].is_ascii_alphanumeric() && host.get(label) == Some(&b'.');
    (starts("www.") && named).then_some("https://")
}

/// Reads the URL whose text starts at byte `from`: `prefix` and the URL characters with LaTeX
/// escapes undone, and the byte where the URL's text ends.
fn scan(text: &str, from: usize, prefix: &str) -> (String, usize) {
    let b = text.as_bytes();
    let mut url = String::from(prefix);
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|n| b"_%#&~".contains(n)) => {
                url.push(b[i + 1] as char);
                i += 2;
            }
            c if c.is_ascii_graphic() && !b"\"<>\\^`|".contains(&c) => {
                url.push(c as char);
                i += 1;
            }
            _ => break,
        }
    }
    (url, i)
}

/// Removes the sentence's punctuation from the end of `url`, never its scheme's `://`.
fn trim_sentence_end(url: &mut String) {
    let keep = url.find("://").map_or(0, |k| k + 3);
    while url.len() > keep {
        let last = url.as_bytes()[url.len() - 1];
        let unbalanced = |open: u8| {
            let count = |c: u8| url.bytes().filter(|&b| b == c).count();
            count(last) > count(open)
        };
        let drop = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' => true,
            // A quote closing one opened within the URL (`?q='a b'`) is the URL's.
            b'\'' => url.bytes().filter(|&b| b == b'\'').count() % 2 == 1,
            b')' => unbalanced(b'('),
            b']' => unbalanced(b'['),
            b'}' => unbalanced(b'{'),
            _ => false,
        };
        if !drop {
            break;
        }
        url.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_pass() {
        for good in [
            "https://arxiv.org/abs/2001.00001",
            "HTTP://example.org",
            "https://arxiv.org/abs/2001.00001v2?context=cs.LG#x",
            "https://twitter.com/a_b/status/1",
            "https://arxiv.org:443/pdf/2001.00001",
            "http://[::1]:8080/x",
            "https://例え.jp/パス",
            "https://x.org/a(b)c;d=e&f='g'%20h",
        ] {
            assert_eq!(check_url(good), Ok(()), "{good:?} refused");
        }
    }

    #[test]
    fn everything_else_is_refused_with_a_reason() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "/relative",
            "relative/path",
            "./abs",
            "//evil.example/x",
            "https:evil.example",
            "https:/evil.example",
            "",
            "https://",
            "https:///path",
            "https://a b",
            " https://arxiv.org",
            "https://x\u{1b}]52;c;x\u{7}",
            "https://x\u{9b}31m",
            "https://arxiv.org/\u{202e}fdp",
            "https://user@evil",
            "https://arxiv.org@evil.example/abs/1",
            "https://x]52;c;aGk=",
            "https://evil.example\\@arxiv.org",
            "https://arxiv.org:80a/",
            "https://[::1/",
            "https://arxiv.org/abs/\"onmouseover",
            "https://arxiv.org/abs/`id`",
            "https://arxiv.org/abs/a|b",
            "https://arxiv.org/abs/2402.00002]52;c;aGk=",
            "https://\u{430}rxiv.org/abs/1",
            "https://\u{430}rxiv.org:443/",
        ] {
            assert!(check_url(bad).is_err(), "{bad:?} accepted");
        }
        assert!(
            check_url("javascript:alert(1)")
                .unwrap_err()
                .contains("javascript:")
        );
    }

    #[test]
    fn option_like_links_are_refused() {
        for bad in [
            "--help",
            "-x",
            "-",
            "--browser=evil",
            "https://-x",
            "https://--help",
            "http://-oProxyCommand=evil/",
            "https://.hidden",
        ] {
            let why = check_url(bad).expect_err(bad);
            assert!(
                why.contains("absolute") || why.contains("host"),
                "{bad:?}: {why}"
            );
        }
    }

    #[test]
    fn a_long_scheme_is_not_echoed() {
        let long = format!("{}:x", "a".repeat(10_000));
        assert_eq!(
            check_url(&long).unwrap_err(),
            "only absolute http and https links are opened"
        );
    }
}
