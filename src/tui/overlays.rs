//! The boxes drawn over the reader: help, search, category filter and leaderboard. Each takes
//! the keys while open; the overlay is handed over by value and put back unless it closes.

use std::collections::BTreeMap;

use chrono::Days;

use super::action::{Action, Effect};
use super::app::{App, Board, Overlay, Picker, SearchBox, Window};
use super::layout::{self, fit_offset};
use super::update::{go_to, reselect};
use crate::search::{Measure, Query, parse, top};

pub fn update(app: &mut App, overlay: Overlay, action: Action) -> Option<Effect> {
    if action == Action::Quit {
        app.quit = true;
        return None;
    }
    match overlay {
        Overlay::Help { scroll } => help(app, scroll, action),
        Overlay::Search(b) => search(app, b, action),
        Overlay::Categories(p) => categories(app, p, action),
        Overlay::Leaderboard(b) => board(app, b, action),
        Overlay::Starred(s) => return super::reading::starred(app, s, action),
    }
    None
}

/// Moves `sel` in a list of `n` by `action`; `None` if the action is not a move.
pub(super) fn moved(sel: usize, n: usize, page: usize, action: &Action) -> Option<usize> {
    let last = n.saturating_sub(1);
    Some(match action {
        Action::Down => (sel + 1).min(last),
        Action::Up => sel.saturating_sub(1),
        Action::PageDown => (sel + page.max(1)).min(last),
        Action::PageUp => sel.saturating_sub(page.max(1)),
        Action::First => 0,
        Action::Last => last,
        _ => return None,
    })
}

fn help(app: &mut App, scroll: usize, action: Action) {
    if matches!(action, Action::Back | Action::ToggleHelp) {
        return;
    }
    let rows = app.keymap.help_lines().len();
    // As the help box is drawn: at most the screen less two rows, borders included.
    let shown = (app.height.saturating_sub(2) as usize)
        .min(rows + 2)
        .saturating_sub(2);
    let scrollable = rows.saturating_sub(shown) + 1;
    let scroll = moved(scroll, scrollable, shown, &action).unwrap_or(scroll);
    app.overlay = Some(Overlay::Help { scroll });
}

pub fn open_search(app: &mut App) -> Option<Effect> {
    let key = app
        .current_day()
        .and_then(|d| d.papers.get(app.paper))
        .map(|p| p.key.clone())
        .unwrap_or_default();
    app.before_search = app.current_day().map(|d| (d.date, key, app.focus));
    app.status = None;
    app.overlay = Some(Overlay::Search(SearchBox {
        input: String::new(),
        query: Ok(Query::default()),
        results: Vec::new(),
        selected: 0,
        offset: 0,
    }));
    None
}

/// Runs the query of the box again (after typing, or once the index is ready).
fn rerun(app: &mut App, b: &mut SearchBox) {
    b.query = parse(&b.input);
    b.results = match (&b.query, &app.index) {
        (Ok(q), Some(handle)) => handle.index.search(q),
        _ => Vec::new(),
    };
    b.selected = 0;
    b.offset = 0;
    preview(app, b);
}

/// Shows again the paper the search started from (found by date and key, so it survives the
/// archive being replaced meanwhile).
fn back_to_start(app: &mut App) {
    let Some((date, key, _)) = app.before_search.clone() else {
        return;
    };
    if let Some(r) = app.locate(date, &key) {
        super::update::select_day(app, r.day);
        if r.paper != usize::MAX {
            super::update::select_paper(app, r.paper);
        }
    }
}

/// The reader behind the box follows the selected result, so its abstract is in view.
fn preview(app: &mut App, b: &SearchBox) {
    let focus = app.focus;
    match b.results.get(b.selected) {
        // Only a preview: a filter hiding it stays until the result is chosen.
        Some(&r) => {
            super::update::select_day(app, r.day);
            super::update::select_paper(app, r.paper);
        }
        None => back_to_start(app),
    }
    // The box has the keys; the panes keep their focus for when it closes.
    app.focus = focus;
}

