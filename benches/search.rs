//! Search speed on a large archive: every keystroke of typing a query must answer within a
//! frame (16 ms) on ~33,000 papers, and so must the trend the search box draws of what it
//! found (`trend`: the trend alone, with the search, and a whole keystroke of the reader: typed,
//! searched, trended and drawn). The archive is made at start from the bundled sample,
//! repeated over consecutive days; `HOTPAPERS_BENCH_ARCHIVE=DIR` benchmarks a real folder instead
//! (`gen_archive --posts 36200` makes the 330,899 papers of the trend's budget).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hotpapers::archive::{Archive, sample};
use hotpapers::cache::Loader;
use hotpapers::search::trend::{categories, category_trends};
use hotpapers::search::{Order, Period, SearchIndex, Trend, parse};

/// The folder of the archive measured: `HOTPAPERS_BENCH_ARCHIVE`, else about 33,000 papers,
/// the sample's ten days repeated over 4,000 days, written to a temporary folder (kept while
/// the guard lives).
fn big_archive_dir() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(dir) = std::env::var_os("HOTPAPERS_BENCH_ARCHIVE") {
        return (PathBuf::from(dir), None);
    }
    let tmp = tempfile::tempdir().unwrap();
    let posts = sample::files();
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    for i in 0..4000u64 {
        let (rel, bytes) = &posts[i as usize % posts.len()];
        let original = &rel[..10];
        let date = (start + Days::new(i)).to_string();
        let text = String::from_utf8_lossy(bytes).replace(original, &date);
        std::fs::write(tmp.path().join(rel.replace(original, &date)), text).unwrap();
    }
    (tmp.path().to_path_buf(), Some(tmp))
}

fn big_archive() -> Archive {
    let (dir, _tmp) = big_archive_dir();
    Archive::load(&dir).expect("the archive")
}

/// The index of the archive in `dir` as a warm start has it: written to a cache (in a
/// temporary folder) and read back, its postings left in the file.
fn cached_index(dir: &Path, cache: &Path) -> SearchIndex {
    let mut loader = Loader::in_dir(cache.to_path_buf());
    let r = loader.reload(dir).unwrap();
    let index = Arc::new(SearchIndex::build(&r.archive));
    let pending = loader.pending(&r.archive, Some(&index)).expect("a cache");
    pending.write().unwrap();
    let mut loader = Loader::in_dir(cache.to_path_buf());
    let r = loader.reload(dir).unwrap();
    loader.cached_index(&r.archive).expect("the cached index")
}

/// The queries each keystroke group runs: typing a word, then harder ones.
const TYPED: &str = "transformer";
const QUERIES: &[&str] = &[
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
];

fn keystrokes(c: &mut Criterion, name: &str, index: &SearchIndex) {
    let mut group = c.benchmark_group(name);
    for n in [1, 3, 5, 8, TYPED.len()] {
        let q = parse(&TYPED[..n]).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(&TYPED[..n]), &q, |b, q| {
            b.iter(|| index.search(q))
        });
    }
    for text in QUERIES {
        let q = parse(text).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(text), &q, |b, q| {
            b.iter(|| index.search(q))
        });
    }
    // The same keystrokes newest first: what relevance ranking costs.
    for n in [1, 3] {
        let q = parse(&TYPED[..n]).unwrap();
        let id = format!("{} newest", &TYPED[..n]);
        group.bench_with_input(BenchmarkId::from_parameter(id), &q, |b, q| {
            b.iter(|| index.search_by(q, Order::Newest))
        });
    }
    group.finish();
}

fn search(c: &mut Criterion) {
    let (dir, _tmp) = big_archive_dir();
    let archive = Archive::load(&dir).expect("the archive");
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
    keystrokes(c, "search_keystroke", &index);
    // The same on the index of a warm start, its postings read from the cache file.
    let cache = tempfile::tempdir().unwrap();
    keystrokes(
        c,
        "search_keystroke_cached",
        &cached_index(&dir, cache.path()),
    );
    c.bench_function("search_index_build", |b| {
        b.iter(|| SearchIndex::build(&archive))
    });
    // As a first start builds it: from the archive without its texts, the posts read back a
    // chunk of days at a time.
    let light = hotpapers::archive::Reloader::default()
        .reload(&dir)
        .expect("the archive")
        .archive;
    assert!(!light.holds_texts());
    c.bench_function("search_index_build_reading", |b| {
        b.iter(|| SearchIndex::build_reading(&light))
    });
}

