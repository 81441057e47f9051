//! The reader's contact with the world: the terminal, the run loop, the threads beside it,
//! timers, and carrying out the core's effects. Everything that does I/O lives here.

mod browser;
pub mod clicks;
pub mod clipboard;
mod effects;
mod event_loop;
pub mod messages;
pub mod startup;
pub mod terminal;
pub mod timers;
mod workers;

use std::sync::mpsc;

use signal_hook::consts::signal::SIGHUP;

use crate::tui::core::app::App;
use startup::Options;

/// Runs the reader until the user quits. Returns the process exit code.
pub fn run(mut app: App, opts: Options) -> anyhow::Result<i32> {
    terminal::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    workers::signals(tx.clone())?;
    if let Err(e) = terminal::enter(opts.mouse) {
        // It may have got halfway (raw mode on, screen not switched).
        terminal::restore();
        return Err(e.into());
    }
    let result = match event_loop::event_loop(&mut app, opts, tx, rx) {
        // Any failure once the terminal is gone is the hang-up itself (a hang-up also sends
        // SIGCONT, whose repaint can fail before SIGHUP is handled): end as a hang-up does.
        Err(_) if terminal::hung_up() => Ok(128 + SIGHUP),
        other => other,
    };
    terminal::restore();
    result
}
