//! A small binary encoding for the cache: varints, length-prefixed strings and byte strings,
//! and a 64-bit checksum. Written here rather than taken from serde: the cache's records are a
//! few plain shapes, and reading them back must never trust a count it is given (every count
//! is checked against the bytes left, so a damaged file cannot make a reader allocate more
//! than the file's size or loop past its end).

/// Something in the bytes is not what a writer of this format writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Bytes being written.
#[derive(Debug, Default)]
pub struct Out {
    pub buf: Vec<u8>,
}

impl Out {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn bool(&mut self, v: bool) {
        self.buf.push(u8::from(v));
    }

    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    /// A signed number, zig-zag coded so that small negative ones stay short.
    pub fn signed(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn usize(&mut self, v: usize) {
        self.varint(v as u64);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.usize(b.len());
        self.buf.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    pub fn strs<S: AsRef<str>>(&mut self, v: &[S]) {
        self.usize(v.len());
        for s in v {
            self.str(s.as_ref());
        }
    }
}

/// Bytes being read, every read checked.
#[derive(Debug)]
pub struct In<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> In<'a> {
    pub fn new(bytes: &'a [u8]) -> In<'a> {
        In { bytes, at: 0 }
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    pub fn u8(&mut self) -> Result<u8, Malformed> {
        let b = *self.bytes.get(self.at).ok_or(Malformed)?;
        self.at += 1;
        Ok(b)
    }

    pub fn bool(&mut self) -> Result<bool, Malformed> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Malformed),
        }
    }

    pub fn varint(&mut self) -> Result<u64, Malformed> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            let part = u64::from(b & 0x7f);
            if shift == 63 && part > 1 {
                return Err(Malformed);
            }
            v |= part << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(Malformed)
    }

    pub fn signed(&mut self) -> Result<i64, Malformed> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    pub fn u32(&mut self) -> Result<u32, Malformed> {
        u32::try_from(self.varint()?).map_err(|_| Malformed)
    }

    pub fn usize(&mut self) -> Result<usize, Malformed> {
        usize::try_from(self.varint()?).map_err(|_| Malformed)
    }

    /// A count of things each at least `min` bytes long: never more than the bytes left allow,
    /// so that no damaged count makes the reader reserve more than the file holds.
    pub fn count(&mut self, min: usize) -> Result<usize, Malformed> {
        let n = self.usize()?;
        let left = self.bytes.len() - self.at;
        if n.checked_mul(min.max(1)).is_none_or(|need| need > left) {
            return Err(Malformed);
        }
        Ok(n)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], Malformed> {
        let n = self.count(1)?;
        let b = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(b)
    }

    pub fn str(&mut self) -> Result<&'a str, Malformed> {
        std::str::from_utf8(self.bytes()?).map_err(|_| Malformed)
    }

    pub fn string(&mut self) -> Result<String, Malformed> {
        self.str().map(str::to_string)
    }

    pub fn opt_string(&mut self) -> Result<Option<String>, Malformed> {
        Ok(if self.bool()? {
            Some(self.string()?)
        } else {
            None
        })
    }

    pub fn strings(&mut self) -> Result<Vec<String>, Malformed> {
        let n = self.count(1)?;
        (0..n).map(|_| self.string()).collect()
    }
}

/// A 64-bit checksum of `bytes`, eight at a time (a few GB/s: a post's content hash is taken
/// on every cold read, so it must cost little beside parsing). Not a cryptographic hash: it
/// finds damage and changed files, it does not stand up to someone crafting a collision.
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut c = Checksum::new(bytes.len() as u64);
    c.add(bytes);
    c.finish()
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// `checksum` of bytes given a part at a time (of a file too large to hold), their length
/// known beforehand.
#[derive(Debug, Clone)]
pub struct Checksum {
    h: u64,
    /// The bytes of the last word so far (`held` of them).
    word: [u8; 8],
    held: usize,
}

