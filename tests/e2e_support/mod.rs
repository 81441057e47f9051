//! Fixture posts and helpers shared by the end-to-end tests (`tests/e2e_*.rs`): small posts
//! written into a temporary folder, and starting, quitting and inspecting the reader in a
//! pseudo-terminal.

use std::path::Path;

use crate::pty::{COLS, ROWS, Session, hotpapers};
use tempfile::TempDir;

pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

// ---------------------------------------------------------------------------------------------
// Fixture posts

pub struct FixturePaper {
    pub title: &'static str,
    pub abs: &'static str,
    pub pdf: &'static str,
    pub abstract_text: &'static str,
}

pub const fn paper(
    title: &'static str,
    abs: &'static str,
    pdf: &'static str,
    abstract_text: &'static str,
) -> FixturePaper {
    FixturePaper {
        title,
        abs,
        pdf,
        abstract_text,
    }
}

/// Tuesday 2024-01-02.
pub const TUE: &[FixturePaper] = &[
    paper(
        "Tuesday Lemma on Teapot Topology",
        "https://arxiv.org/abs/2401.00201",
        "https://arxiv.org/pdf/2401.00201",
        "Every teapot has exactly one handle, up to homotopy.",
    ),
    paper(
        "Tuesday Survey of Sock Drawers",
        "https://arxiv.org/abs/2401.00202",
        "https://arxiv.org/pdf/2401.00202",
        "Socks vanish at a rate proportional to their number.",
    ),
];

/// Wednesday 2024-01-03.
pub const WED: &[FixturePaper] = &[
    paper(
        "Wednesday Bounds for Umbrella Inversion",
        "https://arxiv.org/abs/2401.00301",
        "https://arxiv.org/pdf/2401.00301",
        "Umbrellas invert only when the wind exceeds the rent.",
    ),
    paper(
        "Wednesday Notes on Queueing at Bakeries",
        "https://arxiv.org/abs/2401.00302",
        "https://arxiv.org/pdf/2401.00302",
        "The shortest queue is always the other one.",
    ),
];

/// Friday 2024-01-05, the newest day.
pub const FRI: &[FixturePaper] = &[
    paper(
        "Friday Theory of Misplaced Keys",
        "https://arxiv.org/abs/2401.00501",
        "https://arxiv.org/pdf/2401.00501",
        "Keys are found in the last pocket searched, by definition.",
    ),
    paper(
        "Friday Study of Lukewarm Coffee",
        "https://arxiv.org/abs/2401.00502",
        "https://arxiv.org/pdf/2401.00502",
        "Coffee reaches room temperature during the first meeting.",
    ),
    paper(
        "Friday Model of Printer Moods",
        "https://arxiv.org/abs/2401.00503",
        "https://arxiv.org/pdf/2401.00503",
        "Printers jam with probability one before deadlines.",
    ),
];

/// One digest post in the blog's format.
pub fn post(date: &str, papers: &[FixturePaper]) -> String {
    let mut s = format!(
        "---\ntitle: Hot Papers {date}\ndate: {date}T09:00:00.Z\ntemplate: \"post\"\n\
         draft: false\nslug: \"hot-papers-{date}\"\ncategory: \"arXiv\"\n\
         description: \"Hot papers {date}\"\n\n---\n\n"
    );
    for (i, p) in papers.iter().enumerate() {
        let rank = i + 1;
        let rt = 100 / rank;
        s.push_str(&format!(
            "\n# {rank}. {title}\n\nAda Fixture, Bo Example\n\n\
             - retweets: {rt}, favorites: {fav} (01/06/2024 09:00:00)\n\n\
             - links: [abs]({abs}) | [pdf]({pdf})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n{text}\n\n\n\n",
            title = p.title,
            fav = rt * 3,
            abs = p.abs,
            pdf = p.pdf,
            text = p.abstract_text,
        ));
    }
    s
}

/// An archive folder holding the given days.
pub fn archive_of(days: &[(&str, &[FixturePaper])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (date, papers) in days {
        std::fs::write(
            dir.path().join(format!("{date}---Hot-Papers.md")),
            post(date, papers),
        )
        .expect("write post");
    }
    dir
}

/// Three days: Tue 2024-01-02, Wed 2024-01-03 and Fri 2024-01-05 (no post on Thursday).
pub fn fixture() -> TempDir {
    archive_of(&[
        ("2024-01-02", TUE),
        ("2024-01-03", WED),
        ("2024-01-05", FRI),
    ])
}

pub fn arg(p: &Path) -> String {
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Starts the reader at the default size and waits for its first screen.
pub fn start(args: &[&str]) -> Session {
    start_cmd(hotpapers(args))
}

pub fn start_cmd(cmd: portable_pty::CommandBuilder) -> Session {
    let s = Session::start(cmd, COLS, ROWS);
    // Up once the first day is drawn and the rest of the archive has been read.
    s.wait_for("the reader, fully loaded", |t| {
        t.contains("q quit") && !t.contains("reading…")
    });
    s
}

/// Presses `q` and checks the reader ended well.
pub use crate::pty::quit;

/// The (row, column) where `text` starts on the screen.
pub fn locate(s: &Session, text: &str) -> (u16, u16) {
    s.with_screen(|screen| {
        let (_, cols) = screen.size();
        for (r, row) in screen.rows(0, cols).enumerate() {
            if let Some(i) = row.find(text) {
                // Every character drawn before the text here is one cell wide.
                return (r as u16, row[..i].chars().count() as u16);
            }
        }
        panic!("{text:?} is not on the screen:\n{}", screen.contents());
    })
}

pub fn highlighted(s: &Session, (row, col): (u16, u16)) -> bool {
    s.with_screen(|screen| {
        let cell = screen.cell(row, col).expect("cell on screen");
        cell.inverse() || cell.bgcolor() != vt100::Color::Default
    })
}
