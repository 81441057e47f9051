//! Writing a text in the user's editor: `$VISUAL`, else `$EDITOR`, else `vi`, on a private
//! temporary file, for `hotpapers note` and the reader's `e`. The caller hands the terminal
//! over first (the reader leaves its screen and raw mode).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`. It may hold arguments
/// (`code --wait`): it is given to the shell.
fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// A temporary file, deleted when dropped.
struct TempFile(PathBuf);

impl TempFile {
    /// A new file only this user may read, named after the paper `id`.
    fn new(id: &str) -> Result<(TempFile, File)> {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let safe: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = std::env::temp_dir().join(format!(
            "hotpapers-note-{safe}-{}-{stamp}.md",
            std::process::id()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&path)
            .with_context(|| format!("{}: cannot create a file for the note", path.display()))?;
        Ok((TempFile(path), file))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Opens the editor on a file holding `current` and gives what the file holds once it quits.
/// The editor has the terminal: stdin, stdout and stderr are this program's.
pub fn edit(current: &str, id: &str) -> Result<String> {
    let (temp, mut file) = TempFile::new(id)?;
    if !current.is_empty() {
        writeln!(file, "{current}")
            .and_then(|()| file.flush())
            .with_context(|| format!("{}: cannot write the note", temp.path().display()))?;
    }
    drop(file);
    let editor = editor();
    let status = shell(&editor, temp.path())
        .status()
        .with_context(|| format!("cannot run the editor {editor:?}"))?;
    if !status.success() {
        bail!("the editor {editor:?} failed ({status}); the note is unchanged");
    }
    std::fs::read_to_string(temp.path())
        .with_context(|| format!("{}: cannot read the note back", temp.path().display()))
}

/// `editor file` through the shell, so an editor given with arguments works; the shell
/// becomes the editor (`exec`), so a signal the editor survives does not end a shell around it.
#[cfg(unix)]
fn shell(editor: &str, file: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("exec {editor} \"$1\""))
        .arg("sh")
        .arg(file);
    cmd
}

#[cfg(not(unix))]
fn shell(editor: &str, file: &Path) -> Command {
    let mut words = editor.split_whitespace();
    let mut cmd = Command::new(words.next().unwrap_or("notepad"));
    cmd.args(words).arg(file);
    cmd
}
