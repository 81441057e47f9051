//! What a paste becomes: text for the prompt open, on one line. A terminal hands a paste over
//! whole (bracketed paste), so that a pasted newline is not Enter and pasted letters are not
//! commands; here it is made fit for a one-line prompt.

/// The most characters a paste puts in a prompt; the rest is left out, and said.
pub const MAX_PASTE: usize = 1000;

/// `text` for a one-line prompt: line breaks and tabs become spaces (a run of them one space),
/// other control characters are dropped, and at most `MAX_PASTE` characters are kept. Returns
/// the text and how many characters the paste had in all, when it had more.
pub fn clean_paste(text: &str) -> (String, Option<usize>) {
    let mut out = String::new();
    let mut kept = 0;
    let mut all = 0;
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if c == ' ' && space {
            continue;
        }
        space = c == ' ';
        all += 1;
        if kept < MAX_PASTE {
            out.push(c);
            kept += 1;
        }
    }
    (out, (all > kept).then_some(all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_one_and_control_characters_go() {
        assert_eq!(
            clean_paste("nerf\r\nradiance\tfield\n"),
            ("nerf radiance field ".into(), None)
        );
        assert_eq!(clean_paste("a\u{1b}[31mb\u{7}"), ("a[31mb".into(), None));
        let long = "x".repeat(MAX_PASTE + 5);
        let (kept, all) = clean_paste(&long);
        assert_eq!(
            (kept.chars().count(), all),
            (MAX_PASTE, Some(MAX_PASTE + 5))
        );
        assert_eq!(clean_paste(""), (String::new(), None));
    }
}
