//! The index written to the cache and read back, a section at a time (see `sections`).
//! Listings are not written: they are the archive's papers in result order (see
//! `listing_order`), so only each one's document is; the orders and liveness are made again
//! from them. The postings' bytes go to the file's
//! bulk and stay there (see `Postings::stored`): what is read back is checked, the keys
//! whole now and each key's bytes when first read, so that a damaged cache can make no
//! search panic.

use std::collections::HashMap;
use std::io::{self, Read};
use std::sync::Arc;

use super::SearchIndex;
use super::build::listing_order;
use super::doc::{FIELDS, Listing};
use super::postings::Postings;
use super::segment::Segment;
use crate::archive::{Archive, PaperKey};
use crate::bulk::{Bulk, Stored};
use crate::codec::Malformed;
use crate::sections::{SectionsIn, SectionsOut};

type Values = HashMap<String, Vec<u32>>;

fn write_values(s: &mut SectionsOut, m: &Values) -> io::Result<()> {
    s.list(m.iter(), |out, (k, docs)| {
        out.str(k);
        out.usize(docs.len());
        for &d in docs {
            out.varint(u64::from(d));
        }
    })
}

fn read_values<R: Read>(
    s: &mut SectionsIn<R>,
    docs: &std::ops::Range<u32>,
) -> Result<Values, Malformed> {
    let n = s.list_len(2)?;
    let mut m = HashMap::with_capacity(n);
    s.list_items(n, |inp| {
        let k = inp.string()?;
        let c = inp.count(1)?;
        let v = (0..c)
            .map(|_| {
                inp.u32()
                    .and_then(|d| docs.contains(&d).then_some(d).ok_or(Malformed))
            })
            .collect::<Result<Vec<u32>, _>>()?;
        m.insert(k, v);
        Ok(())
    })?;
    Ok(m)
}

impl SearchIndex {
    /// Writes the index (of the archive it was made for) as sections (see `sections`), its
    /// postings' bytes to `bulk` (where they stay when read back: see `bulk`). A segment's
    /// keys' text is one section, written from where it is; the rest lists of records.
    pub fn write_to<'a>(&'a self, s: &mut SectionsOut, bulk: &mut Bulk<'a>) -> io::Result<()> {
        s.list(self.lengths.iter(), |out, l| {
            for &n in l {
                out.varint(u64::from(n));
            }
        })?;
        s.list(self.listings.iter(), |out, l| out.varint(u64::from(l.doc)))?;
        s.out.usize(self.segments.len());
        s.end()?;
        for seg in &self.segments {
            let (text, key_ends, starts) = seg.postings.keys();
            let bytes = seg.postings.piece();
            s.out.varint(u64::from(seg.first));
            s.out.varint(bulk.push(bytes));
            s.out.varint(bytes.len());
            s.end()?;
            s.raw(text.as_bytes())?;
            s.list(key_ends.iter().zip(starts), |out, (&e, &st)| {
                out.varint(u64::from(e));
                out.varint(st);
            })?;
            s.list(seg.keys.iter(), |out, k| out.str(k.as_str()))?;
            for m in [&seg.tweeters, &seg.ids, &seg.has] {
                write_values(s, m)?;
            }
        }
        Ok(())
    }

    /// Reads what `write_to` wrote of the index of `archive`; an error when it is damaged or
    /// not the index of this archive's papers.
    pub fn read_from<R: Read>(
        s: &mut SectionsIn<R>,
        bulk: &Stored,
        archive: &Archive,
    ) -> Result<SearchIndex, Malformed> {
        let n = s.list_len(FIELDS.len())?;
        let mut lengths = Vec::with_capacity(n);
        s.list_items(n, |inp| {
            let mut l = [0u16; FIELDS.len()];
            for x in &mut l {
                *x = u16::try_from(inp.varint()?).map_err(|_| Malformed)?;
            }
            lengths.push(l);
            Ok(())
        })?;
        let documents = u32::try_from(lengths.len()).map_err(|_| Malformed)?;
        let n = s.list_len(1)?;
        if n != archive.paper_count() {
            return Err(Malformed);
        }
        let mut listings = Vec::with_capacity(n);
        let mut order = listing_order(archive);
        s.list_items(n, |inp| {
            let (at, paper) = order.next().ok_or(Malformed)?;
            let doc = inp.u32()?;
            if doc >= documents {
                return Err(Malformed);
            }
            listings.push(Listing {
                at,
                doc,
                attention: paper.retweets.saturating_add(paper.favorites),
            });
            Ok(())
        })?;
        // A count, not a list's records: each segment is sections of its own, four at least.
        let n = s.list_len(4)?;
        let mut segments = Vec::with_capacity(n);
        let mut end = 0u32;
        for _ in 0..n {
            let (first, at, len) = s.one(|inp| Ok((inp.u32()?, inp.varint()?, inp.varint()?)))?;
            let text = String::from_utf8(s.next_owned()?).map_err(|_| Malformed)?;
            let k = s.list_len(2)?;
            let (mut key_ends, mut starts) = (Vec::with_capacity(k), Vec::with_capacity(k));
            s.list_items(k, |inp| {
                key_ends.push(inp.u32()?);
                starts.push(inp.varint()?);
                Ok(())
            })?;
            let bytes = bulk.part(at, len).ok_or(Malformed)?;
            let c = s.list_len(1)?;
            let mut keys = Vec::with_capacity(c);
            s.list_items(c, |inp| {
                keys.push(PaperKey::from_stored(inp.string()?));
                Ok(())
            })?;
            let last = u32::try_from(keys.len())
                .ok()
                .and_then(|c| first.checked_add(c))
                .ok_or(Malformed)?;
            if first != end || last > documents {
                return Err(Malformed);
            }
            end = last;
            let docs = first..last;
            let postings = Postings::stored(
                text,
                key_ends,
                starts,
                bytes,
                docs.clone(),
                FIELDS.len() as u8,
            )
            .ok_or(Malformed)?;
            segments.push(Arc::new(Segment {
                first,
                postings,
                keys,
                tweeters: read_values(s, &docs)?,
                ids: read_values(s, &docs)?,
                has: read_values(s, &docs)?,
            }));
        }
        if segments.is_empty() || end != documents {
            return Err(Malformed);
        }
        Ok(SearchIndex::assemble(listings, lengths, segments))
    }
}
