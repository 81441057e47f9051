//! Hostile posts and faults around the reader (issue 7): what a post may cost, escape sequences
//! that must never reach the terminal, links that must never be opened, and a browser, a
//! terminal or the program itself misbehaving.
//!
//! The end-to-end tests run the real binary in a pseudo-terminal like `tests/e2e.rs`, with
//! generous deadlines and no timing assertions: a deadline only turns a hang into a failure.

#![cfg(unix)]

#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hotpapers::archive::text::is_forbidden;
use hotpapers::archive::{MAX_LINE, Parsed, parse_post};
use hotpapers::display::latex::prettify;
use hotpapers::display::width::{truncate, width, wrap};
use pty::{
    COLS, ENTER_ALT, LEAVE_ALT, ROWS, SHOW_CURSOR, Session, contains, cooked, hotpapers, rfind,
    shell, write_script,
};
use tempfile::TempDir;

/// The last of the sequences crossterm's `DisableMouseCapture` writes.
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

// ---------------------------------------------------------------------------------------------
// Posts

struct Tweet {
    author: String,
    handle: String,
    url: String,
    text: String,
}

struct Paper {
    title: String,
    authors: String,
    abs: String,
    pdf: String,
    categories: Vec<String>,
    abstract_text: String,
    tweets: Vec<Tweet>,
}

/// A plain paper: invented names, arXiv links for `id`, one category, no tweets.
fn paper(id: &str, title: &str, abstract_text: &str) -> Paper {
    Paper {
        title: title.into(),
        authors: "Ada Fixture, Bo Example".into(),
        abs: format!("https://arxiv.org/abs/{id}"),
        pdf: format!("https://arxiv.org/pdf/{id}"),
        categories: vec!["cs.LG".into()],
        abstract_text: abstract_text.into(),
        tweets: Vec::new(),
    }
}

fn tweet(author: &str, handle: &str, url: &str, text: &str) -> Tweet {
    Tweet {
        author: author.into(),
        handle: handle.into(),
        url: url.into(),
        text: text.into(),
    }
}

/// One digest post in the blog's format; `title` is the front matter's, quoted for YAML.
fn post(title: &str, date: &str, papers: &[Paper]) -> String {
    let mut s = format!(
        "---\ntitle: '{title}'\ndate: {date}T09:00:00.Z\ntemplate: \"post\"\n\
         slug: \"hot-papers-{date}\"\n\n---\n\n"
    );
    for (i, p) in papers.iter().enumerate() {
        let rank = i + 1;
        let categories: Vec<String> = p
            .categories
            .iter()
            .map(|c| format!("[{c}](https://arxiv.org/list/cs.LG/recent)"))
            .collect();
        s.push_str(&format!(
            "\n# {rank}. {title}\n\n{authors}\n\n\
             - retweets: {rt}, favorites: {fav} (02/01/2024 09:00:00)\n\n\
             - links: [abs]({abs}) | [pdf]({pdf})\n\
             - {categories}\n\n{text}\n\n",
            title = p.title,
            authors = p.authors,
            rt = 100 / rank,
            fav = 300 / rank,
            abs = p.abs,
            pdf = p.pdf,
            categories = categories.join(" | "),
            text = p.abstract_text,
        ));
        for t in &p.tweets {
            s.push_str(&format!(
                "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{text}</p>\
                 &mdash; {author} (@{handle}) <a href=\"{url}?ref_src=twsrc%5Etfw\">February 1, \
                 2024</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" \
                 charset=\"utf-8\"></script>\n\n",
                text = t.text,
                author = t.author,
                handle = t.handle,
                url = t.url,
            ));
        }
        s.push_str("\n\n");
    }
    s
}

/// A folder holding the given files.
fn folder(files: &[(&str, String)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write post");
    }
    dir
}

