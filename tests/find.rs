//! Search, sort, category filter and leaderboards in the reader, driven through actions.

mod support;

use chrono::NaiveDate;
use hotpapers::search::Measure;
use hotpapers::tui::Command;
use hotpapers::tui::Pane;
use hotpapers::tui::Scope;
use hotpapers::tui::boxes::{OpenBox, Window};
use hotpapers::tui::core::state::Sort;
use support::{act, app_with, archive, indexed, post, press, render, tweet, type_text};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Three days; a paper about transformers on two of them (its counts grow), categories vary.
fn world() -> hotpapers::archive::Archive {
    let tw = tweet("Ann Example", "ann", 1, "Loved this transformer paper");
    let d1 = post(
        "2024-01-02",
        &[
            (
                "Transformers for Tabular Data",
                "https://arxiv.org/abs/2401.00001",
                "",
            ),
            (
                "Graph Kernels Revisited",
                "https://arxiv.org/abs/2401.00002",
                &tw,
            ),
        ],
    );
    let d2 = post(
        "2024-01-03",
        &[
            (
                "Quantum Walks on Graphs",
                "https://arxiv.org/abs/2401.00003",
                "",
            ),
            (
                "Transformers for Tabular Data",
                "https://arxiv.org/abs/2401.00001",
                "",
            ),
        ],
    )
    .replacen(
        "cs.CL](https://arxiv.org/list/cs.CL/recent)",
        "quant-ph](https://arxiv.org/list/quant-ph/recent)",
        1,
    );
    let d3 = post(
        "2024-01-05",
        &[
            (
                "Diffusion Models Dream",
                "https://arxiv.org/abs/2401.00005",
                "",
            ),
            (
                "Sparse Transformers",
                "https://arxiv.org/abs/2401.00006",
                "",
            ),
        ],
    );
    archive(&[
        ("2024-01-02---Hot-Papers.md", d1),
        ("2024-01-03---Hot-Papers.md", d2),
        ("2024-01-05---Hot-Papers.md", d3),
    ])
}

fn search_box(app: &hotpapers::tui::App) -> &hotpapers::tui::boxes::SearchBox {
    match app.open_box() {
        Some(OpenBox::Search(b)) => b,
        other => panic!("search box not open: {other:?}"),
    }
}

