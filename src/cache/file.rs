//! One cache file on disk: a header (magic, format version, the program's version, the
//! payload's and the bulk's lengths and checksums), the payload (sections: see `sections`) and
//! the bulk (see `bulk`). The payload is decoded a section at a time as it is read, the bulk
//! checked and left in the file. Written a section at a time to a temporary file in the same
//! folder (its header last, once its lengths and checksums are known), flushed to disk and
//! renamed over the old one, so that a kill at any point leaves the old file or the new one,
//! never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::bulk::{Bulk, Stored};
use crate::codec::Checksum;
use crate::sections::{SectionsIn, SectionsOut};

const MAGIC: &[u8; 8] = b"HOTPCACH";
/// The layout of the payload: raised whenever it changes, so that an older file is rebuilt.
pub const FORMAT: u32 = 5;
/// The largest cache file read (an archive of a million posts needs far less).
pub const MAX_SIZE: u64 = 4 << 30;
/// What is read or written of the file at once.
const BUFFER: usize = 256 << 10;

/// Why a cache file was not used.
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    #[error("{path}: cannot read the cache ({source}); going on without it")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {why}; rebuilding it")]
    Invalid { path: PathBuf, why: String },
}

impl Unusable {
    pub fn invalid(path: &Path, why: impl Into<String>) -> Unusable {
        Unusable::Invalid {
            path: path.to_path_buf(),
            why: why.into(),
        }
    }
}

/// The program's version and its build (a hash of its sources, made by `build.rs`): a rebuilt
/// program may read posts otherwise (a fixed parser), so another build's caches are another
/// version's too, whatever the version number says.
fn version() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("HOTPAPERS_BUILD"))
}

/// What the header says of the rest: the payload's and the bulk's lengths and checksums.
struct Header {
    len: usize,
    payload: (u64, u64),
    bulk: (u64, u64),
}