fn arg(p: &Path) -> String {
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Starts the reader on `cmd` at `cols`×`rows` and waits for its first screen.
fn start_at(cmd: portable_pty::CommandBuilder, cols: u16, rows: u16, ready: &str) -> Session {
    let s = Session::start(cmd, cols, rows);
    s.wait_text(ready);
    s
}

fn start_cmd(cmd: portable_pty::CommandBuilder) -> Session {
    start_at(cmd, COLS, ROWS, "q quit")
}

/// Quits with `Q`, which quits from anywhere (`q` steps back first in the one-pane layout).
fn quit(mut s: Session) -> Session {
    s.send("Q");
    let status = s.wait_exit();
    assert!(status.success(), "Q should exit 0, got {status}");
    s
}

/// A browser stand-in for `$BROWSER`: a script that appends its argument to a log, then does
/// `then` (a shell command).
struct FakeBrowser {
    dir: TempDir,
    script: PathBuf,
    log: PathBuf,
}

impl FakeBrowser {
    fn new(then: &str) -> FakeBrowser {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("opened.log");
        let script = dir.path().join("browser.sh");
        write_script(
            &script,
            &format!(
                "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n{then}\n",
                log.to_str().expect("utf-8 temp path")
            ),
        );
        FakeBrowser { dir, script, log }
    }

    fn opened(&self) -> Vec<String> {
        match std::fs::read_to_string(&self.log) {
            Ok(s) => s.lines().map(str::to_string).collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("read the browser log: {e}"),
        }
    }
}

/// Polls `cond` until it holds; fails with `what` after the deadline.
fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let end = Instant::now() + pty::DEADLINE;
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(15));
    }
}

/// Waits until `s` shows exactly what a reader started afresh at the same size shows: the
/// proof that it was drawn completely and correctly at that size. (Both are polled: either
/// may still be finishing its own drawing.)
fn assert_draws_like_a_fresh_start(s: &Session, cmd: portable_pty::CommandBuilder) {
    let (rows, cols) = s.with_screen(|sc| sc.size());
    let fresh = start_at(cmd, cols, rows, "q quit");
    // Blank cells and cells holding a space look the same.
    let text = |s: &Session| {
        s.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let end = Instant::now() + pty::DEADLINE;
    loop {
        let (a, b) = (text(s), text(&fresh));
        if a == b {
            break;
        }
        assert!(
            Instant::now() < end,
            "the screen differs from a fresh start at {cols}x{rows}:\n{a}\n--- fresh ---\n{b}"
        );
        std::thread::sleep(Duration::from_millis(15));
    }
    quit(fresh);
}

// ---------------------------------------------------------------------------------------------
// Limits: megabyte-long lines

const MB: usize = 1 << 20;

/// Single-line posts of about a megabyte: one long heading, one long tweet, one long abstract,
/// and runs of the characters Markdown, HTML and LaTeX parsers are most often slow on.
fn megabyte_lines() -> Vec<(String, String)> {
    let head = "---\ntitle: Hot Papers 2020-01-02\n---\n\n";
    let paper_head = format!(
        "{head}# 1. T\n\nA, B\n\n- retweets: 1, favorites: 2\n- links: [abs](https://arxiv.org/abs/1)\n\n"
    );
    let run = |unit: &str| unit.repeat(MB / unit.len());
    let mut shapes = vec![
        (
            "long heading".to_string(),
            format!("{head}# 1. {}", run("word ")),
        ),
        (
            "long tweet".to_string(),
            format!(
                "{paper_head}<blockquote class=\"twitter-tweet\"><p lang=\"en\">{}</p>&mdash; A \
                 (@a) <a href=\"https://twitter.com/a/status/1\">D</a></blockquote>\n",
                run("tweet text ")
            ),
        ),
        (
            "long abstract".to_string(),
            format!("{paper_head}{}\n", run("abstract words ")),
        ),
    ];
    for unit in ["[", "<", "*", "$", "[a](", "\\mathrm{", "&#x1b;"] {
        shapes.push((format!("{unit:?} x 1 MB"), run(unit)));
        shapes.push((
            format!("{unit:?} x 1 MB as an abstract"),
            format!("{paper_head}{}\n", run(unit)),
        ));
    }
    shapes
}

fn all_fields(p: &Parsed) -> Vec<&str> {
    let Some(day) = &p.day else { return Vec::new() };
    let mut v = vec![day.title.as_str()];
    for p in &day.papers {
        v.extend([p.title.as_str(), p.abstract_text.as_str()]);
        v.extend(p.authors.iter().map(String::as_str));
        v.extend(p.categories.iter().map(String::as_str));
        for t in &p.tweets {
            v.extend([t.author.as_str(), t.text.as_str()]);
        }
    }
    v
}

#[test]
fn megabyte_long_lines_are_cut_to_the_line_limit_with_a_warning() {
    for (name, text) in megabyte_lines() {
        let t = Instant::now();
        let parsed = parse_post(Path::new("long.md"), "2020-01-02-long.md", text.as_bytes());
        eprintln!("parse_post, {name}: {:?}", t.elapsed());
        let warning = parsed
            .diagnostics
            .iter()
            .find(|d| d.message.contains("limit for a line"))
            .unwrap_or_else(|| panic!("{name}: no warning: {:?}", parsed.diagnostics));
        assert!(warning.line.is_some(), "{name}: {warning}");
        assert!(warning.message.contains("cut"), "{name}: {warning}");
        for field in all_fields(&parsed) {
            assert!(
                field.len() <= MAX_LINE,
                "{name}: a field of {}",
                field.len()
            );
        }
    }
}

#[test]
fn megabyte_long_lines_wrap_in_linear_time() {
    // The display path gets at most MAX_LINE bytes a field from the loader, but must not
    // depend on that to stay fast.
    for (name, text) in megabyte_lines() {
        let t = Instant::now();
        let pretty = prettify(&text);
        let lines = wrap(&pretty, 80);
        let cut = truncate(&pretty.replace('\n', " "), 80);
        eprintln!("prettify + wrap + truncate, {name}: {:?}", t.elapsed());
        assert!(lines.iter().all(|l| width(l) <= 80), "{name}");
        assert!(width(&cut) <= 80, "{name}");
    }
}

#[test]
fn a_megabyte_of_lines_under_the_limit_is_read_whole() {
    // Lines just under the limit: nothing is cut, and the parser still sees a megabyte.
    for unit in ["[", "<", "*", "$", "word "] {
        let line = unit.repeat((MAX_LINE - 1) / unit.len());
        let body = vec![line.as_str(); MB / MAX_LINE].join("\n");
        let text = format!("---\ntitle: Hot Papers 2020-01-02\n---\n\n# 1. T\n\nA, B\n\n{body}\n");
        let t = Instant::now();
        let parsed = parse_post(Path::new("big.md"), "big.md", text.as_bytes());
        eprintln!(
            "parse_post, {unit:?} in lines under the limit: {:?}",
            t.elapsed()
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("limit for a line")),
            "{unit:?}: {:?}",
            parsed.diagnostics
        );
        let day = parsed.day.expect("the post is read");
        assert!(day.papers[0].abstract_text.len() > MB / 2, "{unit:?}");
    }
}

