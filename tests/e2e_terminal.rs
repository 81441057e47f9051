//! End-to-end tests of the terminal: the real binary in a pseudo-terminal, checked by reading
//! the screen (a vt100 model of it) and the raw bytes written. Resizing, quitting and giving the
//! terminal back sane, signals (SIGTERM, SIGHUP, Ctrl-C, suspend and resume) and `NO_COLOR`.

#![cfg(unix)]

mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use e2e_support::{FRI, HIDE_CURSOR, arg, fixture, highlighted, locate, quit, start, start_cmd};
use pty::{
    COLS, ENTER_ALT, LEAVE_ALT, ROWS, SHOW_CURSOR, Session, contains, cooked, hotpapers, rfind,
    shell,
};

// ---------------------------------------------------------------------------------------------
// Fixture posts

/// The raw output shows the program left the alternate screen and showed the cursor again,
/// after it last entered / hid them.
fn assert_restored(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    let entered = rfind(raw, ENTER_ALT).expect("the reader never entered the alternate screen");
    let left = rfind(raw, LEAVE_ALT)
        .unwrap_or_else(|| panic!("the alternate screen was never left; output: {text:?}"));
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it; output: {text:?}"
    );
    let shown = rfind(raw, SHOW_CURSOR)
        .unwrap_or_else(|| panic!("the cursor was never shown again; output: {text:?}"));
    if let Some(hidden) = rfind(raw, HIDE_CURSOR) {
        assert!(
            shown > hidden,
            "the cursor was hidden again at the end; output: {text:?}"
        );
    }
}

#[test]
fn resizing_switches_layouts_without_crashing() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.wait_text("Days (3)");
    s.resize(60, 20);
    let screen = s.wait_for("the narrow layout", |t| {
        t.contains("Fri 2024-01-05 · 3 papers") && !t.contains("Days (")
    });
    assert!(!screen.contains("Paper 1"), "{screen}");
    s.resize(10, 3);
    s.wait_text("too small");
    s.resize(COLS, ROWS);
    s.wait_for("the wide layout again", |t| {
        t.contains("Days (3)") && t.contains(FRI[0].abstract_text)
    });
    quit(s);
}

#[test]
fn q_exits_0_and_gives_the_terminal_back() {
    let mut s = start(&[]);
    assert!(
        !cooked(&s.termios()),
        "the reader is running but the terminal is not in raw mode"
    );
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    assert_restored(&s.raw());
    assert!(!s.with_screen(|sc| sc.alternate_screen()));
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[test]
fn after_quitting_the_shell_finds_a_sane_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("stty.txt");
    let mut cmd = shell("\"$HOTPAPERS\"; echo \"status=$?\"; stty -a > \"$OUT\"");
    cmd.env("OUT", &out);
    let mut s = start_cmd(cmd);
    s.send("q");
    s.wait_text("status=0");
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    let stty = std::fs::read_to_string(&out).expect("stty output");
    let words: Vec<&str> = stty.split([' ', ';', '\n']).collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&flag),
            "{flag} is off after quitting:\n{stty}"
        );
    }
}

fn end_by_signal(sig: i32) {
    let mut s = start(&[]);
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), sig) }, 0);
    let status = s.wait_exit();
    assert!(
        status.exit_code() == 128 + sig as u32 || status.signal().is_some(),
        "unexpected status after signal {sig}: {status}"
    );
    assert!(!status.success());
    assert_restored(&s.raw());
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[test]
fn sigterm_ends_the_reader_and_restores_the_terminal() {
    end_by_signal(libc::SIGTERM);
}

#[test]
fn sighup_ends_the_reader_and_restores_the_terminal() {
    end_by_signal(libc::SIGHUP);
}

#[test]
fn ctrl_c_quits_with_0() {
    let mut s = start(&[]);
    s.send([0x03]);
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    assert_restored(&s.raw());
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    suspends_and_resumes(|s| s.send([0x1a]));
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_from_outside_suspends_like_ctrl_z() {
    // SAFETY: plain kill(2) on our own child.
    suspends_and_resumes(|s| assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGTSTP) }, 0));
}

