//! `hotpapers state export` and `hotpapers state import FILE`: the whole library as one JSON
//! file, to move it to another machine or keep a copy.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::library_state::{now, open_store};
use crate::cli::library::StateCommand;
use crate::state::{self, Library, Merged};

pub fn run(command: &StateCommand, out: &mut impl Write) -> Result<ExitCode> {
    match command {
        StateCommand::Export => export(out),
        StateCommand::Import { file } => import(file, out),
    }
}

/// Prints the library. Where there is no database yet, an empty library, and none is created.
fn export(out: &mut impl Write) -> Result<ExitCode> {
    let exists = state::default_dir().is_some_and(|d| d.join("state.db").is_file());
    let library = if exists {
        open_store()?.export_library(now())?
    } else {
        Library::empty(now())
    };
    out.write_all(library.to_json().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Merges the file into the library, all of it or nothing, and says what was new.
fn import(file: &Path, out: &mut impl Write) -> Result<ExitCode> {
    let shown = file.display();
    let text = if file == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("-: cannot read standard input")?;
        s
    } else {
        std::fs::read_to_string(file).with_context(|| format!("{shown}: cannot read it"))?
    };
    let library =
        Library::from_json(&text).with_context(|| format!("{shown}: nothing imported"))?;
    let merged = open_store()?.import_library(&library)?;
    writeln!(out, "{shown}: {}", summary(&merged))?;
    Ok(ExitCode::SUCCESS)
}

/// What an import changed, in words: `2 stars, 1 note` or `nothing new`.
fn summary(m: &Merged) -> String {
    let parts: Vec<String> = [
        (m.starred, "star", "stars"),
        (m.read, "read mark", "read marks"),
        (m.tags, "tag", "tags"),
        (m.notes, "note", "notes"),
        (m.not_for_me, "\"not for me\" mark", "\"not for me\" marks"),
        (
            m.watch_seen,
            "watch list seen mark",
            "watch list seen marks",
        ),
        (m.watches, "watch list", "watch lists"),
        (m.queries, "search", "searches"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    if parts.is_empty() {
        "nothing new".to_string()
    } else {
        format!("new {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_in_words() {
        assert_eq!(summary(&Merged::default()), "nothing new");
        let m = Merged {
            starred: 1,
            notes: 2,
            queries: 3,
            ..Merged::default()
        };
        assert_eq!(summary(&m), "new 1 star, 2 notes, 3 searches");
    }
}
