//! What the user can ask for. Keys and mouse events become `Action`s in exactly one place
//! (`keymap` and `update::mouse`), so every behaviour can be driven without a terminal.

/// A request to change the app's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Down,
    Up,
    FocusLeft,
    FocusRight,
    FocusNext,
    FocusPrev,
    First,
    Last,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    NextDay,
    PrevDay,
    Enter,
    Back,
    OpenAbs,
    OpenPdf,
    OpenTweet,
    NextTweet,
    /// Open the search box.
    OpenSearch,
    /// A character typed into the search box.
    Input(char),
    Backspace,
    DeleteWord,
    ClearInput,
    NextResult,
    PrevResult,
    /// Cycle the paper order, or the leaderboard's measure.
    CycleSort,
    OpenCategories,
    ToggleCategory,
    ClearFilter,
    OpenLeaderboard,
    CycleWindow,
    /// The background index is built.
    IndexReady(super::app::IndexHandle),
    ToggleRead,
    ToggleStar,
    NextUnread,
    OpenStarred,
    CopyUrl,
    CopyBibtex,
    Reload,
    /// The paper with this key has been on screen long enough to count as read.
    Seen(crate::archive::PaperKey),
    /// The background load has read this many posts of so many.
    Progress(usize, usize),
    /// The background load finished: the whole archive replaces the first day.
    Loaded(super::app::ArchiveHandle),
    /// A reload finished (or failed, with the reason).
    Reloaded(Result<super::app::ArchiveHandle, String>),
    ToggleHelp,
    Suspend,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at a cell.
    Click {
        col: u16,
        row: u16,
    },
    /// The wheel turned over a cell.
    Wheel {
        col: u16,
        row: u16,
        down: bool,
    },
    /// A message for the status line from outside the app (e.g. the browser failed).
    Status {
        text: String,
        error: bool,
    },
}

/// Work for the run loop: everything that touches the world outside the app's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open a checked http(s) URL in the browser; `what` names it for the status line.
    OpenUrl { what: &'static str, url: String },
    /// Give the terminal back to the shell until resumed (Ctrl-Z).
    Suspend,
    SaveRead {
        key: crate::archive::PaperKey,
        read: bool,
    },
    SaveStar {
        key: crate::archive::PaperKey,
        starred: bool,
    },
    /// Put `text` on the clipboard (OSC 52); `what` names it for the status line.
    Copy { what: &'static str, text: String },
    /// Load the archive again from disk.
    Reload,
}
