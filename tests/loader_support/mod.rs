//! Fixtures and helpers shared by the loader tests (`tests/loader_*.rs`): hand-written posts,
//! parsing shortcuts, diagnostic filters and a runner for the built binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use hotpapers::archive::{Day, Diagnostic, Parsed, Severity, parse_post};

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

/// A complete post of the real shape: two papers, the first with every field and two tweets.
pub const FULL: &str = r#"---
title: Hot Papers 2021-03-04
date: 2021-03-05T08:30:00.Z
template: "post"
draft: false
slug: "hot-papers-2021-03-04"
tags:
  - "arXiv"
  - "Robots"
description: "Hot papers 2021-03-04"

---


# 1. Lanterns   in the Fog: Tiny   Robots Learn to Glow

Ada Quill,  Bo Ferrant ,Cyd Marsh-Oyelaran

- retweets: 42, favorites: 317 (03/05/2021 08:30:00)

- links: [abs](https://arxiv.org/abs/2103.01234) | [pdf](https://arxiv.org/pdf/2103.01234)
- [cs.RO](https://arxiv.org/list/cs.RO/recent) | [cs.LG](https://arxiv.org/list/cs.LG/recent)

We teach   small robots to
find each other in fog using $\alpha$-blinking *lanterns* \& beacons.

<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our robots glow &amp; find &quot;friends&quot;!<br><br>Paper: <a href="https://t.co/AbC123">https://t.co/AbC123</a> thanks <a href="https://twitter.com/LabBot?ref_src=twsrc%5Etfw">@LabBot</a></p>&mdash; Ada O&#39;Quill &amp; Co (@ada_quill) <a href="https://twitter.com/ada_quill/status/1367000000000000001?ref_src=twsrc%5Etfw">March 4, 2021</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>

<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">霧の中のロボット <a href="https://t.co/XyZ">pic.twitter.com/XyZ</a></p>&mdash; 霧ロボ (@kiri_robo) <a href="https://twitter.com/kiri_robo/status/1367000000000000002#frag">March 5, 2021</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>




# 2. A Paper Without a PDF Link or an Abstract

Dee Nakamura

- retweets: 3, favorites: 9 (03/05/2021 08:30:01)

- links: [abs](https://arxiv.org/abs/2103.05678)
- [math.PR](https://arxiv.org/list/math.PR/recent)

"#;

/// One well-formed paper section (no tweets).
pub fn paper(rank: u32, title: &str) -> String {
    format!(
        "# {rank}. {title}\n\nAnn Author, Ben Writer\n\n- retweets: {rank}, favorites: {}\n\n\
         - links: [abs](https://arxiv.org/abs/2001.0000{rank}) | [pdf](https://arxiv.org/pdf/2001.0000{rank})\n\
         - [cs.AI](https://arxiv.org/list/cs.AI/recent)\n\nAn abstract for paper {rank}.\n\n",
        rank * 10
    )
}

/// A post for `day` published at `published`, with `body` after the front matter.
pub fn post(day: &str, published: &str, body: &str) -> String {
    format!(
        "---\ntitle: Hot Papers {day}\ndate: {published}\nslug: \"hot-papers-{day}\"\n---\n\n{body}"
    )
}

pub fn simple_post(day: &str) -> String {
    post(day, &format!("{day}T09:00:00.Z"), &paper(1, "Only Paper"))
}

pub fn parse(name: &str, text: &str) -> Parsed {
    parse_bytes(name, text.as_bytes())
}

pub fn parse_bytes(name: &str, bytes: &[u8]) -> Parsed {
    parse_post(Path::new(name), name, bytes)
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn day_of(p: &Parsed) -> &Day {
    p.day
        .as_ref()
        .unwrap_or_else(|| panic!("no day; diagnostics: {:#?}", p.diagnostics))
}

/// 1-based line of the first line of `text` that starts with `prefix`.
pub fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
        + 1
}

pub fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The only diagnostic whose message contains `needle`.
pub fn find<'a>(diags: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    let hits: Vec<_> = diags
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one diagnostic containing {needle:?}, got {diags:#?}"
    );
    hits[0]
}

pub fn write(root: &Path, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, contents).unwrap();
    path
}

pub fn hotpapers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(args)
        .env_remove("HOTPAPERS_ARCHIVE")
        .env("NO_COLOR", "1")
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("hotpapers-test-cache"),
        )
        .output()
        .expect("run hotpapers")
}

pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
