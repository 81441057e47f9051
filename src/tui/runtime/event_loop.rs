//! The run loop: waits for a message or a timer, turns it into events for `update`, carries
//! out the effects, and draws when something changed.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Instant;

use signal_hook::consts::signal::SIGHUP;

use super::effects::{self, Done, World, perform, repaint};
use super::messages::{Msg, Next, Step, coalesce, step};
use super::startup::{Options, unix_now};
use super::terminal;
use super::timers::{Due, Timers};
use super::{tty_mode, watcher, workers};
use crate::state::Saver;
use crate::tui::core::app::App;
use crate::tui::core::effect::Effect;
use crate::tui::core::update::update;
use crate::tui::event::Event;
use crate::tui::view;

/// The longest the loop goes on taking messages waiting before it draws: a flood of input is
/// still drawn now and then, and no frame waits behind more than this much work.
const BATCH_FOR: std::time::Duration = std::time::Duration::from_millis(50);

pub fn event_loop(
    app: &mut App,
    opts: Options,
    saver: Option<&Saver>,
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
        saver,
        mouse,
        timers: Timers::new(opts.read_after),
        clicks: Default::default(),
        posts: Default::default(),
        changed: Default::default(),
    };
    start_workers(app, opts.listing, &mut world)?;
    world.timers.track(app.unread_on_screen(), Instant::now());
    let mut dirty = false;
    loop {
        // Draw only after something happened: an idle reader costs no CPU.
        if dirty {
            // What typing put off (a search) is done once, for the frame that shows it.
            let effects = update(app, Event::Settle);
            if let Some(code) = run_effects(app, effects, &mut world)? {
                return Ok(code);
            }
            if let Err(e) = world.term.draw(|f| view::draw(f, app)) {
                // A terminal that hung up fails every write: end as the hang-up would.
                if terminal::hung_up() {
                    return Ok(128 + SIGHUP);
                }
                return Err(e.into());
            }
            dirty = false;
        }
        let first = match world.timers.next() {
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
        let Some(first) = first else {
            let events = timers_due(app, &mut world);
            dirty |= !events.is_empty();
            if let Some(code) = apply(app, events, &mut world)? {
                return Ok(code);
            }
            continue;
        };
        // Everything that came meanwhile is taken before the next frame: keys typed during a
        // slow one, and a flood of resizes (thousands a second), which is one repaint at the
        // size the terminal has once they are taken, not one each.
        let began = Instant::now();
        // (The time is looked at before a message is taken, so none is taken and left.)
        let waiting =
            std::iter::from_fn(|| (began.elapsed() < BATCH_FOR).then(|| rx.try_recv().ok())?);
        let msgs = std::iter::once(first).chain(waiting);
        for next in coalesce(msgs) {
            let (step, at) = match next {
                Next::Repaint => (Step::Repaint, Instant::now()),
                Next::Msg(msg) => {
                    let at = msg.time();
                    (step(msg, &app.keymap, app.scope(), mouse), at)
                }
            };
            dirty |= !matches!(step, Step::Nothing | Step::ScheduleReload(_));
            if let Some(code) = handle(app, step, at, &mut world)? {
                return Ok(code);
            }
        }
    }
}

/// Carries out one step of the loop: its events to the app, and their effects; `Some(status)`
/// ends the session.
fn handle(
    app: &mut App,
    step: Step,
    at: Instant,
    world: &mut World<'_>,
) -> std::io::Result<Option<i32>> {
    match events_of(step, at, world)? {
        Ok(events) => apply(app, events, world),
        Err(code) => Ok(Some(code)),
    }
}

/// Hands `events` to the app (after the time, when there are any) and carries out what it
/// asks; `Some(status)` ends the session.
fn apply(app: &mut App, events: Vec<Event>, world: &mut World<'_>) -> std::io::Result<Option<i32>> {
    if events.is_empty() {
        return Ok(None);
    }
    update(app, Event::Clock(unix_now()));
    for event in events {
        let effects = update(app, event);
        if let Some(code) = run_effects(app, effects, world)? {
            return Ok(Some(code));
        }
    }
    world.timers.track(app.unread_on_screen(), Instant::now());
    world.timers.track_notice(app.notice(), Instant::now());
    Ok(None)
}

/// Starts what runs beside the loop: input, the hang-up watch, the index, the rest of the
/// archive, and the watcher of the archive folder.
fn start_workers(
    app: &mut App,
    listing: Option<crate::archive::Listing>,
    world: &mut World<'_>,
) -> anyhow::Result<()> {
    workers::input(world.tx.clone());
    terminal::watch_hangup({
        let tx = world.tx.clone();
        move || {
            let _ = tx.send(Msg::InputGone);
        }
    });
    app.reader.people_asked = true;
    let mut first = vec![Effect::Index {
        previous: None,
        people: true,
    }];
    if listing.is_none() {
        // The whole archive is here already (the sample): similar papers can be worked out
        // now; otherwise they are once it is loaded.
        app.reader.similar_asked = true;
        first.push(Effect::Similar);
    }
    run_effects(app, first, world)?;
    if let Some(listing) = listing {
        workers::load(listing, world.posts.clone(), world.tx.clone());
    }
    if let Some(root) = app.archive().root.clone() {
        watcher::watch(root, world.tx.clone());
    }
    Ok(())
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
            // A browser asks for one when it has started and ended: it may have changed the
            // terminal's mode too.
            tty_mode::keep();
            let (w, h) = repaint(world.term)?;
            vec![Event::Resize(w, h)]
        }
        Step::Suspend => {
            effects::suspend(world.mouse)?;
            let (w, h) = repaint(world.term)?;
            vec![Event::Resize(w, h)]
        }
        Step::ScheduleReload(changed) => {
            world.changed.merge(changed);
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
            Due::TerminalMode => {
                if tty_mode::keep() {
                    let _ = world.tx.send(Msg::Repaint);
                }
            }
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
