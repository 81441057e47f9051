//! Reading post files from disk, in parallel.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::diagnostic::Diagnostic;
use super::discover::PostFile;
use super::intern::InfoPool;
use super::model::Keep;
use super::post::{MAX_FILE_SIZE, Parsed, parse_post_keeping};

/// Reads and parses one post file. Never blocks on a FIFO and never reads more than the size cap.
pub fn read_post(file: &PostFile) -> Parsed {
    read_post_into(file, &mut Vec::new())
}

/// `read_post`, reading the file into `buf`, which one thread keeps for all the posts it reads
/// (its bytes are overwritten, never cleared, so it is zeroed only as it grows).
fn read_post_into(file: &PostFile, buf: &mut Vec<u8>) -> Parsed {
    read_hashed(file, buf, false, Keep::All).0
}

/// `read_post_into`, with the checksum of the bytes parsed when `hash` (none when the file could
/// not be read): what the cache compares a file with when its stamp changed but maybe not its
/// content. `make` says how much of the post to make.
fn read_hashed(
    file: &PostFile,
    buf: &mut Vec<u8>,
    hash: bool,
    make: Keep,
) -> (Parsed, Option<u64>) {
    match read_bytes(file, buf) {
        Ok(bytes) => (
            parse_post_keeping(&file.path, &file.rel, bytes, make),
            hash.then(|| crate::codec::checksum(bytes)),
        ),
        Err(message) => (
            Parsed {
                day: None,
                diagnostics: vec![Diagnostic::error(&file.path, None, message)],
            },
            None,
        ),
    }
}

/// The checksum of the file's bytes as `read_all_hashed` takes it, without parsing them; `None`
/// when it cannot be read as a post.
pub fn content_hash(file: &PostFile, buf: &mut Vec<u8>) -> Option<u64> {
    read_bytes(file, buf).ok().map(crate::codec::checksum)
}

fn open(path: &std::path::Path) -> std::io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO swapped in after discovery must not block the loader.
        opts.custom_flags(libc::O_NONBLOCK);
    }
    opts.open(path)
}

fn read_bytes<'b>(file: &PostFile, buf: &'b mut Vec<u8>) -> Result<&'b [u8], String> {
    let f = open(&file.path).map_err(|e| format!("cannot open: {e}; skipped"))?;
    let meta = f
        .metadata()
        .map_err(|e| format!("cannot read: {e}; skipped"))?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO or device?); skipped".into());
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "file is {} bytes, over the {MAX_FILE_SIZE}-byte limit for a post; skipped",
            meta.len()
        ));
    }
    let bytes =
        read_capped(f, meta.len(), buf).map_err(|e| format!("cannot read: {e}; skipped"))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(format!(
            "file grew past the {MAX_FILE_SIZE}-byte limit while being read; skipped"
        ));
    }
    Ok(bytes)
}

/// The file's bytes, at most `MAX_FILE_SIZE + 1` of them, read into `buf` in two system calls
/// when it is still `len` bytes long: one for its bytes, one finding nothing after them.
/// (`read_to_end` made three: 8 KiB, the rest, and a probe for the end.)
fn read_capped(mut f: File, len: u64, buf: &mut Vec<u8>) -> std::io::Result<&[u8]> {
    let want = len as usize + 1;
    if buf.len() < want {
        buf.resize(want, 0);
    }
    let mut got = 0;
    while got < want {
        match f.read(&mut buf[got..want]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    if got == want {
        // The file grew while we read; never take more than the cap.
        buf.truncate(got);
        f.take(MAX_FILE_SIZE + 1 - got as u64).read_to_end(buf)?;
        got = buf.len();
    }
    Ok(&buf[..got])
}

/// Reads and parses all files on every core, keeping the input order. Each parsed post goes
/// through `keep` on the thread that parsed it, so a caller that needs only part of a post
/// (counts, say) never holds all of them at once. With a `pool`, the papers of each post are
/// interned there first (see `InfoPool`).
pub fn read_all<T: Send>(
    files: &[PostFile],
    pool: Option<&InfoPool>,
    keep: impl Fn(Parsed) -> T + Sync,
) -> Vec<T> {
    read_all_with(files, pool, false, Keep::All, |p, _| keep(p))
}

/// `read_all` parsing each post only as far as its diagnostics and counts (`Keep::Counts`).
pub fn count_all<T: Send>(files: &[PostFile], keep: impl Fn(Parsed) -> T + Sync) -> Vec<T> {
    read_all_with(files, None, false, Keep::Counts, |p, _| keep(p))
}

/// `read_all`, handing `keep` each post's content hash too (see `read_hashed`).
pub fn read_all_hashed<T: Send>(
    files: &[PostFile],
    pool: Option<&InfoPool>,
    keep: impl Fn(Parsed, Option<u64>) -> T + Sync,
) -> Vec<T> {
    read_all_with(files, pool, true, Keep::All, keep)
}

fn read_all_with<T: Send>(
    files: &[PostFile],
    pool: Option<&InfoPool>,
    hash: bool,
    make: Keep,
    keep: impl Fn(Parsed, Option<u64>) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<T>> = Vec::new();
    slots.resize_with(files.len(), || None);
    let results = std::sync::Mutex::new(slots);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut local = Vec::new();
                let mut buf = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let (mut parsed, sum) = read_hashed(file, &mut buf, hash, make);
                    if let (Some(pool), Some(day)) = (pool, parsed.day.as_mut()) {
                        pool.intern_day(day);
                    }
                    local.push((i, keep(parsed, sum)));
                }
                let mut slots = results.lock().unwrap_or_else(|e| e.into_inner());
                for (i, p) in local {
                    slots[i] = Some(p);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_file_is_read_whole_whatever_its_size_was_when_looked_at() {
        let mut tmp = tempfile::NamedTempFile::new().unwrap();
        let text: Vec<u8> = (0..20_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        tmp.write_all(&text).unwrap();
        // As it was, as if it grew after its size was taken, and as if it shrank.
        let mut buf = Vec::new();
        for len in [20_000, 0, 10, 19_999, 50_000, 5] {
            let f = File::open(tmp.path()).unwrap();
            assert_eq!(read_capped(f, len, &mut buf).unwrap(), text, "{len}");
        }
    }
}
