//! One cache file on disk: a header (magic, format version, the program's version, the
//! payload's length and checksum) and the payload. Read whole or not at all; written to a
//! temporary file in the same folder, flushed to disk and renamed over the old one, so that a
//! kill at any point leaves the old file or the new one, never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::codec::checksum;

const MAGIC: &[u8; 8] = b"HOTPCACH";
/// The layout of the payload: raised whenever it changes, so that an older file is rebuilt.
pub const FORMAT: u32 = 2;
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

/// The header and payload as written.
#[cfg(test)]
pub fn frame(payload: &[u8]) -> Vec<u8> {
    let mut out = header(payload);
    out.extend_from_slice(payload);
    out
}

/// The header written before `payload`.
fn header(payload: &[u8]) -> Vec<u8> {
    let v = version().as_bytes();
    let mut out = Vec::with_capacity(40 + v.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.push(v.len() as u8);
    out.extend_from_slice(v);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out
}

/// The payload of the cache file at `path`; `Ok(None)` when there is none.
pub fn read(path: &Path) -> Result<Option<Vec<u8>>, Unusable> {
    let io = |source| Unusable::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = match OpenOptions::new().read(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let meta = f.metadata().map_err(io)?;
    if !meta.is_file() || meta.len() > MAX_SIZE {
        return Err(Unusable::invalid(path, "not a cache file of a sane size"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&mut f)
        .take(MAX_SIZE)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let at = unframe(&bytes)
        .map(|p| bytes.len() - p.len())
        .map_err(|why| Unusable::invalid(path, why))?;
    // The payload moved to the front, not copied: a cache can be tens of megabytes.
    bytes.drain(..at);
    Ok(Some(bytes))
}

/// The payload inside `bytes`, or why they are not a cache file of this version.
pub fn unframe(bytes: &[u8]) -> Result<&[u8], String> {
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
    let (len, rest) = rest.split_at_checked(8).ok_or_else(damaged)?;
    let (sum, payload) = rest.split_at_checked(8).ok_or_else(damaged)?;
    let len = u64::from_le_bytes(len.try_into().expect("eight bytes"));
    let sum = u64::from_le_bytes(sum.try_into().expect("eight bytes"));
    if payload.len() as u64 != len || checksum(payload) != sum {
        return Err(damaged());
    }
    Ok(payload)
}

/// Writes `payload` as the cache file `path`, atomically: a temporary file next to it,
/// flushed to disk, renamed over it. On failure the temporary file is removed and the old
/// cache (if any) is left as it was.
pub fn write(path: &Path, payload: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // Named by process and by write, so that two writers never share one.
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        // Header and payload apart, not framed into one more copy of the payload.
        f.write_all(&header(payload))?;
        f.write_all(payload)?;
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
    fn a_payload_reads_back_and_any_damage_or_other_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/x.cache");
        assert!(read(&path).unwrap().is_none(), "none yet");
        let payload: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
        write(&path, &payload).unwrap();
        assert_eq!(read(&path).unwrap().unwrap(), payload);
        let good = fs::read(&path).unwrap();
        for cut in [0, 5, 12, 20, good.len() - 1] {
            assert!(unframe(&good[..cut]).is_err(), "{cut}");
        }
        for at in [0, 9, 14, 30, good.len() / 2, good.len() - 1] {
            let mut bad = good.clone();
            bad[at] ^= 0x10;
            assert!(unframe(&bad).is_err(), "{at}");
        }
        let mut old = good.clone();
        old[8..12].copy_from_slice(&(FORMAT + 1).to_le_bytes());
        assert!(unframe(&old).unwrap_err().contains("another version"));
        // Nothing left beside the file.
        let names: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }
}
