//! The go-to prompt (`:`): a day, a month, `latest`, or a paper by its arXiv id or link; what
//! it cannot read is explained as you type.

use ratatui::layout::Rect;

use super::component::{Component, Handled, edit_prompt};
use crate::search::{GotoError, Target, find_paper, month_start, parse_target};
use crate::tui::command::{Command, Scope};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::{go_to, nearest_day, select_day};
use crate::tui::core::state::{Pane, Reader};
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone, Default)]
pub struct GoToBox {
    pub input: String,
}

impl GoToBox {
    /// What the input means, or why it means nothing.
    pub fn target(&self) -> Result<Target, GotoError> {
        parse_target(&self.input)
    }

    /// Goes where the input says: true when it went, else the box stays with the reason.
    fn go(&self, r: &mut Reader) -> bool {
        let target = match self.target() {
            Ok(t) => t,
            Err(e) => {
                r.warn(e.to_string());
                return false;
            }
        };
        let Some(last) = r.archive.days.len().checked_sub(1) else {
            r.warn("The archive has no posts");
            return false;
        };
        match target {
            Target::Latest => show(r, last, None),
            Target::Day(date) => {
                let (day, note) = nearest_day(r, date).unwrap_or((last, None));
                show(r, day, note);
            }
            Target::Month { year, month } => match month_start(&r.archive, year, month) {
                Some(day) => show(r, day, None),
                None => {
                    r.warn(format!("No post in {year}-{month:02} or after it"));
                    return false;
                }
            },
            Target::Paper(id) => match find_paper(&r.archive, &id) {
                Some(at) => {
                    let note = go_to(r, at);
                    let date = r.archive.days[at.day].date;
                    r.tell(format!("{id}: its latest listing, {date}{note}"));
                }
                None => {
                    r.warn(format!("{id} is not in the archive"));
                    return false;
                }
            },
        }
        true
    }
}

/// Shows day `day` from its first paper, saying `note` if there is one, else the day.
fn show(r: &mut Reader, day: usize, note: Option<String>) {
    select_day(r, day);
    if r.focus == Pane::Days || r.areas().shape == layout::Shape::Narrow {
        r.focus = Pane::Papers;
    }
    let date = r.archive.days[day].date;
    r.tell(note.unwrap_or_else(|| date.format("%a %Y-%m-%d").to_string()));
}

impl Component for GoToBox {
    fn scope(&self) -> Scope {
        Scope::GoTo
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        match command {
            Command::Back => return Handled::close(),
            Command::Enter if self.go(r) => return Handled::close(),
            c => {
                edit_prompt(&mut self.input, c);
            }
        }
        Handled::stay()
    }

    fn typed(&mut self, _r: &mut Reader, c: char) -> Handled {
        self.input.push(c);
        Handled::stay()
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::prompt_area(a)
    }

    fn hints(&self, _km: &Keymap) -> String {
        " 2021-03-01  2021-03  latest  2201.04182  arXiv:…  an abs or pdf link ".to_string()
    }
}
