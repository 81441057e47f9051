//! Start-up draws from one parsed day and reads the rest in the background.

mod support;

use std::sync::atomic::AtomicUsize;

use chrono::NaiveDate;
use hotpapers::cli::DaySpec;
use hotpapers::tui::core::handles::ArchiveHandle;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::update;
use hotpapers::tui::{Command, Event};
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
) -> (hotpapers::tui::App, hotpapers::tui::Options) {
    hotpapers::tui::prepare(hotpapers::tui::Setup {
        dir: Some(dir),
        date: spec,
        rank: None,
        today: date("2024-02-01"),
        state_dir: Some(state.to_path_buf()),
        theme: Theme::plain(),
        keymap: Default::default(),
        mouse: false,
        warnings: Vec::new(),
        watches: Vec::new(),
        follow: Vec::new(),
    })
    .unwrap()
}

#[test]
fn only_the_day_to_show_is_read_before_the_first_frame() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    assert_eq!(app.archive().days.len(), 1);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
    assert_eq!(app.loading(), Some((0, 3)));
    update(&mut app, Event::Resize(140, 40));
    assert!(render(&app).contains("Days (reading…)"));
    update(&mut app, Command::PrevDay.into());
    assert!(app.notice().unwrap().text.contains("Still reading"));
    update(&mut app, Event::Progress(2, 3));
    assert!(render(&app).contains("reading posts 2 of 3"));

    let full = opts
        .listing
        .expect("the rest is read later")
        .load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert_eq!((app.archive().days.len(), app.loading()), (3, None));
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
        app.notice()
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
    update(&mut app, Command::Search.into());
    support::type_text(&mut app, "paper");
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert_eq!(app.scope(), hotpapers::tui::Scope::Search);
    let app = support::indexed(app);
    let hotpapers::tui::boxes::OpenBox::Search(b) = app.open_box().unwrap() else {
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
    update(&mut app, Command::Help.into());
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert_eq!(app.scope(), hotpapers::tui::Scope::Help);
}

#[test]
fn search_and_leaderboards_say_they_cover_what_is_read_so_far() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (app, _) = prepare(dir.path(), None, state.path());
    let mut app = support::indexed(app);
    update(&mut app, Event::Resize(140, 40));
    update(&mut app, Command::Search.into());
    support::type_text(&mut app, "paper");
    assert!(render(&app).contains("1 paper (so far: the archive is still being read)"));
    update(&mut app, Command::Back.into());
    update(&mut app, Command::Top.into());
    assert!(render(&app).contains("of the days read so far"));
}

#[test]
fn the_index_arriving_leaves_other_boxes_open() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, _) = prepare(dir.path(), None, state.path());
    update(&mut app, Command::Help.into());
    let app = support::indexed(app);
    assert_eq!(
        app.scope(),
        hotpapers::tui::Scope::Help,
        "the index closed the help"
    );
}

#[test]
fn esc_from_a_search_returns_to_the_same_day_after_the_archive_is_replaced() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    update(&mut app, Command::Search.into());
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    let mut app = support::indexed(app);
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-05"),
        "an empty query previews where it started"
    );
    update(&mut app, Command::Back.into());
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
    let stale = hotpapers::tui::core::handles::IndexHandle::build(app.archive());
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    update(&mut app, Event::IndexReady(stale));
    assert!(
        app.index().is_none(),
        "a late index of the first day's archive was taken"
    );
    let app = support::indexed(app);
    assert!(app.index().is_some());
}

#[test]
fn rank_alone_picks_that_paper_of_the_resumed_day() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["2024-01-02", "2024-01-05"] {
        let papers = [
            ("First", "https://arxiv.org/abs/2401.00001", ""),
            ("Second", "https://arxiv.org/abs/2401.00002", ""),
        ];
        std::fs::write(
            dir.path().join(format!("{d}---Hot-Papers.md")),
            post(d, &papers),
        )
        .unwrap();
    }
    let state = tempfile::tempdir().unwrap();
    hotpapers::state::Store::open(state.path())
        .unwrap()
        .0
        .set_position(
            date("2024-01-02"),
            &hotpapers::archive::PaperKey::from_stored("2401.00001"),
        )
        .unwrap();
    let (app, _) = hotpapers::tui::prepare(hotpapers::tui::Setup {
        dir: Some(dir.path()),
        date: None,
        rank: Some(2),
        today: date("2024-02-01"),
        state_dir: Some(state.path().to_path_buf()),
        theme: Theme::plain(),
        keymap: Default::default(),
        mouse: false,
        warnings: Vec::new(),
        watches: Vec::new(),
        follow: Vec::new(),
    })
    .unwrap();
    assert_eq!(
        (
            app.current_day().unwrap().date,
            app.current_paper().unwrap().rank
        ),
        (date("2024-01-02"), 2),
        "the resumed day, not the newest"
    );
}

#[test]
fn warnings_of_the_settings_are_said_at_start() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (app, _) = hotpapers::tui::prepare(hotpapers::tui::Setup {
        dir: Some(dir.path()),
        date: None,
        rank: None,
        today: date("2024-02-01"),
        state_dir: Some(state.path().to_path_buf()),
        theme: Theme::plain(),
        keymap: Default::default(),
        mouse: false,
        warnings: vec!["p was open_pdf's; open_pdf now has no key".into()],
        watches: Vec::new(),
        follow: Vec::new(),
    })
    .unwrap();
    let n = app.notice().unwrap();
    assert!(
        n.text.contains("open_pdf now has no key") && n.is_error(),
        "{n:?}"
    );
}

#[test]
fn two_posts_for_one_day_count_as_a_load_problem_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let p = post(
        "2024-01-05",
        &[("A Paper", "https://arxiv.org/abs/2401.00001", "")],
    );
    for name in ["2024-01-05---Hot-Papers.md", "2024-01-05-again.md"] {
        std::fs::write(dir.path().join(name), &p).unwrap();
    }
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    update(&mut app, Event::Resize(140, 40));
    update(&mut app, Command::Back.into());
    let screen = render(&app);
    assert!(
        screen.contains("1 load problem") && screen.contains("(hotpapers check)"),
        "{screen}"
    );
}

#[test]
fn boxes_opened_during_the_load_keep_what_still_holds() {
    let dir = folder();
    let state = tempfile::tempdir().unwrap();
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    let full = || {
        let full = opts
            .listing
            .as_ref()
            .unwrap()
            .load_all(&AtomicUsize::new(0));
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full)))
    };
    update(&mut app, Command::Links.into());
    update(&mut app, full());
    assert_eq!(
        app.scope(),
        hotpapers::tui::Scope::Links,
        "a paper's links still hold"
    );
    update(&mut app, Command::Back.into());
    // A question counted over the days read so far is not answered for more.
    let (mut app, opts) = prepare(dir.path(), None, state.path());
    update(&mut app, Command::ReadUpTo.into());
    assert_eq!(app.scope(), hotpapers::tui::Scope::Confirm);
    let full = opts.listing.unwrap().load_all(&AtomicUsize::new(0));
    update(
        &mut app,
        Event::Loaded(ArchiveHandle(std::sync::Arc::new(full))),
    );
    assert!(app.open_box().is_none());
    assert!(
        app.notice().unwrap().text.contains("ask again"),
        "{:?}",
        app.notice()
    );
}
