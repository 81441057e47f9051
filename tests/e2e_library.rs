//! End-to-end: tags and a note given on the command line show in the reader's paper pane, the
//! reading state shared through `HOTPAPERS_STATE_DIR`.

#![cfg(unix)]

#[allow(dead_code)] // the shared fixture's helpers this test does not need
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use e2e_support::{FRI, arg, fixture, quit, start_cmd};
use pty::hotpapers;

#[test]
fn tags_and_a_note_made_on_the_command_line_show_with_the_paper() {
    let dir = fixture();
    let state = pty::fresh_state_dir();
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hotpapers"))
            .args(args)
            .args(["--archive", dir.path().to_str().unwrap()])
            .env("HOTPAPERS_STATE_DIR", &state)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // Friday's first paper is the one the reader opens on.
    cli(&["tag", "2401.00501", "keys", "to read"]);
    cli(&[
        "note",
        "2401.00501",
        "-m",
        "Check the last pocket first.\nThen the door.",
    ]);
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("HOTPAPERS_STATE_DIR", &state);
    let s = start_cmd(cmd);
    let screen = s.wait_text("✎ Check the last pocket first.");
    assert!(screen.contains(FRI[0].title), "{screen}");
    assert!(screen.contains("# keys · to read"), "{screen}");
    assert!(screen.contains("│ Then the door."), "{screen}");
    quit(s);
    let _ = std::fs::remove_dir_all(&state);
}
