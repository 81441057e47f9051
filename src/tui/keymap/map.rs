//! The key table in effect: the registry's defaults with a user's overrides, what a key asks
//! for in a scope, and how to name a command's key on screen.

use crate::tui::bindings::{Binding, defaults};
use crate::tui::command::{Command, Scope, opened_by};
use crate::tui::key::Key;

/// The key table with overrides applied. An overridden command answers to the given keys
/// instead of its defaults, and those keys mean nothing else in that scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    overrides: Vec<Override>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Override {
    scope: Scope,
    command: Command,
    keys: Vec<Key>,
}

impl Keymap {
    /// The default keys with `overrides`: (scope, command, its new keys).
    pub fn with(overrides: impl IntoIterator<Item = (Scope, Command, Vec<Key>)>) -> Keymap {
        let mut km = Keymap::default();
        for (scope, command, keys) in overrides {
            km.set(scope, command, keys);
        }
        km
    }

    /// Binds `command` in `scope` to `keys` alone (none: unbound).
    pub fn set(&mut self, scope: Scope, command: Command, keys: Vec<Key>) {
        self.overrides
            .retain(|o| !(o.scope == scope && o.command == command));
        self.overrides.push(Override {
            scope,
            command,
            keys,
        });
    }

    /// The keys of `b` in effect.
    pub(super) fn keys_of(&self, b: &Binding) -> Vec<Key> {
        if let Some(o) = self
            .overrides
            .iter()
            .find(|o| o.scope == b.scope && o.command == b.command)
        {
            return o.keys.clone();
        }
        let taken = |k: &Key| {
            self.overrides
                .iter()
                .any(|o| o.scope == b.scope && o.keys.contains(k))
        };
        b.keys.iter().copied().filter(|k| !taken(k)).collect()
    }

    /// The keys `command` answers to in `scope`, first the one to show.
    pub fn keys(&self, scope: Scope, command: Command) -> Vec<Key> {
        defaults(scope)
            .find(|b| b.command == command)
            .map(|b| self.keys_of(b))
            .unwrap_or_default()
    }

    /// The command `key` asks for in `scope`.
    pub fn command(&self, scope: Scope, key: Key) -> Option<Command> {
        defaults(scope)
            .find(|b| self.keys_of(b).contains(&key))
            .map(|b| b.command)
    }

    /// How to name the key of `command` in `scope` on screen: its first key, or `None` when
    /// the command has no key (then the text that would name it says nothing of keys).
    pub fn hint(&self, scope: Scope, command: Command) -> Option<String> {
        self.keys(scope, command).first().map(|k| k.label())
    }

    /// `text` followed by `tail` naming the key of `command` (`"…: / searches"`), or `text`
    /// alone when the command has no key.
    pub fn say(
        &self,
        scope: Scope,
        command: Command,
        text: &str,
        tail: impl FnOnce(&str) -> String,
    ) -> String {
        match self.hint(scope, command) {
            Some(k) => format!("{text}{}", tail(&k)),
            None => text.to_string(),
        }
    }

    /// What the overrides took from other commands' defaults, one sentence each:
    /// `p was open_pdf's; open_pdf now has no key`. Allowed, but worth saying once at start.
    pub fn taken(&self) -> Vec<String> {
        let mut out = Vec::new();
        for o in &self.overrides {
            for b in defaults(o.scope).filter(|b| b.command != o.command) {
                let overridden = self
                    .overrides
                    .iter()
                    .any(|x| x.scope == b.scope && x.command == b.command);
                for k in b.keys.iter().filter(|k| o.keys.contains(k) && !overridden) {
                    let name = b.command.name();
                    let left = self.keys_of(b);
                    let now = match left.first() {
                        None => format!("{name} now has no key"),
                        Some(k) => format!("{name} keeps {}", k.label()),
                    };
                    let within = scope_words(b.scope);
                    out.push(format!("{} was {name}'s{within}; {now}", k.label()));
                }
            }
        }
        out
    }

    /// The help's heading for `scope`: its name and the key that opens it (`Search box (/)`).
    pub fn heading(&self, scope: Scope) -> String {
        match opened_by(scope).and_then(|c| self.hint(Scope::Reader, c)) {
            Some(k) => format!("{} ({k})", scope.name()),
            None => scope.name().to_string(),
        }
    }
}

