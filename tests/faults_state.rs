//! The reading state misbehaving under the running reader (issue 16): another program holding
//! the database's lock while stars are given, and at start; the reader killed while changes
//! wait; the state folder deleted under it; a state folder that cannot be written. The real
//! binary runs in a pseudo-terminal; deadlines only turn a hang into a failure.

#![cfg(unix)]

#[allow(dead_code)] // the shared fixture's helpers these tests do not need
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;
#[allow(dead_code)]
mod unprivileged;

use std::path::{Path, PathBuf};

use e2e_support::{FRI, arg, fixture, quit, start_cmd};
use hotpapers::state::{Store, testing};
use pty::{Session, hotpapers};
use tempfile::TempDir;

/// Friday's first paper, the one the reader opens on.
const FIRST: &str = "2401.00501";

/// A state folder with a database in it (the caller deletes it).
fn state_folder() -> PathBuf {
    let dir = pty::fresh_state_dir();
    Store::open(&dir).unwrap();
    dir
}

fn starred(state: &Path) -> Vec<String> {
    let (store, _) = Store::open(state).unwrap();
    let mut keys: Vec<String> = store
        .load()
        .unwrap()
        .starred
        .into_keys()
        .map(|k| k.as_str().to_string())
        .collect();
    keys.sort();
    keys
}

/// The reader on the fixture with the state folder `state`.
fn reader(archive: &TempDir, state: &Path) -> Session {
    let mut cmd = hotpapers(&[&arg(archive.path())]);
    cmd.env("HOTPAPERS_STATE_DIR", state);
    start_cmd(cmd)
}

/// The reader on the fixture with its own state folder, another program holding the
/// database's write lock, and a star given meanwhile, waiting to be saved.
fn star_while_held() -> (TempDir, PathBuf, Session, testing::Held) {
    let dir = fixture();
    let state = state_folder();
    let mut s = reader(&dir, &state);
    let held = testing::hold(&state.join("state.db"), false).unwrap();
    s.send("*");
    wait_starred(&s, FRI[0].title);
    s.wait_text(
        "Saving delayed: the state database is locked by another program; 1 change waiting",
    );
    (dir, state, s, held)
}

/// Waits until the row of `title` shows a star.
fn wait_starred(s: &Session, title: &str) {
    s.wait_for(&format!("a star on {title:?}"), |t| {
        t.lines().any(|l| l.contains(title) && l.contains('★'))
    });
}

#[test]
fn a_held_lock_delays_saving_without_holding_the_screen_and_the_star_is_saved_after() {
    let (_dir, state, mut s, held) = star_while_held();
    // Still answering while the lock is held.
    s.send("j");
    s.wait_text(FRI[1].abstract_text);
    drop(held);
    s.wait_text("Saved: the change that waited is in the reading state now");
    quit(s);
    assert_eq!(starred(&state), [FIRST]);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_holder_that_keeps_everyone_out_at_start_does_not_hold_the_first_frame() {
    let dir = fixture();
    let state = state_folder();
    {
        let (store, _) = Store::open(&state).unwrap();
        let second = hotpapers::archive::PaperKey::from_stored("2401.00502");
        store.set_starred(&second, true, 1).unwrap();
    }
    let held = testing::hold(&state.join("state.db"), true).unwrap();
    let mut s = reader(&dir, &state);
    s.wait_text("Reading state unavailable (the state database is locked by another program)");
    s.send("*");
    wait_starred(&s, FRI[0].title);
    s.wait_text(
        "Saving delayed: the state database is locked by another program; 1 change waiting",
    );
    drop(held);
    s.wait_text("Saved: the change that waited is in the reading state now");
    quit(s);
    assert_eq!(starred(&state), [FIRST, "2401.00502"]);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_star_waiting_when_the_reader_is_killed_is_shown_and_saved_at_the_next_start() {
    let (dir, state, mut s, held) = star_while_held();
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGKILL) }, 0);
    s.wait_exit();
    drop(held);
    let s = reader(&dir, &state);
    wait_starred(&s, FRI[0].title);
    quit(s);
    assert_eq!(starred(&state), [FIRST]);
    let journals = std::fs::read_dir(&state)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("journal-"))
        .count();
    assert_eq!(journals, 0, "the journal made is gone");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn quitting_while_the_lock_is_held_says_the_change_is_kept_for_the_next_start() {
    let (dir, state, s, held) = star_while_held();
    let s = quit(s);
    let out = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(
        out.contains("could not be saved yet; kept in") && out.contains("saved at the next start"),
        "{out:?}"
    );
    drop(held);
    let s = reader(&dir, &state);
    wait_starred(&s, FRI[0].title);
    quit(s);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_state_folder_deleted_while_reading_is_said_and_made_again() {
    let dir = fixture();
    let state = state_folder();
    let mut s = reader(&dir, &state);
    std::fs::remove_dir_all(&state).unwrap();
    s.wait_text("was deleted while the reader ran");
    s.send("*");
    wait_starred(&s, FRI[0].title);
    quit(s);
    assert_eq!(starred(&state), [FIRST]);
    let _ = std::fs::remove_dir_all(&state);
}

/// A state folder holding a star on Friday's first paper, that the user `who` cannot write.
fn read_only_state(who: &unprivileged::Unprivileged) -> Option<PathBuf> {
    let state = state_folder();
    {
        let (store, _) = Store::open(&state).unwrap();
        let key = hotpapers::archive::PaperKey::from_stored(FIRST);
        store.set_starred(&key, true, 1).unwrap();
    }
    unprivileged::chmod(&state.join("state.db"), 0o444);
    unprivileged::chmod(&state, 0o555);
    if who.can_write(&state) {
        eprintln!("SKIPPED: permissions do not stop writing here");
        return None;
    }
    Some(state)
}

/// Gives the folder back to be deleted.
fn writable_again(state: &Path) {
    unprivileged::chmod(state, 0o755);
    let _ = std::fs::remove_dir_all(state);
}

#[test]
fn a_read_only_state_folder_shows_its_stars_and_says_new_marks_are_not_saved() {
    let Some(who) = unprivileged::unprivileged("read_only_state_in_the_reader") else {
        return;
    };
    let dir = fixture();
    unprivileged::readable(dir.path());
    let Some(state) = read_only_state(&who) else {
        return;
    };
    let mut cmd = who.reader(&[&arg(dir.path())]);
    cmd.env("HOTPAPERS_STATE_DIR", &state);
    let mut s = start_cmd(cmd);
    wait_starred(&s, FRI[0].title);
    s.wait_text("Marks won't be saved: the reading state cannot be written");
    s.send("j*");
    s.wait_text("Not saved: the reading state cannot be written, and 1 change went unsaved");
    quit(s);
    assert_eq!(starred(&state), [FIRST], "nothing was written");
    writable_again(&state);
}

#[test]
fn export_starred_reads_a_read_only_state_folder() {
    let Some(who) = unprivileged::unprivileged("export_starred_read_only") else {
        return;
    };
    let dir = fixture();
    unprivileged::readable(dir.path());
    let Some(state) = read_only_state(&who) else {
        return;
    };
    let out = who
        .command(&[
            "export",
            "--starred",
            "--format",
            "json",
            "--archive",
            &arg(dir.path()),
        ])
        .env("HOTPAPERS_STATE_DIR", &state)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(FRI[0].title), "{stdout}");
    assert!(
        !stdout.contains(FRI[1].title),
        "only the starred paper: {stdout}"
    );
    writable_again(&state);
}
