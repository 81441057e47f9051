//! The reader with its index read back from the cache, whose postings stay in the file: bytes
//! of the file written over after it was checked make a search find nothing there, and the
//! reader says so once and asks for the index to be built afresh.

#![cfg(unix)]

mod support;

use std::sync::Arc;

use hotpapers::archive::posts_root;
use hotpapers::cache::{Cache, Loader};
use hotpapers::search::SearchIndex;
use hotpapers::tui::core::handles::IndexHandle;
use hotpapers::tui::{Effect, Event, update};
use support::{app_with, post, render, tweet};

#[test]
fn postings_damaged_in_the_cache_file_after_the_start_are_said_once_and_indexed_again() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    for d in 1..=3 {
        let t = tweet("Ann Example", "ann_example", d, "Words about learning");
        let date = format!("2024-01-0{d}");
        let text = post(
            &date,
            &[("Learning to learn", "https://arxiv.org/abs/2401.00001", &t)],
        );
        std::fs::write(dir.path().join(format!("{date}---Hot-Papers.md")), text).unwrap();
    }
    // A first run writes the cache, with the index.
    let mut first = Loader::in_dir(cache.path().to_path_buf());
    let archive = first.reload(dir.path()).unwrap().archive;
    let index = Arc::new(SearchIndex::build(&archive));
    first
        .pending(&archive, Some(&index))
        .unwrap()
        .write()
        .unwrap();
    // A second start reads it back; its postings stay in the file.
    let mut second = Loader::in_dir(cache.path().to_path_buf());
    let archive = Arc::new(second.reload(dir.path()).unwrap().archive);
    let index = second.cached_index(&archive).expect("the cached index");
    // Then the file is written over in place past its header: the payload was read whole, the
    // postings are read from the file as searches want them.
    let root = posts_root(dir.path()).unwrap();
    let file = Cache::in_dir(cache.path(), &root)
        .unwrap()
        .path()
        .to_path_buf();
    let len = std::fs::metadata(&file).unwrap().len();
    {
        use std::os::unix::fs::FileExt;
        let f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
        f.write_at(&vec![0xff; len as usize - 64], 64).unwrap();
    }
    let mut app = app_with((*archive).clone(), 100, 30);
    let archive = Arc::clone(app.archive());
    update(
        &mut app,
        Event::IndexReady(IndexHandle::of(&archive, index)),
    );
    support::press(&mut app, &["/"]);
    let mut asked = 0;
    for c in "learning".chars() {
        let mut effects = update(&mut app, Event::Text(c));
        // As the runtime does before each frame: the box searches then.
        effects.extend(update(&mut app, Event::Settle));
        let now = effects
            .iter()
            .filter(|e| matches!(e, Effect::Index { previous: None, .. }))
            .count();
        if now > 0 {
            let screen = render(&app);
            assert!(
                screen.contains("cached search index is damaged"),
                "{screen}"
            );
        }
        asked += now;
    }
    assert_eq!(asked, 1, "said once, indexed again once");
}
