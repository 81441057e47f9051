//! What the index is made of: listings, documents and their fields.

use crate::search::query::Field;

/// A paper by position: `archive.days[day].papers[paper]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PaperRef {
    pub day: usize,
    pub paper: usize,
}

/// The fields of text, by their number in the postings.
pub const FIELDS: [Field; 6] = [
    Field::Title,
    Field::Authors,
    Field::Abstract,
    Field::Category,
    Field::Id,
    Field::Tweet,
];

/// How often a term occurs in each field of a document.
pub type Counts = [u16; FIELDS.len()];

/// One listing of a paper: where it is, which document holds its text, how much attention
/// it had that day.
#[derive(Debug, Clone, Copy)]
pub struct Listing {
    pub at: PaperRef,
    pub doc: u32,
    pub attention: u64,
}
