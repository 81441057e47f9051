//! The reloader against real files in a temporary folder.

use super::*;

fn post(day: &str, title: &str) -> String {
    format!(
        "---\ntitle: Hot Papers {day}\ndate: {day}T00:00:00Z\n---\n\n\
         # 1. {title}\nAnn Author\n\n- retweets: 1, favorites: 2 (01/01/2024 09:00:00)\n\n\
         - links: [abs](https://arxiv.org/abs/2401.00001) | [pdf](https://arxiv.org/pdf/2401.00001)\n\
         - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nAn abstract.\n"
    )
}

/// Sets a file's modification time well in the past, so that its stamp is trusted.
fn settle(path: &std::path::Path, secs_ago: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(secs_ago))
        .unwrap();
}

fn titles(a: &Archive) -> Vec<String> {
    a.days
        .iter()
        .map(|d| d.papers[0].title.to_string())
        .collect()
}

#[test]
fn only_changed_posts_are_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let name = |d: &str| dir.path().join(format!("{d}---Hot-Papers.md"));
    for d in ["2024-01-01", "2024-01-02", "2024-01-03"] {
        std::fs::write(name(d), post(d, &format!("Paper of {d}"))).unwrap();
        settle(&name(d), 60);
    }
    let mut r = Reloader::default();
    let first = r.reload(dir.path()).unwrap();
    assert_eq!((first.read, first.kept), (3, 0));
    let again = r.reload(dir.path()).unwrap();
    assert_eq!((again.read, again.kept), (0, 3));
    assert_eq!(again.archive.days, first.archive.days);
    // The same days, not copies of them.
    assert!(Arc::ptr_eq(&again.archive.days[0], &first.archive.days[0]));

    // Edited (same length, an older time than before: a clock set back), added, deleted.
    std::fs::write(
        name("2024-01-02"),
        post("2024-01-02", "Paper of 2024-01-0X"),
    )
    .unwrap();
    settle(&name("2024-01-02"), 3600);
    std::fs::write(
        name("2024-01-04"),
        post("2024-01-04", "Paper of 2024-01-04"),
    )
    .unwrap();
    settle(&name("2024-01-04"), 60);
    std::fs::remove_file(name("2024-01-01")).unwrap();
    let next = r.reload(dir.path()).unwrap();
    assert_eq!((next.read, next.kept), (2, 1));
    assert_eq!(
        titles(&next.archive),
        [
            "Paper of 2024-01-0X",
            "Paper of 2024-01-03",
            "Paper of 2024-01-04"
        ]
    );
    // The posts of the first load without their texts, those read since with them: the
    // same papers as a fresh load's, to the texts' hashes.
    assert!(!first.archive.holds_texts());
    assert!(next.archive.days[0].papers.iter().all(|p| p.holds_texts()));
    let fresh = Archive::load(dir.path()).unwrap();
    assert_eq!(
        next.archive.without_texts().days,
        fresh.without_texts().days
    );
    assert_eq!(next.archive.diagnostics, fresh.diagnostics);
}

#[test]
fn with_the_watchers_paths_only_the_files_they_name_are_looked_at_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let name = |d: &str| root.join(format!("{d}---Hot-Papers.md"));
    std::fs::create_dir(root.join("2024")).unwrap();
    let nested = root.join("2024/2024-01-03---Hot-Papers.md");
    for (d, path) in [
        ("2024-01-01", name("2024-01-01")),
        ("2024-01-02", name("2024-01-02")),
        ("2024-01-03", nested.clone()),
    ] {
        std::fs::write(&path, post(d, &format!("Paper of {d}"))).unwrap();
        settle(&path, 60);
    }
    let mut r = Reloader::default();
    assert_eq!(r.reload(&root).unwrap().read, 3);
    for (d, path) in [
        ("2024-01-01", name("2024-01-01")),
        ("2024-01-03", nested.clone()),
    ] {
        std::fs::write(&path, post(d, &format!("Edited {d}"))).unwrap();
        settle(&path, 30);
    }
    // Only the first named: the other edit is not seen (the watcher would have named it).
    let one = Changed::paths([name("2024-01-01")]);
    let next = r.reload_changed(&root, &one).unwrap();
    assert_eq!((next.read, next.kept), (1, 2));
    assert_eq!(
        titles(&next.archive),
        [
            "Edited 2024-01-01",
            "Paper of 2024-01-02",
            "Paper of 2024-01-03"
        ]
    );
    // A folder named: what is under it is looked at.
    let folder = Changed::paths([root.join("2024")]);
    let next = r.reload_changed(&root, &folder).unwrap();
    assert_eq!((next.read, next.kept), (1, 2));
    assert_eq!(titles(&next.archive)[2], "Edited 2024-01-03");
    // Nothing named, nothing looked at; a new file named is found (the folder is listed
    // again); a path outside the root means anything may have changed.
    std::fs::write(name("2024-01-04"), post("2024-01-04", "New")).unwrap();
    settle(&name("2024-01-04"), 30);
    std::fs::write(name("2024-01-02"), post("2024-01-02", "Edited 2024-01-02")).unwrap();
    settle(&name("2024-01-02"), 20);
    let next = r.reload_changed(&root, &Changed::default()).unwrap();
    assert_eq!((next.read, next.kept), (0, 3));
    let new = Changed::paths([name("2024-01-04")]);
    let next = r.reload_changed(&root, &new).unwrap();
    assert_eq!((next.read, next.kept), (1, 3));
    // An editor's save: a temporary file renamed over the post. The temporary one is gone and
    // a text file is no post, so the folder is not listed again: a post added meanwhile that
    // nobody named is not seen yet.
    std::fs::write(name("2024-01-05"), post("2024-01-05", "Unnamed")).unwrap();
    settle(&name("2024-01-05"), 30);
    let tmp = root.join(".2024-01-01---Hot-Papers.md.swp");
    std::fs::write(&tmp, post("2024-01-01", "Saved 2024-01-01")).unwrap();
    settle(&tmp, 10);
    std::fs::rename(&tmp, name("2024-01-01")).unwrap();
    std::fs::write(root.join("notes.txt"), "not a post").unwrap();
    let saved = Changed::paths([tmp, name("2024-01-01"), root.join("notes.txt")]);
    let next = r.reload_changed(&root, &saved).unwrap();
    assert_eq!((next.read, next.kept), (1, 3));
    assert_eq!(titles(&next.archive)[0], "Saved 2024-01-01");
    let elsewhere = Changed::paths([PathBuf::from("/elsewhere/x.md")]);
    let next = r.reload_changed(&root, &elsewhere).unwrap();
    assert_eq!((next.read, next.kept), (2, 3), "2024-01-02 and 2024-01-05");
    assert_eq!(next.archive.days, Archive::load(&root).unwrap().days);
}

