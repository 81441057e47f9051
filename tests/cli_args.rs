//! The command line of the commands other than the reader, through the built binary: counts
//! in words.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

/// Temp folders for the config and the reading state, so that the developer's are not read.
struct Env {
    config: TempDir,
    state: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            config: tempfile::tempdir().unwrap(),
            state: tempfile::tempdir().unwrap(),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotpapers"));
        cmd.args(args)
            .env_remove("HOTPAPERS_ARCHIVE")
            .env("XDG_CONFIG_HOME", self.config.path())
            .env("HOTPAPERS_STATE_DIR", self.state.path());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run hotpapers")
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, day: &str, text: &str) {
    std::fs::write(dir.join(format!("{day}---Hot-Papers.md")), text).unwrap();
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
    let o = env.run(&["check", "--archive", dir]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 day, 1 paper, 1 tweet, 0 errors, 1 warning\n");
    // A file that is no text is an error.
    std::fs::write(posts.path().join("notes.md"), b"a\0b").unwrap();
    let o = env.run(&["check", "--archive", dir]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "1 day, 1 paper, 1 tweet, 1 error, 1 warning\n");
}
