//! The titles once more, packed for the bound on their scores (`bound.rs`): [`LANES`] titles
//! of about the same length side by side, one column of bytes per character position, so that
//! one vector instruction works a step of the scoring through for all of them. Each byte holds
//! what nucleo's scoring reads of a character: which letter or digit it matches (the low six
//! bits, [`code`]) and the bonus it earns where it stands (the top two, [`BONUS`]).

use nucleo_matcher::Utf32Str;
use nucleo_matcher::chars::{is_upper_case, normalize, to_lower_case};

/// Titles side by side: 32 bytes, one AVX2 register.
pub(super) const LANES: usize = 32;

/// One byte of each of [`LANES`] titles.
pub(super) type Lanes = [u8; LANES];

/// The code of a character that is no ASCII letter, digit or space as nucleo compares it: no
/// letter, digit or space of a query matches it, and any other character may (padding past a
/// title's end is this too).
pub(super) const OTHER: u8 = 63;

/// The bonus each value of a byte's top two bits stands for. Nucleo's are 0, 5 (a hump:
/// lower to upper case, or a digit after a letter), 8 (after punctuation), 9 (after `/,:;|`)
/// and 10 (after a space or at the start); 9 is kept as 10, so the bound can only be higher.
pub(super) const BONUS: [u8; 4] = [0, 5, 8, 10];

/// A title's place in the lanes: the lane of [`NONE`] holds none.
pub(super) const NONE: u32 = u32::MAX;

#[derive(Clone)]
pub(super) struct Group {
    /// Its first column in [`Columns::cols`]; it has as many as its longest title has
    /// characters.
    pub(super) start: u32,
    pub(super) len: u32,
    /// The title in each lane.
    pub(super) titles: [u32; LANES],
    /// The letters and digits of each ([`super::digest::letter_bit`]), so that the titles
    /// lacking one that a query needs are passed over without reading the columns.
    pub(super) letters: [u64; LANES],
    /// The lanes whose titles are not ASCII, one bit each.
    pub(super) wide: u32,
}

impl Group {
    fn new(start: usize, len: usize) -> Group {
        Group {
            start: super::digest::offset(start),
            len: super::digest::offset(len),
            titles: [NONE; LANES],
            letters: [0; LANES],
            wide: 0,
        }
    }

    /// Its columns in `cols`.
    pub(super) fn cols<'a>(&self, cols: &'a [Lanes]) -> &'a [Lanes] {
        &cols[self.start as usize..(self.start + self.len) as usize]
    }
}

/// Every title, in groups of [`LANES`] of about the same length.
#[derive(Default)]
pub(super) struct Columns {
    pub(super) groups: Vec<Group>,
    pub(super) cols: Vec<Lanes>,
}

impl Columns {
    /// The titles (as the matcher reads them, by index, with their letters), grouped by
    /// length.
    pub(super) fn build<'a>(
        count: usize,
        text: impl Fn(usize) -> Utf32Str<'a>,
        letters: impl Fn(usize) -> u64,
    ) -> Columns {
        let mut order: Vec<u32> = (0..count as u32).collect();
        order.sort_by_key(|&i| text(i as usize).len());
        let mut c = Columns::default();
        c.groups.reserve(order.len().div_ceil(LANES));
        let table = Table::new();
        let mut ascii = Vec::new();
        for titles in order.chunks(LANES) {
            let len = titles.last().map_or(0, |&i| text(i as usize).len());
            let start = c.cols.len();
            c.cols.resize(start + len, [OTHER; LANES]);
            let cols = &mut c.cols[start..];
            let mut group = Group::new(start, len);
            // The group's ASCII titles are copied together first: they lie far apart, and
            // their reads overlap so.
            ascii.clear();
            let mut ends = [0; LANES];
            for (lane, &i) in titles.iter().enumerate() {
                group.titles[lane] = i;
                group.letters[lane] = letters(i as usize);
                match text(i as usize) {
                    Utf32Str::Ascii(bytes) => ascii.extend_from_slice(bytes),
                    Utf32Str::Unicode(chars) => {
                        group.wide |= 1 << lane;
                        table.pack_wide(chars, cols, lane);
                    }
                }
                ends[lane] = ascii.len();
            }
            let mut from = 0;
            for (lane, &end) in ends.iter().enumerate().take(titles.len()) {
                if group.wide & (1 << lane) == 0 {
                    table.pack(&ascii[from..end], cols, lane);
                }
                from = end;
            }
            c.groups.push(group);
        }
        c
    }

    /// The lanes of `self` for which `keep` holds, side by side again (in the same order,
    /// so still grouped by length).
    pub(super) fn only(&self, keep: impl Fn(&Group, usize) -> bool) -> Columns {
        let kept: Vec<(&Group, usize)> = (self.groups.iter())
            .flat_map(|g| {
                (0..LANES)
                    .filter(|&lane| keep(g, lane))
                    .map(move |l| (g, l))
            })
            .collect();
        let mut c = Columns::default();
        for lanes in kept.chunks(LANES) {
            // The titles come shortest first: the last is the longest.
            let len = lanes.last().map_or(0, |(g, _)| g.len as usize);
            let start = c.cols.len();
            c.cols.resize(start + len, [OTHER; LANES]);
            let mut group = Group::new(start, len);
            for (at, &(g, lane)) in lanes.iter().enumerate() {
                for (to, from) in c.cols[start..].iter_mut().zip(g.cols(&self.cols)) {
                    to[at] = from[lane];
                }
                group.titles[at] = g.titles[lane];
                group.letters[at] = g.letters[lane];
                group.wide |= (g.wide >> lane & 1) << at;
            }
            c.groups.push(group);
        }
        c
    }

    /// The bytes this takes.
    pub(super) fn size(&self) -> usize {
        self.cols.len() * LANES + self.groups.len() * std::mem::size_of::<Group>()
    }
}

