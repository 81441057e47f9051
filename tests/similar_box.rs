//! The similar-papers box (`=`) in the reader, driven by keys: it lists the papers most like the
//! selected one, Enter goes to one, Esc returns.

mod support;

use hotpapers::tui::boxes::OpenBox;
use hotpapers::tui::core::effect::Effect;
use hotpapers::tui::core::handles::SimilarHandle;
use hotpapers::tui::{Command, Event, Scope, update};
use support::{act, app_with, archive, indexed, press, render};

/// A post of the given papers: (title, abstract, arXiv id).
fn post(date: &str, papers: &[(&str, &str, &str)]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {date}\ndate: {date}T09:00:00.Z\n---\n\n");
    for (i, (title, abs, id)) in papers.iter().enumerate() {
        s.push_str(&format!(
            "# {}. {title}\n\nAda Example\n\n- retweets: {}, favorites: 1 (01/01/2024 00:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/{id}) | [pdf](https://arxiv.org/pdf/{id})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n{abs}\n\n\n\n",
            i + 1,
            50 - i
        ));
    }
    s
}

/// Two topics over two days: protein folding and traffic forecasting.
fn world() -> hotpapers::archive::Archive {
    let d1 = post(
        "2024-03-01",
        &[
            (
                "Protein Folding with Geometric Transformers",
                "We predict protein structure from amino acid sequences with geometric attention over residues.",
                "2403.00101",
            ),
            (
                "Forecasting Urban Traffic Flow",
                "Road sensors and graph models forecast traffic flow across a city's road network.",
                "2403.00102",
            ),
            (
                "Amino Acid Contacts Predict Protein Structure",
                "Residue contact maps from sequences constrain protein structure prediction and folding.",
                "2403.00103",
            ),
        ],
    );
    let d2 = post(
        "2024-03-02",
        &[
            (
                "Traffic Congestion Forecasts from Road Sensors",
                "We forecast congestion on road networks from loop sensors and city traffic flow data.",
                "2403.00201",
            ),
            (
                "Folding Proteins from Sequence Alone",
                "A model of residues predicts protein folding and structure from the amino acid sequence.",
                "2403.00202",
            ),
        ],
    );
    archive(&[
        ("2024-03-01---Hot-Papers.md", d1),
        ("2024-03-02---Hot-Papers.md", d2),
    ])
}

fn ready(mut app: hotpapers::tui::App) -> hotpapers::tui::App {
    let handle = SimilarHandle::build(app.archive());
    update(&mut app, Event::SimilarReady(handle));
    app
}

fn listed(app: &hotpapers::tui::App) -> Vec<String> {
    match app.open_box() {
        Some(OpenBox::Similar(b)) => b
            .papers
            .iter()
            .map(|(r, _)| app.archive().days[r.day].papers[r.paper].title.to_string())
            .collect(),
        other => panic!("similar box not open: {other:?}"),
    }
}

#[test]
fn equals_lists_the_papers_of_the_same_topic_first_and_enter_goes_there() {
    let mut app = ready(indexed(app_with(world(), 140, 40)));
    // The newest day opens on its first paper: the traffic one.
    assert_eq!(
        app.current_paper().unwrap().title,
        "Traffic Congestion Forecasts from Road Sensors".into()
    );
    press(&mut app, &["="]);
    assert_eq!(app.scope(), Scope::Similar);
    let titles = listed(&app);
    assert_eq!(titles[0], "Forecasting Urban Traffic Flow", "{titles:?}");
    assert!(!titles.contains(&"Traffic Congestion Forecasts from Road Sensors".to_string()));
    let screen = render(&app);
    assert!(
        screen.contains("Similar to Traffic Congestion Forecasts"),
        "{screen}"
    );
    assert!(screen.contains("█"), "a similarity bar:\n{screen}");
    // Enter goes to the paper, on its day.
    press(&mut app, &["enter"]);
    assert!(app.open_box().is_none());
    assert_eq!(
        app.current_paper().unwrap().title,
        "Forecasting Urban Traffic Flow".into()
    );
    assert_eq!(app.current_day().unwrap().date.to_string(), "2024-03-01");
    // From a protein paper, the protein papers come first; Esc returns to where it was.
    act(&mut app, &[Command::Down]);
    assert_eq!(
        app.current_paper().unwrap().title,
        "Amino Acid Contacts Predict Protein Structure".into()
    );
    press(&mut app, &["="]);
    let titles = listed(&app);
    let proteins = [
        "Protein Folding with Geometric Transformers",
        "Folding Proteins from Sequence Alone",
    ];
    assert!(
        proteins.contains(&titles[0].as_str()) && proteins.contains(&titles[1].as_str()),
        "{titles:?}"
    );
    press(&mut app, &["esc"]);
    assert!(app.open_box().is_none());
    assert_eq!(
        app.current_paper().unwrap().title,
        "Amino Acid Contacts Predict Protein Structure".into()
    );
}

