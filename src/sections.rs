//! A cache's payload as a stream of sections, each its length (a varint) and its bytes: written
//! one at a time and read back one at a time into one reused buffer, so that neither a write
//! nor a read holds the whole payload beside the model it describes. Long runs of like records
//! are lists: a section with their count, then sections of a few hundred of them each.
//!
//! Everything read or written is checksummed as it passes (see `codec::Checksum`); a reader
//! decodes to a side result and the caller trusts it only once the checksum at the end agrees.
//! No length is trusted beyond the bytes left in the payload, so damage cannot make a reader
//! allocate more than the file holds, nor loop past its end.

use std::io::{self, Read, Write};

use crate::codec::{Checksum, In, Malformed, Out};

/// How many records a list section holds at most (its bytes stay some tens of KiB).
pub const PER: usize = 256;

/// The checksum of a payload of sections as a reader and a writer take it: its length is not
/// known when the writer starts, and is checked against the header apart.
pub fn start() -> Checksum {
    Checksum::new(0)
}

/// Sections being written to `w`.
pub struct SectionsOut<'w> {
    w: &'w mut dyn Write,
    sum: Checksum,
    len: u64,
    /// The section being made; written by `end`.
    pub out: Out,
}

impl<'w> SectionsOut<'w> {
    pub fn new(w: &'w mut dyn Write) -> SectionsOut<'w> {
        SectionsOut {
            w,
            sum: start(),
            len: 0,
            out: Out::default(),
        }
    }

    /// Writes the section made in `out` (perhaps empty) and begins the next one.
    pub fn end(&mut self) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.out.buf);
        let written = self.raw(&buf);
        buf.clear();
        self.out.buf = buf;
        written
    }

    /// Writes `bytes` as a section, from where they are (a long text, not copied first).
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut head = Out::default();
        head.usize(bytes.len());
        for part in [&head.buf[..], bytes] {
            self.w.write_all(part)?;
            self.sum.add(part);
            self.len += part.len() as u64;
        }
        Ok(())
    }

    /// Writes `items` as a list: a section with their count, then sections of `PER` at most,
    /// each its count and its items as `each` writes them.
    pub fn list<T>(
        &mut self,
        items: impl ExactSizeIterator<Item = T>,
        mut each: impl FnMut(&mut Out, T),
    ) -> io::Result<()> {
        self.out.usize(items.len());
        self.end()?;
        let mut chunk = Vec::with_capacity(PER.min(items.len()));
        let mut items = items.peekable();
        while items.peek().is_some() {
            chunk.extend(items.by_ref().take(PER));
            self.out.usize(chunk.len());
            for t in chunk.drain(..) {
                each(&mut self.out, t);
            }
            self.end()?;
        }
        Ok(())
    }

    /// The payload's length and checksum so far.
    pub fn finish(&self) -> (u64, u64) {
        (self.len, self.sum.finish())
    }
}

/// Sections being read from `r`, `left` bytes of them still to come.
pub struct SectionsIn<R> {
    r: R,
    left: u64,
    sum: Checksum,
    buf: Vec<u8>,
    /// The first read that failed: the decode then sees `Malformed`, its caller this.
    failed: Option<io::Error>,
}

impl<R: Read> SectionsIn<R> {
    /// The `len` bytes of sections that `r` gives next.
    pub fn new(r: R, len: u64) -> SectionsIn<R> {
        SectionsIn {
            r,
            left: len,
            sum: start(),
            buf: Vec::new(),
            failed: None,
        }
    }

    fn fill(&mut self, buf: &mut [u8]) -> Result<(), Malformed> {
        if buf.len() as u64 > self.left {
            return Err(Malformed);
        }
        if let Err(e) = self.r.read_exact(buf) {
            self.failed.get_or_insert(e);
            return Err(Malformed);
        }
        self.left -= buf.len() as u64;
        self.sum.add(buf);
        Ok(())
    }

    /// The next section's length: never more than the bytes left after it.
    fn head(&mut self) -> Result<usize, Malformed> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let mut b = [0u8];
            self.fill(&mut b)?;
            n |= u64::from(b[0] & 0x7f).checked_shl(shift).ok_or(Malformed)?;
            if b[0] < 0x80 {
                return usize::try_from(n)
                    .ok()
                    .filter(|&n| n as u64 <= self.left)
                    .ok_or(Malformed);
            }
        }
        Err(Malformed)
    }

    /// The next section, read into the reused buffer.
    pub fn section(&mut self) -> Result<In<'_>, Malformed> {
        let n = self.head()?;
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        buf.resize(n, 0);
        let read = self.fill(&mut buf);
        self.buf = buf;
        read?;
        Ok(In::new(&self.buf))
    }

    /// The next section as bytes of its own (a long text kept as read, not copied).
    pub fn next_owned(&mut self) -> Result<Vec<u8>, Malformed> {
        let n = self.head()?;
        let mut buf = vec![0u8; n];
        self.fill(&mut buf)?;
        Ok(buf)
    }

    /// The next section, which must be read to its end by `f`.
    pub fn one<T>(
        &mut self,
        f: impl FnOnce(&mut In) -> Result<T, Malformed>,
    ) -> Result<T, Malformed> {
        let mut inp = self.section()?;
        let v = f(&mut inp)?;
        inp.is_done().then_some(v).ok_or(Malformed)
    }

    /// The length of the list that begins here, of records each at least `min` bytes long:
    /// never more than the bytes left allow, so that it can be reserved.
    pub fn list_len(&mut self, min: usize) -> Result<usize, Malformed> {
        let n = self.one(|inp| inp.usize())?;
        let need = (n as u64).checked_mul(min.max(1) as u64);
        need.filter(|&need| need <= self.left).ok_or(Malformed)?;
        Ok(n)
    }

    /// Reads the `n` records of the list `list_len` began, each with `each`.
    pub fn list_items(
        &mut self,
        n: usize,
        mut each: impl FnMut(&mut In) -> Result<(), Malformed>,
    ) -> Result<(), Malformed> {
        let mut got = 0;
        while got < n {
            got += self.one(|inp| {
                let c = inp.usize()?;
                if c == 0 || c > n - got {
                    return Err(Malformed);
                }
                (0..c).try_for_each(|_| each(inp))?;
                Ok(c)
            })?;
        }
        Ok(())
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.left == 0
    }

    /// Reads what is left without looking at it, for its checksum (after a decode that failed:
    /// whether the file was damaged or its bytes say something this reader refuses).
    pub fn drain(&mut self) {
        let mut buf = vec![0u8; (64 << 10).min(self.left as usize)];
        while self.left > 0 && self.failed.is_none() {
            let n = buf.len().min(self.left as usize);
            let _ = self.fill(&mut buf[..n]);
        }
    }

    /// The first read that failed, if one did.
    pub fn failure(&mut self) -> Option<io::Error> {
        self.failed.take()
    }

    /// The checksum of what was read.
    pub fn checksum(&self) -> u64 {
        self.sum.finish()
    }

    /// The reader, after the sections.
    pub fn into_inner(self) -> R {
        self.r
    }
}

#[cfg(test)]
mod tests;
