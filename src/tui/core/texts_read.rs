//! What the reader holds of the papers' texts read back from their posts (see `core::texts`,
//! which fills it).

use std::sync::{Arc, Weak};

use crate::archive::{Archive, Day, PaperInfo, TextsError};

/// How many days' texts are kept: going back and forth between a few days reads none again.
pub(super) const KEPT: usize = 4;

/// The texts of a day's papers, read back from its post: each paper's info with them, or
/// `None` when the post no longer holds them.
pub type Infos = Result<Vec<Option<Arc<PaperInfo>>>, TextsError>;

/// A day's texts as the runtime read them.
#[derive(Debug, Clone)]
pub struct TextsRead {
    pub day: Arc<Day>,
    pub infos: Infos,
}

impl PartialEq for TextsRead {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.day, &other.day) && self.infos == other.infos
    }
}

impl Eq for TextsRead {}

/// What the reader holds of texts read back.
#[derive(Debug, Default)]
pub struct Shown {
    /// The days read, the latest first.
    pub(crate) read: Vec<TextsRead>,
    /// The day asked for, not read yet.
    pub(crate) asked: Option<Arc<Day>>,
    /// The archive the reader had before `TextsLeft` gave it the lighter one: what arrives
    /// for it is for the lighter one too (the same days, papers and positions). Weak, so
    /// that it is not kept; a weak pointer keeps its address from being taken by another.
    pub(crate) heavier: Option<Weak<Archive>>,
}
