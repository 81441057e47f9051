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
            .env(
                "XDG_CACHE_HOME",
                std::env::temp_dir().join("hotpapers-test-cache"),
            )
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

/// The reader on the fixture with its own state folder and `script` as `$VISUAL`, after `e`
/// on Friday's first paper. The folders go with it: bind them (`_bin`, not `..`) to keep them.
struct Editing {
    s: pty::Session,
    state: std::path::PathBuf,
    _bin: tempfile::TempDir,
    _dir: tempfile::TempDir,
}

fn edit_with(script: &str) -> Editing {
    let dir = fixture();
    let state = pty::fresh_state_dir();
    let bin = tempfile::tempdir().unwrap();
    let editor = bin.path().join("fake-editor");
    std::fs::write(&editor, script).unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("HOTPAPERS_STATE_DIR", &state);
    cmd.env("VISUAL", &editor);
    let mut s = start_cmd(cmd);
    s.wait_text(FRI[0].title);
    s.send("e");
    Editing {
        s,
        state,
        _bin: bin,
        _dir: dir,
    }
}

#[test]
fn e_hands_the_terminal_to_the_editor_and_keeps_what_it_wrote() {
    // An editor that logs what it was given, shows it had the terminal, and writes the note.
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("editor.log");
    let Editing {
        s,
        state,
        _bin,
        _dir,
    } = edit_with(&format!(
        "#!/bin/sh\necho \"$1\" >> '{}'\ncat \"$1\" >> '{}'\nprintf 'IN THE EDITOR' > /dev/tty\nsleep 0.3\nprintf 'Written in the editor.\\n' > \"$1\"\n",
        log.display(),
        log.display()
    ));
    s.wait_text("IN THE EDITOR");
    let screen = s.wait_text("✎ Written in the editor.");
    assert!(screen.contains("Note saved"), "{screen}");
    assert!(
        screen.contains(FRI[0].title),
        "the reader is back:\n{screen}"
    );
    // The editor got a file of its own; the note is in the state for the next start.
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("hotpapers-note-2401.00501"), "{logged}");
    quit(s);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(["state", "export"])
        .env("HOTPAPERS_STATE_DIR", &state)
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(json.contains("Written in the editor."), "{json}");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn equals_lists_similar_papers_and_enter_goes_to_one() {
    let dir = fixture();
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    s.wait_text("Days (3)");
    // The engine is built in the background after the load: until then `=` says so, and the
    // box opens once it is there.
    let mut screen = String::new();
    for _ in 0..50 {
        s.send("=");
        screen = s.wait_for("the similar box or word of it", |t| {
            t.contains("Similar to") || t.contains("Working out which papers")
        });
        if screen.contains("Similar to") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        screen.contains(&format!("Similar to {}", FRI[0].title)),
        "{screen}"
    );
    s.send("\r");
    let screen = s.wait_text("Similar paper 1 of");
    assert!(!screen.contains("Similar to"), "the box closed:\n{screen}");
    quit(s);
}

#[test]
fn a_ctrl_c_while_the_editor_has_the_terminal_is_the_editors() {
    // An editor that, as Ctrl-c in a cooked terminal would, sends SIGINT to its whole process
    // group (the reader too), survives it, and writes the note.
    let Editing {
        s,
        state,
        _bin,
        _dir,
    } = edit_with(
        "#!/bin/sh\ntrap '' INT\nkill -INT 0\nsleep 0.7\nprintf 'Kept after a Ctrl-c.\\n' > \"$1\"\n",
    );
    let screen = s.wait_text("✎ Kept after a Ctrl-c.");
    assert!(screen.contains("Note saved"), "{screen}");
    quit(s);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_ctrl_z_while_the_editor_has_the_terminal_stops_the_reader_with_it() {
    // An editor that, as Ctrl-z in it would, stops its whole process group, then, once
    // continued, writes the note.
    let Editing {
        s,
        state,
        _bin,
        _dir,
    } = edit_with("#!/bin/sh\nkill -TSTP 0\nprintf 'Written after fg.\\n' > \"$1\"\n");
    // The reader stops too, as a shell needs to take the terminal back.
    let pid = s.pid();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while pty::proc_state(pid) != Some('T') {
        assert!(
            std::time::Instant::now() < deadline,
            "the reader did not stop"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // `fg`: the whole group goes on, the editor writes, the reader keeps it, and it is not
    // stopped again afterwards by a Ctrl-z that was the editor's.
    unsafe {
        libc::kill(-pid, libc::SIGCONT);
    }
    let screen = s.wait_text("✎ Written after fg.");
    assert!(screen.contains("Note saved"), "{screen}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_ne!(
        pty::proc_state(pid),
        Some('T'),
        "stopped again after the editor"
    );
    quit(s);
    let _ = std::fs::remove_dir_all(&state);
}
