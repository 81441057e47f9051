//! The terminal reader: state (`app`), actions from keys (`keymap`), the pure `update`, the
//! widgets (`ui`), and the run loop here, which is the only part that does I/O.

pub mod action;
pub mod app;
mod browser;
pub mod detail;
pub mod keymap;
pub mod layout;
mod overlays;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

use action::{Action, Effect};
use app::App;

/// Options for a reader session.
pub struct Options {
    pub mouse: bool,
}

enum Msg {
    Input(Event),
    InputGone,
    Signal(i32),
    Browser(String, bool),
    Index(app::IndexHandle),
}

/// Runs the reader until the user quits. Returns the process exit code.
pub fn run(mut app: App, opts: Options) -> anyhow::Result<i32> {
    terminal::install_panic_hook();
    let (tx, rx) = mpsc::channel::<Msg>();
    spawn_signal_thread(tx.clone())?;
    if let Err(e) = terminal::enter(opts.mouse) {
        // It may have got halfway (raw mode on, screen not switched).
        terminal::restore();
        return Err(e.into());
    }
    let result = event_loop(&mut app, &opts, tx, rx);
    terminal::restore();
    result
}

fn event_loop(
    app: &mut App,
    opts: &Options,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
) -> anyhow::Result<i32> {
    let mut term = terminal::new_terminal()?;
    let size = term.size()?;
    update::update(app, Action::Resize(size.width, size.height));
    spawn_input_thread(tx.clone());
    spawn_indexer(app, tx.clone());
    let mut dirty = true;
    loop {
        // Draw only after something happened: an idle reader costs no CPU.
        if dirty {
            term.draw(|f| ui::draw(f, app))?;
            dirty = false;
        }
        let msg = match rx.recv() {
            Ok(m) => m,
            Err(_) => return Ok(0),
        };
        let action = match msg {
            Msg::Input(ev) => match ev {
                Event::Key(k) => keymap::action_for(app.mode(), k),
                Event::Mouse(m) if opts.mouse => match m.kind {
                    MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                        col: m.column,
                        row: m.row,
                    }),
                    MouseEventKind::ScrollDown => Some(Action::Wheel {
                        col: m.column,
                        row: m.row,
                        down: true,
                    }),
                    MouseEventKind::ScrollUp => Some(Action::Wheel {
                        col: m.column,
                        row: m.row,
                        down: false,
                    }),
                    _ => None,
                },
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            },
            Msg::InputGone => return Ok(1),
            Msg::Signal(SIGTSTP) => Some(Action::Suspend),
            Msg::Signal(SIGCONT) | Msg::Signal(SIGWINCH) => {
                let (w, h) = repaint(&mut term)?;
                Some(Action::Resize(w, h))
            }
            Msg::Signal(sig) => return Ok(128 + sig),
            Msg::Browser(text, error) => Some(Action::Status { text, error }),
            Msg::Index(index) => Some(Action::IndexReady(index)),
        };
        let Some(action) = action else { continue };
        dirty = true;
        match update::update(app, action) {
            Some(Effect::OpenUrl { what, url }) => {
                app.set_status(format!("Opening the {what}: {url}"));
                let tx = tx.clone();
                browser::open(what, url, move |text, error| {
                    let _ = tx.send(Msg::Browser(text, error));
                });
            }
            Some(Effect::Suspend) => {
                suspend(opts)?;
                let (w, h) = repaint(&mut term)?;
                update::update(app, Action::Resize(w, h));
            }
            None => {}
        }
        if app.quit {
            return Ok(0);
        }
    }
}

/// Clears the screen and makes the next draw repaint everything, at the terminal's current size,
/// which it returns.
///
/// Not `Terminal::clear`: in ratatui 0.30 that first asks the terminal where the cursor is, and
/// the answer cannot be read while the input thread is blocked in `event::read` (which holds
/// crossterm's event reader), so it failed after 2 s and the program quit with an error on
/// every resize and every resume from Ctrl-Z. `Terminal::resize` of a full-screen terminal
/// clears without asking.
fn repaint(term: &mut terminal::Term) -> std::io::Result<(u16, u16)> {
    let s = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, s.width, s.height))?;
    Ok((s.width, s.height))
}

/// Gives the terminal back, stops the process, and takes the terminal again once continued.
fn suspend(opts: &Options) -> anyhow::Result<()> {
    terminal::restore();
    // SIGSTOP cannot be caught, so the process really stops here until `fg` sends SIGCONT.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    terminal::enter(opts.mouse)?;
    Ok(())
}

/// Builds the search index off the UI thread; the reader answers keys meanwhile.
fn spawn_indexer(app: &App, tx: Sender<Msg>) {
    let archive = std::sync::Arc::clone(&app.archive);
    std::thread::spawn(move || {
        let index = crate::search::SearchIndex::build(&archive);
        let _ = tx.send(Msg::Index(app::IndexHandle(std::sync::Arc::new(index))));
    });
}

fn spawn_input_thread(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let mut failures = 0u32;
        loop {
            match event::read() {
                Ok(ev) => {
                    failures = 0;
                    if tx.send(Msg::Input(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    // The terminal is gone (hang-up): reading would fail forever, so end.
                    failures += 1;
                    if failures > 3 {
                        let _ = tx.send(Msg::InputGone);
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    });
}

fn spawn_signal_thread(tx: Sender<Msg>) -> anyhow::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if matches!(sig, SIGTERM | SIGINT | SIGHUP) {
                // The loop normally ends at once and `run` restores the terminal. (Restoring
                // here first could race with a frame being drawn, which would then land on the
                // shell's screen.)
                let _ = tx.send(Msg::Signal(sig));
                std::thread::sleep(Duration::from_millis(500));
                // Still running: the loop is stuck, e.g. writing to a terminal that no longer
                // reads. Give back what can be given without blocking, and end anyway.
                terminal::restore_without_blocking();
                std::process::exit(128 + sig);
            }
            if tx.send(Msg::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Selects the day asked for on the command line (or the newest) and the paper of `rank`,
/// saying in the status line when the exact day or rank is not there.
pub fn open_day(
    app: &mut App,
    spec: Option<crate::cli::DaySpec>,
    rank: Option<u32>,
    today: chrono::NaiveDate,
) {
    let days = &app.archive.days;
    if days.is_empty() {
        app.set_error("The archive has no posts");
        return;
    }
    let wanted = spec.and_then(|s| s.resolve(today));
    app.day = match wanted {
        Some(date) => {
            let i = app.archive.nearest_day(date).unwrap_or(0);
            let found = app.archive.days[i].date;
            if found != date {
                let side = if found < date { "earlier" } else { "later" };
                app.set_status(format!(
                    "No post for {date}; showing {found}, the nearest {side} day"
                ));
            }
            i
        }
        None => days.len() - 1,
    };
    app.paper = 0;
    if let Some(rank) = rank {
        let day = &app.archive.days[app.day];
        match day.papers.iter().position(|p| p.rank == rank) {
            Some(i) => app.paper = i,
            None => app.set_error(format!("{} has no paper ranked {rank}", day.date)),
        }
    }
    update::update(app, action::Action::Resize(app.width, app.height));
}
