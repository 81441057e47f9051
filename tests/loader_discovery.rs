//! Finding the posts of an archive: which files and folders the loader reads (recursion,
//! blog checkouts, hidden files, symlinks, FIFOs, size caps, names that are not UTF-8) and what
//! it reports about the ones it cannot read. Hand-written fixtures only (never real posts).

#[allow(dead_code)] // not every shared helper is used here
mod loader_support;

use std::fs;
use std::path::Path;

use hotpapers::archive::{
    Archive, ArchiveError, MAX_FILE_SIZE, PostFile, Severity, discover, posts_root, read_post,
};
use loader_support::{date, errors, find, simple_post, write};

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

fn rels(files: &[PostFile]) -> Vec<&str> {
    files.iter().map(|f| f.rel.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// Archive discovery
// ---------------------------------------------------------------------------------------------

#[test]
fn a_folder_of_posts_is_searched_recursively_for_md_and_markdown() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "2020-01-01---Hot-Papers.md",
        simple_post("2020-01-01"),
    );
    write(
        root,
        "2020/02/2020-02-03.markdown",
        simple_post("2020-02-03"),
    );
    write(root, "2021/2021-05-06.MD", simple_post("2021-05-06"));
    write(root, "notes.txt", "2020-09-09 not a post");
    write(root, "media/2020-09-10.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(root, "2020/draft.md.bak", simple_post("2020-09-11"));

    assert_eq!(posts_root(root).unwrap(), root);
    let (files, diags) = discover(root).unwrap();
    assert_eq!(
        rels(&files),
        [
            "2020-01-01---Hot-Papers.md",
            "2020/02/2020-02-03.markdown",
            "2021/2021-05-06.MD"
        ]
    );
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(files[1].path, root.join("2020/02/2020-02-03.markdown"));

    let archive = Archive::load(root).unwrap();
    let days: Vec<_> = archive.days.iter().map(|d| d.date).collect();
    assert_eq!(
        days,
        [date("2020-01-01"), date("2020-02-03"), date("2021-05-06")]
    );
    assert_eq!(archive.days[1].file, "2020/02/2020-02-03.markdown");
    assert!(archive.diagnostics.is_empty(), "{:#?}", archive.diagnostics);
    assert_eq!(archive.root.as_deref(), Some(root));
}

#[test]
fn a_blog_checkout_reads_content_posts_and_names_files_relative_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let blog = tmp.path();
    // Outside content/posts: must not be read (it has no date, so it would be an error).
    write(blog, "README.md", "# My blog\n");
    write(blog, "content/pages/about.md", "# About\n");
    let posts = blog.join("content/posts");
    write(
        &posts,
        "2020-04-05---Hot-Papers.md",
        simple_post("2020-04-05"),
    );
    write(&posts, "2020/2020-04-06.md", simple_post("2020-04-06"));
    write(&posts, "2020/broken.md", "---\ntitle: [\n---\n# 1. X\n");

    assert_eq!(posts_root(blog).unwrap(), posts);
    let archive = Archive::load(blog).unwrap();
    assert_eq!(archive.root.as_deref(), Some(posts.as_path()));
    let files: Vec<_> = archive.days.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["2020-04-05---Hot-Papers.md", "2020/2020-04-06.md"]);
    // The only error is the dateless post inside content/posts, named by its full path.
    let errs = errors(&archive.diagnostics);
    assert_eq!(errs.len(), 1, "{:#?}", archive.diagnostics);
    assert_eq!(errs[0].path, posts.join("2020/broken.md"));
}

#[test]
fn archive_root_must_be_an_existing_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "2020-01-01.md", simple_post("2020-01-01"));
    assert!(matches!(
        posts_root(&file),
        Err(ArchiveError::NotADirectory { .. })
    ));
    assert!(matches!(
        Archive::load(&tmp.path().join("missing")),
        Err(ArchiveError::Io { .. })
    ));
    let err = Archive::load(&file).unwrap_err().to_string();
    assert!(err.contains("2020-01-01.md"), "{err}");
}

#[test]
fn hidden_folders_and_files_are_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    write(root, ".git/2020-01-02.md", simple_post("2020-01-02"));
    write(
        root,
        ".drafts/2020/2020-01-03.md",
        simple_post("2020-01-03"),
    );
    write(root, "2020/.2020-01-04.md", simple_post("2020-01-04"));
    let (files, diags) = discover(root).unwrap();
    assert_eq!(rels(&files), ["2020-01-01.md"]);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020/2020-01-01.md", simple_post("2020-01-01"));
    std::os::unix::fs::symlink("..", root.join("2020/up")).unwrap();
    std::os::unix::fs::symlink(root, root.join("self")).unwrap();

    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].file, "2020/2020-01-01.md");
    let loops: Vec<_> = archive
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("already visited"))
        .collect();
    assert_eq!(loops.len(), 2, "{:#?}", archive.diagnostics);
    assert!(loops.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(archive.errors(), 0);
}

