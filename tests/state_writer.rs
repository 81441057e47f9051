//! The reader's writer of the reading state (`state::Saver`): changes queued while another
//! program holds the database, reported as delayed and saved once it lets go; kept in a journal
//! across a restart and made exactly once; refused ones said and skipped; a state folder
//! deleted under it made again.

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use hotpapers::archive::PaperKey;
use hotpapers::state::{Op, Opened, Report, Saver, Snapshot, Store, testing};

/// How long a test waits for a report before failing (not a measurement).
const DEADLINE: Duration = Duration::from_secs(20);

fn key(s: &str) -> PaperKey {
    PaperKey::from_stored(s)
}

fn star(id: &str) -> Op {
    Op::Star {
        key: key(id),
        starred: true,
        at: 1_700_000_000,
    }
}

/// A state folder with a database in it.
fn state() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    dir
}

fn loaded(opened: Opened) -> Snapshot {
    match opened {
        Opened::Loaded { snapshot, .. } => *snapshot,
        Opened::Unavailable(why) => panic!("not loaded: {why}"),
    }
}

/// The writer started on `dir`, the state loaded, and its reports.
fn started(dir: &Path) -> (Saver, Receiver<Report>) {
    let (mut saver, opened) = Saver::start(dir.to_path_buf());
    loaded(opened);
    let reports = saver.take_reports().unwrap();
    (saver, reports)
}

fn snapshot(dir: &Path) -> Snapshot {
    Store::open(dir).unwrap().0.load().unwrap()
}

/// Waits for a report that `pred` takes; the ones before it are returned with it.
fn wait_for(reports: &Receiver<Report>, what: &str, pred: impl Fn(&Report) -> bool) -> Vec<Report> {
    let mut seen = Vec::new();
    loop {
        match reports.recv_timeout(DEADLINE) {
            Ok(r) => {
                let done = pred(&r);
                seen.push(r);
                if done {
                    return seen;
                }
            }
            Err(_) => panic!("no report of {what}; reports so far: {seen:?}"),
        }
    }
}

