//! Reading state in the reader: read and starred marks, the starred list, copying, reloading.
//! Pure like `update`: writes to the state database and the clipboard are returned as effects.

use super::action::{Action, Effect};
use super::app::{App, ArchiveHandle, Overlay, Starred};
use super::layout::{self, fit_offset};
use super::update::{go_to, reselect, select_day, select_paper};
use crate::search::PaperRef;
fn key(p: &crate::archive::Paper) -> crate::archive::PaperKey {
    p.key.clone()
}

/// Most text that is put on the clipboard; terminals cap OSC 52 themselves, often lower.
pub const MAX_COPY: usize = 64 * 1024;

pub fn toggle_read(app: &mut App) -> Option<Effect> {
    let k = key(app.current_paper()?);
    let read = !app.read.contains(&k);
    set_read(app, k.clone(), read);
    app.set_status(if read { "Marked read" } else { "Marked unread" });
    Some(Effect::SaveRead { key: k, read })
}

fn set_read(app: &mut App, k: crate::archive::PaperKey, read: bool) {
    if read {
        app.read.insert(k);
    } else {
        app.read.remove(&k);
    }
}

/// The read timer fired: the paper counts as read if it is still the one on screen.
pub fn seen(app: &mut App, k: crate::archive::PaperKey) -> Option<Effect> {
    if app.unread_on_screen().as_ref() != Some(&k) {
        return None;
    }
    set_read(app, k.clone(), true);
    Some(Effect::SaveRead { key: k, read: true })
}

pub fn toggle_star(app: &mut App, paper: PaperRef) -> Option<Effect> {
    let p = app.archive.days.get(paper.day)?.papers.get(paper.paper)?;
    let k = key(p);
    let starred = !app.starred.contains_key(&k);
    if starred {
        app.starred.insert(k.clone(), app.now);
        app.set_status(format!(
            "Starred {}",
            p.arxiv_id.as_deref().unwrap_or("the paper")
        ));
    } else {
        app.starred.remove(&k);
        app.set_status(format!(
            "Unstarred {}",
            p.arxiv_id.as_deref().unwrap_or("the paper")
        ));
    }
    Some(Effect::SaveStar { key: k, starred })
}

pub fn current(app: &App) -> Option<PaperRef> {
    app.current_paper().map(|_| PaperRef {
        day: app.day,
        paper: app.paper,
    })
}

/// Goes to the next unread paper, in the order the lists show: down the day's list, then the
/// older days, wrapping round to the newest.
pub fn next_unread(app: &mut App) -> Option<Effect> {
    let n_days = app.archive.days.len();
    let row = app.paper_row().map_or(0, |r| r + 1);
    for step in 0..=n_days {
        let d = (app.day + n_days - step % n_days.max(1)) % n_days.max(1);
        let day = app.archive.days.get(d)?;
        let order = app.order_of(d);
        let skip = if step == 0 { row } else { 0 };
        if let Some(&i) = order
            .iter()
            .skip(skip)
            .find(|&&i| !app.is_read(&day.papers[i]))
        {
            go_to(app, PaperRef { day: d, paper: i });
            app.set_status("Next unread paper");
            return None;
        }
    }
    app.set_status("No unread papers");
    None
}

pub fn open_starred(app: &mut App) -> Option<Effect> {
    // A paper listed on several days is listed once, at its latest day (days go oldest first,
    // so a later listing overwrites an earlier one).
    let mut by_key: std::collections::HashMap<crate::archive::PaperKey, (i64, PaperRef)> =
        std::collections::HashMap::new();
    if !app.starred.is_empty() {
        for (d, day) in app.archive.days.iter().enumerate() {
            for (i, p) in day.papers.iter().enumerate() {
                let k = key(p);
                if let Some(at) = app.starred.get(&k) {
                    by_key.insert(k, (*at, PaperRef { day: d, paper: i }));
                }
            }
        }
    }
    let mut papers: Vec<(i64, PaperRef)> = by_key.into_values().collect();
    if papers.is_empty() {
        app.set_status("No starred papers: * stars the selected one");
        return None;
    }
    papers.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let papers = papers.into_iter().map(|(_, r)| r).collect();
    app.overlay = Some(Overlay::Starred(Starred {
        papers,
        selected: 0,
        offset: 0,
    }));
    None
}

