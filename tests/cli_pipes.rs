//! Output cut short is no error: every command whose stdout is a pipe nobody reads any more
//! (`hotpapers … | head -1`, `| true`) stops quietly with its documented status, as ripgrep and
//! coreutils do, while a real error still fails with a message, and a stdout that cannot be
//! written (`> /dev/full`) is said in one line with status 1, never a panic. Runs the built
//! binary.
// Linux for pipe2: a pipe close-on-exec from the start, which other tests' children cannot keep.
#![cfg(target_os = "linux")]

mod binary;
mod support;

use std::io::{BufRead, BufReader};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Output, Stdio};

use chrono::{Days, NaiveDate};
use tempfile::TempDir;

use binary::{Env, stderr, stdout, write};

// What only these tests need: stdout a pipe that closes early.
impl Env {
    /// Runs with stdout the write end of a pipe whose read end is already closed, so the first
    /// write fails with EPIPE however short the output: closing the read end after the start
    /// would race a small write into the pipe's buffer.
    fn to_closed_pipe(&self, args: &[&str]) -> Output {
        self.command(args)
            .stdout(closed_pipe())
            .output()
            .expect("run hotpapers")
    }

    /// Reads the first line of the output, then closes the pipe, like `| head -1`. Returns the
    /// line; the output must be larger than the pipe's buffer for the writer to notice.
    fn first_line(&self, args: &[&str]) -> (String, Output) {
        let mut child = self
            .command(args)
            .stdout(Stdio::piped())
            .spawn()
            .expect("run hotpapers");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        (line, child.wait_with_output().unwrap())
    }
}

/// The write end of a pipe without a reader. Both ends are close-on-exec, so no other test's
/// child keeps the read end open; the child's stdout is a copy, which exec keeps.
fn closed_pipe() -> Stdio {
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills `fds` with two new descriptors, each owned once below.
    let (read, write) = unsafe {
        assert_eq!(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC), 0);
        (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))
    };
    drop(read);
    Stdio::from(write)
}

/// An environment whose library has a star, a tag and a note on a paper of the bundled sample,
/// and a config file with a watch list, so that every command has something to print.
fn library() -> Env {
    let env = Env::new();
    let dir = env.config.path().join("hotpapers");
    std::fs::create_dir_all(&dir).unwrap();
    let watch = "[[watch]]\nname = \"attention\"\nquery = \"attention\"\n";
    std::fs::write(dir.join("config.toml"), watch).unwrap();
    for args in [
        &["star", PAPER, "--archive", SAMPLE][..],
        &["tag", PAPER, "rl", "--archive", SAMPLE],
        &["note", PAPER, "-m", "a note", "--archive", SAMPLE],
    ] {
        let o = env.run(args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }
    env
}

/// The sample's posts, as a folder: the built-in sample would be announced on stderr.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");
/// A paper of the sample.
const PAPER: &str = "2403.08150";

/// Every command that prints, each with what it needs, on the sample.
fn printing_commands() -> Vec<Vec<&'static str>> {
    let a = ["--archive", SAMPLE];
    let with = |args: &[&'static str]| [args, &a[..]].concat();
    vec![
        vec!["check", SAMPLE],
        with(&["export"]),
        with(&["export", "--format", "csv"]),
        with(&["export", "--format", "bibtex"]),
        with(&["export", "--format", "markdown"]),
        with(&["search", "attention"]),
        with(&["search", "attention", "--json"]),
        with(&["top"]),
        with(&["top", "--json"]),
        with(&["similar", PAPER]),
        with(&["recommend"]),
        with(&["recommend", "--json"]),
        with(&["tag", PAPER, "theory"]),
        with(&["star", PAPER]),
        with(&["note", PAPER, "-m", "another note"]),
        with(&["watch", "--all"]),
        with(&["watch", "--all", "--json"]),
        vec!["tags"],
        vec!["tags", "--json"],
        vec!["state", "export"],
        vec!["completions", "bash"],
    ]
}

#[test]
fn a_full_disk_is_one_line_and_status_1_for_every_command() {
    let env = library();
    let mut bad = Vec::new();
    for args in printing_commands() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let o = env.command(&args).stdout(full).output().unwrap();
        // recommend says on stderr how it ranked: that line may come first.
        let err = stderr(&o);
        let last = err.lines().last().unwrap_or("");
        let fine = o.status.code() == Some(1)
            && last.starts_with("hotpapers: ")
            && last.contains("cannot write the output: No space left on device")
            && !err.contains("panicked")
            && err.lines().filter(|l| l.contains("No space")).count() == 1;
        if !fine {
            bad.push(format!("{}: {}, stderr {err:?}", args.join(" "), o.status));
        }
    }
    assert_eq!(bad, Vec::<String>::new());
}

#[test]
fn every_printing_command_into_a_closed_pipe_exits_0_quietly() {
    let env = library();
    let runs = printing_commands()
        .into_iter()
        // recommend says how it ranked on stderr, whatever happens to stdout.
        .filter(|args| args[0] != "recommend")
        .map(|args| (args.join(" "), env.to_closed_pipe(&args)));
    assert_eq!(noisy(runs), Vec::<String>::new());
}

