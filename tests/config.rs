//! The config file: what a good one changes (in the library, through every command, and in the
//! reader in a pseudo-terminal), the errors a bad one gives (status 2, file, line and setting),
//! and `hotpapers completions`.

#[cfg(unix)]
#[allow(dead_code)] // the reader test uses a few of the harness's helpers
mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hotpapers::config::{self, Config, ConfigError, ThemeChoice};
use hotpapers::tui::key::Key;
use hotpapers::tui::keymap::{self, Keymap};
use hotpapers::tui::theme::Theme;
use hotpapers::tui::{Command as Cmd, Event, Scope};
use tempfile::TempDir;

fn post(day: &str, titles: &[&str]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {day}\ndate: {day}T09:00:00.Z\n---\n\n");
    for (i, t) in titles.iter().enumerate() {
        s.push_str(&format!(
            "# {}. {t}\n\nAnn Author\n\n- retweets: 1, favorites: 2\n\n\
             - links: [abs](https://arxiv.org/abs/2105.0000{})\n- [cs.AI](https://arxiv.org/list/cs.AI/recent)\n\nAn abstract.\n\n",
            i + 1,
            i + 1
        ));
    }
    s
}

/// An archive of `n` days (2021-05-01 on), one paper each, in a new folder.
fn archive(n: u32) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for d in 1..=n {
        let day = format!("2021-05-{d:02}");
        std::fs::write(
            dir.path().join(format!("{day}.md")),
            post(&day, &[&format!("Paper of {day}")]),
        )
        .unwrap();
    }
    dir
}

/// A config home: `$XDG_CONFIG_HOME` with `hotpapers/config.toml` holding `text`.
fn config_home(text: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("hotpapers")).unwrap();
    std::fs::write(dir.path().join("hotpapers/config.toml"), text).unwrap();
    dir
}

/// `hotpapers ARGS` with `$XDG_CONFIG_HOME` at `home` and nothing else from the environment.
fn run(home: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotpapers"));
    cmd.args(args)
        .env_remove("HOTPAPERS_ARCHIVE")
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home.join("no-home"))
        .env("HOTPAPERS_STATE_DIR", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run hotpapers")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn key(s: &str) -> Key {
    Key::parse(s).unwrap_or_else(|| panic!("{s} is a key"))
}

/// What a key press asks for in `scope` under `km`, through the reader's own translation.
fn asks(km: &Keymap, scope: Scope, k: KeyEvent) -> Option<Cmd> {
    match hotpapers::tui::input::key_event(&k, km, scope) {
        Some(Event::Command(c)) => Some(c),
        _ => None,
    }
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

// ---------------------------------------------------------------------------------------------
// The library

const GOOD: &str = r#"
# My settings
archive = "~/blog"
theme = "light"
mouse = false

[keys]
next_day = "n"
prev_day = ["p", "ctrl-p"]
quit = ["Q", "Q"]
"#;

#[test]
fn a_good_file_gives_every_setting() {
    let file = Path::new("/etc/hp/config.toml");
    let c = config::parse(GOOD, file, Some(Path::new("/home/u"))).unwrap();
    assert_eq!(c.file.as_deref(), Some(file));
    assert_eq!(c.archive, Some(PathBuf::from("/home/u/blog")));
    assert_eq!(c.theme, Some(ThemeChoice::Light));
    assert_eq!(c.mouse, Some(false));
    let km = keymap::from_config(&c).unwrap();
    assert_eq!(
        km,
        Keymap::with([
            (Scope::Reader, Cmd::NextDay, vec![key("n")]),
            (Scope::Reader, Cmd::PrevDay, vec![key("p"), key("ctrl-p")]),
            (Scope::Reader, Cmd::Quit, vec![key("Q")]),
        ])
    );
    // The overrides as the reader sees them: `n` is the next day now, not the next result,
    // and `q` quits no more.
    let r = Scope::Reader;
    assert_eq!(asks(&km, r, press('n')), Some(Cmd::NextDay));
    assert_eq!(asks(&km, r, press(']')), None);
    assert_eq!(asks(&km, r, press('Q')), Some(Cmd::Quit));
    assert_eq!(
        asks(&km, r, press('q')),
        Some(Cmd::Close),
        "q steps back or quits as before"
    );
    assert_eq!(
        asks(
            &km,
            r,
            KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL)
        ),
        Some(Cmd::PrevDay)
    );
    // Other scopes keep their keys.
    assert_eq!(asks(&km, Scope::Starred, press('q')), Some(Cmd::Back));
}

