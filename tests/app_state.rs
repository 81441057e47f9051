//! The reader's behaviour, driven through actions without a terminal.

mod support;

use chrono::NaiveDate;
use hotpapers::archive::Archive;
use hotpapers::cli::DaySpec;
use hotpapers::tui::Pane;
use hotpapers::tui::open_day;
use hotpapers::tui::update;
use hotpapers::tui::{Command, Effect, Event};
use support::{act, app_with, fixture, press, render};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn starts_on_paper_one_of_the_newest_day_with_the_abstract_shown() {
    let app = app_with(fixture(), 140, 40);
    assert_eq!(app.focus(), Pane::Papers);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
    assert_eq!(app.paper_index(), 0);
    assert!(render(&app).contains("An abstract for paper 1"));
}

#[test]
fn moving_through_papers_clamps_at_both_ends() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Command::Up]);
    assert_eq!(app.paper_index(), 0);
    act(&mut app, &[Command::Down, Command::Down, Command::Down]);
    assert_eq!(app.paper_index(), 2);
    act(&mut app, &[Command::First]);
    assert_eq!(app.paper_index(), 0);
    act(&mut app, &[Command::Last]);
    assert_eq!(app.paper_index(), 2);
}

#[test]
fn day_keys_work_from_any_pane_and_reset_the_paper() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["j", "]"]);
    assert_eq!(app.notice().unwrap().text, "Already at the latest day");
    assert_eq!(
        app.paper_index(),
        1,
        "a refused day change keeps the selection"
    );
    press(&mut app, &["l", "["]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    assert_eq!(app.paper_index(), 0);
    press(&mut app, &["[", "["]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    assert_eq!(app.notice().unwrap().text, "Already at the earliest day");
}

#[test]
fn the_day_list_runs_newest_first() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Command::FocusLeft]);
    assert_eq!(app.focus(), Pane::Days);
    act(&mut app, &[Command::Down]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    act(&mut app, &[Command::Last]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    act(&mut app, &[Command::First]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-05"));
}

#[test]
fn focus_moves_between_panes_and_tab_wraps() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["l", "l"]);
    assert_eq!(app.focus(), Pane::Paper);
    press(&mut app, &["tab"]);
    assert_eq!(app.focus(), Pane::Days);
    press(&mut app, &["backtab"]);
    assert_eq!(app.focus(), Pane::Paper);
}

#[test]
fn narrow_terminals_go_in_with_enter_and_back_with_esc() {
    let mut app = app_with(fixture(), 80, 24);
    press(&mut app, &["enter"]);
    assert_eq!(app.focus(), Pane::Paper);
    assert!(render(&app).contains("Paper 1"));
    press(&mut app, &["esc"]);
    assert_eq!(app.focus(), Pane::Papers);
    press(&mut app, &["esc"]);
    assert_eq!(app.focus(), Pane::Days);
    assert!(render(&app).contains("Days (3)"));
    press(&mut app, &["j", "enter"]);
    assert_eq!(
        (app.focus(), app.current_day().unwrap().date),
        (Pane::Papers, date("2024-01-03"))
    );
    press(&mut app, &["enter"]);
    assert_eq!(
        app.focus(),
        Pane::Papers,
        "an empty day has no paper to open"
    );
}

#[test]
fn wide_terminals_keep_the_paper_list_on_esc() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["esc"]);
    assert_eq!(app.focus(), Pane::Papers);
}

#[test]
fn o_and_p_open_the_abs_and_pdf_pages() {
    let mut app = app_with(fixture(), 140, 40);
    assert_eq!(
        press(&mut app, &["o"]),
        vec![Effect::OpenUrl {
            what: "abs page",
            url: "https://arxiv.org/abs/2401.00001".into()
        }]
    );
    assert_eq!(
        press(&mut app, &["p"]),
        vec![Effect::OpenUrl {
            what: "pdf",
            url: "https://arxiv.org/pdf/2401.00000".into()
        }]
    );
}

#[test]
fn unsafe_links_are_refused_with_a_reason() {
    let mut app = app_with(fixture(), 140, 40);
    act(&mut app, &[Command::Last]);
    assert_eq!(update(&mut app, Command::OpenAbs.into()), vec![]);
    let status = app.notice().unwrap();
    assert!(status.is_error());
    assert!(
        status.text.contains("Refused") && status.text.contains("javascript:"),
        "{}",
        status.text
    );
}

#[test]
fn t_opens_the_tweet_in_view() {
    let mut app = app_with(fixture(), 140, 40);
    let first = press(&mut app, &["t"]);
    assert_eq!(
        first,
        vec![Effect::OpenUrl {
            what: "tweet",
            url: "https://twitter.com/ann_example/status/101".into()
        }]
    );
    press(&mut app, &[">"]);
    let second = press(&mut app, &["t"]);
    assert_eq!(
        second,
        vec![Effect::OpenUrl {
            what: "tweet",
            url: "https://twitter.com/nihon_taro/status/102".into()
        }]
    );
    press(&mut app, &[">"]);
    assert_eq!(
        press(&mut app, &["t"]),
        first,
        "marking wraps to the first tweet"
    );
    press(&mut app, &[">", "j"]);
    assert_eq!(
        app.marked(),
        None,
        "moving to another paper forgets the mark"
    );
    assert_eq!(press(&mut app, &["t"]), vec![]);
    assert!(app.notice().unwrap().text.contains("no tweets"));
}

