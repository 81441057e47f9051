//! The cache against a fresh parse: what a warm load gives must be what parsing every post
//! gives, whatever happened to the folder or to the cache file since it was written.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::loader::Loader;
use super::store::Cache;
use crate::archive::{Archive, Reloaded};
use crate::search::{SearchIndex, parse};

const QUERIES: &[&str] = &[
    "learning",
    "ti:model",
    "\"language model\"",
    "shared -nothing",
    "au:ann",
];

/// A post of one day listing `papers` (titles), each with the same made-up text wherever it
/// is listed, so that listings on several days share their info.
fn post(day: &str, papers: &[&str]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {day}\ndate: {day}T00:00:00Z\n---\n\n");
    for (i, t) in papers.iter().enumerate() {
        s.push_str(&format!(
            "# {}. {t}\nAnn Author, Bo Writer\n\n- retweets: {}, favorites: 2 (01/01/2024 09:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/2401.0000{i}) | [pdf](https://arxiv.org/pdf/2401.0000{i})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nAbout {t}: a language model for learning.\n\n",
            i + 1,
            i * 3
        ));
    }
    s
}

/// Dates a file well in the past, so that its stamp is trusted.
fn settle(path: &Path, secs_ago: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(secs_ago))
        .unwrap();
}

/// An archive folder: the bundled sample's posts, days listing the same papers, a post with
/// errors, a second post for one date and one in a subfolder.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    for e in std::fs::read_dir(sample).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    let put = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    put(
        "2024-04-01---Hot-Papers.md",
        post("2024-04-01", &["Shared", "One"]),
    );
    put(
        "2024-04-02---Hot-Papers.md",
        post("2024-04-02", &["Shared", "Two"]),
    );
    put(
        "2024-04-03---Hot-Papers.md",
        "---\ntitle: [unclosed\n---\n# 1. X\n".into(),
    );
    put("2024-03-04-again.md", post("2024-03-04", &["Again"]));
    put(
        "older/2023-12-31---Hot-Papers.md",
        post("2023-12-31", &["Old"]),
    );
    settle_all(dir.path());
    dir
}

