//! Which links may be handed to a browser or the clipboard: absolute http(s) URLs only.

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
/// `arxiv.org@evil.example` or `x]52;c;…` is not the site it seems to name.
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
