//! Output cut short is no error: every command whose stdout is a pipe nobody reads any more
//! (`hotpapers … | head -1`, `| true`) stops quietly with status 0, as ripgrep and coreutils do,
//! while a real error still fails with a message. Runs the built binary.
// Linux for pipe2: a pipe close-on-exec from the start, which other tests' children cannot keep.
#![cfg(target_os = "linux")]

mod binary;
mod support;

use std::io::{BufRead, BufReader};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Output, Stdio};

use chrono::{Days, NaiveDate};
use tempfile::TempDir;

use binary::{Env, stderr, write};

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
fn every_command_into_a_closed_pipe_exits_0_quietly() {
    let env = Env::new();
    // The sample's posts, as a folder: the built-in sample would be announced on stderr.
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");
    let runs = [
        &["check", sample][..],
        &["export", sample],
        &["export", sample, "--format", "bibtex"],
        &["search", "transformer", "--archive", sample],
        &["search", "transformer", "--json", "--archive", sample],
        &["top", sample],
        &["top", sample, "--json"],
        &["completions", "bash"],
    ]
    .map(|args| (args.join(" "), env.to_closed_pipe(args)));
    assert_eq!(noisy(runs), Vec::<String>::new());
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
