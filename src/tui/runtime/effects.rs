//! Carrying out what `update` asked for: the browser, the clipboard, the state database,
//! reloads, the index, suspending. What the world answers goes back to `update` as events.

use std::io::Write;
use std::sync::mpsc::Sender;
use std::time::Instant;

use super::messages::Msg;
use super::terminal::{self, Term};
use super::timers::Timers;
use super::{browser, clipboard, workers};
use crate::state::{StateError, Store};
use crate::tui::core::app::App;
use crate::tui::core::effect::Effect;
use crate::tui::core::notice::Level;
use crate::tui::event::Event;

/// What the effects need of the world.
pub struct World<'a> {
    pub term: &'a mut Term,
    pub tx: Sender<Msg>,
    pub store: Option<Store>,
    pub mouse: bool,
    pub timers: Timers,
    pub clicks: super::clicks::Clicks,
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
    let saved = |r: Result<(), StateError>| match r {
        Ok(()) => Done::Ok,
        Err(e) => Done::Answer(Event::Notice {
            level: Level::Error,
            text: format!("Could not save the reading state: {e}"),
        }),
    };
    Ok(match effect {
        Effect::OpenUrl { what, url } => {
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
        Effect::SaveRead { key, read } => match &w.store {
            Some(store) => saved(store.set_read(&key, read)),
            None => Done::Ok,
        },
        Effect::SaveStar { key, starred, at } => match &w.store {
            Some(store) => saved(store.set_starred(&key, starred, at)),
            None => Done::Ok,
        },
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
            match &w.store {
                Some(store) => match store.set_note(&key, &new, at) {
                    Ok(()) => Done::Answer(Event::NoteSaved { key, text: new }),
                    Err(e) => saved(Err(e)),
                },
                None => Done::Answer(Event::Notice {
                    level: Level::Error,
                    text: "Not saved: the reading state is not open".into(),
                }),
            }
        }
        Effect::SaveTags {
            key,
            add,
            remove,
            at,
        } => match &w.store {
            Some(store) => {
                let added = match add.is_empty() {
                    true => Ok(0),
                    false => store.add_tags(&key, &add, at),
                };
                let removed = added.and_then(|_| match remove.is_empty() {
                    true => Ok(0),
                    false => store.remove_tags(&key, &remove),
                });
                saved(removed.map(|_| ()))
            }
            None => Done::Ok,
        },
        Effect::SaveNotForMe { key, on, at } => match &w.store {
            Some(store) => saved(store.set_not_for_me(&key, on, at)),
            None => Done::Ok,
        },
        Effect::MarkReadBulk { keys, at } => match &w.store {
            Some(store) => saved(store.mark_read_bulk(&keys, at).map(|_| ())),
            None => Done::Ok,
        },
        Effect::UndoBulk => match w.store.as_ref().map(|s| s.undo_bulk()) {
            // What the database kept (this session's, or one from before) is unread again.
            Some(Ok(Some(keys))) => Done::Answer(Event::Undone(keys)),
            Some(Ok(None)) | None => Done::Ok,
            Some(Err(e)) => saved(Err(e)),
        },
        Effect::SaveQuery { query, at } => match &w.store {
            Some(store) => saved(store.push_query(&query, at)),
            None => Done::Ok,
        },
        Effect::SaveWatch {
            name,
            query,
            seen,
            at,
        } => match &w.store {
            Some(store) => saved(
                store
                    .save_watch(&name, &query, at)
                    .and_then(|_| store.mark_seen(&name, &seen, at))
                    .map(|_| ()),
            ),
            None => Done::Ok,
        },
        Effect::ForgetWatch { name } => match &w.store {
            Some(store) => saved(store.forget_watch(&name).map(|_| ())),
            None => Done::Ok,
        },
        Effect::MarkWatchSeen { name, keys, at } => match &w.store {
            Some(store) => saved(store.mark_seen(&name, &keys, at).map(|_| ())),
            None => Done::Ok,
        },
        Effect::SavePosition { date, key } => {
            // The session is ending; a position not saved is no reason to say anything.
            if let Some(store) = &w.store {
                let _ = store.set_position(date, &key);
            }
            Done::Ok
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
            start_reload(app, w);
            Done::Ok
        }
        Effect::Index => {
            workers::index(std::sync::Arc::clone(app.archive()), w.tx.clone());
            Done::Ok
        }
        Effect::Quit => Done::Quit,
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
        workers::reload(root, w.tx.clone());
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
