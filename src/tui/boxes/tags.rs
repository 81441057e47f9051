//! The tags box (`#`): your tags with how many papers have each; Enter lists a tag's papers
//! (each at its latest listing, newest first), Enter again goes to one, Esc steps back.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::search::PaperRef;
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::{Drill, ListCursor};
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::go_to;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct TagsBox {
    /// Every tag with its papers in the archive, by name ignoring case.
    pub tags: Vec<(String, Vec<PaperRef>)>,
    /// The tags, and the tag whose papers are listed.
    pub drill: Drill,
}

impl TagsBox {
    /// The tags, or `None` (and how to tag) when there are none.
    pub fn open(r: &mut Reader) -> Option<TagsBox> {
        let mut by_tag: Vec<(String, Vec<PaperRef>)> = Vec::new();
        for (key, tags) in &r.tags {
            let Some(&at) = r.listings_of(key).last() else {
                continue;
            };
            for t in tags {
                match by_tag.iter_mut().find(|(n, _)| n.eq_ignore_ascii_case(t)) {
                    Some((_, papers)) => papers.push(at),
                    None => by_tag.push((t.clone(), vec![at])),
                }
            }
        }
        if by_tag.is_empty() {
            let text = r
                .keymap
                .say(Scope::Reader, Command::Tag, "No tags yet", |k| {
                    format!(": {k} tags the selected paper")
                });
            r.tell(text);
            return None;
        }
        by_tag.sort_by_key(|(n, _)| n.to_lowercase());
        for (_, papers) in &mut by_tag {
            papers.sort_by(|a, b| b.cmp(a));
        }
        Some(TagsBox {
            tags: by_tag,
            drill: Drill::default(),
        })
    }

    /// The rows shown: the tags, or the open tag's papers.
    pub fn rows(&self) -> usize {
        match self.drill.inner {
            Some((t, _)) => self.tags[t].1.len(),
            None => self.tags.len(),
        }
    }
}

impl Component for TagsBox {
    fn scope(&self) -> Scope {
        Scope::Tags
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let page = layout::board_rows(&r.areas());
        let n = self.rows();
        match (command, self.drill.inner) {
            (Command::Back, Some(_)) => self.drill.inner = None,
            (Command::Back, None) => return Handled::close(),
            (Command::Enter, None) => {
                if self.drill.outer.selected < self.tags.len() {
                    self.drill.open();
                }
            }
            (Command::Enter, Some((t, c))) => {
                let (name, papers) = &self.tags[t];
                if let Some(&to) = papers.get(c.selected) {
                    let note = go_to(r, to);
                    r.tell(format!(
                        "Tagged {name}: paper {} of {}{note}",
                        c.selected + 1,
                        papers.len()
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
        Some((self.drill.cursor(), self.rows(), 0))
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Tags, c);
        match self.drill.inner {
            None => hint_line(&[(k(Command::Enter), "lists the tag's papers")]),
            Some(_) => hint_line(&[
                (k(Command::Enter), "goes to the paper"),
                (k(Command::Back), "back to the tags"),
            ]),
        }
    }
}
