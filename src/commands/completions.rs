//! `hotpapers completions SHELL`: the shell's completion script for the whole command line.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Shell, completions};

pub fn run(shell: Shell, out: &mut impl Write) -> Result<ExitCode> {
    let script = completions(shell);
    out.write_all(&script)
        .and_then(|()| out.flush())
        .context("writing the completions")?;
    Ok(ExitCode::SUCCESS)
}
