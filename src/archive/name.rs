//! `Name`: a short string that many papers share — an author, a tweet's account and name, a
//! category, a language tag, a tweet's date — held once for the whole program.
//!
//! At 27,000 papers with 30,000 tweets (3,000 daily posts), an owned `String` per author,
//! category and tweet field was 12 MB of the model's 33: each was 24 bytes plus an allocation
//! of its own for a dozen bytes, and the same few thousand accounts and categories stood in it
//! hundreds of times. A `Name` is the four-byte number of the one copy (10,000 such posts:
//! 15.7 MB of author and category lists as `&str`s, 4 MB as numbers).
//!
//! The copies are never freed. That is bounded: a name is kept once however often it is read
//! again (a reload reads the same names), and an archive has as many distinct names as it has
//! people and categories — far fewer than its papers.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

use foldhash::fast::FixedState;
use serde::Serialize;

/// An interned string (see the module's comment): the number of its one copy in a table kept
/// for the whole program. Four bytes, where a `&str` is sixteen: an author list of ten is 40.
/// Compares by that number (names of one text are one copy), hashes and orders as its text.
/// The default is the empty name, number 0.
#[derive(Clone, Copy, Default)]
pub struct Name(u32);

/// The names, in shards by hash, so that the loader's threads seldom wait on one another.
const SHARDS: usize = 16;

/// The table's first chunk holds this many copies; each next one twice as many as the last.
const FIRST: usize = 1024;
/// Enough chunks for every `u32`.
const CHUNKS: usize = 23;

struct Table {
    /// Each text's number, to find a copy again.
    numbers: [Mutex<HashMap<&'static str, u32, FixedState>>; SHARDS],
    /// The copies by number: chunks made as they are needed, never moved, so that a name
    /// reads its text without taking a lock.
    chunks: [OnceLock<Box<[OnceLock<&'static str>]>>; CHUNKS],
    next: AtomicU32,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let table = Table {
            numbers: std::array::from_fn(|_| Mutex::new(HashMap::default())),
            chunks: std::array::from_fn(|_| OnceLock::new()),
            // 0 is the empty name, which needs no copy.
            next: AtomicU32::new(1),
        };
        let _ = table.slot(0).set("");
        table
    })
}

impl Table {
    /// Where the copy numbered `n` goes: chunk `k` holds numbers from `FIRST * (2^k - 1)`.
    fn slot(&self, n: u32) -> &OnceLock<&'static str> {
        let n = n as usize;
        let k = (n / FIRST + 1).ilog2() as usize;
        let at = n - FIRST * ((1 << k) - 1);
        let chunk =
            self.chunks[k].get_or_init(|| (0..FIRST << k).map(|_| OnceLock::new()).collect());
        &chunk[at]
    }
}

/// Slots of each thread's `RECENT` (a power of two).
const RECENT_SLOTS: usize = 8192;

thread_local! {
    /// The names this thread looked up last, by their hash's low bits: (hash, number), 0 for
    /// none. The loader asks for the same few thousand categories, dates, accounts and authors
    /// millions of times; found here (128 KB), a name costs its hash and one comparison,
    /// without the shard's lock or a probe into the big table. Counted on the real posts
    /// repeated to 30,000 (3.47 million lookups of 6,540 names): 56% found with 2,048 slots,
    /// 80% with 8,192, 88% with 16,384; on the 126 real posts alone (29,000 lookups), 50%.
    static RECENT: RefCell<Box<[(u64, u32)]>> =
        RefCell::new(vec![(0, 0); RECENT_SLOTS].into_boxed_slice());
}

impl Name {
    /// The one copy of `text`, made if it is new.
    pub fn new(text: &str) -> Name {
        if text.is_empty() {
            return Name(0);
        }
        let hash = FixedState::default().hash_one(text);
        let slot = hash as usize & (RECENT_SLOTS - 1);
        let recent = RECENT.try_with(|recent| {
            let (h, n) = recent.borrow()[slot];
            (h == hash && n != 0 && Name(n).as_str() == text).then_some(Name(n))
        });
        if let Ok(Some(name)) = recent {
            return name;
        }
        let name = Name::find_or_make(text, hash);
        // Not kept when the thread is being torn down: the table still has it.
        let _ = RECENT.try_with(|recent| recent.borrow_mut()[slot] = (hash, name.0));
        name
    }

    /// `new` past the thread's recent names: the program's table, under a shard's lock.
    fn find_or_make(text: &str, hash: u64) -> Name {
        let table = table();
        let shard = &table.numbers[(hash >> 60) as usize % SHARDS];
        let mut numbers = shard.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&n) = numbers.get(text) {
            return Name(n);
        }
        let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
        // Kept in the table before the number is handed out (under the shard's lock), so
        // whoever holds a name finds its copy.
        let n = table.next.fetch_add(1, Ordering::Relaxed);
        let _ = table.slot(n).set(kept);
        numbers.insert(kept, n);
        Name(n)
    }

    pub fn as_str(&self) -> &'static str {
        // Every number handed out has its copy; "" is no more than a guard.
        table().slot(self.0).get().copied().unwrap_or("")
    }

    /// A number that tells this name from any other, read without touching its text: names of
    /// the same text are one copy, numbered once.
    pub fn id(&self) -> usize {
        self.0 as usize
    }
}

impl std::ops::Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

// By number: a `Name` is only made by `new`, which gives one text one number.
impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.0 == other.0
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        self == other.as_str()
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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
        name.as_str().to_owned()
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
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
    fn every_name_reads_back_its_text_across_the_tables_chunks() {
        // Past the first three chunks (1,024 + 2,048 + 4,096 copies), whatever other tests
        // made before.
        let names: Vec<(String, Name)> = (0..8000)
            .map(|i| {
                let text = format!("chunked name {i}");
                let name = Name::new(&text);
                (text, name)
            })
            .collect();
        for (text, name) in &names {
            assert_eq!(name.as_str(), text);
            assert_eq!(Name::new(text).id(), name.id());
        }
        let mut ids: Vec<usize> = names.iter().map(|(_, n)| n.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), names.len(), "one number a text");
        assert!(ids.iter().all(|&id| id != 0), "0 is the empty name's");
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
