//! Which links may be handed to a browser or the clipboard: absolute http(s) URLs only.

/// Checks that `url` is an absolute `http`/`https` URL with a host and no control characters or
/// spaces. The error says why, for the status line.
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
            Some(s) => format!("only http and https links are opened, not {s}:"),
            None => "only absolute http and https links are opened".into(),
        });
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with('-') || host.contains('@') {
        return Err("the link has no valid host".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_pass() {
        assert_eq!(check_url("https://arxiv.org/abs/2001.00001"), Ok(()));
        assert_eq!(check_url("HTTP://example.org"), Ok(()));
    }

    #[test]
    fn everything_else_is_refused_with_a_reason() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "/relative",
            "--help",
            "",
            "https://",
            "https://a b",
            "https://x\u{1b}]52;c;x\u{7}",
            "https://user@evil",
        ] {
            assert!(check_url(bad).is_err(), "{bad:?} accepted");
        }
        assert!(
            check_url("javascript:alert(1)")
                .unwrap_err()
                .contains("javascript:")
        );
    }
}
