//! Deadlines the run loop waits for besides input: when the abstract on screen counts as read,
//! and when to reload after changes on disk. Pure bookkeeping over the instants it is given,
//! so it is tested without waiting.

use std::time::{Duration, Instant};

use crate::archive::PaperKey;
use crate::tui::core::notice::{FADE_SECS, Notice};

/// Changes on disk are gathered this long before reloading (a `git pull` writes many files).
pub const RELOAD_AFTER: Duration = Duration::from_millis(400);

/// What came due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    /// This paper has been on screen long enough.
    Seen(PaperKey),
    Reload,
    /// A notice may have faded: the app should hear the time.
    Fade,
    /// The terminal's mode is to be looked at (see `tty_mode`).
    TerminalMode,
}

/// How often the terminal's mode is looked at once a browser has been started: a program it
/// left running can turn raw mode off at any time, and keys are line-buffered until it is back.
pub const MODE_EVERY: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub struct Timers {
    /// The unread paper on screen and when it counts as read.
    seen: Option<(PaperKey, Instant)>,
    /// How long that takes; `None`: never by time.
    read_after: Option<Duration>,
    /// When to reload after changes on disk.
    reload: Option<Instant>,
    /// A reload is running; another waits for it.
    reloading: bool,
    /// The notice on screen (its text and time) and when it fades.
    notice: Option<((String, i64), Instant)>,
    /// When to look at the terminal's mode next; none until a browser is started.
    mode: Option<Instant>,
}

impl Timers {
    pub fn new(read_after: Option<Duration>) -> Timers {
        Timers {
            read_after,
            ..Timers::default()
        }
    }