#[test]
fn results_update_as_you_type_and_the_reader_follows() {
    let mut app = indexed(app_with(world(), 140, 40));
    act(&mut app, &[Command::Search]);
    assert_eq!(app.scope(), Scope::Search);
    type_text(&mut app, "tran");
    let titles = |app: &hotpapers::tui::App| -> Vec<(NaiveDate, u32)> {
        search_box(app)
            .results
            .iter()
            .map(|r| {
                (
                    app.archive().days[r.day].date,
                    app.archive().days[r.day].papers[r.paper].rank,
                )
            })
            .collect()
    };
    // "tran" starts "Transformers" (titles) and "transformer" (a tweet): best match first,
    // the short title above the long one, the tweet last.
    let best = titles(&app);
    assert_eq!(best.len(), 4);
    assert_eq!(best[0], (date("2024-01-05"), 2));
    assert_eq!(best[3], (date("2024-01-02"), 2), "{best:?}");
    assert!(render(&app).contains("4 papers, best match first"));
    // The sort key cycles the order: newest first, then most talked-about.
    act(&mut app, &[Command::Sort]);
    assert!(render(&app).contains("Search every day: newest first"));
    assert_eq!(
        titles(&app),
        [
            (date("2024-01-05"), 2),
            (date("2024-01-03"), 2),
            (date("2024-01-02"), 1),
            (date("2024-01-02"), 2)
        ]
    );
    assert_eq!(
        (
            app.current_day().unwrap().date,
            app.current_paper().unwrap().rank
        ),
        (date("2024-01-05"), 2),
        "preview follows"
    );
    type_text(&mut app, " ti:tab");
    assert_eq!(
        titles(&app),
        [(date("2024-01-03"), 2), (date("2024-01-02"), 1)]
    );
    act(&mut app, &[Command::Down]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    act(&mut app, &[Command::Enter]);
    assert!(app.open_box().is_none());
    assert_eq!(
        (
            app.current_day().unwrap().date,
            app.paper_index(),
            app.focus()
        ),
        (date("2024-01-02"), 0, Pane::Papers)
    );
    act(&mut app, &[Command::NextResult]);
    assert_eq!(
        app.current_day().unwrap().date,
        date("2024-01-03"),
        "n wraps to the first result"
    );
    act(&mut app, &[Command::PrevResult]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-02"));
    assert_eq!(app.notice().unwrap().text, "Result 2 of 2");
}

#[test]
fn esc_returns_to_where_you_were() {
    let mut app = indexed(app_with(world(), 140, 40));
    press(&mut app, &["j", "/", "q", "u", "a", "n", "t", "u", "m"]);
    assert_eq!(app.current_day().unwrap().date, date("2024-01-03"));
    press(&mut app, &["esc"]);
    assert!(app.open_box().is_none());
    assert_eq!(
        (
            app.current_day().unwrap().date,
            app.paper_index(),
            app.focus()
        ),
        (date("2024-01-05"), 1, Pane::Papers)
    );
    assert!(
        app.results().is_empty(),
        "a cancelled search leaves n/N alone"
    );
}

#[test]
fn editing_keys_and_malformed_queries() {
    let mut app = indexed(app_with(world(), 140, 40));
    press(&mut app, &["/"]);
    type_text(&mut app, "au:\"Alice Ex");
    let err = search_box(&app).query.clone().unwrap_err();
    assert!(err.message.contains("never closed"), "{err}");
    assert!(search_box(&app).results.is_empty());
    assert!(render(&app).contains("the quote is never closed"));
    press(&mut app, &["enter"]);
    assert!(app.notice().unwrap().text.contains("Query not understood"));
    type_text(&mut app, "ample\"");
    assert_eq!(search_box(&app).results.len(), 6);
    press(&mut app, &["ctrl-w"]);
    assert_eq!(search_box(&app).input, "au:\"Alice ");
    press(&mut app, &["backspace", "ctrl-u"]);
    assert_eq!(search_box(&app).input, "");
    type_text(&mut app, "-graph");
    assert!(
        search_box(&app).results.is_empty(),
        "only exclusions match nothing"
    );
}

#[test]
fn typing_before_the_index_is_ready_searches_when_it_arrives() {
    let mut app = app_with(world(), 140, 40);
    act(&mut app, &[Command::Search]);
    type_text(&mut app, "diffusion");
    assert!(search_box(&app).results.is_empty());
    assert!(render(&app).contains("Indexing"));
    let mut app = indexed(app);
    assert_eq!(search_box(&app).results.len(), 1);
    act(&mut app, &[Command::Enter]);
    assert_eq!(
        app.current_paper().unwrap().title,
        "Diffusion Models Dream".into()
    );
}

#[test]
fn s_cycles_the_order_and_the_title_says_which() {
    let mut app = app_with(world(), 140, 40);
    press(&mut app, &["[", "["]);
    assert!(render(&app).contains("by rank"));
    for (sort, name) in [
        (Sort::Retweets, "by retweets"),
        (Sort::Favorites, "by favorites"),
        (Sort::Score, "by retweets+favorites"),
        (Sort::Rank, "by rank"),
    ] {
        press(&mut app, &["s"]);
        assert_eq!(app.sort(), sort);
        assert!(render(&app).contains(name), "{name}");
    }
    // The fixture gives rank 1 the most of everything; make a day where order differs.
    let mut app = app_with(
        archive(&[(
            "2024-02-01---Hot-Papers.md",
            post(
                "2024-02-01",
                &[
                    ("A", "https://arxiv.org/abs/1", ""),
                    ("B", "https://arxiv.org/abs/2", ""),
                ],
            )
            .replace(
                "retweets: 100, favorites: 200",
                "retweets: 5, favorites: 900",
            ),
        )]),
        140,
        40,
    );
    assert_eq!(app.order(), [0, 1]);
    press(&mut app, &["s"]);
    assert_eq!(app.order(), [1, 0], "by retweets: B (90) before A (5)");
    press(&mut app, &["s"]);
    assert_eq!(app.order(), [0, 1], "by favorites: A (900) first");
    assert_eq!(app.paper_index(), 0, "the selected paper stays selected");
    press(&mut app, &["s", "g"]);
    assert_eq!(app.paper_index(), 0);
    press(&mut app, &["j"]);
    assert_eq!(app.paper_index(), 1, "moving follows the displayed order");
}

#[test]
fn the_category_filter_narrows_lists_until_cleared() {
    let mut app = app_with(world(), 140, 40);
    act(&mut app, &[Command::PrevDay, Command::Filter]);
    let Some(OpenBox::Categories(p)) = app.open_box() else {
        panic!()
    };
    let names: Vec<&str> = p.categories.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(names, ["cs.LG", "cs.CL", "quant-ph"], "most common first");
    act(
        &mut app,
        &[
            Command::Down,
            Command::Down,
            Command::ToggleCategory,
            Command::Enter,
        ],
    );
    assert_eq!(
        app.filter().iter().map(String::as_str).collect::<Vec<_>>(),
        ["quant-ph"]
    );
    assert_eq!(app.order(), [0]);
    assert!(render(&app).contains("only quant-ph"));
    act(&mut app, &[Command::PrevDay]);
    assert!(app.order().is_empty());
    assert!(render(&app).contains("No paper of this day is in the chosen categories"));
    act(
        &mut app,
        &[Command::Filter, Command::ToggleCategory, Command::Back],
    );
    assert_eq!(app.filter().len(), 1, "Esc keeps the old filter");
    act(&mut app, &[Command::Filter, Command::ClearFilter]);
    assert!(app.filter().is_empty() && app.open_box().is_none());
    assert_eq!(app.order(), [0, 1]);
}

#[test]
fn leaderboards_count_a_paper_once_at_its_best_day() {
    let mut app = app_with(world(), 140, 40);
    act(&mut app, &[Command::Top]);
    let Some(OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(b.window, Window::Month);
    let ids: Vec<&str> = b
        .entries
        .iter()
        .map(|e| e.arxiv_id.as_deref().unwrap())
        .collect();
    // 2401.00001 is rank 1 (100/200) on the 2nd and rank 2 (90/185) on the 3rd: one entry, best day the 2nd.
    assert_eq!(ids.iter().filter(|i| **i == "2401.00001").count(), 1);
    let e = b
        .entries
        .iter()
        .find(|e| e.arxiv_id.as_deref() == Some("2401.00001"))
        .unwrap();
    assert_eq!(
        (e.best_date, e.days.len(), e.score),
        (date("2024-01-02"), 2, 300)
    );
    assert!(render(&app).contains("Top papers · month to 2024-01-05"));
    act(&mut app, &[Command::CycleWindow]);
    assert!(render(&app).contains("year"));
    act(&mut app, &[Command::Sort]);
    assert!(render(&app).contains("by retweets"));
    let Some(OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!()
    };
    let pos = b
        .entries
        .iter()
        .position(|e| e.arxiv_id.as_deref() == Some("2401.00001"))
        .unwrap();
    act(&mut app, &vec![Command::Down; pos]);
    act(&mut app, &[Command::Enter]);
    assert!(app.open_box().is_none());
    assert_eq!(
        (app.current_day().unwrap().date, app.paper_index()),
        (date("2024-01-02"), 0)
    );

    // The board opens again as it was left: a year, by retweets.
    press(&mut app, &["T"]);
    let Some(OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!((b.window, b.measure), (Window::Year, Measure::Retweets));
    // A week window ending at the earliest day holds only that day.
    press(&mut app, &["w", "w"]);
    let Some(OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(b.window, Window::Week);
    assert!(b.entries.iter().all(|e| e.best_date == date("2024-01-02")));
    // All time is the whole archive, whatever day is selected.
    press(&mut app, &["w", "w", "w"]);
    let Some(OpenBox::Leaderboard(b)) = app.open_box() else {
        panic!()
    };
    assert_eq!(b.window, Window::All);
    assert!(
        b.entries.iter().any(|e| e.best_date == date("2024-01-05")),
        "days after the selected one count in all time"
    );
    assert!(render(&app).contains("Top papers · all time · by retweets"));
}

#[test]
fn jumping_to_a_filtered_out_paper_clears_the_filter() {
    let mut app = indexed(app_with(world(), 140, 40));
    act(
        &mut app,
        &[
            Command::Filter,
            Command::Down,
            Command::Down,
            Command::ToggleCategory,
            Command::Enter,
        ],
    );
    act(&mut app, &[Command::Search]);
    type_text(&mut app, "diffusion");
    act(&mut app, &[Command::Enter]);
    assert!(app.filter().is_empty());
    assert_eq!(
        app.current_paper().unwrap().title,
        "Diffusion Models Dream".into()
    );
    let status = app.notice().unwrap().text.clone();
    assert!(
        status.starts_with("Result 1 of 1") && status.contains("category filter cleared"),
        "{status}"
    );
}

#[test]
fn matched_words_are_highlighted_in_the_results() {
    use ratatui::style::Modifier;
    let mut app = indexed(app_with(world(), 140, 40));
    act(&mut app, &[Command::Search]);
    type_text(&mut app, "tabular");
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(140, 40)).unwrap();
    t.draw(|f| hotpapers::tui::view::draw(f, &app)).unwrap();
    let buf = t.backend().buffer().clone();
    let row = (0..40)
        .find(|&y| {
            (0..140)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .contains("Transformers for Tabular")
        })
        .unwrap();
    let line: String = (0..140)
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    let col = line[..line.find("Tabular").unwrap()].chars().count() as u16;
    assert!(
        buf[(col, row)].modifier.contains(Modifier::UNDERLINED),
        "match not highlighted"
    );
    assert!(
        !buf[(col - 2, row)].modifier.contains(Modifier::UNDERLINED),
        "non-match highlighted"
    );
}

#[test]
fn the_paper_pane_underlines_matches_until_esc() {
    use ratatui::style::Modifier;
    let mut app = indexed(app_with(world(), 140, 40));
    act(&mut app, &[Command::Search]);
    type_text(&mut app, "wrap");
    act(&mut app, &[Command::Enter]);
    let underlined = |app: &hotpapers::tui::App| {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(140, 40)).unwrap();
        t.draw(|f| hotpapers::tui::view::draw(f, app)).unwrap();
        let buf = t.backend().buffer().clone();
        let a = app.areas().detail;
        (a.y..a.bottom())
            .flat_map(|y| (a.x..a.right()).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::UNDERLINED))
            .map(|(x, y)| buf[(x, y)].symbol().to_string())
            .collect::<String>()
    };
    // "wrap" is in every fixture abstract ("…long enough to wrap…").
    assert_eq!(underlined(&app), "wrap");
    act(&mut app, &[Command::Back]);
    assert_eq!(underlined(&app), "", "Esc clears the highlight");
}

#[test]
fn a_day_whose_papers_are_all_filtered_out_shows_no_paper_and_marks_none_read() {
    let mut app = app_with(world(), 140, 40);
    act(
        &mut app,
        &[
            Command::Filter,
            Command::Down,
            Command::Down,
            Command::ToggleCategory,
            Command::Enter,
        ],
    );
    // Only quant-ph now: the newest day has none of it.
    assert!(app.order().is_empty());
    assert!(
        app.current_paper().is_none(),
        "a hidden paper is not the selected one"
    );
    assert_eq!(
        app.unread_on_screen(),
        None,
        "nothing on screen to mark read"
    );
    assert!(!render(&app).contains("An abstract for paper"));
}

#[test]
fn the_box_takes_ors_groups_handles_and_pasted_links() {
    let mut app = indexed(app_with(world(), 140, 40));
    act(&mut app, &[Command::Search]);
    let titles = |app: &hotpapers::tui::App| -> Vec<String> {
        search_box(app)
            .results
            .iter()
            .map(|r| app.archive().days[r.day].papers[r.paper].title.to_string())
            .collect()
    };
    type_text(&mut app, "@ann");
    assert_eq!(titles(&app), ["Graph Kernels Revisited"]);
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, "(quantum OR diffusion) -ti:walks");
    assert_eq!(titles(&app), ["Diffusion Models Dream"]);
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, "https://arxiv.org/abs/2401.00006v2 OR 2401.00003");
    assert_eq!(
        titles(&app),
        ["Sparse Transformers", "Quantum Walks on Graphs"]
    );
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, "(tabular OR");
    let err = search_box(&app).query.clone().unwrap_err();
    assert_eq!(err.at, 9, "{err}");
    assert!(render(&app).contains("`OR` needs something after it"));
}

