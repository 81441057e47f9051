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

#[test]
fn q_steps_back_a_level_in_one_pane_and_quits_at_the_top() {
    let mut app = app_with(fixture(), 80, 24);
    press(&mut app, &["enter"]);
    assert_eq!(app.focus(), hotpapers::tui::Pane::Paper);
    press(&mut app, &["q"]);
    assert_eq!(app.focus(), hotpapers::tui::Pane::Papers);
    press(&mut app, &["q"]);
    assert_eq!(app.focus(), hotpapers::tui::Pane::Days);
    assert!(!app.quitting());
    press(&mut app, &["q"]);
    assert!(app.quitting(), "at the top q quits");
    // Q quits from anywhere, a box included; q closes the box.
    let mut app = app_with(fixture(), 80, 24);
    press(&mut app, &["enter", "T", "q"]);
    assert!(
        app.open_box().is_none() && !app.quitting(),
        "q closes the box"
    );
    press(&mut app, &["T", "Q"]);
    assert!(app.quitting());
    // Wide, there is no level to step back to: q quits.
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["q"]);
    assert!(app.quitting());
}

#[test]
fn capital_j_and_k_move_through_papers_from_any_pane_and_across_days() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["l", "l"]);
    assert_eq!(app.focus(), hotpapers::tui::Pane::Paper);
    press(&mut app, &["J"]);
    assert_eq!(app.paper_index(), 1, "J from the paper pane");
    assert_eq!(
        app.focus(),
        hotpapers::tui::Pane::Paper,
        "and the focus stays"
    );
    press(&mut app, &["J", "J"]);
    // Past the newest day's last paper: the next day down the list with papers (the empty
    // day is skipped).
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-01-02");
    press(&mut app, &["K"]);
    assert_eq!(
        (
            app.current_day().unwrap().date.to_string(),
            app.paper_index()
        ),
        ("2024-01-05".to_string(), 2),
        "K goes back to the last paper of the day before"
    );
    press(&mut app, &["h", "h", "K", "K", "K"]);
    assert_eq!(app.paper_index(), 0);
    assert_eq!(app.notice().unwrap().text, "No paper before this one");
}

#[test]
fn space_pages_the_paper_and_then_goes_on_to_the_next() {
    // Short enough that the first paper's text does not fit.
    let mut app = app_with(fixture(), 100, 16);
    let total = {
        let p = app.current_paper().unwrap();
        hotpapers::tui::core::measure::detail_text(
            p,
            app.detail_width(),
            &Default::default(),
            Default::default(),
        )
        .len()
    };
    assert!(total > 8, "the first paper needs paging");
    press(&mut app, &["space"]);
    assert!(app.scroll() > 0, "Space scrolled the paper from the list");
    assert_eq!(
        app.focus(),
        hotpapers::tui::Pane::Papers,
        "without moving the focus"
    );
    press(&mut app, &["b"]);
    assert_eq!(app.scroll(), 0, "b pages back");
    for _ in 0..20 {
        if app.paper_index() == 1 {
            break;
        }
        press(&mut app, &["space"]);
    }
    assert_eq!(app.paper_index(), 1, "at the end, the next paper");
    assert_eq!(app.scroll(), 0);
}

#[test]
fn space_in_one_pane_opens_the_paper_first() {
    let mut app = app_with(fixture(), 80, 24);
    press(&mut app, &["space"]);
    assert_eq!(app.focus(), hotpapers::tui::Pane::Paper);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn enter_on_the_paper_opens_its_abs_page() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["enter"]);
    assert_eq!(app.focus(), hotpapers::tui::Pane::Paper);
    let effects = press(&mut app, &["enter"]);
    assert!(
        matches!(
            effects.as_slice(),
            [hotpapers::tui::Effect::OpenUrl { url, .. }] if url == "https://arxiv.org/abs/2401.00001"
        ),
        "{effects:?}"
    );
}

#[test]
fn ctrl_f_and_ctrl_b_page_the_focused_pane() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["h", "ctrl-f"]);
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-01-02");
    press(&mut app, &["ctrl-b"]);
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-01-05");
}

