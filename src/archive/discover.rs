//! Finding the posts of an archive on disk.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::diagnostic::{ArchiveError, Diagnostic};

/// A post file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFile {
    pub path: PathBuf,
    /// Path relative to the archive root with `/` separators.
    pub rel: String,
}

/// The folder that holds the posts: `DIR/content/posts` for a blog checkout, else `DIR`.
pub fn posts_root(dir: &Path) -> Result<PathBuf, ArchiveError> {
    let meta = fs::metadata(dir).map_err(|source| ArchiveError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(ArchiveError::NotADirectory {
            path: dir.to_path_buf(),
        });
    }
    let blog = dir.join("content").join("posts");
    Ok(if blog.is_dir() {
        blog
    } else {
        dir.to_path_buf()
    })
}

pub(super) fn is_post_name(name: &str) -> bool {
    let ends = |suffix: &str| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    ends(".md") || ends(".markdown")
}

/// Lists the post files under `root`, sorted by relative path. Hidden folders (`.git`) are
/// skipped; symlinks are followed, but a folder is never entered twice, so loops end.
pub fn discover(root: &Path) -> Result<(Vec<PostFile>, Vec<Diagnostic>), ArchiveError> {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![(root.to_path_buf(), String::new())];
    let mut first = true;
    while let Some((dir, prefix)) = stack.pop() {
        let key = dir_key(&dir);
        if let Some(k) = key {
            if !seen.insert(k) {
                diags.push(Diagnostic::warning(
                    &dir,
                    None,
                    "folder already visited (symlink loop?); skipped",
                ));
                continue;
            }
        }
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(source) if first => return Err(ArchiveError::Io { path: dir, source }),
            Err(e) => {
                diags.push(Diagnostic::error(
                    &dir,
                    None,
                    format!("cannot read folder: {e}; skipped"),
                ));
                continue;
            }
        };
        first = false;
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            if file_name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            // Made at their final sizes, the name's own buffer reused when it can be: this runs
            // for every file before the first frame.
            let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + file_name.len());
            path.push(&dir);
            path.push(&file_name);
            let rel = match (prefix.is_empty(), file_name.into_string()) {
                (true, Ok(name)) => name,
                (_, Ok(name)) => format!("{prefix}{name}"),
                (_, Err(name)) => format!("{prefix}{}", name.to_string_lossy()),
            };
            let name = &rel[prefix.len()..];
            // The entry's own type needs no system call on most file systems; a symlink is
            // followed with fs::metadata, where a dangling one fails and is reported.
            let kind = match entry.file_type() {
                Ok(t) if !t.is_symlink() => Ok(t),
                _ => fs::metadata(&path).map(|m| m.file_type()),
            };
            let meta = match kind {
                Ok(m) => m,
                Err(e) => {
                    if is_post_name(name) {
                        diags.push(Diagnostic::error(
                            &path,
                            None,
                            format!("cannot read: {e}; skipped"),
                        ));
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                stack.push((path, format!("{rel}/")));
            } else if is_post_name(name) {
                if meta.is_file() {
                    files.push(PostFile { path, rel });
                } else {
                    diags.push(Diagnostic::error(
                        &path,
                        None,
                        "not a regular file (a FIFO or device?); skipped",
                    ));
                }
            }
        }
    }
    sort_by_rel(&mut files);
    Ok((files, diags))
}

/// Sorts files by relative path (two can only read the same when neither name is UTF-8: then
/// by path). Most comparisons are of the paths' first 16 bytes, kept as one number; the file
/// names of a flat archive differ within them.
fn sort_by_rel(files: &mut Vec<PostFile>) {
    let head = |s: &str| {
        let mut b = [0u8; 16];
        let n = s.len().min(16);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        u128::from_be_bytes(b)
    };
    let mut order: Vec<(u128, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (head(&f.rel), i))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0).then_with(|| {
            let (x, y) = (&files[a.1], &files[b.1]);
            x.rel.cmp(&y.rel).then_with(|| x.path.cmp(&y.path))
        })
    });
    let mut unsorted: Vec<Option<PostFile>> = files.drain(..).map(Some).collect();
    files.extend(order.iter().filter_map(|&(_, i)| unsorted[i].take()));
}

#[cfg(unix)]
fn dir_key(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn dir_key(dir: &Path) -> Option<PathBuf> {
    fs::canonicalize(dir).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_sort_by_relative_path_then_path() {
        let names = [
            "2020-01-02---Hot-Papers.md",
            "2020-01-02---Hot-Papers.markdown",
            "2020-01-02---Hot-Papers.md.md",
            "2020-01-0",
            "2020-01-02---Hot",
            "2020-01-02---Hot\u{0}",
            "content/posts/2021/2021-03-04-a.md",
            "content/posts/2021/2021-03-04-b.md",
            "content/posts/2020/2020-12-31.md",
            "a.md",
            "Z.md",
            "é.md",
            "\u{fffd}.md",
        ];
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut files: Vec<PostFile> = Vec::new();
        for i in 0..200 {
            let seed = next();
            let rel = names[(seed % names.len() as u64) as usize].to_string();
            // The same relative path from two files: names that are not UTF-8 read alike.
            let path = PathBuf::from(format!("/archive/{i:03}/{rel}"));
            files.push(PostFile { path, rel });
        }
        let mut expected = files.clone();
        expected.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.path.cmp(&b.path)));
        sort_by_rel(&mut files);
        assert_eq!(files, expected);
    }
}
