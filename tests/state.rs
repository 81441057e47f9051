//! The reading-state store: persistence, two writers at once, damage recovery, migration.

use hotpapers::archive::PaperKey;
use hotpapers::state::{HISTORY_LIMIT, SCHEMA_VERSION, Store, testing};

fn key(s: &str) -> PaperKey {
    PaperKey::from_stored(s)
}

fn keys(names: &[&str]) -> Vec<PaperKey> {
    names.iter().map(|s| key(s)).collect()
}

#[test]
fn marks_and_position_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (s, notice) = Store::open(dir.path()).unwrap();
        assert!(notice.is_none());
        s.set_read(&PaperKey::from_stored("2401.00001"), true)
            .unwrap();
        s.set_read(&PaperKey::from_stored("2401.00002"), true)
            .unwrap();
        s.set_read(&PaperKey::from_stored("2401.00002"), false)
            .unwrap();
        s.set_starred(&PaperKey::from_stored("2401.00003"), true, 1_700_000_000)
            .unwrap();
        s.set_starred(&PaperKey::from_stored("2401.00004"), true, 5)
            .unwrap();
        s.set_starred(&PaperKey::from_stored("2401.00004"), false, 6)
            .unwrap();
        s.set_position(
            "2024-01-05".parse().unwrap(),
            &PaperKey::from_stored("2401.00003"),
        )
        .unwrap();
    }
    let (s, _) = Store::open(dir.path()).unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap.read.into_iter().collect::<Vec<_>>(), ["2401.00001"]);
    assert_eq!(
        snap.starred.into_iter().collect::<Vec<_>>(),
        [(PaperKey::from_stored("2401.00003"), 1_700_000_000)]
    );
    assert_eq!(
        snap.position,
        Some((
            "2024-01-05".parse().unwrap(),
            PaperKey::from_stored("2401.00003")
        ))
    );
    assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
}

/// Runs `work` in two threads at once, each with its own store on one new database (as two
/// readers would), and gives the folder of that database.
fn two_readers(work: impl Fn(usize, &Store) + Sync) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    std::thread::scope(|scope| {
        for w in 0..2 {
            let (path, work) = (dir.path(), &work);
            scope.spawn(move || work(w, &Store::open(path).unwrap().0));
        }
    });
    dir
}

#[test]
fn two_readers_writing_at_once_lose_nothing() {
    let dir = two_readers(|w, s| {
        for i in 0..200 {
            s.set_read(&PaperKey::from_stored(format!("w{w}-{i}")), true)
                .unwrap();
            s.set_starred(&PaperKey::from_stored(format!("shared-{i}")), true, i)
                .unwrap();
        }
    });
    let snap = Store::open(dir.path()).unwrap().0.load().unwrap();
    assert_eq!(snap.read.len(), 400);
    assert_eq!(snap.starred.len(), 200);
}

#[test]
fn a_damaged_database_is_moved_aside_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("state.db"),
        b"this is not an SQLite database, just text; ".repeat(200),
    )
    .unwrap();
    let (s, notice) = Store::open(dir.path()).unwrap();
    let notice = notice.expect("the damage is reported");
    assert!(
        notice.contains("damaged") && notice.contains("state.db.damaged-"),
        "{notice}"
    );
    s.set_read(&PaperKey::from_stored("x"), true).unwrap();
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.db.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        std::fs::read(dir.path().join(&aside[0]))
            .unwrap()
            .starts_with(b"this is not"),
        "the old file is kept"
    );
    // Reported once: the next start finds a healthy database.
    assert!(Store::open(dir.path()).unwrap().1.is_none());
}

#[test]
fn a_truncated_database_is_recovered_too() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (s, _) = Store::open(dir.path()).unwrap();
        for i in 0..500 {
            s.set_read(&PaperKey::from_stored(format!("p{i}")), true)
                .unwrap();
        }
    }
    let db = dir.path().join("state.db");
    let _ = std::fs::remove_file(dir.path().join("state.db-wal"));
    let bytes = std::fs::read(&db).unwrap();
    let mut damaged = bytes.clone();
    for b in damaged.iter_mut().skip(100).take(4000) {
        *b = 0xA5;
    }
    std::fs::write(&db, damaged).unwrap();
    let (s, notice) = Store::open(dir.path()).unwrap();
    assert!(notice.is_some());
    assert!(s.load().unwrap().read.is_empty());
}

/// A store opened on a database of schema `version` holding the rows `sql` writes, after
/// checking that it was migrated to the current schema without a notice.
fn migrated_from(version: usize, sql: &str) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("state.db");
    Store::create_at_version(&db, version).unwrap();
    testing::execute(&db, sql).unwrap();
    let (s, notice) = Store::open(dir.path()).unwrap();
    assert!(notice.is_none());
    assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
    (dir, s)
}

