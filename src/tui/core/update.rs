//! `update`: the only code that changes the app's state. No I/O: work for the outside world is
//! returned as effects for the runtime.

use super::app::App;
use super::effect::Effect;
use super::marks;
use super::mouse;
use super::notice::Level;
use super::paste;
use super::reader::{self, Step, step, step_of};
use super::select::keep_in_view;
use super::state::Pane;
use super::state::Reader;
use super::swap;
use super::texts;
use super::watches;
use crate::tui::boxes::{self, Component, Handled, OpenBox};
use crate::tui::command::Command;
use crate::tui::event::Event;

pub fn update(app: &mut App, event: Event) -> Vec<Effect> {
    let effects = match event {
        Event::Command(command) => {
            clear_notice(app, command.is_move());
            on_command(app, command)
        }
        Event::Text(c) => {
            clear_notice(app, false);
            in_box(app, |b, r| b.typed(r, c))
        }
        Event::Paste(text) => paste(app, &text),
        Event::Settle => {
            if let Some(open) = app.open.as_mut() {
                open.component_mut().settle(&mut app.reader);
            }
            vec![]
        }
        Event::Count(d) if app.open.is_some() => in_box(app, |b, r| b.digit(r, d)),
        Event::Count(d) => {
            let r = &mut app.reader;
            r.count = match (r.count, d) {
                // A lone 0 is no count.
                (None, 0) => None,
                (c, d) => Some((c.unwrap_or(0) * 10 + u32::from(d)).min(MAX_COUNT)),
            };
            return vec![];
        }
        Event::Unbound => {
            clear_notice(app, false);
            vec![]
        }
        Event::Resize(w, h) => {
            app.reader.width = w;
            app.reader.height = h;
            vec![]
        }
        // The mouse works on the box when one is open, else on the panes.
        Event::Click { col, row } | Event::DoubleClick { col, row } if app.open.is_some() => {
            let twice = matches!(event, Event::DoubleClick { .. });
            box_click(app, col, row, twice)
        }
        Event::Wheel { down, .. } if app.open.is_some() => {
            let step = if down { Command::Down } else { Command::Up };
            (0..3).flat_map(|_| on_command(app, step)).collect()
        }
        Event::Click { col, row } => {
            mouse::click(&mut app.reader, col, row);
            vec![]
        }
        // A double click opens what it points at, as Enter does.
        Event::DoubleClick { col, row } => {
            mouse::click(&mut app.reader, col, row);
            once_in_reader(app, Command::Enter)
        }
        Event::Wheel { col, row, down } => {
            mouse::wheel(&mut app.reader, col, row, down);
            vec![]
        }
        // Only a notice fades with the time; nothing moves.
        Event::Clock(now) => {
            app.reader.now = now;
            if app.reader.notice.as_ref().is_some_and(|n| n.faded(now)) {
                app.reader.notice = None;
            }
            return vec![];
        }
        Event::Seen(key) => seen(app, key),
        Event::NoteSaved { key, text } => {
            let r = &mut app.reader;
            if text.is_empty() {
                r.notes.remove(&key);
                r.tell("Note deleted");
            } else {
                r.notes.insert(key, text);
                r.tell("Note saved");
            }
            vec![]
        }
        Event::Undone(keys) => {
            marks::undone(&mut app.reader, &keys);
            vec![]
        }
        Event::Notice { level, text } => {
            app.reader.say(level, text);
            vec![]
        }
        Event::IndexReady(mut handle) => {
            // An index built for an archive since replaced would point at the wrong papers.
            if app.reader.describes(&handle.archive) {
                handle.archive = std::sync::Arc::clone(&app.reader.archive);
                app.reader.index = Some(handle);
                watches::count(&mut app.reader);
                if let Some(open) = app.open.as_mut() {
                    open.component_mut().index_ready(&mut app.reader);
                }
            }
            vec![]
        }
        Event::PeopleReady(mut handle) => {
            if app.reader.describes(&handle.archive) {
                handle.archive = std::sync::Arc::clone(&app.reader.archive);
                app.reader.people = Some(handle);
                if let Some(open) = app.open.as_mut() {
                    open.component_mut().people_ready(&mut app.reader);
                }
            }
            vec![]
        }
        Event::SimilarReady(mut handle) => {
            if app.reader.describes(&handle.archive) {
                handle.archive = std::sync::Arc::clone(&app.reader.archive);
                app.reader.similar = Some(handle);
                // Asked for before it was there: shown now, unless another box came first.
                if let Some(command) = app.reader.similar_wanted.take()
                    && app.open.is_none()
                {
                    app.open = boxes::open(&mut app.reader, command);
                }
            }
            vec![]
        }
        Event::Progress(done, total) => {
            if app.reader.loading.is_some() {
                app.reader.loading = Some((done, total));
            }
            // Nothing moved: no need to fit the lists again (this comes ten times a second).
            return vec![];
        }
        Event::Loaded(archive) => {
            // Whatever the status said before the load (e.g. about --date) still holds.
            let notice = app.reader.notice.clone();
            let before = app.reader.archive.days.get(app.reader.day).cloned();
            swap_archive(app, archive.0);
            texts::carried(&mut app.reader, before);
            app.reader.loading = None;
            // A box's word on the swap (an error) stays; "Reloaded" does not.
            if app.reader.notice.as_ref().is_none_or(|n| !n.is_error()) {
                app.reader.notice = notice;
            }
            // The first day's index has nothing to give the whole archive's. Similar papers
            // are worked out now too, so that the first `=` need not wait, when the texts
            // they are made of are here (the built-in sample); a loaded archive keeps none
            // (see `archive::texts`), and they would be read back from every post while the
            // index is built: that waits for an `=`.
            app.reader.people_asked = true;
            let index = Effect::Index {
                previous: None,
                people: true,
            };
            if app.reader.archive.holds_texts() {
                app.reader.similar_asked = true;
                vec![index, Effect::Similar]
            } else {
                vec![index]
            }
        }
        Event::Reloaded(Ok(archive)) => {
            let previous = app.reader.index.take();
            let similar_open = matches!(app.open, Some(OpenBox::Similar(_)));
            swap_archive(app, archive.0);
            // Who tweeted waits for the People box (`people_wanted`): the swap closed it.
            let mut effects = vec![Effect::Index {
                previous,
                people: false,
            }];
            if similar_open || app.reader.similar_wanted.is_some() {
                app.reader.similar_asked = true;
                effects.push(Effect::Similar);
            }
            effects
        }
        Event::Reloaded(Err(e)) => {
            app.reader.say(Level::Error, format!("Reload failed: {e}"));
            vec![]
        }
        Event::TextsLeft { from, to } => {
            texts::left(&mut app.reader, &from.0, to.0);
            vec![]
        }
        Event::TextsRead(read) => {
            texts::arrived(&mut app.reader, read);
            vec![]
        }
    };
    app.reader.previewing = matches!(app.open, Some(OpenBox::Search(_)));
    let on = app.reader.current_paper().map(|p| &p.key);
    if app.reader.hand_marked.as_ref() != on {
        // Left the paper marked by hand: its mark is the timer's to keep again.
        app.reader.hand_marked = None;
    }
    keep_in_view(&mut app.reader);
    let mut effects = effects;
    effects.extend(texts::wanted(&mut app.reader));
    effects.extend(damaged_index(&mut app.reader));
    effects.extend(people_wanted(app));
    effects
}

