//! Measures SQLite FTS5 as the engine behind the search box and `hotpapers search`: build time,
//! size and memory of an index of every paper of an archive, the time of the queries the
//! reader's users type, and what FTS5 cannot say that our query language can.
//!
//! ```sh
//! cargo run --release --example fts5_engine -- DIR [--dedup]
//! ```
//!
//! Each paper becomes one row of `t(title, authors, abstract, categories, tweets)` with the
//! `unicode61 remove_diacritics 2` tokenizer: title and abstract as the reader shows them
//! (`prettify`d), authors joined by `, `, categories by spaces, and for each tweet its author's
//! name, `@handle` and text. `listing(doc, day, paper)` maps a row to the listings it stands
//! for. With `--dedup` a paper whose rendered content was already inserted (the same paper on
//! another day, tweets and all) adds only a listing, so a row can stand for several listings.
//!
//! The same index is built in four ways, one after the other, each dropped before the next:
//! in memory as asked (FTS5 keeps its own copy of the text), in memory contentless (the reader
//! holds the text already; `contentless_delete=1` keeps rows deletable for updates), that with
//! prefix indexes for one- to three-letter prefixes (what makes `t*` cheap), and the first on
//! disk in a temporary file (for an index that persists between runs), queried after reopening.
//!
//! Each query runs 20 times on one prepared statement, fetching every matching rowid, ranked
//! (`ORDER BY bm25(t, 4, 2, 1, 2, 0.5)`, title above authors and categories above abstract
//! above tweets) and not (the set, in rowid order); the medians of the process's CPU time and
//! of wall-clock time are printed (on a shared machine the CPU time is the steadier figure; the
//! load average is printed too). Peak RSS is `VmHWM` of /proc/self/status, reset before each
//! build (`/proc/self/clear_refs`), after freed heap is given back (`malloc_trim`), so that
//! each build's figure is its own. SQLite's own heap (`sqlite3_memory_used`) is printed too.
//! A larger page cache for the on-disk build (64 MiB instead of 2) was tried: no faster.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use hotpapers::archive::{Archive, Paper};
use hotpapers::display::latex::prettify;
use rusqlite::{Connection, params};

const TOKENIZE: &str = "unicode61 remove_diacritics 2";
const RUNS: usize = 20;

/// The queries timed: (what the user types in our language, the FTS5 query for it).
const QUERIES: &[(&str, &str)] = &[
    ("t", "t*"),
    ("tr", "tr*"),
    ("tra", "tra*"),
    ("trans", "trans*"),
    ("transformer", "transformer*"),
    (
        "\"neural network\" -cat:cs",
        "\"neural network\" NOT categories:cs*",
    ),
    (
        "(same, phrase as prefix)",
        "\"neural network\"* NOT categories:cs*",
    ),
    ("nerf OR \"radiance field\"", "nerf OR \"radiance field\""),
    (
        "(gan OR diffusion) -cat:cs.CV",
        "(gan OR diffusion) NOT categories:\"cs.CV\"",
    ),
    ("au:Song diffusion", "authors:song* diffusion*"),
    ("ti:gan", "title:gan*"),
];

/// Queries whose matches are counted, not timed: how FTS5 folds accents and LaTeX.
const FOLDING: &[&str] = &[
    "frechet",
    "fréchet",
    "FRÉCHET",
    "\"Fr\\'echet\"",
    "\"fr echet\"",
    "title:former*",
    "title:transformer*",
];

#[derive(Clone, Copy, PartialEq)]
enum Place {
    Memory,
    Disk,
}

struct Variant {
    name: &'static str,
    place: Place,
    /// Whether FTS5 stores its own copy of the text (the default), or is contentless.
    content: bool,
    prefix: Option<&'static str>,
}

const VARIANTS: &[Variant] = &[
    Variant {
        name: "memory",
        place: Place::Memory,
        content: true,
        prefix: None,
    },
    Variant {
        name: "mem contentless",
        place: Place::Memory,
        content: false,
        prefix: None,
    },
    Variant {
        name: "mem cl+prefix 1,2,3",
        place: Place::Memory,
        content: false,
        prefix: Some("1 2 3"),
    },
    Variant {
        name: "disk",
        place: Place::Disk,
        content: true,
        prefix: None,
    },
];

