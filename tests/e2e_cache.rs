//! The reader with a cache: the first run writes it (before it ends), the next runs read it,
//! and the search box shows the same results from the cache as from a fresh parse, after an
//! edit too. Runs the built binary in a pseudo-terminal.

#![cfg(unix)]

#[allow(dead_code)] // the shared fixture's helpers these tests do not need
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use std::path::Path;

use e2e_support::{arg, fixture, quit, start_cmd};

/// The search box's rows for `query` in the reader over `dir`, with its cache in `cache`
/// (none with `--no-cache`).
fn results(dir: &Path, cache: &Path, no_cache: bool) -> Vec<String> {
    let mut args = vec![arg(dir)];
    if no_cache {
        args.push("--no-cache".into());
    }
    let mut cmd = pty::hotpapers(&args);
    cmd.env("XDG_CACHE_HOME", cache);
    cmd.env("HOTPAPERS_CACHE", "on");
    let mut s = start_cmd(cmd);
    s.send("/");
    s.wait_text("Search every day");
    s.send("the");
    // The whole archive's: not the first day's results while the rest is read ("so far").
    let screen = s.wait_for("the whole archive's results", |t| {
        t.contains("papers, best match first") && !t.contains("so far:")
    });
    s.send("\x1b");
    s.wait_for("the box closed", |t| !t.contains("Search every day"));
    quit(s);
    // The result rows only: the pane and status line below follow the selected result a
    // frame later, so whether they have yet is the screen's timing, not the cache's doing.
    let rows: Vec<String> = screen
        .lines()
        .filter(|l| l.contains("2024-01-0") && l.contains('♺'))
        .map(str::to_string)
        .collect();
    assert!(!rows.is_empty(), "{screen}");
    rows
}

fn cache_files(cache: &Path) -> usize {
    std::fs::read_dir(cache.join("hotpapers"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "cache"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn the_readers_search_from_the_cache_is_the_search_of_a_fresh_parse() {
    let dir = fixture();
    let cache = tempfile::tempdir().unwrap();
    let fresh = results(dir.path(), cache.path(), true);
    assert_eq!(cache_files(cache.path()), 0, "--no-cache writes nothing");
    let cold = results(dir.path(), cache.path(), false);
    assert_eq!(
        cache_files(cache.path()),
        1,
        "the first run wrote its cache"
    );
    let warm = results(dir.path(), cache.path(), false);
    assert_eq!(cold, fresh);
    assert_eq!(warm, fresh);
    // An edit since: the cache's index is brought up to date.
    let post = dir.path().join("2024-01-03---Hot-Papers.md");
    let text = std::fs::read_to_string(&post).unwrap();
    std::fs::write(
        &post,
        text.replace("Umbrella Inversion", "The Umbrella Theorem"),
    )
    .unwrap();
    let edited = results(dir.path(), cache.path(), false);
    assert_ne!(edited, fresh, "the edit shows");
    assert_eq!(edited, results(dir.path(), cache.path(), true));
}
