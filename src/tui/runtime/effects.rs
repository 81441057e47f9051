//! Carrying out what `update` asked for: the browser, the clipboard, the reading state's writer,
//! reloads, the index, suspending. What the world answers goes back to `update` as events.

use std::io::Write;
use std::sync::mpsc::Sender;
use std::time::Instant;

use super::messages::Msg;
use super::terminal::{self, Term};
use super::timers::Timers;
use super::{browser, clipboard, saving, workers};
use crate::archive::Changed;
use crate::state::{Op, Saver};
use crate::tui::core::app::App;
use crate::tui::core::effect::Effect;
use crate::tui::core::notice::Level;
use crate::tui::event::Event;

/// What the effects need of the world.
pub struct World<'a> {
    pub term: &'a mut Term,
    pub tx: Sender<Msg>,
    /// Where changes to the reading state go; without one, marks last only this session.
    pub saver: Option<&'a Saver>,
    pub mouse: bool,
    pub timers: Timers,
    pub clicks: super::clicks::Clicks,
    /// The posts read so far, for reloads to read only what changed.
    pub posts: workers::Posts,
    /// What the watcher saw change since the last reload started.
    pub changed: Changed,
}

/// How carrying out an effect went.
pub enum Done {
    Ok,
    /// Tell the app this.
    Answer(Event),
    /// End the session.
    Quit,
}

pub fn perform(app: &App, effect: Effect, w: &mut World<'_>) -> std::io::Result<Done> {
    // A change to the reading state is queued, never waited for: the writer saves it.
    let effect = match saving::change_of(effect) {
        Ok(change) => {
            if let Some(saver) = w.saver {
                saver.save(change);
            }
            return Ok(Done::Ok);
        }
        Err(effect) => effect,
    };
    Ok(match effect {
        Effect::OpenUrl { what, url } => {
            w.timers.watch_mode(Instant::now());
            let tx = w.tx.clone();
            let again = w.tx.clone();
            browser::open(
                what,
                url,
                move |text, error| {
                    let _ = tx.send(Msg::Browser { text, error });
                },
                move || {
                    let _ = again.send(Msg::Repaint);
                },
            );
            Done::Ok
        }
        Effect::Suspend => {
            suspend(w.mouse)?;
            let (width, height) = repaint(w.term)?;
            Done::Answer(Event::Resize(width, height))
        }
        Effect::EditNote {
            key,
            id,
            current,
            at,
        } => {
            // The editor has the terminal, as a suspended reader's shell would.
            terminal::restore();
            workers::EDITING.store(true, std::sync::atomic::Ordering::SeqCst);
            let written = crate::editor::edit(&current, &id);
            workers::EDITING.store(false, std::sync::atomic::Ordering::SeqCst);
            terminal::enter(w.mouse)?;
            repaint(w.term)?;
            let new = match written {
                Ok(text) => text.trim().to_string(),
                Err(e) => {
                    return Ok(Done::Answer(Event::Notice {
                        level: Level::Error,
                        text: format!("{e:#}"),
                    }));
                }
            };
            if new == current.trim() {
                return Ok(Done::Answer(Event::Notice {
                    level: Level::Info,
                    text: "Note unchanged".into(),
                }));
            }
            match w.saver {
                // Journaled: it is kept, whenever the database takes it.
                Some(saver) => {
                    saver.save(Op::Note {
                        key: key.clone(),
                        text: new.clone(),
                        at,
                    });
                    Done::Answer(Event::NoteSaved { key, text: new })
                }
                None => Done::Answer(Event::Notice {
                    level: Level::Error,
                    text: "Not saved: the reading state is not open".into(),
                }),
            }
        }
        Effect::Copy { what, text } => match clipboard::osc52(&text) {
            Ok(seq) => {
                let out = w.term.backend_mut();
                out.write_all(seq.as_bytes())?;
                out.flush()?;
                Done::Ok
            }
            Err(why) => Done::Answer(Event::Notice {
                level: Level::Error,
                text: format!("Not copied the {what}: {why}"),
            }),
        },
        Effect::Reload => {
            // Asked for: every file is looked at, whatever the watcher saw.
            w.changed.merge(Changed::all());
            start_reload(app, w);
            Done::Ok
        }
        Effect::Index { previous, people } => {
            // The listings are made here if no frame has asked for them yet: the paper pane
            // needs them for its first frame anyway.
            let listings = std::sync::Arc::clone(app.listings());
            let archive = std::sync::Arc::clone(app.archive());
            let people = people.then_some(listings);
            workers::index(archive, previous, people, w.posts.clone(), w.tx.clone());
            Done::Ok
        }
        Effect::People => {
            let listings = std::sync::Arc::clone(app.listings());
            workers::people(std::sync::Arc::clone(app.archive()), listings, w.tx.clone());
            Done::Ok
        }
        Effect::Similar => {
            workers::similar(std::sync::Arc::clone(app.archive()), w.tx.clone());
            Done::Ok
        }
        Effect::ReadTexts { root, day } => {
            workers::read_texts(root, day, w.tx.clone());
            Done::Ok
        }
        Effect::Quit => Done::Quit,
        // Changes to the reading state, queued above (`saving::change_of` names them).
        _ => Done::Ok,
    })
}

/// Loads the archive again on another thread, one reload at a time.
pub fn start_reload(app: &App, w: &mut World<'_>) {
    let Some(root) = app.archive().root.clone() else {
        return;
    };
    if w.timers
        .start_reload(app.loading().is_some(), Instant::now())
    {
        let changed = std::mem::take(&mut w.changed);
        workers::reload(root, w.posts.clone(), changed, w.tx.clone());
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
pub fn repaint(term: &mut Term) -> std::io::Result<(u16, u16)> {
    let s = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, s.width, s.height))?;
    Ok((s.width, s.height))
}

/// Gives the terminal back, stops the process, and takes the terminal again once continued.
pub fn suspend(mouse: bool) -> std::io::Result<()> {
    terminal::restore();
    // SIGSTOP cannot be caught, so the process really stops here until `fg` sends SIGCONT.
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
    terminal::enter(mouse)
}
