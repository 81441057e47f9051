//! Names this build of the program by its sources, for the cache: a cache written by another
//! build (a parser fixed since, say) is another version's and is rebuilt, whatever the version
//! number says. The library and every binary and test built from the same sources agree.

use std::hash::{Hash, Hasher};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut files = Vec::new();
    walk(Path::new("src"), &mut files);
    files.push(Path::new("Cargo.lock").to_path_buf());
    files.sort();
    // Deterministic for one toolchain (SipHash with fixed keys): all a build's parts need.
    let mut h = std::hash::DefaultHasher::new();
    for f in &files {
        f.to_string_lossy().hash(&mut h);
        std::fs::read(f).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=HOTPAPERS_BUILD={:016x}", h.finish());
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}
