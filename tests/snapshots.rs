//! Every screen of the reader rendered at a wide, a classic and a narrow size.

mod support;

use hotpapers::archive::Archive;
use hotpapers::tui::App;
use hotpapers::tui::Command;
use support::{act, app_with, fixture, render};

const SIZES: [(u16, u16); 3] = [(140, 40), (80, 24), (60, 20)];

fn snap(name: &str, make: impl Fn(u16, u16) -> App) {
    for (w, h) in SIZES {
        let app = make(w, h);
        insta::with_settings!({ snapshot_suffix => format!("{w}x{h}"), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name, render(&app));
        });
    }
}

fn sample(w: u16, h: u16, actions: &[Command]) -> App {
    let mut app = app_with(Archive::sample(), w, h);
    act(&mut app, actions);
    app
}

#[test]
fn start_screen_sample() {
    snap("start_sample", |w, h| sample(w, h, &[]));
}

#[test]
fn day_list_focused() {
    snap("days_sample", |w, h| {
        sample(w, h, &[Command::FocusLeft, Command::Down])
    });
}

#[test]
fn paper_open() {
    snap("paper_sample", |w, h| {
        sample(w, h, &[Command::Down, Command::Enter])
    });
}

#[test]
fn empty_day() {
    snap("empty_day_sample", |w, h| {
        let mut app = app_with(Archive::sample(), w, h);
        let empty = app
            .archive()
            .days
            .iter()
            .position(|d| d.papers.is_empty())
            .expect("the sample has an empty day");
        let back = app.day_index() - empty;
        act(&mut app, &vec![Command::PrevDay; back]);
        assert!(app.current_day().unwrap().papers.is_empty());
        app
    });
}

#[test]
fn japanese_tweet_scrolled() {
    snap("cjk_tweet_sample", |w, h| {
        let mut app = app_with(Archive::sample(), w, h);
        let first = app
            .archive()
            .days
            .iter()
            .position(|d| d.date.to_string() == "2024-03-04")
            .unwrap();
        let back = app.day_index() - first;
        act(&mut app, &vec![Command::PrevDay; back]);
        act(
            &mut app,
            &[Command::Down, Command::Enter, Command::NextTweet],
        );
        app
    });
}

#[test]
fn help_overlay() {
    snap("help", |w, h| sample(w, h, &[Command::Help]));
}

#[test]
fn fixture_long_titles_cjk_and_emoji() {
    snap("fixture_start", |w, h| app_with(fixture(), w, h));
    snap("fixture_paper", |w, h| {
        let mut app = app_with(fixture(), w, h);
        act(&mut app, &[Command::Enter, Command::Last]);
        app
    });
}

#[test]
fn refused_link_in_status_line() {
    snap("refused_link", |w, h| {
        let mut app = app_with(fixture(), w, h);
        act(&mut app, &[Command::Last, Command::OpenAbs]);
        app
    });
}

#[test]
fn too_small() {
    let app = app_with(fixture(), 20, 5);
    insta::assert_snapshot!("too_small_20x5", render(&app));
    let app = app_with(fixture(), 10, 3);
    insta::assert_snapshot!("too_small_10x3", render(&app));
}

#[test]
fn search_box_with_highlights() {
    snap("search", |w, h| {
        let mut app = support::indexed(app_with(Archive::sample(), w, h));
        act(&mut app, &[Command::Search]);
        support::type_text(&mut app, "model -cat:cs.CV");
        act(&mut app, &[Command::Down]);
        app
    });
    snap("search_error", |w, h| {
        let mut app = support::indexed(app_with(Archive::sample(), w, h));
        act(&mut app, &[Command::Search]);
        support::type_text(&mut app, "xx:model");
        app
    });
}

#[test]
fn leaderboard() {
    snap("leaderboard", |w, h| {
        sample(w, h, &[Command::Top, Command::CycleWindow, Command::Down])
    });
}

#[test]
fn category_picker_and_filtered_list() {
    snap("categories", |w, h| {
        sample(
            w,
            h,
            &[Command::Filter, Command::Down, Command::ToggleCategory],
        )
    });
    snap("filtered_sorted", |w, h| {
        sample(
            w,
            h,
            &[
                Command::Filter,
                Command::ToggleCategory,
                Command::Enter,
                Command::Sort,
            ],
        )
    });
}

/// The sample with its index and similarity engine built, as after start-up.
fn sample_ready(w: u16, h: u16) -> App {
    use hotpapers::tui::core::handles::SimilarHandle;
    use hotpapers::tui::{Event, update};
    let mut app = support::indexed(app_with(Archive::sample(), w, h));
    let handle = SimilarHandle::build(app.archive());
    update(&mut app, Event::SimilarReady(handle));
    app
}