fn settle_all(dir: &Path) {
    for e in walk(dir) {
        settle(&e, 600);
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Loads `dir` with a new loader over the cache folder `cache` (a new run), and writes the
/// cache after building or updating the index, as the reader does. The load, the index and
/// the warnings.
fn run(cache: &Path, dir: &Path) -> (Reloaded, Arc<SearchIndex>, Vec<String>, bool) {
    let mut loader = Loader::in_dir(cache.to_path_buf());
    let r = loader.reload(dir).unwrap();
    let cached = loader.cached_index(&r.archive);
    let from_cache = cached.is_some();
    // Built, as the reader builds it, from the texts the cache left in the posts.
    let index = Arc::new(cached.unwrap_or_else(|| SearchIndex::build(&r.archive.with_texts().0)));
    let mut warnings = loader.take_warnings();
    if let Some(p) = loader.pending(&r.archive, Some(&index)) {
        if let Err(w) = p.write() {
            warnings.push(w);
        }
    }
    (r, index, warnings, from_cache)
}

/// `archive` and `index` are what a fresh parse and build of `dir` give, once the texts the
/// cache does not keep are read back from the posts.
fn same_as_fresh(archive: &Archive, index: &SearchIndex, dir: &Path) {
    let fresh = Archive::load(dir).unwrap();
    let (filled, errors) = archive.with_texts();
    assert_eq!(errors, []);
    assert_eq!(filled.days, fresh.days);
    assert!(filled.holds_texts());
    assert_eq!(archive.diagnostics, fresh.diagnostics);
    let built = SearchIndex::build(&fresh);
    let mut found = 0;
    for q in QUERIES {
        let q = parse(q).unwrap();
        let got = index.search(&q);
        assert_eq!(got, built.search(&q), "{q:?}");
        found += got.len();
    }
    assert!(found > 0, "the queries find something");
    assert_eq!(
        filled.distinct_infos(),
        fresh.distinct_infos(),
        "infos shared as a fresh load shares them"
    );
}

/// A paper's key is its arXiv id's very text (one copy a paper), as a parse and a warm load
/// make them alike.
fn key_and_id_share_a_text(archive: &Archive) {
    let with_ids: Vec<_> = (archive.days.iter().flat_map(|d| &d.papers))
        .filter_map(|p| Some((p, p.arxiv_id.as_deref()?)))
        .collect();
    assert!(with_ids.len() >= 15, "{}", with_ids.len());
    for (p, id) in with_ids {
        assert_eq!(p.key.as_str(), id);
        assert!(std::ptr::eq(p.key.as_str(), id), "{id}: one text, not two");
    }
}

#[test]
fn a_second_run_parses_nothing_and_shows_what_a_fresh_parse_shows() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    let (first, _, warnings, from_cache) = run(cache.path(), dir.path());
    assert!(warnings.is_empty() && !from_cache);
    let posts = first.read;
    assert!(posts >= 15, "{posts}");
    let (again, index, warnings, from_cache) = run(cache.path(), dir.path());
    assert_eq!((again.read, again.kept), (0, posts));
    assert!(warnings.is_empty() && from_cache);
    same_as_fresh(&again.archive, &index, dir.path());
    // The two listings of "Shared" are one info again.
    let shared: Vec<_> = again
        .archive
        .days
        .iter()
        .flat_map(|d| &d.papers)
        .filter(|p| p.title == "Shared".into())
        .collect();
    assert_eq!(shared.len(), 2);
    assert!(Arc::ptr_eq(&shared[0].info, &shared[1].info));
    key_and_id_share_a_text(&again.archive);
    key_and_id_share_a_text(&Archive::load(dir.path()).unwrap());
    assert!(
        !again.archive.diagnostics.is_empty(),
        "the broken post's errors are kept"
    );
}

#[test]
fn edits_deletions_renames_touches_and_a_clock_set_back_are_all_seen() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    let (first, ..) = run(cache.path(), dir.path());
    let p = |n: &str| dir.path().join(n);
    // Edited to the same length and dated before its old time (a clock set back).
    std::fs::write(
        p("2024-04-01---Hot-Papers.md"),
        post("2024-04-01", &["Shorn", "One"]),
    )
    .unwrap();
    settle(&p("2024-04-01---Hot-Papers.md"), 7200);
    std::fs::remove_file(p("2024-03-04-again.md")).unwrap();
    std::fs::rename(
        p("older/2023-12-31---Hot-Papers.md"),
        p("2023-12-30---Hot-Papers.md"),
    )
    .unwrap();
    std::fs::write(
        p("2024-04-05---Hot-Papers.md"),
        post("2024-04-05", &["Shared", "New"]),
    )
    .unwrap();
    // Touched: a new stamp, the same content.
    settle(&p("2024-04-02---Hot-Papers.md"), 30);
    let (next, index, warnings, from_cache) = run(cache.path(), dir.path());
    assert!(warnings.is_empty() && from_cache);
    assert_eq!((next.read, next.restamped), (3, 1));
    // All but the deleted, the renamed and the edited one.
    assert_eq!(next.kept, first.read - 3);
    same_as_fresh(&next.archive, &index, dir.path());
    let (last, index, ..) = run(cache.path(), dir.path());
    assert_eq!(last.read, 0);
    same_as_fresh(&last.archive, &index, dir.path());
}

/// The cache file of `dir` in `cache`.
fn file_of(cache: &Path, dir: &Path) -> PathBuf {
    let root = crate::archive::posts_root(dir).unwrap();
    Cache::in_dir(cache, &root).unwrap().path().to_path_buf()
}

