//! What the run loop hears from its threads, and what each message means: the mapping is pure,
//! so it is tested without a terminal.

use std::sync::Arc;

use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGTSTP, SIGWINCH};

use crate::archive::{Archive, ArchiveError, Changed};
use crate::tui::command::Scope;
use crate::tui::core::handles::{ArchiveHandle, IndexHandle, PeopleHandle, SimilarHandle};
use crate::tui::core::notice::Level;
use crate::tui::event::Event;
use crate::tui::input;
use crate::tui::keymap::Keymap;

pub enum Msg {
    /// What the terminal sent, and when it was read (a double click is two clicks close in
    /// time, however long the loop then takes to get to them).
    Input(crossterm::event::Event, std::time::Instant),
    /// The terminal is gone.
    InputGone,
    Signal(i32),
    /// The screen is to be drawn again in full (a browser could have written over it).
    Repaint,
    /// The browser's outcome, for the status line.
    Browser {
        text: String,
        error: bool,
    },
    Index(IndexHandle),
    People(PeopleHandle),
    Similar(SimilarHandle),
    Reloaded(Result<Archive, ArchiveError>),
    /// Something changed under the archive folder: these paths, or anything.
    FsChanged(Changed),
    /// What the watcher of the archive folder has to say (what it cannot watch).
    Watch(String),
    /// What the cache has to say (it was damaged, it cannot be written).
    Cache(String),
    /// Posts read so far by the background load, of how many.
    Progress(usize, usize),
    /// The background load is done.
    Loaded(Archive),
    /// The reading state's writer says this.
    Saving(crate::state::Report),
    /// The first archive, indexed, without its papers' long texts (see `core::texts`).
    TextsLeft(Arc<Archive>, Arc<Archive>),
    /// A day's texts, read back from its post.
    TextsRead(crate::tui::core::texts::TextsRead),
}

/// What the loop does about a message.
#[derive(Debug)]
pub enum Step {
    /// Hand the app this event.
    Event(Event),
    /// Redraw everything at the terminal's size, then tell the app that size.
    Repaint,
    /// Stop the process until `fg` (Ctrl-Z from outside).
    Suspend,
    /// Reload a moment from now, looking again at what changed.
    ScheduleReload(Changed),
    /// End with this exit status.
    Exit(i32),
    /// A reload finished: its result goes to the app, and the next reload may start.
    Reloaded(Event),
    /// A key press: the reader's hook for the panic test, then this event (if any).
    Key(Option<Event>),
    Nothing,
}

impl Msg {
    /// Whether it says the terminal must be drawn afresh at its size: a resize (the terminal's
    /// report of it, or SIGWINCH) or a resume. Of a run of these only the last matters: the
    /// loop repaints once for all of them, at the size the terminal has then.
    pub fn is_repaint(&self) -> bool {
        matches!(
            self,
            Msg::Input(crossterm::event::Event::Resize(..), _) | Msg::Signal(SIGCONT | SIGWINCH)
        )
    }

    /// When the message's input was read; now for anything else.
    pub fn time(&self) -> std::time::Instant {
        match self {
            Msg::Input(_, at) => *at,
            _ => std::time::Instant::now(),
        }
    }
}

/// What the loop does next with messages taken together.
pub enum Next {
    /// Draw everything afresh at the terminal's size (for a run of resizes).
    Repaint,
    Msg(Msg),
}

/// `msgs` in order, with every run of repaints (`Msg::is_repaint`) made one `Next::Repaint`
/// before the message after it: thousands of resizes a second are one repaint. Lazy, and it
/// looks ahead only over repaints, so that each message is read in the scope the ones before
/// it left.
pub fn coalesce(msgs: impl Iterator<Item = Msg>) -> impl Iterator<Item = Next> {
    let mut msgs = msgs;
    let mut held: Option<Msg> = None;
    std::iter::from_fn(move || {
        if let Some(m) = held.take() {
            return Some(Next::Msg(m));
        }
        let mut repaint = false;
        for m in msgs.by_ref() {
            if m.is_repaint() {
                repaint = true;
            } else if repaint {
                held = Some(m);
                return Some(Next::Repaint);
            } else {
                return Some(Next::Msg(m));
            }
        }
        repaint.then_some(Next::Repaint)
    })
}

