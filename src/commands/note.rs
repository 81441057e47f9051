//! `hotpapers note ID [-m TEXT]`: a paper's note, given on the command line or written in the
//! user's editor.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::library_state::{find_one, name, now, open_store};
use super::load_lists;
use crate::archive::PaperKey;
use crate::cli::Cli;
use crate::cli::library::NoteArgs;
use crate::config::Config;
use crate::editor::edit;
use crate::state::Store;

pub fn run(cli: &Cli, config: &Config, args: &NoteArgs, out: &mut impl Write) -> Result<ExitCode> {
    let archive = load_lists(cli, config)?;
    let paper = find_one(&archive, &args.id)?;
    let store = open_store()?;
    let id = name(paper);
    let old = store.note(&paper.key)?.map(|n| n.text).unwrap_or_default();
    let new = match &args.message {
        Some(m) => m.trim().to_string(),
        None => {
            let written = edit(&old, id)?;
            if written.trim() == old.trim() {
                writeln!(out, "the note of {id} is unchanged")?;
                return Ok(ExitCode::SUCCESS);
            }
            written.trim().to_string()
        }
    };
    save(&store, &paper.key, id, &old, &new, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Makes `new` the note (an empty one deletes it) and says what was done.
fn save(
    store: &Store,
    key: &PaperKey,
    id: &str,
    old: &str,
    new: &str,
    out: &mut impl Write,
) -> Result<()> {
    if new.is_empty() {
        if store.delete_note(key)? {
            writeln!(out, "deleted the note of {id}")?;
        } else {
            writeln!(out, "{id} has no note")?;
        }
    } else if new == old {
        writeln!(out, "the note of {id} is unchanged")?;
    } else {
        store.set_note(key, new, now())?;
        writeln!(out, "saved the note of {id}")?;
    }
    Ok(())
}