#[cfg(unix)]
#[test]
fn symlinked_post_files_are_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tempfile::tempdir().unwrap();
    let real = write(store.path(), "elsewhere.md", simple_post("2020-07-07"));
    std::os::unix::fs::symlink(&real, tmp.path().join("2020-07-07.md")).unwrap();
    let archive = Archive::load(tmp.path()).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].file, "2020-07-07.md");
    assert_eq!(archive.days[0].papers.len(), 1);
}

#[cfg(unix)]
#[test]
fn dangling_symlinks_to_posts_are_errors_naming_the_link() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    std::os::unix::fs::symlink(root.join("nowhere.md"), root.join("2020-01-02.md")).unwrap();
    // A dangling link that is not a post is none of our business.
    std::os::unix::fs::symlink(root.join("nowhere.png"), root.join("cover.png")).unwrap();

    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.diagnostics.len(), 1, "{:#?}", archive.diagnostics);
    let d = &archive.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path, root.join("2020-01-02.md"));
    assert!(d.message.contains("cannot read"), "{d}");
}

#[test]
fn a_directory_named_like_a_post_is_a_folder_not_a_post() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir(root.join("2020-01-01.md")).unwrap();
    write(
        root,
        "2020-01-02.markdown/2020-01-03.md",
        simple_post("2020-01-03"),
    );
    let (files, diags) = discover(root).unwrap();
    assert_eq!(rels(&files), ["2020-01-02.markdown/2020-01-03.md"]);
    assert!(diags.is_empty(), "{diags:#?}");
    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].date, date("2020-01-03"));
    assert!(archive.diagnostics.is_empty(), "{:#?}", archive.diagnostics);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// Runs `f` on another thread and fails (rather than hanging the suite) if it never returns.
#[cfg(unix)]
fn must_return<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("the loader blocked")
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_post_does_not_block_and_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    write(&root, "2020-01-01.md", simple_post("2020-01-01"));
    mkfifo(&root.join("2020-01-02.md"));

    let r = root.clone();
    let archive = must_return(move || Archive::load(&r).unwrap());
    assert_eq!(archive.days.len(), 1);
    let d = find(&archive.diagnostics, "not a regular file");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path, root.join("2020-01-02.md"));

    // A FIFO swapped in after discovery is refused by the reader itself, without blocking.
    let fifo = PostFile {
        path: root.join("2020-01-02.md"),
        rel: "2020-01-02.md".into(),
    };
    let parsed = must_return(move || read_post(&fifo));
    assert!(parsed.day.is_none());
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].severity, Severity::Error);
    assert!(parsed.diagnostics[0].message.contains("not a regular file"));
}

#[test]
fn files_over_the_size_cap_are_skipped_with_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("2020-01-01.md");
    let f = fs::File::create(&path).unwrap();
    // Sparse: costs no disk space.
    f.set_len(MAX_FILE_SIZE + 1).unwrap();
    let parsed = read_post(&PostFile {
        path: path.clone(),
        rel: "2020-01-01.md".into(),
    });
    assert!(parsed.day.is_none());
    let d = find(&parsed.diagnostics, "limit");
    assert_eq!((d.severity, &d.path), (Severity::Error, &path));
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_load_and_print_safely() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let name = std::ffi::OsStr::from_bytes(b"2020-01-05---Hot-\xff\xfePapers.md");
    fs::write(root.join(name), simple_post("2020-01-05")).unwrap();
    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(
        archive.days[0].file,
        "2020-01-05---Hot-\u{fffd}\u{fffd}Papers.md"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(["export", "--archive"])
        .arg(root)
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("hotpapers-test-cache"),
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::str::from_utf8(&out.stdout).is_ok(),
        "export wrote invalid UTF-8"
    );
}

#[test]
fn a_post_that_vanishes_before_it_is_read_is_an_error_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    write(root, "2020-01-02.md", simple_post("2020-01-02"));
    let (files, _) = hotpapers::archive::discover(root).unwrap();
    fs::remove_file(root.join("2020-01-02.md")).unwrap();
    let parsed: Vec<_> = files.iter().map(hotpapers::archive::read_post).collect();
    assert!(parsed[0].day.is_some());
    assert!(parsed[1].day.is_none());
    let d = &parsed[1].diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.path.ends_with("2020-01-02.md") && d.message.contains("cannot open"),
        "{d}"
    );
}
