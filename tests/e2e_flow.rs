//! The reading flow in the real binary, in a pseudo-terminal: marking many and undoing it
//! across a restart, the search history across a restart, Space, and the mouse in a box.

#![cfg(unix)]

#[allow(dead_code)] // a few of the harness's helpers are used here
mod pty;
mod support;

use pty::{Session, hotpapers, quit};
use tempfile::TempDir;

/// Two days of three papers, with abstracts long enough to page through on a small screen.
fn archive() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (d, ids) in [("2024-02-05", [11, 12, 13]), ("2024-02-06", [21, 22, 23])] {
        let papers: Vec<(String, String)> = ids
            .iter()
            .map(|n| {
                (
                    format!("Flow Paper {n}"),
                    format!("https://arxiv.org/abs/2402.000{n}"),
                )
            })
            .collect();
        let refs: Vec<(&str, &str, &str)> = papers
            .iter()
            .map(|(t, a)| (t.as_str(), a.as_str(), ""))
            .collect();
        let text = support::post(d, &refs).replace(
            "so scrolling has something to do.",
            &"and it goes on at length about one thing after another. ".repeat(12),
        );
        std::fs::write(dir.path().join(format!("{d}---Hot-Papers.md")), text).unwrap();
    }
    dir
}

fn start(dir: &TempDir, state: &std::path::Path, cols: u16, rows: u16) -> Session {
    let mut cmd = hotpapers(&[dir.path()]);
    cmd.env("HOTPAPERS_STATE_DIR", state);
    let s = Session::start(cmd, cols, rows);
    // The whole archive read: a box opened before then closes when it arrives.
    s.wait_text("Days (2)");
    s
}

#[test]
fn marking_a_day_read_is_undone_after_a_restart() {
    let dir = archive();
    let state = tempfile::tempdir().unwrap();
    let mut s = start(&dir, state.path(), 120, 35);
    s.wait_text("2024-02-06 Tue     3/3");
    s.send("A");
    s.wait_text("2024-02-06 marked read (U undoes)");
    s.wait_text("2024-02-06 Tue       3");
    quit(s);
    let mut s = start(&dir, state.path(), 120, 35);
    s.wait_text("2024-02-06 Tue       3");
    s.send("U");
    s.wait_text("Undone: 3 papers unread again");
    s.wait_text("2024-02-06 Tue     3/3");
    quit(s);
}

#[test]
fn capital_c_asks_and_no_changes_nothing() {
    let dir = archive();
    let state = tempfile::tempdir().unwrap();
    let mut s = start(&dir, state.path(), 120, 35);
    s.send("C");
    s.wait_text("Mark 6 unread papers up to and including 2024-02-06 read?");
    s.send("n");
    s.wait_text("Nothing marked");
    s.send("C");
    s.wait_text("Mark 6 unread papers");
    s.send("y");
    s.wait_text("2024-02-05 Mon       3");
    quit(s);
}

#[test]
fn the_search_history_is_kept_across_a_restart() {
    let dir = archive();
    let state = tempfile::tempdir().unwrap();
    let mut s = start(&dir, state.path(), 120, 35);
    s.send("/");
    s.send("paper 12");
    s.wait_text("1 paper");
    s.send("\r");
    s.wait_text("Result 1 of 1");
    quit(s);
    let mut s = start(&dir, state.path(), 120, 35);
    s.send("/");
    // Offered again, and Enter runs it.
    s.wait_text("/ paper 12");
    s.send("\r");
    s.wait_text("Result 1 of 1");
    quit(s);
}

#[test]
fn space_reads_on_through_the_paper_and_to_the_next() {
    let dir = archive();
    let state = tempfile::tempdir().unwrap();
    let mut s = start(&dir, state.path(), 100, 20);
    s.wait_text(" 1. Flow Paper 21");
    s.send(" ");
    // The pane's position moves on from its first lines.
    s.wait_for("the paper paged", |t| !t.contains(" 1. Flow Paper 21"));
    // Page on, one Space at a time, until the paper's end gives way to the next paper.
    let mut next = false;
    for _ in 0..20 {
        s.send(" ");
        std::thread::sleep(std::time::Duration::from_millis(100));
        if s.screen().contains("Paper 2 · Tue 2024-02-06") {
            next = true;
            break;
        }
    }
    assert!(next, "Space never reached the next paper:\n{}", s.screen());
    quit(s);
}

#[test]
fn a_double_click_in_the_starred_list_goes_to_the_paper() {
    let dir = archive();
    let state = tempfile::tempdir().unwrap();
    let mut s = start(&dir, state.path(), 120, 35);
    s.send("j*");
    s.send("S");
    s.wait_text("Starred papers (1)");
    // Two left clicks (SGR mouse reports) on the list's first row: the box's inside starts
    // at the second row of the screen.
    for _ in 0..2 {
        s.send("\x1b[<0;10;2M\x1b[<0;10;2m");
    }
    s.wait_text("Starred paper 1 of 1");
    quit(s);
}
