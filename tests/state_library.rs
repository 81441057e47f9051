//! Your own library in the reading-state store: tags, notes, "not for me" and watch lists'
//! seen marks; the upgrade of a version 3 database to them; two writers at once; and the
//! library as a file, exported, imported (merged) and refused.

use hotpapers::archive::PaperKey;
use hotpapers::state::{
    LIBRARY_VERSION, Library, Merged, Note, SCHEMA_VERSION, StateError, Store, WatchRow, testing,
};

fn key(s: &str) -> PaperKey {
    PaperKey::from_stored(s)
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (s, notice) = Store::open(dir.path()).unwrap();
    assert!(notice.is_none());
    (dir, s)
}

#[test]
fn tags_are_kept_per_paper_counted_and_found() {
    let (dir, s) = store();
    let (a, b) = (key("2403.08150"), key("2402.11111"));
    assert_eq!(s.add_tags(&a, &["rl", " to   read ", "RL"], 5).unwrap(), 2);
    assert_eq!(
        s.add_tags(&a, &["Rl"], 6).unwrap(),
        0,
        "one tag whatever its case"
    );
    assert_eq!(s.add_tags(&b, &["LLM", "rl"], 7).unwrap(), 2);
    assert_eq!(s.tags_of(&a).unwrap(), ["rl", "to read"]);
    assert_eq!(s.tags_of(&b).unwrap(), ["LLM", "rl"]);
    assert!(s.tags_of(&key("untagged")).unwrap().is_empty());
    assert_eq!(
        s.tag_counts().unwrap(),
        [("LLM".into(), 1), ("rl".into(), 2), ("to read".into(), 1)]
    );
    assert_eq!(
        s.tagged("RL").unwrap(),
        [b.clone(), a.clone()],
        "last tagged first"
    );
    assert_eq!(s.tagged("to read").unwrap(), std::slice::from_ref(&a));

    // A refused tag refuses the whole call.
    let err = s.add_tags(&a, &["fine", "no,commas"], 8).unwrap_err();
    assert!(matches!(err, StateError::BadTag(_)), "{err}");
    assert!(!s.tags_of(&a).unwrap().contains(&"fine".to_string()));

    assert_eq!(s.remove_tags(&a, &["RL", "never given"]).unwrap(), 1);
    assert_eq!(s.tags_of(&a).unwrap(), ["to read"]);
    drop(s);
    // The snapshot has them, after reopening.
    let snap = Store::open(dir.path()).unwrap().0.load().unwrap();
    assert_eq!(snap.tags.len(), 2);
    assert_eq!(snap.tags_of(&a), ["to read"]);
    assert_eq!(snap.tags_of(&b), ["LLM", "rl"]);
    assert!(snap.tags_of(&key("untagged")).is_empty());
}

