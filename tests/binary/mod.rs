//! Running the built `hotpapers` for the tests of its commands, away from the developer's own
//! config, reading state and `$HOTPAPERS_ARCHIVE`.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// Temp folders for the config, the reading state and the cache, so that the developer's are
/// not read (nor written).
pub struct Env {
    pub config: TempDir,
    pub state: TempDir,
    pub cache: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            config: tempfile::tempdir().unwrap(),
            state: tempfile::tempdir().unwrap(),
            cache: tempfile::tempdir().unwrap(),
        }
    }

    /// `hotpapers ARGS`, its stderr captured.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotpapers"));
        cmd.args(args)
            .env_remove("HOTPAPERS_ARCHIVE")
            .env("XDG_CONFIG_HOME", self.config.path())
            .env("HOTPAPERS_STATE_DIR", self.state.path())
            .env("XDG_CACHE_HOME", self.cache.path())
            // The fixtures are small archives, which get no cache otherwise.
            .env("HOTPAPERS_CACHE", "on")
            .stdin(Stdio::null())
            .stderr(Stdio::piped());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run hotpapers")
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes the post of `date` into `dir` under a digest's usual file name.
pub fn write(dir: &Path, date: &str, text: &str) {
    std::fs::write(dir.join(format!("{date}---Hot-Papers.md")), text).unwrap();
}