#[test]
fn the_line_warning_names_the_first_long_line_and_counts_the_others() {
    let long = "x".repeat(MAX_LINE + 10);
    let text = format!(
        "---\ntitle: Hot Papers 2020-01-02\n---\n\n# 1. T\n\nA\n\n{long}\n\nshort\n\n{long}\n"
    );
    let parsed = parse_post(Path::new("p.md"), "p.md", text.as_bytes());
    let d = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.contains("limit for a line"))
        .expect("a warning");
    assert_eq!(d.line, Some(9), "{d}");
    assert!(
        d.message.contains(&format!("{} bytes", MAX_LINE + 10)),
        "{d}"
    );
    assert!(d.message.contains("and 1 more line"), "{d}");
    let abs = &parsed.day.expect("day").papers[0].abstract_text;
    assert_eq!(
        abs,
        &format!("{} short {}", &long[..MAX_LINE], &long[..MAX_LINE])
    );
    // A multi-byte character straddling the limit is dropped whole.
    let wide = format!("{}日本", "x".repeat(MAX_LINE - 1));
    let text = format!("---\ntitle: Hot Papers 2020-01-02\n---\n\n# 1. T\n\nA\n\n{wide}\n");
    let parsed = parse_post(Path::new("p.md"), "p.md", text.as_bytes());
    assert_eq!(
        parsed.day.expect("day").papers[0].abstract_text,
        "x".repeat(MAX_LINE - 1)
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions from fuzzing

/// latex_wrap found nothing in time, but measuring the 1 MB shapes did: `\mathrm{` nested a
/// hundred thousand deep made `prettify` copy each level's group again (memory growing with
/// the square of the length: over 20 GB for 1 MB) and recurse once a level.
#[test]
fn deeply_nested_latex_is_left_as_written() {
    let n = MB / 2 / "\\mathrm{".len();
    let deep = format!("${}x{}$", "\\mathrm{".repeat(n), "}".repeat(n));
    assert_eq!(prettify(&deep), deep);
    let deep = format!("$x{}2{}$", "^{".repeat(n), "}".repeat(n));
    assert_eq!(prettify(&deep), deep);
    assert_eq!(prettify("$\\mathrm{\\mathrm{x}}^{2}$"), "x²");
}

/// Found by the latex_wrap fuzzer: U+FE0F makes the character before it two columns wide, so
/// a long word broken char by char came out a column wider than the line.
#[test]
fn variation_selectors_never_make_a_line_too_wide() {
    let text = format!(
        "{}5\u{fe0f}be \u{2764}\u{fe0f}\u{2764}\u{fe0f}",
        "x".repeat(16)
    );
    for w in 2..=20 {
        for line in wrap(&text, w) {
            assert!(width(&line) <= w, "{line:?} is wider than {w}");
        }
        assert!(width(&truncate(&text, w)) <= w, "truncated to {w}");
    }
    assert_eq!(
        wrap(&text, 17),
        [
            "x".repeat(16),
            "5\u{fe0f}be \u{2764}\u{fe0f}\u{2764}\u{fe0f}".into()
        ]
    );
}

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
// Links

#[test]
fn option_like_and_script_links_are_refused_and_the_browser_never_runs() {
    let mut bad = paper(
        "2402.00003",
        "A Paper With Option Links",
        "Its links are options.",
    );
    bad.abs = "--help".into();
    bad.pdf = "-x".into();
    bad.tweets = vec![tweet("T", "t", "--version", "a tweet linking an option")];
    let mut script = paper(
        "2402.00004",
        "A Paper With Script Links",
        "Its links are scripts.",
    );
    script.abs = "javascript:alert(1)".into();
    script.pdf = "file:///etc/passwd".into();
    let dir = folder(&[(
        "2024-02-02---Hot-Papers.md",
        post("Hot Papers 2024-02-02", "2024-02-02", &[bad, script]),
    )]);
    let browser = FakeBrowser::new("");
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.wait_text("A Paper With Option Links");
    s.send("o");
    s.wait_for("the --help link refused", |t| {
        t.contains("Refused to open the abs page") && t.contains("absolute http")
    });
    s.send("p");
    s.wait_text("Refused to open the pdf");
    s.send("t");
    s.wait_text("Refused to open the tweet");
    s.send("j");
    s.wait_text("Its links are scripts.");
    s.send("o");
    s.wait_for("the javascript: link refused", |t| {
        t.contains("Refused to open the abs page") && t.contains("javascript:")
    });
    s.send("p");
    s.wait_for("the file: link refused", |t| {
        t.contains("Refused to open the pdf") && t.contains("file:")
    });
    quit(s);
    assert!(
        !browser.log.exists(),
        "the browser ran for {:?}",
        browser.opened()
    );
}

// ---------------------------------------------------------------------------------------------
// The browser misbehaving

fn three_papers() -> TempDir {
    let papers = [
        paper("2402.00011", "First Browser Paper", "The first abstract."),
        paper("2402.00012", "Second Browser Paper", "The second abstract."),
        paper("2402.00013", "Third Browser Paper", "The third abstract."),
    ];
    folder(&[(
        "2024-02-03---Hot-Papers.md",
        post("Hot Papers 2024-02-03", "2024-02-03", &papers),
    )])
}

#[test]
fn a_missing_browser_is_reported() {
    let dir = three_papers();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", "/nonexistent/browser");
    let mut s = start_cmd(cmd);
    s.send("o");
    s.wait_for("the failure", |t| {
        t.contains("Could not open https://arxiv.org/abs/2402.00011")
            && t.contains("no browser could be started (tried /nonexistent/browser)")
    });
    // Still responsive.
    s.send("j");
    s.wait_text("The second abstract.");
    quit(s);
}

#[test]
fn a_failing_browser_is_reported_with_its_status() {
    let dir = three_papers();
    let browser = FakeBrowser::new("exit 3");
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.send("o");
    s.wait_for("the failure", |t| {
        t.contains("Could not open https://arxiv.org/abs/2402.00011")
            && t.contains("browser.sh exited with status 3")
    });
    assert_eq!(browser.opened(), ["https://arxiv.org/abs/2402.00011"]);
    s.send("j");
    s.wait_text("The second abstract.");
    quit(s);
}

#[test]
fn a_hanging_browser_does_not_stop_the_reader() {
    let dir = three_papers();
    let browser = FakeBrowser::new("echo $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 30");
    let pid_file = browser.dir.path().join("pid");
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.send("o");
    s.wait_text("Opening the abs page");
    wait_until("the browser to start", || {
        std::fs::read_to_string(&pid_file).is_ok_and(|p| p.ends_with('\n'))
    });
    // Keys still move the selection while the browser hangs.
    s.send("j");
    s.wait_text("The second abstract.");
    s.send("j");
    s.wait_text("The third abstract.");
    s.send("k");
    s.wait_text("The second abstract.");
    quit(s);
    // The browser outlives the reader (it is the user's); end our stand-in.
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .expect("pid file")
        .trim()
        .parse()
        .expect("a pid");
    // SAFETY: plain kill(2) on the process our script started.
    unsafe {
        libc::kill(pid, libc::SIGTERM);
    }
}

// ---------------------------------------------------------------------------------------------
// Tiny terminals, resize storms and wide characters

/// Papers whose text puts wide characters (CJK, emoji, emoji with a variation selector) and
/// combining marks at every column, so that some land on each wrap edge at any width.
fn wide_archive() -> TempDir {
    let mut abstract_text = String::new();
    for i in 0..40 {
        abstract_text.push_str(&"a".repeat(i % 7));
        abstract_text.push_str(
            [
                "日本語",
                "🚀",
                "❤\u{fe0f}",
                "e\u{301}",
                "漢字テキスト",
                "👩‍💻",
            ][i % 6],
        );
        abstract_text.push(' ');
    }
    let mut p = paper(
        "2402.00021",
        "広い文字の論文 🚀 Wide Characters at Every Edge",
        &abstract_text,
    );
    p.authors = "山田 太郎, Zoë Ångström, Łukasz 🚀".into();
    p.tweets = vec![tweet(
        "絵文字 🎉",
        "wide",
        "https://twitter.com/wide/status/1",
        &abstract_text.replace(' ', "  "),
    )];
    let q = paper("2402.00022", "Second 第二 Paper", "短い abstract 🎉.");
    folder(&[(
        "2024-02-04---Hot-Papers.md",
        post("Hot Papers 2024-02-04", "2024-02-04", &[p, q]),
    )])
}

#[test]
fn a_10x3_terminal_works_and_grows_back() {
    let dir = wide_archive();
    let mut s = start_at(hotpapers(&[&arg(dir.path())]), 10, 3, "Terminal");
    for key in ["j", "l", "\r", "?", "\x1b", "G", "\t"] {
        s.send(key);
    }
    s.send("\x1b\x1b");
    s.wait_text("Terminal");
    s.resize(COLS, ROWS);
    s.wait_text("Days (1)");
    quit(s);
}

#[test]
fn a_resize_storm_leaves_a_correct_screen() {
    let dir = wide_archive();
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    let sizes = [
        (10, 3),
        (200, 60),
        (61, 19),
        (99, 30),
        (33, 8),
        (140, 40),
        (11, 4),
        (80, 24),
    ];
    // Keys whose end state does not depend on which of them land (top, and up at the top), so
    // the end can be compared with a fresh start. (A toggle such as `?` did not qualify: once in
    // about twenty loaded CI runs one press of a pair went missing in the storm, leaving the
    // help open; see the closing note of the session that changed this.)
    let keys = ["g", "k", "g", "k"];
    for i in 0..50 {
        let (w, h) = sizes[(i * 5 + i / 8) % sizes.len()];
        s.resize(w, h);
        s.send(keys[i % keys.len()]);
    }
    s.resize(99, 30);
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    // And at every width a wrap edge can fall on.
    for w in (20..=100).step_by(3) {
        s.resize(w, 30);
    }
    s.resize(61, 19);
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    quit(s);
}

// ---------------------------------------------------------------------------------------------
// The terminal going away

/// The reader in a pseudo-terminal whose master end this test holds alone, so that dropping it
/// really closes the terminal (the `Session` harness keeps a copy for its reader thread).
struct Bare {
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Vec<u8>,
}

impl Bare {
    fn start(cmd: portable_pty::CommandBuilder) -> Bare {
        let pair = portable_pty::native_pty_system()
            .openpty(portable_pty::PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pair.slave);
        Bare {
            master: pair.master,
            child,
            output: Vec::new(),
        }
    }

    /// Reads output until it contains `text`.
    fn wait_output(&mut self, text: &str) {
        let fd = self.master.as_raw_fd().expect("pty fd");
        let end = Instant::now() + pty::DEADLINE;
        while !contains(&self.output, text.as_bytes()) {
            assert!(
                Instant::now() < end,
                "timed out waiting for {text:?}; output: {:?}",
                String::from_utf8_lossy(&self.output)
            );
            let mut p = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: poll and read on our own open fd, into buffers that outlive the calls.
            unsafe {
                if libc::poll(&mut p, 1, 50) > 0 {
                    let mut buf = [0u8; 8192];
                    let n = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
                    if n > 0 {
                        self.output.extend_from_slice(&buf[..n as usize]);
                    }
                }
            }
        }
    }

    /// Closes the terminal and waits for the program to end.
    fn hang_up(self) -> portable_pty::ExitStatus {
        let Bare {
            master, mut child, ..
        } = self;
        drop(master);
        let end = Instant::now() + pty::DEADLINE;
        loop {
            if let Some(status) = child.try_wait().expect("try_wait") {
                return status;
            }
            if Instant::now() >= end {
                let _ = child.kill();
                panic!("the program still runs after its terminal was closed");
            }
            std::thread::sleep(Duration::from_millis(15));
        }
    }
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let mut b = Bare::start(hotpapers::<&str>(&[]));
    b.wait_output("by rank");
    let status = b.hang_up();
    assert!(
        status.exit_code() == 129 || status.signal().is_some(),
        "unexpected status: {status}"
    );
}

/// Only the session leader gets SIGHUP when a terminal closes. Here that is a shell that
/// ignores it, so the reader learns of it only from the terminal itself (where crossterm's
/// reader would spin for ever).
#[test]
fn closing_the_terminal_ends_the_reader_without_a_sighup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("status");
    let mut cmd = shell("trap '' HUP; \"$HOTPAPERS\"; echo $? > \"$OUT\"");
    cmd.env("OUT", &out);
    let mut b = Bare::start(cmd);
    b.wait_output("by rank");
    let status = b.hang_up();
    assert!(status.success(), "the shell: {status}");
    let code = std::fs::read_to_string(&out).expect("the reader's status");
    assert_eq!(code.trim(), "129", "the reader's status");
}

