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
    Starred,
}

impl Mode {
    pub const ALL: [Mode; 6] = [
        Mode::Normal,
        Mode::Search,
        Mode::Categories,
        Mode::Leaderboard,
        Mode::Starred,
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
            Mode::Starred => "Starred papers (S)",
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

use Mode::{Categories as C, Help as H, Leaderboard as L, Normal as N, Search as S, Starred as R};

/// Every key, by mode, in the order the help lists them.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(N, &[k('q'), ctrl('c')], Action::Quit, "Quit", Some("quit")),
    b(N, &[k('j'), code(KeyCode::Down)], Action::Down, "Move down / scroll down", Some("move")),
    b(N, &[k('k'), code(KeyCode::Up)], Action::Up, "Move up / scroll up", None),
    b(N, &[k('h'), code(KeyCode::Left)], Action::FocusLeft, "Focus the pane to the left", Some("pane")),
    b(N, &[k('l'), code(KeyCode::Right)], Action::FocusRight, "Focus the pane to the right", None),
    b(N, &[code(KeyCode::Tab)], Action::FocusNext, "Next pane", None),
    b(N, &[code(KeyCode::BackTab)], Action::FocusPrev, "Previous pane", None),
    b(N, &[k('g'), code(KeyCode::Home)], Action::First, "First item / top", None),
    b(N, &[k('G'), code(KeyCode::End)], Action::Last, "Last item / bottom", None),
    b(N, &[code(KeyCode::PageDown)], Action::PageDown, "Page down", None),
    b(N, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(N, &[ctrl('d')], Action::HalfPageDown, "Half a page down", None),
    b(N, &[ctrl('u')], Action::HalfPageUp, "Half a page up", None),
    b(N, &[k(']')], Action::NextDay, "Next (later) day", Some("day")),
    b(N, &[k('[')], Action::PrevDay, "Previous (earlier) day", None),
    b(N, &[code(KeyCode::Enter)], Action::Enter, "Go in / open the paper", Some("open")),
    b(N, &[code(KeyCode::Esc)], Action::Back, "Back / close", Some("back")),
    b(N, &[k('o')], Action::OpenAbs, "Open the paper's abs page in the browser", Some("abs")),
    b(N, &[k('p')], Action::OpenPdf, "Open the paper's pdf in the browser", Some("pdf")),
    b(N, &[k('t')], Action::OpenTweet, "Open the marked tweet (else the one in view) in the browser", Some("tweet")),
    b(N, &[k('>')], Action::NextTweet, "Mark the next tweet of the paper", None),
    b(N, &[k('/')], Action::OpenSearch, "Search every day", Some("search")),
    b(N, &[k('n')], Action::NextResult, "Next search result", None),
    b(N, &[k('N')], Action::PrevResult, "Previous search result", None),
    b(N, &[k('s')], Action::CycleSort, "Sort the papers: rank, retweets, favorites, both", Some("sort")),
    b(N, &[k('c')], Action::OpenCategories, "Filter by category", Some("filter")),
    b(N, &[k('T')], Action::OpenLeaderboard, "Top papers over a week, month, year or all", Some("top")),
    b(N, &[k('m')], Action::ToggleRead, "Mark the paper read or unread", None),
    b(N, &[k('u')], Action::NextUnread, "Go to the next unread paper", Some("unread")),
    b(N, &[k('*')], Action::ToggleStar, "Star or unstar the paper", Some("star")),
    b(N, &[k('S')], Action::OpenStarred, "List the starred papers", None),
    b(N, &[k('y')], Action::CopyUrl, "Copy the paper's abs URL to the clipboard", None),
    b(N, &[k('Y')], Action::CopyBibtex, "Copy the paper's BibTeX entry to the clipboard", None),
    b(N, &[k('r')], Action::Reload, "Reload the archive from disk", None),
    b(N, &[k('?')], Action::ToggleHelp, "Show or hide this help", Some("help")),
    b(N, &[ctrl('z')], Action::Suspend, "Suspend to the shell (resume with fg)", None),
    b(S, &[code(KeyCode::Enter)], Action::Enter, "Go to the selected result", Some("go")),
    b(S, &[code(KeyCode::Esc)], Action::Back, "Close and return to where you were", Some("cancel")),
    b(S, &[code(KeyCode::Down), ctrl('n')], Action::Down, "Next result", Some("results")),
    b(S, &[code(KeyCode::Up), ctrl('p')], Action::Up, "Previous result", None),
    b(S, &[code(KeyCode::PageDown)], Action::PageDown, "A page of results down", None),
    b(S, &[code(KeyCode::PageUp)], Action::PageUp, "A page of results up", None),
    b(S, &[code(KeyCode::Backspace)], Action::Backspace, "Delete a character", None),
    b(S, &[ctrl('w')], Action::DeleteWord, "Delete a word", None),
    b(S, &[ctrl('u')], Action::ClearInput, "Clear the query", Some("clear")),
    b(S, &[ctrl('c')], Action::Quit, "Quit", None),
    b(C, &[k('j'), code(KeyCode::Down)], Action::Down, "Next category", Some("move")),
    b(C, &[k('k'), code(KeyCode::Up)], Action::Up, "Previous category", None),
    b(C, &[k(' ')], Action::ToggleCategory, "Choose or drop the category", Some("choose")),
    b(C, &[code(KeyCode::Enter)], Action::Enter, "Apply the filter", Some("apply")),
    b(C, &[k('x')], Action::ClearFilter, "Clear the filter (show all)", Some("clear")),
    b(C, &[code(KeyCode::Esc), k('q')], Action::Back, "Close without changing the filter", Some("cancel")),
    b(L, &[k('j'), code(KeyCode::Down)], Action::Down, "Next paper", Some("move")),
    b(L, &[k('k'), code(KeyCode::Up)], Action::Up, "Previous paper", None),
    b(L, &[k('g'), code(KeyCode::Home)], Action::First, "First paper", None),
    b(L, &[k('G'), code(KeyCode::End)], Action::Last, "Last paper", None),
    b(L, &[code(KeyCode::PageDown)], Action::PageDown, "Page down", None),
    b(L, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(L, &[k('w')], Action::CycleWindow, "Window: week, month, year, all", Some("window")),
    b(L, &[k('s')], Action::CycleSort, "Rank by retweets+favorites, retweets or favorites", Some("measure")),
    b(L, &[code(KeyCode::Enter)], Action::Enter, "Go to the paper's best day", Some("go")),
    b(L, &[code(KeyCode::Esc), k('q')], Action::Back, "Close", Some("close")),
    b(R, &[k('j'), code(KeyCode::Down)], Action::Down, "Next paper", Some("move")),
    b(R, &[k('k'), code(KeyCode::Up)], Action::Up, "Previous paper", None),
    b(R, &[k('g'), code(KeyCode::Home)], Action::First, "First paper", None),
    b(R, &[k('G'), code(KeyCode::End)], Action::Last, "Last paper", None),
    b(R, &[code(KeyCode::PageDown)], Action::PageDown, "Page down", None),
    b(R, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(R, &[k('*')], Action::ToggleStar, "Unstar (or star again) the paper", Some("unstar")),
    b(R, &[code(KeyCode::Enter)], Action::Enter, "Go to the paper in its day", Some("go")),
    b(R, &[code(KeyCode::Esc), k('q')], Action::Back, "Close", Some("close")),
    b(H, &[k('j'), code(KeyCode::Down)], Action::Down, "Scroll down", None),
    b(H, &[k('k'), code(KeyCode::Up)], Action::Up, "Scroll up", None),
    b(H, &[code(KeyCode::PageDown)], Action::PageDown, "Page down", None),
    b(H, &[code(KeyCode::PageUp)], Action::PageUp, "Page up", None),
    b(H, &[k('g'), code(KeyCode::Home)], Action::First, "Top", None),
    b(H, &[k('G'), code(KeyCode::End)], Action::Last, "Bottom", None),
    b(H, &[code(KeyCode::Esc), k('?'), k('q')], Action::Back, "Close the help", Some("close")),
];

/// The key table with a user's `[keys]` overrides applied: an overridden action answers to
/// the given keys instead of its defaults, and those keys mean nothing else in the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    pub overrides: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    /// The keys `b` answers to.
    pub fn keys(&self, b: &Binding) -> Vec<Key> {
        if b.mode == Mode::Normal {
            if let Some((_, keys)) = self.overrides.iter().find(|(a, _)| *a == b.action) {
                return keys.clone();
            }
            let taken = |k: &Key| self.overrides.iter().any(|(_, ks)| ks.contains(k));
            return b.keys.iter().copied().filter(|k| !taken(k)).collect();
        }
        b.keys.to_vec()
    }

    /// The action for a key press in `mode`, if any. In the search box, characters without a
    /// binding are typed into the query.
    pub fn action_for(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let bound = BINDINGS
            .iter()
            .filter(|b| b.mode == mode)
            .find(|b| self.keys(b).iter().any(|key| matches(*key, event)))
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

    /// The help's lines: a heading per mode, then (keys, what they do) for each binding.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        for mode in Mode::ALL {
            if !out.is_empty() {
                out.push((String::new(), ""));
            }
            out.push((String::new(), mode.title()));
            for b in BINDINGS.iter().filter(|b| b.mode == mode) {
                let keys = self.keys(b);
                let shown = if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys.iter()
                        .map(|k| label(*k))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push((shown, b.help));
            }
        }
        out
    }

    /// The footer's entries for `mode`: (keys, label). Paired bindings (j/k, h/l, ]/[) show both keys.
    pub fn footer(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let in_mode: Vec<&Binding> = BINDINGS.iter().filter(|b| b.mode == mode).collect();
        let mut out = Vec::new();
        for (i, b) in in_mode.iter().enumerate() {
            let Some(text) = b.footer else { continue };
            let Some(first) = self.keys(b).first().copied() else {
                continue;
            };
            let mut keys = label(first);
            if let Some(next) = in_mode
                .get(i + 1)
                .filter(|n| n.footer.is_none() && pairs(b, n))
            {
                if let Some(k) = self.keys(next).first() {
                    keys = format!("{keys}/{}", label(*k));
                }
            }
            out.push((keys, text));
        }
        out
    }
}

/// `Keymap::action_for` with the default keys.
pub fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    Keymap::default().action_for(mode, event)
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

/// Names of the actions a config file's `[keys]` table can rebind (normal mode), with the action.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("down", Action::Down),
    ("up", Action::Up),
    ("focus_left", Action::FocusLeft),
    ("focus_right", Action::FocusRight),
    ("next_pane", Action::FocusNext),
    ("prev_pane", Action::FocusPrev),
    ("first", Action::First),
    ("last", Action::Last),
    ("page_down", Action::PageDown),
    ("page_up", Action::PageUp),
    ("half_page_down", Action::HalfPageDown),
    ("half_page_up", Action::HalfPageUp),
    ("next_day", Action::NextDay),
    ("prev_day", Action::PrevDay),
    ("enter", Action::Enter),
    ("back", Action::Back),
    ("open_abs", Action::OpenAbs),
    ("open_pdf", Action::OpenPdf),
    ("open_tweet", Action::OpenTweet),
    ("next_tweet", Action::NextTweet),
    ("search", Action::OpenSearch),
    ("next_result", Action::NextResult),
    ("prev_result", Action::PrevResult),
    ("sort", Action::CycleSort),
    ("filter", Action::OpenCategories),
    ("top", Action::OpenLeaderboard),
    ("toggle_read", Action::ToggleRead),
    ("next_unread", Action::NextUnread),
    ("star", Action::ToggleStar),
    ("starred", Action::OpenStarred),
    ("copy_url", Action::CopyUrl),
    ("copy_bibtex", Action::CopyBibtex),
    ("reload", Action::Reload),
    ("help", Action::ToggleHelp),
    ("suspend", Action::Suspend),
];

/// Reads a key as a config file writes it: `j`, `G`, `?`, `ctrl-d`, `Ctrl-D`, `enter`, `esc`,
/// `tab`, `backtab`, `space`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`,
/// `backspace`, `f1`…`f12`.
pub fn parse_key(s: &str) -> Option<Key> {
    let (mods, name) = match s.get(..5) {
        Some(p) if p.eq_ignore_ascii_case("ctrl-") => (KeyModifiers::CONTROL, &s[5..]),
        _ => (KeyModifiers::NONE, s),
    };
    let mut chars = name.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => KeyCode::Char(if mods == KeyModifiers::CONTROL {
            c.to_ascii_lowercase()
        } else {
            c
        }),
        _ => match name.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" | "shift-tab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "backspace" => KeyCode::Backspace,
            f if f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
            }
            _ => return None,
        },
    };
    Some(Key { code, mods })
}