#[test]
fn notes_not_for_me_and_seen_marks_survive_reopening() {
    let (dir, s) = store();
    let (a, b) = (key("2403.08150"), key("hep-th/9901001"));
    assert_eq!(s.note(&a).unwrap(), None);
    s.set_note(&a, "first thoughts", 10).unwrap();
    s.set_note(&a, "second thoughts\nwith a line", 20).unwrap();
    s.set_note(&b, "to delete", 30).unwrap();
    assert!(s.delete_note(&b).unwrap());
    assert!(!s.delete_note(&b).unwrap(), "nothing left to delete");
    s.set_note(&b, "again", 31).unwrap();
    s.set_note(&b, "  \n ", 32).unwrap();
    assert_eq!(s.note(&b).unwrap(), None, "a blank note is no note");

    s.set_not_for_me(&a, true, 1).unwrap();
    s.set_not_for_me(&b, true, 2).unwrap();
    s.set_not_for_me(&b, false, 3).unwrap();

    assert_eq!(
        s.mark_seen("diffusion", &[a.clone(), b.clone()], 4)
            .unwrap(),
        2
    );
    assert_eq!(
        s.mark_seen("diffusion", std::slice::from_ref(&a), 5)
            .unwrap(),
        0
    );
    assert_eq!(
        s.mark_seen("@not_a_real_prof", std::slice::from_ref(&b), 6)
            .unwrap(),
        1
    );
    drop(s);

    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(
        s.note(&a).unwrap(),
        Some(Note {
            text: "second thoughts\nwith a line".into(),
            updated_at: 20
        })
    );
    let snap = s.load().unwrap();
    assert_eq!(snap.note_of(&a), Some("second thoughts\nwith a line"));
    assert_eq!(snap.notes.len(), 1);
    assert_eq!(
        snap.not_for_me.into_iter().collect::<Vec<_>>(),
        std::slice::from_ref(&a)
    );
    let mut seen: Vec<_> = s.seen("diffusion").unwrap().into_iter().collect();
    seen.sort();
    assert_eq!(seen, [a.clone(), b.clone()]);
    assert_eq!(s.seen("@not_a_real_prof").unwrap().len(), 1);
    assert!(s.seen("Diffusion").unwrap().is_empty(), "names are exact");
}

/// A version 3 database, made by today's code path, with marks, a position, history and a
/// bulk marking in it.
fn version_3(dir: &std::path::Path) {
    let db = dir.join("state.db");
    Store::create_at_version(&db, 3).unwrap();
    testing::execute(
        &db,
        "INSERT INTO papers (id, read, starred, starred_at) VALUES
             ('2403.08150', 1, 1, 77), ('2402.11111', 1, 0, NULL);
         INSERT INTO meta (key, value) VALUES ('position', '2024-03-15 2403.08150');
         INSERT INTO queries (query, used_at) VALUES ('diffusion', 3), ('au:ejemplo', 4);
         INSERT INTO bulk_undo (id, marked_at) VALUES ('2402.11111', 9);",
    )
    .unwrap();
}

#[test]
fn a_version_3_database_gains_the_library_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    version_3(dir.path());
    let (s, notice) = Store::open(dir.path()).unwrap();
    assert!(notice.is_none());
    assert_eq!((s.version().unwrap(), SCHEMA_VERSION), (5, 5));
    let snap = s.load().unwrap();
    assert_eq!(snap.read.len(), 2);
    assert_eq!(snap.starred.get("2403.08150"), Some(&77));
    assert_eq!(
        snap.position,
        Some(("2024-03-15".parse().unwrap(), key("2403.08150")))
    );
    assert_eq!(snap.queries, ["au:ejemplo", "diffusion"]);
    assert!(snap.tags.is_empty() && snap.notes.is_empty() && snap.not_for_me.is_empty());
    assert_eq!(s.pending_undo().unwrap(), Some((1, 9)));
    // The new tables work.
    s.add_tags(&key("2403.08150"), &["kept"], 1).unwrap();
    s.set_note(&key("2403.08150"), "upgraded", 1).unwrap();
    s.set_not_for_me(&key("2402.11111"), true, 1).unwrap();
    s.mark_seen("w", &[key("2403.08150")], 1).unwrap();
    s.save_watch("w", "ti:nerf", 1).unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap.watches.len(), 1);
    assert_eq!(snap.tags_of(&key("2403.08150")), ["kept"]);
    assert_eq!(snap.note_of(&key("2403.08150")), Some("upgraded"));
    assert!(snap.not_for_me.contains("2402.11111"));
}

#[test]
fn two_processes_opening_an_old_database_at_once_upgrade_it_once() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        version_3(dir.path());
        let opened: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..3)
                .map(|_| scope.spawn(|| Store::open(dir.path()).map(|(s, n)| (s.version(), n))))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for o in opened {
            let (version, notice) = o.expect("every opener succeeds");
            assert_eq!(version.unwrap(), SCHEMA_VERSION);
            assert!(notice.is_none(), "no damage seen: {notice:?}");
        }
        assert_eq!(
            Store::open(dir.path())
                .unwrap()
                .0
                .load()
                .unwrap()
                .read
                .len(),
            2
        );
    }
}

