//! Behaviour kept by the loader's performance work: `Archive::summarize`, which counts without
//! keeping the days or making their texts, reports exactly what a full `Archive::load` does.

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
    // Papers whose problems a count must find without reading the texts: an authors line of
    // nothing but commas, tweets without a handle, without a status link, never closed.
    fs::write(
        dir.path().join("2001-02-04---tweets.md"),
        "---\ntitle: Hot Papers 2001-02-04\n---\n# 1. A\n\n , \u{3000},\n\n\
         - links: [abs](https://arxiv.org/abs/2101.00001)\n\n\
         <blockquote><p>t</p>&mdash; N <a href=\"https://twitter.com/n/status/1\">D</a></blockquote>\n\
         <BLOCKQUOTE><P>u</P>&mdash; M (@m)</BLOCKQUOTE>\n\
         <blockquote><p>v</p>&mdash; O (@o) <a href=\"https://twitter.com/o/status/2\">D</a>\n",
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
    for problem in [
        "has no authors line",
        "no \"(@handle)\" attribution",
        "no status link",
        "</blockquote> is missing",
    ] {
        assert!(
            archive
                .diagnostics
                .iter()
                .any(|d| d.message.contains(problem)),
            "{problem}: {:?}",
            archive.diagnostics
        );
    }
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
