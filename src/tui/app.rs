//! The reader's state. Changed only by `update`; read by the widgets.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use crate::archive::{Archive, Day, Paper};
use crate::search::{Measure, PaperRef, Query, QueryError, SearchIndex};

use super::layout::{self, Areas};
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Days,
    Papers,
    Paper,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The order of the day's paper list (`s` cycles it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Rank,
    Retweets,
    Favorites,
    Score,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Rank => Sort::Retweets,
            Sort::Retweets => Sort::Favorites,
            Sort::Favorites => Sort::Score,
            Sort::Score => Sort::Rank,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Sort::Rank => "by rank",
            Sort::Retweets => "by retweets",
            Sort::Favorites => "by favorites",
            Sort::Score => "by retweets+favorites",
        }
    }

    fn key(self, p: &Paper) -> u64 {
        match self {
            Sort::Rank => 0,
            Sort::Retweets => p.retweets,
            Sort::Favorites => p.favorites,
            Sort::Score => p.score(),
        }
    }
}

/// The span a leaderboard covers, ending at the selected day (`w` cycles it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Week,
    Month,
    Year,
    All,
}

impl Window {
    pub fn next(self) -> Window {
        match self {
            Window::Week => Window::Month,
            Window::Month => Window::Year,
            Window::Year => Window::All,
            Window::All => Window::Week,
        }
    }

    /// Days covered, counting the last one; `None` for all time.
    pub fn days(self) -> Option<u64> {
        match self {
            Window::Week => Some(7),
            Window::Month => Some(30),
            Window::Year => Some(365),
            Window::All => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Window::Week => "week",
            Window::Month => "month",
            Window::Year => "year",
            Window::All => "all time",
        }
    }
}

/// The search box (`/`): what is typed, what it means, what it finds, and where to go back to.
#[derive(Debug, Clone)]
pub struct SearchBox {
    pub input: String,
    pub query: Result<Query, QueryError>,
    pub results: Vec<PaperRef>,
    pub selected: usize,
    pub offset: usize,
}

/// The category picker (`c`).
#[derive(Debug, Clone)]
pub struct Picker {
    /// Every category in the archive with its paper count, most common first.
    pub categories: Vec<(String, usize)>,
    pub chosen: BTreeSet<String>,
    pub cursor: usize,
    pub offset: usize,
}

/// The leaderboard (`T`).
#[derive(Debug, Clone)]
pub struct Board {
    pub window: Window,
    pub measure: Measure,
    pub entries: Vec<crate::search::Entry>,
    pub selected: usize,
    pub offset: usize,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: usize },
    Search(SearchBox),
    Categories(Picker),
    Leaderboard(Board),
    Starred(Starred),
}

/// The starred list (`S`): starred papers found in the archive, newest star first.
#[derive(Debug, Clone)]
pub struct Starred {
    pub papers: Vec<PaperRef>,
    pub selected: usize,
    pub offset: usize,
}

/// A freshly loaded archive on its way into the app. Compared by identity.
#[derive(Debug, Clone)]
pub struct ArchiveHandle(pub Arc<Archive>);

impl PartialEq for ArchiveHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for ArchiveHandle {}

/// The search index, shared with the thread that builds it, and the archive it describes (its
/// results are positions in that archive, so an index of a replaced archive must not be used).
/// Compared by identity.
#[derive(Debug, Clone)]
pub struct IndexHandle {
    pub index: Arc<SearchIndex>,
    pub archive: Arc<Archive>,
}

impl IndexHandle {
    /// Builds the index of `archive` (slow on a large archive: call off the UI thread).
    pub fn build(archive: &Arc<Archive>) -> IndexHandle {
        IndexHandle {
            index: Arc::new(SearchIndex::build(archive)),
            archive: Arc::clone(archive),
        }
    }
}

impl PartialEq for IndexHandle {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.index, &other.index)
    }
}

impl Eq for IndexHandle {}

pub struct App {
    pub archive: Arc<Archive>,
    /// Index into `archive.days` (oldest first); the day list shows them newest first.
    pub day: usize,
    /// Index into the selected day's papers.
    pub paper: usize,
    pub focus: Pane,
    /// First line of the detail pane shown.
    pub scroll: usize,
    /// The tweet marked with `>`; without one, the tweet in view is the marked one.
    pub tweet: Option<usize>,
    /// First row shown in the day list (rows count newest first).
    pub days_offset: usize,
    /// First row shown in the paper list (rows in display order).
    pub papers_offset: usize,
    pub sort: Sort,
    /// Categories to show; empty shows all.
    pub filter: BTreeSet<String>,
    /// Built in the background; search waits for it.
    pub index: Option<IndexHandle>,
    /// The last search's results, for `n`/`N`, and which one is shown.
    pub results: Vec<PaperRef>,
    pub result: Option<usize>,
    /// The query of those results, underlined in the paper pane until Esc.
    pub last_query: Option<Query>,
    /// Where `/` was opened (day, paper key, focus), to return to on Esc. By date and key, not
    /// position: the archive can be replaced while the box is open.
    pub before_search: Option<(chrono::NaiveDate, crate::archive::PaperKey, Pane)>,
    pub width: u16,
    pub height: u16,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub quit: bool,
    pub theme: Theme,
    pub keymap: super::keymap::Keymap,
    /// Keys (see `state::key`) of papers read and starred (with when).
    pub read: HashSet<crate::archive::PaperKey>,
    pub starred: HashMap<crate::archive::PaperKey, i64>,
    /// Seconds since 1970, for the stars given now; set by the run loop.
    pub now: i64,
    /// While the archive is read in the background: posts read, of how many.
    pub loading: Option<(usize, usize)>,
}