/// The meaning of `msg` while keys are read in `scope`.
pub fn step(msg: Msg, keymap: &Keymap, scope: Scope, mouse: bool) -> Step {
    match msg {
        Msg::Input(ev @ crossterm::event::Event::Key(_), _) => {
            Step::Key(input::translate(&ev, keymap, scope, mouse))
        }
        Msg::Input(ev, _) => {
            input::translate(&ev, keymap, scope, mouse).map_or(Step::Nothing, Step::Event)
        }
        // The terminal is gone: end as a hang-up would.
        Msg::InputGone => Step::Exit(128 + SIGHUP),
        Msg::Signal(SIGTSTP) => Step::Suspend,
        Msg::Signal(SIGCONT | SIGWINCH) | Msg::Repaint => Step::Repaint,
        Msg::Signal(sig) => Step::Exit(128 + sig),
        Msg::Browser { text, error } => Step::Event(Event::Notice {
            level: if error { Level::Error } else { Level::Info },
            text,
        }),
        Msg::Index(index) => Step::Event(Event::IndexReady(index)),
        Msg::People(p) => Step::Event(Event::PeopleReady(p)),
        Msg::Similar(s) => Step::Event(Event::SimilarReady(s)),
        Msg::TextsLeft(from, to) => Step::Event(Event::TextsLeft {
            from: ArchiveHandle(from),
            to: ArchiveHandle(to),
        }),
        Msg::TextsRead(read) => Step::Event(Event::TextsRead(read)),
        Msg::Reloaded(result) => Step::Reloaded(Event::Reloaded(
            result.map(|a| ArchiveHandle(Arc::new(a))).map_err(Arc::new),
        )),
        Msg::FsChanged(changed) => Step::ScheduleReload(changed),
        Msg::Watch(text) => Step::Event(Event::Notice {
            level: Level::Error,
            text,
        }),
        Msg::Cache(text) => Step::Event(Event::Notice {
            level: Level::Info,
            text,
        }),
        Msg::Progress(done, total) => Step::Event(Event::Progress(done, total)),
        Msg::Loaded(archive) => Step::Event(Event::Loaded(ArchiveHandle(Arc::new(archive)))),
        Msg::Saving(report) => Step::Event(super::saving::event_of(report)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::command::Command;
    use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
    use signal_hook::consts::signal::{SIGINT, SIGTERM};

    fn key(c: char, mods: KeyModifiers) -> Msg {
        Msg::Input(
            TermEvent::Key(KeyEvent::new(KeyCode::Char(c), mods)),
            std::time::Instant::now(),
        )
    }

    #[test]
    fn keys_signals_and_workers_become_steps() {
        let km = Keymap::default();
        let s = |m| step(m, &km, Scope::Reader, true);
        assert!(matches!(
            s(key('c', KeyModifiers::CONTROL)),
            Step::Key(Some(Event::Command(Command::Quit)))
        ));
        assert!(matches!(
            s(key('x', KeyModifiers::NONE)),
            Step::Key(Some(Event::Unbound))
        ));
        assert!(matches!(s(Msg::Signal(SIGTERM)), Step::Exit(143)));
        assert!(matches!(s(Msg::Signal(SIGINT)), Step::Exit(130)));
        assert!(matches!(s(Msg::Signal(SIGHUP)), Step::Exit(129)));
        assert!(matches!(s(Msg::InputGone), Step::Exit(129)));
        assert!(matches!(s(Msg::Signal(SIGTSTP)), Step::Suspend));
        assert!(matches!(s(Msg::Signal(SIGCONT)), Step::Repaint));
        assert!(matches!(s(Msg::Signal(SIGWINCH)), Step::Repaint));
        let changed = Changed::paths([std::path::PathBuf::from("/a/2024-01-01.md")]);
        assert!(matches!(
            s(Msg::FsChanged(changed.clone())),
            Step::ScheduleReload(c) if c == changed
        ));
        let archive = Arc::new(Archive::default());
        let listings = Arc::new(crate::search::Listings::build(&archive));
        let people = Msg::People(PeopleHandle::build(&archive, listings));
        assert!(matches!(s(people), Step::Event(Event::PeopleReady(_))));
        let resize = Msg::Input(TermEvent::Resize(90, 30), std::time::Instant::now());
        assert!(resize.is_repaint() && Msg::Signal(SIGWINCH).is_repaint());
        assert!(!key('j', KeyModifiers::NONE).is_repaint() && !Msg::Signal(SIGTERM).is_repaint());
        assert!(matches!(
            s(Msg::Browser {
                text: "no browser".into(),
                error: true
            }),
            Step::Event(Event::Notice {
                level: Level::Error,
                ..
            })
        ));
        assert!(matches!(
            s(Msg::Input(
                TermEvent::Resize(100, 30),
                std::time::Instant::now()
            )),
            Step::Event(Event::Resize(100, 30))
        ));
        let failed = Msg::Reloaded(Err(ArchiveError::NotADirectory {
            path: "blog".into(),
        }));
        match s(failed) {
            Step::Reloaded(Event::Reloaded(Err(e))) => {
                assert!(e.to_string().contains("blog"), "the typed error is carried")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_run_of_resizes_is_one_repaint_before_what_follows_it() {
        let resize =
            |i: u16| Msg::Input(TermEvent::Resize(80 + i % 7, 24), std::time::Instant::now());
        let msgs = (0..10_000)
            .map(resize)
            .chain([key('j', KeyModifiers::NONE)])
            .chain((0..5_000).map(|_| Msg::Signal(SIGWINCH)))
            .chain([key('k', KeyModifiers::NONE), key('g', KeyModifiers::NONE)])
            .chain([Msg::Signal(SIGCONT), resize(3)]);
        let plan: Vec<String> = coalesce(msgs)
            .map(|n| match n {
                Next::Repaint => "repaint".to_string(),
                Next::Msg(Msg::Input(TermEvent::Key(k), _)) => k.code.to_string(),
                Next::Msg(_) => "other".to_string(),
            })
            .collect();
        assert_eq!(plan, ["repaint", "j", "repaint", "k", "g", "repaint"]);
    }

    #[test]
    fn keys_are_read_in_the_scope_of_the_open_box() {
        let km = Keymap::default();
        let typed = step(key('q', KeyModifiers::NONE), &km, Scope::Search, true);
        assert!(matches!(typed, Step::Key(Some(Event::Text('q')))));
        let cancel = step(key('c', KeyModifiers::CONTROL), &km, Scope::Search, true);
        assert!(matches!(
            cancel,
            Step::Key(Some(Event::Command(Command::Back)))
        ));
    }
}
