//! The run loop: waits for a message or a timer, turns it into events for `update`, carries
//! out the effects, and draws when something changed.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use signal_hook::consts::signal::SIGHUP;

use super::effects::{self, Done, World, perform, repaint};
use super::messages::{Msg, Step, step};
use super::startup::{Options, unix_now};
use super::terminal;
use super::timers::{Due, Timers};
use super::workers;
use crate::tui::core::app::App;
use crate::tui::core::effect::Effect;
use crate::tui::core::update::update;
use crate::tui::event::Event;
use crate::tui::view;

/// While messages keep coming, a frame at least this often (they are handled first).
const FRAME_AT_LEAST: std::time::Duration = std::time::Duration::from_millis(100);

pub fn event_loop(
    app: &mut App,
    opts: Options,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
) -> anyhow::Result<i32> {
    let mut term = terminal::new_terminal()?;
    let size = term.size()?;
    update(app, Event::Resize(size.width, size.height));
    // The first frame goes out before any background work starts competing for the cores.
    term.draw(|f| view::draw(f, app))?;
    let mouse = opts.mouse;
    let mut world = World {
        term: &mut term,
        tx: tx.clone(),
        store: opts.store,
        mouse,
        timers: Timers::new(opts.read_after),
        clicks: Default::default(),
    };
    // Kept alive for the session: dropping it stops the watching.
    let _watcher = start_workers(app, opts.listing, &mut world)?;
    world.timers.track(app.unread_on_screen(), Instant::now());
    let mut dirty = false;
    let mut drawn = Instant::now();
    loop {
        // Input already waiting is handled before the frame, so keys never queue behind
        // drawing (thirty `j`s are one frame, not thirty); a frame still goes out every
        // `FRAME_AT_LEAST` while messages keep coming.
        let waiting = if dirty && drawn.elapsed() < FRAME_AT_LEAST {
            rx.try_recv().ok()
        } else {
            None
        };
        // Draw only after something happened: an idle reader costs no CPU.
        if dirty && waiting.is_none() {
            drawn = Instant::now();
            if let Err(e) = world.term.draw(|f| view::draw(f, app)) {
                // A terminal that hung up fails every write: end as the hang-up would.
                if terminal::hung_up() {
                    return Ok(128 + SIGHUP);
                }
                return Err(e.into());
            }
            dirty = false;
        }
        let msg = match waiting {
            Some(m) => Some(m),
            None => match world.timers.next() {
                Some(due) => match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return Ok(0),
                },
                None => match rx.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(0),
                },
            },
        };
        let events = match msg {
            None => timers_due(app, &mut world),
            Some(msg) => {
                let at = msg.time();
                match events_of(step(msg, &app.keymap, app.scope(), mouse), at, &mut world)? {
                    Ok(events) => events,
                    Err(code) => return Ok(code),
                }
            }
        };
        if events.is_empty() {
            continue;
        }
        dirty = true;
        update(app, Event::Clock(unix_now()));
        for event in events {
            let effects = update(app, event);
            if let Some(code) = run_effects(app, effects, &mut world)? {
                return Ok(code);
            }
        }
        world.timers.track(app.unread_on_screen(), Instant::now());
        world.timers.track_notice(app.notice(), Instant::now());
    }
}

/// Starts what runs beside the loop: input, the hang-up watch, the index, the rest of the
/// archive, and the watcher of the archive folder (returned: it watches while it lives).
fn start_workers(
    app: &mut App,
    listing: Option<crate::archive::Listing>,
    world: &mut World<'_>,
) -> anyhow::Result<Option<notify::RecommendedWatcher>> {
    workers::input(world.tx.clone());
    terminal::watch_hangup({
        let tx = world.tx.clone();
        move || {
            let _ = tx.send(Msg::InputGone);
        }
    });
    run_effects(app, vec![Effect::Index], world)?;
    if let Some(listing) = listing {
        workers::load(listing, world.tx.clone());
    }
    let root = app.archive().root.clone();
    Ok(root.and_then(|root| workers::watch(root, world.tx.clone())))
}

/// The events a step of the loop hands the app, or the exit status it ends with.
fn events_of(
    step: Step,
    at: Instant,
    world: &mut World<'_>,
) -> std::io::Result<Result<Vec<Event>, i32>> {
    Ok(Ok(match step {
        Step::Event(e) => vec![world.clicks.classify(e, at)],
        Step::Key(e) => {
            terminal::test_panic_on_key();
            e.into_iter().collect()
        }
        Step::Repaint => {
            let (w, h) = repaint(world.term)?;
            vec![Event::Resize(w, h)]
        }
        Step::Suspend => {
            effects::suspend(world.mouse)?;
            let (w, h) = repaint(world.term)?;
            vec![Event::Resize(w, h)]
        }
        Step::ScheduleReload => {
            world.timers.changed_on_disk(Instant::now());
            vec![]
        }
        Step::Reloaded(e) => {
            world.timers.reload_done();
            vec![e]
        }
        Step::Exit(code) => return Ok(Err(code)),
        Step::Nothing => vec![],
    }))
}

/// What the timers say is due, as events (a reload just starts).
fn timers_due(app: &App, world: &mut World<'_>) -> Vec<Event> {
    let mut events = Vec::new();
    for due in world.timers.due(Instant::now()) {
        match due {
            Due::Reload => effects::start_reload(app, world),
            Due::Seen(key) => events.push(Event::Seen(key)),
            Due::Fade => events.push(Event::Clock(unix_now())),
        }
    }
    events
}

/// Carries out `effects` and what the world answers to them; `Some(status)` ends the session.
fn run_effects(
    app: &mut App,
    effects: Vec<Effect>,
    world: &mut World<'_>,
) -> std::io::Result<Option<i32>> {
    let mut queue = VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        match perform(app, effect, world)? {
            Done::Ok => {}
            Done::Answer(event) => queue.extend(update(app, event)),
            Done::Quit => return Ok(Some(0)),
        }
    }
    Ok(None)
}
