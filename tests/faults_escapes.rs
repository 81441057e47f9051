//! Hostile posts (issue 7): no escape sequence from a post, raw or as an HTML entity, ever
//! reaches the terminal; nor (issue 16) from a config key, a path, an id or an argument quoted in
//! a message on stderr. The real binary runs in a pseudo-terminal like `tests/e2e_*.rs`, with
//! generous deadlines and no timing assertions: a deadline only turns a hang into a failure.

#![cfg(unix)]

mod binary;
#[allow(dead_code)] // not every shared helper is used here
mod faults_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use faults_support::{arg, folder, paper, post, quit, start_cmd, tweet};
use hotpapers::archive::text::is_forbidden;
use pty::{FakeBrowser, hotpapers};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Terminal safety

/// Escape sequences of every kind a post could try to send to the terminal: CSI (colors, clear
/// screen, leave the alternate screen), OSC 52 (write the clipboard), OSC 8 (a hyperlink), OSC
/// 0 (the window title), the C1 forms of CSI and OSC, bidi overrides, backspace and DEL.
const EVIL: &str = "\u{1b}[31m\u{1b}[2J\u{1b}[?1049l\u{1b}]52;c;aGVsbG8=\u{7}\
                    \u{1b}]8;;https://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\\
                    \u{1b}]0;pwned\u{7}\u{9b}31m\u{9d}0;t\u{9c}\u{202e}\u{2066}\u{8}\u{7f}";

/// The same, without `[` and `]` (which would end a Markdown link label): C1 CSI and OSC, full
/// reset, save and restore the cursor.
const EVIL_LABEL: &str = "\u{1b}c\u{9d}0;pwned\u{7}\u{9b}31m\u{202e}\u{1b}7\u{1b}8";

/// Character references for escapes, as a tweet's HTML may hold them.
const EVIL_ENTITIES: &str = "&#x1b;[31m &#155;31m &#27;]0;t&#7; &#x202e; &#8238; &#x9d;";

fn evil_archive() -> TempDir {
    let mut first = paper(
        "2402.00001",
        &format!("Evil {EVIL} Title {EVIL_ENTITIES}"),
        &format!("Evil abstract {EVIL} with {EVIL_ENTITIES} in it."),
    );
    first.authors = format!("Mallory {EVIL} Evil, Eve {EVIL_ENTITIES} Spy");
    first.categories = vec![format!("cs.LG{EVIL_LABEL}"), "stat.ML".into()];
    first.tweets = (1..=3)
        .map(|i| {
            tweet(
                &format!("Tweeter{i} {EVIL} {EVIL_ENTITIES}"),
                "mallory",
                &format!("https://twitter.com/mallory/status/{i}"),
                &format!("Tweet{i} {EVIL} {EVIL_ENTITIES}<br>second line of tweet{i}"),
            )
        })
        .collect();
    let mut second = paper("2402.00002", "Second Evil Paper", "Short.");
    // Links holding escapes: the loader strips the controls, and what is left is no URL.
    second.abs = "https://arxiv.org/abs/2402.00002\u{1b}]52;c;aGk=\u{7}".into();
    second.pdf = "https://arxiv.org/pdf/2402.00002\u{9b}31m".into();
    second.tweets = vec![tweet(
        "Second Tweeter",
        "eve",
        "https://twitter.com/eve/status/9\u{1b}]0;x\u{7}",
        "A tweet whose link holds an escape",
    )];
    let date = "2024-02-01";
    folder(&[(
        "2024-02-01-\u{1b}]0;file\u{7}\u{202e}.md",
        post(&format!("Hot Papers {date} {EVIL}"), date, &[first, second]),
    )])
}

/// What is wrong with `raw` as output of the reader: anything but text, newlines and the
/// reader's own CSI sequences. Returns one line per problem.
fn foreign_sequences(raw: &[u8]) -> Vec<String> {
    let text = match std::str::from_utf8(raw) {
        Ok(t) => t,
        Err(e) => return vec![format!("not UTF-8: {e}")],
    };
    let mut problems = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let context = || {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(20)
                .map_or(0, |(i, _)| i);
            let after: String = text[at..].chars().take(20).collect();
            format!("{:?}", format!("{}{after}", &text[from..at]))
        };
        if c == '\u{1b}' {
            match chars.next() {
                Some((_, '[')) => {
                    let mut seq = String::new();
                    let mut fin = None;
                    for (_, d) in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&d) {
                            fin = Some(d);
                            break;
                        }
                        seq.push(d);
                    }
                    let Some(fin) = fin else {
                        problems.push(format!("unterminated CSI at {}", context()));
                        continue;
                    };
                    if !csi_allowed(&seq, fin) {
                        problems.push(format!("unexpected CSI {seq:?}{fin} at {}", context()));
                    }
                }
                other => problems.push(format!(
                    "ESC followed by {:?} at {}",
                    other.map(|o| o.1),
                    context()
                )),
            }
        } else if c != '\n' && c != '\r' && (c.is_control() || is_forbidden(c)) {
            problems.push(format!("{c:?} at {}", context()));
        }
    }
    problems
}

