//! The reader's behaviour, driven through actions without a terminal.

mod support;

use chrono::NaiveDate;
use hotpapers::archive::Archive;
use hotpapers::cli::DaySpec;
use hotpapers::tui::action::{Action, Effect};
use hotpapers::tui::app::Pane;
use hotpapers::tui::open_day;
use hotpapers::tui::update::update;
use support::{act, app_with, fixture, render};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn starts_on_paper_one_of_the_newest_day_with_the_abstract_shown() {
    let app = app_with(fixture(), 140, 40);
    assert_eq!(app.focus, Pane::Papers);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
    assert_eq!(app.paper, 0);
    assert!(render(&app).contains("An abstract for paper 1"));
}

#[test]
fn moving_through_papers_clamps_at_both_ends() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::Up]);
    assert_eq!(app.paper, 0);
    act(&mut app, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.paper, 2);
    act(&mut app, &[Action::First]);
    assert_eq!(app.paper, 0);
    act(&mut app, &[Action::Last]);
    assert_eq!(app.paper, 2);
}

#[test]
fn day_keys_work_from_any_pane_and_reset_the_paper() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::Down, Action::NextDay]);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Already at the latest day"
    );
    assert_eq!(app.paper, 1, "a refused day change keeps the selection");
    act(&mut app, &[Action::FocusRight, Action::PrevDay]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    assert_eq!(app.paper, 0);
    act(&mut app, &[Action::PrevDay, Action::PrevDay]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Already at the earliest day"
    );
}

#[test]
fn the_day_list_runs_newest_first() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::FocusLeft]);
    assert_eq!(app.focus, Pane::Days);
    act(&mut app, &[Action::Down]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    act(&mut app, &[Action::Last]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    act(&mut app, &[Action::First]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
}

#[test]
fn focus_moves_between_panes_and_tab_wraps() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::FocusRight, Action::FocusRight]);
    assert_eq!(app.focus, Pane::Paper);
    act(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Pane::Days);
    act(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Pane::Paper);
}

#[test]
fn narrow_terminals_go_in_with_enter_and_back_with_esc() {
    let mut app = app_with(fixture(), 80, 24);
    act(&mut app, &[Action::Enter]);
    assert_eq!(app.focus, Pane::Paper);
    assert!(render(&app).contains("Paper 1"));
    act(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Pane::Papers);
    act(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Pane::Days);
    assert!(render(&app).contains("Days (3)"));
    act(&mut app, &[Action::Down, Action::Enter]);
    assert_eq!(
        (app.focus, app.current_day().unwrap().date),
        (Pane::Papers, date("2024-01-03"))
    );
    act(&mut app, &[Action::Enter]);
    assert_eq!(app.focus, Pane::Papers, "an empty day has no paper to open");
}

#[test]
fn wide_terminals_keep_the_paper_list_on_esc() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::Back]);
    assert_eq!(app.focus, Pane::Papers);
}

#[test]
fn o_and_p_open_the_abs_and_pdf_pages() {
    let mut app = app_with(fixture(), 140, 40);
    assert_eq!(
        update(&mut app, Action::OpenAbs),
        Some(Effect::OpenUrl {
            what: "abs page",
            url: "https://arxiv.org/abs/2401.00001".into()
        })
    );
    assert_eq!(
        update(&mut app, Action::OpenPdf),
        Some(Effect::OpenUrl {
            what: "pdf",
            url: "https://arxiv.org/pdf/2401.00000".into()
        })
    );
}

#[test]
fn unsafe_links_are_refused_with_a_reason() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::Last]);
    assert_eq!(update(&mut app, Action::OpenAbs), None);
    let status = app.status.clone().unwrap();
    assert!(status.error);
    assert!(
        status.text.contains("Refused") && status.text.contains("javascript:"),
        "{}",
        status.text
    );
}

#[test]
fn t_opens_the_tweet_in_view() {
    let mut app = app_with(fixture(), 140, 40);
    let first = update(&mut app, Action::OpenTweet);
    assert_eq!(
        first,
        Some(Effect::OpenUrl {
            what: "tweet",
            url: "https://twitter.com/ann_example/status/101".into()
        })
    );
    act(&mut app, &[Action::NextTweet]);
    let second = update(&mut app, Action::OpenTweet);
    assert_eq!(
        second,
        Some(Effect::OpenUrl {
            what: "tweet",
            url: "https://twitter.com/nihon_taro/status/102".into()
        })
    );
    act(&mut app, &[Action::NextTweet]);
    assert_eq!(
        update(&mut app, Action::OpenTweet),
        first,
        "marking wraps to the first tweet"
    );
    act(&mut app, &[Action::NextTweet, Action::Down]);
    assert_eq!(app.tweet, None, "moving to another paper forgets the mark");
    assert_eq!(update(&mut app, Action::OpenTweet), None);
    assert!(app.status.unwrap().text.contains("no tweets"));
}

