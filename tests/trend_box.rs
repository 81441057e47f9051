//! The trend pictures in the reader, driven with keys: the search box's sparkline is the
//! trend of its results, Ctrl-t charts them (w the period, s counts or shares, Esc back to the
//! box as it was), and `t` in the category filter shows the categories over time.

mod support;
mod trend_support;

use hotpapers::search::{Period, Trend};
use hotpapers::tui::boxes::{CategoryBox, OpenBox, SearchBox};
use hotpapers::tui::key::Key;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::{App, Command, Event, Keymap, Scope};
use support::{act, app_with, indexed, press, render};

fn search_box(app: &App) -> &SearchBox {
    match app.open_box() {
        Some(OpenBox::Search(b)) => b,
        other => panic!("not the search box: {:?}", other.map(OpenBox::scope)),
    }
}

fn category_box(app: &App) -> &CategoryBox {
    match app.open_box() {
        Some(OpenBox::Categories(b)) => b,
        other => panic!("not the category filter: {:?}", other.map(OpenBox::scope)),
    }
}

/// Two years of posts, indexed, the search box open on `query`.
fn searching(query: &str) -> App {
    let mut app = indexed(app_with(trend_support::years(), 140, 40));
    press(&mut app, &["/"]);
    support::type_text(&mut app, query);
    app
}

#[test]
fn the_sparkline_is_the_results_per_month_found_with_them() {
    let mut app = searching("model");
    let b = search_box(&app);
    let t = b.trend.as_ref().expect("a trend of the results");
    assert_eq!(t.period, Period::Month);
    assert_eq!(t.buckets.len(), trend_support::DAYS_A_MONTH.len());
    assert_eq!(t.matches() as usize, b.results.len());
    assert_eq!(t, &Trend::of(app.archive(), &b.results, Period::Month));
    // The two months without posts are there, with nothing.
    assert_eq!(t.buckets[16].total + t.buckets[17].total, 0);
    let peak = t.peak().unwrap();
    let screen = render(&app);
    assert!(
        screen.contains(&format!("▲ peak {} (", t.label(peak))),
        "{screen}"
    );
    // Typing on changes it; a query that finds nothing has none.
    support::type_text(&mut app, " xyzzy");
    assert!(search_box(&app).trend.is_none());
    assert!(!render(&app).contains("peak"));
}

#[test]
fn ctrl_t_charts_the_results_and_esc_comes_back_to_the_box_as_it_was() {
    let mut app = searching("diffusion");
    press(&mut app, &["down", "down"]);
    let before = search_box(&app).clone();
    press(&mut app, &["ctrl-t"]);
    assert_eq!(app.scope(), Scope::Trend);
    let chart = search_box(&app).chart.as_ref().expect("the chart");
    assert_eq!((chart.period, chart.share), (Period::Month, false));
    assert_eq!(chart.query, "diffusion");
    assert_eq!(chart.trend(), before.trend.as_ref().unwrap());
    assert!(render(&app).contains("Trend of diffusion: matches per month"));
    // w: months, years, weeks; s: shares, and counts again.
    press(&mut app, &["w"]);
    assert_eq!(
        search_box(&app).chart.as_ref().unwrap().period,
        Period::Year
    );
    press(&mut app, &["w", "s"]);
    let chart = search_box(&app).chart.as_ref().unwrap();
    assert_eq!((chart.period, chart.share), (Period::Week, true));
    assert_eq!(chart.trend().period, Period::Week);
    assert_eq!(chart.trend().matches() as usize, before.results.len());
    assert!(render(&app).contains("share of all papers per week"));
    // Letters are the chart's keys or nothing: none reaches the query.
    press(&mut app, &["x", "j"]);
    press(&mut app, &["esc"]);
    assert_eq!(app.scope(), Scope::Search);
    let b = search_box(&app);
    assert!(b.chart.is_none());
    assert_eq!(b.input, before.input);
    assert_eq!(b.results, before.results);
    assert_eq!(b.cursor.selected, 2);
    press(&mut app, &["esc"]);
    assert!(app.open_box().is_none(), "a second Esc closes the box");
}