/// The People box open before who tweeted is counted (after a reload), and nothing counting.
fn people_wanted(app: &mut App) -> Option<Effect> {
    let r = &mut app.reader;
    let wanted = matches!(app.open, Some(OpenBox::People(_))) && r.people.is_none();
    (wanted && !std::mem::replace(&mut r.people_asked, true)).then_some(Effect::People)
}

/// A search that met damaged postings in the cache file (changed under the reader since it
/// was checked) found nothing there: said once, and the index built afresh from the posts.
fn damaged_index(r: &mut Reader) -> Option<Effect> {
    let damaged = r
        .index
        .as_ref()
        .is_some_and(|h| h.index.take_damage_notice());
    damaged.then(|| {
        r.warn("Part of the cached search index is damaged: indexing the archive again");
        // Who tweeted does not come from the index: it stays as it is.
        Effect::Index {
            previous: None,
            people: false,
        }
    })
}

/// A command: the open box's, else the reader's. Quitting and suspending work from any box
/// that binds them.
fn on_command(app: &mut App, command: Command) -> Vec<Effect> {
    if app.open.is_none() {
        return command_in_reader(app, command);
    }
    match command {
        Command::Quit => quit(app),
        Command::Suspend => vec![Effect::Suspend],
        // `q` in a box that takes no text closes it, as its Back does.
        Command::Close => {
            app.open = None;
            vec![]
        }
        _ => in_box(app, |b, r| b.handle(r, command)),
    }
}

