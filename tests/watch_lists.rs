//! Watch lists in the reader, driven by keys: the config file's and the saved ones at the top of
//! the day list with their new matches, `↑` from the newest day onto them, Enter opening the
//! results (and marking them seen), Ctrl-s in the search box saving a query under a name, `D`
//! forgetting a saved one, and the counts after a reload.

mod support;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use hotpapers::archive::{Archive, PaperKey};
use hotpapers::config::Watch;
use hotpapers::state::{SavedWatch, Snapshot};
use hotpapers::tui::boxes::OpenBox;
use hotpapers::tui::core::handles::ArchiveHandle;
use hotpapers::tui::core::start::{apply_state, config_watches};
use hotpapers::tui::{App, Effect, Event, Pane, Scope, update};
use support::{app_with, archive, indexed, post, press, render, type_text};

const GAN: (&str, &str, &str) = ("StyleGAN Portraits", "https://arxiv.org/abs/2403.00001", "");
const ORGANIC: (&str, &str, &str) = (
    "Metal-Organic Frameworks",
    "https://arxiv.org/abs/2403.00002",
    "",
);
const TABLES: (&str, &str, &str) = ("GANs for Tables", "https://arxiv.org/abs/2403.00003", "");
const NERF: (&str, &str, &str) = ("NeRF in the Dark", "https://arxiv.org/abs/2403.00004", "");

fn two_days(second: &[(&str, &str, &str)]) -> Archive {
    archive(&[
        (
            "2024-03-01---Hot-Papers.md",
            post("2024-03-01", &[GAN, ORGANIC]),
        ),
        ("2024-03-02---Hot-Papers.md", post("2024-03-02", second)),
    ])
}

/// A reader with the config's `gans` list and a saved `radiance` one, the paper 2403.00001
/// already seen in `gans`.
fn reader(w: u16, h: u16) -> App {
    let mut app = app_with(two_days(&[GAN, TABLES, NERF]), w, h);
    config_watches(
        &mut app,
        vec![Watch {
            name: "gans".into(),
            query: "ti:gan".into(),
            saved: false,
        }],
    );
    let snapshot = Snapshot {
        watches: vec![SavedWatch {
            name: "radiance".into(),
            query: "nerf".into(),
            saved_at: 1,
        }],
        watch_seen: HashMap::from([(
            "gans".to_string(),
            HashSet::from([PaperKey::from_stored("2403.00001".to_string())]),
        )]),
        ..Snapshot::default()
    };
    apply_state(&mut app, &snapshot, false, None);
    app
}

fn watch_rows(app: &App) -> Vec<(String, Option<usize>)> {
    app.watches()
        .iter()
        .map(|w| (w.name.clone(), w.new_count()))
        .collect()
}

#[test]
fn the_day_list_shows_each_watch_list_with_its_new_matches_once_indexed() {
    let app = reader(120, 30);
    assert_eq!(
        watch_rows(&app),
        [("gans".to_string(), None), ("radiance".to_string(), None)]
    );
    assert!(
        render(&app).contains("gans                 …"),
        "{}",
        render(&app)
    );
    let app = indexed(app);
    // StyleGAN is seen already; GANs for Tables is new; Metal-Organic is no match.
    assert_eq!(
        watch_rows(&app),
        [
            ("gans".to_string(), Some(1)),
            ("radiance".to_string(), Some(1))
        ]
    );
    let screen = render(&app);
    assert!(screen.contains("Watch"), "{screen}");
    assert!(screen.contains("gans             1 new"), "{screen}");
    assert!(screen.contains("radiance         1 new"), "{screen}");
}

#[test]
fn up_from_the_newest_day_selects_a_list_and_enter_opens_its_results_marked_seen() {
    let mut app = indexed(reader(120, 30));
    press(&mut app, &["h"]);
    assert_eq!(app.focus(), Pane::Days);
    press(&mut app, &["k"]);
    assert_eq!(
        app.watch_row(),
        Some(1),
        "the last list, just above the days"
    );
    press(&mut app, &["k", "k"]);
    assert_eq!(app.watch_row(), Some(0), "the first list stops the move");
    let effects = press(&mut app, &["enter"]);
    assert_eq!(app.scope(), Scope::Search);
    let Some(OpenBox::Search(b)) = app.open_box() else {
        panic!("no search box");
    };
    assert_eq!(b.input, "ti:gan");
    assert_eq!(b.results.len(), 3, "every listing, newest first");
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::MarkWatchSeen { name, keys, .. }
            if name == "gans" && keys.len() == 1 && keys[0].as_str() == "2403.00003")),
        "only the new match is marked: {effects:?}"
    );
    let screen = render(&app);
    assert!(screen.contains("Watch list gans: newest first"), "{screen}");
    press(&mut app, &["esc"]);
    assert_eq!(app.watches()[0].new_count(), Some(0));
    assert!(render(&app).contains("gans             0 new"));
    // Down past the last list goes back to the newest day; ] leaves the lists too.
    press(&mut app, &["j", "j"]);
    assert_eq!(app.watch_row(), None);
    assert_eq!(app.day_index(), 1);
    press(&mut app, &["k", "["]);
    assert_eq!((app.watch_row(), app.day_index()), (None, 0));
}

