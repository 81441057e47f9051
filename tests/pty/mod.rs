//! A small harness for driving the real binary in a pseudo-terminal: a reader thread feeds
//! everything the program writes into a `vt100` screen (and keeps the raw bytes), and the
//! tests poll that screen with generous deadlines. Nothing here measures time: a deadline only
//! turns a hang into a readable failure.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

/// The size the tests start the reader at.
pub const COLS: u16 = 120;
pub const ROWS: u16 = 35;

/// What the reader writes to enter and leave the alternate screen and to show the cursor.
pub const ENTER_ALT: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// How long any single wait may take before the test fails (a loaded CI machine is slow).
pub const DEADLINE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(15);

/// A command line for the reader, with a predictable environment: no archive from the
/// environment, no browser, colors on, a known terminal type.
pub fn hotpapers<S: AsRef<OsStr>>(args: &[S]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hotpapers"));
    cmd.args(args);
    prepare(&mut cmd);
    cmd
}

/// A shell command line (`sh -c SCRIPT`) with the same environment as [`hotpapers`]; the
/// binary's path is in `$HOTPAPERS`.
pub fn shell(script: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", script]);
    prepare(&mut cmd);
    cmd.env("HOTPAPERS", env!("CARGO_BIN_EXE_hotpapers"));
    cmd
}

fn prepare(cmd: &mut CommandBuilder) {
    for var in ["HOTPAPERS_ARCHIVE", "BROWSER", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    // A reading state of its own, so no run resumes where another left off (and the user's
    // own state is never touched). Tests of lasting state set this to a folder they share.
    cmd.env("HOTPAPERS_STATE_DIR", fresh_state_dir());
    // Papers are not marked read by time, so two runs show the same screen however slowly the
    // machine goes; tests of that timer set their own.
    cmd.env("HOTPAPERS_READ_AFTER", "off");
    // Nor the user's cache: the tests' own (each archive has its entry there).
    cmd.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join("hotpapers-test-cache"),
    );
    // Nor does the developer's own config file change what a test sees.
    cmd.env(
        "XDG_CONFIG_HOME",
        std::env::temp_dir().join("hotpapers-test-no-config"),
    );
}

/// A new, not yet existing folder under the system's temporary folder.
pub fn fresh_state_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    // A process id comes again after a reboot or wrap-around, and a folder left by an earlier
    // run under it would resume that run's position: the time makes the name new, and a name
    // that is somehow taken is skipped.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    loop {
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "hotpapers-test-state-{}-{nanos}-{n}",
            std::process::id()
        ));
        if !dir.exists() {
            return dir;
        }
    }
}

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The reader saw the end of the output (every copy of the terminal's other side closed).
    ended: bool,
    /// Stop reading, like a terminal that hangs: the program's writes block once the
    /// terminal's buffer is full.
    paused: bool,
}

/// A program running in a pseudo-terminal.
pub struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
}

