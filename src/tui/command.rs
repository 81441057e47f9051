//! The one registry of what can be asked of the reader: every bindable command with its config
//! name and help (the default keys of every scope are in `bindings`). The keymap, the footer,
//! the `?` help, the config file's `[keys]` and the README's key tables are all drawn from
//! these, so adding a command means a line in the enum, a line in `bindings::DEFAULTS`, and its
//! handler.

pub use super::scope::Scope;

macro_rules! commands {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $help:literal; )*) => {
        /// Something a key can ask for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $( $(#[$doc])* $variant, )*
        }

        impl Command {
            pub const ALL: &'static [Command] = &[$(Command::$variant),*];

            /// The command's name in a config file's `[keys]`.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name,)* }
            }

            /// What the command does, as the reader's help says it.
            pub fn help(self) -> &'static str {
                match self { $(Command::$variant => $help,)* }
            }
        }
    };
}

commands! {
    /// `q`: closes a box, steps back a level in the one-pane layout, quits at the top.
    Close = "close", "Step back a level (one pane), or quit";
    Quit = "quit", "Quit";
    Down = "down", "Move down / scroll down";
    Up = "up", "Move up / scroll up";
    FocusLeft = "focus_left", "Focus the pane to the left";
    FocusRight = "focus_right", "Focus the pane to the right";
    NextPane = "next_pane", "Next pane";
    PrevPane = "prev_pane", "Previous pane";
    First = "first", "First item / top";
    Last = "last", "Last item / bottom";
    PageDown = "page_down", "Page down";
    PageUp = "page_up", "Page up";
    HalfPageDown = "half_page_down", "Half a page down";
    HalfPageUp = "half_page_up", "Half a page up";
    NextPaper = "next_paper", "Next paper, from any pane";
    PrevPaper = "prev_paper", "Previous paper, from any pane";
    /// Space: the paper pane a page on, and at its end the next paper (mutt's pager).
    ReadOn = "read_on", "Page the paper down; at its end, the next paper";
    ReadBack = "read_back", "Page the paper up";
    NextDay = "next_day", "Next (later) day";
    PrevDay = "prev_day", "Previous (earlier) day";
    Enter = "enter", "Go in / open the paper";
    Back = "back", "Back / close";
    OpenAbs = "open_abs", "Open the paper's abs page in the browser";
    OpenPdf = "open_pdf", "Open the paper's pdf in the browser";
    OpenTweet = "open_tweet", "Open the marked tweet (else the one in view) in the browser";
    NextTweet = "next_tweet", "Mark the next tweet, or other day listing the paper";
    Search = "search", "Search every day";
    GoTo = "go_to", "Go to a day, a month, latest, or a paper by arXiv id or link";
    FindTitle = "find_title", "Find a paper by its title, fuzzily (as fzf does)";
    NextResult = "next_result", "Next search result";
    PrevResult = "prev_result", "Previous search result";
    /// The paper order; in the leaderboard, its measure.
    Sort = "sort", "Sort the papers: rank, retweets, favorites, both";
    Filter = "filter", "Filter by category";
    Top = "top", "Top papers over a week, month, year or all";
    ToggleRead = "toggle_read", "Mark the paper read or unread";
    NextUnread = "next_unread", "Go to the next unread paper";
    ReadDay = "read_day", "Mark every paper of the day read";
    ReadUpTo = "read_up_to", "Mark every paper up to this day read (asks first)";
    UndoBulk = "undo", "Undo the last marking of many papers";
    Yes = "yes", "Yes";
    No = "no", "No";
    Star = "star", "Star or unstar the paper";
    Starred = "starred", "List the starred papers";
    Similar = "similar", "List the papers most like this one";
    ForYou = "for_you", "Papers for you: like your starred and tagged ones";
    Tag = "tag", "Tag the paper (commas separate tags, -tag takes one off)";
    Tags = "tags", "List your tags, and a tag's papers";
    Complete = "complete", "Complete the tag from the tags you have";
    EditNote = "edit_note", "Write the paper's note in your editor ($VISUAL, $EDITOR or vi)";
    NotForMe = "not_for_me", "Mark the paper not for me (For you learns from it), or unmark it";
    SaveWatch = "save_watch", "Save the query as a watch list: the day list counts its new matches";
    ForgetWatch = "forget_watch", "Forget the selected watch list (one saved in the reader; asks first)";
    People = "people", "The people who tweet: accounts by the papers they tweeted about";
    Links = "links", "List every link of the paper: abs, pdf, tweets, links in the text";
    CopyUrl = "copy_url", "Copy the paper's abs URL to the clipboard";
    CopyBibtex = "copy_bibtex", "Copy the paper's BibTeX entry to the clipboard";
    Reload = "reload", "Reload the archive from disk";
    Help = "help", "Show or hide this help";
    Suspend = "suspend", "Suspend to the shell (resume with fg)";
    DeleteChar = "delete_char", "Delete a character";
    DeleteWord = "delete_word", "Delete a word";
    ClearInput = "clear_input", "Clear the query";
    OlderQuery = "older_query", "The search before (history)";
    NewerQuery = "newer_query", "The search after (history)";
    ToggleCategory = "choose", "Choose or drop the category";
    ClearFilter = "clear_filter", "Clear the filter (show all)";
    FollowedOnly = "followed_only", "Show only papers tweeted by accounts you follow (or all again)";
    CycleWindow = "window", "Window: week, month, year, all";
    Trend = "trend", "Chart the matches over time: per week, month or year";
    Share = "share", "Bars as counts, or as the share of all papers of the period";
}

impl Command {
    /// Whether the command moves through the archive or a list: a notice about what was
    /// before is done with then.
    pub fn is_move(self) -> bool {
        use Command::*;
        matches!(
            self,
            Down | Up
                | NextPaper
                | PrevPaper
                | ReadOn
                | ReadBack
                | FocusLeft
                | FocusRight
                | NextPane
                | PrevPane
                | First
                | Last
                | PageDown
                | PageUp
                | HalfPageDown
                | HalfPageUp
                | NextDay
                | PrevDay
        )
    }
}

/// The reader command that opens `scope`'s box.
pub fn opened_by(scope: Scope) -> Option<Command> {
    match scope {
        // The charts open from boxes, not from the reader.
        Scope::Reader | Scope::Help | Scope::Confirm | Scope::Trend | Scope::CategoryTrend => None,
        Scope::Search => Some(Command::Search),
        Scope::Categories => Some(Command::Filter),
        Scope::Leaderboard => Some(Command::Top),
        Scope::Starred => Some(Command::Starred),
        Scope::Similar => Some(Command::Similar),
        Scope::ForYou => Some(Command::ForYou),
        Scope::Tag => Some(Command::Tag),
        Scope::Tags => Some(Command::Tags),
        Scope::People => Some(Command::People),
        Scope::Links => Some(Command::Links),
        Scope::GoTo => Some(Command::GoTo),
        Scope::Finder => Some(Command::FindTitle),
    }
}

/// A command by its config name.
pub fn by_name(name: &str) -> Option<Command> {
    Command::ALL.iter().copied().find(|c| c.name() == name)
}