/// What a title's bytes are made of, looked up: the code and class of each ASCII character,
/// and the top bits of the bonus of each class after each other.
struct Table {
    ascii: [(u8, Class); 128],
    top: [[u8; CLASSES]; CLASSES],
}

const CLASSES: usize = Class::Number as usize + 1;

impl Table {
    fn new() -> Table {
        const ALL: [Class; CLASSES] = [
            Class::Whitespace,
            Class::NonWord,
            Class::Delimiter,
            Class::Lower,
            Class::Upper,
            Class::Letter,
            Class::Number,
        ];
        // The least of BONUS that is not less (9 is taken as 10), in the top two bits.
        let top = |prev, class| {
            let b = bonus(prev, class);
            (BONUS.iter().position(|&x| x >= b).expect("at most 10") as u8) << 6
        };
        Table {
            ascii: std::array::from_fn(|c| (code(c as u8 as char), class(c as u8 as char))),
            top: ALL.map(|prev| ALL.map(|class| top(prev, class))),
        }
    }

    /// Writes an ASCII title's bytes down lane `lane` of `cols`.
    fn pack(&self, title: &[u8], cols: &mut [Lanes], lane: usize) {
        let mut prev = Class::Whitespace;
        for (col, &c) in cols.iter_mut().zip(title) {
            let (code, class) = self.ascii[c as usize & 0x7f];
            col[lane] = code | self.top[prev as usize][class as usize];
            prev = class;
        }
    }

    /// Writes another title's bytes down lane `lane` of `cols`.
    fn pack_wide(&self, title: &[char], cols: &mut [Lanes], lane: usize) {
        let mut prev = Class::Whitespace;
        for (col, &c) in cols.iter_mut().zip(title) {
            let class = class(c);
            col[lane] = code(c) | self.top[prev as usize][class as usize];
            prev = class;
        }
    }
}

/// The low six bits of a character's byte: `a`–`z` are 0–25 and `A`–`Z` 32–57, so that
/// the low five bits alone match either case; `0`–`5` are 26–31, `6`–`9` 58–61, and a space
/// 62 (so that a sign of a query is not matched with every space). A character that nucleo
/// compares as one of these (`é` as `e`, `É` as `E` or `e`) has its code; any other is
/// [`OTHER`].
pub(super) fn code(c: char) -> u8 {
    let ascii = |c: char| match c {
        'a'..='z' => Some(c as u8 - b'a'),
        'A'..='Z' => Some(c as u8 - b'A' + 32),
        '0'..='5' => Some(c as u8 - b'0' + 26),
        '6'..='9' => Some(c as u8 - b'6' + 58),
        c if c.is_ascii_whitespace() => Some(62),
        _ => None,
    };
    if c.is_ascii() {
        return ascii(c).unwrap_or(OTHER);
    }
    // Nucleo normalizes first, then folds case when it ignores case.
    let n = normalize(c);
    ascii(n)
        .or_else(|| ascii(to_lower_case(n)))
        .unwrap_or(OTHER)
}

/// Nucleo's classes of characters, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Letter,
    Number,
}

/// A character's class, as nucleo's default configuration has it.
fn class(c: char) -> Class {
    if c.is_ascii() {
        let c = c as u8;
        return if c.is_ascii_lowercase() {
            Class::Lower
        } else if c.is_ascii_uppercase() {
            Class::Upper
        } else if c.is_ascii_digit() {
            Class::Number
        } else if c.is_ascii_whitespace() {
            Class::Whitespace
        } else if b"/,:;|".contains(&c) {
            Class::Delimiter
        } else {
            Class::NonWord
        };
    }
    if c.is_lowercase() {
        Class::Lower
    } else if is_upper_case(c) {
        Class::Upper
    } else if c.is_numeric() {
        Class::Number
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_whitespace() {
        Class::Whitespace
    } else {
        Class::NonWord
    }
}

/// The bonus nucleo gives a character of `class` after one of `prev`.
fn bonus(prev: Class, class: Class) -> u8 {
    if class > Class::Delimiter {
        match prev {
            Class::Whitespace => return 10,
            Class::Delimiter => return 9,
            Class::NonWord => return 8,
            _ => {}
        }
    }
    if prev == Class::Lower && class == Class::Upper
        || prev != Class::Number && class == Class::Number
    {
        5
    } else if class == Class::Whitespace {
        10
    } else if class == Class::NonWord {
        8
    } else {
        0
    }
}
