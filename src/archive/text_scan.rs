//! The byte scans under the loader's text clean-up: finding control and bidi characters and odd
//! white space in blocks the compiler can test many bytes of at once, since they run over every
//! byte of every post.

/// True for characters that must never reach a terminal: C0 controls other than newline, DEL, C1
/// controls, and the bidi embedding/override/isolate controls that can make text read differently
/// from how it is stored.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// True if `b` holds a forbidden character (or a tab, when `tabs`): the same test as
/// `s.chars().any(..)`, but on bytes, since this runs over every byte of every post. Every
/// forbidden character is ASCII, or 0xC2 then 0x80..=0x9F (C1 controls), or 0xE2 0x80 0xAA..=0xAE
/// or 0xE2 0x81 0xA6..=0xA9 (bidi controls).
pub(super) fn needs_cleaning(b: &[u8], tabs: bool) -> bool {
    any_window(
        b,
        |c, d| maybe_dirty(c, d, tabs),
        |c, d, e| dirty(c, d, e, tabs),
    )
}

/// Where the first character `needs_cleaning` looks for starts.
pub(super) fn first_dirty(b: &[u8], tabs: bool) -> Option<usize> {
    first_window(
        b,
        |c, d| maybe_dirty(c, d, tabs),
        |c, d, e| dirty(c, d, e, tabs),
    )
}

#[inline(always)]
fn control(c: u8, tabs: bool) -> bool {
    (c < 0x20) & (c != b'\n') & (tabs | (c != b'\t'))
}

/// A quick test for `dirty`: true wherever it is.
#[inline(always)]
fn maybe_dirty(c: u8, _: u8, tabs: bool) -> bool {
    control(c, tabs) | (c == 0x7f) | (c == 0xc2) | (c == 0xe2)
}

/// True where a forbidden character (or a tab, when `tabs`) starts.
#[inline(always)]
fn dirty(c: u8, d: u8, e: u8, tabs: bool) -> bool {
    let c1 = (c == 0xc2) & (d & 0xe0 == 0x80);
    let bidi = (c == 0xe2)
        & (((d == 0x80) & (e.wrapping_sub(0xaa) < 5)) | ((d == 0x81) & (e.wrapping_sub(0xa6) < 4)));
    control(c, tabs) | (c == 0x7f) | c1 | bidi
}

/// True if `exact(b[i], b[i + 1], b[i + 2])` holds at some `i`, bytes past the end reading as
/// `x` (so `exact` must be false for `x` and must not need a byte after the end to be anything).
/// `quick(b[i], b[i + 1])` must hold wherever `exact` does; blocks where it holds nowhere, most
/// of them, are passed over without the exact test. Written so the compiler can test many
/// positions at once: both must use `&`/`|`, not `&&`/`||`. The last partial block, which is all
/// there is of a short field, is tested on a padded copy.
#[inline(always)]
pub(super) fn any_window(
    b: &[u8],
    quick: impl Fn(u8, u8) -> bool,
    exact: impl Fn(u8, u8, u8) -> bool,
) -> bool {
    const N: usize = 32;
    let block = |w: &[u8; N + 2]| {
        let mut maybe = false;
        for j in 0..N {
            maybe |= quick(w[j], w[j + 1]);
        }
        if !maybe {
            return false;
        }
        let mut any = false;
        for j in 0..N {
            any |= exact(w[j], w[j + 1], w[j + 2]);
        }
        any
    };
    let mut i = 0;
    while i + N + 2 <= b.len() {
        if block(b[i..i + N + 2].try_into().expect("N + 2 bytes")) {
            return true;
        }
        i += N;
    }
    // Up to N + 1 bytes are left (the loop needs N + 2 for a block): two padded blocks test
    // them all. One block tested only the first N, so a control character ending a field of
    // 33, 65, 97... bytes was kept (found by the `pane_wrap` fuzzer).
    let rest = &b[i..];
    let mut padded = [b'x'; 2 * N + 2];
    padded[..rest.len()].copy_from_slice(rest);
    let (first, second) = (&padded[..N + 2], &padded[N..]);
    // The second block only tests the positions from N on, which a short field has none of.
    block(first.try_into().expect("N + 2 bytes"))
        || (rest.len() > N && block(second.try_into().expect("N + 2 bytes")))
}

