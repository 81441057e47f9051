//! The reader's first state: the day and paper asked for on the command line, or where the
//! last session left off, and the marks kept from before.

use chrono::NaiveDate;

use super::app::App;
use super::notice::Level;
use super::select::{keep_in_view, nearest_day, select_day, select_paper};
use super::watches::set_watches;
use crate::cli::DaySpec;
use crate::state::Snapshot;

/// Selects the day asked for (or the newest) and the paper of `rank`, saying in the status
/// line when the exact day or rank is not there.
pub fn open_day(app: &mut App, spec: Option<DaySpec>, rank: Option<u32>, today: NaiveDate) {
    let r = &mut app.reader;
    let days = r.archive.days.len();
    if days == 0 {
        r.warn("The archive has no posts");
        return;
    }
    r.day = match spec.and_then(|s| s.resolve(today)) {
        Some(date) => {
            let (i, note) = nearest_day(r, date).unwrap_or((0, None));
            if let Some(note) = note {
                r.tell(note);
            }
            i
        }
        None => days - 1,
    };
    r.paper = 0;
    if let Some(rank) = rank {
        let day = &r.archive.days[r.day];
        match day.papers.iter().position(|p| p.rank == rank) {
            Some(i) => r.paper = i,
            None => {
                let text = format!("{} has no paper ranked {rank}", day.date);
                r.warn(text);
            }
        }
    }
    keep_in_view(r);
}

/// Brings the marks kept from before into the app and, when `resume` (no `--date` or
/// `--rank`), the day and paper last viewed; `message` is what opening them had to say.
pub fn apply_state(
    app: &mut App,
    snapshot: &Snapshot,
    resume: bool,
    message: Option<(Level, String)>,
) {
    let r = &mut app.reader;
    r.read = snapshot.read.clone();
    r.starred = snapshot.starred.clone();
    r.tags = snapshot.tags.clone();
    r.not_for_me = snapshot.not_for_me.clone();
    r.notes = snapshot
        .notes
        .iter()
        .map(|(k, n)| (k.clone(), n.text.clone()))
        .collect();
    r.queries = snapshot.queries.clone();
    let config = std::mem::take(&mut r.config_watches);
    set_watches(r, &config, &snapshot.watches, &snapshot.watch_seen);
    r.config_watches = config;
    if let (true, Some((date, key))) = (resume, &snapshot.position) {
        if let Some((day, paper)) = r.locate(*date, Some(key)) {
            select_day(r, day);
            if let Some(p) = paper {
                select_paper(r, p);
            }
        }
    }
    if let Some((level, text)) = message {
        r.say(level, text);
    }
    keep_in_view(r);
}

/// The config file's watch lists, shown above the day list with those the state keeps (which
/// `apply_state` brings).
pub fn config_watches(app: &mut App, watches: Vec<crate::config::Watch>) {
    let r = &mut app.reader;
    r.config_watches = watches;
    let config = std::mem::take(&mut r.config_watches);
    set_watches(r, &config, &[], &Default::default());
    r.config_watches = config;
}

/// The accounts followed (lowercased handles): their papers are marked, and the filter can
/// show only them.
pub fn follow(app: &mut App, handles: Vec<String>) {
    app.reader.follow = handles;
}

/// The rest of the archive's `total` posts are being read in the background.
pub fn loading_in_background(app: &mut App, total: usize) {
    app.reader.loading = Some((0, total));
}

/// The database kept a marking of many from an earlier session: `U` can take it back.
pub fn undo_kept(app: &mut App) {
    app.reader.undo_pending = true;
}