/// The text of a paper's five columns, as the reader shows it.
fn render(p: &Paper) -> [String; 5] {
    let mut tweets = String::new();
    for t in &p.tweets {
        tweets.push_str(&t.author);
        tweets.push_str(" @");
        tweets.push_str(t.handle.trim().trim_start_matches('@'));
        tweets.push('\n');
        tweets.push_str(&t.text);
        tweets.push('\n');
    }
    [
        prettify(&p.title).into_owned(),
        p.authors.join(", "),
        prettify(&p.abstract_text).into_owned(),
        p.categories.join(" "),
        tweets,
    ]
}

fn schema(v: &Variant) -> String {
    let mut opts = format!("title, authors, abstract, categories, tweets, tokenize='{TOKENIZE}'");
    if !v.content {
        opts.push_str(", content='', contentless_delete=1");
    }
    if let Some(p) = v.prefix {
        opts.push_str(&format!(", prefix='{p}'"));
    }
    format!(
        "CREATE VIRTUAL TABLE t USING fts5({opts});
         CREATE TABLE listing(
             doc INTEGER NOT NULL, day INTEGER NOT NULL, paper INTEGER NOT NULL,
             PRIMARY KEY (doc, day, paper)
         ) WITHOUT ROWID;"
    )
}

/// Wall-clock time and the process's CPU time. The machine may be shared: CPU time is what
/// the engine itself spent, wall time includes waiting for a core.
#[derive(Clone, Copy, Default)]
struct Time {
    wall: Duration,
    cpu: Duration,
}

impl std::ops::Sub for Time {
    type Output = Time;
    fn sub(self, o: Time) -> Time {
        Time {
            wall: self.wall.saturating_sub(o.wall),
            cpu: self.cpu.saturating_sub(o.cpu),
        }
    }
}

struct Clock {
    wall: Instant,
    cpu: Duration,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: process_cpu(),
        }
    }

    fn elapsed(&self) -> Time {
        Time {
            wall: self.wall.elapsed(),
            cpu: process_cpu().saturating_sub(self.cpu),
        }
    }
}

fn process_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec, which `ts` is.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The median of each clock of some runs.
fn median(times: &[Time]) -> Time {
    let mid = |mut v: Vec<Duration>| {
        v.sort();
        let n = v.len();
        if n % 2 == 0 {
            (v[n / 2 - 1] + v[n / 2]) / 2
        } else {
            v[n / 2]
        }
    };
    Time {
        wall: mid(times.iter().map(|t| t.wall).collect()),
        cpu: mid(times.iter().map(|t| t.cpu).collect()),
    }
}

#[derive(Default)]
struct Built {
    rows: usize,
    listings: usize,
    /// The whole build, and the `optimize` at its end.
    total: Time,
    optimize: Time,
    size_before_optimize: u64,
}