#[test]
fn nothing_to_chart_is_said_and_the_box_stays() {
    let mut app = indexed(app_with(trend_support::years(), 80, 24));
    press(&mut app, &["/", "ctrl-u", "ctrl-t"]);
    assert_eq!(app.scope(), Scope::Search);
    assert_eq!(
        app.notice().unwrap().text,
        "Type a query first, then chart its matches"
    );
    support::type_text(&mut app, "xyzzy");
    press(&mut app, &["ctrl-t"]);
    assert_eq!(
        app.notice().unwrap().text,
        "Nothing matches: no trend to chart"
    );
    support::type_text(&mut app, " (");
    press(&mut app, &["ctrl-t"]);
    assert!(
        app.notice()
            .unwrap()
            .text
            .starts_with("Query not understood")
    );
    // Before the index is built.
    let mut app = app_with(trend_support::years(), 80, 24);
    press(&mut app, &["/"]);
    support::type_text(&mut app, "model");
    press(&mut app, &["ctrl-t"]);
    assert_eq!(
        app.notice().unwrap().text,
        "Still indexing; try again in a moment"
    );
}

#[test]
fn the_chart_follows_a_new_index_and_quits_and_clicks_work_over_it() {
    let mut app = searching("model");
    press(&mut app, &["ctrl-t", "w"]);
    support::indexed_again(&mut app);
    let b = search_box(&app);
    let chart = b.chart.as_ref().expect("still open");
    assert_eq!(chart.period, Period::Year);
    assert_eq!(chart.trend().matches() as usize, b.results.len());
    // The mouse finds no rows on the chart, and nothing moves.
    act(&mut app, &[Event::Click { col: 10, row: 10 }]);
    act(
        &mut app,
        &[Event::Wheel {
            col: 10,
            row: 10,
            down: true,
        }],
    );
    assert_eq!(app.scope(), Scope::Trend);
    assert_eq!(search_box(&app).cursor.selected, 0);
    press(&mut app, &["ctrl-c"]);
    assert!(
        app.quitting(),
        "Ctrl-c quits from the chart, as from every box but a prompt"
    );
}

#[test]
fn rebound_keys_open_the_chart_and_the_categories_over_time() {
    let km = Keymap::with([
        (
            Scope::Search,
            Command::Trend,
            vec![Key::parse("f5").unwrap()],
        ),
        (
            Scope::Trend,
            Command::Share,
            vec![Key::parse("f6").unwrap()],
        ),
        (
            Scope::Categories,
            Command::Trend,
            vec![Key::parse("f7").unwrap()],
        ),
    ]);
    let mut app = App::with_keys(trend_support::years(), Theme::plain(), km);
    act(&mut app, &[Event::Resize(100, 30)]);
    let mut app = indexed(app);
    press(&mut app, &["/"]);
    support::type_text(&mut app, "model");
    press(&mut app, &["ctrl-t"]);
    assert_eq!(app.scope(), Scope::Search, "Ctrl-t is not the key any more");
    press(&mut app, &["f5"]);
    assert_eq!(app.scope(), Scope::Trend);
    let screen = render(&app);
    assert!(screen.contains("F6 shares"), "{screen}");
    press(&mut app, &["s"]);
    assert!(!search_box(&app).chart.as_ref().unwrap().share);
    press(&mut app, &["f6", "esc", "esc", "c", "t"]);
    assert_eq!(app.scope(), Scope::Categories, "t finds a category now");
    press(&mut app, &["f7"]);
    assert_eq!(app.scope(), Scope::CategoryTrend);
}

