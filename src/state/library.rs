//! The store's methods for your own library: tags, notes, "not for me" marks, watch lists'
//! seen marks, and the whole library as a file. Each change is committed at once; a change of
//! several rows is one transaction, which waits for a second process writing at the same time.

use std::collections::HashSet;

use super::error::StateError;
use super::notes::{self, Note};
use super::store::Store;
use super::tags::{self, tag_name};
use super::transfer::{self, Library, Merged};
use super::watch::{self, SavedWatch, watch_name};
use crate::archive::PaperKey;

impl Store {
    /// Gives the paper `id` the tags `tags` (see `tag_name` for what a tag may be; a refused one
    /// refuses them all), in one transaction. Returns how many of them it did not have yet.
    pub fn add_tags(
        &self,
        id: &PaperKey,
        tags: &[impl AsRef<str>],
        now: i64,
    ) -> Result<usize, StateError> {
        let tags = tags::names(tags)?;
        tags::add(&self.conn, id.as_str(), &tags, now).map_err(|e| self.sql_err(e))
    }

    /// Takes the tags `tags` off the paper `id`, in one transaction. Returns how many it had.
    pub fn remove_tags(
        &self,
        id: &PaperKey,
        tags: &[impl AsRef<str>],
    ) -> Result<usize, StateError> {
        let tags = tags::names(tags)?;
        tags::remove(&self.conn, id.as_str(), &tags).map_err(|e| self.sql_err(e))
    }

    /// The tags of the paper `id`, in order of name (ignoring case).
    pub fn tags_of(&self, id: &PaperKey) -> Result<Vec<String>, StateError> {
        tags::of(&self.conn, id.as_str()).map_err(|e| self.sql_err(e))
    }

    /// Every tag with how many papers have it, in order of name (ignoring case). Of the
    /// spellings a tag was given (`LLM`, `llm`), the one given first is shown.
    pub fn tag_counts(&self) -> Result<Vec<(String, usize)>, StateError> {
        tags::counts(&self.conn).map_err(|e| self.sql_err(e))
    }

    /// The papers with the tag `tag` (ignoring the case of ASCII letters), the ones tagged last
    /// first.
    pub fn tagged(&self, tag: &str) -> Result<Vec<PaperKey>, StateError> {
        let tag = tag_name(tag)?;
        tags::tagged(&self.conn, &tag).map_err(|e| self.sql_err(e))
    }

    /// Sets the note of the paper `id` to `text`, written at `now`. A note of nothing but white
    /// space is no note: it deletes the one there was.
    pub fn set_note(&self, id: &PaperKey, text: &str, now: i64) -> Result<(), StateError> {
        if text.trim().is_empty() {
            return self.delete_note(id).map(|_| ());
        }
        notes::set(&self.conn, id.as_str(), text, now).map_err(|e| self.sql_err(e))
    }

    /// The note of the paper `id`, if it has one.
    pub fn note(&self, id: &PaperKey) -> Result<Option<Note>, StateError> {
        notes::get(&self.conn, id.as_str()).map_err(|e| self.sql_err(e))
    }

    /// Deletes the note of the paper `id`; whether it had one.
    pub fn delete_note(&self, id: &PaperKey) -> Result<bool, StateError> {
        notes::delete(&self.conn, id.as_str()).map_err(|e| self.sql_err(e))
    }

    /// Marks the paper `id` "not for me" (at `now`), or takes the mark away. Marking a paper
    /// marked already keeps the time it was first marked.
    pub fn set_not_for_me(&self, id: &PaperKey, on: bool, now: i64) -> Result<(), StateError> {
        notes::mark_not_for_me(&self.conn, id.as_str(), on, now).map_err(|e| self.sql_err(e))
    }

    /// Marks the papers `keys` seen in the watch list `watch` (at `now`, in one transaction);
    /// returns how many were not seen before. Names are compared exactly.
    pub fn mark_seen(&self, watch: &str, keys: &[PaperKey], now: i64) -> Result<usize, StateError> {
        watch::mark(&self.conn, watch, keys, now).map_err(|e| self.sql_err(e))
    }

    /// The papers seen in the watch list `watch`.
    pub fn seen(&self, watch: &str) -> Result<HashSet<PaperKey>, StateError> {
        watch::seen(&self.conn, watch).map_err(|e| self.sql_err(e))
    }

    /// Saves the watch list `name` with `query` (at `now`), replacing one of that name: whether
    /// it replaced one. The name is trimmed and must not be empty.
    pub fn save_watch(&self, name: &str, query: &str, now: i64) -> Result<bool, StateError> {
        let name = watch_name(name)?;
        watch::save(&self.conn, &name, query, now).map_err(|e| self.sql_err(e))
    }

    /// Forgets the saved watch list `name` and its seen marks: whether there was one.
    pub fn forget_watch(&self, name: &str) -> Result<bool, StateError> {
        watch::forget(&self.conn, name).map_err(|e| self.sql_err(e))
    }

    /// The watch lists saved in the reader, oldest first.
    pub fn saved_watches(&self) -> Result<Vec<SavedWatch>, StateError> {
        watch::saved(&self.conn).map_err(|e| self.sql_err(e))
    }

    /// The whole library, as a file would hold it, read in one transaction; `now` is its
    /// `exported_at`.
    pub fn export_library(&self, now: i64) -> Result<Library, StateError> {
        transfer::export(&self.conn, now).map_err(|e| self.sql_err(e))
    }

    /// Merges `lib` into the state, all of it or (on an error) nothing: stars, read marks, tags,
    /// "not for me" and seen marks are added to those kept (a star kept keeps its time); a note
    /// replaces the paper's note only when written later; the search histories are merged by
    /// time. A library that does not pass `Library::check` changes nothing.
    pub fn import_library(&self, lib: &Library) -> Result<Merged, StateError> {
        lib.check()?;
        transfer::import(&self.conn, lib).map_err(|e| self.sql_err(e))
    }
}
