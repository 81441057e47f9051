//! One group's bytes (the occurrences of a key in one document's field), and the varints they
//! are made of.
//!
//! A group is `header, [count - 4], count × code delta` (varints). The header is
//! `doc delta << 5 | field << 2 | min(count, 4) - 1`: three in four groups are a single
//! occurrence and one in sixteen four or more, and seven in eight deltas are below 512, so a
//! header is mostly one byte or two, where a delta, a field and a count each of their own
//! took three or more (on 27,379 documents of papers none repeated: 1.8 bytes a group, was
//! 3.2). Only a count of 4 or more writes the rest of it after the header.

use std::ops::Range;

use super::super::doc::FIELDS;

/// The header's bits below the document delta: the field's, then the count's.
const FIELD_BITS: u32 = 3;
const COUNT_BITS: u32 = 2;
pub(super) const TAG_BITS: u32 = FIELD_BITS + COUNT_BITS;
/// The count the header holds whole below this; from it on, its rest follows the header.
const IN_HEADER: u32 = 1 << COUNT_BITS;

const _: () = assert!(FIELDS.len() <= 1 << FIELD_BITS, "every field fits its bits");

/// Whether `field` can be written in a header.
pub(super) fn fits(field: u8) -> bool {
    u32::from(field) < 1 << FIELD_BITS
}

pub(super) fn push_varint(mut v: u32, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The varint at `*at`, which ends before `bytes` do (wrapped, not a panic, if too long).
pub(super) fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0u32;
    loop {
        let b = bytes[*at];
        *at += 1;
        v |= u32::from(b & 0x7f).wrapping_shl(shift);
        if b < 0x80 {
            return v;
        }
        shift += 7;
    }
}

/// A varint of at most five bytes that fits in a `u32`, or `None`.
pub(super) fn checked_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v = 0u64;
    for shift in [0, 7, 14, 21, 28] {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return u32::try_from(v).ok();
        }
    }
    None
}

fn push_varint64(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A varint of at most six bytes (a header of any `u32` delta needs 37 bits), or `None`.
fn checked_varint64(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in [0, 7, 14, 21, 28, 35] {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// Appends the header of `n` occurrences (one or more) in `field` of the document `delta`
/// after the last group's, and the count's rest if the header cannot hold it all.
pub(super) fn push_header(delta: u32, field: u8, n: u32, out: &mut Vec<u8>) {
    debug_assert!(n > 0 && fits(field));
    let count = n.min(IN_HEADER) - 1;
    let tag = (u32::from(field) << COUNT_BITS) | count;
    push_tagged(delta, tag as u8, out);
    if n >= IN_HEADER {
        push_varint(n - IN_HEADER, out);
    }
}

/// Appends a header of the document `delta` after the last group's, with `tag` (its field and
/// count bits) as another header had them: what merging writes anew of a group.
pub(super) fn push_tagged(delta: u32, tag: u8, out: &mut Vec<u8>) {
    push_varint64((u64::from(delta) << TAG_BITS) | u64::from(tag), out);
}

/// A group as read: its document, field and count, and where its parts are.
#[derive(Debug)]
pub(super) struct Group {
    pub doc: u32,
    pub field: u8,
    pub n: u32,
    /// The header's bits below the delta (`push_tagged`).
    pub tag: u8,
    /// What follows the header: the count's rest if any, and the codes.
    pub tail: Range<usize>,
    /// Where the codes start (they end with `tail`).
    pub codes: usize,
}

/// The group at `*at`, after one of document `doc`, `*at` then past it; `None` if it is cut or
/// out of what a header and a count can hold (never a panic, whatever the bytes). `doc_ok`
/// says whether a document and field may be there (checked before the codes are skipped).
pub(super) fn next_group(
    bytes: &[u8],
    at: &mut usize,
    doc: u32,
    doc_ok: impl Fn(u32, u8) -> bool,
) -> Option<Group> {
    let header = checked_varint64(bytes, at)?;
    let delta = u32::try_from(header >> TAG_BITS).ok()?;
    let doc = doc.checked_add(delta)?;
    let tag = (header & ((1 << TAG_BITS) - 1)) as u8;
    let field = tag >> COUNT_BITS;
    if !doc_ok(doc, field) {
        return None;
    }
    let from = *at;
    let mut n = u32::from(tag) % IN_HEADER + 1;
    if n == IN_HEADER {
        n = checked_varint(bytes, at)?.checked_add(IN_HEADER)?;
    }
    let codes = *at;
    // The codes end after their n-th last byte (one below 0x80).
    let mut ends = 0;
    while ends < n {
        ends += u32::from(*bytes.get(*at)? < 0x80);
        *at += 1;
    }
    Some(Group {
        doc,
        field,
        n,
        tag,
        tail: from..*at,
        codes,
    })
}
