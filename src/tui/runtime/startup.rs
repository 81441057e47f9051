//! Getting the reader ready: its settings from the environment, the reading state from its
//! database, and only the day to show read from disk before the first frame.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use crate::archive::{Archive, ArchiveError, Listing};
use crate::cli::DaySpec;
use crate::state::{Opened, Saver, Snapshot, Store};
use crate::tui::core::app::App;
use crate::tui::core::notice::Level;
use crate::tui::core::start::{
    apply_state, config_watches, follow, loading_in_background, open_day, undo_kept,
};
use crate::tui::core::update::update;
use crate::tui::event::Event;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// How long an abstract must be on screen before its paper counts as read, by default.
pub const READ_AFTER: Duration = Duration::from_millis(1000);

/// Options for a reader session.
pub struct Options {
    pub mouse: bool,
    /// Where changes to the reading state go; without it, marks last only for this session.
    pub saver: Option<Saver>,
    /// Posts still to be read in the background (the first screen shows one day of them).
    pub listing: Option<Listing>,
    /// How long an abstract must be on screen before its paper counts as read; `None` turns
    /// marking by time off (`m` still marks).
    pub read_after: Option<Duration>,
}

/// What the reader starts with.
pub struct Setup<'a> {
    /// The archive folder; `None` for the bundled sample.
    pub dir: Option<&'a Path>,
    pub date: Option<DaySpec>,
    pub rank: Option<u32>,
    pub today: NaiveDate,
    pub state_dir: Option<PathBuf>,
    pub theme: Theme,
    pub keymap: Keymap,
    pub mouse: bool,
    /// What the settings had to say (keys taken from other commands, say): shown at start.
    pub warnings: Vec<String>,
    /// The config file's watch lists.
    pub watches: Vec<crate::config::Watch>,
    /// The accounts followed (the config's `follow`).
    pub follow: Vec<String>,
}

/// Seconds since 1970, the app's clock.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// `$HOTPAPERS_READ_AFTER`: seconds (`1`, `2.5`, at most `READ_AFTER_MOST`), or `off`; one
/// second when unset, and when unreadable or out of range (with a word on why).
pub fn read_after_from_env() -> (Option<Duration>, Option<String>) {
    read_after(std::env::var("HOTPAPERS_READ_AFTER").ok().as_deref())
}

/// The longest `$HOTPAPERS_READ_AFTER` taken: an hour. (A longer one means "never", which is
/// `off`; and a deadline that far ahead would overflow the clock.)
pub const READ_AFTER_MOST: Duration = Duration::from_secs(3600);

/// `read_after_from_env` for the variable's value.
pub fn read_after(value: Option<&str>) -> (Option<Duration>, Option<String>) {
    let Some(v) = value else {
        return (Some(READ_AFTER), None);
    };
    if v.trim().eq_ignore_ascii_case("off") {
        return (None, None);
    }
    let most = READ_AFTER_MOST.as_secs();
    let why = match v.trim().parse::<f64>() {
        Ok(s) if s.is_finite() && (0.0..=most as f64).contains(&s) => {
            match Duration::try_from_secs_f64(s) {
                Ok(d) => return (Some(d), None),
                Err(_) => "is not seconds or off".to_string(),
            }
        }
        Ok(s) if s.is_finite() && s > 0.0 => {
            format!("is more than {most} s (use off to never mark papers read by time)")
        }
        _ => "is not seconds or off".to_string(),
    };
    let shown: String = v.chars().take(40).collect();
    (
        Some(READ_AFTER),
        Some(format!(
            "HOTPAPERS_READ_AFTER={shown:?} {why}; a paper counts as read after 1 s"
        )),
    )
}

/// The reading state as found at start.
pub struct OpenedState {
    pub store: Option<Store>,
    pub snapshot: Snapshot,
    /// What to say in the status line about it.
    pub message: Option<(Level, String)>,
}

/// Opens the reading state in `dir` directly, waiting for a lock as a command does (the
/// reader's own start goes through its writer instead, see `start_saving`). Problems become a
/// message.
pub fn open_state(dir: Option<PathBuf>) -> OpenedState {
    let mut out = OpenedState {
        store: None,
        snapshot: Snapshot::default(),
        message: None,
    };
    let Some(dir) = dir else {
        out.message = Some((
            Level::Error,
            "No folder for the reading state (set HOTPAPERS_STATE_DIR); marks last this session only".into(),
        ));
        return out;
    };
    match Store::open(&dir) {
        Ok((store, notice)) => {
            match store.load() {
                Ok(snap) => out.snapshot = snap,
                Err(e) => {
                    out.message = Some((
                        Level::Error,
                        format!("Could not read the reading state: {e}"),
                    ))
                }
            }
            if let Some(n) = notice {
                out.message = Some((Level::Error, n));
            }
            out.store = Some(store);
        }
        Err(e) => {
            out.message = Some((
                Level::Error,
                format!("Reading state unavailable ({e}); marks last this session only"),
            ))
        }
    }
    out
}

/// `open_state`, then its marks (and, when `resume`, the last position) into `app`; returns
/// the store, for driving the app without the run loop (tests, tools).
pub fn attach_state(app: &mut App, dir: Option<PathBuf>, resume: bool) -> Option<Store> {
    let state = open_state(dir);
    apply_state(app, &state.snapshot, resume, state.message);
    note_undo(app, state.store.as_ref());
    state.store
}

/// Whether the last marking of many from before can be undone.
fn note_undo(app: &mut App, store: Option<&Store>) {
    if store.is_some_and(|s| matches!(s.pending_undo(), Ok(Some(_)))) {
        undo_kept(app);
    }
}

