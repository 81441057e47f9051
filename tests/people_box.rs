//! The People box (`P`), driven by keys: accounts ranked by the papers they tweeted about in
//! the window, the share of those you starred, `w` for the window, Enter for an account's
//! papers and again to go to one.

mod support;

use hotpapers::tui::boxes::OpenBox;
use hotpapers::tui::{App, Scope};
use support::{app_with, archive, indexed, post, press, render, tweet};

fn world() -> hotpapers::archive::Archive {
    let ann = |id| tweet("Ann Example", "ann_ex", id, "a thread");
    let bob = |id| tweet("Bob Placeholder", "bob_p", id, "worth reading");
    let jan = post(
        "2024-01-02",
        &[
            ("Old Paper", "https://arxiv.org/abs/2401.00001", &ann(1)),
            ("Older Paper", "https://arxiv.org/abs/2401.00002", &ann(2)),
        ],
    );
    let both = format!("{}{}", ann(3), bob(4));
    let mar = post(
        "2024-03-10",
        &[
            ("Fresh Paper", "https://arxiv.org/abs/2403.00001", &both),
            (
                "Other Fresh Paper",
                "https://arxiv.org/abs/2403.00002",
                &bob(5),
            ),
        ],
    );
    archive(&[
        ("2024-01-02---Hot-Papers.md", jan),
        ("2024-03-10---Hot-Papers.md", mar),
    ])
}

fn people(app: &App) -> Vec<(String, usize, usize)> {
    match app.open_box() {
        Some(OpenBox::People(b)) => b
            .people
            .iter()
            .map(|t| (t.handle.clone(), t.papers, t.marked))
            .collect(),
        other => panic!("no People box: {other:?}"),
    }
}

#[test]
fn before_the_people_are_counted_the_box_says_so_and_fills_when_they_are() {
    let mut app = app_with(world(), 120, 30);
    // The index is there, the people not yet: they are counted after it.
    let index = hotpapers::tui::core::handles::IndexHandle::build(app.archive());
    hotpapers::tui::update(&mut app, hotpapers::tui::Event::IndexReady(index));
    press(&mut app, &["P"]);
    assert_eq!(app.scope(), Scope::People);
    let screen = render(&app);
    assert!(screen.contains("People · counting…"), "{screen}");
    assert!(screen.contains("Counting who tweeted"), "{screen}");
    assert!(people(&app).is_empty());
    // Keys while counting do nothing harmful.
    press(&mut app, &["enter", "j"]);
    assert_eq!(app.scope(), Scope::People);
    support::counted(&mut app);
    assert_eq!(
        people(&app),
        [("bob_p".to_string(), 2, 0), ("ann_ex".to_string(), 1, 0)]
    );
    let screen = render(&app);
    assert!(screen.contains("People · month · 2 accounts"), "{screen}");
    assert!(!screen.contains("counting"), "{screen}");
}

#[test]
fn people_of_a_replaced_archive_are_not_used() {
    let mut app = app_with(world(), 120, 30);
    let listings = std::sync::Arc::clone(app.listings());
    let stale = hotpapers::tui::core::handles::PeopleHandle::build(app.archive(), listings);
    hotpapers::tui::update(
        &mut app,
        hotpapers::tui::Event::Loaded(hotpapers::tui::core::handles::ArchiveHandle(
            std::sync::Arc::new(world()),
        )),
    );
    hotpapers::tui::update(&mut app, hotpapers::tui::Event::PeopleReady(stale));
    press(&mut app, &["P"]);
    assert!(render(&app).contains("People · counting…"));
}

#[test]
fn accounts_rank_by_papers_in_the_window_and_w_widens_it() {
    let mut app = indexed(app_with(world(), 120, 30));
    // The newest paper starred: Ann and Bob each have it.
    press(&mut app, &["*", "P"]);
    assert_eq!(app.scope(), Scope::People);
    // A month ending on 2024-03-10: Bob 2 papers, Ann 1 (January is out).
    assert_eq!(
        people(&app),
        [("bob_p".to_string(), 2, 1), ("ann_ex".to_string(), 1, 1)]
    );
    let screen = render(&app);
    assert!(screen.contains("People · month · 2 accounts"), "{screen}");
    assert!(
        screen.contains("Bob Placeholder") && screen.contains("@bob_p"),
        "{screen}"
    );
    assert!(
        screen.contains("50%") && screen.contains("100%"),
        "{screen}"
    );
    press(&mut app, &["w"]);
    assert_eq!(
        people(&app),
        [("ann_ex".to_string(), 3, 1), ("bob_p".to_string(), 2, 1)],
        "a year: Ann's January papers count"
    );
    // The window is remembered, as the leaderboard's.
    press(&mut app, &["esc", "P"]);
    assert!(render(&app).contains("People · year"));
}

