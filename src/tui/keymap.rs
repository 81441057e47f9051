//! The key table: the one place keys become actions. The footer and the `?` help are drawn from
//! it, so they can never disagree with what the keys do. Each binding belongs to a mode: the
//! reader itself, or one of the boxes drawn over it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Search,
    Categories,
    Leaderboard,
}

impl Mode {
    pub const ALL: [Mode; 5] = [
        Mode::Normal,
        Mode::Search,
        Mode::Categories,
        Mode::Leaderboard,
        Mode::Help,
    ];

    /// The heading of the mode's section in the help.
    pub fn title(self) -> &'static str {
        match self {
            Mode::Normal => "Reading",
            Mode::Help => "This help",
            Mode::Search => "Search box (/)",
            Mode::Categories => "Category filter (c)",
            Mode::Leaderboard => "Leaderboard (T)",
        }
    }
}

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
    pub mode: Mode,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help says the keys do.
    pub help: &'static str,
    /// A short label for the footer; bindings without one appear only in the help.
    pub footer: Option<&'static str>,
}

const fn b(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        mode,
        keys,
        action,
        help,
        footer,
    }
}

use Mode::{Categories as C, Help as H, Leaderboard as L, Normal as N, Search as S};

/// Every key, by mode, in the order the help lists them.
pub static BINDINGS: &[Binding] = &[
    b(N, &[k('q'), ctrl('c')], Action::Quit, "Quit", Some("quit")),
    b(
        N,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "Move down / scroll down",
        Some("move"),
    ),
    b(
        N,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "Move up / scroll up",
        None,
    ),
    b(
        N,
        &[k('h'), code(KeyCode::Left)],
        Action::FocusLeft,
        "Focus the pane to the left",
        Some("pane"),
    ),
    b(
        N,
        &[k('l'), code(KeyCode::Right)],
        Action::FocusRight,
        "Focus the pane to the right",
        None,
    ),
    b(
        N,
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "Next pane",
        None,
    ),
    b(
        N,
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        "Previous pane",
        None,
    ),
    b(
        N,
        &[k('g'), code(KeyCode::Home)],
        Action::First,
        "First item / top",
        None,
    ),
    b(
        N,
        &[k('G'), code(KeyCode::End)],
        Action::Last,
        "Last item / bottom",
        None,
    ),
    b(
        N,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "Page down",
        None,
    ),
    b(N, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(
        N,
        &[ctrl('d')],
        Action::HalfPageDown,
        "Half a page down",
        None,
    ),
    b(N, &[ctrl('u')], Action::HalfPageUp, "Half a page up", None),
    b(
        N,
        &[k(']')],
        Action::NextDay,
        "Next (later) day",
        Some("day"),
    ),
    b(
        N,
        &[k('[')],
        Action::PrevDay,
        "Previous (earlier) day",
        None,
    ),
    b(
        N,
        &[code(KeyCode::Enter)],
        Action::Enter,
        "Go in / open the paper",
        Some("open"),
    ),
    b(
        N,
        &[code(KeyCode::Esc)],
        Action::Back,
        "Back / close",
        Some("back"),
    ),
    b(
        N,
        &[k('o')],
        Action::OpenAbs,
        "Open the paper's abs page in the browser",
        Some("abs"),
    ),
    b(
        N,
        &[k('p')],
        Action::OpenPdf,
        "Open the paper's pdf in the browser",
        Some("pdf"),
    ),
    b(
        N,
        &[k('t')],
        Action::OpenTweet,
        "Open the marked tweet (else the one in view) in the browser",
        Some("tweet"),
    ),
    b(
        N,
        &[k('>')],
        Action::NextTweet,
        "Mark the next tweet of the paper",
        None,
    ),
    b(
        N,
        &[k('/')],
        Action::OpenSearch,
        "Search every day",
        Some("search"),
    ),
    b(N, &[k('n')], Action::NextResult, "Next search result", None),
    b(
        N,
        &[k('N')],
        Action::PrevResult,
        "Previous search result",
        None,
    ),
    b(
        N,
        &[k('s')],
        Action::CycleSort,
        "Sort the papers: rank, retweets, favorites, both",
        Some("sort"),
    ),
    b(
        N,
        &[k('c')],
        Action::OpenCategories,
        "Filter by category",
        Some("filter"),
    ),
    b(
        N,
        &[k('T')],
        Action::OpenLeaderboard,
        "Top papers over a week, month, year or all",
        Some("top"),
    ),
    b(
        N,
        &[k('?')],
        Action::ToggleHelp,
        "Show or hide this help",
        Some("help"),
    ),
    b(
        N,
        &[ctrl('z')],
        Action::Suspend,
        "Suspend to the shell (resume with fg)",
        None,
    ),
    b(
        S,
        &[code(KeyCode::Enter)],
        Action::Enter,
        "Go to the selected result",
        Some("go"),
    ),
    b(
        S,
        &[code(KeyCode::Esc)],
        Action::Back,
        "Close and return to where you were",
        Some("cancel"),
    ),
    b(
        S,
        &[code(KeyCode::Down), ctrl('n')],
        Action::Down,
        "Next result",
        Some("results"),
    ),
    b(
        S,
        &[code(KeyCode::Up), ctrl('p')],
        Action::Up,
        "Previous result",
        None,
    ),
    b(
        S,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "A page of results down",
        None,
    ),
    b(
        S,
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        "A page of results up",
        None,
    ),
    b(
        S,
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "Delete a character",
        None,
    ),
    b(S, &[ctrl('w')], Action::DeleteWord, "Delete a word", None),
    b(
        S,
        &[ctrl('u')],
        Action::ClearInput,
        "Clear the query",
        Some("clear"),
    ),
    b(S, &[ctrl('c')], Action::Quit, "Quit", None),
    b(
        C,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "Next category",
        Some("move"),
    ),
    b(
        C,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "Previous category",
        None,
    ),
    b(
        C,
        &[k(' ')],
        Action::ToggleCategory,
        "Choose or drop the category",
        Some("choose"),
    ),
    b(
        C,
        &[code(KeyCode::Enter)],
        Action::Enter,
        "Apply the filter",
        Some("apply"),
    ),
    b(
        C,
        &[k('x')],
        Action::ClearFilter,
        "Clear the filter (show all)",
        Some("clear"),
    ),
    b(
        C,
        &[code(KeyCode::Esc), k('q')],
        Action::Back,
        "Close without changing the filter",
        Some("cancel"),
    ),
    b(
        L,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "Next paper",
        Some("move"),
    ),
    b(
        L,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "Previous paper",
        None,
    ),
    b(
        L,
        &[k('g'), code(KeyCode::Home)],
        Action::First,
        "First paper",
        None,
    ),
    b(
        L,
        &[k('G'), code(KeyCode::End)],
        Action::Last,
        "Last paper",
        None,
    ),
    b(
        L,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "Page down",
        None,
    ),
    b(L, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(
        L,
        &[k('w')],
        Action::CycleWindow,
        "Window: week, month, year, all",
        Some("window"),
    ),
    b(
        L,
        &[k('s')],
        Action::CycleSort,
        "Rank by retweets+favorites, retweets or favorites",
        Some("measure"),
    ),
    b(
        L,
        &[code(KeyCode::Enter)],
        Action::Enter,
        "Go to the paper's best day",
        Some("go"),
    ),
    b(
        L,
        &[code(KeyCode::Esc), k('q')],
        Action::Back,
        "Close",
        Some("close"),
    ),
    b(
        H,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "Scroll down",
        None,
    ),
    b(
        H,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "Scroll up",
        None,
    ),
    b(
        H,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "Page down",
        None,
    ),
    b(H, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(
        H,
        &[k('g'), code(KeyCode::Home)],
        Action::First,
        "Top",
        None,
    ),
    b(
        H,
        &[k('G'), code(KeyCode::End)],
        Action::Last,
        "Bottom",
        None,
    ),
    b(
        H,
        &[code(KeyCode::Esc), k('?'), k('q')],
        Action::Back,
        "Close the help",
        Some("close"),
    ),
];

/// The action for a key press in `mode`, if any. In the search box, characters without a
/// binding are typed into the query.
pub fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = BINDINGS
        .iter()
        .filter(|b| b.mode == mode)
        .find(|b| b.keys.iter().any(|key| matches(*key, event)))
        .map(|b| b.action.clone());
    match (bound, mode, event.code) {
        (Some(a), _, _) => Some(a),
        (None, Mode::Search, KeyCode::Char(c))
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
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
        KeyCode::Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The help's lines: a heading per mode, then (keys, what they do) for each binding.
pub fn help_lines() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        if !out.is_empty() {
            out.push((String::new(), ""));
        }
        out.push((String::new(), mode.title()));
        for b in BINDINGS.iter().filter(|b| b.mode == mode) {
            out.push((
                b.keys
                    .iter()
                    .map(|k| label(*k))
                    .collect::<Vec<_>>()
                    .join(", "),
                b.help,
            ));
        }
    }
    out
}

/// The footer's entries for `mode`: (keys, label). Paired bindings (j/k, h/l, ]/[) show both keys.
pub fn footer(mode: Mode) -> Vec<(String, &'static str)> {
    let in_mode: Vec<&Binding> = BINDINGS.iter().filter(|b| b.mode == mode).collect();
    let mut out = Vec::new();
    for (i, b) in in_mode.iter().enumerate() {
        let Some(text) = b.footer else { continue };
        let mut keys = label(b.keys[0]);
        if let Some(next) = in_mode
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
        let n = |c, m| action_for(Mode::Normal, press(c, m));
        assert_eq!(
            n(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(
            n(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Last)
        );
        assert_eq!(
            n(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            n(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            n(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            n(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            n(KeyCode::Char('>'), KeyModifiers::SHIFT),
            Some(Action::NextTweet)
        );
        assert_eq!(
            n(KeyCode::Char('t'), KeyModifiers::NONE),
            Some(Action::OpenTweet)
        );
        assert_eq!(
            n(KeyCode::Char('T'), KeyModifiers::SHIFT),
            Some(Action::OpenLeaderboard)
        );
        assert_eq!(
            n(KeyCode::Char('/'), KeyModifiers::NONE),
            Some(Action::OpenSearch)
        );
        assert_eq!(n(KeyCode::Char('x'), KeyModifiers::NONE), None);
        assert_eq!(n(KeyCode::Char('j'), KeyModifiers::ALT), None);
    }

    #[test]
    fn the_search_box_takes_typing_but_keeps_its_keys() {
        let s = |c, m| action_for(Mode::Search, press(c, m));
        assert_eq!(
            s(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::Input('q'))
        );
        assert_eq!(
            s(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Some(Action::Input('J'))
        );
        assert_eq!(
            s(KeyCode::Char('日'), KeyModifiers::NONE),
            Some(Action::Input('日'))
        );
        assert_eq!(
            s(KeyCode::Char('n'), KeyModifiers::CONTROL),
            Some(Action::Down)
        );
        assert_eq!(
            s(KeyCode::Char('w'), KeyModifiers::CONTROL),
            Some(Action::DeleteWord)
        );
        assert_eq!(s(KeyCode::Char('x'), KeyModifiers::CONTROL), None);
        assert_eq!(s(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Back));
        assert_eq!(
            action_for(
                Mode::Categories,
                press(KeyCode::Char(' '), KeyModifiers::NONE)
            ),
            Some(Action::ToggleCategory)
        );
        assert_eq!(
            action_for(
                Mode::Leaderboard,
                press(KeyCode::Char('w'), KeyModifiers::NONE)
            ),
            Some(Action::CycleWindow)
        );
        assert_eq!(
            action_for(Mode::Help, press(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Back)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in Mode::ALL {
            let all: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.mode == mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, a) in all.iter().enumerate() {
                assert!(
                    !all[i + 1..].contains(a),
                    "{} bound twice in {mode:?}",
                    label(*a)
                );
            }
        }
    }

    #[test]
    fn footer_pairs_related_keys() {
        let f = footer(Mode::Normal);
        assert_eq!(f[0], ("q".to_string(), "quit"));
        assert!(f.contains(&("j/k".to_string(), "move")));
        assert!(f.contains(&("h/l".to_string(), "pane")));
        assert!(f.contains(&("]/[".to_string(), "day")));
        assert!(footer(Mode::Search).contains(&("↓/↑".to_string(), "results")));
    }
}
