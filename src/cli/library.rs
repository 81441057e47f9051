//! The command line of your own library: stars, tags and notes from the command line, and the
//! whole state as a file to move it (`hotpapers state export` / `import`).

use std::path::PathBuf;

use clap::Subcommand;

/// The library's commands, flattened into `Command`: each is a command of its own
/// (`hotpapers star`, not `hotpapers library star`).
#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Star papers: arXiv ids (2403.08150, arXiv:2403.08150v2) or abs/pdf links of papers in
    /// the archive. Exit status 1 if any is not in it (the others are starred).
    Star(PaperIds),
    /// Take the star off papers, given as for star.
    Unstar(PaperIds),
    /// Give a paper tags, e.g. `hotpapers tag 2403.08150 rl "to read"`.
    ///
    /// A tag is any short name without commas or semicolons; case does not make another tag
    /// (LLM and llm are one).
    Tag(TagArgs),
    /// Take tags off a paper.
    Untag(TagArgs),
    /// List the tags with how many papers have each. Exit status 1 when there are none.
    Tags {
        /// Print a JSON array of {"tag", "count"}.
        #[arg(long)]
        json: bool,
    },
    /// Write a paper's note: with -m TEXT, else in $VISUAL, else $EDITOR, else vi.
    ///
    /// The editor opens on the current note; what is saved when it quits becomes the note
    /// (emptied: the note is deleted; unchanged: nothing is saved).
    Note(NoteArgs),
    /// The new matches of each watch list (the config file's [[watch]] and those saved in the
    /// reader), then marked seen: a digest for cron. With --all, every match, and nothing is
    /// marked.
    Watch {
        /// Print a JSON array of {"name", "query", "matches", "papers"}.
        #[arg(long)]
        json: bool,
        /// Every match, not only the new ones; marks nothing seen.
        #[arg(long)]
        all: bool,
        /// Forget the watch list NAME saved in the reader (and its seen marks) instead.
        #[arg(long, value_name = "NAME", conflicts_with_all = ["json", "all"])]
        forget: Option<String>,
    },
    /// Move your library: print it as a JSON file, or merge such a file into this one.
    State {
        #[command(subcommand)]
        command: StateCommand,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct PaperIds {
    /// arXiv ids or abs/pdf links.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct TagArgs {
    /// The paper: an arXiv id or abs/pdf link.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The tags.
    #[arg(required = true, value_name = "TAG")]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct NoteArgs {
    /// The paper: an arXiv id or abs/pdf link.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The note's text instead of an editor; "" deletes the note.
    #[arg(short = 'm', long = "message", value_name = "TEXT")]
    pub message: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Print the library as JSON: stars, read marks, tags, notes, "not for me" marks, watch
    /// lists' seen marks and the search history, with a format version.
    Export,
    /// Merge a file written by `state export` into the library (a union; of two notes of a
    /// paper the newer wins). A file it does not understand changes nothing.
    Import {
        /// The file, or - for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}