pub fn starred(app: &mut App, mut s: Starred, action: Action) -> Option<Effect> {
    let rows = layout::board_rows(&app.areas());
    let mut effect = None;
    match action {
        Action::Back => return None,
        Action::Enter => {
            if let Some(&r) = s.papers.get(s.selected) {
                let note = go_to(app, r);
                app.set_status(format!(
                    "Starred paper {} of {}{note}",
                    s.selected + 1,
                    s.papers.len()
                ));
            }
            return None;
        }
        Action::ToggleStar => {
            if let Some(&r) = s.papers.get(s.selected) {
                effect = toggle_star(app, r);
            }
        }
        ref a => {
            s.selected =
                super::overlays::moved(s.selected, s.papers.len(), rows, a).unwrap_or(s.selected)
        }
    }
    s.offset = fit_offset(s.selected, s.offset, rows);
    app.overlay = Some(Overlay::Starred(s));
    effect
}

pub fn copy_url(app: &mut App) -> Option<Effect> {
    let p = app.current_paper()?;
    match &p.abs_url {
        Some(u) => match crate::links::check_url(u) {
            Ok(()) => Some(Effect::Copy {
                what: "abs URL",
                text: u.clone(),
            }),
            Err(why) => {
                app.set_error(format!("Refused to copy the abs URL: {why}"));
                None
            }
        },
        None => {
            let rank = p.rank;
            app.set_error(format!("Paper {rank} has no abs link"));
            None
        }
    }
}

pub fn copy_bibtex(app: &mut App) -> Option<Effect> {
    let day = app.current_day()?;
    let p = day.papers.get(app.paper)?;
    Some(Effect::Copy {
        what: "BibTeX entry",
        text: crate::export::bibtex::entry(day, p),
    })
}

pub fn reload(app: &mut App) -> Option<Effect> {
    if app.archive.root.is_none() {
        app.set_status("The bundled sample cannot change; nothing to reload");
        return None;
    }
    app.set_status("Reloading…");
    Some(Effect::Reload)
}

/// Puts a reloaded archive in place, keeping the selected day and paper where they still exist.
pub fn reloaded(app: &mut App, result: Result<ArchiveHandle, String>) {
    let archive = match result {
        Ok(ArchiveHandle(a)) => a,
        Err(e) => return app.set_error(format!("Reload failed: {e}")),
    };
    let date = app.current_day().map(|d| d.date);
    let paper = app.current_paper().map(key);
    let before = app.archive.days.len();
    let (scroll, focus) = (app.scroll, app.focus);
    app.archive = archive;
    app.index = None;
    app.results.clear();
    app.result = None;
    app.last_query = None;
    // What is open stays open (a reload can come from the disk at any moment): a search runs
    // again once the new index is built; lists that point into the old archive (leaderboard,
    // starred) close, and are rebuilt on asking.
    app.overlay = match app.overlay.take() {
        Some(Overlay::Search(mut b)) => {
            b.results.clear();
            Some(Overlay::Search(b))
        }
        Some(o @ (Overlay::Help { .. } | Overlay::Categories(_))) => Some(o),
        _ => None,
    };
    let day = date
        .and_then(|d| app.archive.nearest_day(d))
        .unwrap_or(app.archive.days.len().saturating_sub(1));
    app.day = usize::MAX;
    select_day(app, day);
    if let Some(i) = paper.and_then(|k| app.current_day()?.papers.iter().position(|p| key(p) == k))
    {
        select_paper(app, i);
        app.scroll = scroll;
    }
    reselect(app);
    app.focus = focus;
    let now = app.archive.days.len();
    let change = match now as i64 - before as i64 {
        0 => String::new(),
        d if d > 0 => format!(" ({d} new)"),
        d => format!(" ({} fewer)", -d),
    };
    app.set_status(format!("Reloaded: {now} days{change}"));
}