#[test]
fn a_box_table_rebinds_that_box_only() {
    let text = "[keys]\nnext_day = \"n\"\n[keys.leaderboard_box]\nwindow = [\"W\", \"f2\"]\nback = \"x\"\n";
    let c = config::parse(text, Path::new("/x/config.toml"), None).unwrap();
    let km = keymap::from_config(&c).unwrap();
    let l = Scope::Leaderboard;
    assert_eq!(asks(&km, l, press('W')), Some(Cmd::CycleWindow));
    assert_eq!(
        asks(&km, l, KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
        Some(Cmd::CycleWindow)
    );
    assert_eq!(
        asks(&km, l, press('w')),
        None,
        "w is gone from the leaderboard"
    );
    assert_eq!(asks(&km, l, press('x')), Some(Cmd::Back));
    assert_eq!(asks(&km, l, press('q')), None, "back answers to x alone");
    assert_eq!(asks(&km, Scope::Reader, press('n')), Some(Cmd::NextDay));
    assert_eq!(
        asks(&km, Scope::Starred, press('x')),
        None,
        "other boxes are untouched"
    );
}

#[test]
fn theme_and_mouse_with_no_color_and_no_mouse() {
    assert_eq!(Theme::chosen(None, false), Theme::color());
    assert_eq!(
        Theme::chosen(Some(ThemeChoice::Dark), false),
        Theme::color()
    );
    assert_eq!(
        Theme::chosen(Some(ThemeChoice::Light), false),
        Theme::light()
    );
    assert_eq!(
        Theme::chosen(Some(ThemeChoice::Plain), false),
        Theme::plain()
    );
    // NO_COLOR always wins.
    assert_eq!(
        Theme::chosen(Some(ThemeChoice::Light), true),
        Theme::plain()
    );
    assert_eq!(Theme::chosen(None, true), Theme::plain());
    for theme in ["dark", "light", "none"] {
        let c = config::parse(&format!("theme = {theme:?}"), Path::new("c"), None).unwrap();
        assert!(c.theme.is_some());
    }

    let mouse = |m| Config {
        mouse: m,
        ..Config::default()
    };
    assert!(mouse(None).mouse(false));
    assert!(mouse(Some(true)).mouse(false));
    assert!(!mouse(Some(false)).mouse(false));
    // --no-mouse always wins.
    assert!(!mouse(Some(true)).mouse(true));
    assert!(!mouse(None).mouse(true));
}

#[test]
fn relative_archives_are_found_from_the_file() {
    let c = config::parse("archive = 'posts'", Path::new("/a/b/config.toml"), None).unwrap();
    assert_eq!(c.archive, Some(PathBuf::from("/a/b/posts")));
    let c = config::parse("", Path::new("/a/b/config.toml"), None).unwrap();
    assert_eq!(
        (
            c.archive.clone(),
            c.theme,
            c.mouse,
            keymap::from_config(&c).unwrap()
        ),
        (None, None, None, Keymap::default())
    );
}

/// The error a config file gives: from reading it, or from the reader judging its `[keys]`
/// (as every command does before it runs).
fn error(text: &str) -> ConfigError {
    config::parse(text, Path::new("/x/config.toml"), Some(Path::new("/h")))
        .and_then(|c| keymap::from_config(&c))
        .expect_err("an error")
}

#[test]
fn every_mistake_names_the_line_and_the_setting() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "theme = \"dark\"\nmouse = tru\n",
            2,
            "mouse: not valid TOML",
        ),
        ("[keys\nquit = 'x'\n", 1, "not valid TOML"),
        ("a = 1\na = 2\n", 2, "duplicate key"),
        ("\n\ncolour = \"red\"\n", 3, "colour: unknown setting"),
        ("theme = \"blue\"\n", 1, "theme: \"blue\" is not a theme"),
        ("theme = 1\n", 1, "theme: must be"),
        (
            "mouse = \"no\"\n",
            1,
            "mouse: must be true or false, not a string",
        ),
        ("archive = 3\n", 1, "archive: must be a string"),
        ("archive = \"\"\n", 1, "archive: is empty"),
        ("keys = \"j\"\n", 1, "keys: must be a table"),
        (
            "[keys]\ndown = \"j\"\njump = \"x\"\n",
            3,
            "keys.jump: unknown action",
        ),
        (
            "[keys]\n\ndown = \"ctl-d\"\n",
            3,
            "keys.down: \"ctl-d\" is not a key",
        ),
        (
            "[keys]\ndown = [\n  \"j\",\n  \"f13\",\n]\n",
            4,
            "\"f13\" is not a key",
        ),
        (
            "[keys]\ndown = 2\n",
            2,
            "keys.down: must be a key or a list of keys",
        ),
        (
            "[keys]\ndown = [\"j\", 2]\n",
            2,
            "keys.down: must be a key or a list",
        ),
        (
            "[keys]\nquit = []\n",
            2,
            "keys.quit: needs at least one key",
        ),
        (
            "[keys]\nquit = \"x\"\ndown = [\"j\", \"x\"]\n",
            3,
            "keys.down: x is already the key of keys.quit",
        ),
        ("[other]\nx = 1\n", 1, "other: unknown setting"),
        (
            "[keys.search]\nx = 'y'\n",
            1,
            "keys.search: must be a key or a list of keys, not a table",
        ),
        ("[keys.bogus_box]\n", 1, "keys.bogus_box: unknown action"),
        (
            "[keys.help_box]\n\nback = []\n",
            3,
            "keys.help_box.back: needs at least one key",
        ),
        (
            "[keys.search_box]\nwindow = 'x'\n",
            2,
            "keys.search_box.window: unknown action; the actions are enter, back",
        ),
        (
            "[keys.categories_box]\nchoose = 'x'\nback = 'x'\n",
            3,
            "keys.categories_box.back: x is already the key of keys.categories_box.choose",
        ),
        (
            "[keys.leaderboard_box]\nwindow = 7\n",
            2,
            "keys.leaderboard_box.window: must be a key or a list of keys, not a number",
        ),
    ];
    for (text, line, words) in cases {
        let e = error(text);
        assert_eq!(e.line, Some(*line), "{text:?}: {e}");
        assert!(e.message.contains(words), "{text:?}: {e}");
        assert_eq!(e.file, Path::new("/x/config.toml"));
        assert!(
            e.to_string()
                .starts_with(&format!("/x/config.toml:{line}: ")),
            "{e}"
        );
    }
    // Unknown actions are answered with the list of actions.
    assert!(error("[keys]\njump = 'x'").message.contains("next_day"));
    // ~ needs a home.
    let e = config::parse("archive = '~/b'", Path::new("c"), None).unwrap_err();
    assert!(e.message.contains("HOME"), "{e}");
}

