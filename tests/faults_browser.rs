//! Links that must never be opened and a browser misbehaving (issue 7): option-like and script
//! links are refused without running the browser, and a missing, failing or hanging browser is
//! reported without stopping the reader. The real binary runs in a pseudo-terminal like
//! `tests/e2e_*.rs`, with generous deadlines and no timing assertions.

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
