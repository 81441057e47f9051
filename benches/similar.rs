//! Similarity speed and memory: building the engine, `similar` for one paper and `recommend`
//! with a model trained on ten starred papers, on the archive in `HOTPAPERS_BENCH_ARCHIVE`
//! (else the bundled sample). `HOTPAPERS_BENCH_DISTINCT=1` makes every listing a paper of its
//! own (its key gets its day), for archives whose copies repeat arXiv ids.

use std::collections::HashSet;

use criterion::{Criterion, criterion_group, criterion_main};
use hotpapers::archive::{Archive, PaperKey};
use hotpapers::similar::Similarity;

mod common;

fn archive() -> (Archive, u64) {
    let (a, dir) = common::bench_archive();
    let Some(dir) = dir else {
        return (a, 0);
    };
    let bytes = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    (a, bytes)
}

fn similar(c: &mut Criterion) {
    let (archive, bytes) = archive();
    let started = std::time::Instant::now();
    let engine = Similarity::build(&archive);
    let build = started.elapsed();
    eprintln!(
        "{} listings, {} papers, {} features; built in {:.2} s; {:.1} MiB ({:.3}x the archive's {:.1} MiB)",
        archive.paper_count(),
        engine.len(),
        engine.features(),
        build.as_secs_f64(),
        engine.heap_bytes() as f64 / (1 << 20) as f64,
        engine.heap_bytes() as f64 / bytes.max(1) as f64,
        bytes as f64 / (1 << 20) as f64,
    );
    let keys: Vec<PaperKey> = archive
        .days
        .iter()
        .rev()
        .flat_map(|d| &d.papers)
        .map(|p| p.key.clone())
        .collect();
    let mut group = c.benchmark_group("similar");
    group.sample_size(10);
    // A build of seconds is timed once, above.
    if build.as_secs() < 5 {
        group.bench_function("build", |b| b.iter(|| Similarity::build(&archive)));
    }
    let one = keys[keys.len() / 2].clone();
    group.bench_function("similar_30", |b| {
        b.iter(|| engine.similar(one.as_str(), 30))
    });
    let stars: Vec<PaperKey> = keys.iter().step_by(keys.len() / 10 + 1).cloned().collect();
    let none = HashSet::new();
    group.bench_function("recommend_centroid_3", |b| {
        b.iter(|| engine.recommend(&stars[..3], &[], &none, 30))
    });
    group.bench_function("recommend_model_10", |b| {
        b.iter(|| engine.recommend(&stars, &[], &none, 30))
    });
    group.finish();
}

criterion_group!(benches, similar);
criterion_main!(benches);
