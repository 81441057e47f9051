//! The shown paper's abstract and tweets, read back from its post. Once the archive is
//! indexed the reader keeps it without its papers' long texts (see `archive::texts`): the
//! runtime hands over the lighter archive (`Event::TextsLeft`), and whenever the paper pane
//! shows a paper without them, `update` asks for its post to be read (`Effect::ReadTexts`),
//! and keeps what comes back (`Event::TextsRead`) for the last few days shown.

use std::borrow::Cow;
use std::sync::Arc;

use super::effect::Effect;
use super::state::Reader;
use super::texts_read::KEPT;
pub use super::texts_read::{Infos, Shown, TextsRead};
use crate::archive::{Archive, Day, Paper};
use crate::tui::command::{Command, Scope};

impl Reader {
    /// The paper the paper pane shows, with its abstract and tweets when it left them in its
    /// post and they have been read back.
    pub fn shown_paper(&self) -> Option<Cow<'_, Paper>> {
        let p = self.current_paper()?;
        if p.holds_texts() {
            return Some(Cow::Borrowed(p));
        }
        let day = self.archive.days.get(self.day)?;
        let full = self
            .texts
            .read
            .iter()
            .find(|t| Arc::ptr_eq(&t.day, day))
            .and_then(|t| t.infos.as_ref().ok()?.get(self.paper)?.clone());
        Some(match full {
            Some(info) => Cow::Owned(Paper { info, ..p.clone() }),
            None => Cow::Borrowed(p),
        })
    }

    /// Whether `archive` is the reader's, or the one it had before its texts left.
    pub(crate) fn describes(&self, archive: &Arc<Archive>) -> bool {
        Arc::ptr_eq(archive, &self.archive)
            || self
                .texts
                .heavier
                .as_ref()
                .is_some_and(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(archive)))
    }
}

/// The read to ask for now: the shown paper's post, when the paper left its texts there and
/// they are neither read nor asked for.
pub fn wanted(r: &mut Reader) -> Option<Effect> {
    let root = r.archive.root.clone()?;
    let p = r.current_paper()?;
    if p.holds_texts() {
        return None;
    }
    let day = Arc::clone(r.archive.days.get(r.day)?);
    let known = r.texts.read.iter().any(|t| Arc::ptr_eq(&t.day, &day))
        || r.texts.asked.as_ref().is_some_and(|a| Arc::ptr_eq(a, &day));
    if known {
        return None;
    }
    r.texts.asked = Some(Arc::clone(&day));
    Some(Effect::ReadTexts { root, day })
}

/// Takes in a day's texts; a post that could not be read is said, and not asked for again
/// while it is kept.
pub fn arrived(r: &mut Reader, read: TextsRead) {
    if r.texts
        .asked
        .as_ref()
        .is_some_and(|a| Arc::ptr_eq(a, &read.day))
    {
        r.texts.asked = None;
    }
    match &read.infos {
        Err(e) => r.warn(format!("Cannot show the abstract and tweets: {e}")),
        Ok(infos) => {
            let changed = read
                .day
                .papers
                .iter()
                .zip(infos)
                .any(|(p, full)| !p.holds_texts() && full.is_none());
            if changed {
                let text = r.keymap.say(
                    Scope::Reader,
                    Command::Reload,
                    "The post changed since it was read",
                    |k| format!(": {k} reads it again"),
                );
                r.warn(text);
            }
        }
    }
    r.texts.read.retain(|t| !Arc::ptr_eq(&t.day, &read.day));
    r.texts.read.insert(0, read);
    r.texts.read.truncate(KEPT);
}

/// After a swap to an archive from the cache (which keeps no texts): the day shown keeps the
/// texts it had in `before`, the same post read for the first screen, so that the pane does
/// not blink to "reading…" and back.
pub fn carried(r: &mut Reader, before: Option<Arc<Day>>) {
    let (Some(old), Some(day)) = (before, r.archive.days.get(r.day).cloned()) else {
        return;
    };
    let lacks = day.papers.iter().any(|p| !p.holds_texts());
    if !lacks || old.date != day.date || r.texts.read.iter().any(|t| Arc::ptr_eq(&t.day, &day)) {
        return;
    }
    let infos = crate::archive::texts_from(&day, &old);
    // Not when the post changed in between: its texts are read from the file, and said.
    let all = infos
        .iter()
        .zip(&day.papers)
        .all(|(i, p)| p.holds_texts() || i.is_some());
    if !all {
        return;
    }
    r.texts.read.insert(
        0,
        TextsRead {
            day,
            infos: Ok(infos),
        },
    );
    r.texts.read.truncate(KEPT);
}

/// Takes `to`, the reader's archive `from` without its papers' texts, in its place, with the
/// index, people and similar papers made for it; nothing when the reader moved on to another.
pub fn left(r: &mut Reader, from: &Arc<Archive>, to: Arc<Archive>) {
    if !Arc::ptr_eq(&r.archive, from) {
        return;
    }
    for a in [
        r.index.as_mut().map(|h| &mut h.archive),
        r.people.as_mut().map(|h| &mut h.archive),
        r.similar.as_mut().map(|h| &mut h.archive),
    ]
    .into_iter()
    .flatten()
    {
        if Arc::ptr_eq(a, from) {
            *a = Arc::clone(&to);
        }
    }
    // The day shown keeps its texts, from the archive that had them: no "reading…" between.
    if let (Some(was), Some(day)) = (from.days.get(r.day), to.days.get(r.day)) {
        let infos = was
            .papers
            .iter()
            .map(|p| Some(Arc::clone(&p.info)))
            .collect();
        r.texts.read.retain(|t| !Arc::ptr_eq(&t.day, day));
        r.texts.read.insert(
            0,
            TextsRead {
                day: Arc::clone(day),
                infos: Ok(infos),
            },
        );
        r.texts.read.truncate(KEPT);
    }
    r.texts.heavier = Some(Arc::downgrade(from));
    r.archive = to;
}
