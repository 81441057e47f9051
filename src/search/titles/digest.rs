//! What the finder reads of a title to pass it over without scoring it: its letters, what
//! starts its words, its first characters; and the bound no score can pass.

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::{normalize, to_lower_case};
use nucleo_matcher::pattern::{AtomKind, Pattern};

/// Where a title's characters are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) start: u32,
    /// The number of characters, with [`WIDE`] set for a title in `wide`.
    pub(super) len: u32,
}

pub(super) const WIDE: u32 = 1 << 31;

/// Where a title starts, or how many there are.
pub(super) fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("titles take under 4 GiB")
}

/// A title's length, with the top bit free for [`WIDE`].
pub(super) fn length(n: usize) -> u32 {
    let n = offset(n);
    assert!(n < WIDE, "a title under 2 GiB");
    n
}

/// The bit of an ASCII letter (either case), digit or one of [`SIGNS`]; other characters
/// have none.
pub(super) fn letter_bit(c: char) -> u64 {
    u8::try_from(c).map_or(0, |c| BYTE_LETTERS[c as usize])
}

/// The bits of letters and digits among [`letter_bit`]'s.
pub(super) const ALPHANUMERIC: u64 = (1 << 36) - 1;

/// The signs with a bit of their own after the letters and digits: those a title holds
/// least often matter most (a query with `:` passes over the titles without one).
const SIGNS: &[u8; 28] = b"-:.,()/'?!&+;[]\"_=*@#%$<>|~^";

/// [`letter_bit`] of each byte.
pub(super) const BYTE_LETTERS: [u64; 256] = {
    let mut bits = [0; 256];
    let mut c = 0;
    while c < 256 {
        let l = (c as u8).to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            bits[c] = 1 << (l - b'a');
        } else if l.is_ascii_digit() {
            bits[c] = 1 << (26 + l - b'0');
        }
        c += 1;
    }
    let mut s = 0;
    while s < SIGNS.len() {
        bits[SIGNS[s] as usize] = 1 << (36 + s);
        s += 1;
    }
    bits
};