    /// The next deadline, if any.
    pub fn next(&self) -> Option<Instant> {
        [
            self.seen.as_ref().map(|s| s.1),
            self.reload,
            self.notice.as_ref().map(|n| n.1),
            self.mode,
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Restarts the read timer whenever a different unread paper comes on screen.
    pub fn track(&mut self, on_screen: Option<PaperKey>, now: Instant) {
        if self.seen.as_ref().map(|s| &s.0) != on_screen.as_ref() {
            // A deadline past what the clock can hold never comes (it is checked, not added).
            self.seen = on_screen
                .zip(self.read_after)
                .and_then(|(k, after)| Some((k, now.checked_add(after)?)));
        }
    }

    /// Starts the fade timer when a new notice that fades comes on screen (errors stay).
    pub fn track_notice(&mut self, notice: Option<&Notice>, now: Instant) {
        let id = notice
            .filter(|n| !n.is_error())
            .map(|n| (n.text.clone(), n.since));
        if self.notice.as_ref().map(|n| &n.0) != id.as_ref() {
            let fade = Duration::from_secs(FADE_SECS as u64);
            self.notice = id.map(|id| (id, now + fade));
        }
    }

    /// A browser was started: from now on the terminal's mode is looked at every `MODE_EVERY`.
    pub fn watch_mode(&mut self, now: Instant) {
        self.mode.get_or_insert(now + MODE_EVERY);
    }

    /// Something changed under the archive folder: reload a moment from now.
    pub fn changed_on_disk(&mut self, now: Instant) {
        self.reload = Some(now + RELOAD_AFTER);
    }

    /// Whether a reload may start now; when one is running (or the first load is), it is
    /// put off, and changes made meanwhile are picked up by a reload after it.
    pub fn start_reload(&mut self, loading: bool, now: Instant) -> bool {
        if self.reloading || loading {
            self.reload = Some(now + RELOAD_AFTER);
            return false;
        }
        self.reloading = true;
        true
    }

    pub fn reload_done(&mut self) {
        self.reloading = false;
    }

    /// What is due at `now`, taken off the timers.
    pub fn due(&mut self, now: Instant) -> Vec<Due> {
        let mut out = Vec::new();
        if self.reload.is_some_and(|t| t <= now) {
            self.reload = None;
            out.push(Due::Reload);
        }
        if self.notice.as_ref().is_some_and(|(_, t)| *t <= now) {
            self.notice = None;
            out.push(Due::Fade);
        }
        if self.seen.as_ref().is_some_and(|(_, t)| *t <= now) {
            if let Some((key, _)) = self.seen.take() {
                out.push(Due::Seen(key));
            }
        }
        if self.mode.is_some_and(|t| t <= now) {
            self.mode = Some(now + MODE_EVERY);
            out.push(Due::TerminalMode);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::core::notice::Level;

    fn key(s: &str) -> PaperKey {
        PaperKey::from_stored(s)
    }

    #[test]
    fn a_paper_counts_as_read_after_its_time_on_screen() {
        let t0 = Instant::now();
        let mut t = Timers::new(Some(Duration::from_secs(1)));
        assert_eq!(t.next(), None);
        t.track(Some(key("a")), t0);
        assert_eq!(t.next(), Some(t0 + Duration::from_secs(1)));
        // Still the same paper: the timer is not restarted.
        t.track(Some(key("a")), t0 + Duration::from_millis(500));
        assert_eq!(t.due(t0 + Duration::from_millis(999)), vec![]);
        assert_eq!(
            t.due(t0 + Duration::from_secs(1)),
            vec![Due::Seen(key("a"))]
        );
        assert_eq!(t.next(), None, "it fires once");
    }

    #[test]
    fn a_read_time_past_the_clock_never_comes_and_does_not_panic() {
        let t0 = Instant::now();
        let mut t = Timers::new(Some(Duration::MAX));
        t.track(Some(key("a")), t0);
        assert_eq!(t.next(), None);
        assert_eq!(t.due(t0 + Duration::from_secs(3600)), vec![]);
    }

    #[test]
    fn moving_on_restarts_or_stops_the_read_timer() {
        let t0 = Instant::now();
        let mut t = Timers::new(Some(Duration::from_secs(1)));
        t.track(Some(key("a")), t0);
        t.track(Some(key("b")), t0 + Duration::from_millis(800));
        assert_eq!(t.due(t0 + Duration::from_secs(1)), vec![]);
        assert_eq!(
            t.due(t0 + Duration::from_millis(1800)),
            vec![Due::Seen(key("b"))]
        );
        t.track(Some(key("c")), t0);
        t.track(None, t0);
        assert_eq!(t.next(), None);
        let mut off = Timers::new(None);
        off.track(Some(key("a")), t0);
        assert_eq!(off.next(), None, "marking by time can be off");
    }

    #[test]
    fn a_notice_fades_once_after_its_time_and_errors_stay() {
        let t0 = Instant::now();
        let mut t = Timers::new(None);
        let info = Notice {
            level: Level::Info,
            text: "Sorted".into(),
            since: 100,
        };
        t.track_notice(Some(&info), t0);
        assert_eq!(t.next(), Some(t0 + Duration::from_secs(5)));
        // The same notice seen again does not restart the timer.
        t.track_notice(Some(&info), t0 + Duration::from_secs(2));
        assert_eq!(t.due(t0 + Duration::from_secs(5)), vec![Due::Fade]);
        assert_eq!(t.due(t0 + Duration::from_secs(6)), vec![], "once");
        let error = Notice {
            level: Level::Error,
            ..info
        };
        t.track_notice(Some(&error), t0);
        assert_eq!(t.next(), None, "errors wait for a key");
    }

    #[test]
    fn the_terminal_mode_is_looked_at_every_second_once_a_browser_started() {
        let t0 = Instant::now();
        let mut t = Timers::new(None);
        assert_eq!(t.next(), None, "an idle reader sleeps");
        t.watch_mode(t0);
        // A second browser does not put the next look off.
        t.watch_mode(t0 + Duration::from_millis(600));
        assert_eq!(t.next(), Some(t0 + MODE_EVERY));
        assert_eq!(t.due(t0 + Duration::from_millis(999)), vec![]);
        assert_eq!(t.due(t0 + MODE_EVERY), vec![Due::TerminalMode]);
        // And again, for as long as the reader runs.
        assert_eq!(t.next(), Some(t0 + 2 * MODE_EVERY));
        assert_eq!(t.due(t0 + 2 * MODE_EVERY), vec![Due::TerminalMode]);
    }

    #[test]
    fn changes_on_disk_are_gathered_and_reloads_run_one_at_a_time() {
        let t0 = Instant::now();
        let mut t = Timers::new(None);
        t.changed_on_disk(t0);
        t.changed_on_disk(t0 + Duration::from_millis(100));
        assert_eq!(t.due(t0 + Duration::from_millis(450)), vec![]);
        assert_eq!(t.due(t0 + Duration::from_millis(500)), vec![Due::Reload]);
        assert!(t.start_reload(false, t0));
        // A second one waits for the first.
        assert!(!t.start_reload(false, t0));
        assert_eq!(t.next(), Some(t0 + RELOAD_AFTER));
        t.reload_done();
        assert_eq!(t.due(t0 + RELOAD_AFTER), vec![Due::Reload]);
        assert!(t.start_reload(false, t0));
        t.reload_done();
        // While the first load runs, reloads wait too.
        assert!(!t.start_reload(true, t0));
    }
}
