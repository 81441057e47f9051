//! A config file's `[keys]` tables, as `config` read them (names and key strings with their
//! lines), checked and turned into a `Keymap`. The config module knows nothing of commands or
//! keys; everything it cannot know is judged here, with the file and line in the error.

use super::map::Keymap;
use crate::config::{Config, ConfigError, KeyTable};
use crate::tui::bindings::defaults;
use crate::tui::command::{Command, Scope, by_name};
use crate::tui::key::Key;

const KEY_EXAMPLES: &str = "\"j\", \"G\", \"?\", \"ctrl-d\", \"alt-x\", \"enter\", \"esc\", \"tab\", \"space\", \"up\", \"pgdn\", \"home\" or \"f1\"";

/// The keymap `config` asks for: the defaults with its `[keys]` overrides.
pub fn from_config(config: &Config) -> Result<Keymap, ConfigError> {
    let at = |line: usize, message: String| ConfigError {
        file: config.file.clone().unwrap_or_default(),
        line: Some(line),
        message,
    };
    let mut km = Keymap::default();
    for table in &config.keys {
        let scope = scope_of(table).map_err(|m| at(table.line, m))?;
        let prefix = match scope.table() {
            Some(t) => format!("keys.{t}."),
            None => "keys.".to_string(),
        };
        // Which setting took each key, to refuse one key for two commands.
        let mut owner: Vec<(Key, &str)> = Vec::new();
        for s in &table.settings {
            let name = s.name.as_str();
            let command = by_name(name)
                .filter(|c| defaults(scope).any(|b| b.command == *c))
                .ok_or_else(|| at(s.line, unknown(scope, &prefix, name)))?;
            if s.keys.is_empty() && must_keep_a_key(scope, command) {
                return Err(at(
                    s.line,
                    format!("{prefix}{name}: needs at least one key"),
                ));
            }
            let mut bound = Vec::new();
            for (text, line) in &s.keys {
                let k = Key::parse(text).ok_or_else(|| {
                    at(
                        *line,
                        format!(
                            "{prefix}{name}: {text:?} is not a key; write keys like {KEY_EXAMPLES}"
                        ),
                    )
                })?;
                if let Some((_, other)) = owner.iter().find(|(o, n)| *o == k && *n != name) {
                    return Err(at(
                        *line,
                        format!(
                            "{prefix}{name}: {} is already the key of {prefix}{other}",
                            k.label()
                        ),
                    ));
                }
                if !bound.contains(&k) {
                    bound.push(k);
                    owner.push((k, name));
                }
            }
            km.set(scope, command, bound);
        }
    }
    Ok(km)
}

/// The scope a `[keys]` table sets: the reader's for `[keys]`, a box's for `[keys.NAME_box]`.
fn scope_of(table: &KeyTable) -> Result<Scope, String> {
    let Some(name) = &table.name else {
        return Ok(Scope::Reader);
    };
    if let Some(s) = Scope::ALL.into_iter().find(|s| s.table() == Some(name)) {
        return Ok(s);
    }
    if by_name(name).is_some() {
        return Err(format!(
            "keys.{name}: must be a key or a list of keys, not a table"
        ));
    }
    Err(unknown(Scope::Reader, "keys.", name))
}

fn unknown(scope: Scope, prefix: &str, name: &str) -> String {
    let names: Vec<&str> = defaults(scope).map(|b| b.command.name()).collect();
    let mut m = format!(
        "{prefix}{name}: unknown action; the actions are {}",
        names.join(", ")
    );
    if scope == Scope::Reader {
        let tables: Vec<String> = Scope::ALL
            .iter()
            .filter_map(|s| s.table())
            .map(|t| format!("[keys.{t}]"))
            .collect();
        m.push_str(&format!(
            ", and the boxes' keys go in {}",
            tables.join(", ")
        ));
    }
    m
}

/// Commands that may not lose every key: quitting the reader, and leaving a box.
fn must_keep_a_key(scope: Scope, command: Command) -> bool {
    match scope {
        Scope::Reader => command == Command::Quit,
        _ => command == Command::Back,
    }
}
