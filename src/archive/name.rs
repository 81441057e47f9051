//! `Name`: a short string that many papers share — an author, a tweet's account and name, a
//! category, a language tag, a tweet's date — held once for the whole program.
//!
//! At 27,000 papers with 30,000 tweets (3,000 daily posts), an owned `String` per author,
//! category and tweet field was 12 MB of the model's 33: each was 24 bytes plus an allocation
//! of its own for a dozen bytes, and the same few thousand accounts and categories stood in it
//! hundreds of times. A `Name` is a pointer and a length to the one copy.
//!
//! The copies are never freed. That is bounded: a name is kept once however often it is read
//! again (a reload reads the same names), and an archive has as many distinct names as it has
//! people and categories — far fewer than its papers.

use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Mutex, OnceLock};

use foldhash::fast::FixedState;
use serde::Serialize;

/// An interned string (see the module's comment). Compares, hashes and orders as its text.
#[derive(Clone, Copy)]
pub struct Name(&'static str);

/// The names, in shards by hash, so that the loader's threads seldom wait on one another.
const SHARDS: usize = 16;

fn shards() -> &'static [Mutex<HashSet<&'static str, FixedState>>; SHARDS] {
    static NAMES: OnceLock<[Mutex<HashSet<&'static str, FixedState>>; SHARDS]> = OnceLock::new();
    NAMES.get_or_init(|| std::array::from_fn(|_| Mutex::new(HashSet::default())))
}

impl Name {
    /// The one copy of `text`, made if it is new.
    pub fn new(text: &str) -> Name {
        let hash = FixedState::default().hash_one(text);
        let shard = &shards()[(hash >> 60) as usize % SHARDS];
        let mut names = shard.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&kept) = names.get(text) {
            return Name(kept);
        }
        let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
        names.insert(kept);
        Name(kept)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// A number that tells this name from any other, read without touching its text: names of
    /// the same text are one copy, so its address is it.
    pub fn id(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

impl Default for Name {
    fn default() -> Name {
        Name::new("")
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.0
    }
}

// By the text, with the one-copy case first: equal names are almost always the same copy,
// and a `Name` made without `new` cannot exist, but comparing the text keeps this right
// whatever happens.
impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.0
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self == other.0
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.0.cmp(other.0)
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0, f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::new(text)
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::new(&text)
    }
}

impl From<&String> for Name {
    fn from(text: &String) -> Name {
        Name::new(text)
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.to_owned()
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Name;

    #[test]
    fn names_of_one_text_are_one_copy_and_compare_as_their_text() {
        let a = Name::new("hardmaru");
        let b = Name::from(String::from("hardmaru"));
        assert_eq!(a.id(), b.id(), "one copy");
        assert_eq!(a, b);
        assert_eq!(a, "hardmaru");
        assert_ne!(a, Name::new("hardmaru "));
        assert_ne!(a.id(), Name::new("ak92501").id());
        assert!(Name::new("a") < Name::new("b"));
        assert_eq!(Name::default(), "");
        assert_eq!(format!("{a} {a:?}"), "hardmaru \"hardmaru\"");
        let set: std::collections::HashSet<Name> = [a].into();
        assert!(set.contains("hardmaru"), "asked about a &str");
    }

    #[test]
    fn names_made_on_several_threads_at_once_are_still_one_copy_each() {
        let ids: Vec<Vec<usize>> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        (0..500)
                            .map(|i| Name::new(&format!("account{i}")).id())
                            .collect()
                    })
                })
                .collect();
            runs.into_iter().map(|r| r.join().unwrap()).collect()
        });
        assert!(ids.windows(2).all(|w| w[0] == w[1]));
    }
}
