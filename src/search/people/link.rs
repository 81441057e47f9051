//! What tells one tweet from another when an account's tweets about a paper are counted: its
//! link, or its text when it has none.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use crate::archive::{Tweet, TweetUrl};

/// What tells a tweet apart: its link, or its text when it has none. Compared and hashed by
/// the link's numbers (see `TweetUrl`), not its text.
#[derive(Debug, Clone, Copy)]
pub(super) enum Link<'a> {
    Url(TweetUrl),
    Text(&'a str),
}

impl<'a> Link<'a> {
    pub(super) fn of(t: &'a Tweet) -> Link<'a> {
        if t.url.is_empty() {
            Link::Text(&t.text)
        } else {
            Link::Url(t.url)
        }
    }

    fn parts(&self) -> (u32, u64, &'a str) {
        match *self {
            Link::Url(u) => {
                let (head, id) = u.numbers();
                (head, id, "")
            }
            Link::Text(t) => (u32::MAX, 0, t),
        }
    }
}

impl PartialEq for Link<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for Link<'_> {}

impl PartialOrd for Link<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Link<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.parts().cmp(&other.parts())
    }
}

impl std::hash::Hash for Link<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.parts().hash(h);
    }
}

/// `links`, each with the hash `distinct` sorts them by.
pub(super) fn hashed<'a>(links: &[Link<'a>]) -> impl Iterator<Item = (u64, Link<'a>)> {
    links
        .iter()
        .map(|l| (FixedState::default().hash_one(l), *l))
}

/// How many distinct texts `links` (each with its hash) holds. Sorted by hash, each text is
/// read once or twice; sorting the texts read each a dozen times, from memory.
pub(super) fn distinct(links: &mut [(u64, Link)]) -> u32 {
    links.sort_unstable_by_key(|(h, _)| *h);
    let mut n = 0;
    for run in links.chunk_by(|a, b| a.0 == b.0) {
        // One hash is one text but for a collision, when the run's texts are counted apart.
        n += if run.iter().all(|(_, s)| *s == run[0].1) {
            1
        } else {
            let mut texts: Vec<Link> = run.iter().map(|(_, s)| *s).collect();
            texts.sort_unstable();
            texts.dedup();
            texts.len() as u32
        };
    }
    n
}

#[cfg(test)]
mod tests {
    use super::{Link, distinct};
    use crate::archive::TweetUrl;

    #[test]
    fn texts_of_one_hash_are_counted_apart() {
        let t = Link::Text;
        let mut links = [
            (7, t("u1")),
            (7, t("u2")),
            (3, t("u3")),
            (7, t("u1")),
            (3, t("u3")),
        ];
        assert_eq!(distinct(&mut links), 3);
        assert_eq!(distinct(&mut [(1, t("a")), (2, t("a"))]), 2, "as hashed");
        let u = |s: &str| Link::Url(TweetUrl::new(s));
        let mut links = [
            (5, u("/s/1")),
            (5, u("/s/2")),
            (5, u("/s/1")),
            (5, t("/s/1")),
        ];
        assert_eq!(distinct(&mut links), 3, "a link and a text are apart");
        assert_eq!(distinct(&mut []), 0);
    }
}