fn asks_for_the_engine(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::Similar))
        .count()
}

#[test]
fn before_the_engine_is_there_equals_asks_for_it_once_and_opens_when_it_arrives() {
    let mut app = indexed(app_with(world(), 100, 30));
    let effects = press(&mut app, &["="]);
    assert_eq!(asks_for_the_engine(&effects), 1, "{effects:?}");
    assert!(app.open_box().is_none());
    assert!(render(&app).contains("Working out which papers are alike"));
    // Pressed again while it is worked out: not asked for twice.
    assert_eq!(asks_for_the_engine(&press(&mut app, &["="])), 0);
    let app = ready(app);
    assert_eq!(app.scope(), Scope::Similar);
    assert_eq!(listed(&app)[0], "Forecasting Urban Traffic Flow");
}

#[test]
fn a_reload_works_out_similar_papers_again_only_when_they_are_wanted() {
    use hotpapers::tui::core::handles::ArchiveHandle;
    let reloaded = || Event::Reloaded(Ok(ArchiveHandle(std::sync::Arc::new(world()))));
    let mut app = ready(indexed(app_with(world(), 100, 30)));
    // Nobody looking at similar papers: a change on disk does not work them out again.
    let effects = act(&mut app, &[reloaded()]);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Index { .. })),
        "{effects:?}"
    );
    assert_eq!(asks_for_the_engine(&effects), 0, "{effects:?}");
    // Until `=` asks.
    assert_eq!(asks_for_the_engine(&press(&mut app, &["="])), 1);
    let mut app = ready(app);
    assert_eq!(app.scope(), Scope::Similar);
    // With the box open, a reload asks at once.
    let effects = act(&mut app, &[reloaded()]);
    assert_eq!(asks_for_the_engine(&effects), 1, "{effects:?}");
}

#[test]
fn capital_r_lists_papers_like_the_starred_ones_and_x_marks_one_not_for_me() {
    let mut app = ready(indexed(app_with(world(), 140, 40)));
    // Nothing starred: R says how to start.
    press(&mut app, &["R"]);
    assert!(app.open_box().is_none());
    assert!(
        render(&app).contains("Nothing to go on yet: star a few papers with *"),
        "{}",
        render(&app)
    );
    // Star the traffic paper on screen: the other traffic paper comes first for you.
    press(&mut app, &["*"]);
    press(&mut app, &["R"]);
    assert_eq!(app.scope(), Scope::ForYou);
    let titles = listed(&app);
    assert_eq!(titles[0], "Forecasting Urban Traffic Flow", "{titles:?}");
    assert!(
        !titles.contains(&"Traffic Congestion Forecasts from Road Sensors".to_string()),
        "not the starred paper itself"
    );
    let screen = render(&app);
    assert!(
        screen.contains("For you (4) · like your 1 paper"),
        "{screen}"
    );
    press(&mut app, &["esc"]);
    // X on a protein paper: saved as not for me, and For you leaves it out.
    act(&mut app, &[Command::Down]);
    let marked = app.current_paper().unwrap().title.to_string();
    let effects = press(&mut app, &["X"]);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveNotForMe { on: true, .. })),
        "{effects:?}"
    );
    assert!(
        render(&app).contains("Not for me: 2403.00202"),
        "{}",
        render(&app)
    );
    press(&mut app, &["R"]);
    assert!(!listed(&app).contains(&marked), "{:?}", listed(&app));
}
