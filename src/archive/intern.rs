//! One `PaperInfo` for every listing of the same paper with the same text. A hot paper is
//! listed day after day with the very same title, authors, abstract and tweets; keeping one
//! copy of them and pointing every listing at it is most of what an archive's memory is (on
//! the shared corpus repeated to 30,000 posts, 274,272 listings are 1,149 papers).
//!
//! Posts are parsed on every core, each thread interning the papers of its posts as it goes,
//! so that no more than a post's worth of duplicates is ever held.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use foldhash::fast::FixedState;

use super::model::{Day, PaperInfo};

/// The infos seen so far, by a hash of their whole content.
#[derive(Debug, Default)]
pub struct InfoPool {
    infos: Mutex<Infos>,
}

/// Each hash's first info, and the rare others of the same hash apart: on an archive where
/// no paper repeats, a `Vec` a hash was 48 bytes an info beside the 16 of the entry (4 MB at
/// 91,000 papers).
#[derive(Debug, Default)]
struct Infos {
    firsts: HashMap<u64, Arc<PaperInfo>, FixedState>,
    others: HashMap<u64, Vec<Arc<PaperInfo>>, FixedState>,
}

impl Infos {
    /// The pool's info equal to `info` (of hash `hash`), `info` itself if it is new.
    fn find_or_add(&mut self, hash: u64, info: &Arc<PaperInfo>) -> Arc<PaperInfo> {
        let same = |i: &Arc<PaperInfo>| Arc::ptr_eq(i, info) || **i == **info;
        match self.firsts.get(&hash) {
            None => {
                self.firsts.insert(hash, Arc::clone(info));
                Arc::clone(info)
            }
            Some(first) if same(first) => Arc::clone(first),
            Some(_) => {
                let others = self.others.entry(hash).or_default();
                match others.iter().find(|i| same(i)) {
                    Some(i) => Arc::clone(i),
                    None => {
                        others.push(Arc::clone(info));
                        Arc::clone(info)
                    }
                }
            }
        }
    }
}

impl InfoPool {
    /// Points each paper of `day` at the pool's info of the same content, adding those it does
    /// not have yet.
    pub fn intern_day(&self, day: &mut Day) {
        // Hashed before the lock is taken: hashing an abstract is the costly part.
        let hashes: Vec<u64> = day
            .papers
            .iter()
            .map(|p| FixedState::default().hash_one(&*p.info))
            .collect();
        let mut infos = self.infos.lock().unwrap_or_else(|e| e.into_inner());
        for (paper, hash) in day.papers.iter_mut().zip(hashes) {
            paper.info = infos.find_or_add(hash, &paper.info);
        }
    }

    /// Takes `info` in (one read back from a cache, say), so that posts read later share it.
    pub fn adopt(&self, info: &Arc<PaperInfo>) {
        let hash = FixedState::default().hash_one(&**info);
        let mut infos = self.infos.lock().unwrap_or_else(|e| e.into_inner());
        infos.find_or_add(hash, info);
    }

    /// Forgets the infos no paper holds any more, so that a long session's edits do not pile up.
    pub fn prune(&self) {
        let mut infos = self.infos.lock().unwrap_or_else(|e| e.into_inner());
        let Infos { firsts, others } = &mut *infos;
        others.retain(|_, same| {
            same.retain(|i| Arc::strong_count(i) > 1);
            !same.is_empty()
        });
        firsts.retain(|hash, first| {
            if Arc::strong_count(first) > 1 {
                return true;
            }
            // An other of the same hash, still held, takes its place.
            match others.get_mut(hash) {
                Some(same) => {
                    *first = same.remove(0);
                    if same.is_empty() {
                        others.remove(hash);
                    }
                    true
                }
                None => false,
            }
        });
    }

    /// How many distinct infos the pool holds.
    pub fn len(&self) -> usize {
        let infos = self.infos.lock().unwrap_or_else(|e| e.into_inner());
        infos.firsts.len() + infos.others.values().map(Vec::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Paper;

    fn day(papers: Vec<Paper>) -> Day {
        Day::bare("2024-01-01", papers)
    }

    #[test]
    fn infos_of_one_hash_but_other_content_are_kept_apart_and_pruned_apart() {
        let info = |title: &str| Arc::new(Paper::bare(1, title, None).info.as_ref().clone());
        let pool = InfoPool::default();
        let (a, b) = (info("A"), info("B"));
        let mut infos = pool.infos.lock().unwrap();
        // Hash 7 for both, as if their hashes collided.
        assert!(Arc::ptr_eq(&infos.find_or_add(7, &a), &a));
        assert!(
            Arc::ptr_eq(&infos.find_or_add(7, &b), &b),
            "not taken for A"
        );
        let b_again = info("B");
        assert!(
            Arc::ptr_eq(&infos.find_or_add(7, &b_again), &b),
            "found among the others"
        );
        drop(infos);
        assert_eq!(pool.len(), 2);
        drop(a);
        pool.prune();
        assert_eq!(pool.len(), 1, "A went, B took its place");
        let infos = pool.infos.lock().unwrap();
        assert!(Arc::ptr_eq(&infos.firsts[&7], &b));
        assert!(infos.others.is_empty());
    }

    #[test]
    fn listings_of_the_same_text_share_one_info_and_others_do_not() {
        let pool = InfoPool::default();
        let mut a = day(vec![
            Paper::bare(1, "Alpha", Some("1")),
            Paper::bare(2, "Beta", None),
        ]);
        let mut b = day(vec![Paper::bare(3, "Alpha", Some("1"))]);
        let mut edited = Paper::bare(1, "Alpha", Some("1"));
        edited.abstract_text = "Now with an abstract.".into();
        let mut c = day(vec![edited]);
        pool.intern_day(&mut a);
        pool.intern_day(&mut b);
        pool.intern_day(&mut c);
        assert!(Arc::ptr_eq(&a.papers[0].info, &b.papers[0].info));
        assert_eq!(b.papers[0].rank, 3, "the listing keeps its own rank");
        assert!(!Arc::ptr_eq(&a.papers[0].info, &c.papers[0].info));
        assert_eq!(c.papers[0].abstract_text, "Now with an abstract.");
        assert_eq!(pool.len(), 3);

        // Writing to a shared info copies it: the other listing is left as it was.
        b.papers[0].title = "Alpha, revised".into();
        assert_eq!(a.papers[0].title, "Alpha".into());

        drop(a);
        pool.prune();
        // "Beta" went with its day; the first "Alpha" too, as `b` now has a copy of its own.
        assert_eq!(pool.len(), 1);
    }
}
