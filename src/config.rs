//! The config file: `$XDG_CONFIG_HOME/hotpapers/config.toml` (else
//! `~/.config/hotpapers/config.toml`), or the file given with `--config`.
//!
//! ```toml
//! archive = "~/blog"      # the archive when none is named on the command line or in $HOTPAPERS_ARCHIVE
//! theme = "light"         # dark (the default), light or none
//! mouse = false           # like --no-mouse
//!
//! [keys]                  # action = "key" or ["key", "key"]
//! next_day = "n"
//! prev_day = ["p", "ctrl-p"]
//! [keys.search_box]       # the keys of a box
//! back = "ctrl-g"
//! ```
//!
//! Anything the reader would not understand (broken TOML, an unknown setting, action or key, a
//! value of the wrong kind, one key for two actions) is an error naming the file, the line and
//! the setting; nothing is guessed. The names of actions and keys are the reader's to judge:
//! this module hands them over as written (`KeyTable`), and `tui::keymap::from_config` checks
//! them, so nothing here depends on the reader.

use std::fmt;
use std::path::{Path, PathBuf};

mod follow;
mod watch;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
pub use watch::{Watch, all_watches};

/// The `theme` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// The terminal's palette with bright accents (the default).
    Dark,
    /// Darker accents for light backgrounds.
    Light,
    /// No colors, attributes only (`none`; what `NO_COLOR` gives).
    Plain,
}

/// The settings read from a config file; all unset without one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file the settings came from.
    pub file: Option<PathBuf>,
    /// The default archive, `~` expanded and relative paths taken from the file's folder.
    pub archive: Option<PathBuf>,
    pub theme: Option<ThemeChoice>,
    pub mouse: Option<bool>,
    /// The `[keys]` table and its sub-tables as written; the reader judges the names and keys
    /// (`tui::keymap::from_config`), since only it knows them.
    pub keys: Vec<KeyTable>,
    /// The `[[watch]]` lists: saved queries (see `hotpapers watch`).
    pub watch: Vec<Watch>,
    /// The accounts followed (`follow = [...]`): handles, lowercased, without `@`.
    pub follow: Vec<String>,
}

/// `[keys]` (no name) or one of its sub-tables (`[keys.search_box]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyTable {
    pub name: Option<String>,
    /// 1-based line of the table's name (of `keys` for `[keys]` itself).
    pub line: usize,
    pub settings: Vec<KeySetting>,
}

/// `name = "key"` or `name = ["key", ...]` in a key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySetting {
    pub name: String,
    pub line: usize,
    /// Each key as written, with its line.
    pub keys: Vec<(String, usize)>,
}

/// A config file the reader cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based line of the problem, when it has one.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

fn env_path(key: &str) -> Option<PathBuf> {
    std::env::var_os(key)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Where the config file is looked for: `$XDG_CONFIG_HOME/hotpapers/config.toml` (when that is
/// an absolute path, as the XDG spec asks), else `~/.config/hotpapers/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    env_path("XDG_CONFIG_HOME")
        .filter(|d| d.is_absolute())
        .or_else(|| env_path("HOME").map(|h| h.join(".config")))
        .map(|d| d.join("hotpapers/config.toml"))
}

/// The settings: from `explicit` (`--config FILE`, which must exist), else from the default
/// file when there is one. No file means no settings, silently.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let home = env_path("HOME");
    match explicit {
        Some(path) => load_file(path, true, home.as_deref()),
        None => match default_path() {
            Some(path) => load_file(&path, false, home.as_deref()),
            None => Ok(Config::default()),
        },
    }
}

/// Reads and parses `path`; a missing file is an error only when `required`.
pub fn load_file(path: &Path, required: bool, home: Option<&Path>) -> Result<Config, ConfigError> {
    let error = |message: String| ConfigError {
        file: path.to_path_buf(),
        line: None,
        message,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(Config::default());
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(error("no such config file".into()));
        }
        Err(e) => return Err(error(format!("cannot read the config file: {e}"))),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse(&text, path, home)
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let end = (0..=end)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    text[..end].bytes().filter(|b| *b == b'\n').count() + 1
}

/// The key set on line `line` (1-based) of `text`, when it reads like `key = value`.
fn key_on_line(text: &str, line: usize) -> Option<&str> {
    let (key, _) = text.lines().nth(line.checked_sub(1)?)?.split_once('=')?;
    let key = key.trim();
    let bare =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '"' | '\'');
    (!key.is_empty() && !key.starts_with('[') && key.chars().all(bare)).then_some(key)
}