#[test]
fn two_writers_tagging_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    std::thread::scope(|scope| {
        for w in 0..2 {
            let path = dir.path();
            scope.spawn(move || {
                let (s, _) = Store::open(path).unwrap();
                for i in 0..100 {
                    let shared = key(&format!("shared-{i}"));
                    s.add_tags(&shared, &[format!("by-{w}"), "both".into()], i)
                        .unwrap();
                    s.add_tags(&key(&format!("w{w}-{i}")), &["own"], i).unwrap();
                    s.set_note(&shared, &format!("writer {w}"), i).unwrap();
                }
            });
        }
    });
    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(
        s.tag_counts().unwrap(),
        [
            ("both".into(), 100),
            ("by-0".into(), 100),
            ("by-1".into(), 100),
            ("own".into(), 200)
        ]
    );
    let snap = s.load().unwrap();
    assert_eq!(snap.notes.len(), 100);
    assert!(
        snap.notes
            .values()
            .all(|n| n.text == "writer 0" || n.text == "writer 1")
    );
}

/// A store with one of everything, written at times 100..
fn filled() -> (tempfile::TempDir, Store) {
    let (dir, s) = store();
    let (a, b, c) = (
        key("2403.08150"),
        key("2402.11111"),
        key("title:an untitled idea"),
    );
    s.set_starred(&a, true, 100).unwrap();
    s.set_read(&a, true).unwrap();
    s.set_read(&b, true).unwrap();
    s.add_tags(&a, &["rl", "to read"], 101).unwrap();
    s.add_tags(&c, &["ideas"], 102).unwrap();
    s.set_note(&a, "a note\nof two lines", 103).unwrap();
    s.set_not_for_me(&b, true, 104).unwrap();
    s.mark_seen("@not_a_real_prof", &[a, b], 105).unwrap();
    s.push_query("diffusion", 106).unwrap();
    s.push_query("au:ejemplo", 107).unwrap();
    s.save_watch(" radiance ", "ti:nerf", 108).unwrap();
    (dir, s)
}

/// What a library holds, without its time of export.
fn contents(mut lib: Library) -> Library {
    lib.exported_at = 0;
    lib
}

#[test]
fn a_library_exported_and_imported_into_an_empty_state_is_the_same_library() {
    let (_d1, from) = filled();
    let lib = from.export_library(999).unwrap();
    assert_eq!((lib.version, lib.exported_at), (LIBRARY_VERSION, 999));
    assert_eq!(lib.starred.len(), 1);
    assert_eq!(lib.read, ["2402.11111", "2403.08150"]);
    assert_eq!(lib.tags.len(), 3);
    assert_eq!(lib.queries.len(), 2);
    // Through the file's text.
    let text = lib.to_json();
    let back = Library::from_json(&text).unwrap();
    assert_eq!(back, lib);

    let (_d2, to) = store();
    let merged = to.import_library(&back).unwrap();
    assert_eq!(
        merged,
        Merged {
            starred: 1,
            read: 2,
            tags: 3,
            notes: 1,
            not_for_me: 1,
            watch_seen: 2,
            watches: 1,
            queries: 2
        }
    );
    assert_eq!(
        contents(to.export_library(1).unwrap()),
        contents(lib.clone())
    );
    let snap = to.load().unwrap();
    assert_eq!(snap.starred.get("2403.08150"), Some(&100));
    assert_eq!(snap.queries, ["au:ejemplo", "diffusion"]);
    assert_eq!(
        (
            snap.watches[0].name.as_str(),
            snap.watches[0].query.as_str()
        ),
        ("radiance", "ti:nerf")
    );
    assert_eq!(snap.watch_seen["@not_a_real_prof"].len(), 2);
    assert_eq!(
        snap.note_of(&key("2403.08150")),
        Some("a note\nof two lines")
    );
    // Importing it again changes nothing.
    assert_eq!(to.import_library(&back).unwrap(), Merged::default());
    assert_eq!(contents(to.export_library(2).unwrap()), contents(lib));
}