#[test]
fn damaged_truncated_old_and_foreign_caches_are_said_once_and_rebuilt() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    let (first, ..) = run(cache.path(), dir.path());
    let file = file_of(cache.path(), dir.path());
    let good = std::fs::read(&file).unwrap();
    // A copy of the folder elsewhere has a cache of its own, which this one's must not take.
    let other = tempfile::tempdir().unwrap();
    for f in walk(dir.path()) {
        let to = other.path().join(f.strip_prefix(dir.path()).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, &to).unwrap();
    }
    settle_all(other.path());
    let (copy, ..) = run(cache.path(), other.path());
    assert_eq!(copy.read, first.read, "another folder, another cache");
    let foreign = std::fs::read(file_of(cache.path(), other.path())).unwrap();
    assert_ne!(file_of(cache.path(), other.path()), file);

    let flip = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x40;
        b
    };
    let mut old = good.clone();
    old[8] = old[8].wrapping_add(1);
    // The same version number from another build (the last digit of the build's stamp).
    let mut rebuilt = good.clone();
    let end = 13 + usize::from(good[12]) - 1;
    rebuilt[end] = if rebuilt[end] == b'0' { b'1' } else { b'0' };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("magic", flip(0)),
        ("header", flip(13)),
        ("early", flip(40)),
        ("middle", flip(good.len() / 2)),
        ("last", flip(good.len() - 1)),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("empty", Vec::new()),
        ("old version", old),
        ("another build", rebuilt),
        ("foreign", foreign),
    ];
    for (what, bytes) in cases {
        std::fs::write(&file, &bytes).unwrap();
        let (r, index, warnings, from_cache) = run(cache.path(), dir.path());
        assert_eq!(warnings.len(), 1, "{what}: {warnings:?}");
        assert!(
            warnings[0].contains(&file.display().to_string()),
            "{what}: {warnings:?}"
        );
        assert!(
            !from_cache && r.read == first.read,
            "{what}: all parsed again"
        );
        same_as_fresh(&r.archive, &index, dir.path());
        let (again, _, warnings, from_cache) = run(cache.path(), dir.path());
        assert!(
            warnings.is_empty() && from_cache,
            "{what}: rebuilt {warnings:?}"
        );
        assert_eq!(again.read, 0, "{what}");
    }
}

#[test]
fn a_cache_folder_that_cannot_be_made_is_one_warning_and_no_cache() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    // Where the folder should be, a file: nothing can be read or written there.
    let blocked = cache.path().join("blocked");
    std::fs::write(&blocked, "not a folder").unwrap();
    let (r, index, warnings, _) = run(&blocked, dir.path());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("going on without it"), "{warnings:?}");
    same_as_fresh(&r.archive, &index, dir.path());
    // Reloads of the same session try no more, and say nothing more.
    let mut loader = Loader::in_dir(blocked.clone());
    let r = loader.reload(dir.path()).unwrap();
    assert_eq!(loader.take_warnings().len(), 1);
    let index = Arc::new(SearchIndex::build(&r.archive));
    assert!(loader.pending(&r.archive, Some(&index)).is_none());
    std::fs::write(
        dir.path().join("2024-04-09---Hot-Papers.md"),
        post("2024-04-09", &["Z"]),
    )
    .unwrap();
    let r = loader.reload(dir.path()).unwrap();
    assert!(loader.pending(&r.archive, Some(&index)).is_none());
    assert!(loader.take_warnings().is_empty());
}

#[test]
fn the_first_screens_day_neither_takes_the_cached_index_nor_is_written() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    run(cache.path(), dir.path());
    let mut loader = Loader::in_dir(cache.path().to_path_buf());
    let listing = crate::archive::Listing::scan(dir.path()).unwrap();
    let day = listing.first_day(listing.day_for(None).unwrap());
    let r = loader.load(listing, &Default::default());
    assert!(loader.cached_index(&day).is_none());
    assert!(loader.pending(&day, None).is_none());
    assert!(loader.cached_index(&r.archive).is_some());
}

