//! Compares `hotpapers export` on the shared corpus of real posts with the facts an independent
//! parser reports (`expected.json`). Needs `../shared/corpus` (or `$HOTPAPERS_CORPUS`), so it is
//! ignored by a plain `cargo test`; `.ci/run` runs it and fails when the corpus is missing.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn corpus() -> PathBuf {
    let dir = std::env::var_os("HOTPAPERS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    assert!(
        dir.join("posts").is_dir(),
        "corpus not found at {}",
        dir.display()
    );
    dir
}

fn hotpapers(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(args)
        .env_remove("HOTPAPERS_ARCHIVE")
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("hotpapers-test-cache"),
        )
        .output()
        .expect("run hotpapers")
}

/// Every field of `expected` must be equal in `actual`; `actual` may have more fields.
fn compare(path: &str, expected: &Value, actual: &Value, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => compare(&format!("{path}.{k}"), ev, av, diffs),
                    None => diffs.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                diffs.push(format!(
                    "{path}: {} items expected, {} found",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                compare(&format!("{path}[{i}]"), ev, av, diffs);
            }
        }
        _ if expected != actual => {
            diffs.push(format!("{path}: expected {expected}, found {actual}"))
        }
        _ => {}
    }
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn export_matches_expected_for_every_day() {
    let dir = corpus();
    let expected: Value = serde_json::from_slice(
        &std::fs::read(dir.join("expected.json")).expect("read expected.json"),
    )
    .unwrap();
    let out = hotpapers(&["export", "--archive", dir.join("posts").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual: Value = serde_json::from_slice(&out.stdout).expect("export prints JSON");
    let days = expected.as_array().unwrap();
    let papers: usize = days
        .iter()
        .map(|d| d["papers"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        (days.len(), papers),
        (126, 1152),
        "the corpus itself changed"
    );
    let mut diffs = Vec::new();
    compare("days", &expected, &actual, &mut diffs);
    assert!(
        diffs.is_empty(),
        "{} differences, first ones:\n{}",
        diffs.len(),
        diffs[..diffs.len().min(20)].join("\n")
    );
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn check_reports_no_errors_on_the_corpus() {
    let dir = corpus();
    let out = hotpapers(&["check", "--archive", dir.join("posts").to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The counts the independent parser reports, whatever posts the corpus holds.
    let text = std::fs::read_to_string(dir.join("expected.json")).expect("expected.json");
    let days: Vec<Value> = serde_json::from_str(&text).expect("expected.json is JSON");
    let papers = days.iter().flat_map(|d| {
        d["papers"]
            .as_array()
            .expect("each day of expected.json has papers")
    });
    let tweets: usize = papers
        .clone()
        .map(|p| p["tweets"].as_array().map_or(0, Vec::len))
        .sum();
    let want = format!(
        "{} days, {} papers, {tweets} tweets, 0 errors",
        days.len(),
        papers.count()
    );
    assert!(stdout.starts_with(&want), "{stdout}\nwanted {want}");
}

/// `check` counts the posts without making their texts (`Keep::Counts`): on real posts it must
/// report what reading them whole does, diagnostic for diagnostic.
#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn check_counts_what_a_full_load_reads() {
    use hotpapers::archive::Archive;
    let posts = corpus().join("posts");
    let archive = Archive::load(&posts).expect("the corpus loads");
    let summary = Archive::summarize(&posts).expect("the corpus is counted");
    assert_eq!(summary.diagnostics, archive.diagnostics);
    assert_eq!(
        (summary.days, summary.papers, summary.tweets),
        (
            archive.days.len(),
            archive.paper_count(),
            archive.tweet_count()
        )
    );
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn export_of_one_day_and_of_a_blog_checkout() {
    let dir = corpus();
    let blog = tempfile::tempdir().unwrap();
    let posts = blog.path().join("content/posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::copy(
        dir.join("posts/2020-07-01---Hot-Papers.md"),
        posts.join("2020-07-01---Hot-Papers.md"),
    )
    .unwrap();
    std::fs::write(blog.path().join("README.md"), "# not a post\n").unwrap();
    let out = hotpapers(&[
        "export",
        "--date",
        "2020-07-01",
        "--archive",
        blog.path().to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected: Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
    let want = expected
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2020-07-01")
        .unwrap();
    let mut diffs = Vec::new();
    compare(
        "day",
        &Value::Array(vec![want.clone()]),
        &actual,
        &mut diffs,
    );
    assert!(diffs.is_empty(), "{diffs:?}");
}
