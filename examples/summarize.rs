//! `hotpapers check` as it is with `Archive::summarize`: the same report, but each post is
//! dropped once counted, so memory stays small. Used by `scripts/bench.sh` to time it.
//!
//! ```sh
//! cargo run --release --example summarize -- DIR
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use hotpapers::archive::Archive;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: summarize DIR");
        return ExitCode::from(2);
    };
    let summary = match Archive::summarize(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("summarize: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut err = std::io::stderr().lock();
    for d in &summary.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    println!(
        "{} days, {} papers, {} tweets, {} errors, {} warnings",
        summary.days,
        summary.papers,
        summary.tweets,
        summary.errors(),
        summary.warnings()
    );
    if summary.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