/// One of 64 bits for the first two characters of a word (lowercase; 0 for none).
pub(super) fn pair_bit(first: u8, second: u8) -> u64 {
    let pair = (u64::from(first) << 8) | u64::from(second);
    1 << (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

/// The first 8 bytes of `text`, lowercase, as one number (0 for bytes past its end).
pub(super) fn head(text: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    for (b, c) in bytes.iter_mut().zip(text) {
        *b = c.to_ascii_lowercase();
    }
    u64::from_le_bytes(bytes)
}

/// What the cheap tests read of a title.
pub(super) struct Digest {
    pub(super) letters: u64,
    pub(super) firsts: u64,
    pub(super) pairs: u64,
    pub(super) head: u64,
}

impl Digest {
    /// An ASCII title's: its letters and digits, and what starts its words (first, or after
    /// a space).
    pub(super) fn ascii(title: &[u8]) -> Digest {
        let mut d = Digest {
            letters: title
                .iter()
                .fold(0, |bits, &c| bits | BYTE_LETTERS[c as usize]),
            firsts: 0,
            pairs: 0,
            head: head(title.trim_ascii_start()),
        };
        let mut word_at = |p: usize| {
            let c = title[p];
            let bit = BYTE_LETTERS[c as usize] & ALPHANUMERIC;
            if bit != 0 {
                d.firsts |= bit;
                let next = title.get(p + 1).map_or(0, u8::to_ascii_lowercase);
                d.pairs |= pair_bit(c.to_ascii_lowercase(), next);
            }
        };
        if !title.is_empty() {
            word_at(0);
        }
        let after = |p: usize| (p + 1 < title.len()).then_some(p + 1);
        // Words are nearly always apart by plain spaces, which are quick to find.
        if memchr::memchr3(b'\t', b'\n', b'\r', title).is_none() && !title.contains(&0x0c) {
            memchr::memchr_iter(b' ', title)
                .filter_map(after)
                .for_each(&mut word_at);
        } else {
            (0..title.len())
                .filter(|&p| title[p].is_ascii_whitespace())
                .filter_map(after)
                .for_each(&mut word_at);
        }
        d
    }

    /// Another title's: its letters and digits every way nucleo may compare its characters
    /// (as they are, normalized, case-folded, or both). The rest is only tested of ASCII
    /// titles: such a title is scored whenever it has the letters.
    pub(super) fn wide(title: &[char]) -> Digest {
        let letters = title.iter().fold(0, |bits, &c| {
            let n = normalize(c);
            bits | letter_bit(c)
                | letter_bit(n)
                | letter_bit(to_lower_case(c))
                | letter_bit(to_lower_case(n))
        });
        Digest {
            letters,
            firsts: u64::MAX,
            pairs: u64::MAX,
            head: 0,
        }
    }
}

/// The letters and digits a title must have for `pattern` to match it: every one in an atom
/// that must match (a `!` atom must not, so it asks for none).
pub(super) fn letters_needed(pattern: &Pattern) -> u64 {
    pattern
        .atoms
        .iter()
        .filter(|a| !a.negative)
        .flat_map(|a| a.needle_text().chars())
        .fold(0, |bits, c| bits | letter_bit(c))
}

/// The most any title can score for `pattern`. Nucleo scores a matched character 16 plus a
/// bonus of at most 10 (for the start of a word), doubles the bonus of an atom's first
/// character, and takes off for gaps; a `!` atom scores nothing. So an atom of `n` characters
/// scores at most `26 n + 10`, and only where it is whole at the start of a word.
pub(super) fn best_possible(pattern: &Pattern) -> u32 {
    pattern
        .atoms
        .iter()
        .filter(|a| !a.negative)
        .map(|a| 26 * a.needle_text().len() as u32 + 10)
        .sum()
}

/// What the atoms that must match ask of an ASCII title, tested cheaply before it is scored:
/// whether it may match at all, and whether it may score [`best_possible`]. Each test is one
/// that every such title passes (case aside), so a title failing it is passed over.
pub(super) struct Checks {
    pub(super) atoms: Vec<Check>,
    /// An atom is not ASCII, so no ASCII title matches (nucleo never matches one then).
    pub(super) never_ascii: bool,
    /// The beginnings `^` atoms want: the bits of [`head`] to compare, and their values.
    pub(super) heads: Vec<(u64, u64)>,
    /// The first letters of the atoms, which a title at the bound has at the start of words.
    pub(super) firsts: u64,
    /// And their first two characters.
    pub(super) pairs: u64,
    /// Whether any title can reach the bound: not if an atom starts with anything but a
    /// letter, digit or space (its first character's bonus is then at most 8).
    pub(super) can_top: bool,
}

/// An ASCII atom that starts with a letter or digit, lowercase.
pub(super) struct Check {
    pub(super) kind: AtomKind,
    pub(super) word: Vec<u8>,
    /// Whether it also ends with a letter or digit (nucleo trims the title's spaces only then).
    pub(super) trimmed: bool,
}

impl Checks {
    pub(super) fn new(pattern: &Pattern) -> Checks {
        let mut checks = Checks {
            atoms: Vec::new(),
            never_ascii: false,
            heads: Vec::new(),
            firsts: 0,
            pairs: 0,
            can_top: true,
        };
        for atom in pattern.atoms.iter().filter(|a| !a.negative) {
            let needle = match atom.needle_text() {
                Utf32Str::Ascii(needle) => needle,
                Utf32Str::Unicode(_) => {
                    checks.never_ascii = true;
                    continue;
                }
            };
            let (first, last) = (needle[0], needle[needle.len() - 1]);
            if !first.is_ascii_alphanumeric() {
                // Any character before a space may do: the title is scored to know.
                checks.can_top &= first.is_ascii_whitespace();
                continue;
            }
            let word = needle.to_ascii_lowercase();
            checks.firsts |= letter_bit(first as char);
            if let Some(&second) = word.get(1) {
                checks.pairs |= pair_bit(word[0], second);
            }
            if matches!(atom.kind, AtomKind::Prefix | AtomKind::Exact) {
                let n = word.len().min(8);
                checks.heads.push((u64::MAX >> (64 - 8 * n), head(&word)));
            }
            checks.atoms.push(Check {
                kind: atom.kind,
                word,
                trimmed: last.is_ascii_alphanumeric(),
            });
        }
        checks
    }

    /// Whether an ASCII title whose [`head`] is `head` may match, not reading the title.
    pub(super) fn head_may_match(&self, head: u64) -> bool {
        !self.never_ascii && self.heads.iter().all(|&(bits, want)| head & bits == want)
    }

    /// Whether an ASCII title may match: it holds the words that `^`, `$` and `^…$` want at
    /// its start, end or whole (spaces around it aside).
    pub(super) fn may_match(&self, title: &[u8]) -> bool {
        self.atoms.iter().all(|c| match c.kind {
            AtomKind::Prefix => starts_with(title.trim_ascii_start(), &c.word),
            AtomKind::Postfix if c.trimmed => ends_with(title.trim_ascii_end(), &c.word),
            AtomKind::Exact if c.trimmed => title.trim_ascii().eq_ignore_ascii_case(&c.word),
            _ => true,
        })
    }

    /// Whether an ASCII title (of `digest`) may score the bound, not reading the title.
    pub(super) fn digest_may_top(&self, firsts: u64, pairs: u64, head: u64) -> bool {
        firsts & self.firsts == self.firsts
            && pairs & self.pairs == self.pairs
            && self.head_may_match(head)
    }

    /// Whether an ASCII title may score the bound: each atom whole at the start of a word.
    pub(super) fn may_top(&self, title: &[u8]) -> bool {
        self.may_match(title)
            && self.atoms.iter().all(|c| match c.kind {
                AtomKind::Fuzzy | AtomKind::Substring => at_word_start(title, &c.word),
                AtomKind::Postfix if c.trimmed => {
                    let t = title.trim_ascii_end();
                    let p = t.len() - c.word.len();
                    p == 0 || t[p - 1].is_ascii_whitespace()
                }
                _ => true,
            })
    }
}

pub(super) fn starts_with(title: &[u8], word: &[u8]) -> bool {
    title.len() >= word.len() && title[..word.len()].eq_ignore_ascii_case(word)
}

pub(super) fn ends_with(title: &[u8], word: &[u8]) -> bool {
    title.len() >= word.len() && title[title.len() - word.len()..].eq_ignore_ascii_case(word)
}

/// Whether `word` (ASCII, lowercase, starting with a letter or digit) is in `title`, case
/// aside, first or after a space.
pub(super) fn at_word_start(title: &[u8], word: &[u8]) -> bool {
    let Some(last) = title.len().checked_sub(word.len()) else {
        return false;
    };
    let first = word[0];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), &title[..=last]).any(|p| {
        (p == 0 || title[p - 1].is_ascii_whitespace())
            && title[p..p + word.len()].eq_ignore_ascii_case(word)
    })
}
