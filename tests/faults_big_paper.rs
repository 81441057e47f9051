//! A paper within the loader's limits but made to be big (issue 16, item 5): 200 tweets of
//! 10 KB made every `j` wrap all 2 MB again, and keys queued behind frames. Now a burst of
//! keys in its pane is answered at once (the text is wrapped once and the keys waiting are
//! handled before the next frame). The real binary in a pseudo-terminal, as `tests/faults_*`;
//! the deadline only turns a hang (the old minutes of backlog) into a failure.

#![cfg(unix)]

#[allow(dead_code)] // not every shared helper is used here
mod faults_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use faults_support::{arg, folder, paper, post, quit, start_cmd, tweet};

#[test]
fn a_burst_of_keys_in_a_big_paper_is_answered_at_once() {
    let text = "lorem ipsum dolor sit amet, consectetur adipiscing elit ".repeat(180);
    let mut big = paper("2402.00041", "A Paper Made To Be Big", "Its abstract.");
    big.tweets = (0..200)
        .map(|i| {
            let url = format!("https://twitter.com/fixture/status/{}", 7000 + i);
            tweet("Ann Example", "ann", &url, &text)
        })
        .collect();
    let papers = [paper("2402.00040", "A Small Paper", "Short."), big];
    let dir = folder(&[(
        "2024-02-01---Hot-Papers.md",
        post("Hot Papers 2024-02-01", "2024-02-01", &papers),
    )]);
    let mut s = start_cmd(pty::hotpapers(&[arg(dir.path())]));
    s.send("jl");
    s.wait_text(" Paper 2 · ");
    let (top, total) = position(&s.screen()).expect("the pane says where it is");
    // Three hundred lines down in one write, then to the end and back to the top.
    s.send("j".repeat(300));
    s.wait_until("300 lines down", |sc| {
        position(&sc.contents()) == Some((top + 300, total))
    });
    s.send("Gg");
    s.wait_until("the end, then the top again", |sc| {
        position(&sc.contents()) == Some((top, total))
    });
    quit(s);
}

/// The paper pane's ` shown/total ` position, from its title.
fn position(screen: &str) -> Option<(usize, usize)> {
    let title = screen.lines().find(|l| l.contains(" Paper 2 · "))?;
    title.split(' ').find_map(|w| {
        let (a, b) = w.split_once('/')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    })
}
