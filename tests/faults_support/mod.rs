//! Helpers shared by the fault tests (`tests/faults_*.rs`): hostile posts written into a
//! temporary folder, starting and quitting the reader in a pseudo-terminal, a fake `$BROWSER`
//! and polling with a deadline.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::pty::{self, COLS, ROWS, Session};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Posts

pub struct Tweet {
    pub author: String,
    pub handle: String,
    pub url: String,
    pub text: String,
}

pub struct Paper {
    pub title: String,
    pub authors: String,
    pub abs: String,
    pub pdf: String,
    pub categories: Vec<String>,
    pub abstract_text: String,
    pub tweets: Vec<Tweet>,
}

/// A plain paper: invented names, arXiv links for `id`, one category, no tweets.
pub fn paper(id: &str, title: &str, abstract_text: &str) -> Paper {
    Paper {
        title: title.into(),
        authors: "Ada Fixture, Bo Example".into(),
        abs: format!("https://arxiv.org/abs/{id}"),
        pdf: format!("https://arxiv.org/pdf/{id}"),
        categories: vec!["cs.LG".into()],
        abstract_text: abstract_text.into(),
        tweets: Vec::new(),
    }
}

pub fn tweet(author: &str, handle: &str, url: &str, text: &str) -> Tweet {
    Tweet {
        author: author.into(),
        handle: handle.into(),
        url: url.into(),
        text: text.into(),
    }
}

/// One digest post in the blog's format; `title` is the front matter's, quoted for YAML.
pub fn post(title: &str, date: &str, papers: &[Paper]) -> String {
    let mut s = format!(
        "---\ntitle: '{title}'\ndate: {date}T09:00:00.Z\ntemplate: \"post\"\n\
         slug: \"hot-papers-{date}\"\n\n---\n\n"
    );
    for (i, p) in papers.iter().enumerate() {
        let rank = i + 1;
        let categories: Vec<String> = p
            .categories
            .iter()
            .map(|c| format!("[{c}](https://arxiv.org/list/cs.LG/recent)"))
            .collect();
        s.push_str(&format!(
            "\n# {rank}. {title}\n\n{authors}\n\n\
             - retweets: {rt}, favorites: {fav} (02/01/2024 09:00:00)\n\n\
             - links: [abs]({abs}) | [pdf]({pdf})\n\
             - {categories}\n\n{text}\n\n",
            title = p.title,
            authors = p.authors,
            rt = 100 / rank,
            fav = 300 / rank,
            abs = p.abs,
            pdf = p.pdf,
            categories = categories.join(" | "),
            text = p.abstract_text,
        ));
        for t in &p.tweets {
            s.push_str(&format!(
                "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{text}</p>\
                 &mdash; {author} (@{handle}) <a href=\"{url}?ref_src=twsrc%5Etfw\">February 1, \
                 2024</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" \
                 charset=\"utf-8\"></script>\n\n",
                text = t.text,
                author = t.author,
                handle = t.handle,
                url = t.url,
            ));
        }
        s.push_str("\n\n");
    }
    s
}

/// A folder holding the given files.
pub fn folder(files: &[(&str, String)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write post");
    }
    dir
}

pub fn arg(p: &Path) -> String {
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Starts the reader on `cmd` at `cols`×`rows` and waits for its first screen.
pub fn start_at(cmd: portable_pty::CommandBuilder, cols: u16, rows: u16, ready: &str) -> Session {
    let s = Session::start(cmd, cols, rows);
    s.wait_text(ready);
    s
}

pub fn start_cmd(cmd: portable_pty::CommandBuilder) -> Session {
    start_at(cmd, COLS, ROWS, "q quit")
}

pub use crate::pty::quit;

/// Polls `cond` until it holds; fails with `what` after the deadline.
pub fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let end = Instant::now() + pty::DEADLINE;
    while !cond() {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(15));
    }
}
