//! Taking over the terminal and always giving it back: on quit, error, panic, signals and a
//! failed allocation; and never drawing more of it than `MAX_SIDE` a side.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{self, Write};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};

use crate::tui::core::layout::MAX_SIDE;

/// The terminal the reader draws on: ratatui's, whose buffers are never bigger than
/// `MAX_SIDE` a side, whatever size the terminal says it is. ratatui keeps two buffers of the
/// whole screen at 48 bytes a cell: a terminal that said it was 65535×65535 made it ask for
/// 206 GB, and the failed allocation aborted the reader with the terminal left raw. The reader
/// lays out and draws the top-left `MAX_SIDE`×`MAX_SIDE` then, and its status line says so.
///
/// Everything of ratatui's `Terminal` is there (`draw`, `backend_mut`...), but `size`, which
/// is the terminal's real size (what the reader is told, to say what it leaves out), and
/// `resize`, which keeps to the cap.
pub struct Term(Terminal<Capped>);

impl Term {
    /// The terminal's size, as it says it.
    pub fn size(&self) -> io::Result<Size> {
        self.0.backend().0.size()
    }

    /// Makes the buffers fit `area`, cut to the cap, and clears the screen for a full repaint.
    pub fn resize(&mut self, area: Rect) -> io::Result<()> {
        let capped = cap(area.as_size());
        self.0
            .resize(Rect::new(area.x, area.y, capped.width, capped.height))
    }
}

impl Deref for Term {
    type Target = Terminal<Capped>;

    fn deref(&self) -> &Terminal<Capped> {
        &self.0
    }
}

impl DerefMut for Term {
    fn deref_mut(&mut self) -> &mut Terminal<Capped> {
        &mut self.0
    }
}

fn cap(s: Size) -> Size {
    Size::new(s.width.min(MAX_SIDE), s.height.min(MAX_SIDE))
}

/// crossterm's backend on stdout, saying the terminal is at most `MAX_SIDE` a side: ratatui
/// sizes its buffers by what the backend says before every frame.
pub struct Capped(CrosstermBackend<io::Stdout>);

impl Backend for Capped {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        super::wide_cells::draw(&mut self.0, content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size().map(cap)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let mut w = self.0.window_size()?;
        w.columns_rows = cap(w.columns_rows);
        Ok(w)
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

/// For what the reader writes itself (an OSC 52 copy).
impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.0)
    }
}

/// Whether the terminal is currently in our hands (so restore is done once, and only then).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor, bracketed paste (a paste arrives whole, not as
/// keys), and mouse capture if asked.
pub fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    super::tty_mode::remember();
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

/// The system's allocator, which gives the terminal back when an allocation fails. Rust then
/// prints "memory allocation of N bytes failed" and aborts, which no hook can stop or follow
/// on stable Rust (`std::alloc::set_alloc_error_hook` is unstable) and which no panic hook
/// sees: the terminal stayed raw, on the alternate screen, with mouse capture on. So the
/// allocator itself restores it the moment one fails, with what needs no allocating: the
/// escape sequences written straight to the terminal and raw mode turned off. What the reader
/// allocates in proportion to sizes it is told (the screen) is capped as well (`Term`), so
/// this is the last resort, not the way a big terminal ends. (Nothing in the program asks for
/// memory it can do without, `try_reserve`, where a failure is not the end.)
pub struct RestoringAllocator;

// SAFETY: every call is passed to the system allocator as it is; only a null answer adds a
// call that allocates nothing.
unsafe impl GlobalAlloc for RestoringAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is `GlobalAlloc::alloc`'s, passed on.
        restored_if_null(unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        restored_if_null(unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc`.
        restored_if_null(unsafe { System.realloc(ptr, layout, new_size) })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `alloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: RestoringAllocator = RestoringAllocator;

fn restored_if_null(p: *mut u8) -> *mut u8 {
    if p.is_null() {
        restore_without_allocating();
    }
    p
}

/// `restore` for when memory ran out: no `Stdout` (its lock may be held by the thread whose
/// allocation failed, and its buffer may need to grow), only `write(2)` of fixed bytes.
fn restore_without_allocating() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let write = |bytes: &[u8]| {
        // SAFETY: writes from a live buffer of that length to a file descriptor.
        unsafe { libc::write(libc::STDOUT_FILENO, bytes.as_ptr().cast(), bytes.len()) };
    };
    if MOUSE.load(Ordering::SeqCst) {
        // What crossterm's DisableMouseCapture writes.
        write(b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l");
    }
    // Bracketed paste off, the alternate screen left, the cursor shown.
    write(b"\x1b[?2004l\x1b[?1049l\x1b[?25h");
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
/// panics at its first key press, and with `HOTPAPERS_TEST_PANIC=alloc` an allocation fails
/// there (and Rust aborts), so the end-to-end tests can check that both give the terminal back
/// before their message is printed. Called by the run loop for every key.
pub fn test_panic_on_key() {
    static ARMED: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let armed = ARMED.get_or_init(|| {
        std::env::var("HOTPAPERS_TEST_PANIC")
            .ok()
            .filter(|v| v == "1" || v == "alloc")
    });
    match armed.as_deref() {
        Some("alloc") => {
            // More than any machine has: the system allocator says no at once.
            let layout = Layout::from_size_align(1 << 60, 1).expect("a valid layout");
            // SAFETY: a layout of non-zero size; a pointer it returned would be freed.
            let p = unsafe { std::alloc::alloc(layout) };
            if p.is_null() {
                std::alloc::handle_alloc_error(layout);
            }
            // SAFETY: allocated just above with this layout.
            unsafe { std::alloc::dealloc(p, layout) };
        }
        Some(_) => panic!("HOTPAPERS_TEST_PANIC=1: panicking at the first key press, as asked"),
        None => {}
    }
}

/// The ratatui terminal, never dropped: `restore` gives the terminal back instead. Dropping a
/// ratatui `Terminal` shows the cursor and, when that fails because the terminal is gone,
/// prints with `eprintln!`, which panics on a closed terminal: a reader whose terminal hung up
/// ended with status 101 instead of 129.
pub fn new_terminal() -> io::Result<std::mem::ManuallyDrop<Term>> {
    Terminal::new(Capped(CrosstermBackend::new(io::stdout())))
        .map(|t| std::mem::ManuallyDrop::new(Term(t)))
}
