//! One cache file on disk: a header (magic, format version, the program's version, the
//! payload's and the bulk's lengths and checksums), the payload and the bulk (see `bulk`). The
//! payload is read whole, the bulk checked and left in the file; written to a
//! temporary file in the same folder, flushed to disk and renamed over the old one, so that a
//! kill at any point leaves the old file or the new one, never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::bulk::{Bulk, Stored};
use crate::codec::{Checksum, checksum};

const MAGIC: &[u8; 8] = b"HOTPCACH";
/// The layout of the payload: raised whenever it changes, so that an older file is rebuilt.
pub const FORMAT: u32 = 4;
/// The largest cache file read (an archive of a million posts needs far less).
pub const MAX_SIZE: u64 = 4 << 30;

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

/// The header of a file of this version with `payload` and a bulk of `bulk` bytes.
fn header(payload: &[u8], bulk: (u64, u64)) -> Vec<u8> {
    let v = version().as_bytes();
    let mut out = Vec::with_capacity(45 + v.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(v.len() as u8);
    out.extend_from_slice(v);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(&bulk.0.to_le_bytes());
    out.extend_from_slice(&bulk.1.to_le_bytes());
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

/// A whole file in memory, as written (for tests).
#[cfg(test)]
pub fn frame(payload: &[u8], bulk: &[u8]) -> Vec<u8> {
    let mut out = header(payload, (bulk.len() as u64, checksum(bulk)));
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
    if !fits || checksum(payload) != h.payload.1 || checksum(bulk) != h.bulk.1 {
        return Err("the cache is damaged or truncated".into());
    }
    Ok((payload, bulk))
}

/// The payload of the cache file at `path`, and its bulk left in the file (see `bulk`);
/// `Ok(None)` when there is none. Both are checked against their checksums, the bulk read
/// through a part at a time.
pub fn read(path: &Path) -> Result<Option<(Vec<u8>, Stored)>, Unusable> {
    let io = |source| Unusable::Io {
        path: path.to_path_buf(),
        source,
    };
    let damaged = || Unusable::invalid(path, "the cache is damaged or truncated");
    let mut f = match OpenOptions::new().read(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let meta = f.metadata().map_err(io)?;
    if !meta.is_file() || meta.len() > MAX_SIZE {
        return Err(Unusable::invalid(path, "not a cache file of a sane size"));
    }
    let mut head = Vec::with_capacity(300);
    (&mut f).take(300).read_to_end(&mut head).map_err(io)?;
    let h = read_header(&head).map_err(|why| Unusable::invalid(path, why))?;
    let whole = (h.len as u64)
        .checked_add(h.payload.0)
        .and_then(|n| n.checked_add(h.bulk.0));
    if whole != Some(meta.len()) {
        return Err(damaged());
    }
    f.seek(SeekFrom::Start(h.len as u64)).map_err(io)?;
    let mut payload = vec![0u8; h.payload.0 as usize];
    f.read_exact(&mut payload).map_err(io)?;
    if checksum(&payload) != h.payload.1 {
        return Err(damaged());
    }
    let mut sum = Checksum::new(h.bulk.0);
    let mut bulk = std::io::BufReader::with_capacity(1 << 20, (&mut f).take(h.bulk.0));
    let copied = std::io::copy(&mut bulk, &mut sum).map_err(io)?;
    if copied != h.bulk.0 || sum.finish() != h.bulk.1 {
        return Err(damaged());
    }
    let at = h.len as u64 + h.payload.0;
    Ok(Some((payload, Stored::new(Arc::new(f), at, h.bulk.0))))
}

/// Writes `payload` and `bulk` as the cache file `path`, atomically: a temporary file next
/// to it, flushed to disk, renamed over it. On failure the temporary file is removed and the
/// old cache (if any) is left as it was (a bulk piece may be read from it meanwhile).
pub fn write(path: &Path, payload: &[u8], bulk: &Bulk) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Named by process and by write, so that two writers never share one.
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        // The bulk's checksum first (its pieces are read twice: they may be too large to
        // hold), so that the header is written once, in order.
        let mut sum = Checksum::new(bulk.len());
        bulk.write_to(&mut sum)?;
        let mut f = std::io::BufWriter::new(File::create(&tmp)?);
        f.write_all(&header(payload, (bulk.len(), sum.finish())))?;
        f.write_all(payload)?;
        bulk.write_to(&mut f)?;
        let f = f.into_inner().map_err(|e| e.into_error())?;
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

    #[test]
    fn a_payload_and_bulk_read_back_and_any_damage_or_other_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.cache");
        assert!(read(&path).unwrap().is_none(), "none yet");
        let payload: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        let stored: Vec<u8> = (0..3001u32).map(|i| (i % 13) as u8).collect();
        let mut bulk = Bulk::default();
        bulk.push(crate::bulk::Piece::Memory(&stored[..1000]));
        bulk.push(crate::bulk::Piece::Memory(&stored[1000..]));
        write(&path, &payload, &bulk).unwrap();
        let (p, b) = read(&path).unwrap().unwrap();
        assert_eq!(p, payload);
        let mut back = vec![0u8; b.len() as usize];
        b.read(0, &mut back).unwrap();
        assert_eq!(back, stored);
        let good = fs::read(&path).unwrap();
        assert_eq!(unframe(&good).unwrap(), (&payload[..], &stored[..]));
        let refused = |bytes: &[u8]| {
            fs::write(&path, bytes).unwrap();
            read(&path).is_err() && unframe(bytes).is_err()
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
}