#[test]
fn missing_files_are_fine_only_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    assert_eq!(
        config::load_file(&missing, false, None).unwrap(),
        Config::default()
    );
    let e = config::load_file(&missing, true, None).unwrap_err();
    assert_eq!(e.line, None);
    assert!(e.to_string().contains("nope.toml"), "{e}");
    // A folder, or a file that is not text, is an error either way.
    assert!(config::load_file(dir.path(), false, None).is_err());
    let bin = dir.path().join("bin.toml");
    std::fs::write(&bin, b"theme = \"\xff\"").unwrap();
    assert!(
        config::load_file(&bin, false, None)
            .unwrap_err()
            .message
            .contains("UTF-8")
    );
}

// ---------------------------------------------------------------------------------------------
// Through the binary (without a terminal: check, export, search and top read the config too)

#[test]
fn the_config_archive_is_used_by_every_command() {
    let posts = archive(3);
    let home = config_home(&format!("archive = {:?}\n", posts.path()));
    let o = run(home.path(), &["check"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "3 days, 3 papers, 0 tweets, 0 errors, 0 warnings\n"
    );
    let o = run(home.path(), &["export", "--format", "csv"], &[]);
    assert_eq!(stdout(&o).lines().count(), 4, "{}", stderr(&o));
    let o = run(home.path(), &["search", "Paper", "--json"], &[]);
    assert!(stdout(&o).contains("Paper of 2021-05-03"), "{}", stderr(&o));
    let o = run(home.path(), &["top", "--limit", "1"], &[]);
    assert!(stdout(&o).contains("Paper of 2021-05-"), "{}", stderr(&o));
}

#[test]
fn the_command_line_and_environment_come_before_the_config() {
    let from_config = archive(3);
    let from_env = archive(2);
    let from_flag = archive(1);
    let home = config_home(&format!("archive = {:?}\n", from_config.path()));
    let days = |o: Output| stdout(&o).split(' ').next().unwrap_or("").to_string();
    assert_eq!(days(run(home.path(), &["check"], &[])), "3");
    let env = [("HOTPAPERS_ARCHIVE", from_env.path())];
    assert_eq!(days(run(home.path(), &["check"], &env)), "2");
    let flag = from_flag.path().to_str().unwrap();
    assert_eq!(
        days(run(home.path(), &["check", "--archive", flag], &env)),
        "1"
    );
    let o = run(home.path(), &["search", "Paper", "--archive", flag], &env);
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    // No config at all: the bundled sample.
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(days(run(empty.path(), &["check"], &[])), "10");
}

#[test]
fn the_config_is_found_under_home_and_tilde_is_expanded() {
    let home = tempfile::tempdir().unwrap();
    let posts = home.path().join("blog");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::write(posts.join("2021-05-01.md"), post("2021-05-01", &["A", "B"])).unwrap();
    std::fs::create_dir_all(home.path().join(".config/hotpapers")).unwrap();
    std::fs::write(
        home.path().join(".config/hotpapers/config.toml"),
        "archive = \"~/blog\"\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .arg("check")
        .env_remove("HOTPAPERS_ARCHIVE")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(
        stdout(&o),
        "1 day, 2 papers, 0 tweets, 0 errors, 0 warnings\n",
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_archive_named_in_the_config_that_is_missing_names_the_config() {
    let home = config_home("archive = \"/no/such/blog\"\n");
    let o = run(home.path(), &["check"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("config.toml") && e.contains("/no/such/blog"),
        "{e}"
    );
}

#[test]
fn a_missing_default_config_says_nothing() {
    let home = tempfile::tempdir().unwrap();
    let o = run(home.path(), &["check"], &[]);
    assert_eq!(o.status.code(), Some(0));
    // Only that the built-in sample is read: there is no archive either.
    let notice = format!("hotpapers: {}\n", hotpapers::commands::SAMPLE_NOTICE);
    assert_eq!(stderr(&o), notice);
}

#[test]
fn bad_configs_exit_2_naming_file_line_and_setting() {
    let cases: &[(&str, &str)] = &[
        (
            "theme = \"dark\"\n\nmouse = yes\n",
            ":3: mouse: not valid TOML",
        ),
        (
            "mouse = true\ncolour = \"red\"\n",
            ":2: colour: unknown setting",
        ),
        (
            "[keys]\nnext_day = \"n\"\nteleport = \"t\"\n",
            ":3: keys.teleport: unknown action",
        ),
        (
            "[keys]\nnext_day = \"ctrl-\"\n",
            ":2: keys.next_day: \"ctrl-\" is not a key",
        ),
        ("theme = \"sepia\"\n", ":1: theme: \"sepia\" is not a theme"),
    ];
    for (text, want) in cases {
        let home = config_home(text);
        let file = home.path().join("hotpapers/config.toml");
        for args in [&["check"][..], &["export"], &["search", "x"], &["top"], &[]] {
            let o = run(home.path(), args, &[]);
            assert_eq!(
                o.status.code(),
                Some(2),
                "{args:?} {text:?}: {}",
                stderr(&o)
            );
            assert_eq!(stdout(&o), "");
            let e = stderr(&o);
            assert!(
                e.contains(&format!("{}{want}", file.display())),
                "{args:?} {text:?}: {e}"
            );
        }
    }
}

#[test]
fn config_flag_overrides_and_must_exist() {
    let posts = archive(2);
    let home = config_home("theme = \"sepia\"\n");
    let other = home.path().join("other.toml");
    std::fs::write(&other, format!("archive = {:?}\n", posts.path())).unwrap();
    let other = other.to_str().unwrap();
    // The default file is broken, but --config names another.
    for args in [
        &["check", "--config", other][..],
        &["--config", other, "check"],
        &["search", "Paper", "--config", other],
    ] {
        let o = run(home.path(), args, &[]);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    }
    let o = run(home.path(), &["check", "--config", other], &[]);
    assert!(stdout(&o).starts_with("2 days"), "{}", stdout(&o));

    let missing = home.path().join("missing.toml");
    let o = run(
        home.path(),
        &["check", "--config", missing.to_str().unwrap()],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("{}: no such config file", missing.display())),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------------------------------------
// Completions

#[test]
fn completions_for_bash_zsh_and_fish() {
    // A broken config does not stop them: they describe the command line only.
    let home = config_home("theme = 'sepia'");
    for shell in ["bash", "zsh", "fish"] {
        let o = run(home.path(), &["completions", shell], &[]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.len() > 500, "{shell}: {script}");
        for word in ["export", "completions", "since", "bibtex", "config"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let o = run(home.path(), &["completions", "tcsh"], &[]);
    assert_eq!(o.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// The reader

/// SGR sequences that set a foreground or background color (39 and 49, back to the
/// terminal's own, are no color).
#[cfg(unix)]
fn has_color(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(raw);
    text.split("\u{1b}[").skip(1).any(|seq| {
        let Some(end) = seq.find('m') else {
            return false;
        };
        let params = &seq[..end];
        params.chars().all(|c| c.is_ascii_digit() || c == ';')
            && params.split(';').any(|p| {
                matches!(
                    p.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            })
    })
}

#[cfg(unix)]
#[test]
fn keys_taken_from_other_commands_are_reported_once_at_start() {
    let posts = archive(2);
    let home = config_home(&format!(
        "archive = {:?}\n[keys]\nprev_day = [\"p\", \"ctrl-p\"]\n",
        posts.path()
    ));
    let mut cmd = pty::hotpapers::<&str>(&[]);
    cmd.env("XDG_CONFIG_HOME", home.path());
    let mut s = pty::Session::start(cmd, 120, 35);
    s.wait_text("p was open_pdf's; open_pdf now has no key");
    // It stays until a key, then the position line is back.
    s.send("j");
    s.wait_for("the notice gone", |screen| {
        !screen.contains("open_pdf now has no key")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_unreadable_read_after_is_said_at_start() {
    let posts = archive(2);
    let mut cmd = pty::hotpapers(&[posts.path()]);
    cmd.env("HOTPAPERS_READ_AFTER", "banana");
    let mut s = pty::Session::start(cmd, 120, 35);
    s.wait_text("HOTPAPERS_READ_AFTER=\"banana\" is not seconds or off");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_reader_uses_the_configs_archive_keys_theme_and_mouse() {
    let posts = archive(2);
    let home = config_home(&format!(
        "archive = {:?}\ntheme = \"none\"\nmouse = false\n\n[keys]\nclose = \"x\"\nquit = \"X\"\n",
        posts.path()
    ));
    let mut cmd = pty::hotpapers::<&str>(&[]);
    cmd.env("XDG_CONFIG_HOME", home.path());
    let mut s = pty::Session::start(cmd, 120, 35);
    s.wait_text("Paper of 2021-05-02");
    // The footer is drawn from the key table with the overrides.
    s.wait_text("x quit");
    s.send("q");
    s.send("?");
    // `q` did not quit: `?` opens the help.
    s.wait_text("╭ Keys");
    s.send("?");
    s.send("x");
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    let raw = s.raw();
    assert!(!has_color(&raw), "theme = \"none\" wrote colors");
    assert!(
        !pty::contains(&raw, b"\x1b[?1000h"),
        "mouse = false captured the mouse"
    );

    // The other way: colors and the mouse, and the default keys.
    let home = config_home(&format!(
        "archive = {:?}\ntheme = \"light\"\n",
        posts.path()
    ));
    let mut cmd = pty::hotpapers::<&str>(&[]);
    cmd.env("XDG_CONFIG_HOME", home.path());
    let mut s = pty::Session::start(cmd, 120, 35);
    s.wait_text("q quit");
    s.send("q");
    assert!(s.wait_exit().success());
    let raw = s.raw();
    assert!(has_color(&raw), "theme = \"light\" wrote no colors");
    assert!(
        pty::contains(&raw, b"\x1b[?1000h"),
        "the mouse was not captured"
    );
}

#[test]
fn the_readme_lists_every_action_in_order() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("**Config file.**")
        .nth(1)
        .expect("README has the config section");
    let text = section.replace('\n', " ");
    let mut at = 0;
    let reader = hotpapers::tui::bindings::defaults(Scope::Reader).map(|b| b.command.name());
    for name in reader {
        let quoted = format!("`{name}`");
        let found = text[at..]
            .find(&quoted)
            .unwrap_or_else(|| panic!("README's config section lacks {quoted} (after byte {at})"));
        at += found + quoted.len();
    }
}
