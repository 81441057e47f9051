//! Pastes into the real binary in a pseudo-terminal (issue 16): the terminal hands a paste over
//! whole (bracketed paste), so a paste of two lines outside a prompt runs no command (no browser
//! opens, nothing reloads), and a paste of a megabyte into the search box is one edit, capped,
//! with the reader answering keys right after.

#![cfg(unix)]

#[allow(dead_code)] // this test writes its own days, not the shared fixture's
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use e2e_support::{FixturePaper, archive_of, arg, paper, quit, start_cmd};
use pty::{FakeBrowser, hotpapers};

const DAY: &[FixturePaper] = &[
    paper(
        "StyleGAN Faces",
        "https://arxiv.org/abs/2402.00201",
        "https://arxiv.org/pdf/2402.00201",
        "Portraits from noise.",
    ),
    paper(
        "Elegant Proofs",
        "https://arxiv.org/abs/2402.00202",
        "https://arxiv.org/pdf/2402.00202",
        "Short proofs of old facts.",
    ),
];

fn bracketed(text: &str) -> Vec<u8> {
    let mut out = b"\x1b[200~".to_vec();
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(b"\x1b[201~");
    out
}

#[test]
fn a_paste_of_lines_outside_a_prompt_runs_no_command() {
    let dir = archive_of(&[("2024-02-02", DAY)]);
    let browser = FakeBrowser::new("");
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.wait_text("StyleGAN Faces");
    // The reader asks the terminal for bracketed pastes.
    assert!(pty::contains(&s.raw(), b"\x1b[?2004h"));
    // As keys, these would open the abs page and the pdf, move down and reload.
    s.send(bracketed("o\np\nj\nr\n"));
    s.wait_text("A paste goes into a prompt");
    // A key after the paste is answered as a key: the paste left nothing queued behind it.
    s.send("?");
    s.wait_text("Keys");
    s.send("q");
    s.wait_for("the help closed", |t| !t.contains("Step back a level"));
    assert!(browser.opened().is_empty(), "{:?}", browser.opened());
    let screen = s.screen();
    assert!(!screen.contains("Reloaded"), "{screen}");
    let s = quit(s);
    // And gives the terminal back without them.
    let raw = s.raw();
    assert!(pty::rfind(&raw, b"\x1b[?2004l") > pty::rfind(&raw, b"\x1b[?2004h"));
}

#[test]
fn a_megabyte_pasted_into_the_search_box_is_one_capped_edit_and_keys_still_answer() {
    let dir = archive_of(&[("2024-02-02", DAY)]);
    let mut s = start_cmd(hotpapers(&[&arg(dir.path())]));
    s.wait_text("StyleGAN Faces");
    s.send("/");
    s.wait_text("Search every day");
    // Two lines first: the newline is a space, not Enter.
    s.send(bracketed("stylegan\nfaces"));
    let screen = s.wait_text("1 paper");
    assert!(screen.contains("/ stylegan faces"), "{screen}");
    assert!(
        screen.contains("Search every day"),
        "still in the box: {screen}"
    );
    s.send("\x15"); // Ctrl-u clears the query.
    s.wait_text("Type to search");
    let big = "gan ".repeat(1 << 18);
    s.send(bracketed(&big));
    s.wait_text(&format!("Pasted the first 1000 of {} characters", 1 << 20));
    s.send("\x1b");
    s.wait_for("the search box closed", |t| !t.contains("Search every day"));
    quit(s);
}
