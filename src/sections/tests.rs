use super::*;

/// Sections as `write` writes them: a head, a list of `n` numbers, a raw text.
fn written(n: usize, write: impl FnOnce(&mut SectionsOut) -> io::Result<()>) -> (Vec<u8>, u64) {
    let mut bytes = Vec::new();
    let mut s = SectionsOut::new(&mut bytes);
    write(&mut s).unwrap();
    let (len, sum) = s.finish();
    assert_eq!(len, bytes.len() as u64, "{n}");
    (bytes, sum)
}

fn sample(n: usize) -> (Vec<u8>, u64) {
    written(n, |s| {
        s.out.str("head");
        s.end()?;
        s.list(0..n as u32, |out, v| out.varint(u64::from(v) * 1000))?;
        s.raw(b"a long text")
    })
}

/// What `sample` wrote, read back; the reader is then at the end.
fn read_sample(s: &mut SectionsIn<&[u8]>) -> Result<(String, Vec<u64>, Vec<u8>), Malformed> {
    let head = s.one(|inp| inp.string())?;
    let n = s.list_len(1)?;
    let mut v = Vec::with_capacity(n);
    s.list_items(n, |inp| {
        v.push(inp.varint()?);
        Ok(())
    })?;
    Ok((head, v, s.next_owned()?))
}

#[test]
fn sections_and_lists_read_back_as_written_and_the_checksum_is_the_whole_payloads() {
    for n in [0, 1, PER - 1, PER, PER + 1, 3 * PER + 7] {
        let (bytes, sum) = sample(n);
        let mut s = SectionsIn::new(&bytes[..], bytes.len() as u64);
        let (head, v, text) = read_sample(&mut s).unwrap();
        assert_eq!(head, "head");
        assert_eq!(v, (0..n as u64).map(|v| v * 1000).collect::<Vec<_>>());
        assert_eq!(text, b"a long text");
        assert!(s.is_done());
        assert_eq!(s.checksum(), sum);
        let mut whole = start();
        whole.add(&bytes);
        assert_eq!(whole.finish(), sum, "{n}");
    }
    // A list is its count, then sections of `PER` records at most.
    let (bytes, _) = written(PER + 1, |s| {
        s.list(0..PER as u32 + 1, |o, v| o.varint(v.into()))
    });
    let mut s = SectionsIn::new(&bytes[..], bytes.len() as u64);
    assert_eq!(s.one(|i| i.usize()), Ok(PER + 1));
    assert_eq!(
        s.one(|i| i
            .usize()
            .and_then(|c| (0..c).try_for_each(|_| i.varint().map(drop)).map(|_| c))),
        Ok(PER)
    );
    assert_eq!(
        s.one(|i| i.usize().and_then(|c| i.varint().map(|_| c))),
        Ok(1)
    );
    assert!(s.is_done());
}

#[test]
fn a_section_cut_short_or_longer_than_what_is_left_is_malformed_and_reads_no_further() {
    let (bytes, _) = sample(PER * 2);
    // Cut anywhere: the decode fails, and reads nothing past the end it was told of.
    for cut in 0..bytes.len() {
        let mut s = SectionsIn::new(&bytes[..], cut as u64);
        assert_eq!(read_sample(&mut s), Err(Malformed), "{cut}");
        assert!(s.failure().is_none(), "{cut}: no read past the end");
        s.drain();
        assert!(s.is_done());
    }
    // A file that ends before the length it was said to have: a read that fails.
    let mut s = SectionsIn::new(&bytes[..bytes.len() - 3], bytes.len() as u64);
    assert_eq!(read_sample(&mut s), Err(Malformed));
    assert_eq!(
        s.failure().map(|e| e.kind()),
        Some(io::ErrorKind::UnexpectedEof)
    );
    // A section's length past the payload's end, however large: refused before anything is
    // reserved for it.
    for len in [5u64, 1000, u64::MAX / 3, u64::MAX] {
        let mut bad = Out::default();
        bad.varint(len);
        bad.buf.extend_from_slice(b"four");
        let mut s = SectionsIn::new(&bad.buf[..], bad.buf.len() as u64);
        assert!(s.section().is_err(), "{len}");
        let mut s = SectionsIn::new(&bad.buf[..], bad.buf.len() as u64);
        assert!(s.next_owned().is_err(), "{len}");
    }
    // A list longer than the bytes left could hold, or whose sections say more than it.
    let (bytes, _) = written(0, |s| {
        s.out.usize(1 << 40);
        s.end()
    });
    assert_eq!(
        SectionsIn::new(&bytes[..], bytes.len() as u64).list_len(1),
        Err(Malformed)
    );
    let (bytes, _) = written(0, |s| {
        s.out.usize(3);
        s.end()?;
        s.out.usize(4);
        (0..4).for_each(|_| s.out.u8(0));
        s.end()
    });
    let mut s = SectionsIn::new(&bytes[..], bytes.len() as u64);
    let n = s.list_len(1).unwrap();
    assert_eq!(s.list_items(n, |i| i.u8().map(drop)), Err(Malformed));
    // A record that leaves bytes unread in its section.
    let (bytes, _) = written(0, |s| {
        s.out.usize(1);
        s.end()?;
        s.out.usize(1);
        s.out.u8(1);
        s.out.u8(2);
        s.end()
    });
    let mut s = SectionsIn::new(&bytes[..], bytes.len() as u64);
    let n = s.list_len(1).unwrap();
    assert_eq!(s.list_items(n, |i| i.u8().map(drop)), Err(Malformed));
}

#[test]
fn any_damage_to_the_bytes_changes_the_checksum_of_what_is_read_and_drained() {
    let (bytes, sum) = sample(PER + 3);
    let mut next = crate::test_rng::xorshift(7);
    for _ in 0..300 {
        let mut bad = bytes.clone();
        let at = next() as usize % bad.len();
        bad[at] ^= 1 << (next() % 8);
        let mut s = SectionsIn::new(&bad[..], bad.len() as u64);
        // Whatever the decode makes of it, read and drained it sums otherwise.
        let _ = read_sample(&mut s);
        s.drain();
        assert!(s.is_done() && s.failure().is_none());
        assert_ne!(s.checksum(), sum, "{at}");
    }
}
