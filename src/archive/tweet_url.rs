//! `TweetUrl`: a tweet's status link, as the post gives it, in sixteen bytes and no allocation
//! of its own.
//!
//! Nearly every embed links `https://twitter.com/{account}/status/{id}`: the part before the
//! number is one account's, shared by all of its tweets, and the number is a number. So the
//! link is kept as that head, a `Name` (held once for the program), and the number; any other
//! link is kept whole as the head. An owned link was 16 bytes and an allocation of some 64
//! (10,000 posts where no paper repeats hold 100,000 tweets: 7 MB).

use std::borrow::Cow;
use std::num::NonZeroU64;

use serde::Serialize;

use super::name::Name;

/// A status link (see the module's comment). Equal links are equal values; it orders by
/// head, then number.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TweetUrl {
    head: Name,
    /// The number the link ends with, when it is one written as numbers are (no leading zero,
    /// up to `u64`'s) after a `/`: the link is `head` and this.
    id: Option<NonZeroU64>,
}

impl TweetUrl {
    pub fn new(url: &str) -> TweetUrl {
        let digits = url.len() - url.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, tail) = url.split_at(url.len() - digits);
        let id = (head.ends_with('/') && !tail.starts_with('0'))
            .then(|| tail.parse::<NonZeroU64>().ok())
            .flatten();
        match id {
            Some(id) => TweetUrl {
                head: Name::new(head),
                id: Some(id),
            },
            None => TweetUrl {
                head: Name::new(url),
                id: None,
            },
        }
    }

    /// The link's text.
    pub fn as_str(&self) -> Cow<'static, str> {
        match self.id {
            None => Cow::Borrowed(self.head.as_str()),
            Some(id) => Cow::Owned(format!("{}{id}", self.head.as_str())),
        }
    }

    /// The link's text up to its number (all of it when it has none): the number is digits,
    /// so whatever a clean-up would change in a link is in here.
    pub fn head(&self) -> &'static str {
        self.head.as_str()
    }

    /// Its head's name number and its number (0 for none): what tells links apart without
    /// reading their text.
    pub fn numbers(&self) -> (u32, u64) {
        (self.head.id() as u32, self.id.map_or(0, NonZeroU64::get))
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.head.as_str().is_empty()
    }
}

impl From<&str> for TweetUrl {
    fn from(url: &str) -> TweetUrl {
        TweetUrl::new(url)
    }
}

impl From<String> for TweetUrl {
    fn from(url: String) -> TweetUrl {
        TweetUrl::new(&url)
    }
}

impl std::fmt::Display for TweetUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.head.as_str())?;
        match self.id {
            Some(id) => write!(f, "{id}"),
            None => Ok(()),
        }
    }
}

impl std::fmt::Debug for TweetUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.to_string())
    }
}

impl Serialize for TweetUrl {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_str())
    }
}

impl PartialEq<str> for TweetUrl {
    fn eq(&self, other: &str) -> bool {
        match self.id {
            None => self.head.as_str() == other,
            Some(id) => other
                .strip_prefix(self.head.as_str())
                .is_some_and(|rest| rest == id.to_string()),
        }
    }
}

impl PartialEq<&str> for TweetUrl {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_reads_back_as_it_was_given() {
        let links = [
            "https://twitter.com/jane_doe/status/1277570203665170432",
            "https://twitter.com/jane_doe/status/18446744073709551615",
            "https://twitter.com/jane_doe/status/18446744073709551616",
            "https://twitter.com/jane_doe/status/0",
            "https://twitter.com/jane_doe/status/007",
            "https://twitter.com/jane_doe/status/",
            "https://twitter.com/jane_doe/status/12a",
            "https://x.com/i/web/status/42",
            "https://t.co/x1",
            "status42",
            "42",
            "/42",
            "",
            "ünïcode/١٢٣",
        ];
        for l in links {
            let u = TweetUrl::new(l);
            assert_eq!(u.to_string(), l);
            assert_eq!(u.as_str(), l);
            assert!(u == *l, "{l}");
            assert_eq!(u.is_empty(), l.is_empty());
            assert_eq!(
                serde_json::to_string(&u).unwrap(),
                serde_json::to_string(l).unwrap()
            );
        }
        let a = TweetUrl::new(links[0]);
        assert_eq!(a, TweetUrl::new(&String::from(links[0])));
        assert!(a.id.is_some() && TweetUrl::new(links[4]).id.is_none());
        assert_ne!(a, TweetUrl::new(links[1]));
        assert!(a != *"https://twitter.com/jane_doe/status/127757020366517043");
        assert_eq!(std::mem::size_of::<TweetUrl>(), 16);
    }
}