#[test]
fn t_in_the_filter_shows_the_chosen_categories_over_time_and_esc_goes_back() {
    let mut app = app_with(trend_support::years(), 140, 40);
    press(&mut app, &["c", "t"]);
    assert_eq!(app.scope(), Scope::CategoryTrend);
    let b = category_box(&app);
    let v = b.over_time.as_ref().unwrap();
    let common: Vec<&String> = b
        .categories
        .iter()
        .map(|(c, _)| c)
        .take(v.names.len())
        .collect();
    assert_eq!(v.names.iter().collect::<Vec<_>>(), common);
    assert!(!v.chosen && v.names.len() == 12, "the dozen most common");
    assert!(render(&app).contains("The most common categories"));
    // A category's trend: its listings against all listings, per month.
    let lg = &v.trends[0];
    assert_eq!((v.names[0].as_str(), lg.period), ("cs.LG", Period::Month));
    assert_eq!(lg.matches() as usize, b.categories[0].1);
    press(&mut app, &["w"]);
    let v = category_box(&app).over_time.as_ref().unwrap();
    assert_eq!((v.period, v.trends[0].period), (Period::Year, Period::Year));
    press(&mut app, &["esc"]);
    assert_eq!(app.scope(), Scope::Categories);
    // Two chosen: those, and the filter keeps them until applied.
    press(&mut app, &["space", "j", "space", "t"]);
    let v = category_box(&app).over_time.as_ref().unwrap();
    assert!(v.chosen);
    assert_eq!(v.names, ["cs.LG", "cs.CL"]);
    assert_eq!(v.period, Period::Month, "each time per month first");
    press(&mut app, &["q", "enter"]);
    assert!(app.open_box().is_none());
    assert_eq!(app.notice().unwrap().text, "Showing only cs.CL, cs.LG");
}

#[test]
fn t_while_a_category_is_typed_is_a_letter_of_it() {
    let mut app = app_with(trend_support::years(), 140, 40);
    let selected = |app: &App| {
        let b = category_box(app);
        b.categories[b.cursor.selected].0.clone()
    };
    press(&mut app, &["c", "m", "a", "t"]);
    assert_eq!(app.scope(), Scope::Categories);
    assert_eq!(selected(&app), "math.OC");
    // Any key of the box ends the name; then t opens the trends.
    press(&mut app, &["j", "t"]);
    assert_eq!(app.scope(), Scope::CategoryTrend);
    // With a key of its own that is no letter, the key always opens them.
    let km = Keymap::with([(Scope::Categories, Command::Trend, vec![Key::ctrl('t')])]);
    let mut app = App::with_keys(trend_support::years(), Theme::plain(), km);
    act(&mut app, &[Event::Resize(100, 30)]);
    press(&mut app, &["c", "m", "ctrl-t"]);
    assert_eq!(app.scope(), Scope::CategoryTrend);
}

#[test]
fn a_click_under_the_sparkline_selects_the_result_there() {
    let mut app = searching("model");
    // The box's inside starts on row 1: the query, what it found, the sparkline and its peak,
    // then the results.
    act(
        &mut app,
        &[Event::Click {
            col: 30,
            row: 1 + 4 + 3,
        }],
    );
    assert_eq!(search_box(&app).cursor.selected, 3);
}

#[test]
fn every_picture_draws_at_any_size() {
    let mut sizes = vec![
        (30, 8),
        (31, 9),
        (99, 12),
        (100, 8),
        (100, 9),
        (250, 70),
        (20, 6),
    ];
    sizes.extend((30..=140).step_by(11).flat_map(|w| [(w, 10), (w, 24)]));
    let mut app = searching("diffusion");
    let mut filter = app_with(trend_support::years(), 80, 24);
    press(&mut filter, &["c", "t"]);
    for (w, h) in sizes {
        act(&mut app, &[Event::Resize(w, h)]);
        render(&app);
        press(&mut app, &["ctrl-t"]);
        for keys in [&["w"][..], &["w", "s"], &["w", "s"]] {
            press(&mut app, keys);
            render(&app);
        }
        press(&mut app, &["esc"]);
        assert_eq!(app.scope(), Scope::Search);
        act(&mut filter, &[Event::Resize(w, h)]);
        for _ in 0..3 {
            press(&mut filter, &["w"]);
            render(&filter);
        }
    }
}