#[test]
fn ctrl_s_in_the_search_box_saves_the_query_as_a_watch_list_with_its_matches_seen() {
    let mut app = indexed(reader(120, 30));
    press(&mut app, &["/"]);
    type_text(&mut app, "ti:tables");
    press(&mut app, &["ctrl-s"]);
    assert!(
        render(&app).contains("Watch list name:"),
        "{}",
        render(&app)
    );
    // A config file's name is refused, and the prompt stays for another.
    type_text(&mut app, "gans");
    assert!(press(&mut app, &["enter"]).is_empty());
    assert!(render(&app).contains("watch list of the config file"));
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, "tables");
    let effects = press(&mut app, &["enter"]);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveWatch { name, query, seen, .. }
            if name == "tables" && query == "ti:tables" && seen.len() == 1)),
        "{effects:?}"
    );
    assert_eq!(app.scope(), Scope::Search, "back to the results");
    assert!(render(&app).contains("Saved the watch list \"tables\" (1 match now, all seen)"));
    press(&mut app, &["esc"]);
    assert_eq!(
        watch_rows(&app).last(),
        Some(&("tables".to_string(), Some(0)))
    );
    // Esc while naming goes back to the query, saving nothing.
    press(&mut app, &["/"]);
    type_text(&mut app, "nerf");
    press(&mut app, &["ctrl-s", "esc"]);
    assert_eq!(app.scope(), Scope::Search);
    assert!(render(&app).contains("/ nerf"), "{}", render(&app));
    // An empty query has nothing to save.
    press(&mut app, &["ctrl-u", "ctrl-s"]);
    assert!(render(&app).contains("Type a query first"));
}

#[test]
fn capital_d_forgets_a_saved_list_after_asking_and_not_the_config_files() {
    let mut app = indexed(reader(120, 30));
    press(&mut app, &["h", "k"]);
    assert_eq!(app.watch_row(), Some(1));
    press(&mut app, &["D"]);
    assert_eq!(app.scope(), Scope::Confirm);
    assert!(render(&app).contains("Forget the watch list \"radiance\""));
    assert!(press(&mut app, &["n"]).is_empty());
    assert_eq!(app.watches().len(), 2);
    press(&mut app, &["D"]);
    let effects = press(&mut app, &["y"]);
    assert_eq!(
        effects,
        [Effect::ForgetWatch {
            name: "radiance".into()
        }]
    );
    assert_eq!(watch_rows(&app), [("gans".to_string(), Some(1))]);
    assert_eq!(app.watch_row(), Some(0));
    press(&mut app, &["D"]);
    assert!(app.open_box().is_none());
    assert!(render(&app).contains("delete its [[watch]] there"));
    // On a day, D says what it is for.
    press(&mut app, &["j", "D"]);
    assert!(render(&app).contains("Select a watch list"));
}

#[test]
fn a_reload_counts_again_and_keeps_the_list_selected() {
    let mut app = indexed(reader(120, 30));
    press(&mut app, &["h", "k"]);
    let newer = archive(&[
        (
            "2024-03-01---Hot-Papers.md",
            post("2024-03-01", &[GAN, ORGANIC]),
        ),
        (
            "2024-03-02---Hot-Papers.md",
            post("2024-03-02", &[GAN, TABLES, NERF]),
        ),
        (
            "2024-03-03---Hot-Papers.md",
            post(
                "2024-03-03",
                &[("Fast NeRF Editing", "https://arxiv.org/abs/2403.00005", "")],
            ),
        ),
    ]);
    update(
        &mut app,
        Event::Reloaded(Ok(ArchiveHandle(Arc::new(newer)))),
    );
    assert_eq!(app.watch_row(), Some(1));
    assert_eq!(watch_rows(&app)[1], ("radiance".to_string(), None));
    let app = indexed(app);
    assert_eq!(watch_rows(&app)[1], ("radiance".to_string(), Some(2)));
}

#[test]
fn a_click_selects_a_list_and_one_pane_shows_the_lists_above_the_days() {
    let mut app = indexed(reader(120, 30));
    update(&mut app, Event::Click { col: 3, row: 2 });
    assert_eq!((app.focus(), app.watch_row()), (Pane::Days, Some(1)));
    update(&mut app, Event::Click { col: 3, row: 6 });
    assert_eq!(app.watch_row(), None, "a day row takes the selection back");
    let mut narrow = indexed(reader(60, 20));
    press(&mut narrow, &["q"]);
    assert_eq!(narrow.focus(), Pane::Days);
    let screen = render(&narrow);
    assert!(screen.contains("radiance"), "{screen}");
    assert!(screen.contains("2024-03-02"), "{screen}");
}

#[test]
fn saving_from_a_saved_lists_own_results_offers_its_name_and_any_other_query_none() {
    let naming = |app: &App| match app.open_box() {
        Some(OpenBox::Search(b)) => b.naming.clone(),
        _ => None,
    };
    let mut app = indexed(reader(120, 30));
    // radiance (saved), its own query: its name is offered.
    press(&mut app, &["h", "k", "enter", "ctrl-s"]);
    assert_eq!(naming(&app).as_deref(), Some("radiance"));
    press(&mut app, &["esc", "esc"]);
    // gans (the config file's): not offered; nor once the query is edited.
    press(&mut app, &["k", "enter", "ctrl-s"]);
    assert_eq!(naming(&app).as_deref(), Some(""));
    press(&mut app, &["esc", "esc", "j", "enter"]);
    type_text(&mut app, " dark");
    press(&mut app, &["ctrl-s"]);
    assert_eq!(naming(&app).as_deref(), Some(""));
}