#[test]
fn an_older_schema_is_migrated_keeping_its_data() {
    // Rows as a hotpapers of schema 1 wrote them: no star times.
    let (_dir, s) = migrated_from(
        1,
        "INSERT INTO papers (id, read, starred) VALUES ('old-read', 1, 0), ('old-star', 0, 1);",
    );
    let snap = s.load().unwrap();
    assert!(snap.read.contains("old-read"));
    assert_eq!(
        snap.starred.get("old-star"),
        Some(&0),
        "stars from before star times get time 0"
    );
}

#[test]
fn a_version_2_database_gets_history_and_undo_and_keeps_its_marks() {
    let (_dir, s) = migrated_from(
        2,
        "INSERT INTO papers (id, read, starred, starred_at) VALUES ('r', 1, 0, NULL), ('s', 0, 1, 7);
         INSERT INTO meta (key, value) VALUES ('position', '2024-01-05 s');",
    );
    let snap = s.load().unwrap();
    assert!(snap.read.contains("r") && snap.read.len() == 1);
    assert_eq!(snap.starred.get("s"), Some(&7));
    assert_eq!(
        snap.position,
        Some(("2024-01-05".parse().unwrap(), key("s")))
    );
    assert!(snap.queries.is_empty());
    assert_eq!(s.pending_undo().unwrap(), None);
    // The new tables work.
    s.push_query("diffusion", 1).unwrap();
    assert_eq!(s.mark_read_bulk(&keys(&["r", "s"]), 2).unwrap(), 1);
    assert_eq!(s.undo_bulk().unwrap(), Some(keys(&["s"])));
    assert!(
        s.load().unwrap().read.contains("r"),
        "a mark from before is kept"
    );
}

#[test]
fn the_history_is_newest_first_each_query_once() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = Store::open(dir.path()).unwrap();
    assert!(s.queries().unwrap().is_empty());
    for (i, q) in ["a", "  b  ", "", "   ", "c", "a", "b\n", "A"]
        .iter()
        .enumerate()
    {
        s.push_query(q, i as i64).unwrap();
    }
    assert_eq!(s.queries().unwrap(), ["A", "b", "a", "c"]);
    // Order is the order of pushing, not of the times given.
    s.push_query("c", -5).unwrap();
    assert_eq!(s.queries().unwrap(), ["c", "A", "b", "a"]);
}

#[test]
fn the_history_keeps_the_newest_hundred_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (s, _) = Store::open(dir.path()).unwrap();
        for i in 0..HISTORY_LIMIT + 20 {
            s.push_query(&format!("q{i}"), i as i64).unwrap();
        }
        // One still kept, searched again, moves to the front: nothing is pushed out.
        s.push_query("q25", 1000).unwrap();
    }
    let (s, _) = Store::open(dir.path()).unwrap();
    let got = s.queries().unwrap();
    assert_eq!(HISTORY_LIMIT, 100);
    assert_eq!(got.len(), HISTORY_LIMIT);
    assert_eq!(got[..3], ["q25", "q119", "q118"]);
    assert_eq!(got.last().unwrap(), "q20", "q0..=q19 are forgotten");
    assert_eq!(got.iter().filter(|q| *q == "q25").count(), 1);
    // A forgotten one is new again, and pushes the oldest out.
    s.push_query("q3", 1001).unwrap();
    let got = s.queries().unwrap();
    assert_eq!(got.len(), HISTORY_LIMIT);
    assert_eq!((got[0].as_str(), got[99].as_str()), ("q3", "q21"));
    assert_eq!(
        s.load().unwrap().queries,
        got,
        "the snapshot has the history"
    );
}

#[test]
fn a_bulk_marking_is_undone_exactly_also_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (s, _) = Store::open(dir.path()).unwrap();
        s.set_read(&key("before"), true).unwrap();
        s.set_starred(&key("star"), true, 3).unwrap();
        let day = keys(&["a", "before", "star", "b", "a"]);
        assert_eq!(
            s.mark_read_bulk(&day, 100).unwrap(),
            3,
            "a, star and b changed"
        );
        assert_eq!(s.pending_undo().unwrap(), Some((3, 100)));
        let read = s.load().unwrap().read;
        assert!(
            ["a", "b", "before", "star"]
                .iter()
                .all(|k| read.contains(*k))
        );
    }
    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(s.pending_undo().unwrap(), Some((3, 100)));
    assert_eq!(s.undo_bulk().unwrap(), Some(keys(&["a", "star", "b"])));
    let snap = s.load().unwrap();
    assert_eq!(snap.read.into_iter().collect::<Vec<_>>(), ["before"]);
    assert_eq!(snap.starred.get("star"), Some(&3), "stars are untouched");
    // Undone once: nothing is left to undo.
    assert_eq!(s.pending_undo().unwrap(), None);
    assert_eq!(s.undo_bulk().unwrap(), None);
    drop(s);
    assert_eq!(
        Store::open(dir.path()).unwrap().0.undo_bulk().unwrap(),
        None
    );
}

