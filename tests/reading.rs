//! Read and starred marks, the starred list, copying and reloading, driven through commands.

mod support;

use hotpapers::archive::Archive;
use hotpapers::archive::PaperKey;
use hotpapers::tui::Pane;
use hotpapers::tui::boxes::OpenBox;
use hotpapers::tui::core::handles::ArchiveHandle;
use hotpapers::tui::update;
use hotpapers::tui::{Command, Effect, Event};
use support::{act, app_with, fixture, press, render};

fn key_of(app: &hotpapers::tui::App) -> PaperKey {
    app.current_paper().unwrap().key.clone()
}

#[test]
fn a_paper_on_screen_for_a_moment_becomes_read() {
    let mut app = app_with(fixture(), 140, 40);
    let k = app
        .unread_on_screen()
        .expect("paper 1's abstract is on screen");
    assert_eq!(k, key_of(&app));
    assert_eq!(
        update(&mut app, Event::Seen(k.clone())),
        vec![Effect::SaveRead {
            key: k.clone(),
            read: true
        }]
    );
    assert!(app.read_keys().contains(&k));
    assert_eq!(app.unread_on_screen(), None);
    // A timer for a paper no longer shown does nothing.
    act(&mut app, &[Command::Down]);
    assert_eq!(
        update(&mut app, Event::Seen(PaperKey::from_stored("2401.00001"))),
        vec![]
    );
}

#[test]
fn narrow_screens_count_only_the_open_paper() {
    let mut app = app_with(fixture(), 80, 24);
    assert_eq!(
        app.unread_on_screen(),
        None,
        "the list alone shows no abstract"
    );
    act(&mut app, &[Command::Enter]);
    assert!(app.unread_on_screen().is_some());
    act(&mut app, &[Command::Help]);
    assert_eq!(app.unread_on_screen(), None, "covered by the help");
}

#[test]
fn m_toggles_and_the_day_list_counts_unread() {
    let mut app = app_with(fixture(), 140, 40);
    assert!(render(&app).contains("3/3"), "three unread of three");
    let k = key_of(&app);
    assert_eq!(
        press(&mut app, &["m"]),
        vec![Effect::SaveRead {
            key: k.clone(),
            read: true
        }]
    );
    assert!(render(&app).contains("2/3"));
    assert_eq!(
        press(&mut app, &["m"]),
        vec![Effect::SaveRead {
            key: k,
            read: false
        }]
    );
    assert_eq!(app.unread(app.day_index()), 3);
}

#[test]
fn u_goes_to_the_next_unread_paper_across_days() {
    let mut app = app_with(fixture(), 140, 40);
    for _ in 0..3 {
        press(&mut app, &["m", "j"]);
    }
    press(&mut app, &["g", "u"]);
    // The newest day is all read; the next day down the list is empty; then 2024-01-02.
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-01-02");
    press(&mut app, &["m", "u"]);
    assert_eq!(app.notice().unwrap().text, "No unread papers");
}

#[test]
fn stars_show_everywhere_and_s_lists_them() {
    let mut app = app_with(fixture(), 140, 40);
    update(&mut app, Event::Clock(100));
    let k = key_of(&app);
    assert_eq!(
        press(&mut app, &["*"]),
        vec![Effect::SaveStar {
            key: k.clone(),
            starred: true,
            at: 100
        }]
    );
    assert!(render(&app).contains('★'));
    press(&mut app, &["[", "["]);
    update(&mut app, Event::Clock(200));
    press(&mut app, &["*"]);
    press(&mut app, &["S"]);
    let Some(OpenBox::Starred(s)) = app.open_box() else {
        panic!("no starred list")
    };
    assert_eq!(s.papers.len(), 2);
    assert_eq!(
        app.archive().days[s.papers[0].day].date.to_string(),
        "2024-01-02",
        "newest star first"
    );
    press(&mut app, &["j", "enter"]);
    assert!(app.open_box().is_none());
    assert_eq!(
        (
            app.current_day().unwrap().date.to_string(),
            app.paper_index()
        ),
        ("2024-01-05".to_string(), 0)
    );
    // Unstarring from the list keeps it open, marked hollow.
    press(&mut app, &["S"]);
    assert_eq!(
        press(&mut app, &["*"])
            .first()
            .map(|e| matches!(e, Effect::SaveStar { starred: false, .. })),
        Some(true)
    );
    assert!(render(&app).contains('☆'));
}

