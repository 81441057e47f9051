//! Keys as the reader knows them: what a binding names, what a config file writes, and how the
//! footer and help spell it. The terminal's own key events become these in `input` only, so
//! nothing else depends on the terminal library.

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    /// A character as typed: `j`, `G`, `?` (shift is part of the character).
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    /// Shift and Space, where the terminal tells it from Space (the kitty keyboard protocol).
    ShiftSpace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// F1 to F12.
    F(u8),
}

/// A key and the modifiers that matter for it. Shift is never a separate flag: it is part of
/// the character (`G`) or of the key (`BackTab`), since terminals disagree on reporting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub name: KeyName,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn char(c: char) -> Key {
        Key {
            name: KeyName::Char(c),
            ctrl: false,
            alt: false,
        }
    }

    /// Ctrl and a letter; the letter is kept lowercase, as terminals send it either way.
    pub const fn ctrl(c: char) -> Key {
        Key {
            name: KeyName::Char(c.to_ascii_lowercase()),
            ctrl: true,
            alt: false,
        }
    }

    pub const fn named(name: KeyName) -> Key {
        Key {
            name,
            ctrl: false,
            alt: false,
        }
    }

    /// How the footer, the help and messages write the key: `j`, `Ctrl-c`, `Alt-x`, `↓`,
    /// `PgDn`, `F5`.
    pub fn label(self) -> String {
        let base = match self.name {
            KeyName::Char(' ') => "Space".to_string(),
            KeyName::Char(c) => c.to_string(),
            KeyName::Up => "↑".into(),
            KeyName::Down => "↓".into(),
            KeyName::Left => "←".into(),
            KeyName::Right => "→".into(),
            KeyName::Enter => "Enter".into(),
            KeyName::Esc => "Esc".into(),
            KeyName::Tab => "Tab".into(),
            KeyName::BackTab => "Shift-Tab".into(),
            KeyName::ShiftSpace => "Shift-Space".into(),
            KeyName::PageDown => "PgDn".into(),
            KeyName::PageUp => "PgUp".into(),
            KeyName::Home => "Home".into(),
            KeyName::End => "End".into(),
            KeyName::Backspace => "Backspace".into(),
            KeyName::F(n) => format!("F{n}"),
        };
        match (self.ctrl, self.alt) {
            (true, true) => format!("Ctrl-Alt-{base}"),
            (true, false) => format!("Ctrl-{base}"),
            (false, true) => format!("Alt-{base}"),
            (false, false) => base,
        }
    }

    /// Reads a key as a config file writes it: `j`, `G`, `?`, `ctrl-d`, `Ctrl-D`, `alt-x`,
    /// `enter`, `esc`, `tab`, `backtab`, `space`, `up`, `down`, `left`, `right`, `pgup`,
    /// `pgdn`, `home`, `end`, `backspace`, `f1`…`f12`.
    pub fn parse(s: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut rest) = (false, false, s);
        loop {
            if prefix(rest, "ctrl-") && rest.len() > 5 {
                ctrl = true;
                rest = &rest[5..];
            } else if prefix(rest, "alt-") && rest.len() > 4 {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let name = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                KeyName::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyName::Enter,
                "esc" | "escape" => KeyName::Esc,
                "tab" => KeyName::Tab,
                "backtab" | "shift-tab" => KeyName::BackTab,
                "shift-space" => KeyName::ShiftSpace,
                "space" => KeyName::Char(' '),
                "up" => KeyName::Up,
                "down" => KeyName::Down,
                "left" => KeyName::Left,
                "right" => KeyName::Right,
                "pgup" | "pageup" => KeyName::PageUp,
                "pgdn" | "pagedown" => KeyName::PageDown,
                "home" => KeyName::Home,
                "end" => KeyName::End,
                "backspace" => KeyName::Backspace,
                f if f.starts_with('f') => {
                    KeyName::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
                }
                _ => return None,
            },
        };
        Some(Key { name, ctrl, alt })
    }
}

fn prefix(s: &str, p: &str) -> bool {
    s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_key_names() {
        let p = Key::parse;
        assert_eq!(p("j"), Some(Key::char('j')));
        assert_eq!(p("G"), Some(Key::char('G')));
        assert_eq!(p("ctrl-D"), Some(Key::ctrl('d')));
        assert_eq!(p("Enter"), Some(Key::named(KeyName::Enter)));
        assert_eq!(p("space"), Some(Key::char(' ')));
        assert_eq!(p("f5"), Some(Key::named(KeyName::F(5))));
        assert_eq!(
            p("alt-x"),
            Some(Key {
                alt: true,
                ..Key::char('x')
            })
        );
        assert_eq!(p("ctrl-"), None);
        assert_eq!(p("-"), Some(Key::char('-')));
        assert_eq!(p("f13"), None);
        assert_eq!(p("nope"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn labels_are_written_for_people() {
        assert_eq!(Key::named(KeyName::F(5)).label(), "F5");
        assert_eq!(Key::ctrl('C').label(), "Ctrl-c");
        assert_eq!(Key::parse("alt-q").unwrap().label(), "Alt-q");
        assert_eq!(Key::named(KeyName::PageDown).label(), "PgDn");
        assert_eq!(Key::char(' ').label(), "Space");
        // Every label reads back as the same key, so messages can be pasted into a config.
        for s in [
            "j", "G", "ctrl-d", "alt-x", "f12", "space", "pgup", "backtab", "enter",
        ] {
            let k = Key::parse(s).unwrap();
            let again = k.label().replace("PgDn", "pgdn").replace("PgUp", "pgup");
            let again = match again.as_str() {
                "Shift-Tab" => "backtab".to_string(),
                _ => again,
            };
            assert_eq!(Key::parse(&again), Some(k), "{s} -> {}", k.label());
        }
    }
}
