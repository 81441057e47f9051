//! The People box (`P`): the accounts that tweeted about the most papers in a window of days
//! ending at the selected day (week, month, year or all, as the leaderboard), with how many of
//! their papers you starred; Enter lists an account's papers, Enter again goes to one.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::search::{PaperRef, Tweeter};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::{Drill, ListCursor};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::{Reader, Window};
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct PeopleBox {
    pub window: Window,
    pub people: Vec<Tweeter>,
    /// The accounts, and the account whose papers are listed.
    pub drill: Drill,
    /// The open account's papers, newest first.
    pub papers: Vec<PaperRef>,
}

impl PeopleBox {
    /// The box over the window the leaderboard last had (a month at first), or `None` and a
    /// word on why (no tweets). Before the people are counted (in the background, after the
    /// index) the box opens saying so, and fills when they are.
    pub fn open(r: &mut Reader) -> Option<PeopleBox> {
        let window = r.board.map_or(Window::Month, |(w, _)| w);
        let mut b = PeopleBox {
            window,
            people: Vec::new(),
            drill: Drill::default(),
            papers: Vec::new(),
        };
        if r.people.is_none() {
            return Some(b);
        }
        b.rank(r);
        if b.people.is_empty() && window == Window::All {
            r.tell("No tweets in the archive");
            return None;
        }
        Some(b)
    }

    fn rank(&mut self, r: &Reader) {
        let Some(handle) = &r.people else { return };
        let (since, until) = self.window.span(r.current_day().map(|d| d.date));
        self.people = handle.people.ranked_marking(since, until, r.starred.keys());
        self.drill = Drill::default();
    }

    /// The papers of the account on row `i`, in the window.
    fn papers_of(&self, r: &Reader, i: usize) -> Vec<PaperRef> {
        let (Some(handle), Some(who)) = (&r.people, self.people.get(i)) else {
            return Vec::new();
        };
        let (since, until) = self.window.span(r.current_day().map(|d| d.date));
        let papers = handle.people.papers_of(who, since, until);
        papers.into_iter().map(|(at, _)| at).collect()
    }

    /// The rows shown: the accounts, or the open account's papers.
    pub fn rows(&self) -> usize {
        match self.drill.inner {
            Some(_) => self.papers.len(),
            None => self.people.len(),
        }
    }
}

impl Component for PeopleBox {
    fn scope(&self) -> Scope {
        Scope::People
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let page = layout::board_rows(&r.areas());
        let n = self.rows();
        match (command, self.drill.inner) {
            (Command::Back, Some(_)) => self.drill.inner = None,
            (Command::Back, None) => return Handled::close(),
            (Command::CycleWindow, _) => {
                self.window = self.window.next();
                let measure = r.board.map_or(Default::default(), |(_, m)| m);
                r.board = Some((self.window, measure));
                self.rank(r);
            }
            (Command::Enter, None) => {
                self.papers = self.papers_of(r, self.drill.outer.selected);
                if !self.papers.is_empty() {
                    self.drill.open();
                }
            }
            (Command::Enter, Some((who, c))) => {
                if let Some(&to) = self.papers.get(c.selected) {
                    let handle = self.people[who].handle.clone();
                    let note = go_to(r, to);
                    r.tell(format!(
                        "Tweeted by @{handle}: paper {} of {}{note}",
                        c.selected + 1,
                        self.papers.len()
                    ));
                }
                return Handled::close();
            }
            (other, _) => {
                self.drill.apply(other, n, page);
            }
        }
        Handled::stay()
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        Some((self.drill.cursor(), self.rows(), 1))
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::People, c);
        match self.drill.inner {
            None => hint_line(&[
                (k(Command::CycleWindow), "window"),
                (k(Command::Enter), "lists the account's papers"),
            ]),
            Some(_) => hint_line(&[
                (k(Command::Enter), "goes to the paper"),
                (k(Command::Back), "back to the accounts"),
            ]),
        }
    }

    fn people_ready(&mut self, r: &mut Reader) {
        self.rank(r);
    }

    fn keep_after_swap(&mut self, _r: &mut Reader) -> bool {
        false
    }
}
