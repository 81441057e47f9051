//! Behaviour kept by the loader's performance work: `Archive::summarize`, which counts without
//! keeping the days, reports exactly what a full `Archive::load` does.

use std::fs;

use hotpapers::archive::{Archive, sample};

#[test]
fn summarize_reports_what_load_does() {
    let dir = tempfile::tempdir().unwrap();
    let files = sample::files();
    for (rel, bytes) in &files {
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    // A second post for the first day, published later: it wins, the first is reported.
    let (rel, bytes) = &files[0];
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let later = text.replacen("date: ", "date: 2099-01-01T00:00:00Z\nold_date: ", 1);
    fs::write(dir.path().join(format!("copy-of-{rel}")), later).unwrap();
    // Posts with errors and warnings.
    fs::write(dir.path().join("binary.md"), b"\0\0\0").unwrap();
    fs::write(dir.path().join("undated.md"), "# 1. T\n").unwrap();
    fs::write(
        dir.path().join("2001-02-03---broken.md"),
        "---\ntitle: [\n---\n# 1. A\n\n- retweets: lots\n\n# Odd\n",
    )
    .unwrap();

    let archive = Archive::load(dir.path()).unwrap();
    let summary = Archive::summarize(dir.path()).unwrap();
    assert!(archive.errors() > 0 && archive.warnings() > 0);
    assert!(
        archive
            .diagnostics
            .iter()
            .any(|d| d.message.contains("second post")),
        "{:?}",
        archive.diagnostics
    );
    assert_eq!(summary.root, archive.root);
    assert_eq!(summary.diagnostics, archive.diagnostics);
    assert_eq!(
        (summary.days, summary.papers, summary.tweets),
        (
            archive.days.len(),
            archive.paper_count(),
            archive.tweet_count()
        )
    );
    assert_eq!(
        (summary.errors(), summary.warnings()),
        (archive.errors(), archive.warnings())
    );
}
