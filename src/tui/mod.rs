//! The terminal reader: state (`app`), actions from keys (`keymap`), the pure `update`, the
//! widgets (`ui`), and the run loop here, which is the only part that does I/O.

pub mod action;
pub mod app;
mod browser;
pub mod clipboard;
pub mod detail;
pub mod keymap;
pub mod layout;
mod overlays;
mod reading;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod update;

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;
use std::time::Instant;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

use action::{Action, Effect};
use app::App;

/// Options for a reader session.
pub struct Options {
    pub mouse: bool,
    /// Where reading state is kept; without one, marks last only for this session.
    pub store: Option<crate::state::Store>,
    /// Posts still to be read in the background (the first screen shows one day of them).
    pub listing: Option<crate::archive::Listing>,
    /// How long an abstract must be on screen before its paper counts as read; `None` turns
    /// marking by time off (`m` still marks).
    pub read_after: Option<Duration>,
}

/// `$HOTPAPERS_READ_AFTER`: seconds (`1`, `2.5`), or `off`; one second when unset or unreadable.
pub fn read_after_from_env() -> Option<Duration> {
    match std::env::var("HOTPAPERS_READ_AFTER") {
        Ok(v) if v.trim().eq_ignore_ascii_case("off") => None,
        Ok(v) => Some(
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map_or(READ_AFTER, Duration::from_secs_f64),
        ),
        Err(_) => Some(READ_AFTER),
    }
}

enum Msg {
    Input(Event),
    InputGone,
    Signal(i32),
    Browser(String, bool),
    Index(app::IndexHandle),
    Reloaded(Result<crate::archive::Archive, String>),
    /// Something changed under the archive folder.
    FsChanged,
    /// Posts read so far by the background load, of how many.
    Progress(usize, usize),
    /// The background load is done.
    Loaded(crate::archive::Archive),
}

/// How long an abstract must be on screen before its paper counts as read, by default.
const READ_AFTER: Duration = Duration::from_millis(1000);
/// Changes on disk are gathered this long before reloading (a `git pull` writes many files).
const RELOAD_AFTER: Duration = Duration::from_millis(400);

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
    let result = match event_loop(&mut app, &opts, tx, rx) {
        // Any failure once the terminal is gone is the hang-up itself (a hang-up also sends
        // SIGCONT, whose repaint can fail before SIGHUP is handled): end as a hang-up does.
        Err(_) if terminal::hung_up() => Ok(128 + SIGHUP),
        other => other,
    };
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
    // The first frame goes out before any background work starts competing for the cores.
    term.draw(|f| ui::draw(f, app))?;
    spawn_input_thread(tx.clone());
    terminal::watch_hangup({
        let tx = tx.clone();
        move || {
            let _ = tx.send(Msg::InputGone);
        }
    });
    spawn_indexer(app, tx.clone());
    if let Some(listing) = &opts.listing {
        spawn_loader(listing.clone(), tx.clone());
    }
    // Kept alive for the session: dropping it stops the watching.
    let _watcher = watch(app, tx.clone());
    let mut timers = Timers {
        read_after: opts.read_after,
        ..Timers::default()
    };
    timers.track(app);
    let mut dirty = false;
    loop {
        // Draw only after something happened: an idle reader costs no CPU.
        if dirty {
            if let Err(e) = term.draw(|f| ui::draw(f, app)) {
                // A terminal that hung up fails every write: end as the hang-up would.
                if terminal::hung_up() {
                    return Ok(128 + SIGHUP);
                }
                return Err(e.into());
            }
            dirty = false;
        }
        let msg = match timers.next() {
            Some(due) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            },
            None => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(0),
            },
        };
        let Some(msg) = msg else {
            // A timer is due.
            let now = Instant::now();
            if timers.reload.is_some_and(|t| t <= now) {
                timers.reload = None;
                start_reload(app, &tx, &mut timers);
                continue;
            }
            match timers.seen.take() {
                Some((key, t)) if t <= now => {
                    let effect = update::update(app, Action::Seen(key));
                    perform(app, effect, opts, &mut term, &tx, &mut timers)?;
                    timers.track(app);
                    dirty = true;
                }
                other => timers.seen = other,
            }
            continue;
        };
        let action = match msg {
            Msg::Input(ev) => match ev {
                Event::Key(k) => {
                    terminal::test_panic_on_key();
                    app.keymap.action_for(app.mode(), k)
                }
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
            // The terminal is gone: end as a hang-up would.
            Msg::InputGone => return Ok(128 + SIGHUP),
            Msg::Signal(SIGTSTP) => Some(Action::Suspend),
            Msg::Signal(SIGCONT) | Msg::Signal(SIGWINCH) => {
                let (w, h) = repaint(&mut term)?;
                Some(Action::Resize(w, h))
            }
            Msg::Signal(sig) => return Ok(128 + sig),
            Msg::Browser(text, error) => Some(Action::Status { text, error }),
            Msg::Index(index) => Some(Action::IndexReady(index)),
            Msg::Reloaded(result) => {
                timers.reloading = false;
                Some(Action::Reloaded(
                    result.map(|a| app::ArchiveHandle(std::sync::Arc::new(a))),
                ))
            }
            Msg::FsChanged => {
                timers.reload = Some(Instant::now() + RELOAD_AFTER);
                None
            }
            Msg::Progress(done, total) => Some(Action::Progress(done, total)),
            Msg::Loaded(archive) => Some(Action::Loaded(app::ArchiveHandle(std::sync::Arc::new(
                archive,
            )))),
        };
        let Some(action) = action else { continue };
        dirty = true;
        app.now = unix_now();
        let reloaded = matches!(action, Action::Reloaded(Ok(_)) | Action::Loaded(_));
        let effect = update::update(app, action);
        if reloaded {
            // The old index describes the old archive.
            spawn_indexer(app, tx.clone());
        }
        perform(app, effect, opts, &mut term, &tx, &mut timers)?;
        timers.track(app);
        if app.quit {
            save_position(app, opts);
            return Ok(0);
        }
    }
}

