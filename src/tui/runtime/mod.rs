//! The reader's contact with the world: the terminal, the run loop, the threads beside it,
//! timers, and carrying out the core's effects. Everything that does I/O lives here.

mod browser;
pub mod clicks;
pub mod clipboard;
mod effects;
mod event_loop;
pub mod messages;
mod saving;
pub mod startup;
pub mod terminal;
pub mod timers;
mod tty_mode;
mod watcher;
mod wide_cells;
mod workers;

use std::sync::mpsc;

use signal_hook::consts::signal::SIGHUP;

use crate::state::Saver;
use crate::tui::core::app::App;
use startup::Options;

/// How long a reader that quits waits for the changes still waiting to be saved (they are kept
/// in the journal for the next session when that is not enough).
const SAVE_AT_QUIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Runs the reader until the user quits. Returns the process exit code.
pub fn run(mut app: App, mut opts: Options) -> anyhow::Result<i32> {
    terminal::install_panic_hook();
    let (tx, rx) = mpsc::channel();
    workers::signals(tx.clone())?;
    let mut saver = opts.saver.take();
    if let Some(reports) = saver.as_mut().and_then(Saver::take_reports) {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for report in reports {
                if tx.send(messages::Msg::Saving(report)).is_err() {
                    return;
                }
            }
        });
    }
    if let Err(e) = terminal::enter(opts.mouse) {
        // It may have got halfway (raw mode on, screen not switched).
        terminal::restore();
        return Err(e.into());
    }
    let result = match event_loop::event_loop(&mut app, opts, saver.as_ref(), tx, rx) {
        // Any failure once the terminal is gone is the hang-up itself (a hang-up also sends
        // SIGCONT, whose repaint can fail before SIGHUP is handled): end as a hang-up does.
        Err(_) if terminal::hung_up() => Ok(128 + SIGHUP),
        other => other,
    };
    terminal::restore();
    workers::finish_cache_write(std::time::Duration::from_secs(3));
    if let Some(saver) = saver {
        let left = saver.finish(SAVE_AT_QUIT);
        if left.waiting > 0 {
            let n = left.waiting;
            let s = if n == 1 { "" } else { "s" };
            match left.journal {
                Some(j) => eprintln!(
                    "hotpapers: {n} change{s} to the reading state could not be saved yet; kept in {}, they are saved at the next start",
                    j.display()
                ),
                None => {
                    eprintln!("hotpapers: {n} change{s} to the reading state could not be saved")
                }
            }
        }
    }
    result
}