/// The header of a file of this version with a payload and a bulk of these lengths and
/// checksums; always as long, whatever they are (a placeholder is written first).
fn header(payload: (u64, u64), bulk: (u64, u64)) -> Vec<u8> {
    let v = version().as_bytes();
    let mut out = Vec::with_capacity(45 + v.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(v.len() as u8);
    out.extend_from_slice(v);
    for w in [payload.0, payload.1, bulk.0, bulk.1] {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// The header at the start of `bytes`, or why they are not a cache file of this version.
fn read_header(bytes: &[u8]) -> Result<Header, String> {
    let damaged = || "the cache is damaged or truncated".to_string();
    let rest = bytes.strip_prefix(MAGIC).ok_or("not a hotpapers cache")?;
    let (format, rest) = rest.split_at_checked(4).ok_or_else(damaged)?;
    let format = u32::from_le_bytes(format.try_into().expect("four bytes"));
    let (&n, rest) = rest.split_first().ok_or_else(damaged)?;
    let (v, rest) = rest.split_at_checked(n as usize).ok_or_else(damaged)?;
    if format != FORMAT || v != version().as_bytes() {
        return Err(format!(
            "a cache of another version (format {format}, hotpapers {})",
            String::from_utf8_lossy(v)
        ));
    }
    let mut words = [0u64; 4];
    let mut rest = rest;
    for w in &mut words {
        let (b, r) = rest.split_at_checked(8).ok_or_else(damaged)?;
        *w = u64::from_le_bytes(b.try_into().expect("eight bytes"));
        rest = r;
    }
    Ok(Header {
        len: bytes.len() - rest.len(),
        payload: (words[0], words[1]),
        bulk: (words[2], words[3]),
    })
}

/// The checksum of a payload (see `sections::start`).
#[cfg(test)]
fn payload_sum(payload: &[u8]) -> u64 {
    let mut sum = crate::sections::start();
    sum.add(payload);
    sum.finish()
}

/// A whole file in memory, as written (for tests).
#[cfg(test)]
pub fn frame(payload: &[u8], bulk: &[u8]) -> Vec<u8> {
    let sums = (payload.len() as u64, payload_sum(payload));
    let mut out = header(sums, (bulk.len() as u64, crate::codec::checksum(bulk)));
    out.extend_from_slice(payload);
    out.extend_from_slice(bulk);
    out
}

/// The payload and bulk of a whole file in memory (for tests).
#[cfg(test)]
pub fn unframe(bytes: &[u8]) -> Result<(&[u8], &[u8]), String> {
    let h = read_header(bytes)?;
    let rest = &bytes[h.len..];
    let fits = h.payload.0.checked_add(h.bulk.0) == Some(rest.len() as u64);
    let (payload, bulk) = rest.split_at(if fits { h.payload.0 as usize } else { 0 });
    if !fits || payload_sum(payload) != h.payload.1 || crate::codec::checksum(bulk) != h.bulk.1 {
        return Err("the cache is damaged or truncated".into());
    }
    Ok((payload, bulk))
}

/// What `decode` makes of the payload of the cache file at `path`, and its bulk left in the
/// file (see `bulk`); `Ok(None)` when there is none. `decode` reads the payload's sections
/// as they come (given the bulk, not yet checked) and what it makes is kept only if it read
/// them all and the payload's and the bulk's checksums agree, so that nothing of a damaged
/// file is ever used. When it fails on a payload whose checksum agrees, its error is given.
pub fn read<T>(
    path: &Path,
    decode: impl FnOnce(&mut SectionsIn<BufReader<&File>>, &Stored) -> Result<T, Unusable>,
) -> Result<Option<(T, Stored)>, Unusable> {
    let io = |source| Unusable::Io {
        path: path.to_path_buf(),
        source,
    };
    let damaged = || Unusable::invalid(path, "the cache is damaged or truncated");
    let f = match OpenOptions::new().read(true).open(path) {
        Ok(f) => Arc::new(f),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let meta = f.metadata().map_err(io)?;
    if !meta.is_file() || meta.len() > MAX_SIZE {
        return Err(Unusable::invalid(path, "not a cache file of a sane size"));
    }
    let mut head = Vec::with_capacity(300);
    (&*f).take(300).read_to_end(&mut head).map_err(io)?;
    let h = read_header(&head).map_err(|why| Unusable::invalid(path, why))?;
    let whole = (h.len as u64)
        .checked_add(h.payload.0)
        .and_then(|n| n.checked_add(h.bulk.0));
    if whole != Some(meta.len()) {
        return Err(damaged());
    }
    (&*f).seek(SeekFrom::Start(h.len as u64)).map_err(io)?;
    let bulk = Stored::new(Arc::clone(&f), h.len as u64 + h.payload.0, h.bulk.0);
    let mut sections = SectionsIn::new(BufReader::with_capacity(BUFFER, &*f), h.payload.0);
    let made = decode(&mut sections, &bulk);
    let whole = made.is_ok() && sections.is_done();
    if !whole {
        sections.drain();
    }
    if let Some(e) = sections.failure() {
        return Err(io(e));
    }
    if sections.checksum() != h.payload.1 {
        return Err(damaged());
    }
    let made = made?;
    if !whole {
        return Err(Unusable::invalid(path, "the cache is damaged"));
    }
    let mut sum = Checksum::new(h.bulk.0);
    let mut rest = sections.into_inner().take(h.bulk.0);
    let copied = std::io::copy(&mut rest, &mut sum).map_err(io)?;
    if copied != h.bulk.0 || sum.finish() != h.bulk.1 {
        return Err(damaged());
    }
    Ok(Some((made, bulk)))
}

/// Bytes written on to `w` and checksummed on the way.
struct Summed<'a, W: Write> {
    w: &'a mut W,
    sum: Checksum,
}

impl<W: Write> Write for Summed<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.w.write(buf)?;
        self.sum.add(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// Writes the cache file `path` atomically: a temporary file next to it, flushed to disk,
/// renamed over it. `payload` writes the payload's sections and gives the bulk to write
/// after them. On failure the temporary file is removed and the old cache (if any) is left
/// as it was (a bulk piece may be read from it meanwhile).
pub fn write<'a>(
    path: &Path,
    payload: impl FnOnce(&mut SectionsOut) -> std::io::Result<Bulk<'a>>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Named by process and by write, so that two writers never share one.
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = BufWriter::with_capacity(BUFFER, File::create(&tmp)?);
        // A placeholder, as long as the header: the lengths and checksums are known last.
        f.write_all(&header((0, 0), (0, 0)))?;
        let mut s = SectionsOut::new(&mut f);
        let bulk = payload(&mut s)?;
        let sums = s.finish();
        let mut summed = Summed {
            w: &mut f,
            sum: Checksum::new(bulk.len()),
        };
        bulk.write_to(&mut summed)?;
        let bulk_sum = summed.sum.finish();
        let mut f = f.into_inner().map_err(|e| e.into_error())?;
        f.seek(SeekFrom::Start(0))?;
        f.write_all(&header(sums, (bulk.len(), bulk_sum)))?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // The rename itself lasts once the folder is flushed too.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        remove_stale(dir, &name);
    }
    result
}

/// Removes the temporary files of writes to the cache `name` killed before their rename (an
/// hour old: no write takes that long, and one under way is never touched).
fn remove_stale(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name();
        let file = file.to_string_lossy();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if old && file.starts_with(&prefix) && file.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Malformed;

    /// A payload of sections: a list of numbers and a text.
    fn put(s: &mut SectionsOut, n: u64) -> std::io::Result<()> {
        s.list(0..n as u32, |out, v| out.varint(u64::from(v) * 7))?;
        s.raw(b"the end")
    }

    /// What `put` wrote; whether the decode got to its end is set in `done`.
    fn get<R: Read>(s: &mut SectionsIn<R>, done: &mut bool) -> Result<Vec<u64>, Malformed> {
        let n = s.list_len(1)?;
        let mut v = Vec::with_capacity(n);
        s.list_items(n, |inp| {
            v.push(inp.varint()?);
            Ok(())
        })?;
        (s.next_owned()? == b"the end")
            .then_some(())
            .ok_or(Malformed)?;
        *done = true;
        Ok(v)
    }

    fn decoded(path: &Path, done: &mut bool) -> Result<Option<(Vec<u64>, Stored)>, Unusable> {
        *done = false;
        read(path, |s, _| {
            get(s, done).map_err(|_| Unusable::invalid(path, "the decode failed"))
        })
    }

    #[test]
    fn a_payload_and_bulk_read_back_and_any_damage_or_other_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.cache");
        let mut done = false;
        assert!(decoded(&path, &mut done).unwrap().is_none(), "none yet");
        let stored: Vec<u8> = (0..3001u32).map(|i| (i % 13) as u8).collect();
        write(&path, |s| {
            put(s, 5000)?;
            let mut bulk = Bulk::default();
            bulk.push(crate::bulk::Piece::Memory(&stored[..1000]));
            bulk.push(crate::bulk::Piece::Memory(&stored[1000..]));
            Ok(bulk)
        })
        .unwrap();
        let (p, b) = decoded(&path, &mut done).unwrap().unwrap();
        assert_eq!(p, (0..5000).map(|v| v * 7).collect::<Vec<u64>>());
        let mut back = vec![0u8; b.len() as usize];
        b.read(0, &mut back).unwrap();
        assert_eq!(back, stored);
        let good = fs::read(&path).unwrap();
        let (payload, bulk) = unframe(&good).unwrap();
        assert_eq!(bulk, &stored[..]);
        // The placeholder header was written over: the payload follows the real one.
        assert_eq!(payload, &alone_sections(5000)[..]);
        let refused = |bytes: &[u8]| {
            fs::write(&path, bytes).unwrap();
            let mut done = false;
            decoded(&path, &mut done).is_err() && unframe(bytes).is_err()
        };
        for cut in [0, 5, 12, 20, 60, good.len() - 2000, good.len() - 1] {
            assert!(refused(&good[..cut]), "{cut}");
        }
        for at in [0, 9, 14, 30, 50, good.len() / 2, good.len() - 1] {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            assert!(refused(&bad), "{at}");
        }
        let mut old = good.clone();
        old[8..12].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        assert!(unframe(&old).unwrap_err().contains("another version"));
        fs::write(&path, &good).unwrap();
        // Nothing left beside the file.
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_payload_decoded_whole_is_still_refused_when_its_checksum_disagrees_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.cache");
        write(&path, |s| put(s, 1000).map(|_| Bulk::default())).unwrap();
        let good = fs::read(&path).unwrap();
        let (payload, _) = unframe(&good).unwrap();
        // A number changed (its last byte, below 0x80 so that it stays one number): the
        // sections still decode, to other numbers.
        let at = good.len() - payload.len() + payload.len() / 2;
        let at = (at..)
            .find(|&i| good[i] < 0x7f && good[i + 1] < 0x80)
            .unwrap();
        let mut bad = good.clone();
        bad[at] += 1;
        assert!(unframe(&bad).is_err());
        fs::write(&path, &bad).unwrap();
        let mut done = false;
        let e = decoded(&path, &mut done).unwrap_err();
        assert!(done, "the decode got to its end");
        assert!(e.to_string().contains("damaged or truncated"), "{e}");
        // Under a checksum that agrees, the same bytes are taken: only the checksum refused them.
        let h = good.len() - payload.len();
        fs::write(&path, frame(&bad[h..], &[])).unwrap();
        let (v, _) = decoded(&path, &mut done).unwrap().unwrap();
        assert_ne!(v, (0..1000).map(|v| v * 7).collect::<Vec<u64>>());
        // A decode that fails on a payload whose checksum agrees says why.
        let mut trailing = bad[h..].to_vec();
        trailing.push(0);
        fs::write(&path, frame(&trailing, &[])).unwrap();
        let e = decoded(&path, &mut done).unwrap_err();
        assert!(e.to_string().contains("the cache is damaged"), "{e}");
        let mut short = alone_sections(10);
        short.truncate(short.len() - 3);
        fs::write(&path, frame(&short, &[])).unwrap();
        let e = decoded(&path, &mut done).unwrap_err();
        assert!(!done && e.to_string().contains("the decode failed"), "{e}");
    }

    fn alone_sections(n: u64) -> Vec<u8> {
        let mut alone = Vec::new();
        put(&mut SectionsOut::new(&mut alone), n).unwrap();
        alone
    }

    #[test]
    fn a_section_longer_than_the_file_is_refused_under_any_checksum_without_reserving_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.cache");
        for len in [40u64, 1 << 20, 1 << 40, u64::MAX] {
            // The list's head section says it is `len` bytes long; a few follow.
            let mut payload = crate::codec::Out::default();
            payload.varint(len);
            payload.buf.extend_from_slice(&alone_sections(3));
            fs::write(&path, frame(&payload.buf, &[])).unwrap();
            let mut done = false;
            let e = decoded(&path, &mut done).unwrap_err();
            assert!(
                !done && e.to_string().contains("the decode failed"),
                "{len}: {e}"
            );
            let mut bad = frame(&payload.buf, &[]);
            *bad.last_mut().unwrap() ^= 1;
            fs::write(&path, &bad).unwrap();
            let e = decoded(&path, &mut done).unwrap_err();
            assert!(e.to_string().contains("damaged or truncated"), "{len}: {e}");
        }
    }
}