/// The reading state as the writer found it at start.
pub struct Started {
    pub snapshot: Snapshot,
    pub undo_kept: bool,
    /// What to say in the status line about it.
    pub message: Option<(Level, String)>,
}

/// Starts the writer of the reading state in `dir` (`state::Saver`), which opens it, makes
/// what an earlier session left in its journal and loads it, waiting only briefly for another
/// program's lock. Problems become a message; the reader then runs without the marks from
/// before rather than not at all, and saves new ones once it can.
pub fn start_saving(dir: Option<PathBuf>) -> (Option<Saver>, Started) {
    let mut out = Started {
        snapshot: Snapshot::default(),
        undo_kept: false,
        message: None,
    };
    let Some(dir) = dir else {
        out.message = Some((
            Level::Error,
            "No folder for the reading state (set HOTPAPERS_STATE_DIR); marks last this session only".into(),
        ));
        return (None, out);
    };
    let (saver, opened) = Saver::start(dir.clone());
    match opened {
        Opened::Loaded {
            snapshot,
            undo_kept,
            notice,
            read_only,
        } => {
            out.snapshot = *snapshot;
            out.undo_kept = undo_kept;
            out.message = notice.map(|n| (Level::Error, n));
            if read_only {
                out.message = Some((
                    Level::Error,
                    format!(
                        "Marks won't be saved: the reading state cannot be written (it is shown as it is, from {})",
                        dir.display()
                    ),
                ));
            }
        }
        Opened::Unavailable(why) => {
            out.message = Some((
                Level::Error,
                format!(
                    "Reading state unavailable ({why}): marks from before are not shown; new ones are saved once it can be written"
                ),
            ));
        }
    }
    (Some(saver), out)
}

/// Everything the reader needs to start: only the day to show is parsed now; the returned
/// listing is loaded in full by the run loop, in the background.
pub fn prepare(setup: Setup<'_>) -> Result<(App, Options), ArchiveError> {
    let (saver, state) = start_saving(setup.state_dir);
    let resume = setup.date.is_none() && setup.rank.is_none();
    // The day read before the first frame: the one asked for, else where the last session
    // left off.
    let want = match setup.date {
        Some(spec) => spec.resolve(setup.today),
        None => state.snapshot.position.as_ref().map(|p| p.0),
    };
    let (archive, listing) = match setup.dir {
        None => (Archive::sample(), None),
        Some(dir) => {
            let listing = Listing::scan(dir)?;
            match listing.day_for(want) {
                Some(day) => (listing.first_day(day), Some(listing)),
                // No file name has a date: nothing to show before everything is read.
                None => (Archive::load(dir)?, None),
            }
        }
    };
    let total = listing.as_ref().map(|l| l.files.len());
    let mut app = App::with_keys(archive, setup.theme, setup.keymap);
    config_watches(&mut app, setup.watches);
    follow(&mut app, setup.follow);
    // What start-up says is stamped with the time, so that it stays its while.
    update(&mut app, Event::Clock(unix_now()));
    // `--rank` alone picks the paper of the day the last session left off at.
    let saved_day = state.snapshot.position.as_ref().map(|p| DaySpec::Date(p.0));
    let date = setup.date.or(saved_day.filter(|_| setup.rank.is_some()));
    open_day(&mut app, date, setup.rank, setup.today);
    apply_state(&mut app, &state.snapshot, resume, state.message);
    if state.undo_kept {
        undo_kept(&mut app);
    }
    if let Some(total) = total {
        loading_in_background(&mut app, total);
    }
    let (read_after, why) = read_after_from_env();
    let warnings: Vec<String> = setup.warnings.into_iter().chain(why).collect();
    if !warnings.is_empty() {
        // Said once, and it stays until a key: a setting that does not do what it seems.
        update(
            &mut app,
            Event::Notice {
                level: Level::Error,
                text: warnings.join("; "),
            },
        );
    }
    Ok((
        app,
        Options {
            mouse: setup.mouse,
            saver,
            listing,
            read_after,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_after_takes_seconds_or_off() {
        assert_eq!(read_after(None), (Some(READ_AFTER), None));
        assert_eq!(
            read_after(Some("2.5")),
            (Some(Duration::from_millis(2500)), None)
        );
        assert_eq!(read_after(Some(" OFF ")), (None, None));
        for bad in ["banana", "-1", "inf", "NaN", "-1e308"] {
            let (d, why) = read_after(Some(bad));
            assert_eq!(d, Some(READ_AFTER));
            assert!(why.unwrap().contains(bad), "{bad} is reported");
        }
    }

    #[test]
    fn read_after_out_of_range_is_refused_not_a_panic() {
        // 1e308 once panicked converting to a Duration; 1e19 adding it to the clock.
        for big in ["1e308", "1e19", "3600.5", "18446744073709551616"] {
            let (d, why) = read_after(Some(big));
            assert_eq!(d, Some(READ_AFTER), "{big}");
            assert!(why.unwrap().contains("more than 3600 s"), "{big}");
        }
        assert_eq!(read_after(Some("3600")), (Some(READ_AFTER_MOST), None));
        assert_eq!(read_after(Some("-0")), (Some(Duration::ZERO), None));
        assert_eq!(read_after(Some("1e-400")), (Some(Duration::ZERO), None));
        let (_, why) = read_after(Some(&"9".repeat(5000)));
        assert!(why.unwrap().chars().count() < 200, "a long value is cut");
    }
}
