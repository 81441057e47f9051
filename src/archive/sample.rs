//! The sample archive bundled in the binary, so the reader works from any directory.

use std::path::Path;

use include_dir::{Dir, include_dir};

use super::post::{Parsed, parse_post};

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample");

/// Prefix used for sample files in messages, so they are not mistaken for files on disk.
pub const SAMPLE_PREFIX: &str = "<sample>";

/// The sample's post files as (relative path, contents), sorted by path.
pub fn files() -> Vec<(String, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for f in dir.files() {
            let rel = f.path().to_string_lossy().replace('\\', "/");
            if rel.ends_with(".md") {
                out.push((rel, f.contents()));
            }
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&SAMPLE, &mut out);
    out.sort();
    out
}

pub fn parse_all() -> Vec<Parsed> {
    files()
        .into_iter()
        .map(|(rel, bytes)| parse_post(&Path::new(SAMPLE_PREFIX).join(&rel), &rel, bytes))
        .collect()
}
