//! Host names beyond ASCII: which may be opened, and how they are shown so that none can pass
//! for another site.
//!
//! A host can be written with letters of any script, and some look exactly like Latin ones:
//! `аrxiv.org` with a Cyrillic `а` is another site than arxiv.org. Such a host is refused when a
//! label mixes scripts (as look-alikes of Latin names must: `рaypal`), and wherever a host that
//! is not plain ASCII is shown, it is shown as the browser resolves it, in its ASCII
//! ("punycode") form: `xn--rxiv-43d.org`. A name written in one script (`例え.jp`) may still be
//! opened, shown as `xn--r8jz45g.jp`.

use std::borrow::Cow;

use unicode_security::MixedScript;

/// `host` as the browser looks it up: itself when it is ASCII, else its IDNA (UTS 46) ASCII
/// form, which also maps full-width and other variant letters to the plain ones. `None` when
/// it is no valid internationalized name.
pub fn ascii(host: &str) -> Option<Cow<'_, str>> {
    if host.is_ascii() {
        return Some(Cow::Borrowed(host));
    }
    idna::domain_to_ascii(host).ok().map(Cow::Owned)
}

/// Whether a host that `valid_authority` accepted may be opened: an ASCII one always; any other
/// only if it is a valid internationalized name no label of which mixes scripts. The error
/// names the host in ASCII, which is what it really is.
pub fn check(host: &str) -> Result<(), String> {
    if host.is_ascii() {
        return Ok(());
    }
    let Some(ascii) = ascii(host) else {
        return Err("the link's host is not a valid international name".into());
    };
    // The labels as UTS 46 maps them (lower case, variants folded): what the browser compares.
    let (unicode, _) = idna::domain_to_unicode(&ascii);
    if unicode.split('.').any(|label| !label.is_single_script()) {
        return Err(format!(
            "the link's host {ascii} mixes scripts, as look-alikes of other sites do"
        ));
    }
    Ok(())
}

/// `text` with the host of every `http://` and `https://` URL in it shown in ASCII, for the
/// status line and the link list: a look-alike host never shows as the name it imitates. A
/// host with no ASCII form has its other characters escaped (`\u{430}`). Borrows when no host
/// needs changing, the common case.
pub fn ascii_hosts(text: &str) -> Cow<'_, str> {
    let lower = text.to_ascii_lowercase();
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(at) = lower[from..].find("http").map(|i| i + from) {
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| lower[at..].starts_with(s));
        let Some(scheme) = scheme else {
            from = at + 4;
            continue;
        };
        let start = at + scheme.len();
        let len: usize = text[start..]
            .chars()
            .take_while(|&c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .map(char::len_utf8)
            .sum();
        let host = &text[start..start + len];
        from = start + len;
        if host.is_ascii() {
            continue;
        }
        out.push_str(&text[copied..start]);
        match ascii(host) {
            Some(a) => out.push_str(&a),
            None => {
                for c in host.chars() {
                    if c.is_ascii() {
                        out.push(c);
                    } else {
                        out.extend(c.escape_unicode());
                    }
                }
            }
        }
        copied = from;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `аrxiv.org` with a Cyrillic а (U+0430).
    const LOOKALIKE: &str = "\u{430}rxiv.org";

    #[test]
    fn a_host_that_mixes_scripts_is_refused_by_its_ascii_name() {
        let why = check(LOOKALIKE).unwrap_err();
        assert!(why.contains("xn--rxiv-43d.org"), "{why}");
        assert!(!why.contains(LOOKALIKE), "{why}");
        // Greek omicron among Latin letters, Cyrillic among Latin in one label of several.
        for bad in [
            "g\u{3bf}\u{3bf}gle.com",
            "www.p\u{430}ypal.com",
            "ex\u{430}mple.例え.jp",
        ] {
            assert!(check(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn one_script_a_label_may_be_opened() {
        for good in [
            "arxiv.org",
            "例え.jp",
            "пример.рф",
            "bücher.de",
            "日本語とカタカナ.jp",
            // Full-width letters are the plain ones to a browser.
            "\u{ff41}rxiv.org",
        ] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
        assert_eq!(ascii("\u{ff41}rxiv.org").unwrap(), "arxiv.org");
        assert_eq!(ascii("例え.jp").unwrap(), "xn--r8jz45g.jp");
        assert!(matches!(ascii("arxiv.org"), Some(Cow::Borrowed(_))));
    }

    #[test]
    fn hosts_in_text_are_shown_in_ascii_and_nothing_else_changes() {
        let text = format!("Opening link 2: https://{LOOKALIKE}/abs/1 and HTTP://例え.jp/パス.");
        assert_eq!(
            ascii_hosts(&text),
            "Opening link 2: https://xn--rxiv-43d.org/abs/1 and HTTP://xn--r8jz45g.jp/パス."
        );
        for same in [
            "https://arxiv.org/abs/1 ok",
            "no link, just http and https",
            "ends in https://",
            "Привет http:/ x",
        ] {
            assert!(matches!(ascii_hosts(same), Cow::Borrowed(_)), "{same}");
        }
        // No ASCII form: what is not ASCII is escaped, never shown as it is.
        assert_eq!(
            ascii_hosts("https://xn--a.\u{fc}/x"),
            "https://xn--a.\\u{fc}/x"
        );
    }
}
