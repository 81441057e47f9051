//! The terminal or the program itself misbehaving (issue 7): tiny terminals and resize storms
//! with wide characters, the terminal going away, a resize while suspended, and a panic giving
//! the terminal back first. The real binary runs in a pseudo-terminal like `tests/e2e_*.rs`,
//! with generous deadlines and no timing assertions: a deadline only turns a hang into a
//! failure.

#![cfg(unix)]

#[allow(dead_code)] // not every shared helper is used here
mod faults_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use std::time::{Duration, Instant};

use faults_support::{arg, folder, paper, post, quit, start_at, start_cmd, tweet, wait_until};
use pty::{
    COLS, ENTER_ALT, LEAVE_ALT, ROWS, Session, assert_given_back_before, contains, cooked,
    hotpapers, shell,
};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Posts

/// Waits until `s` shows exactly what a reader started afresh at the same size shows: the
/// proof that it was drawn completely and correctly at that size. (Both are polled: either
/// may still be finishing its own drawing.)
fn assert_draws_like_a_fresh_start(s: &Session, cmd: portable_pty::CommandBuilder) {
    let (rows, cols) = s.with_screen(|sc| sc.size());
    let fresh = start_at(cmd, cols, rows, "q quit");
    // Blank cells and cells holding a space look the same.
    let text = |s: &Session| {
        s.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let end = Instant::now() + pty::DEADLINE;
    loop {
        let (a, b) = (text(s), text(&fresh));
        if a == b {
            break;
        }
        assert!(
            Instant::now() < end,
            "the screen differs from a fresh start at {cols}x{rows}:\n{a}\n--- fresh ---\n{b}"
        );
        std::thread::sleep(Duration::from_millis(15));
    }
    quit(fresh);
}

// ---------------------------------------------------------------------------------------------
// Tiny terminals, resize storms and wide characters

/// Papers whose text puts wide characters (CJK, emoji, emoji with a variation selector) and
/// combining marks at every column, so that some land on each wrap edge at any width.
fn wide_archive() -> TempDir {
    let mut abstract_text = String::new();
    for i in 0..40 {
        abstract_text.push_str(&"a".repeat(i % 7));
        abstract_text.push_str(
            [
                "日本語",
                "🚀",
                "❤\u{fe0f}",
                "e\u{301}",
                "漢字テキスト",
                "👩‍💻",
            ][i % 6],
        );
        abstract_text.push(' ');
    }
    let mut p = paper(
        "2402.00021",
        "広い文字の論文 🚀 Wide Characters at Every Edge",
        &abstract_text,
    );
    p.authors = "山田 太郎, Zoë Ångström, Łukasz 🚀".into();
    p.tweets = vec![tweet(
        "絵文字 🎉",
        "wide",
        "https://twitter.com/wide/status/1",
        &abstract_text.replace(' ', "  "),
    )];
    let q = paper("2402.00022", "Second 第二 Paper", "短い abstract 🎉.");
    folder(&[(
        "2024-02-04---Hot-Papers.md",
        post("Hot Papers 2024-02-04", "2024-02-04", &[p, q]),
    )])
}

#[test]
fn a_10x3_terminal_works_and_grows_back() {
    let dir = wide_archive();
    let mut s = start_at(hotpapers(&[&arg(dir.path())]), 10, 3, "Terminal");
    for key in ["j", "l", "\r", "?", "\x1b", "G", "\t"] {
        s.send(key);
    }
    s.send("\x1b\x1b");
    s.wait_text("Terminal");
    s.resize(COLS, ROWS);
    s.wait_text("Days (1)");
    quit(s);
}

#[test]
fn a_resize_storm_leaves_a_correct_screen() {
    let dir = wide_archive();
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    let sizes = [
        (10, 3),
        (200, 60),
        (61, 19),
        (99, 30),
        (33, 8),
        (140, 40),
        (11, 4),
        (80, 24),
    ];
    // Keys whose end state does not depend on which of them land (top, and up at the top), so
    // the end can be compared with a fresh start. (A toggle such as `?` did not qualify: once in
    // about twenty loaded CI runs one press of a pair went missing in the storm, leaving the
    // help open; see the closing note of the session that changed this.)
    let keys = ["g", "k", "g", "k"];
    for i in 0..50 {
        let (w, h) = sizes[(i * 5 + i / 8) % sizes.len()];
        s.resize(w, h);
        s.send(keys[i % keys.len()]);
    }
    s.resize(99, 30);
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    // And at every width a wrap edge can fall on.
    for w in (20..=100).step_by(3) {
        s.resize(w, 30);
    }
    s.resize(61, 19);
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    quit(s);
}

/// About 20,000 SIGWINCH a second once left the reader repainting for seconds after: each was a
/// full repaint. Now a run of them is one, at the last size. And a key typed during the flood
/// was once left unread until the next one came (crossterm's mio event source handled a resize
/// and dropped the terminal's readiness reported with it; the poll(2) one reads the terminal
/// first): the keys here must all arrive, the last one alone. (The coalescing itself is
/// unit-tested in `messages`, where no timing comes into it.)
#[test]
fn a_flood_of_resizes_while_typing_is_one_repaint_and_the_next_key_is_answered() {
    // Plain text: what is compared is the repainting, not the measuring of wide characters.
    let dir = folder(&[(
        "2024-02-04---Hot-Papers.md",
        post(
            "Hot Papers 2024-02-04",
            "2024-02-04",
            &[
                paper("2402.00031", "First Plain Paper", &"word ".repeat(300)),
                paper("2402.00032", "Second Plain Paper", "Short."),
            ],
        ),
    )]);
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    // Keys whose end state does not depend on which of them land, as in the storm above.
    let keys = ["g", "k"];
    // Not reading what it draws holds the reader in a write meanwhile, so that every resize
    // is waiting for it once it can go on: as if they came faster than it could draw.
    s.pause_reading(true);
    for i in 0..20_000 {
        s.resize(if i % 2 == 0 { 100 } else { 101 }, 30 + (i % 3) as u16);
        if i % 500 == 0 {
            s.send(keys[(i / 500) % keys.len()]);
        }
    }
    s.pause_reading(false);
    // At a size that shows the paper pane beside the list.
    s.resize(COLS, ROWS);
    s.send("j");
    s.wait_text("Paper 2 ·");
    s.send("k");
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    quit(s);
}

/// `HOTPAPERS_READ_AFTER=1e308` panicked at start (no Duration holds it) and `1e19` once the
/// first paper came on screen (the deadline overflowed the clock): both are refused, said, and
/// the default kept.
#[test]
fn a_read_time_too_long_for_the_clock_is_refused_with_a_word_not_a_panic() {
    let dir = wide_archive();
    for big in ["1e308", "1e19"] {
        let mut cmd = hotpapers(&[&arg(dir.path())]);
        cmd.env("HOTPAPERS_READ_AFTER", big);
        let mut s = start_cmd(cmd);
        s.wait_text(&format!(
            "HOTPAPERS_READ_AFTER=\"{big}\" is more than 3600 s"
        ));
        s.send("jk");
        // The default second: the paper on screen is marked read.
        s.wait_text("2024-02-04 Sun     1/2");
        quit(s);
    }
}

// ---------------------------------------------------------------------------------------------
// The terminal going away

/// The reader in a pseudo-terminal whose master end this test holds alone, so that dropping it
/// really closes the terminal (the `Session` harness keeps a copy for its reader thread).
struct Bare {
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    output: Vec<u8>,
}

impl Bare {
    fn start(cmd: portable_pty::CommandBuilder) -> Bare {
        let pair = portable_pty::native_pty_system()
            .openpty(portable_pty::PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        drop(pair.slave);
        Bare {
            master: pair.master,
            child,
            output: Vec::new(),
        }
    }

    /// Reads output until it contains `text`.
    fn wait_output(&mut self, text: &str) {
        let fd = self.master.as_raw_fd().expect("pty fd");
        let end = Instant::now() + pty::DEADLINE;
        while !contains(&self.output, text.as_bytes()) {
            assert!(
                Instant::now() < end,
                "timed out waiting for {text:?}; output: {:?}",
                String::from_utf8_lossy(&self.output)
            );
            let mut p = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: poll and read on our own open fd, into buffers that outlive the calls.
            unsafe {
                if libc::poll(&mut p, 1, 50) > 0 {
                    let mut buf = [0u8; 8192];
                    let n = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
                    if n > 0 {
                        self.output.extend_from_slice(&buf[..n as usize]);
                    }
                }
            }
        }
    }

    /// Closes the terminal and waits for the program to end.
    fn hang_up(self) -> portable_pty::ExitStatus {
        let Bare {
            master, mut child, ..
        } = self;
        drop(master);
        let end = Instant::now() + pty::DEADLINE;
        loop {
            if let Some(status) = child.try_wait().expect("try_wait") {
                return status;
            }
            if Instant::now() >= end {
                let _ = child.kill();
                panic!("the program still runs after its terminal was closed");
            }
            std::thread::sleep(Duration::from_millis(15));
        }
    }
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let mut b = Bare::start(hotpapers::<&str>(&[]));
    b.wait_output("by rank");
    let status = b.hang_up();
    assert!(
        status.exit_code() == 129 || status.signal().is_some(),
        "unexpected status: {status}"
    );
}

/// Only the session leader gets SIGHUP when a terminal closes. Here that is a shell that
/// ignores it, so the reader learns of it only from the terminal itself (where crossterm's
/// reader would spin for ever).
#[test]
fn closing_the_terminal_ends_the_reader_without_a_sighup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("status");
    let mut cmd = shell("trap '' HUP; \"$HOTPAPERS\"; echo $? > \"$OUT\"");
    cmd.env("OUT", &out);
    let mut b = Bare::start(cmd);
    b.wait_output("by rank");
    let status = b.hang_up();
    assert!(status.success(), "the shell: {status}");
    let code = std::fs::read_to_string(&out).expect("the reader's status");
    assert_eq!(code.trim(), "129", "the reader's status");
}

// ---------------------------------------------------------------------------------------------
// Suspend, resume, panic

#[cfg(target_os = "linux")]
#[test]
fn resized_while_suspended_it_redraws_at_the_new_size() {
    let dir = wide_archive();
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    s.wait_text("Wide Characters at Every Edge");
    let before = s.raw().len();
    s.send([0x1a]);
    s.wait_raw("the alternate screen to be left", |raw| {
        contains(&raw[before..], LEAVE_ALT)
    });
    wait_until("the reader to stop", || {
        pty::proc_state(s.pid()) == Some('T')
    });
    assert!(cooked(&s.termios()), "suspended but still in raw mode");
    s.resize(71, 22);
    let stopped = s.raw().len();
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGCONT) }, 0);
    s.wait_raw("the alternate screen to be entered again", |raw| {
        contains(&raw[stopped..], ENTER_ALT)
    });
    assert_draws_like_a_fresh_start(&s, hotpapers(&[&arg(dir.path())]));
    assert!(!cooked(&s.termios()), "resumed without raw mode");
    quit(s);
}

#[test]
fn a_panic_gives_the_terminal_back_before_its_message() {
    let mut cmd = hotpapers::<&str>(&[]);
    cmd.env("HOTPAPERS_TEST_PANIC", "1");
    let mut s = start_cmd(cmd);
    assert!(!cooked(&s.termios()), "running but not in raw mode");
    s.send("j");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 101, "{status}");
    assert_given_back_before(&s, b"HOTPAPERS_TEST_PANIC=1: panicking");
}
