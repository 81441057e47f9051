//! End to end: once the archive is indexed the reader lets its papers' abstracts go and reads
//! the shown paper's back from its post (see `tui::core::texts`). Going from day to day after
//! that shows every abstract as the post has it.

#![cfg(unix)]

#[allow(dead_code)] // not every helper of the harness is used here
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use e2e_support::{FRI, TUE, WED, arg, fixture, quit, start};

#[test]
fn after_the_index_every_days_abstracts_are_read_back_as_you_go() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.wait_for("all days", |t| {
        t.contains("Days (3)") && t.contains(FRI[0].abstract_text)
    });
    // A search answers once the index is made; the texts go right after it.
    s.send("/");
    s.send("umbrellas");
    s.wait_for("the search's result", |t| t.contains("1 paper"));
    s.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.send("[");
    s.wait_for("Wednesday's first abstract", |t| {
        t.contains(WED[0].abstract_text)
    });
    s.send("j");
    s.wait_for("Wednesday's second abstract", |t| {
        t.contains(WED[1].abstract_text)
    });
    s.send("[");
    s.wait_for("Tuesday's abstract", |t| t.contains(TUE[0].abstract_text));
    s.send("]");
    s.send("]");
    let screen = s.wait_for("Friday's again", |t| t.contains(FRI[0].abstract_text));
    assert!(!screen.contains("reading the abstract"), "{screen}");
    quit(s);
}
