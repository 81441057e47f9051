//! Taking over the terminal and always giving it back: on quit, error, panic and signals.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
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

/// Raw mode, alternate screen, hidden cursor, and mouse capture if asked.
pub fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
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
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
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

pub fn new_terminal() -> io::Result<Term> {
    Terminal::new(CrosstermBackend::new(io::stdout()))
}
