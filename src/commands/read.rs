//! The reader: `hotpapers` without a command opens the archive in the terminal.

use std::process::ExitCode;

use anyhow::Result;

use super::{archive_dir, blame_config, today};
use crate::cli::Cli;
use crate::config::{self, Config};
use crate::state;
use crate::tui::theme::Theme;
use crate::tui::{self, Keymap};

/// `keymap`: the config's `[keys]`, already checked (every command checks them).
pub fn run(cli: &Cli, config: &Config, keymap: &Keymap) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for output to a pipe use `hotpapers export` or `hotpapers check`"
        );
    }
    let dir = archive_dir(cli, config);
    let prepared = tui::prepare(tui::Setup {
        dir: dir.as_deref(),
        date: cli.date,
        rank: cli.rank,
        today: today(),
        state_dir: state::default_dir(),
        theme: Theme::chosen(config.theme, config::no_color()),
        keymap: keymap.clone(),
        warnings: keymap.taken(),
        mouse: config.mouse(cli.no_mouse),
        watches: config.watch.clone(),
        follow: config.follow.clone(),
    });
    let (app, options) = blame_config(prepared, cli, config)?;
    let code = tui::run(app, options)?;
    Ok(ExitCode::from(code.clamp(0, 255) as u8))
}