/// What the open box makes of something, with the reader beside it; the box closes if it
/// says so. Nothing without a box.
fn in_box(
    app: &mut App,
    f: impl FnOnce(&mut dyn Component, &mut Reader) -> Handled,
) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return vec![];
    };
    let done = f(open.component_mut(), &mut app.reader);
    if done.close {
        app.open = None;
    }
    done.effects
}

/// A click in the open box selects the row under it (as the list keys would, so that the
/// box follows: the search's preview); a double click then opens it, as Enter does. A click
/// outside the box changes nothing.
fn box_click(app: &mut App, col: u16, row: u16, twice: bool) -> Vec<Effect> {
    let Some(open) = app.open.as_ref() else {
        return vec![];
    };
    let c = open.component();
    let area = c.area(&app.reader, &app.reader.areas());
    let inside = ratatui::layout::Position::new(col, row);
    let Some((cursor, len, above)) = c.list().filter(|_| area.contains(inside)) else {
        return vec![];
    };
    let Some(at) = row
        .checked_sub(area.y + 1 + above)
        .map(|r| cursor.offset + usize::from(r))
        .filter(|&i| i < len && row + 1 < area.bottom())
    else {
        return vec![];
    };
    let (step, n) = if at >= cursor.selected {
        (Command::Down, at - cursor.selected)
    } else {
        (Command::Up, cursor.selected - at)
    };
    let mut effects: Vec<Effect> = (0..n).flat_map(|_| on_command(app, step)).collect();
    if twice {
        effects.extend(on_command(app, Command::Enter));
    }
    effects
}

/// A paste goes into the prompt open, as if its characters were typed (one line, control
/// characters dropped, at most `MAX_PASTE` of them); anywhere else it is ignored, never taken
/// as keys.
fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    clear_notice(app, false);
    let scope = app.scope();
    if !scope.takes_text() {
        app.reader
            .tell("A paste goes into a prompt (search, go to, tag, title finder); ignored here");
        return vec![];
    }
    let (text, all) = paste::clean_paste(text);
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(in_box(app, |b, r| b.typed(r, c)));
    }
    if let Some(all) = all {
        app.reader.warn(format!(
            "Pasted the first {} of {all} characters",
            paste::MAX_PASTE
        ));
    }
    effects
}

/// A key clears an error, and a move clears any notice: what it said is done with.
fn clear_notice(app: &mut App, moved: bool) {
    if app
        .reader
        .notice
        .as_ref()
        .is_some_and(|n| moved || n.is_error())
    {
        app.reader.notice = None;
    }
}

/// The read timer fired: the paper counts as read if it is still the one on screen.
fn seen(app: &mut App, key: crate::archive::PaperKey) -> Vec<Effect> {
    if app.unread_on_screen().as_ref() != Some(&key) {
        return vec![];
    }
    marks::set_read(&mut app.reader, key.clone(), true);
    vec![Effect::SaveRead { key, read: true }]
}

/// The largest count a command takes (`9999j`); more is a slip of the finger.
const MAX_COUNT: u32 = 9999;

/// A command with no box open, as many times as the count typed before it asks (commands
/// that move), or to that row (`5G`, `5g`).
fn command_in_reader(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(n) = app.reader.count.take() else {
        return once_in_reader(app, command);
    };
    match command {
        // Esc drops the count, and only that.
        Command::Back => vec![],
        Command::First | Command::Last => {
            reader::step(&mut app.reader, Step::First);
            reader::step(&mut app.reader, Step::By(n as isize - 1));
            vec![]
        }
        c if c.is_move() || c == Command::NextResult || c == Command::PrevResult => {
            let mut effects = Vec::new();
            for _ in 0..n {
                effects.extend(once_in_reader(app, c));
            }
            effects
        }
        c => once_in_reader(app, c),
    }
}

