//! Search speed on a large archive: every keystroke of typing a query must answer within a
//! frame (16 ms) on ~33,000 papers. The archive is made at start from the bundled sample,
//! repeated over consecutive days; `HOTPAPERS_BENCH_ARCHIVE=DIR` benchmarks a real folder instead.

use std::path::Path;

use chrono::{Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hotpapers::archive::{Archive, parse_post, sample};
use hotpapers::search::{Order, SearchIndex, parse};

/// About 33,000 papers: the sample's ten days repeated over 4,000 days.
fn big_archive() -> Archive {
    if let Some(dir) = std::env::var_os("HOTPAPERS_BENCH_ARCHIVE") {
        return Archive::load(Path::new(&dir)).expect("HOTPAPERS_BENCH_ARCHIVE");
    }
    let posts = sample::files();
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let parsed = (0..4000u64)
        .map(|i| {
            let (rel, bytes) = &posts[i as usize % posts.len()];
            let original = &rel[..10];
            let date = (start + Days::new(i)).to_string();
            let text = String::from_utf8_lossy(bytes).replace(original, &date);
            let name = rel.replace(original, &date);
            parse_post(Path::new(&name), &name, text.as_bytes())
        })
        .collect();
    Archive::assemble(parsed)
}

fn search(c: &mut Criterion) {
    let archive = big_archive();
    let started = std::time::Instant::now();
    let index = SearchIndex::build(&archive);
    eprintln!(
        "{} days, {} papers indexed as {} documents, {:.1} MiB, built in {:.2} s",
        archive.days.len(),
        index.len(),
        index.documents(),
        index.heap_bytes() as f64 / (1 << 20) as f64,
        started.elapsed().as_secs_f64()
    );
    let mut group = c.benchmark_group("search_keystroke");
    let typed = "transformer";
    for n in [1, 3, 5, 8, typed.len()] {
        let q = parse(&typed[..n]).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(&typed[..n]), &q, |b, q| {
            b.iter(|| index.search(q))
        });
    }
    for text in [
        r#"au:"Ada" diffusion"#,
        r#""neural network" -cat:cs.CV"#,
        "tw:🚀",
        "ti:x abs:y cat:cs id:24 tw:a au:e",
        r#"nerf OR "radiance field""#,
        "(gan OR diffusion OR (flow -normalizing)) -cat:cs.CV",
        "@toy_model_fan",
        "https://arxiv.org/abs/2403.00001v2",
        "*former",
        "frechet",
        "\"in the\"",
    ] {
        let q = parse(text).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(text), &q, |b, q| {
            b.iter(|| index.search(q))
        });
    }
    // The same keystrokes newest first: what relevance ranking costs.
    for n in [1, 3] {
        let q = parse(&typed[..n]).unwrap();
        let id = format!("{} newest", &typed[..n]);
        group.bench_with_input(BenchmarkId::from_parameter(id), &q, |b, q| {
            b.iter(|| index.search_by(q, Order::Newest))
        });
    }
    group.finish();
    c.bench_function("search_index_build", |b| {
        b.iter(|| SearchIndex::build(&archive))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search
}
criterion_main!(benches);
