//! The key table: the one place keys become actions. The footer and the `?` help are drawn from
//! it, so they can never disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

/// One line of the key table.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help says the keys do.
    pub help: &'static str,
    /// A short label for the footer; bindings without one appear only in the help.
    pub footer: Option<&'static str>,
}

/// Every key of the reader, in the order the help lists them.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[k('q'), ctrl('c')],
        action: Action::Quit,
        help: "Quit",
        footer: Some("quit"),
    },
    Binding {
        keys: &[k('j'), code(KeyCode::Down)],
        action: Action::Down,
        help: "Move down / scroll down",
        footer: Some("move"),
    },
    Binding {
        keys: &[k('k'), code(KeyCode::Up)],
        action: Action::Up,
        help: "Move up / scroll up",
        footer: None,
    },
    Binding {
        keys: &[k('h'), code(KeyCode::Left)],
        action: Action::FocusLeft,
        help: "Focus the pane to the left",
        footer: Some("pane"),
    },
    Binding {
        keys: &[k('l'), code(KeyCode::Right)],
        action: Action::FocusRight,
        help: "Focus the pane to the right",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        help: "Next pane",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        action: Action::FocusPrev,
        help: "Previous pane",
        footer: None,
    },
    Binding {
        keys: &[k('g'), code(KeyCode::Home)],
        action: Action::First,
        help: "First item / top",
        footer: None,
    },
    Binding {
        keys: &[k('G'), code(KeyCode::End)],
        action: Action::Last,
        help: "Last item / bottom",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown)],
        action: Action::PageDown,
        help: "Page down",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "Page up",
        footer: None,
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "Half a page down",
        footer: None,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "Half a page up",
        footer: None,
    },
    Binding {
        keys: &[k(']')],
        action: Action::NextDay,
        help: "Next (later) day",
        footer: Some("day"),
    },
    Binding {
        keys: &[k('[')],
        action: Action::PrevDay,
        help: "Previous (earlier) day",
        footer: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Enter,
        help: "Go in / open the paper",
        footer: Some("open"),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        help: "Back / close",
        footer: Some("back"),
    },
    Binding {
        keys: &[k('o')],
        action: Action::OpenAbs,
        help: "Open the paper's abs page in the browser",
        footer: Some("abs"),
    },
    Binding {
        keys: &[k('p')],
        action: Action::OpenPdf,
        help: "Open the paper's pdf in the browser",
        footer: Some("pdf"),
    },
    Binding {
        keys: &[k('t')],
        action: Action::OpenTweet,
        help: "Open the marked tweet (else the one in view) in the browser",
        footer: Some("tweet"),
    },
    Binding {
        keys: &[k('T')],
        action: Action::NextTweet,
        help: "Mark the next tweet of the paper",
        footer: None,
    },
    Binding {
        keys: &[k('?')],
        action: Action::ToggleHelp,
        help: "Show or hide this help",
        footer: Some("help"),
    },
    Binding {
        keys: &[ctrl('z')],
        action: Action::Suspend,
        help: "Suspend to the shell (resume with fg)",
        footer: None,
    },
];

/// The action for a key press, if any.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    BINDINGS
        .iter()
        .find(|b| b.keys.iter().any(|key| matches(*key, event)))
        .map(|b| b.action.clone())
}

fn matches(key: Key, event: KeyEvent) -> bool {
    // Shift is part of the character itself ('G', '?'), and terminals disagree on reporting it.
    let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    let mods = match event.code {
        KeyCode::Char(_) | KeyCode::BackTab => event.modifiers & significant,
        _ => event.modifiers,
    };
    let code = match event.code {
        KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        c => c,
    };
    key.code == code && key.mods == mods
}

/// How a key is written in the footer and help: `j`, `Ctrl-c`, `↓`, `PgDn`.
pub fn label(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The footer's entries: (keys, label). Paired bindings (j/k, h/l, ]/[) show both keys.
pub fn footer() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (i, b) in BINDINGS.iter().enumerate() {
        let Some(text) = b.footer else { continue };
        let mut keys = label(b.keys[0]);
        if let Some(next) = BINDINGS
            .get(i + 1)
            .filter(|n| n.footer.is_none() && pairs(b, n))
        {
            keys = format!("{keys}/{}", label(next.keys[0]));
        }
        out.push((keys, text));
    }
    out
}

fn pairs(a: &Binding, b: &Binding) -> bool {
    matches!(
        (&a.action, &b.action),
        (Action::Down, Action::Up)
            | (Action::FocusLeft, Action::FocusRight)
            | (Action::NextDay, Action::PrevDay)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_map_to_actions() {
        assert_eq!(
            action_for(press(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            action_for(press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('T'), KeyModifiers::SHIFT)),
            Some(Action::NextTweet)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('t'), KeyModifiers::NONE)),
            Some(Action::OpenTweet)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action_for(press(KeyCode::Char('j'), KeyModifiers::ALT)),
            None
        );
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<Key> = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{} bound twice", label(*a));
        }
    }

    #[test]
    fn footer_pairs_related_keys() {
        let f = footer();
        assert_eq!(f[0], ("q".to_string(), "quit"));
        assert!(f.contains(&("j/k".to_string(), "move")));
        assert!(f.contains(&("h/l".to_string(), "pane")));
        assert!(f.contains(&("]/[".to_string(), "day")));
    }
}
