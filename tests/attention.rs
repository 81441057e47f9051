//! Attention across days, driven by keys: the paper pane tells the days that list a paper,
//! with its rank and counts there and a sparkline from three days on; it shows the links to
//! the paper's code; the leaderboard marks how each paper's count moved since the listing
//! before its newest one in the window.

mod attention_support;
mod support;

use attention_support::{FRESH, LENSES, ONCE, OTHER, SAME, attention};
use hotpapers::tui::App;
use hotpapers::tui::boxes::OpenBox;
use support::{app_with, press, render};

/// The pane's line that starts with `start`, as drawn (without the pane's borders).
fn line_with<'a>(screen: &'a str, start: &str) -> Option<&'a str> {
    screen.lines().find_map(|l| {
        let at = l.find(start)?;
        Some(l[at..].trim_end_matches(['"', '┃', '│', ' ']))
    })
}

fn selected_title(app: &App) -> String {
    app.current_paper().unwrap().title.to_string()
}

#[test]
fn a_paper_on_three_days_shows_each_day_and_a_sparkline_of_its_counts() {
    let mut app = app_with(attention(), 140, 40);
    // The newest day, 2024-02-05: Fresh first, then Lenses.
    press(&mut app, &["j"]);
    assert_eq!(selected_title(&app), LENSES);
    let screen = render(&app);
    // 130, 420, 390 retweets+favorites, oldest first, scaled to the highest: 2/8, 8/8, 7/8.
    assert_eq!(
        line_with(&screen, "Listed on"),
        Some("Listed on 3 days, ♺+♥ day by day: ▂█▇"),
        "{screen}"
    );
    assert!(
        screen.contains("also 2024-02-02 #1 ♺ 120 ♥ 300 = 420"),
        "{screen}"
    );
    assert!(screen.contains("also 2024-02-01 #1 ♺ 40 ♥ 90 = 130"));
    let newer = screen.find("also 2024-02-02").unwrap();
    let older = screen.find("also 2024-02-01").unwrap();
    assert!(newer < older, "the other days newest first");
    // The day shown is in its title and counts line, not among the others.
    assert!(screen.contains("♺ 110  ♥ 280  arXiv:2402.00001"));
    assert!(!screen.contains("also 2024-02-05"));
}

#[test]
fn the_sparkline_follows_the_paper_wherever_it_is_selected() {
    let mut app = app_with(attention(), 140, 40);
    // Fresh: 30, 160, 140.
    let screen = render(&app);
    assert_eq!(selected_title(&app), FRESH);
    assert_eq!(
        line_with(&screen, "Listed on"),
        Some("Listed on 3 days, ♺+♥ day by day: ▁█▇")
    );
    // Back a day to 2024-02-04: the same paper, its other days now the 2nd and the 5th.
    press(&mut app, &["["]);
    assert_eq!(selected_title(&app), FRESH);
    let screen = render(&app);
    assert!(
        screen.contains("also 2024-02-05 #1 ♺ 50 ♥ 90 = 140"),
        "{screen}"
    );
    assert!(screen.contains("also 2024-02-02 #3 ♺ 10 ♥ 20 = 30"));
    assert_eq!(
        line_with(&screen, "Listed on"),
        Some("Listed on 3 days, ♺+♥ day by day: ▁█▇")
    );
}

#[test]
fn two_days_are_said_without_a_sparkline_and_one_day_not_at_all() {
    let mut app = app_with(attention(), 140, 40);
    press(&mut app, &["j", "j"]);
    assert_eq!(selected_title(&app), SAME);
    let screen = render(&app);
    assert_eq!(line_with(&screen, "Listed on"), Some("Listed on 2 days"));
    assert!(screen.contains("also 2024-02-04 #3 ♺ 70 ♥ 70 = 140"));
    press(&mut app, &["j"]);
    assert_eq!(selected_title(&app), ONCE);
    let screen = render(&app);
    assert!(!screen.contains("Listed on"), "{screen}");
    assert!(!screen.contains("also 20"), "{screen}");
}

