//! What the benches that read a folder share: the archive in `HOTPAPERS_BENCH_ARCHIVE` (else
//! the bundled sample), each listing made a paper of its own with `HOTPAPERS_BENCH_DISTINCT=1`
//! (archives made by repeating posts repeat arXiv ids; real digests rarely list a paper twice),
//! and without its papers' long texts with `HOTPAPERS_BENCH_LIGHT=1` (the model the reader keeps
//! once indexed and the commands get from the cache).

use std::path::{Path, PathBuf};

use hotpapers::archive::{Archive, PaperKey};

/// The archive to measure, and its folder (`None` for the sample).
pub fn bench_archive() -> (Archive, Option<PathBuf>) {
    let Some(dir) = std::env::var_os("HOTPAPERS_BENCH_ARCHIVE") else {
        return (Archive::sample(), None);
    };
    let mut a = Archive::load(Path::new(&dir)).expect("HOTPAPERS_BENCH_ARCHIVE");
    if std::env::var_os("HOTPAPERS_BENCH_DISTINCT").is_some() {
        for day in &mut a.days {
            let day = std::sync::Arc::make_mut(day);
            for p in &mut day.papers {
                // Written through the listing: its info is copied, so no listing shares one.
                p.key = PaperKey::from_stored(format!("{}@{}", p.key, day.date));
            }
        }
    }
    if std::env::var_os("HOTPAPERS_BENCH_LIGHT").is_some() {
        // As the reader holds it once indexed, and as the cache gives it to the commands:
        // the papers without their abstracts and tweets' text (see `archive::texts`).
        a = a.without_texts();
    }
    (a, Some(PathBuf::from(dir)))
}