/// The trend of a search's results: alone, with the search (what the search box does once a
/// frame after typing), the chart's three periods, the categories over time, and a keystroke
/// of the reader from the key to the frame drawn.
fn trend(c: &mut Criterion) {
    use hotpapers::tui::theme::Theme;
    use hotpapers::tui::{App, Command, Event, update, view};
    use ratatui::{Terminal, backend::TestBackend};

    let archive = std::sync::Arc::new(big_archive());
    let index = SearchIndex::build(&archive);
    let mut group = c.benchmark_group("trend");
    for text in ["t", "tra", "transformer", "\"in the\""] {
        let q = parse(text).unwrap();
        let hits = index.search(&q);
        let id = format!("{text} ({} results)", hits.len());
        group.bench_function(format!("trend of {id}"), |b| {
            b.iter(|| Trend::of(&archive, &hits, Period::Month))
        });
        group.bench_function(format!("search and trend {id}"), |b| {
            b.iter(|| Trend::of(&archive, &index.search(&q), Period::Month))
        });
    }
    let hits = index.search(&parse("t").unwrap());
    group.bench_function("chart of t: week, month, year", |b| {
        b.iter(|| {
            [Period::Week, Period::Month, Period::Year].map(|p| Trend::of(&archive, &hits, p))
        })
    });
    let top: Vec<String> = categories(&archive)
        .into_iter()
        .take(12)
        .map(|(c, _)| c)
        .collect();
    let names: Vec<&str> = top.iter().map(String::as_str).collect();
    group.bench_function("categories counted (the filter's list)", |b| {
        b.iter(|| categories(&archive))
    });
    group.bench_function("categories over time: 12, per month", |b| {
        b.iter(|| category_trends(&archive, &names, Period::Month))
    });
    // The reader at 140x40 with the search box on a query: each iteration types `r` and takes
    // it back, two keystrokes, each searched, trended and drawn.
    for typed in ["t", "transforme"] {
        let mut app = App::new(std::sync::Arc::clone(&archive), Theme::plain());
        update(&mut app, Event::Resize(140, 40));
        let handle = hotpapers::tui::core::handles::IndexHandle::build(&archive);
        update(&mut app, Event::IndexReady(handle));
        update(&mut app, Event::Command(Command::Search));
        for ch in typed.chars() {
            update(&mut app, Event::Text(ch));
        }
        let mut terminal = Terminal::new(TestBackend::new(140, 40)).unwrap();
        let id = format!("two keystrokes of the search box, drawn: {typed}r and back");
        group.bench_function(id, |b| {
            b.iter(|| {
                for event in [Event::Text('r'), Event::Command(Command::DeleteChar)] {
                    update(&mut app, event);
                    update(&mut app, Event::Settle);
                    terminal.draw(|f| view::draw(f, &app)).unwrap();
                }
            })
        });
    }
    group.finish();
}

/// Taking in a reload where one post changed (`SearchIndex::update`): the newest post with
/// each paper's counts changed (the same texts: the documents are kept), and the same post with
/// one paper's abstract edited (a new document, indexed into a segment of its own).
fn update(c: &mut Criterion) {
    let old = big_archive();
    let index = SearchIndex::build(&old);
    let changed = |edit: bool| {
        let mut new = old.clone();
        let last = new.days.len() - 1;
        let day = Arc::make_mut(&mut new.days[last]);
        for p in &mut day.papers {
            p.retweets += 1;
        }
        if edit && let Some(p) = day.papers.first_mut() {
            p.abstract_text.push_str(" Edited.");
        }
        new
    };
    let mut group = c.benchmark_group("index_update");
    for (name, edit) in [("counts changed", false), ("abstract edited", true)] {
        let new = changed(edit);
        group.bench_function(name, |b| b.iter(|| index.update(&old, &new).unwrap()));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search, trend, update
}
criterion_main!(benches);
