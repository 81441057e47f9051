//! Putting a newly read archive in place (the background load, a reload, a change on disk)
//! while keeping the reader where it was.

use crate::display::words::count;
use std::sync::Arc;

use super::select::{reselect, select_paper, show_day};
use super::state::Reader;
use crate::archive::Archive;

/// Replaces the archive, keeping the selected day and paper where they still exist, and says
/// how many days there are now.
pub fn replace(r: &mut Reader, archive: Arc<Archive>) {
    let date = r.current_day().map(|d| d.date);
    let paper = r.current_paper().map(|p| p.key.clone());
    let before = r.archive.days.len();
    let (scroll, focus) = (r.scroll, r.focus);
    r.archive = archive;
    // What arrives for the archive before it is not for this one.
    r.texts.heavier = None;
    // Positions into the old archive mean nothing in the new one.
    r.index = None;
    r.similar = None;
    r.similar_asked = false;
    r.people = None;
    r.people_asked = false;
    // Numbered again from the old archive's, when it had them, nothing else holds them (the
    // People count, just let go, did) and the archives share their first days: only the days
    // after the first one the reload changed are read. Else made on first asking.
    let old = std::mem::take(&mut r.listings).into_inner();
    let old = old.and_then(|old| Arc::try_unwrap(old).ok());
    if let Some(new) = old.and_then(|old| old.update(&r.archive)) {
        let _ = r.listings.set(Arc::new(new));
    }
    r.titles = std::sync::OnceLock::new();
    r.day_rows = std::sync::OnceLock::new();
    r.results.clear();
    r.result = None;
    r.last_query = None;
    // Counted again with the new archive's index.
    super::watches::count(r);
    let watch_row = r.watch_row;
    let (day, found) = date
        .and_then(|d| r.locate(d, paper.as_ref()))
        .unwrap_or((r.archive.days.len().saturating_sub(1), None));
    show_day(r, day);
    if let Some(i) = found {
        select_paper(r, i);
        r.scroll = scroll;
    }
    reselect(r);
    r.focus = focus;
    r.watch_row = watch_row;
    let now = r.archive.days.len();
    let change = match now as i64 - before as i64 {
        0 => String::new(),
        d if d > 0 => format!(" ({d} new)"),
        d => format!(" ({} fewer)", -d),
    };
    r.tell(format!("Reloaded: {}{change}", count(now, "day", "days")));
}
