//! Bulk bytes: what a cache file holds after its payload (the index's postings), left in the
//! file once the payload is read and read a part at a time when wanted, so that a warm start
//! does not hold them all in memory. The file stays what it was while open: a cache is only
//! ever replaced by renaming a new file over it.

use std::fs::File;
use std::io::{self, Write};
use std::sync::Arc;

/// A region of an open file.
#[derive(Debug, Clone)]
pub struct Stored {
    file: Arc<File>,
    at: u64,
    len: u64,
}

impl Stored {
    /// The `len` bytes of `file` from `at` on.
    pub fn new(file: Arc<File>, at: u64, len: u64) -> Stored {
        Stored { file, at, len }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `len` bytes from `at` on of this region, if they are inside it.
    pub fn part(&self, at: u64, len: u64) -> Option<Stored> {
        let end = at.checked_add(len)?;
        (end <= self.len).then(|| Stored {
            file: Arc::clone(&self.file),
            at: self.at + at,
            len,
        })
    }

    /// Fills `buf` with the bytes from `at` on; an error when they are not all there (the
    /// region is past the file's end, or cannot be read).
    pub fn read(&self, at: u64, buf: &mut [u8]) -> io::Result<()> {
        let inside = at
            .checked_add(buf.len() as u64)
            .is_some_and(|end| end <= self.len);
        if !inside {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "outside the stored bytes",
            ));
        }
        read_at(&self.file, buf, self.at + at)
    }

    /// Copies the region to `w`, a part at a time.
    pub fn copy_to(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut buf = vec![0u8; CHUNK.min(self.len as usize)];
        let mut at = 0;
        while at < self.len {
            let n = CHUNK.min((self.len - at) as usize);
            self.read(at, &mut buf[..n])?;
            w.write_all(&buf[..n])?;
            at += n as u64;
        }
        Ok(())
    }
}

/// The bytes of a region read in order (see `Stored::reader`).
#[derive(Debug)]
pub struct Reader {
    stored: Stored,
    at: u64,
}

impl Stored {
    /// The region's bytes as a reader, from its start; one that ends early (the file cut
    /// since) is an error.
    pub fn reader(&self) -> Reader {
        Reader {
            stored: self.clone(),
            at: 0,
        }
    }
}

impl io::Read for Reader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = (self.stored.len - self.at).min(buf.len() as u64) as usize;
        self.stored.read(self.at, &mut buf[..n])?;
        self.at += n as u64;
        Ok(n)
    }
}

/// How much is read at once when copying.
const CHUNK: usize = 1 << 20;

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

/// Elsewhere, seeks and reads or writes one at a time (they share the file's position).
#[cfg(not(unix))]
static ONE: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(not(unix))]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let mut f = file;
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(buf)
}

/// Writes `bytes` at `at` (for `spill`, elsewhere than on Unix).
#[cfg(not(unix))]
pub(crate) fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    use std::io::{Seek, SeekFrom};
    let _one = ONE.lock().unwrap_or_else(|e| e.into_inner());
    let mut f = file;
    f.seek(SeekFrom::Start(at))?;
    f.write_all(bytes)
}

/// A piece of the bulk to write: bytes in memory, or stored ones (copied from their file).
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    Memory(&'a [u8]),
    Stored(&'a Stored),
}

impl Piece<'_> {
    pub fn len(&self) -> u64 {
        match self {
            Piece::Memory(b) => b.len() as u64,
            Piece::Stored(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The bulk of a cache file to write: pieces, one after the other.
#[derive(Debug, Default)]
pub struct Bulk<'a> {
    pieces: Vec<Piece<'a>>,
    len: u64,
}

impl<'a> Bulk<'a> {
    /// Adds `piece` and returns where in the bulk it starts.
    pub fn push(&mut self, piece: Piece<'a>) -> u64 {
        let at = self.len;
        self.len += piece.len();
        self.pieces.push(piece);
        at
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Writes every piece to `w`, in order.
    pub fn write_to(&self, w: &mut dyn Write) -> io::Result<()> {
        for p in &self.pieces {
            match p {
                Piece::Memory(b) => w.write_all(b)?,
                Piece::Stored(s) => s.copy_to(w)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_bytes_read_back_in_parts_and_nothing_outside_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let bytes: Vec<u8> = (0..3000u32).map(|i| (i * 7 % 256) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let all = Stored::new(Arc::new(File::open(&path).unwrap()), 100, 2000);
        let part = all.part(50, 1000).unwrap();
        let mut buf = [0u8; 10];
        part.read(990, &mut buf).unwrap();
        assert_eq!(buf[..], bytes[1140..1150]);
        assert!(part.read(991, &mut buf).is_err(), "past the part's end");
        assert!(all.part(1500, 501).is_none() && all.part(u64::MAX, 2).is_none());
        // Written out whole, from memory and from the file.
        let mut bulk = Bulk::default();
        assert_eq!(bulk.push(Piece::Memory(b"ab")), 0);
        assert_eq!(bulk.push(Piece::Stored(&part)), 2);
        let mut out = Vec::new();
        bulk.write_to(&mut out).unwrap();
        assert_eq!(out.len() as u64, bulk.len());
        assert_eq!(out[..2], *b"ab");
        assert_eq!(out[2..], bytes[150..1150]);
        // Read in order, as a reader.
        let mut read = Vec::new();
        io::Read::read_to_end(&mut part.reader(), &mut read).unwrap();
        assert_eq!(read, bytes[150..1150]);
        // A region past the file's end (the file cut since) is an error, not a panic.
        let past = Stored::new(Arc::new(File::open(&path).unwrap()), 2900, 200);
        assert!(past.read(0, &mut [0u8; 200]).is_err());
        assert!(io::Read::read_to_end(&mut past.reader(), &mut read).is_err());
    }
}
