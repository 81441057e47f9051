//! The reader without its papers' long texts: once the archive is indexed, the runtime hands
//! the app the same archive without abstracts and tweets (`Event::TextsLeft`), and the paper
//! pane gets the shown paper's back from its post (`Effect::ReadTexts`, then
//! `Event::TextsRead`), carried out here as the runtime does.

mod support;

use std::sync::Arc;

use hotpapers::archive::{Archive, read_texts};
use hotpapers::tui::core::handles::{ArchiveHandle, SimilarHandle};
use hotpapers::tui::core::texts::TextsRead;
use hotpapers::tui::{Effect, Event, update};
use support::{app_with, indexed, post, press, render, tweet};

/// Three days of papers, in a folder of posts.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (d, date) in ["2024-01-01", "2024-01-02", "2024-01-03"]
        .iter()
        .enumerate()
    {
        let t = tweet(
            "Ann Example",
            "ann_example",
            d as u64 + 1,
            &format!("Tweet of day {d}"),
        );
        let text = post(
            date,
            &[
                (
                    &format!("Day {d} first"),
                    &format!("https://arxiv.org/abs/2401.1{d}001"),
                    &t,
                ),
                (
                    &format!("Day {d} second"),
                    &format!("https://arxiv.org/abs/2401.1{d}002"),
                    "",
                ),
            ],
        );
        std::fs::write(dir.path().join(format!("{date}---Hot-Papers.md")), text).unwrap();
    }
    dir
}

/// Carries out the reads `effects` ask for, as the runtime does, handing the app their texts.
fn read_back(app: &mut hotpapers::tui::App, effects: Vec<Effect>) -> usize {
    let mut n = 0;
    for e in effects {
        if let Effect::ReadTexts { root, day } = e {
            let infos = read_texts(&root, &day);
            update(app, Event::TextsRead(TextsRead { day, infos }));
            n += 1;
        }
    }
    n
}

/// The app on the folder's archive, indexed, then given it without texts.
fn lighter_app(dir: &std::path::Path) -> hotpapers::tui::App {
    let full = Arc::new(Archive::load(dir).unwrap());
    let mut app = indexed(app_with((*full).clone(), 100, 30));
    let from = Arc::clone(app.archive());
    let to = Arc::new(from.without_texts());
    assert!(
        update(
            &mut app,
            Event::TextsLeft {
                from: ArchiveHandle(from),
                to: ArchiveHandle(Arc::clone(&to))
            }
        )
        .is_empty()
    );
    assert!(
        Arc::ptr_eq(app.archive(), &to),
        "the app keeps the lighter archive"
    );
    app
}

#[test]
fn the_shown_paper_keeps_its_abstract_and_another_days_comes_back_from_its_post() {
    let dir = folder();
    let mut app = lighter_app(dir.path());
    // The day shown when the texts left keeps them: nothing to read, nothing blank between.
    let screen = render(&app);
    assert!(screen.contains("An abstract for paper 1"), "{screen}");
    let effects = press(&mut app, &["j"]);
    assert_eq!(read_back(&mut app, effects), 0);
    assert!(render(&app).contains("An abstract for paper 2"));

    // Another day: its post is read once, and the pane says so until it is.
    let effects = press(&mut app, &["["]);
    let asks = effects
        .iter()
        .filter(|e| matches!(e, Effect::ReadTexts { .. }))
        .count();
    assert_eq!(asks, 1, "{effects:?}");
    assert!(render(&app).contains("reading the abstract and tweets from the post"));
    assert_eq!(read_back(&mut app, effects), 1);
    let screen = render(&app);
    assert!(
        screen.contains("An abstract for paper 1") && !screen.contains("reading the abstract"),
        "{screen}"
    );
    assert!(screen.contains("Tweet of day 1"), "{screen}");
    // Back and forth: read once, kept.
    let effects = press(&mut app, &["]", "[", "j", "k"]);
    assert_eq!(read_back(&mut app, effects), 0);
}

#[test]
fn the_index_and_what_comes_for_the_heavier_archive_serve_the_lighter_one() {
    let dir = folder();
    let full = Arc::new(Archive::load(dir.path()).unwrap());
    let mut app = indexed(app_with((*full).clone(), 100, 30));
    let from = Arc::clone(app.archive());
    // The similar papers, worked out for the archive with texts, arrive after it left them.
    let similar = SimilarHandle::build(&from);
    let to = Arc::new(from.without_texts());
    update(
        &mut app,
        Event::TextsLeft {
            from: ArchiveHandle(Arc::clone(&from)),
            to: ArchiveHandle(to),
        },
    );
    drop(from);
    update(&mut app, Event::SimilarReady(similar));
    let effects = press(&mut app, &["="]);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Similar)),
        "not asked again: {effects:?}"
    );
    let screen = render(&app);
    assert!(
        screen.contains("Similar to") && !screen.contains("Working out"),
        "{screen}"
    );
    press(&mut app, &["esc"]);
    // The index still answers.
    press(&mut app, &["/"]);
    support::type_text(&mut app, "second");
    let screen = render(&app);
    assert!(screen.contains("3 papers"), "{screen}");
}

