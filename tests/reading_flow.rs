//! Reading flow: marks made by hand stick, previews are not reading, notices fade and the
//! position stays in view — all driven by key presses.

mod support;

use hotpapers::tui::{Event, Scope};
use support::{act, app_with, fixture, press, render};

#[test]
fn a_mark_made_by_hand_wins_until_you_leave_the_paper() {
    let mut app = app_with(fixture(), 140, 40);
    let first = app
        .unread_on_screen()
        .expect("paper 1 is unread and on screen");
    press(&mut app, &["m"]);
    assert!(app.read_keys().contains(&first));
    press(&mut app, &["m"]);
    assert!(!app.read_keys().contains(&first), "marked unread by hand");
    assert_eq!(
        app.unread_on_screen(),
        None,
        "the read timer does not undo the hand's mark while the paper is shown"
    );
    act(&mut app, &[Event::Seen(first.clone())]);
    assert!(!app.read_keys().contains(&first));
    press(&mut app, &["j", "k"]);
    assert_eq!(
        app.unread_on_screen(),
        Some(first),
        "back on it later, reading it counts again"
    );
}

#[test]
fn a_search_preview_is_not_reading() {
    let mut app = support::indexed(app_with(fixture(), 140, 40));
    press(&mut app, &["/", "s", "e", "c", "o", "n", "d"]);
    assert_eq!(app.scope(), Scope::Search);
    assert!(app.current_paper().unwrap().title.starts_with("Second"));
    assert_eq!(
        app.unread_on_screen(),
        None,
        "the preview marks nothing read"
    );
    press(&mut app, &["enter"]);
    assert!(app.unread_on_screen().is_some(), "chosen, it is being read");
}

fn status_line(app: &hotpapers::tui::App) -> String {
    let screen = render(app);
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 2].to_string()
}

#[test]
fn notices_fade_after_a_while_or_at_the_next_move() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Event::Clock(1000)]);
    press(&mut app, &["]"]);
    assert_eq!(app.notice().unwrap().text, "Already at the latest day");
    // The position stays in view beside the notice.
    let line = status_line(&app);
    assert!(
        line.contains("Already at the latest day") && line.contains("2024-01-05 · 1/3"),
        "{line}"
    );
    act(&mut app, &[Event::Clock(1004)]);
    assert!(app.notice().is_some(), "not yet");
    act(&mut app, &[Event::Clock(1005)]);
    assert!(app.notice().is_none(), "gone after about five seconds");
    press(&mut app, &["]"]);
    press(&mut app, &["j"]);
    assert!(app.notice().is_none(), "gone at the next move");
}

#[test]
fn errors_stay_until_the_next_key() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Event::Clock(1000)]);
    // The fixture's third paper links to javascript:, which is refused.
    press(&mut app, &["G", "o"]);
    assert!(app.notice().unwrap().is_error());
    act(&mut app, &[Event::Clock(1100)]);
    assert!(app.notice().is_some(), "an error does not fade");
    press(&mut app, &["f9"]);
    assert!(
        app.notice().is_none(),
        "any key dismisses it, even one bound to nothing"
    );
}

#[test]
fn a_starred_unread_paper_shows_both_marks_in_every_list() {
    let mut app = support::indexed(app_with(fixture(), 140, 40));
    press(&mut app, &["*"]);
    let rows_with =
        |app: &hotpapers::tui::App| render(app).lines().filter(|l| l.contains("•★")).count();
    assert_eq!(rows_with(&app), 1, "the paper list:\n{}", render(&app));
    press(&mut app, &["S"]);
    assert_eq!(rows_with(&app), 1, "the starred list:\n{}", render(&app));
    press(&mut app, &["q", "T"]);
    assert_eq!(rows_with(&app), 1, "the leaderboard:\n{}", render(&app));
    press(&mut app, &["q", "/", "t", "r", "a", "n", "s"]);
    assert_eq!(rows_with(&app), 1, "the search results:\n{}", render(&app));
    press(&mut app, &["esc", "m"]);
    assert!(
        render(&app).contains(" ★"),
        "read and starred: the star alone"
    );
}
