//! The cache seen from outside, running the built binary: what `export` and `search` print
//! from a warm cache is what they print with `--no-cache`, whatever happened to the archive
//! folder since; a cache write killed at any point leaves a cache the next run reads; a cache
//! folder that cannot be written is one warning and changes nothing else; `cache` says where
//! the cache is and `cache clear` removes it.
#![cfg(unix)]
#![allow(dead_code)]

mod binary;
mod pty;
mod unprivileged;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use binary::{Env, stderr, stdout};
use hotpapers::archive::posts_root;
use hotpapers::cache::Cache;

/// A post of `day` with a few papers whose text depends on `seed` (so that days differ).
fn post(day: &str, seed: usize) -> String {
    let mut s = format!("---\ntitle: Hot Papers {day}\ndate: {day}T00:00:00Z\n---\n\n");
    for i in 0..4 {
        let n = (seed * 7 + i) % 50;
        s.push_str(&format!(
            "# {}. Paper number {n} on learning\nAnn Author, Bo Writer{n}\n\n\
             - retweets: {}, favorites: 2 (01/01/2024 09:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/2401.{n:05}) | [pdf](https://arxiv.org/pdf/2401.{n:05})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n\
             Abstract {n}: a language model {} for learning, day {day}.\n\n",
            i + 1,
            seed % 11,
            "word ".repeat(n % 9)
        ));
    }
    s
}

fn day(i: usize) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i as u64);
    d.to_string()
}

fn name(i: usize) -> String {
    format!("{}---Hot-Papers.md", day(i))
}

/// Dates `path` `secs` seconds ago.
fn date_back(path: &Path, secs: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

/// A folder of `n` posts, dated well in the past.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let p = dir.path().join(name(i));
        std::fs::write(&p, post(&day(i), i)).unwrap();
        date_back(&p, 600);
    }
    std::fs::write(
        dir.path().join("broken.md"),
        "---\ntitle: [x\n---\n# 1. Y\n",
    )
    .unwrap();
    date_back(&dir.path().join("broken.md"), 600);
    dir
}

fn cache_files(env: &Env) -> Vec<PathBuf> {
    let dir = env.cache.path().join("hotpapers");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "cache"));
    v.sort();
    v
}

/// What `export --format json` and a few searches print of `dir`, with the cache (which
/// must say nothing) and without it, side by side.
fn warm_and_fresh(env: &Env, dir: &Path) -> (Vec<String>, Vec<String>) {
    let d = dir.to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["export", "--format", "json", d],
        vec!["search", "--archive", d, "--json", "learning"],
        vec!["search", "--archive", d, "--json", "ti:paper", "-abstract"],
        vec![
            "search",
            "--archive",
            d,
            "--json",
            "\"language model\"",
            "--sort",
            "score",
        ],
    ];
    let mut warm = Vec::new();
    let mut fresh = Vec::new();
    for args in runs {
        let w = env.run(&args);
        assert_eq!(
            stderr(&w),
            "",
            "{args:?}: the cache says nothing when all is well"
        );
        warm.push(stdout(&w));
        let mut no = vec!["--no-cache"];
        no.extend(&args);
        fresh.push(stdout(&env.run(&no)));
    }
    assert!(fresh[0].len() > 1000 && fresh[1].contains("Paper number"));
    (warm, fresh)
}

#[test]
fn a_warm_cache_shows_what_a_fresh_parse_shows_after_any_change_to_the_folder() {
    let env = Env::new();
    let dir = folder(40);
    let p = |i: usize| dir.path().join(name(i));
    let check = |what: &str| {
        let (warm, fresh) = warm_and_fresh(&env, dir.path());
        assert!(
            warm == fresh,
            "{what}: the warm runs differ from fresh ones"
        );
    };
    check("cold");
    assert_eq!(cache_files(&env).len(), 1);
    let written = std::fs::metadata(&cache_files(&env)[0])
        .unwrap()
        .modified()
        .unwrap();
    check("warm");
    let again = std::fs::metadata(&cache_files(&env)[0])
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(written, again, "nothing changed, nothing written");

    // Edited to the same size, dated an hour before (a clock that went backwards).
    let text = std::fs::read_to_string(p(3))
        .unwrap()
        .replace("Paper number", "Paper numbex");
    std::fs::write(p(3), text).unwrap();
    date_back(&p(3), 3600);
    check("edited, clock set back");
    std::fs::remove_file(p(5)).unwrap();
    check("deleted");
    std::fs::rename(p(6), dir.path().join("renamed.md")).unwrap();
    check("renamed");
    std::fs::write(p(50), post(&day(50), 99)).unwrap();
    check("added just now");
    date_back(&p(7), 10);
    check("touched");
    // The same posts elsewhere: a cache of their own.
    let copy = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), copy.path().join(e.file_name())).unwrap();
    }
    let (warm, fresh) = warm_and_fresh(&env, copy.path());
    assert!(warm == fresh, "the copy");
    assert_eq!(cache_files(&env).len(), 2, "one cache per folder");
    check("the first folder again");
}