impl Checksum {
    pub fn new(len: u64) -> Checksum {
        Checksum {
            h: 0x243f_6a88_85a3_08d3 ^ len.wrapping_mul(K),
            word: [0; 8],
            held: 0,
        }
    }

    pub fn add(&mut self, mut bytes: &[u8]) {
        if self.held > 0 {
            let n = (8 - self.held).min(bytes.len());
            self.word[self.held..self.held + n].copy_from_slice(&bytes[..n]);
            self.held += n;
            bytes = &bytes[n..];
            if self.held < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.word));
            self.held = 0;
        }
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        self.word[..rest.len()].copy_from_slice(rest);
        self.held = rest.len();
    }

    fn mix(&mut self, w: u64) {
        self.h = (self.h ^ w).wrapping_mul(K).rotate_left(29);
    }

    pub fn finish(&self) -> u64 {
        let mut last = [0u8; 8];
        last[..self.held].copy_from_slice(&self.word[..self.held]);
        let mut h = (self.h ^ u64::from_le_bytes(last)).wrapping_mul(K);
        h ^= h >> 32;
        h = h.wrapping_mul(K);
        h ^ (h >> 29)
    }
}

impl std::io::Write for Checksum {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.add(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written_and_damage_is_an_error_not_a_panic() {
        let mut o = Out::default();
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            o.varint(v);
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            o.signed(v);
        }
        o.str("héllo");
        o.opt_str(None);
        o.strs(&["a".into(), String::new()]);
        let mut i = In::new(&o.buf);
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(i.varint(), Ok(v));
        }
        for v in [0, -1, 1, i64::MIN, i64::MAX] {
            assert_eq!(i.signed(), Ok(v));
        }
        assert_eq!(i.str(), Ok("héllo"));
        assert_eq!(i.opt_string(), Ok(None));
        assert_eq!(i.strings(), Ok(vec!["a".to_string(), String::new()]));
        assert!(i.is_done());
        assert_eq!(i.u8(), Err(Malformed));

        // Every prefix of the bytes reads as far as it goes, then fails.
        for cut in 0..o.buf.len() {
            let mut i = In::new(&o.buf[..cut]);
            let all = (0..6).try_for_each(|_| i.varint().map(drop));
            let all = all.and_then(|_| (0..5).try_for_each(|_| i.signed().map(drop)));
            let all = all.and_then(|_| i.str().map(drop));
            let all = all.and_then(|_| i.opt_string().map(drop));
            assert!(all.and_then(|_| i.strings().map(drop)).is_err(), "{cut}");
        }
        // A count larger than the bytes left is refused before anything is reserved.
        let mut o = Out::default();
        o.varint(u64::MAX / 2);
        assert_eq!(In::new(&o.buf).count(1), Err(Malformed));
        assert_eq!(In::new(&[0xff; 11]).varint(), Err(Malformed));
    }

    #[test]
    fn the_checksum_sees_one_flipped_bit_and_the_length() {
        let text: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let base = checksum(&text);
        for i in [0, 7, 8, 500, 999] {
            let mut t = text.clone();
            t[i] ^= 1;
            assert_ne!(checksum(&t), base, "{i}");
        }
        assert_ne!(checksum(&text[..999]), base);
        assert_ne!(checksum(&[]), checksum(&[0]));
    }

    #[test]
    fn a_checksum_given_in_parts_is_the_checksum_of_the_whole() {
        let mut next = crate::test_rng::xorshift(99);
        for len in [0usize, 1, 7, 8, 9, 100, 1000] {
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let mut c = Checksum::new(len as u64);
            let mut rest = &bytes[..];
            while !rest.is_empty() {
                let n = (next() as usize % 20).min(rest.len());
                c.add(&rest[..n]);
                rest = &rest[n..];
            }
            assert_eq!(c.finish(), checksum(&bytes), "{len}");
        }
        assert_ne!(checksum(b"abcdefghi"), checksum(b"abcdefghj"));
    }
}
