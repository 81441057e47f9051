//! Hostile input: whatever it is, `prettify` finishes in linear time, never panics and never
//! writes a control character. No timings here (the machine is shared); the shapes below are
//! the ones that were, or would be, quadratic or deeply recursive in a naive converter, and
//! `tests/faults_posts.rs` measures the megabyte shapes of the loader.

use std::borrow::Cow;

use proptest::prelude::*;

use super::{as_written, check};
use crate::archive::text::{is_forbidden, sanitize};
use crate::display::latex::prettify;

const MB: usize = 1 << 20;

fn run(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

#[test]
fn unbalanced_and_deep_groups_are_left_as_written() {
    let fracs = run(r"\frac{", 60_000);
    as_written(&[
        &fracs,
        &format!("${fracs}$"),
        &format!("${fracs}x{}$", "}".repeat(10_000)),
        &run("{", MB),
        &run("}", MB),
        &format!("${}$", run("{", MB)),
        &format!("${}$", run("}", MB)),
        &run(r"$\hat{", MB),
        &format!("${}x$", run(r"\hat", MB)),
        &format!("${}12$", run(r"\frac", MB)),
        &format!("$x{}2$", run("^{", MB)),
        &format!("${}$", run(r"\sqrt[", MB)),
    ]);
    let deep = format!("${}x{}$", r"\mathrm{".repeat(20), "}".repeat(20));
    as_written(&[&deep]);
}

#[test]
fn broken_text_commands_are_left_as_written() {
    // Each of these is read about `MAX_DEPTH` times over (every failed command is tried again
    // one level further in), so a quarter megabyte is enough to show it stays linear.
    as_written(&[
        &run(r"\emph{", MB / 4),
        &run(r"\'{", MB / 4),
        &run(r"{\'", MB / 4),
        &run(r"\emph{a ", MB / 4),
        // A few unclosed groups, each holding a megabyte: every level is read again only by
        // the levels around it.
        &format!("{}{}", r"\emph{a ".repeat(8), run("x", MB)),
        &format!("{}{}", r"{\'{".repeat(8), run("x", MB)),
    ]);
}

#[test]
fn long_runs_of_dollars_and_tildes() {
    // No `$` here closes a span (a digit follows each), so all is text after one search.
    as_written(&[&run("$1", MB), &run("$", MB), &run("$$", MB)]);
    // One megabyte token: one URL check for all its tildes.
    let url = format!("https://x.org/{}", run("a~", MB));
    as_written(&[&url]);
    let ties = run("a~", MB) + "a";
    check(&[
        (&ties, &ties.replace('~', " ")),
        (&run("$a$~", MB), &format!("{}a~", run("a ", MB / 2 - 2))),
        (&run(r"\'e", 3 * 1000), &"é".repeat(1000)),
    ]);
}

#[test]
fn unchanged_text_is_borrowed() {
    for s in [
        "plain",
        "costs $5",
        r"$\foo$",
        "https://x.org/~u",
        "{B}ayes",
        r"\cite{x}",
    ] {
        assert!(matches!(prettify(s), Cow::Borrowed(_)), "{s:?}");
    }
    assert!(matches!(prettify(r"\'e"), Cow::Owned(_)));
}

/// Strings made mostly of the pieces the converter reacts to, so that random cases reach deep
/// into it instead of being plain text.
fn latexish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "$",
        "$$",
        "\\",
        "{",
        "}",
        "~",
        "^",
        "_",
        "[",
        "]",
        "(",
        ")",
        ".",
        " ",
        "\n",
        "x",
        "3",
        "é",
        "日",
        "\u{301}",
        "/",
        "https://",
        r"\frac",
        r"\sqrt",
        r"\hat",
        r"\text",
        r"\emph",
        r"\'",
        "\\\"",
        r"\c",
        r"\i",
        r"\mathbb",
        r"\mathcal",
        r"\left",
        r"\right",
        r"\alpha",
        r"\log",
        r"\operatorname",
        r"\%",
        r"\$",
        r"\,",
        r"\~",
        r"\foo",
        "\\\\",
    ]);
    let token = prop_oneof![4 => pieces.prop_map(String::from), 1 => any::<String>()];
    prop::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

/// Checks what `prettify` promises for `input` and returns its output.
fn promises(input: &str) -> String {
    let clean = sanitize(input);
    let out = prettify(&clean);
    let bad = out.chars().find(|&c| is_forbidden(c) || c == '\t');
    assert_eq!(bad, None, "{clean:?} gave {out:?}");
    let lines = |s: &str| s.matches('\n').count();
    assert!(
        lines(&out) <= lines(&clean),
        "{clean:?} gained lines: {out:?}"
    );
    assert_eq!(matches!(out, Cow::Borrowed(_)), out == clean, "{clean:?}");
    out.into_owned()
}

proptest! {
    #[test]
    fn never_panics_nor_writes_control_characters(input in latexish()) {
        let once = promises(&input);
        // Its own output is text like any other.
        promises(&once);
    }
}