/// " in [keys.search_box]" and the like, for messages about a box's keys.
fn scope_words(scope: Scope) -> String {
    match scope.table() {
        None => String::new(),
        Some(t) => format!(" in [keys.{t}]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::key::KeyName;

    #[test]
    fn default_keys_ask_for_their_commands() {
        let km = Keymap::default();
        let r = |k| km.command(Scope::Reader, k);
        assert_eq!(r(Key::char('j')), Some(Command::Down));
        assert_eq!(r(Key::char('G')), Some(Command::Last));
        assert_eq!(r(Key::ctrl('c')), Some(Command::Quit));
        assert_eq!(r(Key::ctrl('d')), Some(Command::HalfPageDown));
        assert_eq!(r(Key::named(KeyName::BackTab)), Some(Command::PrevPane));
        assert_eq!(r(Key::char('?')), Some(Command::Help));
        assert_eq!(r(Key::char('>')), Some(Command::NextTweet));
        assert_eq!(r(Key::char('T')), Some(Command::Top));
        assert_eq!(r(Key::char('x')), None);
        let s = |k| km.command(Scope::Search, k);
        assert_eq!(s(Key::ctrl('n')), Some(Command::NewerQuery));
        assert_eq!(s(Key::ctrl('p')), Some(Command::OlderQuery));
        assert_eq!(s(Key::ctrl('w')), Some(Command::DeleteWord));
        assert_eq!(
            s(Key::ctrl('c')),
            Some(Command::Back),
            "Ctrl-c cancels the prompt"
        );
        assert_eq!(s(Key::char('q')), None, "q is typed");
        assert_eq!(
            km.command(Scope::Categories, Key::char(' ')),
            Some(Command::ToggleCategory)
        );
        assert_eq!(
            km.command(Scope::Leaderboard, Key::char('w')),
            Some(Command::CycleWindow)
        );
        assert_eq!(km.command(Scope::Help, Key::char('q')), Some(Command::Back));
    }

    #[test]
    fn overrides_replace_a_commands_keys_in_its_scope() {
        let km = Keymap::with([
            (Scope::Reader, Command::Search, vec![Key::char('s')]),
            (Scope::Reader, Command::Quit, vec![Key::char('x')]),
        ]);
        let r = |c| km.command(Scope::Reader, Key::char(c));
        assert_eq!(r('s'), Some(Command::Search));
        assert_eq!(r('/'), None, "the default key is gone");
        assert_eq!(r('x'), Some(Command::Quit));
        assert_eq!(r('Q'), None, "Q quits no more");
        assert_eq!(r('q'), Some(Command::Close), "q keeps closing");
        assert_eq!(
            km.keys(Scope::Reader, Command::Sort),
            vec![],
            "sort lost its only key"
        );
        assert_eq!(km.hint(Scope::Reader, Command::Sort), None);
        assert_eq!(
            km.hint(Scope::Reader, Command::Search).as_deref(),
            Some("s")
        );
        assert_eq!(km.heading(Scope::Search), "Search box (s)");
        assert_eq!(
            km.command(Scope::Categories, Key::char('q')),
            Some(Command::Back),
            "other scopes keep theirs"
        );
        let said = km.say(Scope::Reader, Command::Sort, "Sorted", |k| format!(": {k}"));
        assert_eq!(said, "Sorted");
    }

    #[test]
    fn keys_taken_from_other_commands_are_named() {
        let km = Keymap::with([
            (
                Scope::Reader,
                Command::PrevDay,
                vec![Key::char('p'), Key::ctrl('p')],
            ),
            (Scope::Reader, Command::Down, vec![Key::char('k')]),
        ]);
        assert_eq!(
            km.taken(),
            [
                "p was open_pdf's; open_pdf now has no key",
                "k was up's; up keeps ↑",
            ]
        );
        assert!(Keymap::default().taken().is_empty());
        // A command given keys of its own has lost nothing.
        let both = Keymap::with([
            (Scope::Reader, Command::NextDay, vec![Key::char('n')]),
            (Scope::Reader, Command::NextResult, vec![Key::char('>')]),
        ]);
        assert_eq!(
            both.taken(),
            ["> was next_tweet's; next_tweet now has no key"]
        );
    }
}