/// The CSI sequences the reader writes itself (crossterm for ratatui): cursor position, colors
/// and attributes, clearing, and the private modes for the alternate screen, the cursor and
/// the mouse.
fn csi_allowed(params: &str, fin: char) -> bool {
    let numeric = |p: &str| {
        p.chars()
            .all(|c| c.is_ascii_digit() || c == ';' || c == ':')
    };
    match fin {
        'H' | 'm' | 'J' | 'K' => numeric(params),
        'h' | 'l' => matches!(
            params,
            "?1049" | "?25" | "?1000" | "?1002" | "?1003" | "?1015" | "?1006" | "?2004"
        ),
        _ => false,
    }
}

#[test]
fn foreign_sequence_check_catches_what_it_should() {
    assert!(foreign_sequences(b"plain \x1b[1;2H\x1b[38;5;3mtext\x1b[0m\x1b[?1049h\r\n").is_empty());
    for bad in [
        &b"\x1b]52;c;aGk=\x07"[..],
        b"\x1b]0;t\x1b\\",
        b"\xc2\x9b31m",
        b"\xe2\x80\xae",
        b"\x9b",
        b"\x1b[5n",
        b"a\x07",
        b"\x1bc",
        b"\x1b7",
    ] {
        assert!(!foreign_sequences(bad).is_empty(), "{bad:?}");
    }
}

#[test]
fn no_escape_sequence_from_a_post_reaches_the_terminal() {
    let dir = evil_archive();
    let browser = FakeBrowser::new("");
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    // Days list, paper list and the first paper.
    s.wait_for("the evil post", |t| {
        t.contains("Evil")
            && t.contains("Title")
            && t.contains("Mallory")
            && t.contains("2024-02-01")
    });
    // The status line: a refused link, an opened one, a refused copy, a refused tweet.
    s.send("j");
    s.wait_text("Second Evil Paper");
    s.send("o");
    s.wait_text("Refused to open the abs page");
    s.send("p");
    s.wait_text("Opened the pdf");
    s.send("y");
    s.wait_text("Refused to copy");
    s.send("t");
    s.wait_text("Refused to open the tweet");
    assert_eq!(browser.opened(), ["https://arxiv.org/pdf/2402.0000231m"]);
    // The first paper's detail, scrolled through its tweets.
    s.send("k");
    s.wait_text("Evil abstract");
    s.send("l");
    for i in 1..=3 {
        s.send("j".repeat(4));
        s.wait_text(&format!("second line of tweet{i}"));
    }
    s.send("G");
    s.wait_text("second line of tweet3");
    // The help.
    s.send("?");
    s.wait_text(" Keys ");
    s.send("\x1b");
    s.wait_for("the help to close", |t| !t.contains(" Keys "));
    // One pane at a time: the days list, the papers, the paper.
    s.resize(60, 20);
    s.wait_for("the narrow layout", |t| !t.contains("Days ("));
    s.send("\x1b\x1b");
    s.wait_text("2024-02-01");
    s.send("\r");
    s.send("\r");
    s.send("G");
    s.wait_text("tweet3");
    let s = quit(s);
    let problems = foreign_sequences(&s.raw());
    assert!(
        problems.is_empty(),
        "the reader wrote sequences it does not write itself:\n{}",
        problems.join("\n")
    );
    drop(browser);
}

// ---------------------------------------------------------------------------------------------
// Messages on stderr (issue 16)

/// OSC 0 (set the window title), as a config key, a path or an argument could hold it.
const TITLE: &str = "\u{1b}]0;pwned\u{7}";

/// Runs `args` with `config` as the config file; its stderr, which must name `TITLE` escaped
/// and hold no character that acts on a terminal.
fn message(config: &str, args: &[&str]) -> String {
    let env = binary::Env::new();
    let dir = env.config.path().join("hotpapers");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), config).unwrap();
    let o = env.run(args);
    assert!(!o.status.success(), "{args:?} succeeded");
    let err = binary::stderr(&o);
    assert!(!err.chars().any(is_forbidden), "{args:?}: {err:?}");
    assert!(err.contains("\\u{1b}]0;pwned\\u{7}"), "{args:?}: {err:?}");
    err
}

#[test]
fn a_config_key_or_action_with_an_escape_sequence_is_quoted_escaped() {
    // TOML's own escapes put the control characters in the key.
    let err = message("[keys]\n\"\\u001b]0;pwned\\u0007\" = \"x\"\n", &["check"]);
    assert!(err.contains("unknown action"), "{err}");
    let err = message(
        "[keys.\"\\u001b]0;pwned\\u0007\"]\nback = \"esc\"\n",
        &["check"],
    );
    assert!(err.contains("keys.\\u{1b}"), "{err}");
}

#[test]
fn an_archive_path_with_an_escape_sequence_is_quoted_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = tmp.path().join(format!("posts{TITLE}"));
    let path = hostile.to_str().unwrap();
    // From the command line, as an argument and with --archive, then from the config file.
    message("", &["check", path]);
    message("", &["export", "--archive", path]);
    let config = format!(
        "archive = \"{}\"\n",
        path.replace('\u{1b}', "\\u001b")
            .replace('\u{7}', "\\u0007")
    );
    let err = message(&config, &["top"]);
    assert!(err.contains("the archive set in"), "{err}");
}

#[test]
fn ids_tags_and_arguments_with_an_escape_sequence_are_quoted_escaped() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");
    let id = format!("2403.08150{TITLE}");
    message("", &["star", &id, "--archive", sample]);
    message(
        "",
        &[
            "tag",
            "2403.08150",
            &format!("a,{TITLE}"),
            "--archive",
            sample,
        ],
    );
    // clap's own errors quote the value too.
    message("", &["export", "--date", TITLE]);
}
