//! A spill file: a temporary file of the process's own, gone once closed, where bytes made in
//! memory are moved to when they are not needed there until later (an index build's postings:
//! see `search::index::chunked`), and read back from as a cache file's bulk is (`Stored`).
//!
//! It lives in the cache folder when there is one (on disk, where the cache is written anyway),
//! else in the system's temporary folder; when neither can hold one, the bytes stay in memory.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::bulk::Stored;

#[derive(Debug)]
pub struct Spill {
    file: Arc<File>,
    /// Where the next bytes go; held while a writer appends.
    end: Mutex<u64>,
    /// The folder it was asked to be in (it may be in the temporary folder instead).
    dir: Option<PathBuf>,
}

impl Spill {
    /// A new spill file in `dir` (made if missing), else in the temporary folder; `None` when
    /// neither can hold one.
    pub fn new(dir: Option<&Path>) -> Option<Spill> {
        let in_dir = dir.and_then(|d| {
            std::fs::create_dir_all(d).ok()?;
            tempfile::tempfile_in(d).ok()
        });
        let file = in_dir.or_else(|| tempfile::tempfile().ok())?;
        Some(Spill {
            file: Arc::new(file),
            end: Mutex::new(0),
            dir: dir.map(Path::to_path_buf),
        })
    }

    /// Another spill file where this one was asked to be: for bytes wanted only for a while,
    /// whose disk space goes back when it is dropped (the regions of one file stay taken
    /// until all of them are let go).
    pub fn sibling(&self) -> Option<Spill> {
        Spill::new(self.dir.as_deref())
    }

    /// A spill to `file` (for tests: one opened read-only fails every write).
    #[cfg(test)]
    pub fn of(file: File) -> Spill {
        Spill {
            file: Arc::new(file),
            end: Mutex::new(0),
            dir: None,
        }
    }

    /// Appends `bytes`; where they are now.
    pub fn put(&self, bytes: &[u8]) -> io::Result<Stored> {
        let mut w = self.writer();
        w.write_all(bytes)?;
        w.finish()
    }

    /// A writer appending to the file (others wait until it is finished or dropped: what it
    /// writes is one region).
    pub fn writer(&self) -> Writer<'_> {
        let end = self.end.lock().unwrap_or_else(|e| e.into_inner());
        Writer {
            file: &self.file,
            start: *end,
            end,
            buf: Vec::new(),
        }
    }
}

/// Bytes are written this much at a time.
const BUFFER: usize = 1 << 20;

/// Appends to a spill file (see `Spill::writer`).
pub struct Writer<'a> {
    file: &'a Arc<File>,
    start: u64,
    /// Where the buffer's bytes go.
    end: MutexGuard<'a, u64>,
    buf: Vec<u8>,
}

impl Writer<'_> {
    fn drain(&mut self) -> io::Result<()> {
        write_at(self.file, &self.buf, *self.end)?;
        *self.end += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// Writes what is left; the region written.
    pub fn finish(mut self) -> io::Result<Stored> {
        self.drain()?;
        let len = *self.end - self.start;
        Ok(Stored::new(Arc::clone(self.file), self.start, len))
    }
}

impl Write for Writer<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.buf.len() + bytes.len() > BUFFER && !self.buf.is_empty() {
            self.drain()?;
        }
        if bytes.len() >= BUFFER {
            write_at(self.file, bytes, *self.end)?;
            *self.end += bytes.len() as u64;
        } else {
            if self.buf.capacity() == 0 {
                self.buf.reserve_exact(BUFFER);
            }
            self.buf.extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

/// Elsewhere, a seek and a write (readers of the file wait: see `bulk`'s `read_at`).
#[cfg(not(unix))]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    crate::bulk::write_at(file, bytes, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_put_and_written_read_back_each_from_where_it_was_said() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Spill::new(Some(&dir.path().join("made"))).unwrap();
        let small = spill.put(b"hello").unwrap();
        let big: Vec<u8> = (0..3 * BUFFER as u32).map(|i| (i % 251) as u8).collect();
        let mut w = spill.writer();
        for piece in big.chunks(70_001) {
            w.write_all(piece).unwrap();
        }
        w.write_all(&big[..BUFFER + 3]).unwrap();
        let long = w.finish().unwrap();
        let last = spill.put(b"!").unwrap();
        let read = |s: &Stored| {
            let mut buf = vec![0u8; s.len() as usize];
            s.read(0, &mut buf).unwrap();
            buf
        };
        assert_eq!(read(&small), b"hello");
        assert_eq!(read(&long), [&big[..], &big[..BUFFER + 3]].concat());
        assert_eq!(read(&last), b"!");
        // The file is nobody else's: the folder holds no name of it.
        assert_eq!(
            std::fs::read_dir(dir.path().join("made")).unwrap().count(),
            0
        );
        // A sibling is a file of its own, made where this one was asked to be.
        let other = spill.sibling().unwrap();
        let there = other.put(b"elsewhere").unwrap();
        assert_eq!(read(&there), b"elsewhere");
        assert_eq!(read(&small), b"hello");
        assert_eq!(other.dir, spill.dir);
    }

    #[test]
    fn a_folder_that_cannot_be_made_spills_to_the_temporary_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a file");
        std::fs::write(&file, "x").unwrap();
        let spill = Spill::new(Some(&file.join("below"))).unwrap();
        assert_eq!(spill.put(b"ok").unwrap().len(), 2);
    }
}
