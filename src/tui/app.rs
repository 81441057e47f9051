//! The reader's state. Changed only by `update`; read by the widgets.

use crate::archive::{Archive, Day, Paper};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
}

pub struct App {
    pub archive: Archive,
    /// Index into `archive.days` (oldest first); the day list shows them newest first.
    pub day: usize,
    /// Index into the selected day's papers.
    pub paper: usize,
    pub focus: Pane,
    /// First line of the detail pane shown.
    pub scroll: usize,
    /// The tweet marked with `T`; without one, the tweet in view is the marked one.
    pub tweet: Option<usize>,
    /// First row shown in the day list (rows count newest first).
    pub days_offset: usize,
    pub papers_offset: usize,
    pub width: u16,
    pub height: u16,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub quit: bool,
    pub theme: Theme,
}

impl App {
    pub fn new(archive: Archive, theme: Theme) -> App {
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
            width: 80,
            height: 24,
            overlay: None,
            status: None,
            quit: false,
            theme,
        }
    }

    pub fn current_day(&self) -> Option<&Day> {
        self.archive.days.get(self.day)
    }

    pub fn current_paper(&self) -> Option<&Paper> {
        self.current_day()?.papers.get(self.paper)
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.width, self.height)
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
}