#[test]
fn an_import_merges_keeping_both_sides_and_the_newer_note() {
    let (_d1, from) = filled();
    let lib = from.export_library(0).unwrap();
    let (_d2, to) = store();
    let (a, other) = (key("2403.08150"), key("2401.00042"));
    to.set_starred(&a, true, 50).unwrap();
    to.set_starred(&other, true, 51).unwrap();
    to.add_tags(&a, &["RL", "mine"], 52).unwrap();
    to.set_note(&other, "kept as it is", 53).unwrap();
    to.push_query("older", 10).unwrap();
    to.push_query("newest", 200).unwrap();
    let merged = to.import_library(&lib).unwrap();
    assert_eq!((merged.starred, merged.tags, merged.notes), (0, 2, 1));
    let snap = to.load().unwrap();
    assert_eq!(
        snap.starred.get("2403.08150"),
        Some(&50),
        "a star kept keeps its time"
    );
    assert!(snap.starred.contains_key("2401.00042"));
    assert_eq!(snap.tags_of(&a), ["mine", "RL", "to read"]);
    assert_eq!(snap.note_of(&other), Some("kept as it is"));
    assert_eq!(snap.queries, ["newest", "au:ejemplo", "diffusion", "older"]);

    // Of two notes of one paper, the one written last wins, from either side.
    to.set_note(&a, "written here later", 500).unwrap();
    assert_eq!(to.import_library(&lib).unwrap().notes, 0);
    assert_eq!(to.load().unwrap().note_of(&a), Some("written here later"));
    let mut newer = lib.clone();
    newer.notes[0].text = "written there even later".into();
    newer.notes[0].updated_at = 600;
    assert_eq!(to.import_library(&newer).unwrap().notes, 1);
    assert_eq!(
        to.note(&a).unwrap(),
        Some(Note {
            text: "written there even later".into(),
            updated_at: 600
        })
    );
}

