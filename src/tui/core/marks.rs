//! Reading state in the reader: read and starred marks, the next unread paper, copying and
//! reloading. Writes to the state database and the clipboard are returned as effects.

use super::effect::Effect;
use super::reader::allowed;
use super::select::go_to;
use super::state::Reader;
use crate::archive::PaperKey;
use crate::search::PaperRef;

/// Most text that is put on the clipboard; terminals cap OSC 52 themselves, often lower, and a
/// cut sequence would copy garbage.
pub const MAX_COPY: usize = 64 * 1024;

/// The selected paper, if it is listed.
pub fn current(r: &Reader) -> Option<PaperRef> {
    r.current_paper().map(|_| PaperRef {
        day: r.day,
        paper: r.paper,
    })
}

pub fn toggle_read(r: &mut Reader) -> Vec<Effect> {
    let Some(p) = r.current_paper() else {
        return vec![];
    };
    let key = p.key.clone();
    let read = !r.read.contains(&key);
    set_read(r, key.clone(), read);
    r.hand_marked = Some(key.clone());
    r.tell(if read { "Marked read" } else { "Marked unread" });
    vec![Effect::SaveRead { key, read }]
}

pub fn set_read(r: &mut Reader, key: PaperKey, read: bool) {
    if read {
        r.read.insert(key);
    } else {
        r.read.remove(&key);
    }
}

pub fn toggle_star(r: &mut Reader, at: PaperRef) -> Vec<Effect> {
    let Some((_, p)) = r.paper_at(at) else {
        return vec![];
    };
    let key = p.key.clone();
    let id = p.arxiv_id.as_deref().unwrap_or("the paper").to_string();
    let starred = !r.starred.contains_key(&key);
    if starred {
        r.starred.insert(key.clone(), r.now);
        r.tell(format!("Starred {id}"));
    } else {
        r.starred.remove(&key);
        r.tell(format!("Unstarred {id}"));
    }
    vec![Effect::SaveStar {
        key,
        starred,
        at: r.now,
    }]
}

/// Marks the paper at `at` not for me, or takes the mark back: For you (`R`) ranks papers
/// like it lower.
pub fn toggle_not_for_me(r: &mut Reader, at: PaperRef) -> Vec<Effect> {
    let Some((_, p)) = r.paper_at(at) else {
        return vec![];
    };
    let key = p.key.clone();
    let id = p.arxiv_id.as_deref().unwrap_or("the paper").to_string();
    let on = !r.not_for_me.contains(&key);
    if on {
        r.not_for_me.insert(key.clone());
        r.tell(format!("Not for me: {id}; For you suggests fewer like it"));
    } else {
        r.not_for_me.remove(&key);
        r.tell(format!("{id} is no longer marked not for me"));
    }
    vec![Effect::SaveNotForMe { key, on, at: r.now }]
}

/// Goes to the next unread paper, in the order the lists show: down the day's list, then the
/// older days, wrapping round to the newest.
pub fn next_unread(r: &mut Reader) {
    let n_days = r.archive.days.len();
    if n_days == 0 {
        return;
    }
    let row = r.paper_row().map_or(0, |r| r + 1);
    for step in 0..=n_days {
        let d = (r.day + n_days - step % n_days) % n_days;
        let day = &r.archive.days[d];
        let skip = if step == 0 { row } else { 0 };
        let found = r
            .order_of(d)
            .into_iter()
            .skip(skip)
            .find(|&i| !r.is_read(&day.papers[i]));
        if let Some(i) = found {
            go_to(r, PaperRef { day: d, paper: i });
            r.tell("Next unread paper");
            return;
        }
    }
    r.tell("No unread papers");
}

pub fn copy_url(r: &mut Reader) -> Vec<Effect> {
    let Some(p) = r.current_paper() else {
        return vec![];
    };
    let (url, rank) = (p.abs_url().map(String::from), p.rank);
    match url {
        Some(u) if allowed(r, "copy", "abs URL", &u) => copy(r, "abs URL", u),
        Some(_) => vec![],
        None => {
            r.warn(format!("Paper {rank} has no abs link"));
            vec![]
        }
    }
}

