//! A terminal that says it is 65535×65535 (issue 16, item 6) made ratatui ask for 206 GB for
//! its screen buffers, and the failed allocation aborted the reader with the terminal left raw,
//! on the alternate screen, with mouse capture on. Now the reader draws the top-left
//! 1000×1000 and says so, and an allocation that fails anyway gives the terminal back before
//! Rust's message and abort. The real binary in a pseudo-terminal, like `tests/faults_*.rs`.

#![cfg(unix)]

#[allow(dead_code)] // not every shared helper is used here
mod faults_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use faults_support::{arg, folder, paper, post, quit, start_cmd};
use pty::{
    COLS, ENTER_ALT, LEAVE_ALT, ROWS, Session, assert_given_back_before, contains, cooked, rfind,
};

fn archive() -> tempfile::TempDir {
    let papers = [
        paper("2402.00031", "Giant Screens Considered", "An abstract."),
        paper("2402.00032", "Small Screens Preferred", "Another abstract."),
    ];
    folder(&[(
        "2024-02-01---Hot-Papers.md",
        post("Hot Papers 2024-02-01", "2024-02-01", &papers),
    )])
}

#[test]
fn a_giant_terminal_is_drawn_in_part_and_the_status_line_says_so() {
    let dir = archive();
    // The size is set from inside the terminal (TIOCSWINSZ by stty), so that the terminal
    // model here stays 120×35 while the reader is told 65535×65535.
    let cmd = pty::shell(&format!(
        "stty rows 65535 cols 65535 && exec \"$HOTPAPERS\" '{}'",
        arg(dir.path())
    ));
    let mut s = Session::start(cmd, COLS, ROWS);
    // Beside what the status line says anyway.
    s.wait_raw("the status line saying how much is drawn", |raw| {
        contains(raw, "terminal 65535×65535: drawing 1000×1000".as_bytes())
            && contains(raw, "paper 1 of 2".as_bytes())
    });
    // Still alive: at the model's size again all of the reader is drawn, a key moves, and
    // nothing says the terminal is big.
    s.resize(COLS, ROWS);
    // (The status line, drawn at row 999 so far, is in the model again only once the reader
    // has drawn at the new size: it says when the archive has been read.)
    s.wait_for("the reader at 120×35 again, fully loaded", |t| {
        let rows: Vec<&str> = t.lines().collect();
        rows.len() > 2 && rows[rows.len() - 2].contains("paper 1 of 2") && !t.contains("reading")
    });
    s.send("j");
    let screen = s.wait_text(" Paper 2 · ");
    assert!(!screen.contains("drawing 1000"), "{screen}");
    let s = quit(s);
    assert!(cooked(&s.termios()), "raw mode was left on");
    let raw = s.raw();
    let left = rfind(&raw, LEAVE_ALT).expect("the alternate screen left");
    assert!(rfind(&raw, ENTER_ALT).is_some_and(|e| e < left));
}

#[test]
fn a_failed_allocation_gives_the_terminal_back_before_the_abort() {
    let dir = archive();
    let mut cmd = pty::hotpapers(&[arg(dir.path())]);
    cmd.env("HOTPAPERS_TEST_PANIC", "alloc");
    let mut s = start_cmd(cmd);
    assert!(!cooked(&s.termios()), "running but not in raw mode");
    s.send("j");
    let status = s.wait_exit();
    assert!(!status.success(), "an abort is no success: {status}");
    assert_given_back_before(&s, b"memory allocation of");
}
