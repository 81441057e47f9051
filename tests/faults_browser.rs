//! Links that must never be opened and a browser misbehaving (issues 7 and 16): option-like,
//! script and look-alike links are refused without running the browser, a missing, failing or
//! hanging browser is reported without stopping the reader. The real binary runs in a
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
