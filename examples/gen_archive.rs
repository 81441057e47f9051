//! Makes a large archive for measuring, by repeating real posts over consecutive days.
//!
//! ```sh
//! cargo run --release --example gen_archive -- --posts 3000 --from ../shared/corpus/posts --out /tmp/arch3000
//! ```
//!
//! Post `i` of the new archive is a copy of source post `i mod n` (sources sorted by file name),
//! dated `start + i` days. Every `YYYY-MM-DD` in a copy's front matter (title, slug, description,
//! publication time) is shifted by the same number of days, so each copy is a distinct day with a
//! consistent publication time, and the file is named `YYYY-MM-DD---Hot-Papers.md` after the new
//! day. The body is copied as it is: arXiv ids and tweets repeat across days, as they do in real
//! archives when a paper stays hot. With `--distinct`, each copy's titles carry its number, so
//! that no paper's text repeats.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Days, NaiveDate};
use clap::Parser;

/// Make an archive of N posts by repeating the posts of a folder over consecutive days.
#[derive(Debug, Parser)]
struct Args {
    /// How many posts to write.
    #[arg(long)]
    posts: usize,
    /// Folder of posts to repeat (its `*.md` files, not recursive).
    #[arg(long)]
    from: PathBuf,
    /// Folder to write to; created if missing, and must not already hold posts.
    #[arg(long)]
    out: PathBuf,
    /// Day of the first post.
    #[arg(long, default_value = "2000-01-01")]
    start: NaiveDate,
    /// Make every copy's papers distinct: each heading's title gets the copy's number, so no
    /// paper repeats (the worst case for an index that stores a repeated text once).
    #[arg(long)]
    distinct: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(bytes) => {
            eprintln!(
                "wrote {} posts, {:.1} MB, to {}",
                args.posts,
                bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_archive: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A source post: its text and the day it is about.
struct Source {
    text: String,
    date: NaiveDate,
}

fn run(args: &Args) -> Result<u64, String> {
    let sources = read_sources(&args.from)?;
    if sources.is_empty() {
        return Err(format!(
            "{}: no dated *.md posts to repeat",
            args.from.display()
        ));
    }
    fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let holds_posts = fs::read_dir(&args.out)
        .map_err(|e| format!("{}: {e}", args.out.display()))?
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "md"));
    if holds_posts {
        return Err(format!(
            "{}: already holds posts; give an empty or new folder",
            args.out.display()
        ));
    }
    let mut written = 0u64;
    for i in 0..args.posts {
        let src = &sources[i % sources.len()];
        let day = args
            .start
            .checked_add_days(Days::new(i as u64))
            .ok_or("too many posts for the calendar")?;
        let shift = day.signed_duration_since(src.date).num_days();
        let mut text = shift_front_matter(&src.text, shift);
        if args.distinct {
            text = number_titles(&text, i);
        }
        let path = args.out.join(format!("{day}---Hot-Papers.md"));
        let mut f = fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        f.write_all(text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written += text.len() as u64;
    }
    Ok(written)
}

fn read_sources(dir: &Path) -> Result<Vec<Source>, String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && p.is_file())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let Ok(text) = fs::read_to_string(&p) else {
            eprintln!("gen_archive: {}: not UTF-8; left out", p.display());
            continue;
        };
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        // The day the post is about: its file name's date, else its title's.
        let date = dates(&name)
            .next()
            .or_else(|| dates(front_matter(&text)).next())
            .map(|(_, d)| d);
        match date {
            Some(date) => out.push(Source { text, date }),
            None => eprintln!("gen_archive: {}: no date; left out", p.display()),
        }
    }
    Ok(out)
}

/// The `---` fenced front matter at the start of a post, or "" if it has none.
fn front_matter(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return "";
    };
    match rest.find("\n---") {
        Some(end) => &text[..4 + end + 1],
        None => "",
    }
}

/// Every valid `YYYY-MM-DD` in `s` with its byte offset.
fn dates(s: &str) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(9)).filter_map(move |i| {
        let w = &b[i..i + 10];
        let shape = w.iter().enumerate().all(|(j, c)| match j {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        if !(shape && boundary) {
            return None;
        }
        let d = NaiveDate::parse_from_str(std::str::from_utf8(w).ok()?, "%Y-%m-%d").ok()?;
        Some((i, d))
    })
}

/// The post with every date in its front matter moved by `shift` days; the body is unchanged.
fn shift_front_matter(text: &str, shift: i64) -> String {
    let fm = front_matter(text);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (at, d) in dates(fm) {
        let moved = if shift >= 0 {
            d.checked_add_days(Days::new(shift as u64))
        } else {
            d.checked_sub_days(Days::new(shift.unsigned_abs()))
        };
        if let Some(moved) = moved {
            out.push_str(&fm[pos..at]);
            out.push_str(&moved.to_string());
            pos = at + 10;
        }
    }
    out.push_str(&text[pos..]);
    out
}

/// The post with ` N` (the copy's number) after the title of every `# N. Title` heading.
fn number_titles(text: &str, copy: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let heading = body
            .strip_prefix("# ")
            .and_then(|r| r.split_once(". "))
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if heading {
            out.push_str(body);
            out.push_str(&format!(" {copy}"));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}