pub fn copy_bibtex(r: &mut Reader) -> Vec<Effect> {
    let Some(day) = r.current_day() else {
        return vec![];
    };
    let Some(p) = day.papers.get(r.paper) else {
        return vec![];
    };
    let text = crate::export::bibtex::entry(day, p);
    copy(r, "BibTeX entry", text)
}

pub fn copy(r: &mut Reader, what: &'static str, text: String) -> Vec<Effect> {
    if text.len() > MAX_COPY {
        r.warn(format!(
            "Not copied: {} bytes is more than the {MAX_COPY} the clipboard takes",
            text.len()
        ));
        return vec![];
    }
    let shown = crate::display::width::truncate(text.lines().next().unwrap_or(""), 60);
    r.tell(format!("Copied the {what}: {shown}"));
    vec![Effect::Copy { what, text }]
}

pub fn reload(r: &mut Reader) -> Vec<Effect> {
    if r.archive.root.is_none() {
        r.tell("The bundled sample cannot change; nothing to reload");
        return vec![];
    }
    r.tell("Reloading…");
    vec![Effect::Reload]
}

/// `A`: every paper of the selected day read, at once (it can be undone).
pub fn read_day(r: &mut Reader) -> Vec<Effect> {
    let Some(day) = r.current_day() else {
        return vec![];
    };
    let keys = unread_of(r, r.day..=r.day);
    let done = format!("{} marked read", day.date);
    if keys.is_empty() {
        r.tell(format!("Every paper of {} is read already", day.date));
        return vec![];
    }
    mark_read_bulk(r, keys, done)
}

/// `C`: the question before marking every paper up to and including the selected day read,
/// or `None` (and why) when there is nothing to mark.
pub fn read_up_to(r: &mut Reader) -> Option<(String, Vec<PaperKey>, String)> {
    let date = r.current_day()?.date;
    let keys = unread_of(r, 0..=r.day);
    if keys.is_empty() {
        r.tell(format!("Every paper up to {date} is read already"));
        return None;
    }
    let n = crate::display::words::count(keys.len(), "unread paper", "unread papers");
    let question = format!("Mark {n} up to and including {date} read?");
    let done = format!("{n} up to {date} marked read");
    Some((question, keys, done))
}

/// The unread papers of days `days`, each paper once.
fn unread_of(r: &Reader, days: std::ops::RangeInclusive<usize>) -> Vec<PaperKey> {
    let mut seen = std::collections::HashSet::new();
    r.archive.days[days]
        .iter()
        .flat_map(|d| &d.papers)
        .filter(|p| !r.is_read(p) && seen.insert(&p.key))
        .map(|p| p.key.clone())
        .collect()
}

/// Marks `keys` read as one marking that `U` undoes; `done` says what was marked.
pub fn mark_read_bulk(r: &mut Reader, keys: Vec<PaperKey>, done: String) -> Vec<Effect> {
    for k in &keys {
        r.read.insert(k.clone());
    }
    r.undo = Some(keys.clone());
    r.undo_pending = true;
    let how = r.keymap.say(
        crate::tui::command::Scope::Reader,
        crate::tui::command::Command::UndoBulk,
        &done,
        |k| format!(" ({k} undoes)"),
    );
    r.tell(how);
    vec![Effect::MarkReadBulk { keys, at: r.now }]
}

/// `U`: the papers of the last marking of many unread again. The database keeps the last
/// one across sessions; this session's is undone here at once.
pub fn undo_bulk(r: &mut Reader) -> Vec<Effect> {
    if !r.undo_pending {
        r.tell("Nothing to undo");
        return vec![];
    }
    r.undo_pending = false;
    if let Some(keys) = r.undo.take() {
        undone(r, &keys);
    }
    vec![Effect::UndoBulk]
}

/// The marking undone (here, or as the database says): those papers are unread again.
pub fn undone(r: &mut Reader, keys: &[PaperKey]) {
    for k in keys {
        r.read.remove(k);
    }
    let n = crate::display::words::count(keys.len(), "paper", "papers");
    r.tell(format!("Undone: {n} unread again"));
}