/// Stops the reader with `stop`, checks the shell gets a sane terminal, continues it with
/// SIGCONT and checks it draws again and answers keys.
#[cfg(target_os = "linux")]
fn suspends_and_resumes(stop: impl FnOnce(&mut Session)) {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.wait_text(FRI[0].abstract_text);
    let before = s.raw().len();
    stop(&mut s);
    s.wait_raw("the alternate screen to be left", |raw| {
        contains(&raw[before..], LEAVE_ALT)
    });
    let end = std::time::Instant::now() + pty::DEADLINE;
    while pty::proc_state(s.pid()) != Some('T') {
        assert!(
            std::time::Instant::now() < end,
            "the reader did not stop; state {:?}",
            pty::proc_state(s.pid())
        );
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    assert!(cooked(&s.termios()), "suspended but still in raw mode");
    assert!(!s.with_screen(|sc| sc.alternate_screen()));
    let stopped = s.raw().len();
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGCONT) }, 0);
    s.wait_raw("the alternate screen to be entered again", |raw| {
        contains(&raw[stopped..], ENTER_ALT)
    });
    s.wait_until("the reader to be drawn again", |sc| {
        sc.alternate_screen() && sc.contents().contains(FRI[0].abstract_text)
    });
    assert!(!cooked(&s.termios()), "resumed without raw mode");
    // Still responsive.
    s.send("j");
    s.wait_text(FRI[1].abstract_text);
    quit(s);
}

/// Whether the main thread of `pid` is inside a write system call now; `None` when the system
/// does not tell.
#[cfg(target_os = "linux")]
fn main_thread_writing(pid: i32) -> Option<bool> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/syscall")).ok()?;
    let first = text.split_whitespace().next()?;
    // "running" when it is on a CPU outside any system call.
    Some(
        first
            .parse::<libc::c_long>()
            .is_ok_and(|nr| nr == libc::SYS_write || nr == libc::SYS_writev),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn sigterm_ends_the_reader_even_when_the_terminal_stops_reading() {
    let mut s = start(&[]);
    let pid = s.pid();
    // Stop reading and make the reader repaint until a write of its main thread blocks.
    s.pause_reading(true);
    let end = std::time::Instant::now() + pty::DEADLINE;
    let mut blocked = 0;
    let mut wide = true;
    while blocked < 5 {
        assert!(
            std::time::Instant::now() < end,
            "the reader never blocked writing"
        );
        let Some(writing) = main_thread_writing(pid) else {
            eprintln!("skipped: /proc/{pid}/task/{pid}/syscall cannot be read here");
            s.pause_reading(false);
            return;
        };
        if writing {
            blocked += 1;
        } else {
            blocked = 0;
            wide = !wide;
            if wide {
                s.resize(COLS, ROWS);
            } else {
                s.resize(COLS - 20, ROWS - 5);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = s.wait_process();
    assert!(
        status.exit_code() == 143 || status.signal().is_some(),
        "unexpected status: {status}"
    );
    s.pause_reading(false);
    s.wait_exit();
    assert!(cooked(&s.termios()), "raw mode was left on");
}

/// SGR sequences that set a foreground or background color (30–37, 38;…, 40–47, 90–97).
fn has_color(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(raw);
    text.split("\u{1b}[").skip(1).any(|seq| {
        let Some(end) = seq.find('m') else {
            return false;
        };
        let params = &seq[..end];
        params.chars().all(|c| c.is_ascii_digit() || c == ';')
            && params
                .split(';')
                .any(|p| matches!(p.parse::<u16>(), Ok(30..=49 | 90..=107)))
    })
}

#[test]
fn no_color_turns_colors_off_but_keeps_the_selection_visible() {
    let dir = fixture();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("NO_COLOR", "1");
    let s = start_cmd(cmd);
    s.wait_text(FRI[0].abstract_text);
    assert!(!has_color(&s.raw()), "colors written despite NO_COLOR");
    assert!(
        highlighted(&s, locate(&s, FRI[0].title)),
        "selection not visible without colors"
    );
    quit(s);

    let s = start(&[&arg(dir.path())]);
    s.wait_text(FRI[0].abstract_text);
    assert!(has_color(&s.raw()), "colors are used by default");
    quit(s);
}
