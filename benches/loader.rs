//! Loader speed: parsing one post, and the full index of an archive of 300 posts made at start
//! from the bundled sample (its ten days repeated over consecutive days) in a temporary folder.
//! `HOTPAPERS_BENCH_ARCHIVE=DIR` also indexes a real or generated folder (see
//! `examples/gen_archive.rs`); the benchmarks never need anything outside the repository.
//!
//! `warm_start_*`: a start with a cache (read it, stat every post, the index brought up to
//! date: search ready), what writing the cache costs, and taking in one changed post (reload,
//! index update, cache write). The caches live in a temporary folder, never the user's.

use std::path::Path;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::sync::Arc;

use hotpapers::archive::{Archive, Listing, Reloader, parse_post, sample};
use hotpapers::cache::{Cache, Loader};
use hotpapers::search::SearchIndex;

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

/// The warm start and the cache's writes over the archive at `dir`, as `name`.
fn warm(c: &mut Criterion, name: &str, dir: &Path) {
    let cache = tempfile::tempdir().unwrap();
    let start = |cache: &Path| {
        let mut loader = Loader::in_dir(cache.to_path_buf());
        let r = loader.reload(dir).unwrap();
        let index = loader.cached_index(&r.archive);
        (loader, r, index)
    };
    // A first run fills the cache.
    let (mut loader, r, _) = start(cache.path());
    let index = Arc::new(SearchIndex::build(&r.archive));
    loader
        .pending(&r.archive, Some(&index))
        .unwrap()
        .write()
        .unwrap();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("read cache + stat + index ready", |b| {
        b.iter(|| {
            let (_, r, index) = start(cache.path());
            assert_eq!(r.read, 0);
            index.expect("the cached index")
        })
    });

    let mut posts = Reloader::default();
    let archive = posts.reload(dir).unwrap().archive;
    let root = posts.root().to_path_buf();
    let file = Cache::in_dir(cache.path(), &root).unwrap();
    let kept: Vec<_> = posts.posts().collect();
    group.bench_function("write the whole cache", |b| {
        b.iter(|| {
            file.write(&root, &kept, Some((&archive.days, &index)))
                .unwrap()
        })
    });

    // One post changed, back and forth between two texts of one length: a reload reads it,
    // the index takes it in, the cache is written. Written beside and renamed over, so that
    // a folder of hard links to an archive (`cp -al`) leaves the original alone.
    let (mut loader, r, cached) = start(cache.path());
    let mut state = (r.archive, Arc::new(cached.unwrap()));
    let post = Listing::scan(dir).unwrap().files[0].path.clone();
    let text = std::fs::read_to_string(&post).unwrap();
    let mut flip = false;
    group.bench_function("one changed post: reload + index + write", |b| {
        b.iter(|| {
            flip = !flip;
            let edited = if flip {
                text.replacen('a', "b", 1)
            } else {
                text.clone()
            };
            replace(&post, &edited);
            let r = loader.reload(dir).unwrap();
            assert_eq!(r.read, 1);
            let index = state
                .1
                .update(&state.0, &r.archive)
                .unwrap_or_else(|| SearchIndex::build(&r.archive));
            let index = Arc::new(index);
            if let Some(p) = loader.pending(&r.archive, Some(&index)) {
                p.write().unwrap();
            }
            state = (r.archive, index);
        })
    });
    replace(&post, &text);
    group.finish();
}

fn replace(path: &Path, text: &str) {
    let tmp = path.with_extension("bench-tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

fn warm_start(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    write_archive(dir.path(), 300);
    warm(c, "warm_start_300_posts", dir.path());
    if let Some(env) = std::env::var_os("HOTPAPERS_BENCH_ARCHIVE") {
        warm(c, "warm_start_env", Path::new(&env));
    }
}

criterion_group!(benches, parse_one, full_index, warm_start);
criterion_main!(benches);
