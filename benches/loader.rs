//! Loader speed: parsing one post, and the full index of an archive of 300 posts made at start
//! from the bundled sample (its ten days repeated over consecutive days) in a temporary folder.
//! `HOTPAPERS_BENCH_ARCHIVE=DIR` also indexes a real or generated folder (see
//! `examples/gen_archive.rs`); the benchmarks never need anything outside the repository.

use std::path::Path;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hotpapers::archive::{Archive, parse_post, sample};

/// Writes `n` posts into `dir`, the sample's days repeated from 2000-01-01 on; returns the bytes.
fn write_archive(dir: &Path, n: u64) -> u64 {
    let posts = sample::files();
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut bytes = 0;
    for i in 0..n {
        let (rel, text) = &posts[i as usize % posts.len()];
        let original = &rel[..10];
        let date = (start + Days::new(i)).to_string();
        let text = String::from_utf8_lossy(text).replace(original, &date);
        std::fs::write(dir.join(rel.replace(original, &date)), &text).unwrap();
        bytes += text.len() as u64;
    }
    bytes
}

fn parse_one(c: &mut Criterion) {
    // The sample post of median size stands for a typical one.
    let mut posts = sample::files();
    posts.sort_by_key(|(_, bytes)| bytes.len());
    let (rel, bytes) = posts[posts.len() / 2].clone();
    let mut group = c.benchmark_group("parse_post");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(&rel, |b| {
        b.iter(|| parse_post(Path::new(&rel), &rel, bytes))
    });
    group.finish();
}

fn full_index(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = write_archive(dir.path(), 300);
    let mut group = c.benchmark_group("full_index_300_posts");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);
    group.bench_function("load", |b| b.iter(|| Archive::load(dir.path()).unwrap()));
    group.bench_function("summarize", |b| {
        b.iter(|| Archive::summarize(dir.path()).unwrap())
    });
    group.finish();

    let Some(dir) = std::env::var_os("HOTPAPERS_BENCH_ARCHIVE") else {
        return;
    };
    let dir = Path::new(&dir);
    let summary = Archive::summarize(dir).expect("HOTPAPERS_BENCH_ARCHIVE");
    eprintln!(
        "{}: {} days, {} papers",
        dir.display(),
        summary.days,
        summary.papers
    );
    let mut group = c.benchmark_group("full_index_env");
    group.sample_size(10);
    group.bench_function("load", |b| b.iter(|| Archive::load(dir).unwrap()));
    group.bench_function("summarize", |b| b.iter(|| Archive::summarize(dir).unwrap()));
    group.finish();
}

criterion_group!(benches, parse_one, full_index);
criterion_main!(benches);