/// The help's lines with the default keys.
pub fn help_lines() -> Vec<(String, &'static str)> {
    Keymap::default().help_lines()
}

/// The footer with the default keys.
pub fn footer(mode: Mode) -> Vec<(String, &'static str)> {
    Keymap::default().footer(mode)
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
    fn overrides_replace_an_actions_keys_everywhere() {
        let km = Keymap {
            overrides: vec![
                (Action::OpenSearch, vec![k('s')]),
                (Action::Quit, vec![k('x')]),
            ],
        };
        let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            km.action_for(Mode::Normal, press('s')),
            Some(Action::OpenSearch)
        );
        assert_eq!(
            km.action_for(Mode::Normal, press('/')),
            None,
            "the default key is gone"
        );
        assert_eq!(km.action_for(Mode::Normal, press('x')), Some(Action::Quit));
        assert_eq!(km.action_for(Mode::Normal, press('q')), None);
        assert!(km.footer(Mode::Normal).contains(&("x".to_string(), "quit")));
        assert!(
            km.help_lines()
                .iter()
                .any(|(k, h)| k == "s" && *h == "Search every day")
        );
        assert!(
            km.help_lines()
                .iter()
                .any(|(k, h)| k == "(unbound)" && h.starts_with("Sort")),
            "sort lost its only key"
        );
        assert_eq!(
            km.action_for(Mode::Categories, press('q')),
            Some(Action::Back),
            "other modes keep theirs"
        );
    }

    #[test]
    fn config_key_names() {
        assert_eq!(parse_key("j"), Some(k('j')));
        assert_eq!(parse_key("G"), Some(k('G')));
        assert_eq!(parse_key("ctrl-D"), Some(ctrl('d')));
        assert_eq!(parse_key("Enter"), Some(code(KeyCode::Enter)));
        assert_eq!(parse_key("space"), Some(k(' ')));
        assert_eq!(parse_key("f5"), Some(code(KeyCode::F(5))));
        assert_eq!(parse_key("f13"), None);
        assert_eq!(parse_key("nope"), None);
        assert_eq!(parse_key(""), None);
        let names: Vec<&str> = ACTION_NAMES.iter().map(|(n, _)| *n).collect();
        for b in BINDINGS.iter().filter(|b| b.mode == Mode::Normal) {
            assert!(
                ACTION_NAMES.iter().any(|(_, a)| *a == b.action),
                "{:?} has no config name ({names:?})",
                b.action
            );
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
