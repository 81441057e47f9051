//! The paper pane on big papers (issue 16, item 5): its text is wrapped once per paper and
//! width and kept while nothing it is made of changes, a frame draws only the lines in view,
//! and a paper made to be big is shown up to `SHOWN_BYTES`, with a line that says how much is
//! left out. (How fast is the criterion bench's business: `cargo bench --bench render`.)

mod support;

use std::sync::Arc;

use hotpapers::archive::Archive;
use hotpapers::tui::App;
use hotpapers::tui::Event;
use hotpapers::tui::core::measure::{Part, SHOWN_BYTES, detail_text};
use support::{app_with, archive, post, press, render, tweet};

/// One day: a small paper, then one whose tweets hold `tweets` × `bytes` of text.
fn big(tweets: usize, bytes: usize) -> Archive {
    let word = "lorem ipsum dolor sit amet ";
    let text = word.repeat(bytes / word.len());
    let many: String = (0..tweets)
        .map(|i| tweet("Ann Example", "ann", 900 + i as u64, &text))
        .collect();
    let day = post(
        "2024-01-05",
        &[
            ("Small Paper", "https://arxiv.org/abs/2401.00001", ""),
            ("Big Paper", "https://arxiv.org/abs/2401.00002", &many),
        ],
    );
    archive(&[("2024-01-05---Hot-Papers.md", day)])
}

fn on_big_paper(a: Archive) -> App {
    let mut app = app_with(a, 140, 40);
    press(&mut app, &["j", "l"]);
    assert_eq!(app.paper_index(), 1);
    app
}

#[test]
fn moving_in_the_pane_and_drawing_reuse_the_wrapped_text() {
    let mut app = on_big_paper(big(30, 2_000));
    let first = app.detail().expect("the big paper's text");
    for keys in [&["j"][..], &["j", "j", "k"], &["G"], &["g"], &["space"]] {
        press(&mut app, keys);
        render(&app);
        assert!(
            Arc::ptr_eq(&first, &app.detail().unwrap()),
            "{keys:?} wrapped the paper again"
        );
    }
    assert!(app.scroll() > 0, "space scrolled the pane");
    // Off to the other paper and back: the text of both is kept.
    press(&mut app, &["h", "k", "j"]);
    assert!(Arc::ptr_eq(&first, &app.detail().unwrap()));
}

#[test]
fn what_the_text_is_made_of_makes_it_anew() {
    let mut app = on_big_paper(big(3, 500));
    let before = app.detail().unwrap();
    // Another width.
    hotpapers::tui::update(&mut app, Event::Resize(150, 40));
    let wider = app.detail().unwrap();
    assert!(!Arc::ptr_eq(&before, &wider));
    // A note written on the paper.
    let key = app.current_paper().unwrap().key.clone();
    hotpapers::tui::update(
        &mut app,
        Event::NoteSaved {
            key,
            text: "read this again".into(),
        },
    );
    let noted = app.detail().unwrap();
    assert!(!Arc::ptr_eq(&wider, &noted));
    let shown: Vec<&str> = (0..noted.len())
        .map(|i| noted.line(i).unwrap().text)
        .collect();
    assert!(shown.contains(&"✎ read this again"), "{shown:?}");
    // A reload: another archive, the same papers.
    let again = big(3, 500);
    hotpapers::tui::update(
        &mut app,
        Event::Reloaded(Ok(hotpapers::tui::core::handles::ArchiveHandle(Arc::new(
            again,
        )))),
    );
    if let Some(text) = app.detail() {
        assert!(
            !Arc::ptr_eq(&noted, &text),
            "the old archive's text was kept"
        );
    }
}

#[test]
fn a_paper_past_the_shown_bytes_is_cut_and_says_so() {
    // 200 tweets of 20 KB: 4 MB, sixteen times what the pane shows.
    let a = big(200, 20_000);
    let paper = &a.days[0].papers[1];
    let total: usize = paper.tweets.iter().map(|t| t.text.len()).sum();
    assert!(total > 4 * SHOWN_BYTES);
    let text = detail_text(paper, 100, &Default::default(), Default::default());
    let lines: Vec<_> = (0..text.len()).map(|i| text.line(i).unwrap()).collect();
    let shown: usize = lines
        .iter()
        .filter(|l| l.part == Part::Tweet)
        .map(|l| l.text.len() + 1)
        .sum();
    assert!(
        shown <= SHOWN_BYTES + 100 * 200 && shown > SHOWN_BYTES / 2,
        "{shown} bytes of tweets shown"
    );
    // Every tweet keeps its head, so `t` still marks each; the cut ones say what they hold.
    assert_eq!(text.tweet_starts.len(), 200);
    let cuts: Vec<&str> = lines
        .iter()
        .filter(|l| l.part == Part::Cut)
        .map(|l| l.text)
        .collect();
    assert!(cuts.len() >= 170, "{} cut lines", cuts.len());
    assert!(
        cuts.last().unwrap().starts_with("… 19 KB more not shown"),
        "{cuts:?}"
    );
    // A paper within the budget is shown whole.
    let small = detail_text(
        &a.days[0].papers[0],
        100,
        &Default::default(),
        Default::default(),
    );
    assert!((0..small.len()).all(|i| small.line(i).unwrap().part != Part::Cut));
}

#[test]
fn the_pane_draws_the_lines_in_view_of_a_big_paper() {
    let mut app = on_big_paper(big(200, 20_000));
    press(&mut app, &["G"]);
    let screen = render(&app);
    // At the end: the last tweet's cut line, and the position in the pane's title.
    assert!(screen.contains("more not shown"), "{screen}");
    let total = app.detail().unwrap().len();
    assert!(screen.contains(&format!("{total}/{total}")), "{screen}");
}
