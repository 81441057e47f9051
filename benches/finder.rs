//! Title finder (`F`) speed: every keystroke must answer within a frame (16 ms) over 330,000
//! distinct titles, asked for the 500 best as the finder box asks.
//!
//! The titles are a set of distinct titles repeated, each copy made distinct by a number at its
//! end. By default the set is the first 80 titles of the bundled sample (as the search bench
//! had it); `HOTPAPERS_FINDER_ARCHIVE=DIR` takes every paper's title from a real archive
//! instead (each paper once, made readable, newest first, as the reader lists them).
//!
//! Two groups: `finder_cold` asks each query straight after the empty query (the box just
//! opened, nothing to build on), and `finder_typing` asks each keystroke of typing
//! `transformer` (a word from its start) and `trnsfrmr` (letters that start none of its
//! words) straight after the keystroke before it, as the box asks while one types.

use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use hotpapers::archive::{Archive, parse_post, sample};
use hotpapers::display::latex::prettify;
use hotpapers::search::{PaperRef, TitleFinder};

const TITLES: usize = 330_000;
/// What the finder box asks for.
const SHOWN: usize = 500;

/// The distinct titles the bench titles are made from, and where they come from.
fn source_titles() -> (String, Vec<String>) {
    if let Some(dir) = std::env::var_os("HOTPAPERS_FINDER_ARCHIVE") {
        let archive = Archive::load(Path::new(&dir)).expect("HOTPAPERS_FINDER_ARCHIVE");
        let mut seen = HashSet::new();
        let titles = archive
            .days
            .iter()
            .rev()
            .flat_map(|d| &d.papers)
            .filter(|p| seen.insert(&p.key))
            .map(|p| prettify(&p.title).into_owned())
            .collect();
        return (format!("the papers of {}", dir.to_string_lossy()), titles);
    }
    // The sample's posts on consecutive days, in the order the search bench repeats them.
    let posts = sample::files();
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let parsed = posts
        .iter()
        .enumerate()
        .map(|(i, (rel, bytes))| {
            let original = &rel[..10];
            let date = (start + Days::new(i as u64)).to_string();
            let text = String::from_utf8_lossy(bytes).replace(original, &date);
            let name = rel.replace(original, &date);
            parse_post(Path::new(&name), &name, text.as_bytes())
        })
        .collect();
    let archive = Archive::assemble(parsed);
    let titles = archive
        .days
        .iter()
        .flat_map(|d| &d.papers)
        .map(|p| p.title.to_string())
        .take(80)
        .collect();
    ("the first 80 titles of the sample".to_string(), titles)
}

fn finder(c: &mut Criterion) {
    let (source, distinct) = source_titles();
    assert!(!distinct.is_empty(), "no titles in {source}");
    let titles = (0..TITLES).map(|i| {
        let t = &distinct[i % distinct.len()];
        (format!("{t} {i}"), PaperRef { day: 0, paper: 0 })
    });
    let built = std::time::Instant::now();
    let finder = TitleFinder::from_titles(titles);
    let built = built.elapsed();
    let (bytes, packed) = finder.size();
    eprintln!(
        "{} titles from {} ({} distinct), built in {built:.0?}, {:.1} MiB ({:.1} MiB packed for the bound)",
        finder.len(),
        source,
        distinct.len(),
        bytes as f64 / (1 << 20) as f64,
        packed as f64 / (1 << 20) as f64,
    );

    let cold = [
        "t",
        "tr",
        "tra",
        "tran",
        "transf",
        "diffusion model",
        "^chain",
        "zzqx",
        // Matching most titles but few at the start of a word.
        "tion",
        "ation",
        "ing",
        "ork",
        "retina",
        "lgm",
        "trnsfrmr",
        "xyz",
        // Two words, and a word with a sign in it.
        "tion mod",
        "k-m",
    ];
    for q in cold {
        eprintln!("{q:>16}: {} titles match", finder.find(q, usize::MAX).len());
    }
    let mut group = c.benchmark_group("finder_cold");
    for q in cold {
        group.bench_with_input(BenchmarkId::from_parameter(q), &q, |b, q| {
            b.iter_batched(
                || finder.find("", SHOWN),
                |_| finder.find(q, SHOWN),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();

    let mut group = c.benchmark_group("finder_typing");
    // A word from its start, and letters of one that start none of its parts.
    let mut asked = HashSet::new();
    for typed in ["transformer", "trnsfrmr"] {
        for n in 1..=typed.len() {
            let (before, now) = (&typed[..n - 1], &typed[..n]);
            if !asked.insert(now) {
                continue;
            }
            group.bench_with_input(BenchmarkId::from_parameter(now), &now, |b, now| {
                b.iter_batched(
                    || finder.find(before, SHOWN),
                    |_| finder.find(now, SHOWN),
                    BatchSize::PerIteration,
                )
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = finder
}
criterion_main!(benches);
