//! Work for the runtime: everything that touches the world outside the app's state.

use crate::archive::PaperKey;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open a checked http(s) URL in the browser; `what` names it for the status line.
    OpenUrl {
        what: &'static str,
        url: String,
    },
    /// Give the terminal back to the shell until resumed (Ctrl-Z).
    Suspend,
    SaveRead {
        key: PaperKey,
        read: bool,
    },
    /// `at`: when, for the starred list's order.
    SaveStar {
        key: PaperKey,
        starred: bool,
        at: i64,
    },
    /// Hand the terminal to the editor on the paper's note (`current`), save what is written,
    /// take the terminal back (the runtime answers `NoteSaved`).
    EditNote {
        key: PaperKey,
        id: String,
        current: String,
        at: i64,
    },
    /// Give the paper the tags `add` and take off `remove`.
    SaveTags {
        key: PaperKey,
        add: Vec<String>,
        remove: Vec<String>,
        at: i64,
    },
    /// Mark the paper not for me (`on`) or unmark it.
    SaveNotForMe {
        key: PaperKey,
        on: bool,
        at: i64,
    },
    /// Mark these read, as one marking the next `UndoBulk` takes back.
    MarkReadBulk {
        keys: Vec<PaperKey>,
        at: i64,
    },
    /// Take back the last marking of many (the database answers with its papers).
    UndoBulk,
    /// Keep this search in the history.
    SaveQuery {
        query: String,
        at: i64,
    },
    /// Save the watch list `name` (replacing one of that name) with `query`, its matches
    /// `seen` marked seen as it is saved.
    SaveWatch {
        name: String,
        query: String,
        seen: Vec<PaperKey>,
        at: i64,
    },
    /// Forget the watch list `name` saved in the reader, and its seen marks.
    ForgetWatch {
        name: String,
    },
    /// Mark these matches of the watch list `name` seen.
    MarkWatchSeen {
        name: String,
        keys: Vec<PaperKey>,
        at: i64,
    },
    /// Where the reader is, to come back to at the next start.
    SavePosition {
        date: chrono::NaiveDate,
        key: PaperKey,
    },
    /// Put `text` on the clipboard (OSC 52); `what` names it for the status line.
    Copy {
        what: &'static str,
        text: String,
    },
    /// Load the archive again from disk.
    Reload,
    /// Build the search index of the archive the app now has, from `previous`, the index of
    /// the archive it replaced, when there is one (only what changed is indexed again); with
    /// `people`, then count who tweeted (the People box's), after the index so that no first
    /// search waits for it.
    Index {
        previous: Option<super::handles::IndexHandle>,
        people: bool,
    },
    /// Count who tweeted for the archive the app now has: the People box opened before the
    /// count, which a reload leaves until the box wants it (at 30,000 posts a quarter of the
    /// CPU a changed post cost).
    People,
    /// Work out which papers of the archive the app now has are alike (`=`). Asked for after
    /// the first load, and after a reload only once somebody wants similar papers: a change on
    /// disk should not cost that work every time.
    Similar,
    /// Read the abstracts and tweets of `day`'s papers back from its post under `root` (see
    /// `core::texts`).
    ReadTexts {
        root: std::path::PathBuf,
        day: std::sync::Arc<crate::archive::Day>,
    },
    /// End the session (after the effects before it).
    Quit,
}