/// Fills `t` and `listing` from the archive in one transaction, then merges FTS5's segments.
fn build(
    conn: &mut Connection,
    archive: &Archive,
    v: &Variant,
    dedup: bool,
    probes: &mut Option<&mut Probes>,
) -> rusqlite::Result<Built> {
    let mut b = Built::default();
    let start = Clock::start();
    conn.execute_batch(&schema(v))?;
    let tx = conn.transaction()?;
    {
        let mut row = tx.prepare(
            "INSERT INTO t(rowid, title, authors, abstract, categories, tweets)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut listing = tx.prepare("INSERT INTO listing(doc, day, paper) VALUES (?1, ?2, ?3)")?;
        // Rendered content (columns joined by NULs) to its row, for --dedup.
        let mut seen: HashMap<String, i64> = HashMap::new();
        for (d, day) in archive.days.iter().enumerate() {
            for (i, paper) in day.papers.iter().enumerate() {
                let cols = render(paper);
                let key = dedup.then(|| cols.join("\0"));
                let existing = key.as_ref().and_then(|k| seen.get(k).copied());
                let doc = match existing {
                    Some(doc) => doc,
                    None => {
                        let doc = b.rows as i64 + 1;
                        row.execute(params![doc, cols[0], cols[1], cols[2], cols[3], cols[4]])?;
                        b.rows += 1;
                        if let Some(p) = probes.as_deref_mut() {
                            p.see(paper, &cols[0], &cols[2]);
                        }
                        if let Some(k) = key {
                            seen.insert(k, doc);
                        }
                        doc
                    }
                };
                listing.execute(params![doc, d as i64, i as i64])?;
                b.listings += 1;
            }
        }
    }
    tx.commit()?;
    b.size_before_optimize = db_size(conn)?;
    let o = Clock::start();
    conn.execute("INSERT INTO t(t) VALUES ('optimize')", [])?;
    b.optimize = o.elapsed();
    b.total = start.elapsed();
    Ok(b)
}

/// page_count × page_size, in bytes.
fn db_size(conn: &Connection) -> rusqlite::Result<u64> {
    let pages: u64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    let size: u64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
    Ok(pages * size)
}

/// Bytes per table of the database (dbstat), largest first.
fn table_sizes(conn: &Connection) -> rusqlite::Result<Vec<(String, u64)>> {
    let mut stmt = conn.prepare(
        "SELECT name, SUM(pgsize) FROM dbstat WHERE aggregate = FALSE
         GROUP BY name ORDER BY 2 DESC",
    )?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Runs `sql` with `query` RUNS times, fetching every rowid: the match count and median time.
fn time_query(conn: &Connection, sql: &str, query: &str) -> rusqlite::Result<(usize, Time)> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut times = Vec::with_capacity(RUNS);
    let mut hits = 0;
    for _ in 0..RUNS {
        let start = Clock::start();
        let ids = stmt
            .query_map([query], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        times.push(start.elapsed());
        hits = ids.len();
    }
    Ok((hits, median(&times)))
}

const RANKED: &str =
    "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t, 4.0, 2.0, 1.0, 2.0, 0.5)";
const SET: &str = "SELECT rowid FROM t WHERE t MATCH ?1";

fn count(conn: &Connection, query: &str) -> String {
    match conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [query], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(n) => n.to_string(),
        Err(e) => format!("error: {e}"),
    }
}

/// A field of /proc/self/status, in kB.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Gives the heap's free pages back to the system, so that RSS after one index is dropped
/// is not the next one's starting point (glibc keeps freed memory otherwise).
fn release_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Bytes SQLite holds now, and the most it held since the last reset (which this does).
fn sqlite_heap() -> (u64, u64) {
    // SAFETY: both only read (and the second resets) SQLite's global memory statistics.
    unsafe {
        (
            rusqlite::ffi::sqlite3_memory_used() as u64,
            rusqlite::ffi::sqlite3_memory_highwater(1) as u64,
        )
    }
}

/// Makes VmHWM start again from the current RSS (Linux 4.0 and later).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn kb_mb(kb: u64) -> String {
    mb(kb * 1024)
}

/// A time as `wall (cpu)` in milliseconds.
fn ms2(t: Time) -> String {
    format!("{} ({})", ms(t.wall), ms(t.cpu))
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 100.0 {
        format!("{ms:.0}")
    } else if ms >= 1.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.3}")
    }
}

/// Where a word's camel-case humps start (byte offsets after 0): `StyleGAN` at `GAN`,
/// `HTTPServer` at `Server`, `GPT3` at `3`.
fn humps(word: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut out = Vec::new();
    for k in 1..chars.len() {
        let (prev, cur) = (chars[k - 1].1, chars[k].1);
        let next = chars.get(k + 1).map(|c| c.1);
        let hump = (prev.is_lowercase() && cur.is_uppercase())
            || (prev.is_alphabetic() && cur.is_numeric())
            || (prev.is_numeric() && cur.is_alphabetic())
            || (prev.is_uppercase() && cur.is_uppercase() && next.is_some_and(char::is_lowercase));
        if hump {
            out.push(chars[k].0);
        }
    }
    out
}

/// Title words probed for what a token-prefix engine misses.
const PROBE_WORDS: [&str; 4] = ["gan", "former", "net", "bert"];

/// Counts, over the rows inserted, what FTS5's token prefixes find against camel-case humps
/// and plain substrings, and how LaTeX accents are written in the raw text.
#[derive(Default)]
struct Probes {
    /// Per probe word: titles with a word starting with it (what `title:w*` finds), titles with
    /// it only at a hump inside a word, titles with it only elsewhere inside a word.
    words: [(usize, usize, usize); 4],
    /// Titles or abstracts whose raw text writes Fréchet as LaTeX, and as rendered.
    latex_frechet: usize,
    rendered_frechet: usize,
}

