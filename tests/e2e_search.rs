//! End-to-end test of the search box: typing a query key by key into the real binary in a
//! pseudo-terminal, reading the ranked results off the screen, and changing their order.

#![cfg(unix)]

#[allow(dead_code)] // this test writes its own days, not the shared fixture's
mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use e2e_support::{FixturePaper, archive_of, arg, paper, quit, start};

const FEB1: &[FixturePaper] = &[
    paper(
        "A Long Survey of Generative Models Including GANs and Normalizing Flows and More",
        "https://arxiv.org/abs/2402.00101",
        "https://arxiv.org/pdf/2402.00101",
        "We survey generative models of many kinds.",
    ),
    paper(
        "Metal-Organic Frameworks Learned",
        "https://arxiv.org/abs/2402.00102",
        "https://arxiv.org/pdf/2402.00102",
        "Crystals and pores.",
    ),
];
const FEB2: &[FixturePaper] = &[
    paper(
        "StyleGAN Faces",
        "https://arxiv.org/abs/2402.00201",
        "https://arxiv.org/pdf/2402.00201",
        "Portraits from noise.",
    ),
    paper(
        "Quiet Morgan Lemma",
        "https://arxiv.org/abs/2402.00202",
        "https://arxiv.org/pdf/2402.00202",
        "A lemma, elegantly proved.",
    ),
];
const FEB3: &[FixturePaper] = &[
    paper(
        "Elegant Proofs",
        "https://arxiv.org/abs/2402.00301",
        "https://arxiv.org/pdf/2402.00301",
        "Short proofs of old facts.",
    ),
    paper(
        "Sparse Transformers Again",
        "https://arxiv.org/abs/2402.00302",
        "https://arxiv.org/pdf/2402.00302",
        "Attention, sparsely, compared with a GAN baseline.",
    ),
];

/// The titles of the search box's result rows, top to bottom.
fn result_rows(screen: &str, titles: &[&str]) -> Vec<String> {
    screen
        .lines()
        .filter(|l| l.contains(" #") && l.contains("2024-02-0"))
        .filter_map(|l| {
            titles
                .iter()
                .find(|t| l.contains(**t))
                .map(|t| t.to_string())
        })
        .collect()
}

#[test]
fn typing_a_word_ranks_the_best_matches_first_and_tab_reorders() {
    let dir = archive_of(&[
        ("2024-02-01", FEB1),
        ("2024-02-02", FEB2),
        ("2024-02-03", FEB3),
    ]);
    let mut s = start(&[&arg(dir.path())]);
    s.wait_text("Days (3)");
    s.send("/");
    s.wait_text("Search every day");
    // Key by key, as a person types: each keystroke's results are on screen before the next.
    s.send("g");
    s.wait_text("papers, best match first");
    s.send("a");
    s.send("n");
    let screen = s.wait_text("3 papers, best match first");
    let titles = [
        "StyleGAN Faces",
        "A Long Survey of Generative",
        "Sparse Transformers Again",
        "Metal-Organic",
        "Quiet Morgan",
        "Elegant Proofs",
    ];
    // The short title with the word first, the long title next, the abstract's mention last;
    // never Organic, Morgan or Elegant.
    assert_eq!(
        result_rows(&screen, &titles),
        [
            "StyleGAN Faces",
            "A Long Survey of Generative",
            "Sparse Transformers Again"
        ],
        "{screen}"
    );
    assert!(
        screen.contains("Search every day: best match first"),
        "{screen}"
    );
    s.send("\t");
    let screen = s.wait_text("Search every day: newest first");
    assert_eq!(
        result_rows(&screen, &titles),
        [
            "Sparse Transformers Again",
            "StyleGAN Faces",
            "A Long Survey of Generative"
        ],
        "{screen}"
    );
    // Enter goes to the top result of the order shown.
    s.send("\r");
    let screen = s.wait_text("Result 1 of 3");
    assert!(screen.contains("Sat 2024-02-03"), "{screen}");
    quit(s);
}
