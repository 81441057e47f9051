//! Keeping the terminal in the reader's mode. A program the reader starts (a browser, or what
//! it leaves running after it has ended) runs in a session of its own, without a controlling
//! terminal, but it can still open the reader's terminal by its name (`/dev/pts/3`,
//! `/proc/<pid>/fd/0`) and turn raw mode off (`stty sane`): keys are then echoed and
//! line-buffered, and `q` is dead. So the mode `enter` sets is remembered, and the run loop
//! puts it back whenever it finds it changed: after a browser starts and ends, and every second
//! once one has been started (a program it left behind may wait before it strikes).

use std::sync::Mutex;

/// The terminal's mode as the reader set it (`terminal::enter`); none when standard input is
/// no terminal.
static MODE: Mutex<Option<libc::termios>> = Mutex::new(None);

/// Standard input's mode now, if it is a terminal.
fn now() -> Option<libc::termios> {
    // SAFETY: tcgetattr only writes the struct it is given, which is zeroed plain data.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    let ok = unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut t) } == 0;
    ok.then_some(t)
}

/// Remembers the mode the terminal is in as the reader's (once `terminal::enter` has set it).
pub fn remember() {
    *MODE.lock().unwrap_or_else(|e| e.into_inner()) = now();
}

/// Puts the reader's mode back if something changed it; whether it did (the screen is then to
/// be drawn again: what changed the mode may have written over it too). Only on the run loop's
/// thread, which is the one that gives the terminal away (to the editor, on Ctrl-Z, at the
/// end) and takes it back, so a terminal given away is never taken back from here.
pub fn keep() -> bool {
    let Some(saved) = *MODE.lock().unwrap_or_else(|e| e.into_inner()) else {
        return false;
    };
    if now().is_some_and(|t| same(&t, &saved)) {
        return false;
    }
    // SAFETY: tcsetattr reads the saved struct.
    unsafe {
        libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &saved);
    }
    true
}

/// Whether two terminal modes are the same in what a program can set: flags, control
/// characters and speeds.
fn same(a: &libc::termios, b: &libc::termios) -> bool {
    (a.c_iflag, a.c_oflag, a.c_cflag, a.c_lflag) == (b.c_iflag, b.c_oflag, b.c_cflag, b.c_lflag)
        && a.c_cc == b.c_cc
        // SAFETY: both read a plain struct.
        && unsafe { (libc::cfgetispeed(a), libc::cfgetospeed(a)) == (libc::cfgetispeed(b), libc::cfgetospeed(b)) }
}