#[test]
fn enter_lists_an_accounts_papers_and_goes_to_one() {
    let mut app = indexed(app_with(world(), 120, 30));
    press(&mut app, &["P", "w", "enter"]);
    let screen = render(&app);
    assert!(
        screen.contains("Tweeted by @ann_ex · year · 3 papers"),
        "{screen}"
    );
    let fresh = screen.find("Fresh Paper").unwrap();
    let old = screen.find("Old Paper").unwrap();
    assert!(fresh < old, "newest first: {screen}");
    press(&mut app, &["esc"]);
    assert!(render(&app).contains("People · year"), "Esc steps back");
    press(&mut app, &["enter", "j", "enter"]);
    assert!(app.open_box().is_none());
    assert_eq!(
        app.current_paper().map(|p| p.title.as_ref()),
        Some("Old Paper")
    );
    assert!(render(&app).contains("Tweeted by @ann_ex: paper 2 of 3"));
}

#[test]
fn the_filter_can_show_only_papers_tweeted_by_accounts_you_follow() {
    let mut app = app_with(world(), 120, 30);
    press(&mut app, &["c", "f"]);
    assert!(render(&app).contains("You follow no one"));
    press(&mut app, &["esc"]);
    hotpapers::tui::core::start::follow(&mut app, vec!["bob_p".into()]);
    let titles = |app: &App| {
        app.order()
            .iter()
            .map(|&i| app.current_day().unwrap().papers[i].title.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(titles(&app), ["Fresh Paper", "Other Fresh Paper"]);
    assert!(app.is_followed(&app.current_day().unwrap().papers[0]));
    // On the older day, no paper is Bob's.
    press(&mut app, &["c", "f"]);
    assert!(render(&app).contains("◆ followed only"));
    press(&mut app, &["enter"]);
    assert!(render(&app).contains("tweeted by accounts you follow"));
    press(&mut app, &["["]);
    assert!(titles(&app).is_empty(), "{:?}", titles(&app));
    press(&mut app, &["c", "x"]);
    assert_eq!(titles(&app), ["Old Paper", "Older Paper"], "x clears both");
}

#[test]
fn a_reload_counts_who_tweeted_again_only_when_the_people_box_wants_it() {
    use hotpapers::tui::core::effect::Effect;
    use hotpapers::tui::core::handles::ArchiveHandle;
    let reloaded =
        || hotpapers::tui::Event::Reloaded(Ok(ArchiveHandle(std::sync::Arc::new(world()))));
    let counts = |effects: &[Effect]| {
        let after_index = effects
            .iter()
            .filter(|e| matches!(e, Effect::Index { people: true, .. }))
            .count();
        let alone = effects.iter().filter(|e| **e == Effect::People).count();
        (after_index, alone)
    };
    let mut app = indexed(app_with(world(), 120, 30));
    // No People box: the reload indexes, and leaves who tweeted uncounted.
    let effects = support::act(&mut app, &[reloaded()]);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Index { .. })),
        "{effects:?}"
    );
    assert_eq!(counts(&effects), (0, 0), "{effects:?}");
    // `P` asks for the count, once, and the box says it is counting until it comes.
    assert_eq!(counts(&press(&mut app, &["P"])), (0, 1));
    assert!(render(&app).contains("People · counting…"));
    assert_eq!(counts(&press(&mut app, &["w"])), (0, 0), "asked already");
    support::counted(&mut app);
    assert_eq!(people(&app).len(), 2);
    // A reload closes the box (its rows are positions in the old archive); opened again, it
    // asks for the new archive's count.
    let effects = support::act(&mut app, &[reloaded()]);
    assert_eq!(counts(&effects), (0, 0), "{effects:?}");
    assert!(app.open_box().is_none());
    assert_eq!(counts(&press(&mut app, &["P"])), (0, 1));
    support::counted(&mut app);
    assert_eq!(people(&app).len(), 2);
}
