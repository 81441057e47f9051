//! The index written to the cache and read back. Listings are not written: they are the
//! archive's papers in result order (see `listing_order`), so only each one's document is;
//! the orders and liveness are made again from them. The postings' bytes go to the file's
//! bulk and stay there (see `Postings::stored`): what is read back is checked, the keys
//! whole now and each key's bytes when first read, so that a damaged cache can make no
//! search panic.

use std::collections::HashMap;
use std::sync::Arc;

use super::SearchIndex;
use super::build::listing_order;
use super::doc::{FIELDS, Listing};
use super::postings::Postings;
use super::segment::Segment;
use crate::archive::{Archive, PaperKey};
use crate::bulk::{Bulk, Stored};
use crate::codec::{In, Malformed, Out};

type Values = HashMap<String, Vec<u32>>;

fn write_values(out: &mut Out, m: &Values) {
    out.usize(m.len());
    for (k, docs) in m {
        out.str(k);
        out.usize(docs.len());
        for &d in docs {
            out.varint(u64::from(d));
        }
    }
}

fn read_values(inp: &mut In, docs: &std::ops::Range<u32>) -> Result<Values, Malformed> {
    let n = inp.count(2)?;
    let mut m = HashMap::with_capacity(n);
    for _ in 0..n {
        let k = inp.string()?;
        let c = inp.count(1)?;
        let v = (0..c)
            .map(|_| {
                inp.u32()
                    .and_then(|d| docs.contains(&d).then_some(d).ok_or(Malformed))
            })
            .collect::<Result<Vec<u32>, _>>()?;
        m.insert(k, v);
    }
    Ok(m)
}

impl SearchIndex {
    /// Writes the index (of the archive it was made for) to `out`, its postings' bytes to
    /// `bulk` (where they stay when read back: see `bulk`).
    pub fn write_to<'a>(&'a self, out: &mut Out, bulk: &mut Bulk<'a>) {
        out.usize(self.lengths.len());
        for l in &self.lengths {
            for &n in l {
                out.varint(u64::from(n));
            }
        }
        out.usize(self.listings.len());
        for l in &self.listings {
            out.varint(u64::from(l.doc));
        }
        out.usize(self.segments.len());
        for s in &self.segments {
            out.varint(u64::from(s.first));
            let (text, key_ends, starts) = s.postings.keys();
            out.str(text);
            out.usize(key_ends.len());
            for (&e, &st) in key_ends.iter().zip(starts) {
                out.varint(u64::from(e));
                out.varint(st);
            }
            let bytes = s.postings.piece();
            out.varint(bulk.push(bytes));
            out.varint(bytes.len());
            out.usize(s.keys.len());
            for k in &s.keys {
                out.str(k.as_str());
            }
            for m in [&s.tweeters, &s.ids, &s.has] {
                write_values(out, m);
            }
        }
    }

    /// Reads what `write_to` wrote of the index of `archive`; an error when it is damaged or
    /// not the index of this archive's papers.
    pub fn read_from(
        inp: &mut In,
        bulk: &Stored,
        archive: &Archive,
    ) -> Result<SearchIndex, Malformed> {
        let n = inp.count(FIELDS.len())?;
        let mut lengths = Vec::with_capacity(n);
        for _ in 0..n {
            let mut l = [0u16; FIELDS.len()];
            for x in &mut l {
                *x = u16::try_from(inp.varint()?).map_err(|_| Malformed)?;
            }
            lengths.push(l);
        }
        let documents = u32::try_from(lengths.len()).map_err(|_| Malformed)?;
        let n = inp.count(1)?;
        if n != archive.paper_count() {
            return Err(Malformed);
        }
        let mut listings = Vec::with_capacity(n);
        for (at, paper) in listing_order(archive) {
            let doc = inp.u32()?;
            if doc >= documents {
                return Err(Malformed);
            }
            listings.push(Listing {
                at,
                doc,
                attention: paper.retweets.saturating_add(paper.favorites),
            });
        }
        let n = inp.count(4)?;
        let mut segments = Vec::with_capacity(n);
        let mut end = 0u32;
        for _ in 0..n {
            let first = inp.u32()?;
            let text = inp.string()?;
            let k = inp.count(2)?;
            let (mut key_ends, mut starts) = (Vec::with_capacity(k), Vec::with_capacity(k));
            for _ in 0..k {
                key_ends.push(inp.u32()?);
                starts.push(inp.varint()?);
            }
            let (at, len) = (inp.varint()?, inp.varint()?);
            let bytes = bulk.part(at, len).ok_or(Malformed)?;
            let c = inp.count(1)?;
            let keys = (0..c)
                .map(|_| inp.string().map(PaperKey::from_stored))
                .collect::<Result<Vec<_>, _>>()?;
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
                tweeters: read_values(inp, &docs)?,
                ids: read_values(inp, &docs)?,
                has: read_values(inp, &docs)?,
            }));
        }
        if segments.is_empty() || end != documents {
            return Err(Malformed);
        }
        Ok(SearchIndex::assemble(listings, lengths, segments))
    }
}
