//! The tag prompt (`+`): tags for the selected paper, separated by commas, completed from the
//! tags you already have (Tab); `-name` takes a tag off.

use ratatui::layout::Rect;

use super::component::{Component, Handled, edit_prompt};
use crate::archive::PaperKey;
use crate::state::tag_name;
use crate::tui::command::{Command, Scope};
use crate::tui::core::effect::Effect;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct TagBox {
    pub input: String,
    /// The paper being tagged, and its arXiv id (or title) for what is said.
    pub key: PaperKey,
    pub name: String,
}

/// What the input asks: tags to add and tags to take off.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Asked {
    pub add: Vec<String>,
    pub remove: Vec<String>,
}

impl TagBox {
    pub fn open(r: &mut Reader) -> Option<TagBox> {
        let Some(p) = r.current_paper() else {
            r.tell("No paper selected");
            return None;
        };
        Some(TagBox {
            input: String::new(),
            key: p.key.clone(),
            name: p.arxiv_id.as_deref().unwrap_or(&p.title).to_string(),
        })
    }

    /// The input read: each comma-separated part a tag (`-` before it takes it off), or why
    /// one cannot be a tag.
    pub fn asked(&self) -> Result<Asked, String> {
        let mut asked = Asked::default();
        for part in self.input.split(',').filter(|p| !p.trim().is_empty()) {
            let part = part.trim();
            let (list, name) = match part.strip_prefix('-') {
                Some(rest) => (&mut asked.remove, rest),
                None => (&mut asked.add, part),
            };
            list.push(tag_name(name).map_err(|e| e.to_string())?);
        }
        Ok(asked)
    }

    /// The tags you have (on any paper) that the last part of the input starts, ignoring case.
    pub fn completions(&self, r: &Reader) -> Vec<String> {
        let last = self.input.rsplit(',').next().unwrap_or("").trim_start();
        let last = last.strip_prefix('-').unwrap_or(last).to_lowercase();
        let mut all: Vec<String> = r
            .tags
            .values()
            .flatten()
            .filter(|t| t.to_lowercase().starts_with(&last))
            .cloned()
            .collect();
        all.sort_by_key(|t| t.to_lowercase());
        all.dedup_by_key(|t| t.to_lowercase());
        all
    }

    /// Completes the last part of the input as far as the tags it may be agree.
    fn complete(&mut self, r: &Reader) {
        let found = self.completions(r);
        let Some(first) = found.first() else {
            return;
        };
        let common = found.iter().fold(first.clone(), |acc, t| {
            acc.chars()
                .zip(t.chars())
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .map(|(a, _)| a)
                .collect()
        });
        let cut = self.input.rfind(',').map_or(0, |i| i + 1);
        let head = self.input[..cut].to_string();
        let last = self.input[cut..].trim_start();
        let minus = if last.starts_with('-') { "-" } else { "" };
        let space = if cut > 0 { " " } else { "" };
        let done = if found.len() == 1 { ", " } else { "" };
        self.input = format!("{head}{space}{minus}{common}{done}");
    }

    /// Applies the input: the reader's tags change at once, the state through the effects.
    fn apply(&self, r: &mut Reader) -> Option<Vec<Effect>> {
        let asked = match self.asked() {
            Ok(a) if a.add.is_empty() && a.remove.is_empty() => {
                r.warn("Type a tag (or -tag to take one off); commas separate them");
                return None;
            }
            Ok(a) => a,
            Err(why) => {
                r.warn(why);
                return None;
            }
        };
        let tags = r.tags.entry(self.key.clone()).or_default();
        for t in &asked.add {
            if !tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                tags.push(t.clone());
            }
        }
        tags.retain(|x| !asked.remove.iter().any(|t| t.eq_ignore_ascii_case(x)));
        tags.sort_by_key(|t| t.to_lowercase());
        if tags.is_empty() {
            r.tags.remove(&self.key);
        }
        let shown = r
            .tags
            .get(&self.key)
            .map_or(String::new(), |t| t.join(", "));
        r.tell(match shown.is_empty() {
            true => format!("{} has no tags", self.name),
            false => format!("{} tagged {shown}", self.name),
        });
        Some(vec![Effect::SaveTags {
            key: self.key.clone(),
            add: asked.add,
            remove: asked.remove,
            at: r.now,
        }])
    }
}

impl Component for TagBox {
    fn scope(&self) -> Scope {
        Scope::Tag
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                if let Some(effects) = self.apply(r) {
                    return Handled::close().with(effects);
                }
            }
            Command::Complete => self.complete(r),
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

    fn hints(&self, km: &Keymap) -> String {
        match km.hint(Scope::Tag, Command::Complete) {
            Some(k) => format!(" tag, another  -tag takes it off  {k} completes "),
            None => " tag, another  -tag takes it off ".to_string(),
        }
    }
}