/// Deadlines the loop waits for besides input.
#[derive(Default)]
struct Timers {
    /// The unread paper on screen and when it counts as read.
    seen: Option<(crate::archive::PaperKey, Instant)>,
    /// How long that takes; `None`: never by time.
    read_after: Option<Duration>,
    /// When to reload after changes on disk.
    reload: Option<Instant>,
    reloading: bool,
}

impl Timers {
    fn next(&self) -> Option<Instant> {
        [self.seen.as_ref().map(|s| s.1), self.reload]
            .into_iter()
            .flatten()
            .min()
    }

    /// Restarts the read timer whenever a different unread paper comes on screen.
    fn track(&mut self, app: &App) {
        let on_screen = app.unread_on_screen();
        if self.seen.as_ref().map(|s| &s.0) != on_screen.as_ref() {
            self.seen = on_screen
                .zip(self.read_after)
                .map(|(k, after)| (k, Instant::now() + after));
        }
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Carries out what `update` asked for.
fn perform(
    app: &mut App,
    effect: Option<Effect>,
    opts: &Options,
    term: &mut terminal::Term,
    tx: &Sender<Msg>,
    timers: &mut Timers,
) -> anyhow::Result<()> {
    let saved = |r: Result<(), crate::state::StateError>, app: &mut App| {
        if let Err(e) = r {
            app.set_error(format!("Could not save the reading state: {e}"));
        }
    };
    match effect {
        None => {}
        Some(Effect::OpenUrl { what, url }) => {
            app.set_status(format!("Opening the {what}: {url}"));
            let tx = tx.clone();
            browser::open(what, url, move |text, error| {
                let _ = tx.send(Msg::Browser(text, error));
            });
        }
        Some(Effect::Suspend) => {
            suspend(opts)?;
            let (w, h) = repaint(term)?;
            update::update(app, Action::Resize(w, h));
        }
        Some(Effect::SaveRead { key, read }) => {
            if let Some(store) = &opts.store {
                saved(store.set_read(&key, read), app);
            }
        }
        Some(Effect::SaveStar { key, starred }) => {
            if let Some(store) = &opts.store {
                saved(store.set_starred(&key, starred, app.now), app);
            }
        }
        Some(Effect::Copy { what, text }) => match clipboard::osc52(&text) {
            Ok(seq) => {
                use std::io::Write;
                let out = term.backend_mut();
                out.write_all(seq.as_bytes())?;
                out.flush()?;
                let shown = crate::display::width::truncate(text.lines().next().unwrap_or(""), 60);
                app.set_status(format!("Copied the {what}: {shown}"));
            }
            Err(why) => app.set_error(format!("Not copied: {why}")),
        },
        Some(Effect::Reload) => start_reload(app, tx, timers),
    }
    Ok(())
}

fn save_position(app: &App, opts: &Options) {
    if let (Some(store), Some(day), Some(p)) = (&opts.store, app.current_day(), app.current_paper())
    {
        let _ = store.set_position(day.date, &p.key);
    }
}

/// Reads every post on other threads, reporting progress a few times a second; the archive
/// arrives as a message once complete.
fn spawn_loader(listing: crate::archive::Listing, tx: Sender<Msg>) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let done = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    let total = listing.files.len();
    {
        let (done, finished, tx) = (Arc::clone(&done), Arc::clone(&finished), tx.clone());
        std::thread::spawn(move || {
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if tx
                    .send(Msg::Progress(done.load(Ordering::Relaxed), total))
                    .is_err()
                {
                    return;
                }
            }
        });
    }
    std::thread::spawn(move || {
        let archive = listing.load_all(&done);
        finished.store(true, Ordering::Relaxed);
        let _ = tx.send(Msg::Loaded(archive));
    });
}

/// Loads the archive again on another thread; the result arrives as a message.
fn start_reload(app: &mut App, tx: &Sender<Msg>, timers: &mut Timers) {
    let Some(root) = app.archive.root.clone() else {
        return;
    };
    // One at a time; changes during this one are picked up by a reload after it. While the
    // first full load runs, wait for it too: a reload beside it could come in first and then
    // be replaced by the older listing.
    if timers.reloading || app.loading.is_some() {
        timers.reload = Some(Instant::now() + RELOAD_AFTER);
        return;
    }
    timers.reloading = true;
    let tx = tx.clone();
    std::thread::spawn(move || {
        let result = crate::archive::Archive::load(&root).map_err(|e| e.to_string());
        let _ = tx.send(Msg::Reloaded(result));
    });
}

