//! Links that must never be opened and a browser misbehaving (issues 7 and 16): option-like,
//! script and look-alike links are refused without running the browser, a missing, failing or
//! hanging browser is reported without stopping the reader, and one that reaches for the
//! terminal can neither write to it nor leave its mode changed. The real binary runs in a
//! pseudo-terminal like `tests/e2e_*.rs`, with generous deadlines and no timing assertions.

#![cfg(unix)]

mod faults_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use faults_support::{arg, folder, paper, post, quit, start_cmd, tweet, wait_until};
use pty::{FakeBrowser, hotpapers};
use tempfile::TempDir;

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
// Look-alike hosts (issue 16): a host that mixes scripts is refused and named in ASCII; one in
// a single other script may be opened, and the status line, the link list and the browser all
// get its ASCII form.

/// `аrxiv.org` with a Cyrillic а (U+0430): it looks exactly like arxiv.org.
const LOOKALIKE: &str = "\u{430}rxiv.org";

#[test]
fn a_look_alike_host_is_refused_and_never_shown_as_the_site_it_imitates() {
    let mut fake = paper(
        "2402.00021",
        "A Paper With A Look-Alike Link",
        "Look-alike.",
    );
    fake.abs = format!("https://{LOOKALIKE}/abs/2402.00021");
    fake.pdf = format!("https://{LOOKALIKE}/pdf/2402.00021");
    // A host in one script, Cyrillic throughout: it may be opened, but shows in ASCII.
    let mut russian = paper("2402.00022", "A Paper With A Cyrillic Host", "Cyrillic.");
    russian.abs = "https://пример.рф/abs/2402.00022".into();
    let dir = folder(&[(
        "2024-02-04---Hot-Papers.md",
        post("Hot Papers 2024-02-04", "2024-02-04", &[fake, russian]),
    )]);
    let browser = FakeBrowser::new("");
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.wait_text("A Paper With A Look-Alike Link");
    s.send("o");
    s.wait_for("the look-alike refused by its ASCII name", |t| {
        t.contains("Refused to open the abs page") && t.contains("xn--rxiv-43d.org")
    });
    s.send("p");
    s.wait_text("Refused to open the pdf");
    // Its links are not in the list either: only what can be opened is offered.
    s.send("L");
    s.wait_text("Paper 1 has no links");
    s.send("j");
    s.wait_text("Cyrillic.");
    s.send("L");
    s.wait_text("https://xn--e1afmkfd.xn--p1ai/abs/2402.00022");
    s.send("\r");
    s.wait_text("Opened the link: https://xn--e1afmkfd.xn--p1ai/abs/2402.00022");
    assert_eq!(
        browser.opened(),
        ["https://xn--e1afmkfd.xn--p1ai/abs/2402.00022"],
        "the browser gets what the status line shows"
    );
    s.send("o");
    s.wait_text("Opened the abs page: https://xn--e1afmkfd.xn--p1ai/");
    let screen = s.screen();
    for shown_as_written in [LOOKALIKE, "пример.рф"] {
        assert!(!screen.contains(shown_as_written), "{screen}");
    }
    quit(s);
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
// The browser reaching for the terminal (issue 16)

/// Whether the terminal is still in the reader's raw mode: no line editing, no echo.
fn raw(s: &pty::Session) -> bool {
    let t = s.termios();
    t.c_lflag & (libc::ICANON | libc::ECHO) == 0
}

/// Opens the first paper's abs page with `browser` and waits until the reader says it opened
/// (when the browser exits, or at most a few seconds later).
fn open_with(browser: &FakeBrowser) -> (pty::Session, TempDir) {
    let dir = three_papers();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    assert!(raw(&s), "the reader starts in raw mode");
    s.send("o");
    s.wait_text("Opened the abs page");
    (s, dir)
}

/// Waits until the browser has run its script to the end (it touches `done` last).
fn finished(browser: &FakeBrowser) {
    let done = browser.dir.path().join("done");
    wait_until("the browser to finish its script", || done.exists());
}

#[test]
fn a_browser_cannot_write_to_the_terminal_or_change_its_mode() {
    // Through /dev/tty, as a browser or its launcher printing to "the terminal" would.
    let browser = FakeBrowser::new(
        "printf 'PWNED-BY-BROWSER' > /dev/tty\nstty sane < /dev/tty\ntouch \"$(dirname \"$0\")/done\"",
    );
    let (mut s, _dir) = open_with(&browser);
    assert_eq!(browser.opened(), ["https://arxiv.org/abs/2402.00011"]);
    assert!(
        !pty::contains(&s.raw(), b"PWNED"),
        "the browser wrote to the terminal"
    );
    // Stopped for touching the terminal from the background, it would never get this far.
    finished(&browser);
    // Nothing of it ever reached the terminal: not on the screen, not in what it was sent.
    assert!(!s.screen().contains("PWNED"), "{}", s.screen());
    assert!(!pty::contains(&s.raw(), b"PWNED"));
    assert!(raw(&s), "stty sane turned raw mode off");
    // Keys are keys, not echoed: j moves, and q-like letters still work.
    s.send("j");
    s.wait_text("The second abstract.");
    quit(s);
}

#[test]
fn a_browser_that_finds_the_terminal_by_name_is_undone() {
    // A program can still open the reader's terminal by its name (here through /proc): the
    // reader puts its mode back and draws the whole screen again once the browser has run.
    let browser = FakeBrowser::new(
        "tty=/proc/$PPID/fd/0\nprintf 'PWNED-BY-NAME' > $tty\nstty sane < $tty\ntouch \"$(dirname \"$0\")/done\"",
    );
    let (mut s, _dir) = open_with(&browser);
    finished(&browser);
    assert!(
        pty::contains(&s.raw(), b"PWNED-BY-NAME"),
        "the stand-in did reach the terminal"
    );
    wait_until("raw mode back", || raw(&s));
    s.wait_for("a repaint without the browser's text", |t| {
        !t.contains("PWNED") && t.contains("The first abstract.")
    });
    s.send("j");
    s.wait_text("The second abstract.");
    quit(s);
}

#[test]
fn what_a_browser_leaves_running_cannot_change_the_terminal_later() {
    // The browser ends at once, leaving behind a program that reaches the terminal by its name
    // when told to: after the reader has looked at the terminal's mode as the browser ended.
    let browser = FakeBrowser::new(
        "tty=/proc/$PPID/fd/0\ndir=\"$(dirname \"$0\")\"\n\
         ( while [ ! -e \"$dir/go\" ]; do sleep 0.1; done; stty sane < $tty; touch \"$dir/done\" ) \
         > /dev/null 2>&1 &",
    );
    let (mut s, _dir) = open_with(&browser);
    std::fs::write(browser.dir.path().join("go"), "").expect("write go");
    finished(&browser);
    wait_until("raw mode back", || raw(&s));
    s.send("j");
    s.wait_text("The second abstract.");
    quit(s);
}
