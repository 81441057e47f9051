//! Postings moved whole to a spill file as one stream, keys and groups alike: for each key in
//! order, its length, its text, its groups' length (varints) and its groups. Read back only in
//! order, by a merge (see `Postings::join`): a chunk of an index build that streamed its
//! postings holds none of them meanwhile, not even its keys (on 3,000 posts where no paper
//! repeats, 9 MB of keys over 15 chunks).

use std::io::{self, BufReader, Read, Write};
use std::ops::Range;

use super::group::{Group, next_group, push_varint};
use super::{Postings, Store};
use crate::bulk::Stored;
use crate::spill::Spill;

use super::cursor::Source;

/// A chunk of postings to join (see `Postings::join`): held, or streamed to a spill file.
#[derive(Debug)]
pub enum Chunk {
    Held(Postings),
    Streamed(Streamed),
}

impl Chunk {
    /// `postings` (of documents `docs`) streamed to `spill` if there is one and it can be
    /// written, else held.
    pub fn of(postings: Postings, spill: Option<&Spill>, docs: Range<u32>) -> Chunk {
        let Some(spill) = spill else {
            return Chunk::Held(postings);
        };
        match postings.stream_to(spill, docs) {
            Ok(s) => Chunk::Streamed(s),
            Err(_) => Chunk::Held(postings),
        }
    }
}

/// Streamed postings: where the stream is, how many keys it holds, and of which documents.
#[derive(Debug)]
pub struct Streamed {
    bytes: Stored,
    keys: usize,
    docs: Range<u32>,
}

impl Postings {
    /// These postings (held in memory, of documents `docs`) written to `spill` as a stream;
    /// an error if they cannot be (a full disk, a key's groups over 4 GiB) or are not held.
    pub fn stream_to(&self, spill: &Spill, docs: Range<u32>) -> io::Result<Streamed> {
        let Store::Memory(groups) = &self.bytes else {
            return Err(io::Error::other("postings left in a file are not streamed"));
        };
        let mut w = spill.writer();
        let mut head = Vec::with_capacity(10);
        for k in 0..self.len() {
            let (key, span) = (self.key(k), self.span(k));
            head.clear();
            push_varint(
                u32::try_from(key.len()).map_err(io::Error::other)?,
                &mut head,
            );
            let len = u32::try_from(span.end - span.start).map_err(io::Error::other)?;
            push_varint(len, &mut head);
            w.write_all(&head)?;
            w.write_all(key.as_bytes())?;
            w.write_all(&groups[span.start as usize..span.end as usize])?;
        }
        Ok(Streamed {
            bytes: w.finish()?,
            keys: self.len(),
            docs,
        })
    }
}

/// How much of a stream is read at once.
const BUFFER: usize = 16 << 10;

/// A stream read back, key after key.
pub(super) struct StreamCursor {
    from: BufReader<crate::bulk::Reader>,
    /// The stream's bytes not read yet: no key or groups longer is believed (a damaged
    /// stream is not followed into a 4 GiB allocation).
    rest: u64,
    docs: Range<u32>,
    left: usize,
    key: Option<String>,
    groups: Vec<u8>,
    failed: bool,
}

impl StreamCursor {
    pub(super) fn new(s: &Streamed) -> StreamCursor {
        let mut c = StreamCursor {
            from: BufReader::with_capacity(BUFFER, s.bytes.reader()),
            rest: s.bytes.len(),
            docs: s.docs.clone(),
            left: s.keys,
            key: None,
            groups: Vec::new(),
            failed: false,
        };
        c.advance();
        c
    }

    fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in [0, 7, 14, 21, 28] {
            let mut b = [0u8];
            self.from.read_exact(&mut b).ok()?;
            self.rest = self.rest.checked_sub(1)?;
            v |= u32::from(b[0] & 0x7f).checked_shl(shift)?;
            if b[0] < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// The next key and its groups, if they can be read.
    fn next(&mut self) -> Option<String> {
        let (k, g) = (self.varint()?, self.varint()?);
        self.rest = self.rest.checked_sub(u64::from(k) + u64::from(g))?;
        let mut key = vec![0u8; k as usize];
        self.from.read_exact(&mut key).ok()?;
        self.groups.resize(g as usize, 0);
        self.from.read_exact(&mut self.groups).ok()?;
        String::from_utf8(key).ok()
    }
}

impl Source for StreamCursor {
    fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    fn advance(&mut self) {
        self.key = None;
        if self.left == 0 || self.failed {
            return;
        }
        self.left -= 1;
        self.key = self.next();
        self.failed = self.key.is_none();
    }

    fn groups(&mut self, each: &mut dyn FnMut(&Group, &[u8])) {
        let (bytes, mut at, mut doc) = (&self.groups[..], 0, 0u32);
        while at < bytes.len() {
            // Of the chunk's documents, in order, or the stream is damaged: a merge numbers
            // them on from the last chunk's.
            let docs = &self.docs;
            let Some(g) = next_group(bytes, &mut at, doc, |d, _| docs.contains(&d)) else {
                self.failed = true;
                return;
            };
            doc = g.doc;
            each(&g, bytes);
        }
    }

    fn failed(&self) -> bool {
        self.failed
    }
}