/// A command with no box open, once.
fn once_in_reader(app: &mut App, command: Command) -> Vec<Effect> {
    let r = &mut app.reader;
    if let Some(s) = step_of(r, command) {
        step(r, s);
        return vec![];
    }
    match command {
        Command::Quit => return quit(app),
        Command::Close => {
            if !reader::step_back(r) {
                return quit(app);
            }
        }
        Command::NextPaper => reader::next_paper(r, 1),
        Command::PrevPaper => reader::next_paper(r, -1),
        Command::ReadOn => reader::read_on(r),
        Command::ReadBack => reader::read_back(r),
        Command::Enter if r.focus == Pane::Paper => return reader::enter_paper(r),
        Command::Enter if r.focus == Pane::Days && r.watch_row.is_some() => {
            let i = r.watch_row.unwrap_or(0);
            let effects = watches::mark_seen(r, i);
            app.open = boxes::SearchBox::watch(&mut app.reader, i).map(OpenBox::Search);
            return effects;
        }
        Command::FocusLeft => reader::focus(r, -1, false),
        Command::FocusRight => reader::focus(r, 1, false),
        Command::PrevPane => reader::focus(r, -1, true),
        Command::NextPane => reader::focus(r, 1, true),
        Command::NextDay => reader::change_day(r, 1),
        Command::PrevDay => reader::change_day(r, -1),
        Command::Enter => reader::enter(r),
        Command::Back => reader::back(r),
        Command::OpenAbs => return reader::open(r, "abs page", |p| p.abs_url().map(Into::into)),
        Command::OpenPdf => return reader::open(r, "pdf", |p| p.pdf_url().map(Into::into)),
        Command::OpenTweet => return reader::open_tweet(r),
        Command::NextTweet => reader::next_tweet(r),
        Command::NextResult => reader::next_result(r, 1),
        Command::PrevResult => reader::next_result(r, -1),
        Command::Sort => reader::cycle_sort(r),
        Command::ToggleRead => return marks::toggle_read(r),
        Command::Star => {
            return match marks::current(r) {
                Some(at) => marks::toggle_star(r, at),
                None => vec![],
            };
        }
        Command::EditNote => {
            return match r.current_paper() {
                Some(p) => vec![Effect::EditNote {
                    key: p.key.clone(),
                    id: p.arxiv_id.as_deref().unwrap_or("paper").to_string(),
                    current: r.notes.get(&p.key).cloned().unwrap_or_default(),
                    at: r.now,
                }],
                None => vec![],
            };
        }
        Command::NotForMe => {
            return match marks::current(r) {
                Some(at) => marks::toggle_not_for_me(r, at),
                None => vec![],
            };
        }
        Command::NextUnread => marks::next_unread(r),
        Command::ReadDay => return marks::read_day(r),
        Command::UndoBulk => return marks::undo_bulk(r),
        Command::CopyUrl => return marks::copy_url(r),
        Command::CopyBibtex => return marks::copy_bibtex(r),
        Command::Reload => return marks::reload(r),
        Command::Suspend => return vec![Effect::Suspend],
        other => {
            app.open = boxes::open(r, other);
            if r.similar.is_none() && matches!(other, Command::Similar | Command::ForYou) {
                return want_similar(r, other);
            }
        }
    }
    vec![]
}

/// `=` (or its like) before the engine is there: it opens once the engine arrives, which is
/// asked for unless it already is.
fn want_similar(r: &mut crate::tui::core::state::Reader, command: Command) -> Vec<Effect> {
    if r.current_paper().is_none() && command == Command::Similar {
        return vec![];
    }
    r.similar_wanted = Some(command);
    if std::mem::replace(&mut r.similar_asked, true) {
        vec![]
    } else {
        vec![Effect::Similar]
    }
}

/// Ends the session, saving where the reader is for the next start.
fn quit(app: &mut App) -> Vec<Effect> {
    app.reader.quit = true;
    let r = &app.reader;
    let here = r
        .current_day()
        .zip(r.current_paper())
        .map(|(d, p)| Effect::SavePosition {
            date: d.date,
            key: p.key.clone(),
        });
    here.into_iter().chain([Effect::Quit]).collect()
}

/// Puts a new archive in place; boxes that point into the old one close.
fn swap_archive(app: &mut App, archive: std::sync::Arc<crate::archive::Archive>) {
    swap::replace(&mut app.reader, archive);
    if let Some(open) = app.open.as_mut() {
        if !open.component_mut().keep_after_swap(&mut app.reader) {
            app.open = None;
        }
    }
}