#[test]
fn tab_cycles_the_order_of_results_and_a_query_without_words_has_no_best_match() {
    let mut app = indexed(app_with(world(), 140, 40));
    act(&mut app, &[Command::Search]);
    let listed = |app: &hotpapers::tui::App| -> Vec<(NaiveDate, u64)> {
        search_box(app)
            .results
            .iter()
            .map(|r| {
                let day = &app.archive().days[r.day];
                (day.date, day.papers[r.paper].score())
            })
            .collect()
    };
    type_text(&mut app, "graph");
    assert!(render(&app).contains("2 papers, best match first"));
    // Tab, as bound in the search box: newest, then most talked-about, then best match again.
    press(&mut app, &["tab"]);
    let newest = listed(&app);
    assert!(newest.windows(2).all(|w| w[0].0 >= w[1].0), "{newest:?}");
    assert!(render(&app).contains("2 papers, newest first"));
    press(&mut app, &["tab"]);
    let loud = listed(&app);
    assert!(loud.windows(2).all(|w| w[0].1 >= w[1].1), "{loud:?}");
    assert!(render(&app).contains("Search every day: most talked-about first"));
    press(&mut app, &["tab"]);
    assert!(render(&app).contains("best match first"));
    // A handle alone has no words to rank by: newest first, and Tab skips best match.
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, "@ann");
    assert!(render(&app).contains("newest first"), "{}", render(&app));
    press(&mut app, &["tab"]);
    assert!(render(&app).contains("most talked-about first"));
    press(&mut app, &["tab"]);
    assert!(render(&app).contains("newest first"));
    // The chosen order stays while the query changes.
    press(&mut app, &["ctrl-u"]);
    type_text(&mut app, "tran");
    assert!(render(&app).contains("papers, newest first"));
}