fn search(app: &mut App, mut b: SearchBox, action: Action) {
    let page = layout::search_rows(&app.areas());
    match action {
        Action::Input(c) => {
            b.input.push(c);
            rerun(app, &mut b);
        }
        Action::Backspace => {
            b.input.pop();
            rerun(app, &mut b);
        }
        Action::DeleteWord => {
            let kept = b
                .input
                .trim_end()
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            b.input.truncate(kept);
            rerun(app, &mut b);
        }
        Action::ClearInput => {
            b.input.clear();
            rerun(app, &mut b);
        }
        Action::Back => {
            let focus = app.before_search.as_ref().map(|b| b.2);
            back_to_start(app);
            app.before_search = None;
            if let Some(f) = focus {
                app.focus = f;
            }
            app.status = None;
            return;
        }
        Action::Enter => {
            let n = b.results.len();
            if n == 0 {
                app.set_error(match &b.query {
                    Err(e) => format!("Query not understood: {e}"),
                    Ok(_) if app.index.is_none() => {
                        "Still indexing; try again in a moment".to_string()
                    }
                    Ok(_) => "Nothing matches".to_string(),
                });
                app.overlay = Some(Overlay::Search(b));
                return;
            }
            let r = b.results[b.selected];
            app.results = b.results;
            app.result = Some(b.selected);
            app.last_query = b.query.ok();
            app.before_search = None;
            let note = go_to(app, r);
            app.set_status(format!(
                "Result {} of {n}: n and N go through the rest{note}",
                app.result.unwrap_or(0) + 1
            ));
            return;
        }
        ref a => {
            if let Some(sel) = moved(b.selected, b.results.len(), page, a) {
                b.selected = sel;
                preview(app, &b);
            }
        }
    }
    b.offset = fit_offset(b.selected, b.offset, page);
    app.overlay = Some(Overlay::Search(b));
}

/// The index arrived: a search typed while it was being built runs now.
pub fn index_ready(app: &mut App) {
    // Only a search box is touched; any other box stays as it is.
    match app.overlay.take() {
        Some(Overlay::Search(mut b)) => {
            rerun(app, &mut b);
            app.overlay = Some(Overlay::Search(b));
        }
        other => app.overlay = other,
    }
}

pub fn open_categories(app: &mut App) -> Option<Effect> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in app.archive.days.iter().flat_map(|d| &d.papers) {
        for c in &p.categories {
            *counts.entry(c.as_str()).or_default() += 1;
        }
    }
    let mut categories: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(c, n)| (c.to_string(), n))
        .collect();
    categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if categories.is_empty() {
        app.set_error("No paper has a category");
        return None;
    }
    app.overlay = Some(Overlay::Categories(Picker {
        categories,
        chosen: app.filter.clone(),
        cursor: 0,
        offset: 0,
    }));
    None
}

fn apply_filter(app: &mut App, chosen: std::collections::BTreeSet<String>) {
    app.filter = chosen;
    reselect(app);
    if app.filter.is_empty() {
        app.set_status("Showing every category");
    } else {
        let list: Vec<&str> = app.filter.iter().map(String::as_str).collect();
        app.set_status(format!("Showing only {}", list.join(", ")));
    }
}

fn categories(app: &mut App, mut p: Picker, action: Action) {
    let rows = layout::inner_height(layout::picker_area(&app.areas(), p.categories.len()));
    match action {
        Action::Back => return,
        Action::Enter => return apply_filter(app, p.chosen),
        Action::ClearFilter => return apply_filter(app, Default::default()),
        Action::ToggleCategory => {
            if let Some((c, _)) = p.categories.get(p.cursor) {
                if !p.chosen.remove(c) {
                    p.chosen.insert(c.clone());
                }
            }
        }
        ref a => p.cursor = moved(p.cursor, p.categories.len(), rows, a).unwrap_or(p.cursor),
    }
    p.offset = fit_offset(p.cursor, p.offset, rows);
    app.overlay = Some(Overlay::Categories(p));
}

pub fn open_leaderboard(app: &mut App) -> Option<Effect> {
    let mut b = Board {
        window: Window::Month,
        measure: Measure::Score,
        entries: Vec::new(),
        selected: 0,
        offset: 0,
    };
    rank(app, &mut b);
    app.overlay = Some(Overlay::Leaderboard(b));
    None
}

/// Fills the board for its window (ending at the selected day) and measure, under the filter.
fn rank(app: &App, b: &mut Board) {
    let until = app.current_day().map(|d| d.date);
    let since = match (until, b.window.days()) {
        (Some(u), Some(n)) => u.checked_sub_days(Days::new(n - 1)),
        _ => None,
    };
    b.entries = top(&app.archive, since, until, b.measure, |p| app.shows(p));
    b.selected = 0;
    b.offset = 0;
}

fn board(app: &mut App, mut b: Board, action: Action) {
    let rows = layout::board_rows(&app.areas());
    match action {
        Action::Back => return,
        Action::Enter => {
            if let Some(e) = b.entries.get(b.selected) {
                let best = e.best;
                let what = format!(
                    "Best day of {}: {} (listed on {} days)",
                    e.arxiv_id.as_deref().unwrap_or("the paper"),
                    e.best_date,
                    e.days.len()
                );
                let note = go_to(app, best);
                app.set_status(format!("{what}{note}"));
                return;
            }
        }
        Action::CycleWindow => {
            b.window = b.window.next();
            rank(app, &mut b);
        }
        Action::CycleSort => {
            b.measure = b.measure.next();
            rank(app, &mut b);
        }
        ref a => b.selected = moved(b.selected, b.entries.len(), rows, a).unwrap_or(b.selected),
    }
    b.offset = fit_offset(b.selected, b.offset, rows);
    app.overlay = Some(Overlay::Leaderboard(b));
}