impl Probes {
    fn see(&mut self, paper: &Paper, title: &str, abstract_text: &str) {
        let words: Vec<&str> = title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let folded = title.to_lowercase();
        for (k, probe) in PROBE_WORDS.iter().enumerate() {
            let starts = |s: &str| s.to_lowercase().starts_with(probe);
            if words.iter().any(|w| starts(w)) {
                self.words[k].0 += 1;
            } else if words
                .iter()
                .any(|w| humps(w).iter().any(|&h| starts(&w[h..])))
            {
                self.words[k].1 += 1;
            } else if folded.contains(probe) {
                self.words[k].2 += 1;
            }
        }
        let raw = format!("{} {}", paper.title, paper.abstract_text);
        if ["Fr\\'echet", "Fr\\'{e}chet", "Fr{\\'e}chet"]
            .iter()
            .any(|s| raw.contains(s))
        {
            self.latex_frechet += 1;
        }
        if format!("{title} {abstract_text}").contains("Fréchet") {
            self.rendered_frechet += 1;
        }
    }
}

/// How the tokenizer cuts a few strings, and which queries find them: a table of its own.
fn tokenizer_demo() -> rusqlite::Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(&format!(
        "CREATE VIRTUAL TABLE d USING fts5(x, tokenize='{TOKENIZE}');
         CREATE VIRTUAL TABLE dv USING fts5vocab(d, 'instance');"
    ))?;
    let rendered = prettify("Fr\\'echet distance").into_owned();
    let docs = [
        "Fréchet Inception Distance (precomposed é)".to_string(),
        "Fre\u{301}chet Inception Distance (e + U+0301)".to_string(),
        "Fr\\'echet distance (raw LaTeX)".to_string(),
        format!("{rendered} (prettify of the raw LaTeX)"),
        "StyleGAN2 and BigGAN".to_string(),
        "Vision Transformers".to_string(),
        "GPT-3 versus GPT3".to_string(),
        "self-supervised learning".to_string(),
        "拡散モデルの新しい論文".to_string(),
    ];
    for (i, d) in docs.iter().enumerate() {
        conn.execute(
            "INSERT INTO d(rowid, x) VALUES (?1, ?2)",
            params![i as i64 + 1, d],
        )?;
    }
    println!("\n## How unicode61 remove_diacritics 2 tokenizes\n");
    println!("| row | text | tokens |\n|---|---|---|");
    let mut tokens = conn.prepare("SELECT term FROM dv WHERE doc = ?1 ORDER BY offset")?;
    for (i, d) in docs.iter().enumerate() {
        let terms = tokens
            .query_map([i as i64 + 1], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        println!("| {} | {d} | {} |", i + 1, terms.join(" · "));
    }
    println!("\n| FTS5 query | rows matched |\n|---|---|");
    let queries = [
        "frechet",
        "fréchet",
        "\"Fr\\'echet\"",
        "Fr\\'echet",
        "gan*",
        "stylegan*",
        "biggan",
        "former*",
        "*former",
        "transformer*",
        "\"gpt 3\"",
        "gpt3",
        "gpt-3",
        "self-supervised",
        "\"self supervised\"",
        "拡散",
        "拡散*",
        "論文",
        "NOT gan*",
        "x:gan* NOT x:big*",
    ];
    let mut find = conn.prepare("SELECT rowid FROM d WHERE d MATCH ?1 ORDER BY rowid")?;
    for q in queries {
        let found = find
            .query_map([q], |r| r.get::<_, i64>(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>());
        let shown = match found {
            Ok(rows) if rows.is_empty() => "none".to_string(),
            Ok(rows) => rows
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Err(e) => format!("error: {e}"),
        };
        println!("| `{q}` | {shown} |");
    }
    Ok(())
}

struct Measured {
    name: &'static str,
    built: Built,
    size: u64,
    tables: Vec<(String, u64)>,
    file_size: Option<u64>,
    reopen: Option<Time>,
    rss_before: u64,
    peak_build: u64,
    rss_after: u64,
    peak_queries: u64,
    /// SQLite's heap after the build, and its peak during it.
    heap_after: u64,
    heap_peak: u64,
    /// Per query: (hits, ranked median, set median).
    queries: Vec<(usize, Time, Time)>,
    folding: Vec<String>,
}

fn measure(
    archive: &Archive,
    v: &Variant,
    dedup: bool,
    tmp: &Path,
    probes: &mut Option<&mut Probes>,
) -> rusqlite::Result<Measured> {
    release_memory();
    let rss_before = status_kb("VmRSS");
    reset_peak();
    sqlite_heap();
    let path = tmp.join(format!("fts5-{}.db", v.name.replace(' ', "-")));
    let mut conn = match v.place {
        Place::Memory => Connection::open_in_memory()?,
        Place::Disk => {
            let _ = std::fs::remove_file(&path);
            Connection::open(&path)?
        }
    };
    let built = build(&mut conn, archive, v, dedup, probes)?;
    let size = db_size(&conn)?;
    let tables = table_sizes(&conn)?;
    let peak_build = status_kb("VmHWM");
    let (heap_after, heap_peak) = sqlite_heap();
    let (mut file_size, mut reopen) = (None, None);
    if v.place == Place::Disk {
        drop(conn);
        file_size = std::fs::metadata(&path).ok().map(|m| m.len());
        let start = Clock::start();
        conn = Connection::open(&path)?;
        conn.query_row(
            "SELECT count(*) FROM t WHERE t MATCH 'transformer*'",
            [],
            |r| r.get::<_, i64>(0),
        )?;
        reopen = Some(start.elapsed());
    }
    let rss_after = status_kb("VmRSS");
    let mut queries = Vec::new();
    for (_, q) in QUERIES {
        let (hits, ranked) = time_query(&conn, RANKED, q)?;
        let (set_hits, set) = time_query(&conn, SET, q)?;
        assert_eq!(hits, set_hits, "ranked and unranked disagree on {q}");
        queries.push((hits, ranked, set));
    }
    let folding = FOLDING.iter().map(|q| count(&conn, q)).collect();
    let peak_queries = status_kb("VmHWM");
    drop(conn);
    if v.place == Place::Disk {
        let _ = std::fs::remove_file(&path);
    }
    Ok(Measured {
        name: v.name,
        built,
        size,
        tables,
        file_size,
        reopen,
        rss_before,
        peak_build,
        rss_after,
        peak_queries,
        heap_after,
        heap_peak,
        queries,
        folding,
    })
}

fn main() -> ExitCode {
    let mut dir = None;
    let mut dedup = false;
    for a in std::env::args_os().skip(1) {
        if a == "--dedup" {
            dedup = true;
        } else if dir.is_none() {
            dir = Some(PathBuf::from(a));
        } else {
            dir = None;
            break;
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: fts5_engine DIR [--dedup]");
        return ExitCode::from(2);
    };
    match run(&dir, dedup) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fts5_engine: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path, dedup: bool) -> anyhow::Result<()> {
    let peak_resets = reset_peak();
    let rss_start = status_kb("VmRSS");
    let start = Clock::start();
    let archive = Archive::load(dir)?;
    let load = start.elapsed();
    let rss_loaded = status_kb("VmRSS");
    let peak_loaded = status_kb("VmHWM");
    let keys: std::collections::HashSet<&str> = archive
        .days
        .iter()
        .flat_map(|d| &d.papers)
        .map(|p| p.key.as_str())
        .collect();
    let distinct = keys.len();
    drop(keys);
    // Rendering alone, as the build does it (prettify and joins), to tell it from FTS5's work.
    let start = Clock::start();
    let mut bytes = 0;
    for p in archive.days.iter().flat_map(|d| &d.papers) {
        bytes += render(p).iter().map(String::len).sum::<usize>();
    }
    let render_time = start.elapsed();
    println!(
        "# FTS5 on {} ({})\n\n{} days, {} listings of {} distinct papers (by id), {} tweets; \
         {} of rendered text. Loaded in {} ms, rendered in {} ms (wall (CPU)); RSS {} → {} \
         (peak {}). SQLite {}, tokenizer `{TOKENIZE}`, median of {RUNS} runs. Load average \
         at start: {}.{}",
        dir.display(),
        if dedup {
            "--dedup"
        } else {
            "one row per listing"
        },
        archive.days.len(),
        archive.paper_count(),
        distinct,
        archive.tweet_count(),
        mb(bytes as u64),
        ms2(load),
        ms2(render_time),
        kb_mb(rss_start),
        kb_mb(rss_loaded),
        kb_mb(peak_loaded),
        rusqlite::version(),
        loadavg(),
        if peak_resets {
            ""
        } else {
            " (VmHWM could not be reset: peaks are since the start)"
        }
    );

    let tmp = tempfile::tempdir()?;
    let mut probes = Probes::default();
    let mut results = Vec::new();
    for (i, v) in VARIANTS.iter().enumerate() {
        let mut p = (i == 0).then_some(&mut probes);
        eprintln!("building {} ...", v.name);
        results.push(measure(&archive, v, dedup, tmp.path(), &mut p)?);
    }

    println!("\n## Build, size, memory (times in ms, wall (CPU))\n");
    println!(
        "| index | rows / listings | build | of which optimize | size after insert → \
         optimize | RSS before → after | peak RSS build / +queries | SQLite heap after (peak) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for m in &results {
        let b = &m.built;
        println!(
            "| {} | {} / {} | {} | {} | {} → {} | {} → {} | {} / {} | {} ({}) |",
            m.name,
            b.rows,
            b.listings,
            ms2(b.total),
            ms2(b.optimize),
            mb(b.size_before_optimize),
            mb(m.size),
            kb_mb(m.rss_before),
            kb_mb(m.rss_after),
            kb_mb(m.peak_build),
            kb_mb(m.peak_queries),
            mb(m.heap_after),
            mb(m.heap_peak),
        );
    }
    for m in &results {
        if let (Some(size), Some(reopen)) = (m.file_size, m.reopen) {
            println!(
                "\n{}: file {}, reopened and first query (`transformer*`, count) in {} ms.",
                m.name,
                mb(size),
                ms2(reopen)
            );
        }
    }
    println!("\nBytes per table (dbstat):\n");
    for m in &results {
        let parts: Vec<String> = m
            .tables
            .iter()
            .filter(|(_, s)| *s > 0)
            .map(|(n, s)| format!("{n} {}", mb(*s)))
            .collect();
        println!("- {}: {}", m.name, parts.join(", "));
    }

    for (label, cpu) in [("CPU", true), ("wall", false)] {
        println!("\n## Queries: median {label} ms of fetching every rowid, ranked by bm25 / set\n");
        print!("| our language | FTS5 query | hits |");
        for m in &results {
            print!(" {} |", m.name);
        }
        print!("\n|---|---|---|");
        for _ in &results {
            print!("---|");
        }
        println!();
        for (k, (ours, fts)) in QUERIES.iter().enumerate() {
            let hits = results[0].queries[k].0;
            let same = results.iter().all(|m| m.queries[k].0 == hits);
            print!(
                "| `{ours}` | `{fts}` | {hits}{} |",
                if same { "" } else { " (differs!)" }
            );
            for m in &results {
                let (_, ranked, set) = m.queries[k];
                let pick = |t: Time| if cpu { t.cpu } else { t.wall };
                print!(" {} / {} |", ms(pick(ranked)), ms(pick(set)));
            }
            println!();
        }
    }
    println!("\nLoad average at the end: {}.", loadavg());

    println!("\n## Folding (matches in the archive index)\n");
    println!("| FTS5 query | rows |\n|---|---|");
    for (q, n) in FOLDING.iter().zip(&results[0].folding) {
        println!("| `{q}` | {n} |");
    }
    println!(
        "\nRows whose raw title or abstract writes Fréchet in LaTeX (`Fr\\'echet`, …): {}; \
         rows showing `Fréchet` once rendered: {}.",
        probes.latex_frechet, probes.rendered_frechet
    );

    println!("\n## Token prefixes against humps and substrings (titles of the rows)\n");
    println!(
        "| word | titles with a word starting with it (`title:w*`) | only at a camel-case hump \
         (missed) | only elsewhere inside a word (missed) |\n|---|---|---|---|"
    );
    for (w, (starts, hump, inside)) in PROBE_WORDS.iter().zip(probes.words) {
        println!("| `{w}` | {starts} | {hump} | {inside} |");
    }

    tokenizer_demo()?;
    Ok(())
}

/// The 1, 5 and 15 minute load averages, to judge how shared the machine was.
fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}
