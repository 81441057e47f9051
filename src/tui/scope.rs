//! Where keys are read: the reader, or one of the boxes over it. Each scope has its own
//! bindings in the registry (`command.rs`) and its own table in the config file.

/// Where keys are read: the reader itself, or one of the boxes drawn over it. Each scope has
/// its own bindings; a key means what its scope says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Reader,
    Search,
    Categories,
    Trend,
    CategoryTrend,
    Leaderboard,
    Starred,
    Similar,
    ForYou,
    Tag,
    Tags,
    People,
    Links,
    GoTo,
    Finder,
    Confirm,
    Help,
}

impl Scope {
    /// In the order the help lists them.
    pub const ALL: [Scope; 17] = [
        Scope::Reader,
        Scope::Search,
        Scope::Trend,
        Scope::Finder,
        Scope::GoTo,
        Scope::Tag,
        Scope::Categories,
        Scope::CategoryTrend,
        Scope::Leaderboard,
        Scope::Starred,
        Scope::Similar,
        Scope::ForYou,
        Scope::Tags,
        Scope::People,
        Scope::Links,
        Scope::Confirm,
        Scope::Help,
    ];

    /// The config file's table for the scope's keys: `[keys]` for the reader, `[keys.NAME]`
    /// for a box. The `_box` suffix keeps them apart from the commands that open the boxes.
    pub fn table(self) -> Option<&'static str> {
        match self {
            Scope::Reader => None,
            Scope::Search => Some("search_box"),
            Scope::Categories => Some("categories_box"),
            Scope::Trend => Some("trend_box"),
            Scope::CategoryTrend => Some("category_trend_box"),
            Scope::Leaderboard => Some("leaderboard_box"),
            Scope::Starred => Some("starred_box"),
            Scope::Similar => Some("similar_box"),
            Scope::ForYou => Some("for_you_box"),
            Scope::Tag => Some("tag_box"),
            Scope::Tags => Some("tags_box"),
            Scope::People => Some("people_box"),
            Scope::Links => Some("links_box"),
            Scope::GoTo => Some("goto_box"),
            Scope::Finder => Some("finder_box"),
            Scope::Confirm => Some("confirm_box"),
            Scope::Help => Some("help_box"),
        }
    }

    /// Whether unbound characters are typed into the scope's prompt.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Scope::Search | Scope::GoTo | Scope::Finder | Scope::Tag
        )
    }

    /// Whether unbound characters look for a row by its start (the category filter).
    pub fn finds_by_typing(self) -> bool {
        self == Scope::Categories
    }

    /// What the scope is, for the help's headings; the reader command that opens it follows
    /// in brackets (see `Keymap::heading`).
    pub fn name(self) -> &'static str {
        match self {
            Scope::Reader => "Reading",
            Scope::Search => "Search box",
            Scope::Categories => "Category filter",
            Scope::Trend => "Trend chart (from the search box)",
            Scope::CategoryTrend => "Categories over time (from the category filter)",
            Scope::Leaderboard => "Leaderboard",
            Scope::Starred => "Starred papers",
            Scope::Similar => "Similar papers",
            Scope::ForYou => "For you",
            Scope::Tag => "Tag prompt",
            Scope::Tags => "Tags",
            Scope::People => "People",
            Scope::Links => "Links of the paper",
            Scope::GoTo => "Go to",
            Scope::Finder => "Title finder",
            Scope::Confirm => "A question (y/n)",
            Scope::Help => "This help",
        }
    }
}