/// What a TOML value is, for messages.
fn kind(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A table's entries in the order the file gives them.
fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

const SETTINGS: &str = "archive, theme, mouse, follow, [keys] and [[watch]]";

/// Parses the text of the config file `file`. `home` expands a leading `~` in `archive`.
pub fn parse(text: &str, file: &Path, home: Option<&Path>) -> Result<Config, ConfigError> {
    let file_of = File { text, file, home };
    let doc = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().replace('\n', "; ");
        let mut err = file_of.error(offset, format!("not valid TOML: {message}"));
        if let Some(key) = err.line.and_then(|l| key_on_line(text, l)) {
            err.message = format!("{key}: {}", err.message);
        }
        err
    })?;
    let mut config = Config {
        file: Some(file.to_path_buf()),
        ..Config::default()
    };
    for (key, value) in in_file_order(doc.get_ref()) {
        file_of.set(
            &mut config,
            key.get_ref(),
            key.span().start,
            value.get_ref(),
        )?;
    }
    Ok(config)
}

/// The config file being read, for its settings' errors.
struct File<'a> {
    text: &'a str,
    file: &'a Path,
    home: Option<&'a Path>,
}

impl File<'_> {
    /// An error at byte `offset`, which names its line.
    fn error(&self, offset: usize, message: String) -> ConfigError {
        ConfigError {
            file: self.file.to_path_buf(),
            line: Some(line_of(self.text, offset)),
            message,
        }
    }

    /// Reads the setting `name` (at byte `at`) into `config`.
    fn set(
        &self,
        config: &mut Config,
        name: &str,
        at: usize,
        value: &DeValue<'_>,
    ) -> Result<(), ConfigError> {
        let wrong =
            |want: &str| self.error(at, format!("{name}: must be {want}, not {}", kind(value)));
        match (name, value) {
            ("archive", DeValue::String(s)) => {
                let path = archive_path(s, self.file, self.home).map_err(|m| self.error(at, m))?;
                config.archive = Some(path);
            }
            ("archive", _) => return Err(wrong("a string (a folder)")),
            ("theme", DeValue::String(s)) => {
                config.theme = Some(theme_choice(s).map_err(|m| self.error(at, m))?);
            }
            ("theme", _) => return Err(wrong("\"dark\", \"light\" or \"none\"")),
            ("mouse", DeValue::Boolean(b)) => config.mouse = Some(*b),
            ("mouse", _) => return Err(wrong("true or false")),
            ("keys", DeValue::Table(t)) => {
                let line_at = |o| line_of(self.text, o);
                config.keys = key_tables(t, line_at(at), &line_at).map_err(|e| ConfigError {
                    file: self.file.to_path_buf(),
                    ..e
                })?;
            }
            ("keys", _) => return Err(wrong("a table ([keys])")),
            ("watch", DeValue::Array(items)) => {
                config.watch = watch::watches(items, |o, m| self.error(o, m))?;
            }
            ("watch", _) => return Err(wrong("tables ([[watch]] with a name and a query)")),
            ("follow", DeValue::Array(items)) => {
                config.follow = follow::follows(items, |o, m| self.error(o, m))?;
            }
            ("follow", _) => return Err(wrong("a list of handles (follow = [\"ak92501\"])")),
            (other, _) => {
                return Err(self.error(
                    at,
                    format!("{other}: unknown setting (the settings are {SETTINGS})"),
                ));
            }
        }
        Ok(())
    }
}

fn theme_choice(s: &str) -> Result<ThemeChoice, String> {
    match s {
        "dark" => Ok(ThemeChoice::Dark),
        "light" => Ok(ThemeChoice::Light),
        "none" => Ok(ThemeChoice::Plain),
        other => Err(format!(
            "theme: {other:?} is not a theme; use \"dark\", \"light\" or \"none\""
        )),
    }
}

/// The `archive` setting as a path: `~` is the home folder, and a relative path is taken from
/// the config file's folder.
fn archive_path(s: &str, file: &Path, home: Option<&Path>) -> Result<PathBuf, String> {
    if s.trim().is_empty() {
        return Err("archive: is empty; give a folder, or leave the setting out".into());
    }
    let path = match s.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            let home = home.ok_or("archive: cannot expand ~: $HOME is not set")?;
            home.join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(s),
    };
    Ok(if path.is_relative() {
        file.parent().unwrap_or(Path::new("")).join(path)
    } else {
        path
    })
}