#[test]
fn counts_repeat_a_move_and_show_in_the_footer() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["2"]);
    assert_eq!(app.count(), Some(2));
    let screen = render(&app);
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("2…"), "{footer}");
    press(&mut app, &["j"]);
    assert_eq!(
        (app.paper_index(), app.count()),
        (2, None),
        "2j moved two rows"
    );
    press(&mut app, &["2", "["]);
    assert_eq!(
        app.current_day().unwrap().date.to_string(),
        "2024-01-02",
        "2["
    );
    press(&mut app, &["1", "0", "J"]);
    assert_eq!(app.notice().unwrap().text, "No paper after this one");
    press(&mut app, &["]", "]", "3", "esc", "j"]);
    assert_eq!(app.paper_index(), 1, "Esc dropped the count");
    press(&mut app, &["3", "G"]);
    assert_eq!(app.paper_index(), 2, "3G goes to the third row");
    press(&mut app, &["0", "j"]);
    assert_eq!(app.count(), None, "a lone 0 is no count");
}

#[test]
fn every_list_box_answers_the_page_and_end_keys() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["c", "G"]);
    let Some(hotpapers::tui::boxes::OpenBox::Categories(b)) = app.open_box() else {
        panic!("no filter box")
    };
    assert_eq!(b.cursor.selected, b.categories.len() - 1);
    press(&mut app, &["home"]);
    let Some(hotpapers::tui::boxes::OpenBox::Categories(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(b.cursor.selected, 0);
    press(&mut app, &["pgdn", "q", "T", "end", "ctrl-b", "g"]);
    let Some(hotpapers::tui::boxes::OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!("no leaderboard")
    };
    assert_eq!(b.cursor.selected, 0);
}

#[test]
fn l_lists_every_link_and_a_number_or_enter_opens_one() {
    use hotpapers::tui::Effect;
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["L"]);
    let Some(hotpapers::tui::boxes::OpenBox::Links(b)) = app.open_box() else {
        panic!("no link list")
    };
    let urls: Vec<&str> = b.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://arxiv.org/abs/2401.00001",
            "https://arxiv.org/pdf/2401.00000",
            "https://twitter.com/ann_example/status/101",
            "https://twitter.com/nihon_taro/status/102",
        ]
    );
    assert!(render(&app).contains("2 pdf"), "{}", render(&app));
    let effects = press(&mut app, &["2"]);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenUrl { url, .. }] if url.ends_with("/pdf/2401.00000")),
        "{effects:?}"
    );
    assert!(app.open_box().is_none(), "opening closes the list");
    let effects = press(&mut app, &["L", "G", "enter"]);
    assert!(
        matches!(effects.as_slice(), [Effect::OpenUrl { url, .. }] if url.ends_with("/status/102")),
        "{effects:?}"
    );
    let effects = press(&mut app, &["L", "j", "y"]);
    assert!(
        matches!(effects.as_slice(), [Effect::Copy { text, .. }] if text.ends_with("/pdf/2401.00000")),
        "{effects:?}"
    );
}

fn type_keys(app: &mut hotpapers::tui::App, text: &str) {
    for c in text.chars() {
        let k = c.to_string();
        press(app, &[k.as_str()]);
    }
}

