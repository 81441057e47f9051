//! Pastes in the reader's core: one edit of the prompt open (lines joined, control characters
//! dropped, capped with a notice), put through one search; outside a prompt, ignored.

mod support;

use hotpapers::tui::boxes::OpenBox;
use hotpapers::tui::{App, Event, Keymap, Scope, update};
use support::{app_with, fixture, indexed, press};

fn search_input(app: &App) -> (String, bool) {
    match app.open_box() {
        Some(OpenBox::Search(b)) => (b.input.clone(), b.stale),
        other => panic!("no search box: {other:?}"),
    }
}

#[test]
fn a_paste_is_one_edit_of_the_search_searched_once_before_the_frame() {
    let mut app = indexed(app_with(fixture(), 120, 30));
    press(&mut app, &["/"]);
    update(
        &mut app,
        Event::Paste("diffusion\r\nmodels\u{1b}[2J".into()),
    );
    // Put off until the frame: however long the paste, the search runs once.
    assert_eq!(
        search_input(&app),
        ("diffusion models[2J".to_string(), true)
    );
    update(&mut app, Event::Settle);
    assert!(!search_input(&app).1);
    assert_eq!(app.scope(), Scope::Search, "a pasted newline is no Enter");
}

#[test]
fn a_long_paste_is_capped_and_says_so() {
    let mut app = indexed(app_with(fixture(), 120, 30));
    press(&mut app, &["/"]);
    update(&mut app, Event::Paste("x".repeat(5000)));
    assert_eq!(search_input(&app).0.chars().count(), 1000);
    let notice = app.notice().map(|n| n.text.clone()).unwrap_or_default();
    assert_eq!(notice, "Pasted the first 1000 of 5000 characters");
}

#[test]
fn outside_a_prompt_a_paste_moves_nothing_and_opens_nothing() {
    let mut app = app_with(fixture(), 120, 30);
    let before = (app.day_index(), app.paper_index(), app.focus());
    let effects = update(&mut app, Event::Paste("j\nJ\no\np\nq\n".into()));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!((app.day_index(), app.paper_index(), app.focus()), before);
    assert!(app.open_box().is_none() && !app.quitting());
    assert!(
        app.notice()
            .is_some_and(|n| n.text.starts_with("A paste goes into a prompt"))
    );
    // Nor in a box without a prompt.
    press(&mut app, &["T"]);
    update(&mut app, Event::Paste("q".into()));
    assert_eq!(app.scope(), Scope::Leaderboard);
}

#[test]
fn the_go_to_prompt_and_the_watch_list_name_take_a_paste_too() {
    let mut app = indexed(app_with(fixture(), 120, 30));
    press(&mut app, &[":"]);
    update(
        &mut app,
        Event::Paste("https://arxiv.org/abs/2401.00001\n".into()),
    );
    match app.open_box() {
        Some(OpenBox::GoTo(b)) => assert_eq!(b.input, "https://arxiv.org/abs/2401.00001 "),
        other => panic!("{other:?}"),
    }
    press(&mut app, &["esc", "/"]);
    update(&mut app, Event::Paste("ti:gan".into()));
    press(&mut app, &["ctrl-s"]);
    update(&mut app, Event::Paste("my\nlist".into()));
    match app.open_box() {
        Some(OpenBox::Search(b)) => {
            assert_eq!(
                (b.input.as_str(), b.naming.as_deref()),
                ("ti:gan", Some("my list"))
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_terminal_paste_event_becomes_a_paste_whatever_the_scope() {
    let ev = crossterm::event::Event::Paste("o\np".into());
    for scope in [Scope::Reader, Scope::Search] {
        let got = hotpapers::tui::input::translate(&ev, &Keymap::default(), scope, true);
        assert!(
            matches!(got, Some(Event::Paste(ref t)) if t == "o\np"),
            "{got:?}"
        );
    }
}