#[test]
fn with_nothing_starred_s_says_how_to_star() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["S"]);
    assert!(app.open_box().is_none());
    assert!(app.notice().unwrap().text.contains("* stars"));
}

#[test]
fn y_copies_the_url_and_capital_y_the_bibtex() {
    let mut app = app_with(fixture(), 140, 40);
    assert_eq!(
        press(&mut app, &["y"]),
        vec![Effect::Copy {
            what: "abs URL",
            text: "https://arxiv.org/abs/2401.00001".into()
        }]
    );
    let Some(Effect::Copy { what, text }) = press(&mut app, &["Y"]).pop() else {
        panic!()
    };
    assert_eq!(what, "BibTeX entry");
    assert!(
        text.starts_with("@misc{example2024") && text.contains("eprint={2401.00001}"),
        "{text}"
    );
    press(&mut app, &["G"]);
    assert_eq!(
        press(&mut app, &["y"]),
        vec![],
        "an unsafe link is not copied"
    );
    assert!(app.notice().unwrap().text.contains("Refused to copy"));
}

#[test]
fn reloading_keeps_the_selection_and_says_what_changed() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Command::Down, Command::FocusRight]);
    assert_eq!(
        update(&mut app, Command::Reload.into()),
        vec![],
        "the sample-like fixture has no folder"
    );
    let mut bigger = fixture();
    let extra = support::post(
        "2024-01-08",
        &[("New Monday Paper", "https://arxiv.org/abs/2401.00099", "")],
    );
    bigger
        .days
        .extend(support::archive(&[("2024-01-08---Hot-Papers.md", extra)]).days);
    let before = key_of(&app);
    act(
        &mut app,
        &[Event::Reloaded(Ok(ArchiveHandle(std::sync::Arc::new(
            bigger,
        ))))],
    );
    assert_eq!(key_of(&app), before);
    assert_eq!(app.focus(), Pane::Paper);
    assert_eq!(app.notice().unwrap().text, "Reloaded: 4 days (1 new)");
    assert!(app.index().is_none(), "the old index is dropped");
    let gone = hotpapers::archive::ArchiveError::NotADirectory {
        path: "gone".into(),
    };
    act(&mut app, &[Event::Reloaded(Err(std::sync::Arc::new(gone)))]);
    assert!(app.notice().unwrap().is_error());
}

#[test]
fn attach_state_restores_marks_and_the_last_position() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (s, _) = hotpapers::state::Store::open(dir.path()).unwrap();
        s.set_read(&PaperKey::from_stored("2401.00002"), true)
            .unwrap();
        s.set_starred(&PaperKey::from_stored("2401.00001"), true, 1)
            .unwrap();
        s.set_position(
            "2024-01-05".parse().unwrap(),
            &PaperKey::from_stored("2401.00002"),
        )
        .unwrap();
    }
    let mut app = app_with(fixture(), 140, 40);
    let store = hotpapers::tui::attach_state(&mut app, Some(dir.path().to_path_buf()), true);
    assert!(store.is_some());
    assert_eq!(key_of(&app), "2401.00002");
    assert!(
        app.read_keys().contains("2401.00002") && app.starred_keys().contains_key("2401.00001")
    );
    let mut app = app_with(fixture(), 140, 40);
    hotpapers::tui::attach_state(&mut app, Some(dir.path().to_path_buf()), false);
    assert_eq!(app.paper_index(), 0, "--date wins over the saved position");
    let mut app = app_with(Archive::default(), 140, 40);
    assert!(hotpapers::tui::attach_state(&mut app, None, true).is_none());
    assert!(app.notice().unwrap().is_error());
}