#[test]
fn only_the_last_bulk_marking_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(s.mark_read_bulk(&keys(&["a", "b"]), 1).unwrap(), 2);
    assert_eq!(s.mark_read_bulk(&keys(&["b", "c"]), 2).unwrap(), 1);
    assert_eq!(s.pending_undo().unwrap(), Some((1, 2)));
    assert_eq!(s.undo_bulk().unwrap(), Some(keys(&["c"])));
    assert_eq!(s.undo_bulk().unwrap(), None, "the first one is gone");
    let read = s.load().unwrap().read;
    assert!(read.contains("a") && read.contains("b") && !read.contains("c"));
    // A marking that changes nothing replaces the record with nothing to undo.
    s.mark_read_bulk(&keys(&["d"]), 3).unwrap();
    assert_eq!(s.mark_read_bulk(&keys(&["a", "d"]), 4).unwrap(), 0);
    assert_eq!(s.pending_undo().unwrap(), None);
    assert_eq!(s.mark_read_bulk(&[], 5).unwrap(), 0);
    assert_eq!(s.undo_bulk().unwrap(), None);
}

#[test]
fn nothing_to_undo_in_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = Store::open(dir.path()).unwrap();
    assert_eq!(s.pending_undo().unwrap(), None);
    assert_eq!(s.undo_bulk().unwrap(), None);
    assert!(s.load().unwrap().read.is_empty());
}

#[test]
fn two_readers_marking_in_bulk_at_once_keep_each_marking_whole() {
    let batch = |w: usize, round: usize| -> Vec<PaperKey> {
        (0..25)
            .map(|i| key(&format!("w{w}-r{round}-{i}")))
            .collect()
    };
    let dir = two_readers(|w, s| {
        for round in 0..20 {
            let changed = s.mark_read_bulk(&batch(w, round), round as i64).unwrap();
            assert_eq!(changed, 25);
            s.push_query(&format!("w{w}-{round}"), 0).unwrap();
        }
    });
    let (s, _) = Store::open(dir.path()).unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap.read.len(), 2 * 20 * 25, "no marking was lost");
    assert_eq!(snap.queries.len(), 40);
    // The record is one reader's last marking, whole: not a mix of the two.
    assert_eq!(s.pending_undo().unwrap(), Some((25, 19)));
    let undone = s.undo_bulk().unwrap().unwrap();
    assert!(
        undone == batch(0, 19) || undone == batch(1, 19),
        "{undone:?}"
    );
    assert_eq!(s.load().unwrap().read.len(), 2 * 20 * 25 - 25);
}

#[test]
fn a_newer_schema_is_refused_not_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("state.db");
    Store::create_at_version(&db, SCHEMA_VERSION).unwrap();
    testing::execute(&db, "PRAGMA user_version = 99;").unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(err.to_string().contains("newer hotpapers"), "{err}");
    assert!(db.exists(), "a newer database is left alone");
}

#[test]
fn a_library_holding_a_time_no_clock_can_is_refused_and_changes_nothing() {
    use hotpapers::state::{Library, Starred};
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = Store::open(dir.path()).unwrap();
    for bad in [-1, i64::MIN, i64::MAX, 253_402_300_800] {
        let mut lib = Library::empty(0);
        lib.starred.push(Starred {
            paper: "2401.00001".into(),
            starred_at: bad,
        });
        let e = Library::from_json(&lib.to_json()).unwrap_err().to_string();
        assert!(
            e.contains("starred[0].starred_at") && e.contains("not a time"),
            "{e}"
        );
        assert!(s.import_library(&lib).is_err());
        let mut lib = Library::empty(bad);
        lib.starred.push(Starred {
            paper: "2401.00001".into(),
            starred_at: 1,
        });
        let e = Library::from_json(&lib.to_json()).unwrap_err().to_string();
        assert!(e.contains("exported_at"), "{e}");
    }
    assert!(s.load().unwrap().starred.is_empty());
    let mut last = Library::empty(0);
    last.starred.push(Starred {
        paper: "2401.00001".into(),
        starred_at: 253_402_300_799,
    });
    assert!(
        Library::from_json(&last.to_json()).is_ok(),
        "the year 9999 is fine"
    );
}
