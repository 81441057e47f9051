//! The category filter (`c`): every category with its paper count, most common first; the
//! chosen ones are shown. Its trend key shows them over time, over the box.

use std::collections::BTreeSet;

use ratatui::layout::Rect;

use super::category_trend::CategoryTrends;
use super::component::{Component, Handled, hint_line};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::reselect;
use crate::tui::core::state::Reader;
use crate::tui::key::{Key, KeyName};
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct CategoryBox {
    /// Every category in the archive with its paper count, most common first.
    pub categories: Vec<(String, usize)>,
    pub chosen: BTreeSet<String>,
    pub cursor: ListCursor,
    /// What has been typed to find a category (letters the box's keys leave free).
    pub find: String,
    /// Only papers tweeted by accounts you follow.
    pub followed: bool,
    /// The categories over time, over the box while open.
    pub over_time: Option<CategoryTrends>,
}

impl CategoryBox {
    /// The box over `r`'s archive, or `None` (and a word why) when no paper has a category.
    pub fn open(r: &mut Reader) -> Option<CategoryBox> {
        let categories: Vec<(String, usize)> = crate::search::trend::categories(&r.archive)
            .into_iter()
            .map(|(c, n)| (c, usize::try_from(n).unwrap_or(usize::MAX)))
            .collect();
        if categories.is_empty() {
            r.warn("No paper has a category");
            return None;
        }
        Some(CategoryBox {
            categories,
            chosen: r.filter.clone(),
            cursor: ListCursor::default(),
            find: String::new(),
            followed: r.followed_only,
            over_time: None,
        })
    }
}

/// The trend key when it is a letter and the only key: while a category's name is being
/// typed, that letter is one more of it (`st` finds stat.ML; `t` first opens the trends).
fn trend_letter(km: &Keymap) -> Option<char> {
    match km.keys(Scope::Categories, Command::Trend).as_slice() {
        [
            Key {
                name: KeyName::Char(c),
                ctrl: false,
                alt: false,
            },
        ] => Some(*c),
        _ => None,
    }
}

fn apply(r: &mut Reader, chosen: BTreeSet<String>, followed: bool) -> Handled {
    r.filter = chosen;
    r.followed_only = followed;
    reselect(r);
    let by = if followed {
        ", tweeted by accounts you follow"
    } else {
        ""
    };
    if r.filter.is_empty() {
        r.tell(match followed {
            true => format!("Showing every category{by}"),
            false => "Showing every category".to_string(),
        });
    } else {
        let list: Vec<&str> = r.filter.iter().map(String::as_str).collect();
        let text = format!("Showing only {}{by}", list.join(", "));
        r.tell(text);
    }
    Handled::close()
}

impl Component for CategoryBox {
    fn scope(&self) -> Scope {
        match &self.over_time {
            Some(v) => v.scope(),
            None => Scope::Categories,
        }
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        if let Some(v) = self.over_time.as_mut() {
            // Its Back comes back to the filter.
            let done = v.handle(r, command);
            if done.close {
                self.over_time = None;
            }
            return Handled::stay().with(done.effects);
        }
        if command == Command::Trend && !self.find.is_empty() {
            if let Some(c) = trend_letter(&r.keymap) {
                return self.typed(r, c);
            }
        }
        let rows = layout::inner_height(layout::picker_area(&r.areas(), self.categories.len()));
        // Any key of the box ends what was being typed.
        self.find.clear();
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => return apply(r, std::mem::take(&mut self.chosen), self.followed),
            Command::ClearFilter => return apply(r, BTreeSet::new(), false),
            Command::FollowedOnly if r.follow.is_empty() => {
                r.warn("You follow no one: add follow = [\"handle\", …] to the config file");
            }
            Command::FollowedOnly => self.followed = !self.followed,
            Command::Trend => {
                let v = CategoryTrends::open(r, &self.categories, &self.chosen);
                self.over_time = Some(v);
            }
            Command::ToggleCategory => {
                if let Some((c, _)) = self.categories.get(self.cursor.selected) {
                    if !self.chosen.remove(c) {
                        self.chosen.insert(c.clone());
                    }
                }
            }
            other => {
                self.cursor.apply(other, self.categories.len(), rows);
            }
        }
        self.cursor.fit(rows);
        Handled::stay()
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        // The categories over time have no rows to click.
        match self.over_time {
            Some(_) => None,
            None => Some((self.cursor, self.categories.len(), 0)),
        }
    }

    /// Type-to-find: the first category starting with what was typed (else holding it),
    /// ignoring case.
    fn typed(&mut self, r: &mut Reader, c: char) -> Handled {
        if self.over_time.is_some() {
            return Handled::stay();
        }
        self.find.push(c);
        let want = self.find.to_lowercase();
        let names = || self.categories.iter().map(|(n, _)| n.to_lowercase());
        let found = names()
            .position(|n| n.starts_with(&want))
            .or_else(|| names().position(|n| n.contains(&want)));
        match found {
            Some(i) => self.cursor.selected = i,
            None => r.warn(format!("No category has {:?}", self.find)),
        }
        let rows = layout::inner_height(layout::picker_area(&r.areas(), self.categories.len()));
        self.cursor.fit(rows);
        Handled::stay()
    }

    fn area(&self, r: &Reader, a: &Areas) -> Rect {
        match &self.over_time {
            Some(v) => v.area(r, a),
            None => layout::picker_area(a, self.categories.len()),
        }
    }

    fn hints(&self, km: &Keymap) -> String {
        if let Some(v) = &self.over_time {
            return v.hints(km);
        }
        let k = |c| km.hint(Scope::Categories, c);
        hint_line(&[
            (k(Command::ToggleCategory), "chooses"),
            (k(Command::Enter), "applies"),
        ])
    }

    fn keep_after_swap(&mut self, _r: &mut Reader) -> bool {
        true
    }
}