#[test]
fn similar_papers_and_for_you() {
    snap("similar", |w, h| {
        let mut app = sample_ready(w, h);
        act(&mut app, &[Command::Similar]);
        app
    });
    snap("for_you", |w, h| {
        let mut app = sample_ready(w, h);
        act(&mut app, &[Command::Star, Command::ForYou]);
        app
    });
}

#[test]
fn tag_prompt_and_tags() {
    snap("tag_prompt", |w, h| {
        let mut app = sample(w, h, &[Command::Tag]);
        support::type_text(&mut app, "reading group, to");
        app
    });
    snap("tags", |w, h| {
        let mut app = sample(w, h, &[Command::Tag]);
        support::type_text(&mut app, "reading group, later");
        act(&mut app, &[Command::Enter, Command::Tags]);
        app
    });
}

/// The sample with two watch lists from the config file, a note, and an account followed
/// (and a paper with a link to its code, as the sample has).
fn sample_watching(w: u16, h: u16) -> App {
    use hotpapers::config::Watch;
    use hotpapers::tui::core::start::config_watches;
    use hotpapers::tui::{Event, update};
    let mut app = sample_ready(w, h);
    let watch = |name: &str, query: &str| Watch {
        name: name.into(),
        query: query.into(),
        saved: false,
    };
    config_watches(
        &mut app,
        vec![
            watch("vision", "cat:cs.CV"),
            watch("learning", "ti:learning"),
        ],
    );
    hotpapers::tui::core::start::follow(&mut app, vec!["demo_reader".into()]);
    support::indexed_again(&mut app);
    let key = app.current_paper().map(|p| p.key.clone()).unwrap();
    update(
        &mut app,
        Event::NoteSaved {
            key,
            text: "read with the group".into(),
        },
    );
    app
}

#[test]
fn watch_lists_and_a_note_mark() {
    snap("watch_lists", |w, h| {
        let mut app = sample_watching(w, h);
        act(&mut app, &[Command::FocusLeft, Command::Up]);
        app
    });
    snap("watch_naming", |w, h| {
        let mut app = sample_watching(w, h);
        act(&mut app, &[Command::Search]);
        support::type_text(&mut app, "ti:diffusion");
        act(&mut app, &[Command::SaveWatch]);
        support::type_text(&mut app, "diffusion");
        app
    });
}

#[test]
fn people_box() {
    snap("people", |w, h| {
        let mut app = sample_ready(w, h);
        act(
            &mut app,
            &[Command::Star, Command::People, Command::CycleWindow],
        );
        app
    });
    snap("people_papers", |w, h| {
        let mut app = sample_ready(w, h);
        act(&mut app, &[Command::People, Command::Enter]);
        app
    });
}

mod trend_support;

/// The search box over two years of posts, its query typed.
fn searching(w: u16, h: u16, query: &str) -> App {
    let mut app = support::indexed(app_with(trend_support::years(), w, h));
    act(&mut app, &[Command::Search]);
    support::type_text(&mut app, query);
    app
}

#[test]
fn trend_sparkline_chart_and_categories_over_time() {
    snap("trend_sparkline", |w, h| searching(w, h, "model"));
    snap("trend_chart", |w, h| {
        let mut app = searching(w, h, "model");
        act(&mut app, &[Command::Trend]);
        app
    });
    snap("trend_chart_weeks_share", |w, h| {
        let mut app = searching(w, h, "diffusion");
        // Months, years, weeks.
        let keys = [Command::CycleWindow, Command::CycleWindow, Command::Share];
        act(&mut app, &[Command::Trend]);
        act(&mut app, &keys);
        app
    });
    snap("categories_over_time", |w, h| {
        let mut app = app_with(trend_support::years(), w, h);
        act(&mut app, &[Command::Filter, Command::Trend]);
        app
    });
    snap("categories_over_time_chosen_years", |w, h| {
        let mut app = app_with(trend_support::years(), w, h);
        let keys = [
            Command::ToggleCategory,
            Command::Down,
            Command::ToggleCategory,
        ];
        act(&mut app, &[Command::Filter]);
        act(&mut app, &keys);
        act(&mut app, &[Command::Trend, Command::CycleWindow]);
        app
    });
}

mod attention_support;

#[test]
fn attention_across_days_and_code_links() {
    // A paper on three days, with its code linked from its abstract and a tweet.
    snap("attention_paper", |w, h| {
        let mut app = app_with(attention_support::attention(), w, h);
        act(&mut app, &[Command::Down, Command::Enter]);
        app
    });
    snap("leaderboard_arrows", |w, h| {
        let mut app = app_with(attention_support::attention(), w, h);
        act(&mut app, &[Command::Top]);
        app
    });
}