#[test]
fn the_cache_can_be_turned_off_shown_and_cleared() {
    let env = Env::new();
    let dir = folder(5);
    let d = dir.path().to_str().unwrap();
    env.run(&["--no-cache", "export", d]);
    let o = env
        .command(&["export", d])
        .env("HOTPAPERS_CACHE", "off")
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(cache_files(&env).is_empty(), "neither wrote a cache");
    let o = env.run(&[d, "cache"]);
    assert!(stdout(&o).contains("no cache yet"), "{}", stdout(&o));
    env.run(&["export", d]);
    let file = cache_files(&env).pop().expect("a cache");
    let o = env.run(&[d, "cache", "info"]);
    let size = std::fs::metadata(&file).unwrap().len();
    assert_eq!(stdout(&o), format!("{}: {size} bytes\n", file.display()));
    let o = env.run(&[d, "cache", "clear"]);
    assert_eq!(stdout(&o), format!("Removed {}\n", file.display()));
    assert!(!file.exists());
    let o = env.run(&[d, "cache", "clear"]);
    assert!(
        stdout(&o).starts_with("No cache to remove"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_small_archive_gets_no_cache_unless_asked_for() {
    let env = Env::new();
    // `folder` adds a broken post: MIN_POSTS - 1 files in all.
    let small = folder(hotpapers::cache::MIN_POSTS - 2);
    let d = small.path().to_str().unwrap();
    let plain = |args: &[&str]| {
        let mut cmd = env.command(args);
        cmd.env_remove("HOTPAPERS_CACHE");
        cmd.output().unwrap()
    };
    assert!(plain(&["export", d]).status.success());
    assert!(cache_files(&env).is_empty(), "no cache for a small archive");
    let o = plain(&[d, "cache"]);
    assert!(stdout(&o).contains("none kept"), "{}", stdout(&o));
    // HOTPAPERS_CACHE=on keeps one anyway, and an archive of MIN_POSTS posts gets one.
    assert!(env.run(&["export", d]).status.success());
    assert_eq!(cache_files(&env).len(), 1);
    let big = folder(hotpapers::cache::MIN_POSTS - 1);
    assert!(
        plain(&["export", big.path().to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(cache_files(&env).len(), 2);
}

/// Whether the cache file of `dir` reads as a cache (the old one or the new one).
fn readable_cache(env: &Env, dir: &Path) -> bool {
    let root = posts_root(dir).unwrap();
    let cache = Cache::in_dir(&env.cache.path().join("hotpapers"), &root).unwrap();
    matches!(cache.read(&root), Ok(Some(_)))
}

#[test]
fn a_write_killed_at_any_point_leaves_the_old_cache_or_the_new_one() {
    let env = Env::new();
    let dir = folder(3000);
    let d = dir.path().to_str().unwrap();
    assert!(env.run(&["export", d]).status.success());
    let file = cache_files(&env).pop().unwrap();
    let old = std::fs::read(&file).unwrap();
    // A change, so that each run below writes the cache again.
    std::fs::write(dir.path().join(name(1)), post(&day(1), 12345)).unwrap();
    let fresh = stdout(&env.run(&["--no-cache", "export", "--format", "json", d]));
    // Kills from early in the load to after the write (not a measurement: wherever each
    // lands, the cache must read).
    let kills = (0..16).map(|i| i * 35).chain([900, 2000]);
    for ms in kills {
        std::fs::write(&file, &old).unwrap();
        let mut child = env
            .command(&["export", d])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
        assert!(readable_cache(&env, dir.path()), "killed after {ms} ms");
        let left = if std::fs::read(&file).unwrap() == old {
            "old"
        } else {
            "new"
        };
        eprintln!("killed after {ms} ms: the {left} cache");
        let o: Output = env.run(&["export", "--format", "json", d]);
        assert_eq!(
            stderr(&o),
            "",
            "killed after {ms} ms: the next run has nothing to say"
        );
        assert!(
            stdout(&o) == fresh,
            "killed after {ms} ms: the next run shows the archive"
        );
    }
}

#[test]
fn a_cache_folder_that_cannot_be_written_is_one_warning_and_nothing_else() {
    let Some(who) = unprivileged::unprivileged("read_only_cache_folder") else {
        return;
    };
    let dir = folder(10);
    unprivileged::readable(dir.path());
    let cache = tempfile::tempdir().unwrap();
    std::fs::create_dir(cache.path().join("hotpapers")).unwrap();
    unprivileged::chmod(&cache.path().join("hotpapers"), 0o555);
    unprivileged::readable(cache.path());
    if who.can_write(&cache.path().join("hotpapers")) {
        eprintln!("SKIPPED: permissions do not stop writing here");
        return;
    }
    let run = |args: &[&str]| {
        let mut cmd = who.command(args);
        cmd.env("HOTPAPERS_CACHE", "on")
            .env_remove("HOTPAPERS_ARCHIVE")
            .env("XDG_CACHE_HOME", cache.path())
            .env("HOTPAPERS_STATE_DIR", cache.path().join("no-state"));
        cmd.output().unwrap()
    };
    let d = dir.path().to_str().unwrap();
    let o = run(&["export", "--format", "json", d]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot write the cache") && err.contains(&cache.path().display().to_string()),
        "{err}"
    );
    let fresh = run(&["--no-cache", "export", "--format", "json", d]);
    assert_eq!(stdout(&o), stdout(&fresh));
    unprivileged::chmod(&cache.path().join("hotpapers"), 0o755);
}
