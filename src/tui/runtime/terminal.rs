//! Taking over the terminal and always giving it back: on quit, error, panic and signals.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Whether the terminal is currently in our hands (so restore is done once, and only then).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor, bracketed paste (a paste arrives whole, not as
/// keys), and mouse capture if asked.
pub fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    )?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes `enter`. Safe to call any number of times, from a panic hook or a signal path.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// The last resort when the main thread does not answer a termination signal, typically
/// because it is blocked writing to a terminal that no longer reads (it then holds the stdout
/// lock, so `restore` would block too). Raw mode is turned off first, since that needs no
/// writing; the escape sequences are tried from another thread and waited for only briefly.
pub fn restore_without_blocking() {
    if !ACTIVE.load(Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        restore();
        let _ = done.send(());
    });
    let _ = wait.recv_timeout(std::time::Duration::from_millis(200));
}

/// Restores the terminal before the default panic message is printed, so the message is
/// readable and the shell is usable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Calls `gone` (once, from another thread) when the terminal goes away: its window closed, the
/// ssh connection dropped, the pty master closed.
///
/// SIGHUP normally says so, but the kernel sends it only to the session leader: run from a
/// script, or with SIGHUP ignored by the shell, the reader is not told. Its input thread cannot
/// notice either: crossterm 0.29 retries a read that fails with EIO (or returns end of file)
/// in a loop without ever returning, so it would spin on a core forever. poll(2) asked for no
/// events waits for nothing but a hang-up or an error on the terminal, so this thread costs
/// nothing until then.
pub fn watch_hangup(gone: impl FnOnce() + Send + 'static) {
    std::thread::spawn(move || {
        let mut fds = [libc::STDIN_FILENO, libc::STDOUT_FILENO].map(|fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        });
        loop {
            // SAFETY: poll only reads and writes the array, which outlives the call.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
            if n > 0 {
                // With no events asked for, only POLLHUP, POLLERR or POLLNVAL wake it.
                gone();
                return;
            }
            if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                return;
            }
        }
    });
}

/// Whether the terminal has hung up (or stdin/stdout are no longer open), without waiting.
pub fn hung_up() -> bool {
    let mut fds = [libc::STDIN_FILENO, libc::STDOUT_FILENO].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: as in `watch_hangup`.
    unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) > 0 }
}

/// A test hook, not a feature: with `HOTPAPERS_TEST_PANIC=1` in the environment the reader
/// panics at its first key press, so the end-to-end tests can check that a panic gives the
/// terminal back before its message is printed. Called by the run loop for every key.
pub fn test_panic_on_key() {
    static ARMED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ARMED.get_or_init(|| std::env::var_os("HOTPAPERS_TEST_PANIC").is_some_and(|v| v == "1")) {
        panic!("HOTPAPERS_TEST_PANIC=1: panicking at the first key press, as asked");
    }
}

/// The ratatui terminal, never dropped: `restore` gives the terminal back instead. Dropping a
/// ratatui `Terminal` shows the cursor and, when that fails because the terminal is gone,
/// prints with `eprintln!`, which panics on a closed terminal: a reader whose terminal hung up
/// ended with status 101 instead of 129.
pub fn new_terminal() -> io::Result<std::mem::ManuallyDrop<Term>> {
    Terminal::new(CrosstermBackend::new(io::stdout())).map(std::mem::ManuallyDrop::new)
}