/// Watches the archive folder so new or changed posts show up without a restart.
fn watch(app: &App, tx: Sender<Msg>) -> Option<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let root = app.archive.root.clone()?;
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        let relevant = !matches!(ev.kind, EventKind::Access(_))
            && ev.paths.iter().any(|p| {
                let name = p.to_string_lossy().to_ascii_lowercase();
                !name.contains("/.git/")
                    && (name.ends_with(".md") || name.ends_with(".markdown") || p.is_dir())
            });
        if relevant {
            let _ = tx.send(Msg::FsChanged);
        }
    })
    .ok()?;
    watcher.watch(&root, RecursiveMode::Recursive).ok()?;
    Some(watcher)
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
        let _ = tx.send(Msg::Index(app::IndexHandle::build(&archive)));
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

/// The reading state as found at start.
pub struct OpenedState {
    pub store: Option<crate::state::Store>,
    pub snapshot: crate::state::Snapshot,
    /// What to say in the status line (text, is an error).
    pub message: Option<(String, bool)>,
}

/// Opens the reading state in `dir`. Problems become a message; the reader then runs without
/// lasting state rather than not at all.
pub fn open_state(dir: Option<std::path::PathBuf>) -> OpenedState {
    let mut out = OpenedState {
        store: None,
        snapshot: Default::default(),
        message: None,
    };
    let Some(dir) = dir else {
        out.message = Some(("No folder for the reading state (set HOTPAPERS_STATE_DIR); marks last this session only".into(), true));
        return out;
    };
    match crate::state::Store::open(&dir) {
        Ok((store, notice)) => {
            match store.load() {
                Ok(snap) => out.snapshot = snap,
                Err(e) => {
                    out.message = Some((format!("Could not read the reading state: {e}"), true))
                }
            }
            if let Some(n) = notice {
                out.message = Some((n, true));
            }
            out.store = Some(store);
        }
        Err(e) => {
            out.message = Some((
                format!("Reading state unavailable ({e}); marks last this session only"),
                true,
            ))
        }
    }
    out
}

/// Brings opened state into the app: marks, and, when `resume` (no `--date` or `--rank`), the
/// day and paper last viewed.
pub fn apply_state(app: &mut App, state: &OpenedState, resume: bool) {
    app.read = state.snapshot.read.clone();
    app.starred = state.snapshot.starred.clone();
    if let (true, Some((date, key))) = (resume, &state.snapshot.position) {
        if let Some(d) = app.archive.nearest_day(*date) {
            update::select_day(app, d);
            if let Some(i) = app
                .current_day()
                .and_then(|day| day.papers.iter().position(|p| p.key == *key))
            {
                update::select_paper(app, i);
            }
        }
    }
    if let Some((text, error)) = &state.message {
        update::update(
            app,
            Action::Status {
                text: text.clone(),
                error: *error,
            },
        );
    }
    update::update(app, Action::Resize(app.width, app.height));
}

/// `open_state` then `apply_state`; returns the store for the run loop.
pub fn attach_state(
    app: &mut App,
    dir: Option<std::path::PathBuf>,
    resume: bool,
) -> Option<crate::state::Store> {
    let state = open_state(dir);
    apply_state(app, &state, resume);
    state.store
}

/// Everything the reader needs to start on `dir` (or the bundled sample): only the day to show
/// is parsed now; the returned listing is loaded in full by the run loop, in the background.
pub fn prepare(
    dir: Option<&std::path::Path>,
    date: Option<crate::cli::DaySpec>,
    rank: Option<u32>,
    today: chrono::NaiveDate,
    state_dir: Option<std::path::PathBuf>,
    theme: theme::Theme,
    mouse: bool,
) -> Result<(App, Options), crate::archive::ArchiveError> {
    let state = open_state(state_dir);
    let resume = date.is_none() && rank.is_none();
    let want = match date {
        Some(spec) => spec.resolve(today),
        None if resume => state.snapshot.position.as_ref().map(|p| p.0),
        None => None,
    };
    let (archive, listing) = match dir {
        None => (crate::archive::Archive::sample(), None),
        Some(dir) => {
            let listing = crate::archive::Listing::scan(dir)?;
            match listing.day_for(want) {
                Some(day) => (listing.first_day(day), Some(listing)),
                // No file name has a date: nothing to show before everything is read.
                None => (crate::archive::Archive::load(dir)?, None),
            }
        }
    };
    let mut app = App::new(archive, theme);
    open_day(&mut app, date, rank, today);
    apply_state(&mut app, &state, resume);
    if let Some(l) = &listing {
        app.loading = Some((0, l.files.len()));
    }
    Ok((
        app,
        Options {
            mouse,
            store: state.store,
            listing,
            read_after: read_after_from_env(),
        },
    ))
}
