//! An invented archive of four days where papers come back with other counts: one listed on
//! three days (up, then down), with links to its code; one on three days, up then down; one
//! on two days, down then up; one on two days with the same counts; one listed once.
#![allow(dead_code)]

use std::path::Path;

use hotpapers::archive::{Archive, parse_post};

/// A paper of a day: title, arXiv id, retweets, favorites.
type Listing = (&'static str, &'static str, u64, u64);

pub const LENSES: &str = "Sparse Lenses for Reading Attention Heads";
pub const FRESH: &str = "Fresh Benchmarks Age Quickly";
pub const OTHER: &str = "A Survey of Surveys of Surveys";
pub const SAME: &str = "Steady Counts Under Repeated Listing";
pub const ONCE: &str = "A Newcomer Listed Once";

pub const DAYS: [(&str, &[Listing]); 4] = [
    (
        "2024-02-01",
        &[
            (LENSES, "2402.00001", 40, 90),
            (OTHER, "2402.00002", 30, 30),
        ],
    ),
    (
        "2024-02-02",
        &[
            (LENSES, "2402.00001", 120, 300),
            (OTHER, "2402.00002", 20, 20),
            (FRESH, "2402.00003", 10, 20),
        ],
    ),
    (
        "2024-02-04",
        &[
            (FRESH, "2402.00003", 60, 100),
            (OTHER, "2402.00002", 25, 40),
            (SAME, "2402.00004", 70, 70),
        ],
    ),
    (
        "2024-02-05",
        &[
            (FRESH, "2402.00003", 50, 90),
            (LENSES, "2402.00001", 110, 280),
            (SAME, "2402.00004", 70, 70),
            (ONCE, "2402.00005", 5, 9),
        ],
    ),
];

fn post(date: &str, papers: &[Listing]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {date}\ndate: {date}T09:00:00.Z\n---\n\n");
    for (i, (title, id, retweets, favorites)) in papers.iter().enumerate() {
        let code = if *title == LENSES {
            " We release code at https://github.com/example-lab/sparse-lenses."
        } else {
            ""
        };
        let tweet = if *title == LENSES {
            "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Weights are up: \
             https://huggingface.co/example-lab/lenses-base</p>&mdash; Example Reader \
             (@example_reader) <a href=\"https://twitter.com/example_reader/status/9001\">\
             February 1, 2024</a></blockquote>\n\n"
        } else {
            ""
        };
        s.push_str(&format!(
            "# {}. {title}\n\nAda Inventa, Bo Fictus\n\n- retweets: {retweets}, favorites: \
             {favorites} (01/01/2024 00:00:00)\n\n- links: [abs](https://arxiv.org/abs/{id}) | \
             [pdf](https://arxiv.org/pdf/{id})\n- [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n\
             A short invented abstract for this paper.{code}\n\n{tweet}\n\n",
            i + 1
        ));
    }
    s
}

/// The four days as an archive.
pub fn attention() -> Archive {
    let parsed = DAYS
        .iter()
        .map(|(date, papers)| {
            let name = format!("{date}---Hot-Papers.md");
            parse_post(Path::new(&name), &name, post(date, papers).as_bytes())
        })
        .collect();
    Archive::assemble(parsed)
}
