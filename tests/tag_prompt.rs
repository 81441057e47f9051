//! The tag prompt (`+`) in the reader, driven by keys: tags typed with commas, Tab completing
//! from the tags you have, `-tag` taking one off, the pane showing them, the state told.

mod support;

use hotpapers::tui::Scope;
use hotpapers::tui::boxes::OpenBox;
use hotpapers::tui::core::effect::Effect;
use support::{app_with, archive, post, press, render, type_text};

fn world() -> hotpapers::archive::Archive {
    let d = post(
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
                "",
            ),
        ],
    );
    archive(&[("2024-01-02---Hot-Papers.md", d)])
}

fn input(app: &hotpapers::tui::App) -> String {
    match app.open_box() {
        Some(OpenBox::Tag(b)) => b.input.clone(),
        other => panic!("tag prompt not open: {other:?}"),
    }
}

#[test]
fn plus_tags_the_paper_tab_completes_and_minus_takes_a_tag_off() {
    let mut app = app_with(world(), 120, 30);
    press(&mut app, &["+"]);
    assert_eq!(app.scope(), Scope::Tag);
    type_text(&mut app, "tabular, to read");
    let effects = press(&mut app, &["enter"]);
    assert!(app.open_box().is_none());
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveTags { add, remove, .. }
            if add == &["tabular".to_string(), "to read".to_string()] && remove.is_empty())),
        "{effects:?}"
    );
    let screen = render(&app);
    assert!(screen.contains("# tabular · to read"), "{screen}");
    assert!(
        screen.contains("2401.00001 tagged tabular, to read"),
        "{screen}"
    );
    // On the next paper, Tab completes from the tags there are.
    press(&mut app, &["j", "+"]);
    type_text(&mut app, "TO");
    press(&mut app, &["tab"]);
    assert_eq!(input(&app), "to read, ");
    type_text(&mut app, "ta");
    press(&mut app, &["tab"]);
    assert_eq!(input(&app), "to read, tabular, ");
    press(&mut app, &["enter"]);
    assert!(render(&app).contains("# tabular · to read"));
    // -tag takes one off; a bad tag is explained and the prompt stays.
    press(&mut app, &["+"]);
    type_text(&mut app, "-tabular");
    let effects = press(&mut app, &["enter"]);
    assert!(
        effects.iter().any(
            |e| matches!(e, Effect::SaveTags { remove, .. } if remove == &["tabular".to_string()])
        ),
        "{effects:?}"
    );
    let screen = render(&app);
    assert!(
        screen.contains("# to read") && !screen.contains("# tabular"),
        "{screen}"
    );
    press(&mut app, &["+"]);
    type_text(&mut app, "a;b");
    press(&mut app, &["enter"]);
    assert_eq!(app.scope(), Scope::Tag, "a bad tag keeps the prompt open");
    assert!(render(&app).contains("cannot be a tag"), "{}", render(&app));
    press(&mut app, &["esc"]);
    assert!(app.open_box().is_none());
}

#[test]
fn hash_lists_the_tags_with_counts_and_a_tags_papers() {
    let mut app = app_with(world(), 120, 30);
    press(&mut app, &["#"]);
    assert!(app.open_box().is_none());
    assert!(render(&app).contains("No tags yet: + tags the selected paper"));
    press(&mut app, &["+"]);
    type_text(&mut app, "kernels, zeta");
    press(&mut app, &["enter", "j", "+"]);
    type_text(&mut app, "kernels");
    press(&mut app, &["enter"]);
    press(&mut app, &["#"]);
    assert_eq!(app.scope(), Scope::Tags);
    let screen = render(&app);
    assert!(screen.contains("kernels  (2 papers)"), "{screen}");
    assert!(screen.contains("zeta  (1 paper)"), "{screen}");
    // Enter lists the first tag's papers; Esc steps back to the tags, Enter on a paper goes.
    press(&mut app, &["enter"]);
    let screen = render(&app);
    assert!(screen.contains("Tagged kernels (2)"), "{screen}");
    press(&mut app, &["esc"]);
    assert!(render(&app).contains("Tags (2)"));
    press(&mut app, &["j", "enter"]);
    assert!(render(&app).contains("Tagged zeta (1)"));
    press(&mut app, &["enter"]);
    assert!(app.open_box().is_none());
    assert_eq!(
        app.current_paper().unwrap().title,
        "Transformers for Tabular Data".into()
    );
}
