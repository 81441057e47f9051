//! How diagnostics display (severity, path, line, message; control characters escaped) and
//! the `check` and `export` commands that print them, run as the built binary on hand-written
//! fixtures (never real posts).

#[allow(dead_code)] // not every shared helper is used here
mod loader_support;

use std::process::Output;

use hotpapers::archive::{Archive, Diagnostic, Severity};
use loader_support::{FULL, hotpapers, is_forbidden, line_of, post, simple_post, write};

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

#[test]
fn diagnostics_display_as_severity_path_line_message() {
    let w = Diagnostic::warning("posts/a.md", Some(12), "something odd");
    assert_eq!(w.to_string(), "warning: posts/a.md:12: something odd");
    let e = Diagnostic::error("posts/b.md", None, "unusable");
    assert_eq!(e.to_string(), "error: posts/b.md: unusable");
    assert!(Severity::Error > Severity::Warning);
}

#[test]
fn diagnostics_display_control_characters_escaped_on_one_line() {
    let d = Diagnostic::error(
        "posts/\u{1b}[2Jx\u{202e}.md",
        Some(3),
        "bad \"\u{9b}\"\nerror: forged",
    );
    assert_eq!(
        d.to_string(),
        "error: posts/\\u{1b}[2Jx\\u{202e}.md:3: bad \"\\u{9b}\"\\nerror: forged"
    );
}

#[test]
fn archive_diagnostics_use_the_path_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let text = post("2020-04-01", "2020-04-01T00:00:00Z", "# 1. Lonely\n");
    let path = write(root, "2020/2020-04-01.md", &text);
    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.diagnostics.len(), 3, "{:#?}", archive.diagnostics);
    for d in &archive.diagnostics {
        assert_eq!(d.path, path);
        assert_eq!(d.line, Some(line_of(&text, "# 1.")));
        assert!(
            d.to_string().starts_with(&format!(
                "warning: {}:{}: paper 1 ",
                path.display(),
                d.line.unwrap()
            )),
            "{d}"
        );
    }
    assert_eq!((archive.errors(), archive.warnings()), (0, 3));
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

#[test]
fn check_prints_diagnostics_and_a_summary_and_succeeds_on_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2021-03-04---Hot-Papers.md", FULL);
    let bad_text = post(
        "2021-03-05",
        "2021-03-06T00:00:00Z",
        "# 1. X\n\nA\n\n- retweets: many, favorites: 1\n\n- links: [abs](https://arxiv.org/abs/1)\n",
    );
    let bad = write(root, "2021-03-05---Hot-Papers.md", &bad_text);
    let o = hotpapers(&["check", "--archive", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "2 days, 3 papers, 2 tweets, 0 errors, 1 warning\n"
    );
    let err = stderr(&o);
    let line = line_of(&bad_text, "- retweets: many");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("warning: {}:{line}: ", bad.display())),
        "{err}"
    );
}

#[test]
fn check_fails_when_there_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    let bin = write(root, "2020-01-02.md", b"\0\0binary");
    write(root, "undated.md", "---\ntitle: Hot Papers\n---\n");
    let o = hotpapers(&["check", "--archive", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "1 day, 1 paper, 0 tweets, 2 errors, 0 warnings\n"
    );
    let err = stderr(&o);
    assert!(
        err.contains(&format!("error: {}: ", bin.display())),
        "{err}"
    );
    assert!(err.contains("undated.md: no YYYY-MM-DD"), "{err}");
}

#[cfg(unix)]
#[test]
fn check_never_prints_control_characters_from_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = write(
        tmp.path(),
        "2020-01-01\u{1b}]0;owned\u{7}\nerror: forged.md",
        post("2020-01-01", "2020-01-01T00:00:00Z", "# 1. Bare\n"),
    );
    let o = hotpapers(&["check", "--archive", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "1 day, 1 paper, 0 tweets, 0 errors, 3 warnings\n"
    );
    let err = stderr(&o);
    assert!(!err.chars().any(is_forbidden), "{err:?}");
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.lines().all(|l| l.starts_with("warning: ")), "{err}");
    let shown = format!(
        "{}",
        tmp.path()
            .join("2020-01-01\\u{1b}]0;owned\\u{7}\\nerror: forged.md")
            .display()
    );
    assert!(err.contains(&shown), "{err}");
    assert!(evil.exists());
}

#[test]
fn check_on_an_empty_folder_reports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let o = hotpapers(&["check", "--archive", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "0 days, 0 papers, 0 tweets, 0 errors, 0 warnings\n"
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn check_on_a_missing_folder_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    let o = hotpapers(&["check", "--archive", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("nope"), "{}", stderr(&o));
}

#[test]
fn export_date_prints_just_that_day() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2021-03-04---Hot-Papers.md", FULL);
    write(
        root,
        "2021-03-05---Hot-Papers.md",
        simple_post("2021-03-05"),
    );
    let dir = root.to_str().unwrap();

    let o = hotpapers(&["export", "--archive", dir, "--date", "2021-03-04"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let days = v.as_array().unwrap();
    assert_eq!(days.len(), 1);
    let day = &days[0];
    assert_eq!(day["date"], "2021-03-04");
    assert_eq!(day["published"], "2021-03-05T08:30:00Z");
    assert_eq!(day["papers"].as_array().unwrap().len(), 2);
    let p = &day["papers"][0];
    assert_eq!(p["title"], "Lanterns in the Fog: Tiny Robots Learn to Glow");
    assert_eq!(p["arxiv_id"], "2103.01234");
    assert_eq!(p["tweets"][0]["handle"], "ada_quill");
    assert!(day["papers"][1]["pdf_url"].is_null());

    let o = hotpapers(&["export", "--archive", dir]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dates: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].clone())
        .collect();
    assert_eq!(dates, ["2021-03-04", "2021-03-05"]);

    let o = hotpapers(&["export", "--archive", dir, "--date", "2021-03-06"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("no post for 2021-03-06"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn commands_read_a_blog_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "README.md", "not a post\n");
    write(
        tmp.path(),
        "content/posts/2020/2020-05-05.md",
        simple_post("2020-05-05"),
    );
    let o = hotpapers(&["check", "--archive", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "1 day, 1 paper, 0 tweets, 0 errors, 0 warnings\n"
    );
    let o = hotpapers(&["export", "--archive", tmp.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["file"], "2020/2020-05-05.md");
}
