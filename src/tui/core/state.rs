//! The reader's state under the boxes: panes, marks, the last search, the keys. Changed only by
//! `update`; read by the view and by tests through the accessors.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use crate::archive::{Archive, Day, Paper, PaperKey};
use crate::search::{PaperRef, Query};

use super::handles::{IndexHandle, PeopleHandle, SimilarHandle};
use super::layout::{self, Areas};
use super::notice::{Level, Notice};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Days,
    Papers,
    Paper,
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

pub use super::window::Window;

/// The other listings the paper pane shows at most; a line says how many more there are.
pub const MAX_ALSO: usize = 5;

/// Everything but the box drawn over the reader: the panes, the marks, the last search, the
/// keys. Boxes get this to change while they handle a command, so that they and the reader
/// are separate borrows and no box is ever taken out of the app and put back.
pub struct Reader {
    pub(crate) archive: Arc<Archive>,
    /// Index into `archive.days` (oldest first); the day list shows them newest first.
    pub(crate) day: usize,
    /// Index into the selected day's papers.
    pub(crate) paper: usize,
    pub(crate) focus: Pane,
    /// First line of the paper pane shown.
    pub(crate) scroll: usize,
    /// The tweet marked with `>`; without one, the tweet in view is the marked one.
    pub(crate) tweet: Option<usize>,
    /// First row shown in the day list (rows count newest first).
    pub(crate) days_offset: usize,
    /// First row shown in the paper list (rows in display order).
    pub(crate) papers_offset: usize,
    pub(crate) sort: Sort,
    /// Categories to show; empty shows all.
    pub(crate) filter: BTreeSet<String>,
    /// Built in the background; search waits for it.
    pub(crate) index: Option<IndexHandle>,
    /// The similarity engine (`=`), once built (see `Effect::Similar`).
    pub(crate) similar: Option<SimilarHandle>,
    /// The engine was asked for, for this archive.
    pub(crate) similar_asked: bool,
    /// Who tweeted (`people`) was asked for, for this archive.
    pub(crate) people_asked: bool,
    /// What to open once it arrives: `=` or its like pressed before it was there.
    pub(crate) similar_wanted: Option<crate::tui::command::Command>,
    /// The last search's results, for `n`/`N`, and which one is shown.
    pub(crate) results: Vec<PaperRef>,
    pub(crate) result: Option<usize>,
    /// The query of those results, underlined in the paper pane until Esc.
    pub(crate) last_query: Option<Query>,
    pub(crate) width: u16,
    pub(crate) height: u16,
    pub(crate) notice: Option<Notice>,
    pub(crate) quit: bool,
    pub(crate) theme: Theme,
    pub(crate) keymap: Keymap,
    pub(crate) read: HashSet<PaperKey>,
    /// Starred papers with when they were starred.
    pub(crate) starred: HashMap<PaperKey, i64>,
    /// Your tags and notes of papers, as the state had them at start.
    pub(crate) tags: HashMap<PaperKey, Vec<String>>,
    pub(crate) notes: HashMap<PaperKey, String>,
    /// Papers marked not for me (`X`): For you learns from them.
    pub(crate) not_for_me: std::collections::HashSet<PaperKey>,
    /// The clock, seconds since 1970, as the runtime last said.
    pub(crate) now: i64,
    /// While the archive is read in the background: posts read, of how many.
    pub(crate) loading: Option<(usize, usize)>,
    /// Every listing of each paper, built when first asked for (once per archive: see
    /// `core::listed`).
    pub(crate) listings: std::sync::OnceLock<Arc<crate::search::Listings>>,
    /// Who tweeted about what (the People box), built in the background after the index.
    pub(crate) people: Option<PeopleHandle>,
    /// The day list's rows with month headings and gap markers (once per archive).
    pub(crate) day_rows: std::sync::OnceLock<Vec<super::day_rows::DayRow>>,
    /// The paper pane's text, wrapped once per paper and width (`detail_cache`).
    pub(crate) detail_cache: super::measure::DetailCache,
    /// The shown papers' abstracts and tweets, read back from their posts (`core::texts`).
    pub(crate) texts: super::texts_read::Shown,
    /// Every title, for the fuzzy finder, built when first asked for (once per archive).
    pub(crate) titles: std::sync::OnceLock<crate::search::TitleFinder>,
    /// The searches made, newest first (kept in the state database).
    pub(crate) queries: Vec<String>,
    /// This session's last marking of many, to undo.
    pub(crate) undo: Option<Vec<PaperKey>>,
    /// Whether a marking of many can be undone (this session's, or one the database kept).
    pub(crate) undo_pending: bool,
    /// A count typed before a command (`5` of `5j`), shown in the footer until used.
    pub(crate) count: Option<u32>,
    /// The leaderboard's window and measure, as last chosen this session.
    pub(crate) board: Option<(Window, crate::search::Measure)>,
    /// The paper last marked read or unread by hand: the read timer leaves it alone until the
    /// reader moves to another paper.
    pub(crate) hand_marked: Option<PaperKey>,
    /// Whether the search box shows its preview: the selected paper is shown whatever the
    /// category filter says.
    pub(crate) previewing: bool,
    /// The watch lists above the day list, and the config file's (kept to merge with the
    /// state's when it is read).
    pub(crate) watches: Vec<super::watch_list::WatchList>,
    pub(crate) config_watches: Vec<crate::config::Watch>,
    /// The watch list selected in the day list, instead of a day.
    pub(crate) watch_row: Option<usize>,
    /// The accounts followed (the config's `follow`), lowercased: their papers are marked.
    pub(crate) follow: Vec<String>,
    /// The filter shows only papers tweeted by followed accounts.
    pub(crate) followed_only: bool,
}

