//! Copying through the terminal: OSC 52 asks the terminal (or tmux, or the terminal at the far
//! end of SSH) to put text on the system clipboard, with no clipboard tool on this machine.

use base64::Engine;

use crate::tui::core::marks::MAX_COPY;

/// The escape sequence that copies `text`. Refused when too long, since terminals cap the
/// sequence and a cut one would copy garbage.
pub fn osc52(text: &str) -> Result<String, String> {
    if text.len() > MAX_COPY {
        return Err(format!(
            "{} bytes is more than the {MAX_COPY} the clipboard takes",
            text.len()
        ));
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    Ok(format!("\u{1b}]52;c;{encoded}\u{7}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_is_base64_of_the_text() {
        assert_eq!(
            osc52("https://arxiv.org/abs/1").unwrap(),
            "\u{1b}]52;c;aHR0cHM6Ly9hcnhpdi5vcmcvYWJzLzE=\u{7}"
        );
        // Whatever the text holds, the sequence carries only base64 between its delimiters.
        let seq = osc52("a\u{1b}]0;title\u{7}b").unwrap();
        assert!(
            seq[7..seq.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        assert!(osc52(&"x".repeat(MAX_COPY + 1)).is_err());
    }
}