/// A folder with one post that loads with a warning (a count that is no number) and, with
/// `error`, a second file that is an error (NUL bytes).
fn warned(error: bool) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let post = support::post(
        "2024-03-01",
        &[("A Paper", "https://arxiv.org/abs/2403.00001", "")],
    )
    .replace("retweets: 100", "retweets: lots");
    write(dir.path(), "2024-03-01", &post);
    if error {
        std::fs::write(dir.path().join("2024-03-02---Hot-Papers.md"), b"\0\0").unwrap();
    }
    dir
}

#[test]
fn check_keeps_its_exit_status_when_its_reader_leaves() {
    let env = Env::new();
    for (error, code) in [(false, 0), (true, 1)] {
        let dir = warned(error);
        let args = ["check", dir.path().to_str().unwrap()];
        let whole = env.run(&args);
        assert_eq!(whole.status.code(), Some(code), "{}", stderr(&whole));
        assert!(stderr(&whole).contains("warning: "), "{}", stderr(&whole));
        // `check 2>&1 | head -c1`: stdout and stderr both a pipe that is gone.
        let o = env
            .command(&args)
            .stdout(closed_pipe())
            .stderr(closed_pipe())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(code), "errors: {error}");
    }
}

#[test]
fn no_match_is_status_1_even_into_a_closed_pipe() {
    let env = Env::new();
    let args = ["search", "zzqqxxnomatch", "--json", "--archive", SAMPLE];
    assert_eq!(env.run(&args).status.code(), Some(1));
    let o = env.to_closed_pipe(&args);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn watch_marks_nothing_seen_when_its_output_was_not_read() {
    let env = library();
    let args = ["watch", "--archive", SAMPLE];
    let o = env.to_closed_pipe(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = env.command(&args).stdout(full).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // Still new: the papers were never shown.
    let o = env.run(&args);
    let text = stdout(&o);
    assert!(text.starts_with("attention (attention): "), "{text}");
    assert!(!text.starts_with("attention (attention): 0 new"), "{text}");
    // Shown now, so seen.
    let again = stdout(&env.run(&args));
    assert!(again.starts_with("attention (attention): 0 new"), "{again}");
}

/// The runs that did not end with status 0 and nothing on stderr (no panic, no "Broken pipe"
/// message), each with what it gave instead; all of them, so a failure names every command.
fn noisy(runs: impl IntoIterator<Item = (String, Output)>) -> Vec<String> {
    runs.into_iter()
        .filter(|(_, o)| o.status.code() != Some(0) || !o.stderr.is_empty())
        .map(|(what, o)| format!("{what}: {}, stderr {:?}", o.status, stderr(&o)))
        .collect()
}

/// An archive of 160 days of ten papers each, every title with "transformer": `export`,
/// `search transformer` and `top --limit 5000` print far more than a pipe's 64 KiB buffer.
fn big_archive() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for d in 0..160u32 {
        let date = first
            .checked_add_days(Days::new(d.into()))
            .unwrap()
            .to_string();
        let papers: Vec<(String, String)> = (0..10)
            .map(|p| {
                let id = format!("{:04}.{:05}", 2001 + d / 100, d * 10 + p);
                (
                    format!("A transformer for problem {id}"),
                    format!("https://arxiv.org/abs/{id}"),
                )
            })
            .collect();
        let refs: Vec<(&str, &str, &str)> = papers
            .iter()
            .map(|(t, a)| (t.as_str(), a.as_str(), ""))
            .collect();
        write(dir.path(), &date, &support::post(&date, &refs));
    }
    dir
}

#[test]
fn a_reader_that_stops_after_one_line_is_no_error() {
    let env = Env::new();
    let archive = big_archive();
    let dir = archive.path().to_str().unwrap();
    let runs = [
        (&["export", "--format", "csv"][..], "date,"),
        (&["search", "transformer"], "2020-06-08"),
        (&["top", "--limit", "5000"], "  1."),
    ]
    .map(|(args, first)| {
        let args = [args, &["--archive", dir]].concat();
        // Else the whole output would fit in the pipe and the writer never notice the reader left.
        let whole = env.command(&args).output().unwrap().stdout.len();
        assert!(whole > 2 * 65536, "{args:?}: {whole} bytes");
        let (line, o) = env.first_line(&args);
        assert!(line.starts_with(first), "{args:?}: {line:?}");
        (args[0].to_string(), o)
    });
    assert_eq!(noisy(runs), Vec::<String>::new());
}

#[test]
fn a_real_error_still_fails_with_a_message() {
    let env = Env::new();
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    let args = ["check", "--archive", missing.to_str().unwrap()];
    // A closed stdout hides nothing: the error is not a write to it.
    for o in [
        env.command(&args).output().unwrap(),
        env.to_closed_pipe(&args),
    ] {
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.starts_with("hotpapers: ") && err.contains("nope"),
            "{err}"
        );
    }
}