/// The `[keys]` table (whose name is on `line`) and its sub-tables, in file order; only the
/// shape is checked here (keys are strings, a list holds strings).
fn key_tables(
    table: &DeTable<'_>,
    line: usize,
    line_at: &dyn Fn(usize) -> usize,
) -> Result<Vec<KeyTable>, ConfigError> {
    let mut top = KeyTable {
        name: None,
        line,
        settings: Vec::new(),
    };
    let mut subs = Vec::new();
    for (key, value) in in_file_order(table) {
        let name = key.get_ref().as_ref();
        match value.get_ref() {
            DeValue::Table(t) => subs.push(KeyTable {
                name: Some(name.to_string()),
                line: line_at(key.span().start),
                settings: settings(t, &format!("keys.{name}."), line_at)?,
            }),
            _ => top
                .settings
                .push(setting(name, "keys.", key.span().start, value, line_at)?),
        }
    }
    let mut out = vec![top];
    out.extend(subs);
    Ok(out)
}

fn settings(
    table: &DeTable<'_>,
    prefix: &str,
    line_at: &dyn Fn(usize) -> usize,
) -> Result<Vec<KeySetting>, ConfigError> {
    in_file_order(table)
        .into_iter()
        .map(|(key, value)| {
            setting(
                key.get_ref().as_ref(),
                prefix,
                key.span().start,
                value,
                line_at,
            )
        })
        .collect()
}

/// One `name = keys` line: a key or a list of keys, each a string.
fn setting(
    name: &str,
    prefix: &str,
    offset: usize,
    value: &Spanned<DeValue<'_>>,
    line_at: &dyn Fn(usize) -> usize,
) -> Result<KeySetting, ConfigError> {
    let err = |offset: usize, message: String| ConfigError {
        file: PathBuf::new(),
        line: Some(line_at(offset)),
        message,
    };
    let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
        DeValue::String(_) => vec![value],
        DeValue::Array(a) => a.iter().collect(),
        other => {
            return Err(err(
                offset,
                format!(
                    "{prefix}{name}: must be a key or a list of keys, not {}",
                    kind(other)
                ),
            ));
        }
    };
    let mut keys = Vec::new();
    for item in items {
        let DeValue::String(s) = item.get_ref() else {
            return Err(err(
                item.span().start,
                format!(
                    "{prefix}{name}: must be a key or a list of keys, not a list holding {}",
                    kind(item.get_ref())
                ),
            ));
        };
        keys.push((s.to_string(), line_at(item.span().start)));
    }
    Ok(KeySetting {
        name: name.to_string(),
        line: line_at(offset),
        keys,
    })
}

impl Config {
    /// Whether to capture the mouse: `--no-mouse` (`no_mouse`) always wins; else the `mouse`
    /// setting, by default on.
    pub fn mouse(&self, no_mouse: bool) -> bool {
        !no_mouse && self.mouse.unwrap_or(true)
    }
}

/// Whether `NO_COLOR` asks for no colors (set to anything non-empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
        assert_eq!(line_of("é\nb", 1), 1);
    }

    #[test]
    fn keys_of_broken_lines() {
        let text = "a = 1\n  theme = \"x\n[keys\nquit = [\"q\"";
        assert_eq!(key_on_line(text, 1), Some("a"));
        assert_eq!(key_on_line(text, 2), Some("theme"));
        assert_eq!(key_on_line(text, 3), None);
        assert_eq!(key_on_line(text, 4), Some("quit"));
        assert_eq!(key_on_line(text, 9), None);
        assert_eq!(key_on_line("x\n", 0), None);
    }

    #[test]
    fn archive_paths() {
        let file = Path::new("/etc/hp/config.toml");
        let home = Some(Path::new("/home/u"));
        let p = |s| archive_path(s, file, home).unwrap();
        assert_eq!(p("~/blog"), Path::new("/home/u/blog"));
        assert_eq!(p("~"), Path::new("/home/u"));
        assert_eq!(p("/srv/blog"), Path::new("/srv/blog"));
        assert_eq!(p("blog"), Path::new("/etc/hp/blog"));
        assert_eq!(p("~x"), Path::new("/etc/hp/~x"));
        assert!(archive_path("~/b", file, None).is_err());
        assert!(archive_path(" ", file, home).is_err());
    }
}
