//! The command line of the commands other than the reader, through the built binary: where the
//! archive comes from (an ARCHIVE argument before or after the command, --archive, the
//! environment, the config, else the built-in sample, which is announced), spans refused when
//! they end before they start, and counts in words.

mod binary;
mod support;

use hotpapers::commands::SAMPLE_NOTICE;
use tempfile::TempDir;

use binary::{Env, stderr, stdout, write};

/// The sample's posts as a folder: what the built-in sample holds, read from disk.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");

fn notice() -> String {
    format!("hotpapers: {SAMPLE_NOTICE}\n")
}

/// A folder with one post per (day, title).
fn archive(days: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (i, (day, title)) in days.iter().enumerate() {
        let abs = format!("https://arxiv.org/abs/2105.{:05}", i + 1);
        write(dir.path(), day, &support::post(day, &[(title, &abs, "")]));
    }
    dir
}

#[test]
fn every_command_says_when_it_reads_the_built_in_sample() {
    let env = Env::new();
    for args in [
        &["check"][..],
        &["export", "--format", "csv"],
        &["search", "attention"],
        &["top", "--json"],
    ] {
        let built_in = env.run(args);
        assert_eq!(stderr(&built_in), notice(), "{args:?}");
        // Otherwise the same as reading the sample's posts from a folder, which says nothing.
        let from_disk = env.run(&[args, &["--archive", SAMPLE]].concat());
        assert_eq!(stderr(&from_disk), "", "{args:?}");
        assert_eq!(stdout(&built_in), stdout(&from_disk), "{args:?}");
        assert_eq!(built_in.status, from_disk.status, "{args:?}");
    }
}

#[test]
fn an_archive_from_anywhere_silences_the_sample_notice() {
    let env = Env::new();
    let o = env
        .command(&["check"])
        .env("HOTPAPERS_ARCHIVE", SAMPLE)
        .output();
    assert_eq!(stderr(&o.unwrap()), "");
    std::fs::create_dir_all(env.config.path().join("hotpapers")).unwrap();
    std::fs::write(
        env.config.path().join("hotpapers/config.toml"),
        format!("archive = {SAMPLE:?}\n"),
    )
    .unwrap();
    assert_eq!(stderr(&env.run(&["check"])), "");
    // Completions read no archive at all.
    let o = Env::new().run(&["completions", "bash"]);
    assert_eq!((o.status.code(), stderr(&o)), (Some(0), String::new()));
}

#[test]
fn check_export_search_and_top_take_the_archive_after_the_command() {
    let env = Env::new();
    let posts = archive(&[("2021-05-01", "Paper of May 1"), ("2021-05-02", "Another")]);
    let dir = posts.path().to_str().unwrap();
    for args in [&["check"][..], &["export", "--format", "csv"], &["top"]] {
        let flag = env.run(&[args, &["--archive", dir]].concat());
        assert_eq!(flag.status.code(), Some(0), "{args:?}: {}", stderr(&flag));
        assert!(!stdout(&flag).is_empty(), "{args:?}");
        let after = env.run(&[&args[..1], &[dir], &args[1..]].concat());
        let before = env.run(&[&[dir], args].concat());
        for o in [&after, &before] {
            assert_eq!(stderr(o), "", "{args:?}");
            assert_eq!((&o.status, stdout(o)), (&flag.status, stdout(&flag)));
        }
    }
    // `search` too, when its first word names a folder and more words follow.
    let flag = env.run(&["search", "--archive", dir, "another"]);
    let after = env.run(&["search", dir, "another"]);
    assert_eq!(stderr(&after), "");
    assert_eq!(
        (&after.status, stdout(&after)),
        (&flag.status, stdout(&flag))
    );
    assert!(stdout(&after).contains("Another"), "{}", stdout(&after));
    // The same folder twice, however spelled, is one archive.
    let o = env.run(&[dir, "check", &format!("{dir}/"), "--archive", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // An ARCHIVE argument wins over $HOTPAPERS_ARCHIVE, which is a default, not a choice.
    let o = env
        .command(&["check", dir])
        .env("HOTPAPERS_ARCHIVE", SAMPLE)
        .output()
        .unwrap();
    assert_eq!(
        stdout(&o),
        "2 days, 2 papers, 0 tweets, 0 errors, 0 warnings\n"
    );
}

#[test]
fn two_different_archives_are_a_bad_command_line() {
    let env = Env::new();
    let posts = archive(&[("2021-05-01", "Paper of May 1")]);
    let dir = posts.path().to_str().unwrap();
    for args in [
        &["check", dir, "--archive", SAMPLE][..],
        &["--archive", SAMPLE, "top", dir],
        &[SAMPLE, "export", dir],
        &[SAMPLE, "search", "attention", "--archive", dir],
    ] {
        let o = env.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}");
        let e = stderr(&o);
        assert!(
            e.starts_with("hotpapers: two archives given") && e.contains(dir) && e.contains(SAMPLE),
            "{args:?}: {e}"
        );
    }
}

#[test]
fn a_span_that_ends_before_it_starts_is_refused() {
    let env = Env::new();
    for command in ["export", "top"] {
        let args = [
            command,
            SAMPLE,
            "--since",
            "2024-03-08",
            "--until",
            "2024-03-07",
        ];
        let o = env.run(&args);
        assert_eq!(o.status.code(), Some(2), "{command}");
        assert_eq!(stdout(&o), "", "{command}");
        let e = stderr(&o);
        assert!(
            e.contains("2024-03-08") && e.contains("2024-03-07"),
            "{command}: {e}"
        );
        // One day is a span.
        let o = env.run(&[
            command,
            SAMPLE,
            "--since",
            "2024-03-07",
            "--until",
            "2024-03-07",
        ]);
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
    }
    // `latest` is the archive's newest day, 2024-03-15.
    let o = env.run(&["top", SAMPLE, "--since", "latest", "--until", "2024-03-14"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-03-15"), "{}", stderr(&o));
}

#[test]
fn search_flags_without_their_values_are_a_bad_command_line() {
    let o = Env::new().run(&["search", "attention", "--archive", SAMPLE, "--limit"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "hotpapers: --limit needs a value\n");
}

#[test]
fn check_counts_in_words() {
    let env = Env::new();
    let posts = tempfile::tempdir().unwrap();
    let tweet = support::tweet("Ann Example", "ann_example", 101, "A tweet");
    let text = support::post(
        "2021-05-01",
        &[("One", "https://arxiv.org/abs/2105.00001", &tweet)],
    );
    // A count that is no number is a warning.
    let text = text.replace("retweets: 100", "retweets: lots");
    write(posts.path(), "2021-05-01", &text);
    let dir = posts.path().to_str().unwrap();
    let o = env.run(&["check", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 day, 1 paper, 1 tweet, 0 errors, 1 warning\n");
    // A file that is no text is an error.
    std::fs::write(posts.path().join("notes.md"), b"a\0b").unwrap();
    let o = env.run(&["check", dir]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "1 day, 1 paper, 1 tweet, 1 error, 1 warning\n");
}
