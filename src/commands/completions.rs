//! `hotpapers completions SHELL`: the shell's completion script for the whole command line.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Shell, completions};

pub fn run(shell: Shell) -> Result<ExitCode> {
    let script = completions(shell);
    match std::io::stdout().lock().write_all(&script) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r.context("writing the completions")?,
    }
    Ok(ExitCode::SUCCESS)
}