impl App {
    pub fn new(archive: impl Into<Arc<Archive>>, theme: Theme) -> App {
        let archive = archive.into();
        let day = archive.days.len().saturating_sub(1);
        App {
            archive,
            day,
            paper: 0,
            focus: Pane::Papers,
            scroll: 0,
            tweet: None,
            days_offset: 0,
            papers_offset: 0,
            sort: Sort::Rank,
            filter: BTreeSet::new(),
            index: None,
            results: Vec::new(),
            result: None,
            last_query: None,
            before_search: None,
            width: 80,
            height: 24,
            overlay: None,
            status: None,
            quit: false,
            theme,
            keymap: Default::default(),
            read: HashSet::new(),
            starred: HashMap::new(),
            now: 0,
            loading: None,
        }
    }

    pub fn current_day(&self) -> Option<&Day> {
        self.archive.days.get(self.day)
    }

    /// The selected paper, if it is listed (the category filter can hide every paper of a day;
    /// the search box previews results whatever the filter).
    pub fn current_paper(&self) -> Option<&Paper> {
        let p = self.current_day()?.papers.get(self.paper)?;
        (self.shows(p) || matches!(self.overlay, Some(Overlay::Search(_)))).then_some(p)
    }

    /// The paper of `key` on `date`'s day, or failing that that day (or the nearest one).
    pub fn locate(
        &self,
        date: chrono::NaiveDate,
        key: &crate::archive::PaperKey,
    ) -> Option<PaperRef> {
        let day = self.archive.nearest_day(date)?;
        let paper = self.archive.days[day]
            .papers
            .iter()
            .position(|p| p.key == *key);
        Some(PaperRef {
            day,
            paper: paper.unwrap_or(usize::MAX),
        })
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.width, self.height)
    }

    /// True when the category filter lets `p` through.
    pub fn shows(&self, p: &Paper) -> bool {
        self.filter.is_empty() || p.categories.iter().any(|c| self.filter.contains(c))
    }

    /// The selected day's papers as listed: filtered, then in the chosen order (rank breaks ties).
    pub fn order(&self) -> Vec<usize> {
        self.order_of(self.day)
    }

    /// Day `d`'s papers as its list would show them.
    pub fn order_of(&self, d: usize) -> Vec<usize> {
        let Some(day) = self.archive.days.get(d) else {
            return Vec::new();
        };
        let mut order: Vec<usize> = (0..day.papers.len())
            .filter(|&i| self.shows(&day.papers[i]))
            .collect();
        if self.sort != Sort::Rank {
            order.sort_by_key(|&i| std::cmp::Reverse(self.sort.key(&day.papers[i])));
        }
        order
    }

    /// The row of the selected paper in the list, if it is listed.
    pub fn paper_row(&self) -> Option<usize> {
        self.order().iter().position(|&i| i == self.paper)
    }

    /// The row of the selected day in the newest-first list.
    pub fn day_row(&self) -> usize {
        self.archive
            .days
            .len()
            .saturating_sub(1)
            .saturating_sub(self.day)
    }

    /// The day shown on `row` of the newest-first list.
    pub fn day_at_row(&self, row: usize) -> Option<usize> {
        self.archive.days.len().checked_sub(1)?.checked_sub(row)
    }

    pub fn set_status(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    pub fn is_read(&self, p: &Paper) -> bool {
        self.read.contains(&p.key)
    }

    pub fn is_starred(&self, p: &Paper) -> bool {
        self.starred.contains_key(&p.key)
    }

    /// Unread papers of day `d` (all of them, not just those the filter shows).
    pub fn unread(&self, d: usize) -> usize {
        self.archive.days.get(d).map_or(0, |day| {
            day.papers.iter().filter(|p| !self.is_read(p)).count()
        })
    }

    /// The paper whose abstract is on screen now, if it is not read yet: what the read timer
    /// waits on.
    pub fn unread_on_screen(&self) -> Option<crate::archive::PaperKey> {
        let visible = match (self.areas().mode, &self.overlay) {
            (layout::Mode::Wide, None | Some(Overlay::Search(_))) => true,
            (layout::Mode::Narrow, None) => self.focus == Pane::Paper,
            _ => false,
        };
        let p = self.current_paper().filter(|_| visible)?;
        (!self.is_read(p)).then(|| p.key.clone())
    }

    /// What the keys mean right now.
    pub fn mode(&self) -> super::keymap::Mode {
        use super::keymap::Mode;
        match &self.overlay {
            None => Mode::Normal,
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Search(_)) => Mode::Search,
            Some(Overlay::Categories(_)) => Mode::Categories,
            Some(Overlay::Leaderboard(_)) => Mode::Leaderboard,
            Some(Overlay::Starred(_)) => Mode::Starred,
        }
    }
}
