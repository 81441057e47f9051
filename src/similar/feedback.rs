//! What recommendations learn from, as the reading state has it.

use std::collections::HashSet;

use crate::archive::PaperKey;

/// Liked papers, disliked ones, and papers never to suggest: starred and tagged papers are the
/// positives, papers marked "not for me" the negatives (and never positives), and read,
/// starred, tagged or dismissed papers are left out. Sorted, each once, so the same marks give
/// the same list.
#[derive(Debug, Default, Clone)]
pub struct Feedback {
    pub positives: Vec<PaperKey>,
    pub negatives: Vec<PaperKey>,
    pub exclude: HashSet<PaperKey>,
}

impl Feedback {
    pub fn new<'a>(
        starred: impl IntoIterator<Item = &'a PaperKey>,
        tagged: impl IntoIterator<Item = &'a PaperKey>,
        not_for_me: &HashSet<PaperKey>,
        read: &HashSet<PaperKey>,
    ) -> Feedback {
        let mut positives: Vec<PaperKey> = starred
            .into_iter()
            .chain(tagged)
            .filter(|k| !not_for_me.contains(*k))
            .cloned()
            .collect();
        positives.sort();
        positives.dedup();
        let mut negatives: Vec<PaperKey> = not_for_me.iter().cloned().collect();
        negatives.sort();
        let mut exclude = read.clone();
        exclude.extend(positives.iter().cloned());
        exclude.extend(negatives.iter().cloned());
        Feedback {
            positives,
            negatives,
            exclude,
        }
    }
}
