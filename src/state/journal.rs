//! The journal: the changes a session made that the database may not hold yet, one JSON line
//! each, in the state folder. A change is written here before the reader shows it as made, so
//! that a session ending before the database took it (killed, crashed, the database locked by
//! another program until then) loses nothing: the next session makes what its journal holds
//! before it loads the state.
//!
//! Crash safety: an entry is one `write` of a whole line to a file opened for appending, so a
//! crash leaves at most its last line torn, which is no JSON and is skipped. Each entry has a
//! number, and the database records the last one made of each journal in the transaction that
//! makes it (`Store::apply_journaled`), so an entry is made once however often it is replayed.
//! The file is not synced: it survives the program's crash or kill, and a power cut as much as
//! the database does (`synchronous = NORMAL`). Each session's journal is locked (`flock`) while
//! the session lives, so that a second reader never takes a live session's journal for one
//! left behind.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::op::Op;

const PREFIX: &str = "journal-";
const SUFFIX: &str = ".jsonl";

/// One line of a journal.
#[derive(Serialize, Deserialize)]
struct Entry {
    seq: u64,
    change: Op,
}

/// This session's journal, locked while it is open.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    name: String,
    /// The number of the last entry written.
    last: u64,
}

impl Journal {
    /// Starts a journal in `dir`. It is made under a name no session looks for, locked, and
    /// only then given its name, so that nobody ever sees it unlocked.
    pub fn create(dir: &Path) -> io::Result<Journal> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let stem = format!("{}-{nanos}", std::process::id());
        let new = dir.join(format!(".{PREFIX}{stem}.new"));
        let file = OpenOptions::new()
            .append(true)
            .read(true)
            .create_new(true)
            .open(&new)?;
        if !lock(&file) {
            let _ = std::fs::remove_file(&new);
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "cannot lock a new journal",
            ));
        }
        let name = format!("{PREFIX}{stem}{SUFFIX}");
        let path = dir.join(&name);
        if let Err(e) = std::fs::rename(&new, &path) {
            let _ = std::fs::remove_file(&new);
            return Err(e);
        }
        Ok(Journal {
            file,
            path,
            name,
            last: 0,
        })
    }

    /// Its name in the state folder, by which the database records how far it was made.
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `op` as the next entry; returns its number.
    pub fn append(&mut self, op: &Op) -> io::Result<u64> {
        let seq = self.last + 1;
        let mut line = serde_json::to_string(&Entry {
            seq,
            change: op.clone(),
        })?;
        line.push('\n');
        // One write: a line is in the file whole, or (after a crash) torn at its end.
        let n = self.file.write(line.as_bytes())?;
        if n != line.len() {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                "the journal took only part of an entry",
            ));
        }
        self.last = seq;
        Ok(seq)
    }

    /// Empties it: the database holds every entry. The numbers go on.
    pub fn clear(&mut self) -> io::Result<()> {
        self.file.set_len(0)
    }

    /// Deletes it: the database holds every entry.
    pub fn remove(self) -> io::Result<()> {
        std::fs::remove_file(&self.path)
    }

    /// Whether its file is still in the state folder (a folder deleted takes it along). Only
    /// "no such file" says it is gone: a file system that fails to answer once says nothing.
    pub fn is_there(&self) -> bool {
        !gone(&self.path)
    }
}

/// The journal of a session that ended before the database held all of it, claimed (locked)
/// by this session until its entries are made.
#[derive(Debug)]
pub struct Orphan {
    _file: File,
    path: PathBuf,
    pub name: String,
    /// Its entries, by number, in the order written.
    pub entries: Vec<(u64, Op)>,
    /// Lines that were no entry (the last one torn by a crash, say).
    pub unreadable: usize,
}

impl Orphan {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Deletes it: the database holds every entry.
    pub fn remove(self) -> io::Result<()> {
        std::fs::remove_file(&self.path)
    }
}

/// The journals in `dir` that no live session holds: the sessions that wrote them ended (a
/// crash, a kill, a lock held until they quit). Half-made journals (a crash while one was
/// started) are deleted once old enough that no session can still be making them.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let half_made = name.starts_with(&format!(".{PREFIX}")) && name.ends_with(".new");
        if !(half_made || name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
            continue;
        }
        let Ok(mut file) = OpenOptions::new().read(true).append(true).open(&path) else {
            continue;
        };
        if !lock(&file) {
            // Its session is alive.
            continue;
        }
        if half_made {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 60);
            if old {
                let _ = std::fs::remove_file(&path);
            }
            continue;
        }
        let mut text = Vec::new();
        if file.read_to_end(&mut text).is_err() {
            continue;
        }
        let (entries, unreadable) = parse(&text);
        found.push(Orphan {
            _file: file,
            path,
            name,
            entries,
            unreadable,
        });
    }
    // Oldest first: their names start with the writer's pid, then the time it started.
    found.sort_by_key(|o| started(&o.name));
    found
}

/// Whether nothing is at `path` (not: whether looking failed).
pub fn gone(path: &Path) -> bool {
    matches!(std::fs::metadata(path), Err(e) if e.kind() == io::ErrorKind::NotFound)
}

/// The names of the journals in `dir`, live or left behind.
pub fn names(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
        .collect()
}

/// The entries of a journal's text, and how many lines were none.
fn parse(text: &[u8]) -> (Vec<(u64, Op)>, usize) {
    let mut entries = Vec::new();
    let mut unreadable = 0;
    for line in text.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        match serde_json::from_slice::<Entry>(line) {
            Ok(e) => entries.push((e.seq, e.change)),
            Err(_) => unreadable += 1,
        }
    }
    (entries, unreadable)
}

/// When the session of the journal `name` started, in nanoseconds, from its name.
fn started(name: &str) -> u128 {
    name.trim_end_matches(SUFFIX)
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Takes the journal's lock without waiting; whether it was free.
fn lock(file: &File) -> bool {
    // SAFETY: flock on a descriptor this `File` owns, which stays open while it is used.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::PaperKey;

    fn star(id: &str) -> Op {
        Op::Star {
            key: PaperKey::from_stored(id),
            starred: true,
            at: 7,
        }
    }

    #[test]
    fn a_torn_last_line_is_skipped_and_the_rest_read() {
        let mut text = serde_json::to_vec(&Entry {
            seq: 1,
            change: star("a"),
        })
        .unwrap();
        text.push(b'\n');
        let whole = text.len();
        text.extend_from_slice(br#"{"seq":2,"change":{"op":"star","key":"b","sta"#);
        let (entries, unreadable) = parse(&text);
        assert_eq!(entries, [(1, star("a"))]);
        assert_eq!(unreadable, 1);
        assert_eq!(parse(&text[..whole]).1, 0);
    }

    #[test]
    fn a_live_journal_is_no_orphan_and_a_closed_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::create(dir.path()).unwrap();
        assert_eq!(j.append(&star("a")).unwrap(), 1);
        assert_eq!(j.append(&star("b")).unwrap(), 2);
        assert!(orphans(dir.path()).is_empty(), "its session holds it");
        assert_eq!(names(dir.path()), [j.name().to_string()]);
        drop(j);
        let found = orphans(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entries, [(1, star("a")), (2, star("b"))]);
        assert!(
            orphans(dir.path()).is_empty(),
            "claimed by the first finder"
        );
        found.into_iter().for_each(|o| o.remove().unwrap());
        assert!(names(dir.path()).is_empty());
    }
}
