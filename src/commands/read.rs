//! The reader: `hotpapers` without a command opens the archive in the terminal.

use std::process::ExitCode;

use anyhow::Result;

use super::{archive_dir, blame_config, today};
use crate::cli::Cli;
use crate::config::{self, Config};
use crate::{state, tui};

pub fn run(cli: &Cli, config: &Config) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for output to a pipe use `hotpapers export` or `hotpapers check`"
        );
    }
    let dir = archive_dir(cli, config);
    let prepared = tui::prepare(
        dir.as_deref(),
        cli.date,
        cli.rank,
        today(),
        state::default_dir(),
        config.theme(config::no_color()),
        config.mouse(cli.no_mouse),
    );
    let (mut app, options) = blame_config(prepared, cli, config)?;
    app.keymap = config.keymap.clone();
    let code = tui::run(app, options)?;
    Ok(ExitCode::from(code.clamp(0, 255) as u8))
}