#[test]
fn a_file_it_does_not_understand_is_refused_and_changes_nothing() {
    let (_dir, s) = filled();
    let before = contents(s.export_library(0).unwrap());
    let good = s.export_library(0).unwrap().to_json();
    let refused = |text: &str| -> String {
        let err = Library::from_json(text).expect_err(text).to_string();
        assert_eq!(contents(s.export_library(0).unwrap()), before);
        err
    };
    assert!(refused("{ not json").starts_with("not JSON"));
    assert!(refused("[1, 2]").contains("not a hotpapers library"));
    assert!(refused(r#"{"format": "something-else", "version": 1}"#).contains("not a hotpapers"));
    let e = refused(&good.replace("\"version\": 1", "\"version\": 7"));
    assert!(
        e.contains("version 7") && e.contains("reads version 1"),
        "{e}"
    );
    let e = refused(&good.replace("\"starred_at\": 100", "\"starred_at\": \"yesterday\""));
    assert!(e.contains("invalid type") && e.contains("line"), "{e}");
    let e = refused(&good.replace("\"read\": [", "\"read\": [3, "));
    assert!(e.contains("invalid type"), "{e}");
    let e = refused(&good.replace("\"queries\"", "\"surprise\": 1,\n  \"queries\""));
    assert!(e.contains("unknown field"), "{e}");
    let e = refused(&good.replace("\"tag\": \"rl\"", "\"tag\": \"r,l\""));
    assert!(e.contains("tags[0].tag") && e.contains("comma"), "{e}");
    let e = refused(&good.replace("\"paper\": \"2403.08150\"", "\"paper\": \" \""));
    assert!(e.contains("is empty"), "{e}");

    // A library built in code that is not one is refused by the store too, before any change,
    // even with good entries ahead of the bad one.
    let (_d2, empty) = store();
    let mut lib = Library::from_json(&good).unwrap();
    lib.queries.push(hotpapers::state::Query {
        query: "   ".into(),
        used_at: 1,
    });
    let err = empty.import_library(&lib).unwrap_err();
    assert!(
        err.to_string().contains("queries[2].query is empty"),
        "{err}"
    );
    assert_eq!(
        contents(empty.export_library(0).unwrap()),
        contents(Library::empty(0))
    );
}

#[test]
fn a_database_of_a_newer_schema_than_ours_is_refused() {
    // One made by a newer hotpapers is left alone.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("state.db");
    Store::create_at_version(&db, SCHEMA_VERSION).unwrap();
    testing::execute(&db, "PRAGMA user_version = 6;").unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(
        err.to_string().contains("schema 6, this one knows 5"),
        "{err}"
    );
}

#[test]
fn watch_lists_saved_in_the_reader_are_kept_replaced_and_forgotten_with_their_seen_marks() {
    let (_d, s) = store();
    assert!(!s.save_watch("radiance", "ti:nerf", 10).unwrap());
    assert!(!s.save_watch("gans", "gan", 11).unwrap());
    assert!(
        s.save_watch("  radiance", "ti:nerf OR ti:radiance", 12)
            .unwrap(),
        "same name, trimmed"
    );
    s.mark_seen("radiance", &[key("2403.08150")], 13).unwrap();
    let snap = s.load().unwrap();
    let names: Vec<(&str, &str)> = snap
        .watches
        .iter()
        .map(|w| (w.name.as_str(), w.query.as_str()))
        .collect();
    assert_eq!(
        names,
        [("radiance", "ti:nerf OR ti:radiance"), ("gans", "gan")]
    );
    assert_eq!(snap.watch_seen["radiance"].len(), 1);
    assert!(s.forget_watch("radiance").unwrap());
    assert!(!s.forget_watch("radiance").unwrap(), "gone already");
    let snap = s.load().unwrap();
    assert_eq!(snap.watches.len(), 1);
    assert!(
        !snap.watch_seen.contains_key("radiance"),
        "its seen marks went with it"
    );
    for bad in ["", "   ", "a\u{1b}]0;x\u{7}"] {
        assert!(s.save_watch(bad, "gan", 14).is_err(), "{bad:?}");
    }
    assert!(s.save_watch(&"n".repeat(61), "gan", 14).is_err());
}

#[test]
fn an_import_keeps_the_later_of_two_watch_lists_of_a_name_and_refuses_a_bad_query() {
    let (_d, s) = store();
    s.save_watch("radiance", "ti:nerf", 50).unwrap();
    let mut lib = Library::empty(0);
    lib.watches = vec![
        WatchRow {
            name: "radiance".into(),
            query: "older".into(),
            saved_at: 40,
        },
        WatchRow {
            name: "new one".into(),
            query: "gan".into(),
            saved_at: 40,
        },
    ];
    assert_eq!(s.import_library(&lib).unwrap().watches, 1);
    let kept = s.saved_watches().unwrap();
    assert_eq!(kept[0].query, "ti:nerf", "the newer one stays");
    assert_eq!(kept[1].name, "new one");
    lib.watches[0].saved_at = 60;
    assert_eq!(s.import_library(&lib).unwrap().watches, 1);
    assert_eq!(s.saved_watches().unwrap()[0].query, "older");
    let mut bad = Library::empty(0);
    bad.watches = vec![WatchRow {
        name: "broken".into(),
        query: "(gan".into(),
        saved_at: 1,
    }];
    let err = s.import_library(&bad).unwrap_err().to_string();
    assert!(err.contains("watches[0].query"), "{err}");
    assert_eq!(s.saved_watches().unwrap().len(), 2, "nothing changed");
}