fn journals(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("journal-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_change_waits_for_a_held_lock_is_said_and_saved_when_it_ends() {
    let dir = state();
    let (saver, reports) = started(dir.path());
    let held = testing::hold(&dir.path().join("state.db"), false).unwrap();
    saver.save(star("2401.00001"));
    saver.save(star("2401.00002"));
    let said = wait_for(&reports, "two changes waiting", |r| {
        matches!(r, Report::Delayed { waiting: 2, .. })
    });
    match &said[0] {
        Report::Delayed { why, .. } => {
            assert_eq!(why, "the state database is locked by another program")
        }
        other => panic!("{other:?}"),
    }
    drop(held);
    wait_for(&reports, "the changes saved", |r| {
        matches!(r, Report::CaughtUp { saved: 2 })
    });
    let snap = snapshot(dir.path());
    assert!(snap.starred.contains_key("2401.00001") && snap.starred.contains_key("2401.00002"));
    let left = saver.finish(Duration::from_secs(5));
    assert_eq!(left.waiting, 0);
    assert!(
        journals(dir.path()).is_empty(),
        "a journal all saved is deleted"
    );
}

#[test]
fn changes_still_waiting_at_the_end_are_made_by_the_next_session_before_it_loads() {
    let dir = state();
    let (saver, opened) = Saver::start(dir.path().to_path_buf());
    loaded(opened);
    let held = testing::hold(&dir.path().join("state.db"), false).unwrap();
    saver.save(star("2401.00001"));
    saver.save(Op::Note {
        key: key("2401.00001"),
        text: "kept".into(),
        at: 5,
    });
    let left = saver.finish(Duration::ZERO);
    assert_eq!(left.waiting, 2);
    let journal = left.journal.expect("kept in a journal");
    assert!(journal.is_file());
    drop(held);
    let (saver, opened) = Saver::start(dir.path().to_path_buf());
    let snap = loaded(opened);
    assert!(snap.starred.contains_key("2401.00001"));
    assert_eq!(snap.note_of(&key("2401.00001")), Some("kept"));
    assert!(!journal.exists(), "the journal made is deleted");
    assert_eq!(saver.finish(Duration::from_secs(5)).waiting, 0);
    assert!(journals(dir.path()).is_empty());
}

#[test]
fn a_journal_replayed_again_makes_each_change_once() {
    let dir = state();
    let a = [key("2401.00001"), key("2401.00002")];
    let (saver, opened) = Saver::start(dir.path().to_path_buf());
    loaded(opened);
    let held = testing::hold(&dir.path().join("state.db"), false).unwrap();
    let bulk = Op::MarkReadBulk {
        keys: a.to_vec(),
        at: 9,
    };
    saver.save(bulk.clone());
    saver.save(star("2401.00003"));
    let left = saver.finish(Duration::ZERO);
    drop(held);
    let journal = left.journal.unwrap();
    let name = journal.file_name().unwrap().to_str().unwrap().to_string();
    // As if a session had made the first entry and crashed before its journal was done with.
    let (store, _) = Store::open(dir.path()).unwrap();
    assert!(store.apply_journaled(&name, 1, &bulk).unwrap().is_some());
    assert!(
        store.apply_journaled(&name, 1, &bulk).unwrap().is_none(),
        "an entry made is not made again"
    );
    drop(store);
    let (saver, opened) = Saver::start(dir.path().to_path_buf());
    let snap = loaded(opened);
    assert!(
        snap.starred.contains_key("2401.00003"),
        "the entry not made yet is"
    );
    // The marking of many made twice would have found both read and kept nothing to undo.
    let (store, _) = Store::open(dir.path()).unwrap();
    assert_eq!(store.pending_undo().unwrap(), Some((2, 9)));
    drop(store);
    saver.finish(Duration::from_secs(5));
}

#[test]
fn a_refused_change_is_said_and_the_queue_goes_on() {
    let dir = state();
    let (saver, reports) = started(dir.path());
    saver.save(Op::Tags {
        key: key("2401.00001"),
        add: vec!["a,b".into()],
        remove: vec![],
        at: 1,
    });
    saver.save(star("2401.00002"));
    let said = wait_for(&reports, "the refusal", |r| {
        matches!(r, Report::NotSaved(_))
    });
    assert!(
        matches!(said.last(), Some(Report::NotSaved(why)) if why.contains("comma")),
        "{said:?}"
    );
    assert_eq!(saver.finish(Duration::from_secs(5)).waiting, 0);
    let snap = snapshot(dir.path());
    assert!(snap.starred.contains_key("2401.00002"));
    assert!(snap.tags.is_empty());
}

#[test]
fn an_undo_answers_with_the_papers_it_took_back() {
    let dir = state();
    let (saver, reports) = started(dir.path());
    saver.save(Op::MarkReadBulk {
        keys: vec![key("2401.00001"), key("2401.00002")],
        at: 3,
    });
    saver.save(Op::UndoBulk);
    let said = wait_for(&reports, "the undo", |r| matches!(r, Report::Undone(_)));
    assert_eq!(
        said.last(),
        Some(&Report::Undone(vec![key("2401.00001"), key("2401.00002")]))
    );
    saver.finish(Duration::from_secs(5));
    assert!(snapshot(dir.path()).read.is_empty());
}

#[test]
fn a_state_folder_deleted_under_the_writer_is_made_again_and_said() {
    let dir = state();
    let folder = dir.path().join("state");
    let (saver, reports) = started(&folder);
    std::fs::remove_dir_all(&folder).unwrap();
    wait_for(&reports, "the folder made again", |r| {
        *r == Report::Recreated(folder.clone())
    });
    saver.save(star("2401.00001"));
    assert_eq!(saver.finish(Duration::from_secs(5)).waiting, 0);
    assert!(snapshot(&folder).starred.contains_key("2401.00001"));
}

#[test]
fn a_lock_held_at_start_leaves_the_state_unloaded_but_changes_are_saved_later() {
    let dir = state();
    let db = dir.path().join("state.db");
    // In the exclusive locking mode nobody else can even read it.
    let held = testing::hold(&db, true).unwrap();
    let (mut saver, opened) = Saver::start(dir.path().to_path_buf());
    match opened {
        Opened::Unavailable(why) => {
            assert_eq!(why, "the state database is locked by another program")
        }
        other => panic!("{other:?}"),
    }
    let reports = saver.take_reports().unwrap();
    saver.save(star("2401.00001"));
    wait_for(&reports, "the change waiting", |r| {
        matches!(r, Report::Delayed { waiting: 1, .. })
    });
    drop(held);
    wait_for(&reports, "the change saved", |r| {
        matches!(r, Report::CaughtUp { .. })
    });
    saver.finish(Duration::from_secs(5));
    assert!(snapshot(dir.path()).starred.contains_key("2401.00001"));
}

#[test]
fn a_write_lock_held_at_start_still_lets_the_state_load() {
    let dir = state();
    Store::open(dir.path())
        .unwrap()
        .0
        .apply(&star("2401.00001"))
        .unwrap();
    // Another program writing (in WAL mode readers go on): nothing to wait for to read.
    let held = testing::hold(&dir.path().join("state.db"), false).unwrap();
    let (saver, opened) = Saver::start(dir.path().to_path_buf());
    assert!(loaded(opened).starred.contains_key("2401.00001"));
    drop(held);
    saver.finish(Duration::from_secs(5));
}
