//! Watch lists in the reader: saved queries shown at the top of the day list with how many of
//! their matches are new ("radiance 3 new"). Enter on one opens its results in the search box and
//! marks them seen; Ctrl-s in the search box saves its query as one; a list saved in the reader
//! can be forgotten (the config file's are the file's to change).
//!
//! What "seen" means is kept per list by name in the state (`watch_seen`), shared with
//! `hotpapers watch`: a paper printed by a cron job is not new in the reader, and the other way
//! round.

use std::collections::{HashMap, HashSet};

use super::effect::Effect;
use super::state::Reader;
pub use super::watch_list::WatchList;
use crate::archive::PaperKey;
use crate::config::{Watch, all_watches};
use crate::search::{Order, once_per_paper, parse};
use crate::state::SavedWatch;

/// The reader's watch lists: the config file's, then those saved in the reader (see
/// `all_watches`), with their seen marks. Counted once the index is there.
pub fn set_watches(
    r: &mut Reader,
    config: &[Watch],
    saved: &[SavedWatch],
    seen: &HashMap<String, HashSet<PaperKey>>,
) {
    r.watches = all_watches(config, saved)
        .into_iter()
        .filter_map(|w| {
            let parsed = parse(&w.query).ok()?;
            Some(WatchList {
                seen: seen.get(&w.name).cloned().unwrap_or_default(),
                name: w.name,
                query: w.query,
                parsed,
                saved: w.saved,
                matches: None,
            })
        })
        .collect();
    r.watch_row = r.watch_row.filter(|&i| i < r.watches.len());
    count(r);
}

/// Counts every list's matches with the index of the archive shown (after it is built, and
/// after the archive changes); without an index they wait.
pub fn count(r: &mut Reader) {
    let Some(handle) = r.index.as_ref() else {
        for w in &mut r.watches {
            w.matches = None;
        }
        return;
    };
    let (index, archive, notes) = (&handle.index, &r.archive, &r.notes);
    for w in &mut r.watches {
        let refs = index.search_with(&w.parsed, Order::Newest, notes);
        let keys = once_per_paper(archive, &refs)
            .into_iter()
            .map(|p| archive.days[p.day].papers[p.paper].key.clone())
            .collect();
        w.matches = Some(keys);
    }
}

/// The selected watch list's matches are being shown: they are seen now. The effect saves that.
pub fn mark_seen(r: &mut Reader, i: usize) -> Vec<Effect> {
    let at = r.now;
    let Some(w) = r.watches.get_mut(i) else {
        return vec![];
    };
    let Some(matches) = &w.matches else {
        return vec![];
    };
    let new: Vec<PaperKey> = matches
        .iter()
        .filter(|k| !w.seen.contains(*k))
        .cloned()
        .collect();
    if new.is_empty() {
        return vec![];
    }
    w.seen.extend(new.iter().cloned());
    vec![Effect::MarkWatchSeen {
        name: w.name.clone(),
        keys: new,
        at,
    }]
}

/// Saves `query` as the watch list `name`, its present matches seen (they are on screen), or
/// says why not. A saved list of that name is replaced; a config file's is not.
pub fn save(r: &mut Reader, name: &str, query: &str) -> Result<Vec<Effect>, String> {
    let name = crate::state::watch_name(name).map_err(|e| e.to_string())?;
    let parsed = match parse(query) {
        Ok(q) if !q.is_empty() => q,
        Ok(_) => return Err("Type a query to watch first".into()),
        Err(e) => return Err(format!("Not saved: {e}")),
    };
    if r.watches.iter().any(|w| w.name == name && !w.saved) {
        return Err(format!(
            "{name:?} is a watch list of the config file: choose another name"
        ));
    }
    let replaced = r.watches.iter().position(|w| w.name == name);
    let list = WatchList {
        name: name.clone(),
        query: query.trim().to_string(),
        parsed,
        saved: true,
        seen: HashSet::new(),
        matches: None,
    };
    let at = match replaced {
        Some(i) => {
            r.watches[i] = list;
            i
        }
        None => {
            r.watches.push(list);
            r.watches.len() - 1
        }
    };
    count(r);
    let w = &mut r.watches[at];
    let seen: Vec<PaperKey> = w.matches.clone().unwrap_or_default();
    w.seen.extend(seen.iter().cloned());
    let what = if replaced.is_some() {
        "Replaced"
    } else {
        "Saved"
    };
    let matches = w.match_count().map_or(String::new(), |n| {
        format!(
            " ({n} {} now, all seen)",
            if n == 1 { "match" } else { "matches" }
        )
    });
    let text = format!("{what} the watch list {name:?}{matches}; the day list counts its new ones");
    let effect = Effect::SaveWatch {
        name,
        query: w.query.clone(),
        seen,
        at: r.now,
    };
    r.tell(text);
    Ok(vec![effect])
}

/// Forgets the saved watch list `i`; a config file's list stays, and the status says why.
pub fn forget(r: &mut Reader, i: usize) -> Vec<Effect> {
    let Some(w) = r.watches.get(i) else {
        return vec![];
    };
    if !w.saved {
        let text = in_config(&w.name);
        r.warn(text);
        return vec![];
    }
    let w = r.watches.remove(i);
    r.watch_row = match r.watches.len() {
        0 => None,
        n => Some(i.min(n - 1)),
    };
    r.tell(format!("Forgot the watch list {:?}", w.name));
    vec![Effect::ForgetWatch { name: w.name }]
}

/// The first watch list shown in a box of `rows` rows: the selected one stays in view.
pub fn first_shown(r: &Reader, rows: usize) -> usize {
    r.watch_row.map_or(0, |i| (i + 1).saturating_sub(rows))
}

/// Why the reader does not forget the watch list `name`: the config file holds it.
pub fn in_config(name: &str) -> String {
    format!("{name:?} is a watch list of the config file: delete its [[watch]] there")
}

/// Moves `by` rows in the day list, where the watch lists come above the newest day: up from
/// the newest day onto the last list, down from the last list back onto that day (a longer
/// move stops there). True when the move was among the watch lists; the day list's own moves
/// are left to it.
pub fn move_by(r: &mut Reader, by: isize) -> bool {
    let n = r.watches.len() as isize;
    match r.watch_row {
        Some(i) => {
            let to = i as isize + by;
            r.watch_row = (to < n).then(|| to.max(0) as usize);
            true
        }
        None if n > 0 && by < 0 && r.day_row() == 0 => {
            r.watch_row = Some((n + by).max(0) as usize);
            true
        }
        None => false,
    }
}