#[test]
fn colon_goes_to_a_day_a_month_latest_or_a_paper() {
    let mut app = app_with(fixture(), 140, 40);
    let day = |app: &hotpapers::tui::App| app.current_day().unwrap().date.to_string();
    press(&mut app, &[":"]);
    assert_eq!(app.scope(), Scope::GoTo);
    type_keys(&mut app, "2024-01-02");
    assert!(render(&app).contains("the day 2024-01-02"));
    press(&mut app, &["enter"]);
    assert_eq!(
        (day(&app), app.open_box().is_none()),
        ("2024-01-02".into(), true)
    );
    press(&mut app, &[":"]);
    type_keys(&mut app, "latest");
    press(&mut app, &["enter"]);
    assert_eq!(day(&app), "2024-01-05");
    press(&mut app, &[":"]);
    type_keys(&mut app, "https://arxiv.org/abs/2401.00010v2");
    press(&mut app, &["enter"]);
    assert_eq!(
        (day(&app), app.current_paper().unwrap().title.as_ref()),
        ("2024-01-02".into(), "Early Paper")
    );
    press(&mut app, &[":"]);
    type_keys(&mut app, "arXiv:2401.00002");
    press(&mut app, &["enter"]);
    assert_eq!((day(&app), app.paper_index()), ("2024-01-05".into(), 1));
    press(&mut app, &[":"]);
    type_keys(&mut app, "2024-01-04");
    press(&mut app, &["enter"]);
    assert_eq!(day(&app), "2024-01-03");
    assert!(app.notice().unwrap().text.contains("nearest earlier day"));
    press(&mut app, &[":"]);
    type_keys(&mut app, "soon");
    assert!(render(&app).contains("soon") && app.scope() == Scope::GoTo);
    press(&mut app, &["enter"]);
    assert_eq!(
        app.scope(),
        Scope::GoTo,
        "what cannot be read keeps the prompt open"
    );
    assert!(app.notice().unwrap().is_error());
    press(&mut app, &["ctrl-u"]);
    type_keys(&mut app, "2312.99999");
    press(&mut app, &["enter"]);
    assert!(app.notice().unwrap().text.contains("not in the archive"));
    press(&mut app, &["esc"]);
    assert!(app.open_box().is_none());
}

#[test]
fn capital_a_marks_the_day_read_and_capital_u_undoes_it() {
    use hotpapers::tui::Effect;
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["m"]);
    let effects = press(&mut app, &["A"]);
    // Only the two still unread are marked, and only they come back with U.
    let Some(Effect::MarkReadBulk { keys, .. }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(keys.len(), 2);
    assert_eq!(app.unread(app.day_index()), 0);
    assert!(app.notice().unwrap().text.contains("U undoes"));
    let effects = press(&mut app, &["U"]);
    assert_eq!(effects, [Effect::UndoBulk]);
    assert_eq!(
        app.unread(app.day_index()),
        2,
        "the paper read by hand stays read"
    );
    press(&mut app, &["U"]);
    assert_eq!(app.notice().unwrap().text, "Nothing to undo");
}

#[test]
fn capital_c_asks_first_naming_how_many() {
    use hotpapers::tui::Effect;
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["C"]);
    assert_eq!(app.scope(), Scope::Confirm);
    assert!(
        render(&app).contains("Mark 4 unread papers up to and including 2024-01-05 read?"),
        "{}",
        render(&app)
    );
    press(&mut app, &["n"]);
    assert!(app.open_box().is_none());
    assert_eq!(app.unread(app.day_index()), 3, "no marks nothing");
    // From an older day, only it and the days before it.
    press(&mut app, &["[", "[", "C"]);
    assert!(render(&app).contains("Mark 1 unread paper up to and including 2024-01-02 read?"));
    let effects = press(&mut app, &["y"]);
    assert!(matches!(effects.as_slice(), [Effect::MarkReadBulk { keys, .. }] if keys.len() == 1));
    assert_eq!(app.unread(0), 0);
    assert_eq!(app.unread(2), 3, "later days are left alone");
}

#[test]
fn the_last_marking_kept_from_an_earlier_session_can_be_undone() {
    use hotpapers::archive::PaperKey;
    let dir = tempfile::tempdir().unwrap();
    let keys = [
        PaperKey::from_stored("2401.00001"),
        PaperKey::from_stored("2401.00002"),
    ];
    {
        let (s, _) = hotpapers::state::Store::open(dir.path()).unwrap();
        s.mark_read_bulk(&keys, 1).unwrap();
    }
    let mut app = app_with(fixture(), 140, 40);
    let store = hotpapers::tui::attach_state(&mut app, Some(dir.path().to_path_buf()), false)
        .expect("the store");
    assert_eq!(app.unread(app.day_index()), 1);
    let effects = press(&mut app, &["U"]);
    assert_eq!(effects, [hotpapers::tui::Effect::UndoBulk]);
    // What the runtime does with it: the database gives back its papers.
    let back = store.undo_bulk().unwrap().expect("kept");
    act(&mut app, &[Event::Undone(back)]);
    assert_eq!(app.unread(app.day_index()), 3);
    assert!(app.notice().unwrap().text.contains("2 papers unread again"));
}