impl Reader {
    pub fn new(archive: impl Into<Arc<Archive>>, theme: Theme, keymap: Keymap) -> Reader {
        let archive = archive.into();
        let day = archive.days.len().saturating_sub(1);
        Reader {
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
            similar: None,
            similar_asked: false,
            people_asked: false,
            similar_wanted: None,
            people: None,
            results: Vec::new(),
            result: None,
            last_query: None,
            width: 80,
            height: 24,
            notice: None,
            quit: false,
            theme,
            keymap,
            read: HashSet::new(),
            starred: HashMap::new(),
            tags: HashMap::new(),
            notes: HashMap::new(),
            not_for_me: Default::default(),
            now: 0,
            loading: None,
            previewing: false,
            watches: Vec::new(),
            config_watches: Vec::new(),
            watch_row: None,
            follow: Vec::new(),
            followed_only: false,
            hand_marked: None,
            board: None,
            count: None,
            listings: std::sync::OnceLock::new(),
            titles: std::sync::OnceLock::new(),
            day_rows: std::sync::OnceLock::new(),
            detail_cache: Default::default(),
            texts: Default::default(),
            queries: Vec::new(),
            undo: None,
            undo_pending: false,
        }
    }

    pub fn archive(&self) -> &Arc<Archive> {
        &self.archive
    }

    pub fn current_day(&self) -> Option<&Day> {
        self.archive.days.get(self.day).map(|d| &**d)
    }

    /// The selected paper, if it is listed (the category filter can hide every paper of a day;
    /// the search box previews results whatever the filter).
    pub fn current_paper(&self) -> Option<&Paper> {
        let p = self.current_day()?.papers.get(self.paper)?;
        (self.shows(p) || self.previewing).then_some(p)
    }

    /// The selected day's index in the archive (oldest first).
    pub fn day_index(&self) -> usize {
        self.day
    }