#[test]
fn a_post_changed_since_it_was_read_is_said_and_its_old_texts_are_not_shown() {
    let dir = folder();
    let mut app = lighter_app(dir.path());
    let file = dir.path().join("2024-01-02---Hot-Papers.md");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("An abstract for paper 1", "Rewritten");
    std::fs::write(&file, text).unwrap();
    let effects = press(&mut app, &["["]);
    assert_eq!(read_back(&mut app, effects), 1);
    let screen = render(&app);
    assert!(
        screen.contains("The post changed since it was read: r reads it again"),
        "{screen}"
    );
    assert!(!screen.contains("Rewritten"), "{screen}");
    // A post gone: said, naming it.
    std::fs::remove_file(dir.path().join("2024-01-01---Hot-Papers.md")).unwrap();
    let effects = press(&mut app, &["["]);
    assert_eq!(read_back(&mut app, effects), 1);
    let screen = render(&app);
    assert!(screen.contains("2024-01-01---Hot-Papers.md"), "{screen}");
}

#[test]
fn similar_papers_are_worked_out_at_load_only_when_the_texts_are_in_memory() {
    let dir = folder();
    let full = Arc::new(Archive::load(dir.path()).unwrap());
    let loaded = |archive: Arc<Archive>| {
        let mut app = app_with(Archive::sample(), 100, 30);
        let effects = update(&mut app, Event::Loaded(ArchiveHandle(archive)));
        (app, effects)
    };
    let (_, effects) = loaded(Arc::clone(&full));
    assert!(
        effects.contains(&Effect::Similar),
        "a first start: {effects:?}"
    );
    // From a cache, which keeps no texts: reading them all back waits for an `=`.
    let (mut app, effects) = loaded(Arc::new(full.without_texts()));
    assert!(!effects.contains(&Effect::Similar), "{effects:?}");
    let effects = press(&mut app, &["="]);
    assert!(effects.contains(&Effect::Similar), "{effects:?}");
}

/// What the reader shows first: the newest day of `full` alone, parsed with its texts.
fn first_screen(full: &Archive) -> Archive {
    Archive {
        days: full.days[2..].to_vec(),
        ..full.clone()
    }
}

#[test]
fn from_a_cache_the_first_screens_day_keeps_its_texts_and_the_others_are_read_back() {
    let dir = folder();
    let full = Archive::load(dir.path()).unwrap();
    // The first screen: the newest day alone, parsed with its texts.
    let first = first_screen(&full);
    let mut app = app_with(first, 100, 30);
    assert!(render(&app).contains("An abstract for paper 1"));
    // The whole archive, as the cache gives it: no texts.
    let light = Arc::new(full.without_texts());
    let effects = update(&mut app, Event::Loaded(ArchiveHandle(light)));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::ReadTexts { .. })),
        "{effects:?}"
    );
    let screen = render(&app);
    assert!(
        screen.contains("An abstract for paper 1") && screen.contains("Tweet of day 2"),
        "{screen}"
    );
    let effects = press(&mut app, &["["]);
    assert_eq!(read_back(&mut app, effects), 1);
    assert!(render(&app).contains("Tweet of day 1"));
}

#[test]
fn a_first_start_keeps_no_texts_but_the_first_screens_and_indexes_them_from_the_posts() {
    let dir = folder();
    // The first screen: the newest day alone, parsed with its texts.
    let full = Archive::load(dir.path()).unwrap();
    let first = first_screen(&full);
    let mut app = app_with(first, 100, 30);
    // The whole archive as a first load gives it: every paper without its texts.
    let loaded = hotpapers::archive::Reloader::default()
        .reload(dir.path())
        .unwrap()
        .archive;
    assert!(
        loaded
            .days
            .iter()
            .flat_map(|d| &d.papers)
            .all(|p| !p.holds_texts() && p.abstract_text.is_empty()),
        "no texts held"
    );
    let loaded = Arc::new(loaded);
    let effects = update(&mut app, Event::Loaded(ArchiveHandle(Arc::clone(&loaded))));
    assert!(
        effects.contains(&Effect::Index {
            previous: None,
            people: true
        }),
        "{effects:?}"
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::ReadTexts { .. } | Effect::Similar)),
        "the shown day keeps its texts; similar papers wait for an `=`: {effects:?}"
    );
    let screen = render(&app);
    assert!(
        screen.contains("An abstract for paper 1") && screen.contains("Tweet of day 2"),
        "{screen}"
    );
    // The index, built as the runtime builds it, finds every day's abstracts and tweets.
    let handle = hotpapers::tui::core::handles::IndexHandle::build(&loaded);
    assert_eq!(handle.index.len(), 6);
    let find = |q: &str| {
        handle
            .index
            .search(&hotpapers::search::parse(q).unwrap())
            .len()
    };
    assert_eq!(find("abs:abstract"), 6);
    assert_eq!(find("tw:\"tweet of day\""), 3);
    assert_eq!(find("tw:\"tweet of day 0\""), 1);
}
