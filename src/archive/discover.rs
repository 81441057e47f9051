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

fn is_post_name(name: &str) -> bool {
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
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            // The entry's own type needs no system call on most file systems; a symlink is
            // followed with fs::metadata, where a dangling one fails and is reported.
            let kind = match entry.file_type() {
                Ok(t) if !t.is_symlink() => Ok(t),
                _ => fs::metadata(&path).map(|m| m.file_type()),
            };
            let meta = match kind {
                Ok(m) => m,
                Err(e) => {
                    if is_post_name(&name) {
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
            } else if is_post_name(&name) {
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
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok((files, diags))
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