#[test]
fn a_payload_damaged_under_a_good_checksum_is_refused_or_harmless_never_a_panic() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    let (fresh, ..) = run(cache.path(), dir.path());
    let file = file_of(cache.path(), dir.path());
    let good = std::fs::read(&file).unwrap();
    let (payload, bulk) = super::file::unframe(&good).unwrap();
    let (payload, bulk) = (payload.to_vec(), bulk.to_vec());
    let root = crate::archive::posts_root(dir.path()).unwrap();
    let c = Cache::in_dir(cache.path(), &root).unwrap();
    let mut next = crate::test_rng::xorshift(0x5eed_cace);
    let mut refused = 0;
    let mut noticed = 0;
    for case in 0..400 {
        // The payload damaged, or (one case in three) the postings' bytes in the bulk, left
        // in the file and read when a search wants them.
        let (mut p, mut b) = (payload.clone(), bulk.clone());
        let damaged = if case % 3 == 0 { &mut b } else { &mut p };
        for _ in 0..1 + next() % 4 {
            let at = next() as usize % damaged.len();
            damaged[at] = next() as u8;
        }
        if case % 8 == 0 {
            damaged.truncate(next() as usize % damaged.len());
        }
        std::fs::write(&file, super::file::frame(&p, &b)).unwrap();
        match c.read(&root) {
            Ok(Some(w)) => {
                if let Some((old, index)) = w.indexed {
                    for q in QUERIES {
                        index.search(&parse(q).unwrap());
                    }
                    noticed += usize::from(index.take_damage_notice());
                    if let Some(updated) = index.update(&old, &fresh.archive) {
                        updated.search(&parse("t").unwrap());
                    }
                }
            }
            Ok(None) => unreachable!("the file is there"),
            Err(_) => refused += 1,
        }
    }
    assert!(refused > 50, "most damage is found: {refused}");
    assert!(
        noticed > 2,
        "damaged postings are found when searched: {noticed}"
    );
}

#[test]
fn a_payload_that_decodes_but_whose_checksum_disagrees_at_the_end_is_not_used_at_all() {
    let (dir, cache) = (folder(), tempfile::tempdir().unwrap());
    let (first, ..) = run(cache.path(), dir.path());
    let file = file_of(cache.path(), dir.path());
    let good = std::fs::read(&file).unwrap();
    let (payload, bulk) = super::file::unframe(&good).unwrap();
    // A paper's title changed to another of the same length: every section still decodes.
    let title = payload.windows(6).position(|w| w == b"Shared").unwrap();
    let mut changed = payload.to_vec();
    changed[title] = b'T';
    let root = crate::archive::posts_root(dir.path()).unwrap();
    let c = Cache::in_dir(cache.path(), &root).unwrap();
    let titles = |w: &super::store::Warm| -> Vec<String> {
        w.posts
            .iter()
            .filter_map(|(_, k)| k.day.as_ref())
            .flat_map(|d| d.papers.iter().map(|p| p.title.to_string()))
            .collect()
    };
    // Under a checksum that agrees, it is read, with the changed title: only the checksum,
    // found once all was decoded, tells it from a good file.
    std::fs::write(&file, super::file::frame(&changed, bulk)).unwrap();
    let warm = c.read(&root).unwrap().unwrap();
    assert!(titles(&warm).iter().any(|t| t == "Thared"));
    // With the old checksum, nothing of it is used: one warning, all parsed again.
    let mut bad = good.clone();
    bad[good.len() - bulk.len() - payload.len() + title] = b'T';
    std::fs::write(&file, &bad).unwrap();
    assert!(matches!(
        c.read(&root),
        Err(super::file::Unusable::Invalid { .. })
    ));
    let (r, index, warnings, from_cache) = run(cache.path(), dir.path());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("damaged or truncated"), "{warnings:?}");
    assert!(!from_cache && r.read == first.read, "all parsed again");
    assert!(
        r.archive
            .days
            .iter()
            .flat_map(|d| &d.papers)
            .all(|p| p.title != "Thared".into())
    );
    same_as_fresh(&r.archive, &index, dir.path());
    let (again, _, warnings, from_cache) = run(cache.path(), dir.path());
    assert!(warnings.is_empty() && from_cache && again.read == 0);
}