#[test]
fn scrolling_to_a_later_tweet_puts_it_in_view() {
    // Short enough that at the bottom the second tweet's header is the top line.
    let mut app = app_with(fixture(), 60, 8);
    act(&mut app, &[Command::Enter, Command::Last]);
    assert_eq!(
        update(&mut app, Command::OpenTweet.into()),
        vec![Effect::OpenUrl {
            what: "tweet",
            url: "https://twitter.com/nihon_taro/status/102".into()
        }]
    );
}

#[test]
fn detail_scrolling_is_bounded() {
    let mut app = app_with(fixture(), 60, 20);
    act(
        &mut app,
        &[
            Command::Enter,
            Command::PageDown,
            Command::PageDown,
            Command::PageDown,
            Command::PageDown,
        ],
    );
    let bottom = app.scroll();
    assert!(bottom > 0);
    act(&mut app, &[Command::Down]);
    assert_eq!(app.scroll(), bottom);
    act(&mut app, &[Command::HalfPageUp]);
    assert!(app.scroll() < bottom);
    act(&mut app, &[Command::First]);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn help_captures_keys_until_closed() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["?", "j", "esc"]);
    assert!(!app.quitting() && app.open_box().is_none());
    assert_eq!(app.paper_index(), 0);
    press(&mut app, &["?"]);
    act(&mut app, &[Event::Resize(80, 24)]);
    assert_eq!(
        (app.size().0, app.open_box().is_some()),
        (80, true),
        "resizes apply under the help"
    );
    assert_eq!(press(&mut app, &["ctrl-z"]), vec![Effect::Suspend]);
    press(&mut app, &["q"]);
    assert!(
        app.open_box().is_none() && !app.quitting(),
        "q closes the help"
    );
    press(&mut app, &["?", "ctrl-c"]);
    assert!(app.quitting(), "Ctrl-c quits from the help");
}

#[test]
fn ctrl_c_quits_from_every_box_but_cancels_the_search_prompt() {
    // Each box as its key opens it; `*` first so that the starred list has a paper.
    for opens in ["?", "c", "T", "S"] {
        let mut app = app_with(fixture(), 140, 40);
        press(&mut app, &["*", opens]);
        assert!(app.open_box().is_some(), "{opens} opens a box");
        let effects = press(&mut app, &["ctrl-c"]);
        assert!(app.quitting(), "Ctrl-c quits from the box {opens} opens");
        assert_eq!(effects.last(), Some(&Effect::Quit));
    }
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["/", "t", "r", "ctrl-c"]);
    assert!(!app.quitting(), "Ctrl-c in a prompt only cancels it");
    assert!(app.open_box().is_none());
    let effects = press(&mut app, &["ctrl-c"]);
    assert!(app.quitting(), "and from the reader it quits");
    assert!(
        matches!(effects.first(), Some(Effect::SavePosition { .. })),
        "the position is saved on the way out: {effects:?}"
    );
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = app_with(fixture(), 140, 40);
    let a = app.areas();
    // The list's first row is the month's heading, then the days, newest first.
    act(
        &mut app,
        &[Event::Click {
            col: a.days.x + 2,
            row: a.days.y + 3,
        }],
    );
    assert_eq!(
        (app.focus(), app.current_day().unwrap().date),
        (Pane::Days, date("2024-01-03"))
    );
    act(
        &mut app,
        &[Event::Click {
            col: a.days.x + 2,
            row: a.days.y + 1,
        }],
    );
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-03"),
        "a heading selects nothing"
    );
    act(
        &mut app,
        &[Event::Click {
            col: a.days.x + 2,
            row: a.days.y + 2,
        }],
    );
    act(
        &mut app,
        &[Event::Click {
            col: a.papers.x + 5,
            row: a.papers.y + 2,
        }],
    );
    assert_eq!((app.focus(), app.paper_index()), (Pane::Papers, 1));
    act(
        &mut app,
        &[Event::Wheel {
            col: a.papers.x + 5,
            row: a.papers.y + 2,
            down: true,
        }],
    );
    assert_eq!(app.paper_index(), 2);
    act(
        &mut app,
        &[Event::Wheel {
            col: a.days.x + 2,
            row: a.days.y + 2,
            down: true,
        }],
    );
    assert_eq!(
        app.focus(),
        Pane::Papers,
        "the wheel does not move the focus"
    );
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
    assert!(app.notice().is_none());

    open_day(
        &mut app,
        Some(DaySpec::Date(date("2024-01-04"))),
        None,
        today,
    );
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    assert_eq!(
        app.notice().unwrap().text,
        "No post for 2024-01-04; showing 2024-01-03, the nearest earlier day"
    );

    open_day(
        &mut app,
        Some(DaySpec::Date(date("2023-12-01"))),
        None,
        today,
    );
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    assert!(app.notice().unwrap().text.contains("nearest later day"));

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
    assert_eq!(app.paper_index(), 0);
    assert!(app.notice().unwrap().is_error());
}

#[test]
fn an_empty_archive_is_usable() {
    let mut app = app_with(Archive::default(), 140, 40);
    open_day(&mut app, None, None, date("2024-02-01"));
    act(
        &mut app,
        &[
            Command::Down,
            Command::NextDay,
            Command::Enter,
            Command::OpenAbs,
            Command::FocusLeft,
            Command::Down,
        ],
    );
    assert!(render(&app).contains("no posts"));
}