fn search_input(app: &hotpapers::tui::App) -> (String, bool) {
    match app.open_box() {
        Some(hotpapers::tui::boxes::OpenBox::Search(b)) => (b.input.clone(), b.selected),
        other => panic!("no search box: {other:?}"),
    }
}

#[test]
fn slash_offers_the_last_search_and_ctrl_p_ctrl_n_walk_the_history() {
    use hotpapers::tui::Effect;
    let mut app = support::indexed(app_with(fixture(), 140, 40));
    press(&mut app, &["/"]);
    type_keys(&mut app, "second");
    let effects = press(&mut app, &["enter"]);
    assert!(
        effects.contains(&Effect::SaveQuery {
            query: "second".into(),
            at: 0
        }),
        "{effects:?}"
    );
    press(&mut app, &["/"]);
    assert_eq!(
        search_input(&app),
        ("second".into(), true),
        "offered, selected"
    );
    type_keys(&mut app, "early");
    assert_eq!(
        search_input(&app),
        ("early".into(), false),
        "typing replaced it"
    );
    press(&mut app, &["enter"]);
    press(&mut app, &["/"]);
    assert_eq!(search_input(&app).0, "early");
    press(&mut app, &["ctrl-p"]);
    assert_eq!(search_input(&app), ("second".into(), true));
    press(&mut app, &["ctrl-p"]);
    assert_eq!(app.notice().unwrap().text, "No older search");
    press(&mut app, &["ctrl-n"]);
    assert_eq!(search_input(&app).0, "early");
    press(&mut app, &["ctrl-n"]);
    assert_eq!(
        search_input(&app),
        (String::new(), false),
        "past the newest: empty"
    );
    press(&mut app, &["ctrl-p", "backspace"]);
    assert_eq!(
        search_input(&app),
        (String::new(), false),
        "Backspace drops a selected search"
    );
}

#[test]
fn the_day_list_heads_each_month_and_marks_long_gaps() {
    let posts: Vec<(String, String)> = ["2020-11-30", "2021-01-20", "2021-01-25"]
        .iter()
        .map(|d| {
            let abs = "https://arxiv.org/abs/2101.00001";
            (
                format!("{d}---Hot-Papers.md"),
                support::post(d, &[("A Paper", abs, "")]),
            )
        })
        .collect();
    let refs: Vec<(&str, String)> = posts.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let mut app = app_with(support::archive(&refs), 140, 40);
    let screen = render(&app);
    for want in [
        "── January 2021 ─",
        "— 50 days, no post —",
        "── November 2020 ─",
    ] {
        assert!(screen.contains(want), "{want} missing:\n{screen}");
    }
    // The selection steps over them: j goes from one day to the next.
    press(&mut app, &["h", "j", "j"]);
    assert_eq!(app.current_day().unwrap().date.to_string(), "2020-11-30");
}

#[test]
fn the_paper_pane_shows_where_else_the_paper_was_listed_and_goes_there() {
    let abs = "https://arxiv.org/abs/2401.00001";
    let posts = [
        (
            "2024-01-02---Hot-Papers.md",
            support::post("2024-01-02", &[("Twice Listed", abs, "")]),
        ),
        (
            "2024-01-05---Hot-Papers.md",
            support::post(
                "2024-01-05",
                &[
                    ("Other", "https://arxiv.org/abs/2401.00009", ""),
                    ("Twice Listed", abs, ""),
                ],
            ),
        ),
    ];
    let mut app = app_with(support::archive(&posts), 140, 40);
    press(&mut app, &["j"]);
    assert!(
        render(&app).contains("also 2024-01-02 #1 ♺ 100 ♥ 200"),
        "{}",
        render(&app)
    );
    press(&mut app, &["l", ">"]);
    assert!(
        app.notice()
            .unwrap()
            .text
            .starts_with("Listing 1 of 1 marked")
    );
    press(&mut app, &["enter"]);
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-01-02");
    assert!(
        render(&app).contains("also 2024-01-05 #2"),
        "and back the other way"
    );
}