#[test]
fn scrolling_to_a_later_tweet_puts_it_in_view() {
    // Short enough that at the bottom the second tweet's header is the top line.
    let mut app = app_with(fixture(), 60, 8);
    act(&mut app, &[Action::Enter, Action::Last]);
    assert_eq!(
        update(&mut app, Action::OpenTweet),
        Some(Effect::OpenUrl {
            what: "tweet",
            url: "https://twitter.com/nihon_taro/status/102".into()
        })
    );
}

#[test]
fn detail_scrolling_is_bounded() {
    let mut app = app_with(fixture(), 60, 20);
    act(
        &mut app,
        &[
            Action::Enter,
            Action::PageDown,
            Action::PageDown,
            Action::PageDown,
            Action::PageDown,
        ],
    );
    let bottom = app.scroll;
    assert!(bottom > 0);
    act(&mut app, &[Action::Down]);
    assert_eq!(app.scroll, bottom);
    act(&mut app, &[Action::HalfPageUp]);
    assert!(app.scroll < bottom);
    act(&mut app, &[Action::First]);
    assert_eq!(app.scroll, 0);
}

#[test]
fn help_captures_keys_until_closed() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Action::ToggleHelp, Action::Down, Action::Back]);
    assert!(!app.quit && app.overlay.is_none());
    assert_eq!(app.paper, 0);
    act(&mut app, &[Action::ToggleHelp, Action::Resize(80, 24)]);
    assert_eq!(
        (app.width, app.overlay.is_some()),
        (80, true),
        "resizes apply under the help"
    );
    assert_eq!(update(&mut app, Action::Suspend), Some(Effect::Suspend));
    act(&mut app, &[Action::Back]);
    assert!(app.overlay.is_none());
    act(&mut app, &[Action::ToggleHelp, Action::Quit]);
    assert!(app.quit, "Ctrl-c quits from anywhere");
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = app_with(fixture(), 140, 40);
    let a = app.areas();
    act(
        &mut app,
        &[Action::Click {
            col: a.days.x + 2,
            row: a.days.y + 2,
        }],
    );
    assert_eq!(
        (app.focus, app.current_day().unwrap().date),
        (Pane::Days, date("2024-01-03"))
    );
    act(
        &mut app,
        &[Action::Click {
            col: a.days.x + 2,
            row: a.days.y + 1,
        }],
    );
    act(
        &mut app,
        &[Action::Click {
            col: a.papers.x + 5,
            row: a.papers.y + 2,
        }],
    );
    assert_eq!((app.focus, app.paper), (Pane::Papers, 1));
    act(
        &mut app,
        &[Action::Wheel {
            col: a.papers.x + 5,
            row: a.papers.y + 2,
            down: true,
        }],
    );
    assert_eq!(app.paper, 2);
    act(
        &mut app,
        &[Action::Wheel {
            col: a.days.x + 2,
            row: a.days.y + 2,
            down: true,
        }],
    );
    assert_eq!(app.focus, Pane::Papers, "the wheel does not move the focus");
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
}

#[test]
fn date_option_opens_the_day_or_the_nearest_one() {
    let today = date("2024-02-01");
    let mut app = app_with(fixture(), 140, 40);
    open_day(
        &mut app,
        Some(DaySpec::Date(date("2024-01-03"))),
        None,
        today,
    );
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    assert!(app.status.is_none());

    open_day(
        &mut app,
        Some(DaySpec::Date(date("2024-01-04"))),
        None,
        today,
    );
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    assert_eq!(
        app.status.clone().unwrap().text,
        "No post for 2024-01-04; showing 2024-01-03, the nearest earlier day"
    );

    open_day(
        &mut app,
        Some(DaySpec::Date(date("2023-12-01"))),
        None,
        today,
    );
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    assert!(
        app.status
            .clone()
            .unwrap()
            .text
            .contains("nearest later day")
    );

    open_day(&mut app, Some(DaySpec::Today), None, date("2024-01-05"));
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
    open_day(&mut app, Some(DaySpec::Yesterday), None, date("2024-01-04"));
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
}

#[test]
fn rank_option_selects_that_paper() {
    let mut app = app_with(fixture(), 140, 40);
    open_day(&mut app, Some(DaySpec::Latest), Some(3), date("2024-02-01"));
    assert_eq!(app.current_paper().unwrap().rank, 3);
    open_day(&mut app, None, Some(9), date("2024-02-01"));
    assert_eq!(app.paper, 0);
    assert!(app.status.clone().unwrap().error);
}

#[test]
fn an_empty_archive_is_usable() {
    let mut app = app_with(Archive::default(), 140, 40);
    open_day(&mut app, None, None, date("2024-02-01"));
    act(
        &mut app,
        &[
            Action::Down,
            Action::NextDay,
            Action::Enter,
            Action::OpenAbs,
            Action::FocusLeft,
            Action::Down,
        ],
    );
    assert!(render(&app).contains("no posts"));
}