/// The first `i` where `exact(b[i], b[i + 1], b[i + 2])` holds: `any_window` (see there), but
/// saying where.
#[inline(always)]
pub(super) fn first_window(
    b: &[u8],
    quick: impl Fn(u8, u8) -> bool,
    exact: impl Fn(u8, u8, u8) -> bool,
) -> Option<usize> {
    const N: usize = 32;
    let block = |w: &[u8; N + 2]| {
        let mut maybe = false;
        for j in 0..N {
            maybe |= quick(w[j], w[j + 1]);
        }
        if !maybe {
            return None;
        }
        (0..N).find(|&j| exact(w[j], w[j + 1], w[j + 2]))
    };
    let mut i = 0;
    while i + N + 2 <= b.len() {
        if let Some(j) = block(b[i..i + N + 2].try_into().expect("N + 2 bytes")) {
            return Some(i + j);
        }
        i += N;
    }
    let rest = &b[i..];
    let mut padded = [b'x'; 2 * N + 2];
    padded[..rest.len()].copy_from_slice(rest);
    let (first, second) = (&padded[..N + 2], &padded[N..]);
    block(first.try_into().expect("N + 2 bytes"))
        .map(|j| i + j)
        .or_else(|| {
            (rest.len() > N)
                .then(|| block(second.try_into().expect("N + 2 bytes")))
                .flatten()
                .map(|j| i + N + j)
        })
}

/// True where a white-space character (`char::is_whitespace`) starts, or a space is followed by
/// another: ASCII `\t`..=`\r` and space, NEL and NBSP (0xC2 ..), U+1680 (0xE1 ..),
/// U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F (0xE2 ..) and U+3000 (0xE3 ..).
#[inline(always)]
pub(super) fn odd_space(c: u8, d: u8, e: u8) -> bool {
    let c2 = (c == 0xc2) & ((d == 0x85) | (d == 0xa0));
    let e1 = (c == 0xe1) & (d == 0x9a) & (e == 0x80);
    let e2_80 =
        (d == 0x80) & ((e.wrapping_sub(0x80) < 0x0b) | (e == 0xa8) | (e == 0xa9) | (e == 0xaf));
    let e2 = (c == 0xe2) & (e2_80 | ((d == 0x81) & (e == 0x9f)));
    let e3 = (c == 0xe3) & (d == 0x80) & (e == 0x80);
    odd_ascii_space(c, d) | c2 | e1 | e2 | e3
}

/// The ASCII part of `odd_space`, and a quick test for the rest: true wherever `odd_space` is.
#[inline(always)]
pub(super) fn maybe_odd_space(c: u8, d: u8) -> bool {
    odd_ascii_space(c, d) | (c == 0xc2) | (c.wrapping_sub(0xe1) < 3)
}

#[inline(always)]
fn odd_ascii_space(c: u8, d: u8) -> bool {
    (c.wrapping_sub(b'\t') < 5) | ((c == b' ') & (d == b' '))
}

/// Number of `\n` bytes in `b`, counted a block at a time.
pub fn count_newlines(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(128);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut k = 0u8;
        for &c in chunk {
            k += u8::from(c == b'\n');
        }
        n += usize::from(k);
    }
    n + chunks.remainder().iter().filter(|&&c| c == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_space_marks_exactly_the_white_space() {
        for c in (0..=0x3001u32)
            .chain(0xfff0..=0x1_0000)
            .filter_map(char::from_u32)
        {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let at = |k: usize| b.get(k).copied().unwrap_or(b'x');
            let odd = c.is_whitespace() && c != ' ';
            assert_eq!(odd_space(b[0], at(1), at(2)), odd, "{c:?}");
            assert!(!odd || maybe_odd_space(b[0], at(1)), "{c:?}");
        }
        assert!(odd_space(b' ', b' ', 0) && !odd_space(b' ', b'a', 0));
        let long = "word ".repeat(40);
        assert!(!any_window(
            long.trim().as_bytes(),
            maybe_odd_space,
            odd_space
        ));
        assert!(any_window(
            format!("{long} {long}").as_bytes(),
            maybe_odd_space,
            odd_space
        ));
        assert_eq!(count_newlines("a\n".repeat(300).as_bytes()), 300);
    }

    #[test]
    fn byte_scan_finds_exactly_the_forbidden_characters() {
        for c in (0..=0x3000u32)
            .chain(0xfff0..=0x1_0000)
            .filter_map(char::from_u32)
        {
            let s = format!("a{c}b");
            let long = format!("{}{c}{}", "x".repeat(37), "y".repeat(40));
            assert_eq!(
                needs_cleaning(long.as_bytes(), false),
                is_forbidden(c),
                "{c:?}"
            );
            let by_chars = c == '\t' || is_forbidden(c);
            assert_eq!(needs_cleaning(s.as_bytes(), true), by_chars, "{c:?}");
            assert_eq!(
                needs_cleaning(s.as_bytes(), false),
                is_forbidden(c),
                "{c:?}"
            );
        }
    }
}
