//! `follow = ["ak92501", "hardmaru"]` in the config file: the accounts whose papers the reader
//! marks (◆) and the category filter can show alone.

use toml::Spanned;
use toml::de::DeValue;

/// The handles of a `follow = [...]` array, lowercased and without `@`; `err(offset, message)`
/// makes the error for a problem at a byte of the file.
pub fn follows<E>(
    items: &[Spanned<DeValue<'_>>],
    err: impl Fn(usize, String) -> E,
) -> Result<Vec<String>, E> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let at = item.span().start;
        let DeValue::String(s) = item.get_ref() else {
            return Err(err(
                at,
                "follow: each account is a string (\"ak92501\")".into(),
            ));
        };
        let handle = s.trim().trim_start_matches('@');
        if handle.is_empty()
            || !handle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(err(
                at,
                format!("follow: {s:?} is not a handle (letters, digits and _)"),
            ));
        }
        let handle = handle.to_ascii_lowercase();
        if !out.contains(&handle) {
            out.push(handle);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn parse(text: &str) -> Result<Vec<String>, String> {
        crate::config::parse(text, Path::new("config.toml"), None)
            .map(|c| c.follow)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn handles_are_lowercased_without_at_and_once() {
        assert_eq!(
            parse("follow = [\"ak92501\", \"@HardMaru\", \"hardmaru\"]\n"),
            Ok(vec!["ak92501".to_string(), "hardmaru".to_string()])
        );
        assert_eq!(parse(""), Ok(vec![]));
    }

    #[test]
    fn what_is_not_a_handle_is_named_with_its_line() {
        let err = parse("theme = \"dark\"\nfollow = [\"ok\", \"not one\"]\n").unwrap_err();
        assert!(
            err.contains(":2") && err.contains("\"not one\" is not a handle"),
            "{err}"
        );
        let err = parse("follow = \"ak92501\"\n").unwrap_err();
        assert!(err.contains("a list of handles"), "{err}");
        let err = parse("follow = [3]\n").unwrap_err();
        assert!(err.contains("each account is a string"), "{err}");
    }
}
