//! The footer and the `?` help, drawn from the key table with the overrides in effect.

use super::map::Keymap;
use crate::tui::bindings::{Binding, defaults};
use crate::tui::command::{Command, Scope};

/// One entry of the footer: the keys as shown (`j/k`), what they do (`move`), and the command,
/// so the footer can keep the help's entry last without looking at its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterEntry {
    pub keys: String,
    pub label: &'static str,
    pub command: Command,
}

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Blank,
    Heading(String),
    /// The keys as shown (`j, ↓`, or `(unbound)`) and what they do.
    Keys {
        keys: String,
        help: &'static str,
    },
}

impl Keymap {
    /// The help's lines: a heading per scope, then a line for each binding.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut out = Vec::new();
        for scope in Scope::ALL {
            if !out.is_empty() {
                out.push(HelpRow::Blank);
            }
            out.push(HelpRow::Heading(self.heading(scope)));
            for b in defaults(scope) {
                let keys = self.keys_of(b);
                let shown = if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys.iter()
                        .map(|k| k.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push(HelpRow::Keys {
                    keys: shown,
                    help: b.help(),
                });
            }
        }
        out
    }

    /// The footer's entries for `scope`. Paired bindings (j/k, h/l, ]/[) show both keys.
    pub fn footer(&self, scope: Scope) -> Vec<FooterEntry> {
        let in_scope: Vec<&Binding> = defaults(scope).collect();
        let mut out = Vec::new();
        for (i, b) in in_scope.iter().enumerate() {
            let Some(label) = b.footer else { continue };
            let Some(first) = self.keys_of(b).first().copied() else {
                continue;
            };
            let mut keys = first.label();
            if let Some(next) = in_scope
                .get(i + 1)
                .filter(|n| n.footer.is_none() && pairs(b.command, n.command))
            {
                if let Some(k) = self.keys_of(next).first() {
                    keys = format!("{keys}/{}", k.label());
                }
            }
            out.push(FooterEntry {
                keys,
                label,
                command: b.command,
            });
        }
        out
    }
}

fn pairs(a: Command, b: Command) -> bool {
    matches!(
        (a, b),
        (Command::Down, Command::Up)
            | (Command::FocusLeft, Command::FocusRight)
            | (Command::NextDay, Command::PrevDay)
            | (Command::OlderQuery, Command::NewerQuery)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::key::Key;

    fn entry(f: &[FooterEntry], keys: &str) -> Option<&'static str> {
        f.iter().find(|e| e.keys == keys).map(|e| e.label)
    }

    #[test]
    fn footer_pairs_related_keys() {
        let km = Keymap::default();
        let f = km.footer(Scope::Reader);
        assert_eq!((f[0].keys.as_str(), f[0].label), ("q", "quit"));
        assert_eq!(entry(&f, "j/k"), Some("move"));
        assert_eq!(entry(&f, "h/l"), Some("pane"));
        assert_eq!(entry(&f, "]/["), Some("day"));
        assert_eq!(entry(&km.footer(Scope::Search), "↓/↑"), Some("results"));
    }

    #[test]
    fn overrides_show_in_the_footer_and_help() {
        let km = Keymap::with([
            (Scope::Reader, Command::Search, vec![Key::char('s')]),
            (Scope::Reader, Command::Close, vec![Key::char('x')]),
        ]);
        assert_eq!(entry(&km.footer(Scope::Reader), "x"), Some("quit"));
        let rows = km.help_rows();
        let has = |keys: &str, start: &str| {
            rows.iter().any(|r| {
                matches!(r, HelpRow::Keys { keys: k, help } if k == keys && help.starts_with(start))
            })
        };
        assert!(has("s", "Search every day"));
        assert!(has("(unbound)", "Sort"), "sort lost its only key");
        assert!(rows.contains(&HelpRow::Heading("Search box (s)".into())));
    }
}