#[test]
fn changes_gathered_from_the_watcher_merge() {
    let mut c = Changed::default();
    assert!(c.is_empty());
    c.merge(Changed::paths([PathBuf::from("/a/1.md")]));
    c.merge(Changed::paths([PathBuf::from("/a/2.md")]));
    assert_eq!(
        c,
        Changed::paths([PathBuf::from("/a/1.md"), PathBuf::from("/a/2.md")])
    );
    c.merge(Changed::all());
    c.merge(Changed::paths([PathBuf::from("/a/3.md")]));
    assert_eq!(c, Changed::all());
}

#[test]
fn a_file_modified_just_now_or_in_the_future_is_checked_again_by_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let now = dir.path().join("2024-01-01---Hot-Papers.md");
    let later = dir.path().join("2024-01-02---Hot-Papers.md");
    std::fs::write(&now, post("2024-01-01", "Now")).unwrap();
    std::fs::write(&later, post("2024-01-02", "Later")).unwrap();
    let f = std::fs::File::options().write(true).open(&later).unwrap();
    f.set_modified(SystemTime::now() + Duration::from_secs(3600))
        .unwrap();
    let mut r = Reloader::default();
    r.reload(dir.path()).unwrap();
    let again = r.reload(dir.path()).unwrap();
    // Their stamps are not trusted, their content is compared: still what was parsed.
    assert_eq!((again.read, again.kept, again.restamped), (0, 2, 2));
    // Rewritten within the same tick, to the same length: read again.
    std::fs::write(&now, post("2024-01-01", "Wow")).unwrap();
    let third = r.reload(dir.path()).unwrap();
    assert_eq!((third.read, third.kept, third.restamped), (1, 1, 1));
    assert_eq!(third.archive.days[0].papers[0].title, "Wow".into());
}

#[test]
fn diagnostics_of_kept_posts_are_reported_again_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("2024-01-01---Hot-Papers.md");
    let dup = dir.path().join("2024-01-01-again.md");
    std::fs::write(&bad, "---\ntitle: [unclosed\n---\n# 1. X\n").unwrap();
    std::fs::write(&dup, post("2024-01-01", "Second")).unwrap();
    settle(&bad, 60);
    settle(&dup, 60);
    let mut r = Reloader::default();
    let first = r.reload(dir.path()).unwrap();
    assert!(!first.archive.diagnostics.is_empty());
    let again = r.reload(dir.path()).unwrap();
    assert_eq!(again.kept, 2);
    assert_eq!(again.archive.diagnostics, first.archive.diagnostics);
    assert_eq!(
        again.archive.diagnostics,
        Archive::load(dir.path()).unwrap().diagnostics
    );
}

#[test]
fn a_file_listed_twice_is_kept_once_and_read_again_for_its_second_listing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2024-01-01---Hot-Papers.md");
    std::fs::write(&path, post("2024-01-01", "Twice")).unwrap();
    settle(&path, 60);
    let mut listing = Listing::scan(dir.path()).unwrap();
    listing.files.push(listing.files[0].clone());
    let mut r = Reloader::default();
    let first = r.load(listing.clone(), &AtomicUsize::new(0));
    assert_eq!(first.read, 2);
    // Listed the same way: each listing keeps its own post as read.
    let again = r.load(listing.clone(), &AtomicUsize::new(0));
    assert_eq!((again.read, again.kept), (0, 2));
    assert_eq!(again.archive.days, first.archive.days);
    // Listed otherwise, found by path: one post read is kept, the others are read again.
    listing.files.insert(0, listing.files[0].clone());
    let third = r.load(listing, &AtomicUsize::new(0));
    assert_eq!((third.read, third.kept), (2, 1));
    assert_eq!(
        third.archive.without_texts().days,
        first.archive.without_texts().days
    );
}
