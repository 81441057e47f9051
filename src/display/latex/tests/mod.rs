//! `prettify` as a whole, by rule: text mode, math mode, the real titles that motivated them,
//! and hostile input.

mod hostile;
mod math;
mod real;
mod text;

use super::prettify;

/// `prettify(input)`, owned, for comparing.
fn p(input: &str) -> String {
    prettify(input).into_owned()
}

/// The start of `s`, for messages about megabyte inputs.
fn short(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((k, _)) => format!("{:?}… ({} bytes)", &s[..k], s.len()),
        None => format!("{s:?}"),
    }
}

/// Asserts each `(input, output)` pair.
fn check(cases: &[(&str, &str)]) {
    for (input, want) in cases {
        let got = p(input);
        assert!(
            got == *want,
            "prettify({}) = {}, want {}",
            short(input),
            short(&got),
            short(want)
        );
    }
}

/// Asserts each input is shown as written.
fn as_written(inputs: &[&str]) {
    for input in inputs {
        let got = p(input);
        assert!(
            got == *input,
            "prettify({}) = {}, want it as written",
            short(input),
            short(&got)
        );
    }
}