#[test]
fn the_mouse_works_in_boxes_click_selects_double_click_opens() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["L"]);
    let area = app.open_box().unwrap().component().area(&app, &app.areas());
    // Inside the box's border, the third link.
    act(
        &mut app,
        &[Event::Click {
            col: area.x + 3,
            row: area.y + 3,
        }],
    );
    let Some(hotpapers::tui::boxes::OpenBox::Links(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(b.cursor.selected, 2);
    act(
        &mut app,
        &[Event::Wheel {
            col: area.x + 3,
            row: area.y + 3,
            down: false,
        }],
    );
    let Some(hotpapers::tui::boxes::OpenBox::Links(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(b.cursor.selected, 0, "the wheel scrolls the list");
    let effects = act(
        &mut app,
        &[Event::DoubleClick {
            col: area.x + 3,
            row: area.y + 2,
        }],
    );
    assert!(
        matches!(effects.as_slice(), [hotpapers::tui::Effect::OpenUrl { url, .. }] if url.contains("/pdf/")),
        "{effects:?}"
    );
    assert!(app.open_box().is_none());
    // A double click on a paper in the list opens it.
    let papers = app.areas().papers;
    act(
        &mut app,
        &[Event::DoubleClick {
            col: papers.x + 5,
            row: papers.y + 2,
        }],
    );
    assert_eq!(
        (app.paper_index(), app.focus()),
        (1, hotpapers::tui::Pane::Paper)
    );
}

#[test]
fn the_category_filter_finds_a_category_as_you_type() {
    let posts = [(
        "2024-01-05---Hot-Papers.md",
        support::post(
            "2024-01-05",
            &[("A", "https://arxiv.org/abs/2401.00001", "")],
        )
        .replace("cs.CL](", "stat.ML]("),
    )];
    let mut app = app_with(support::archive(&posts), 140, 40);
    press(&mut app, &["c"]);
    let selected = |app: &hotpapers::tui::App| match app.open_box() {
        Some(hotpapers::tui::boxes::OpenBox::Categories(b)) => {
            b.categories[b.cursor.selected].0.clone()
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(selected(&app), "cs.LG");
    press(&mut app, &["s", "t"]);
    assert_eq!(selected(&app), "stat.ML", "typed letters find a category");
    press(&mut app, &["space", "enter"]);
    assert_eq!(app.filter().iter().collect::<Vec<_>>(), ["stat.ML"]);
}

#[test]
fn a_paper_listed_on_many_days_shows_a_few_and_says_how_many_more() {
    let abs = "https://arxiv.org/abs/2401.00001";
    let posts: Vec<(String, String)> = (1..=8)
        .map(|d| {
            let date = format!("2024-01-{d:02}");
            let name = format!("{date}---Hot-Papers.md");
            (name, support::post(&date, &[("Everywhere", abs, "")]))
        })
        .collect();
    let refs: Vec<(&str, String)> = posts.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let app = app_with(support::archive(&refs), 140, 40);
    let screen = render(&app);
    assert_eq!(screen.matches("also 2024-01-0").count(), 5, "{screen}");
    assert!(screen.contains("also on 2 more days"), "{screen}");
}

#[test]
fn capital_f_finds_a_title_fuzzily_and_enter_goes_there() {
    let mut app = app_with(fixture(), 140, 40);
    press(&mut app, &["[", "[", "F"]);
    assert_eq!(app.scope(), Scope::Finder);
    assert!(
        render(&app).contains("4 titles, newest first"),
        "{}",
        render(&app)
    );
    type_keys(&mut app, "vltitle");
    let Some(hotpapers::tui::boxes::OpenBox::Finder(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(
        b.found.len(),
        1,
        "letters in order, not together: {:?}",
        b.found
    );
    press(&mut app, &["enter"]);
    assert!(app.open_box().is_none());
    assert!(
        app.current_paper()
            .unwrap()
            .title
            .starts_with("A Very Long Title")
    );
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-01-05");
}