// ---------------------------------------------------------------------------------------------
// Suspend, resume, panic

#[cfg(target_os = "linux")]
#[test]
fn resized_while_suspended_it_redraws_at_the_new_size() {
    let dir = wide_archive();
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    s.wait_text("Wide Characters at Every Edge");
    let before = s.raw().len();
    s.send([0x1a]);
    s.wait_raw("the alternate screen to be left", |raw| {
        contains(&raw[before..], LEAVE_ALT)
    });
    wait_until("the reader to stop", || {
        pty::proc_state(s.pid()) == Some('T')
    });
    assert!(cooked(&s.termios()), "suspended but still in raw mode");
    s.resize(71, 22);
    let stopped = s.raw().len();
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGCONT) }, 0);
    s.wait_raw("the alternate screen to be entered again", |raw| {
        contains(&raw[stopped..], ENTER_ALT)
    });
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    assert!(!cooked(&s.termios()), "resumed without raw mode");
    quit(s);
}

#[test]
fn a_panic_gives_the_terminal_back_before_its_message() {
    let mut cmd = hotpapers::<&str>(&[]);
    cmd.env("HOTPAPERS_TEST_PANIC", "1");
    let mut s = start_cmd(cmd);
    assert!(!cooked(&s.termios()), "running but not in raw mode");
    s.send("j");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 101, "{status}");
    let raw = s.raw();
    let text = String::from_utf8_lossy(&raw);
    let message = rfind(&raw, b"HOTPAPERS_TEST_PANIC=1: panicking")
        .unwrap_or_else(|| panic!("no panic message; output: {text:?}"));
    for (what, seq) in [
        ("the alternate screen left", LEAVE_ALT),
        ("the cursor shown", SHOW_CURSOR),
        ("mouse capture off", MOUSE_OFF),
    ] {
        let at = rfind(&raw[..message], seq)
            .unwrap_or_else(|| panic!("{what} not before the message; output: {text:?}"));
        assert!(
            rfind(&raw[..message], ENTER_ALT).is_none_or(|e| e < at),
            "{what} before the reader last took the screen; output: {text:?}"
        );
    }
    assert!(
        !contains(&raw[message..], ENTER_ALT),
        "the screen was taken again after the message"
    );
    assert!(!s.with_screen(|sc| sc.alternate_screen()));
    assert!(cooked(&s.termios()), "raw mode was left on");
}