impl Session {
    /// Starts `cmd` in a new terminal of `cols`×`rows`.
    pub fn start(cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        // Our copy of the terminal side must go, or the reader never sees the end.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("pty reader");
        let writer = master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new(Output {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            ended: false,
            paused: false,
        }));
        let out = Arc::clone(&output);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let mut o = out.lock().unwrap();
                        o.parser.process(&buf[..n]);
                        o.raw.extend_from_slice(&buf[..n]);
                        while o.paused {
                            drop(o);
                            std::thread::sleep(POLL);
                            o = out.lock().unwrap();
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    // EIO: the program and everything that shared its terminal are gone.
                    Err(_) => break,
                }
            }
            out.lock().unwrap().ended = true;
        });
        Session {
            master,
            writer,
            child,
            output,
            reader: Some(reader),
            status: None,
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// The screen's text now, rows joined by newlines.
    pub fn screen(&self) -> String {
        self.output.lock().unwrap().parser.screen().contents()
    }

    /// Everything the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.output.lock().unwrap().raw.clone()
    }

    /// Runs `f` on the vt100 screen (for attributes, cursor, alternate screen...).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.output.lock().unwrap().parser.screen())
    }

    /// Waits until `pred` holds for the screen's text and returns that text; fails the test
    /// with the screen shown when it does not happen within the deadline.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_until(what, |s| pred(&s.contents()))
    }

    /// Waits until the screen contains `text`.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?} on the screen"), |s| s.contains(text))
    }

    /// Waits until `pred` holds for the vt100 screen.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) -> String {
        let end = Instant::now() + DEADLINE;
        loop {
            {
                let o = self.output.lock().unwrap();
                let screen = o.parser.screen();
                if pred(screen) {
                    return screen.contents();
                }
                if Instant::now() >= end {
                    panic!(
                        "timed out waiting for {what}; the screen is:\n{}\n(output ended: {})",
                        framed(&screen.contents()),
                        o.ended
                    );
                }
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `pred` holds for everything the program wrote so far.
    pub fn wait_raw(&self, what: &str, pred: impl Fn(&[u8]) -> bool) {
        let end = Instant::now() + DEADLINE;
        loop {
            {
                let o = self.output.lock().unwrap();
                if pred(&o.raw) {
                    return;
                }
                if Instant::now() >= end {
                    panic!(
                        "timed out waiting for {what}; the output so far:\n{:?}",
                        String::from_utf8_lossy(&o.raw)
                    );
                }
            }
            std::thread::sleep(POLL);
        }
    }

    /// Stops or restarts reading the program's output (after at most one more chunk).
    pub fn pause_reading(&self, paused: bool) {
        self.output.lock().unwrap().paused = paused;
    }

    /// Types `bytes` into the terminal.
    pub fn send(&mut self, bytes: impl AsRef<[u8]>) {
        self.writer
            .write_all(bytes.as_ref())
            .expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen model first, so whatever is drawn for the new size lands in it.
        self.output
            .lock()
            .unwrap()
            .parser
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The terminal's line discipline settings now (they outlive the program: the terminal is
    /// ours).
    pub fn termios(&self) -> libc::termios {
        let fd = self.master.as_raw_fd().expect("pty fd");
        // SAFETY: tcgetattr fills the struct, which is plain data, and `fd` is open.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(
                libc::tcgetattr(fd, &mut t),
                0,
                "tcgetattr: {}",
                std::io::Error::last_os_error()
            );
            t
        }
    }

    /// Waits for the program to end; returns its status.
    pub fn wait_process(&mut self) -> ExitStatus {
        if let Some(s) = &self.status {
            return s.clone();
        }
        let end = Instant::now() + DEADLINE;
        let status = loop {
            match self.child.try_wait().expect("try_wait") {
                Some(s) => break s,
                None if Instant::now() >= end => {
                    let screen = self.screen();
                    let _ = self.child.kill();
                    panic!(
                        "the program did not exit; the screen is:\n{}",
                        framed(&screen)
                    );
                }
                None => std::thread::sleep(POLL),
            }
        };
        self.status = Some(status.clone());
        status
    }

    /// Waits for the program to end, then for the last of its output; returns its status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let status = self.wait_process();
        // The output ends once nothing has the terminal open any more.
        let end = Instant::now() + DEADLINE;
        while !self.output.lock().unwrap().ended {
            if Instant::now() >= end {
                panic!("the program exited but its terminal stayed open");
            }
            std::thread::sleep(POLL);
        }
        if let Some(r) = self.reader.take() {
            r.join().expect("reader thread");
        }
        status
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn framed(screen: &str) -> String {
    screen
        .lines()
        .map(|l| format!("|{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where `needle` last occurs in `hay`.
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    rfind(hay, needle).is_some()
}

/// Writes an executable file.
pub fn write_script(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// Whether the terminal is in the state a shell expects: line editing and echo on.
pub fn cooked(t: &libc::termios) -> bool {
    t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
}

/// The last of the sequences crossterm's `DisableMouseCapture` writes.
pub const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

/// Checks that the reader in `s`, which has ended, gave the terminal back before it printed
/// `message`: the alternate screen left, the cursor shown and mouse capture off (each after it
/// last took the screen), the screen not taken again after, raw mode off.
pub fn assert_given_back_before(s: &Session, message: &[u8]) {
    let raw = s.raw();
    let text = String::from_utf8_lossy(&raw);
    let message = rfind(&raw, message).unwrap_or_else(|| {
        let what = String::from_utf8_lossy(message);
        panic!("no message {what:?}; output: {text:?}")
    });
    for (what, seq) in [
        ("the alternate screen left", LEAVE_ALT),
        ("the cursor shown", SHOW_CURSOR),
        ("mouse capture off", MOUSE_OFF),
    ] {
        let at = rfind(&raw[..message], seq)
            .unwrap_or_else(|| panic!("{what} not before the message; output: {text:?}"));
        assert!(
            rfind(&raw[..message], ENTER_ALT).is_none_or(|e| e < at),
            "{what} before the reader last took the screen; output: {text:?}"
        );
    }
    assert!(
        !contains(&raw[message..], ENTER_ALT),
        "the screen was taken again after the message"
    );
    assert!(!s.with_screen(|sc| sc.alternate_screen()));
    assert!(cooked(&s.termios()), "raw mode was left on");
}

/// The process state letter from /proc (`T` when stopped).
#[cfg(target_os = "linux")]
pub fn proc_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

/// Quits with `Q`, which quits from anywhere (`q` steps back first in the one-pane layout).
pub fn quit(mut s: Session) -> Session {
    s.send("Q");
    let status = s.wait_exit();
    assert!(status.success(), "Q should exit 0, got {status}");
    s
}

/// A browser stand-in for `$BROWSER`: a script that appends its argument to a log, then does
/// `then` (a shell command).
pub struct FakeBrowser {
    pub dir: TempDir,
    pub script: PathBuf,
    pub log: PathBuf,
}

impl FakeBrowser {
    pub fn new(then: &str) -> FakeBrowser {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("opened.log");
        let script = dir.path().join("browser.sh");
        write_script(
            &script,
            &format!(
                "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n{then}\n",
                log.to_str().expect("utf-8 temp path")
            ),
        );
        FakeBrowser { dir, script, log }
    }

    pub fn opened(&self) -> Vec<String> {
        match std::fs::read_to_string(&self.log) {
            Ok(s) => s.lines().map(str::to_string).collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("read the browser log: {e}"),
        }
    }
}
