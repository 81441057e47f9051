//! The watcher of the archive folder under faults (issue 16): the folder deleted and made again
//! (`rm -rf` and a fresh clone) is watched again once it is back; a folder in it that cannot be
//! read is named, and the rest is still watched. The real binary runs in a pseudo-terminal;
//! deadlines only turn a hang into a failure.

#![cfg(unix)]

#[allow(dead_code)] // the shared fixture's helpers these tests do not need
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;
#[allow(dead_code)]
mod unprivileged;

use std::path::Path;

use e2e_support::{FRI, TUE, WED, arg, paper, post, quit, start, start_cmd};

/// The fixture's three days, written into `dir`.
fn write_fixture(dir: &Path) {
    for (date, papers) in [
        ("2024-01-02", TUE),
        ("2024-01-03", WED),
        ("2024-01-05", FRI),
    ] {
        std::fs::write(
            dir.join(format!("{date}---Hot-Papers.md")),
            post(date, papers),
        )
        .unwrap();
    }
}

/// A post of a new day, Tuesday 2024-01-09, as a `git pull` would bring.
fn write_new_day(dir: &Path) {
    let papers = [paper(
        "Tuesday Census of Returning Folders",
        "https://arxiv.org/abs/2401.00901",
        "https://arxiv.org/pdf/2401.00901",
        "A folder deleted and cloned again is the same folder to its reader.",
    )];
    let text = post("2024-01-09", &papers);
    std::fs::write(dir.join("2024-01-09---Hot-Papers.md"), text).unwrap();
}

#[test]
fn an_archive_deleted_and_made_again_is_watched_again() {
    let dir = e2e_support::fixture();
    let s = start(&[&arg(dir.path())]);
    // Watched: a post added shows up.
    write_new_day(dir.path());
    s.wait_text("2024-01-09 Tue");
    std::fs::remove_dir_all(dir.path()).unwrap();
    s.wait_text("Reload failed");
    // A fresh clone: the folder again, its posts, then one more.
    std::fs::create_dir(dir.path()).unwrap();
    write_fixture(dir.path());
    s.wait_for("the archive read again", |t| {
        !t.contains("Reload failed") && !t.contains("2024-01-09 Tue")
    });
    write_new_day(dir.path());
    s.wait_text("2024-01-09 Tue");
    quit(s);
}

#[test]
fn a_folder_that_cannot_be_read_is_named_and_the_rest_is_still_watched() {
    let Some(who) = unprivileged::unprivileged("unreadable_folder_in_the_archive") else {
        return;
    };
    let dir = e2e_support::fixture();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    unprivileged::readable(dir.path());
    for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
        unprivileged::readable(&entry.path());
    }
    unprivileged::chmod(&locked, 0o000);
    if who.can_list(&locked) {
        eprintln!("SKIPPED: permissions do not stop reading here");
        return;
    }
    let s = start_cmd(who.reader(&[&arg(dir.path())]));
    s.wait_text("Not watching 1 folder of the archive for new posts: locked");
    write_new_day(dir.path());
    s.wait_text("2024-01-09 Tue");
    quit(s);
    unprivileged::chmod(&locked, 0o755);
}
