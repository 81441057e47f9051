//! The reading-state store: persistence, two writers at once, damage recovery, migration.

use hotpapers::archive::PaperKey;
use hotpapers::state::{SCHEMA_VERSION, Store, testing};

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

#[test]
fn two_readers_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    std::thread::scope(|scope| {
        for w in 0..2 {
            let path = dir.path().to_path_buf();
            scope.spawn(move || {
                let (s, _) = Store::open(&path).unwrap();
                for i in 0..200 {
                    s.set_read(&PaperKey::from_stored(format!("w{w}-{i}")), true)
                        .unwrap();
                    s.set_starred(&PaperKey::from_stored(format!("shared-{i}")), true, i)
                        .unwrap();
                }
            });
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

#[test]
fn an_older_schema_is_migrated_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("state.db");
    Store::create_at_version(&db, 1).unwrap();
    // Rows as a hotpapers of schema 1 wrote them: no star times.
    testing::execute(
        &db,
        "INSERT INTO papers (id, read, starred) VALUES ('old-read', 1, 0), ('old-star', 0, 1);",
    )
    .unwrap();
    let (s, notice) = Store::open(dir.path()).unwrap();
    assert!(notice.is_none());
    assert_eq!(s.version().unwrap(), SCHEMA_VERSION);
    let snap = s.load().unwrap();
    assert!(snap.read.contains("old-read"));
    assert_eq!(
        snap.starred.get("old-star"),
        Some(&0),
        "stars from before star times get time 0"
    );
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