    /// The selected paper's index in its day.
    pub fn paper_index(&self) -> usize {
        self.paper
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The tweet marked with `>`, if any.
    pub fn marked(&self) -> Option<usize> {
        self.tweet
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    pub fn filter(&self) -> &BTreeSet<String> {
        &self.filter
    }

    pub fn index(&self) -> Option<&IndexHandle> {
        self.index.as_ref()
    }

    /// The results `n` and `N` go through.
    pub fn results(&self) -> &[PaperRef] {
        &self.results
    }

    pub fn last_query(&self) -> Option<&Query> {
        self.last_query.as_ref()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn quitting(&self) -> bool {
        self.quit
    }

    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The count typed so far for the next command.
    pub fn count(&self) -> Option<u32> {
        self.count
    }

    pub fn loading(&self) -> Option<(usize, usize)> {
        self.loading
    }

    pub fn read_keys(&self) -> &HashSet<PaperKey> {
        &self.read
    }

    pub fn starred_keys(&self) -> &HashMap<PaperKey, i64> {
        &self.starred
    }

    /// The paper of `key` on `date`'s day (its index, if it is there), or failing that that
    /// day, or the nearest one.
    pub fn locate(
        &self,
        date: chrono::NaiveDate,
        key: Option<&PaperKey>,
    ) -> Option<(usize, Option<usize>)> {
        let day = self.archive.nearest_day(date)?;
        let papers = &self.archive.days[day].papers;
        let paper = key.and_then(|k| papers.iter().position(|p| p.key == *k));
        Some((day, paper))
    }

    pub fn areas(&self) -> Areas {
        layout::with_watches(layout::areas(self.width, self.height), self.watches.len())
    }

    /// The watch lists shown above the day list.
    pub fn watches(&self) -> &[super::watch_list::WatchList] {
        &self.watches
    }

    /// The watch list selected in the day list, if one is (rather than a day).
    pub fn watch_row(&self) -> Option<usize> {
        self.watch_row
    }

    /// True when the category filter (and the followed-only filter) lets `p` through.
    pub fn shows(&self, p: &Paper) -> bool {
        (self.filter.is_empty()
            || p.categories
                .iter()
                .any(|c| self.filter.contains(c.as_str())))
            && (!self.followed_only || self.is_followed(p))
    }

    /// Whether an account you follow tweeted about `p`.
    pub fn is_followed(&self, p: &Paper) -> bool {
        !self.follow.is_empty()
            && p.tweets.iter().any(|t| {
                let h = t.handle.trim().trim_start_matches('@');
                self.follow.iter().any(|f| f.eq_ignore_ascii_case(h))
            })
    }

    /// Whether `p` has a link to its code (known once the index is built).
    pub fn has_code(&self, p: &Paper) -> bool {
        self.index.as_ref().is_some_and(|h| h.code.contains(&p.key))
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

    pub fn is_read(&self, p: &Paper) -> bool {
        self.read.contains(&p.key)
    }

    pub fn is_starred(&self, p: &Paper) -> bool {
        self.starred.contains_key(&p.key)
    }

    pub fn has_note(&self, p: &Paper) -> bool {
        self.notes.contains_key(&p.key)
    }

    /// Unread papers of day `d` (all of them, not just those the filter shows).
    pub fn unread(&self, d: usize) -> usize {
        self.archive.days.get(d).map_or(0, |day| {
            day.papers.iter().filter(|p| !self.is_read(p)).count()
        })
    }

    /// The paper at `r`, if the archive has it.
    pub fn paper_at(&self, r: PaperRef) -> Option<(&Day, &Paper)> {
        let day = self.archive.days.get(r.day)?;
        Some((day, day.papers.get(r.paper)?))
    }

    pub(crate) fn tell(&mut self, text: impl Into<String>) {
        self.say(Level::Info, text.into());
    }

    pub(crate) fn warn(&mut self, text: impl Into<String>) {
        self.say(Level::Error, text.into());
    }

    pub(crate) fn say(&mut self, level: Level, text: String) {
        self.notice = Some(Notice {
            level,
            text,
            since: self.now,
        });
    }

    /// The day list's rows as shown, newest first (computed once per archive: every move and
    /// every frame asks).
    pub fn day_rows(&self) -> &[super::day_rows::DayRow] {
        self.day_rows
            .get_or_init(|| super::day_rows::day_rows(&self.archive.days))
    }

    /// The fuzzy finder over the archive's titles.
    pub fn titles(&self) -> &crate::search::TitleFinder {
        self.titles
            .get_or_init(|| crate::search::TitleFinder::build(&self.archive))
    }

    /// Width of the text inside the paper pane: one column for the tweet marker, one of margin.
    pub fn detail_width(&self) -> usize {
        layout::inner_width(self.areas().detail).saturating_sub(2)
    }
}
