//! Start-up draws from one parsed day and reads the rest in the background.

mod support;

use std::sync::atomic::AtomicUsize;

use chrono::NaiveDate;
use hotpapers::cli::DaySpec;
use hotpapers::tui::action::Action;
use hotpapers::tui::app::ArchiveHandle;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::update::update;
use support::{post, render};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (d, title) in [
        ("2024-01-02", "Tuesday Paper"),
        ("2024-01-03", "Wednesday Paper"),
        ("2024-01-05", "Friday Paper"),
    ] {
        std::fs::write(
            dir.path().join(format!("{d}---Hot-Papers.md")),
            post(d, &[(title, "https://arxiv.org/abs/2401.00001", "")]),
        )
        .unwrap();
    }
    dir
}

fn prepare(
    dir: &std::path::Path,
    spec: Option<DaySpec>,
    state: &std::path::Path,
) -> (hotpapers::tui::app::App, hotpapers::tui::Options) {
    hotpapers::tui::prepare(
        Some(dir),
        spec,
        None,
        date("2024-02-01"),
        Some(state.to_path_buf()),
        Theme::plain(),
        false,
    )
    .unwrap()
}

#[test]
fn only_the_day_to_show_is_read_before_the_first_frame() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    assert_eq!(app.archive.days.len(), 1);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
    assert_eq!(app.loading, Some((0, 3)));
    update(&mut app, Action::Resize(140, 40));
    assert!(render(&app).contains("Days (reading…)"));
    update(&mut app, Action::PrevDay);
    assert!(app.status.clone().unwrap().text.contains("Still reading"));
    update(&mut app, Action::Progress(2, 3));
    assert!(render(&app).contains("reading posts 2 of 3"));

    let full = opts
        .listing
        .expect("the rest is read later")
        .load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Action::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert_eq!((app.archive.days.len(), app.loading), (3, None));
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-05"),
        "the selection stays"
    );
    assert!(render(&app).contains("Days (3)"));
}

#[test]
fn date_and_resume_choose_the_first_day_to_read() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (app, _) = prepare(
        dir.path(),
        Some(DaySpec::Date(date("2024-01-04"))),
        state.path(),
    );
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-03"),
        "nearest earlier day"
    );
    assert!(
        app.status
            .clone()
            .unwrap()
            .text
            .contains("No post for 2024-01-04")
    );

    hotpapers::state::Store::open(state.path())
        .unwrap()
        .0
        .set_position(
            date("2024-01-02"),
            &hotpapers::archive::PaperKey::from_stored("2401.00001"),
        )
        .unwrap();
    let (app, _) = prepare(dir.path(), None, state.path());
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-02"),
        "back where you were"
    );
}

#[test]
fn a_search_typed_during_the_load_survives_it() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    update(&mut app, Action::OpenSearch);
    support::type_text(&mut app, "paper");
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Action::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert_eq!(app.mode(), hotpapers::tui::keymap::Mode::Search);
    let app = support::indexed(app);
    let hotpapers::tui::app::Overlay::Search(b) = app.overlay.as_ref().unwrap() else {
        panic!()
    };
    assert_eq!(
        b.results.len(),
        3,
        "the new index answers the query typed before"
    );
}

#[test]
fn the_help_opened_during_the_load_stays_open() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    update(&mut app, Action::ToggleHelp);
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Action::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert_eq!(app.mode(), hotpapers::tui::keymap::Mode::Help);
}

#[test]
fn search_and_leaderboards_say_they_cover_what_is_read_so_far() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (app, _) = prepare(dir.path(), None, state.path());
    let mut app = support::indexed(app);
    update(&mut app, Action::Resize(140, 40));
    update(&mut app, Action::OpenSearch);
    support::type_text(&mut app, "paper");
    assert!(render(&app).contains("1 paper (so far: the archive is still being read)"));
    update(&mut app, Action::Back);
    update(&mut app, Action::OpenLeaderboard);
    assert!(render(&app).contains("of the days read so far"));
}

#[test]
fn the_index_arriving_leaves_other_boxes_open() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, _) = prepare(dir.path(), None, state.path());
    update(&mut app, Action::ToggleHelp);
    let app = support::indexed(app);
    assert_eq!(
        app.mode(),
        hotpapers::tui::keymap::Mode::Help,
        "the index closed the help"
    );
}

#[test]
fn esc_from_a_search_returns_to_the_same_day_after_the_archive_is_replaced() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    update(&mut app, Action::OpenSearch);
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Action::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    let mut app = support::indexed(app);
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-05"),
        "an empty query previews where it started"
    );
    update(&mut app, Action::Back);
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-05"),
        "not the day at the old position"
    );
}

#[test]
fn an_index_of_a_replaced_archive_is_not_used() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    let stale = hotpapers::tui::app::IndexHandle::build(&app.archive);
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Action::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    update(&mut app, Action::IndexReady(stale));
    assert!(
        app.index.is_none(),
        "a late index of the first day's archive was taken"
    );
    let app = support::indexed(app);
    assert!(app.index.is_some());
}