#[test]
fn the_pane_lists_the_papers_code_links_after_its_counts() {
    let mut app = app_with(attention(), 140, 40);
    press(&mut app, &["j"]);
    let screen = render(&app);
    let github = line_with(&screen, "code https://github.com").unwrap();
    assert_eq!(github, "code https://github.com/example-lab/sparse-lenses");
    // From the tweet as well, each labelled.
    assert_eq!(
        line_with(&screen, "code https://huggingface.co"),
        Some("code https://huggingface.co/example-lab/lenses-base")
    );
    let meta = screen.find("♺ 110  ♥ 280").unwrap();
    let code = screen.find("code https://github.com").unwrap();
    let listed = screen.find("Listed on 3 days").unwrap();
    assert!(meta < code && code < listed, "{screen}");
    // A paper without code has no such line.
    press(&mut app, &["k"]);
    assert!(!render(&app).contains("code https://"));
}

#[test]
fn a_code_link_ends_at_a_control_character_and_none_reaches_the_screen() {
    let mut archive = attention();
    let lenses = std::sync::Arc::make_mut(&mut archive.days[0])
        .papers
        .iter_mut()
        .find(|p| p.title == LENSES.into());
    lenses.unwrap().abstract_text =
        "Code: https://github.com/example-lab/evil\u{1b}[2J\u{7}repo here.".into();
    let mut app = app_with(archive, 140, 40);
    press(&mut app, &["[", "[", "["]);
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-02-01");
    let screen = render(&app);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{7}'));
    assert!(
        screen.contains("code https://github.com/example-lab/evil"),
        "{screen}"
    );
}

/// The leaderboard's rows as (title, arrow).
fn arrows(app: &App) -> Vec<(String, &'static str)> {
    let Some(OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!("no leaderboard");
    };
    b.entries
        .iter()
        .zip(&b.changes)
        .map(|(e, c)| (e.title.clone(), c.mark()))
        .collect()
}

#[test]
fn the_leaderboard_marks_each_paper_up_down_same_or_first() {
    let mut app = app_with(attention(), 140, 40);
    press(&mut app, &["T"]);
    assert_eq!(
        arrows(&app),
        [
            (LENSES.to_string(), "↓"), // 420 on the 2nd, 390 on the 5th
            (FRESH.to_string(), "↓"),  // 160, then 140
            (SAME.to_string(), "="),   // 140 and 140
            (OTHER.to_string(), "↑"),  // 60 on the 1st, 40, then 65 on the 4th
            (ONCE.to_string(), " "),   // listed once: nothing to compare
        ]
    );
    let screen = render(&app);
    let row = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap()
            .to_string()
    };
    assert!(row(LENSES).contains("3 ↓  Sparse Lenses"), "{screen}");
    assert!(row(OTHER).contains("3 ↑  A Survey"), "{screen}");
    assert!(row(SAME).contains("2 =  Steady"), "{screen}");
    assert!(row(ONCE).contains("1    A Newcomer"), "{screen}");
}

#[test]
fn the_arrow_is_of_the_newest_listing_up_to_the_windows_last_day() {
    let mut app = app_with(attention(), 140, 40);
    // The window ends at the selected day: the 4th. Lenses' newest listing then is the 2nd's
    // (420, up from 130); Fresh's the 4th's (160, up from 30); Same is new that day.
    press(&mut app, &["[", "T"]);
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-02-04");
    let got = arrows(&app);
    let of = |t: &str| got.iter().find(|(title, _)| title == t).map(|(_, a)| *a);
    assert_eq!(of(LENSES), Some("↑"));
    assert_eq!(of(FRESH), Some("↑"));
    assert_eq!(of(SAME), Some(" "));
    assert_eq!(of(OTHER), Some("↑"));
    assert_eq!(of(ONCE), None, "not listed yet");
}

#[test]
fn the_arrow_follows_the_boards_measure() {
    let mut app = app_with(attention(), 140, 40);
    // By retweets, Other went 30, 20, 25: up since the 2nd; by favorites 30, 20, 40: up too;
    // Lenses 120 to 110 retweets: down.
    press(&mut app, &["T", "s"]);
    let got = arrows(&app);
    let of = |t: &str| got.iter().find(|(title, _)| title == t).map(|(_, a)| *a);
    assert_eq!(of(LENSES), Some("↓"));
    assert_eq!(of(OTHER), Some("↑"));
    assert_eq!(of(SAME), Some("="));
}
