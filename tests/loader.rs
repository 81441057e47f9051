//! The loader's rules and its handling of malformed posts, one test per rule, on hand-written
//! fixtures (never real posts). Library tests call `hotpapers::archive` directly; the command
//! tests run the built binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use hotpapers::archive::{
    Archive, ArchiveError, Day, Diagnostic, MAX_FILE_SIZE, Parsed, PostFile, Severity,
    date_from_name, discover, parse_post, posts_root, read_post,
};

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

/// A complete post of the real shape: two papers, the first with every field and two tweets.
const FULL: &str = r#"---
title: Hot Papers 2021-03-04
date: 2021-03-05T08:30:00.Z
template: "post"
draft: false
slug: "hot-papers-2021-03-04"
tags:
  - "arXiv"
  - "Robots"
description: "Hot papers 2021-03-04"

---


# 1. Lanterns   in the Fog: Tiny   Robots Learn to Glow

Ada Quill,  Bo Ferrant ,Cyd Marsh-Oyelaran

- retweets: 42, favorites: 317 (03/05/2021 08:30:00)

- links: [abs](https://arxiv.org/abs/2103.01234) | [pdf](https://arxiv.org/pdf/2103.01234)
- [cs.RO](https://arxiv.org/list/cs.RO/recent) | [cs.LG](https://arxiv.org/list/cs.LG/recent)

We teach   small robots to
find each other in fog using $\alpha$-blinking *lanterns* \& beacons.

<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our robots glow &amp; find &quot;friends&quot;!<br><br>Paper: <a href="https://t.co/AbC123">https://t.co/AbC123</a> thanks <a href="https://twitter.com/LabBot?ref_src=twsrc%5Etfw">@LabBot</a></p>&mdash; Ada O&#39;Quill &amp; Co (@ada_quill) <a href="https://twitter.com/ada_quill/status/1367000000000000001?ref_src=twsrc%5Etfw">March 4, 2021</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>

<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">霧の中のロボット <a href="https://t.co/XyZ">pic.twitter.com/XyZ</a></p>&mdash; 霧ロボ (@kiri_robo) <a href="https://twitter.com/kiri_robo/status/1367000000000000002#frag">March 5, 2021</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>




# 2. A Paper Without a PDF Link or an Abstract

Dee Nakamura

- retweets: 3, favorites: 9 (03/05/2021 08:30:01)

- links: [abs](https://arxiv.org/abs/2103.05678)
- [math.PR](https://arxiv.org/list/math.PR/recent)

"#;

/// One well-formed paper section (no tweets).
fn paper(rank: u32, title: &str) -> String {
    format!(
        "# {rank}. {title}\n\nAnn Author, Ben Writer\n\n- retweets: {rank}, favorites: {}\n\n\
         - links: [abs](https://arxiv.org/abs/2001.0000{rank}) | [pdf](https://arxiv.org/pdf/2001.0000{rank})\n\
         - [cs.AI](https://arxiv.org/list/cs.AI/recent)\n\nAn abstract for paper {rank}.\n\n",
        rank * 10
    )
}

/// A post for `day` published at `published`, with `body` after the front matter.
fn post(day: &str, published: &str, body: &str) -> String {
    format!(
        "---\ntitle: Hot Papers {day}\ndate: {published}\nslug: \"hot-papers-{day}\"\n---\n\n{body}"
    )
}

fn simple_post(day: &str) -> String {
    post(day, &format!("{day}T09:00:00.Z"), &paper(1, "Only Paper"))
}

fn parse(name: &str, text: &str) -> Parsed {
    parse_bytes(name, text.as_bytes())
}

fn parse_bytes(name: &str, bytes: &[u8]) -> Parsed {
    parse_post(Path::new(name), name, bytes)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn day_of(p: &Parsed) -> &Day {
    p.day
        .as_ref()
        .unwrap_or_else(|| panic!("no day; diagnostics: {:#?}", p.diagnostics))
}

/// 1-based line of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
        + 1
}

fn warnings(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect()
}

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The only diagnostic whose message contains `needle`.
fn find<'a>(diags: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    let hits: Vec<_> = diags
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one diagnostic containing {needle:?}, got {diags:#?}"
    );
    hits[0]
}

fn write(root: &Path, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, contents).unwrap();
    path
}

fn rels(files: &[PostFile]) -> Vec<&str> {
    files.iter().map(|f| f.rel.as_str()).collect()
}

fn hotpapers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(args)
        .env_remove("HOTPAPERS_ARCHIVE")
        .env("NO_COLOR", "1")
        .output()
        .expect("run hotpapers")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every string anywhere in a day, through its serialised form.
fn all_strings(day: &Day) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(day).unwrap(), &mut out);
    out
}

fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

// ---------------------------------------------------------------------------------------------
// Archive discovery
// ---------------------------------------------------------------------------------------------

#[test]
fn a_folder_of_posts_is_searched_recursively_for_md_and_markdown() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        "2020-01-01---Hot-Papers.md",
        simple_post("2020-01-01"),
    );
    write(
        root,
        "2020/02/2020-02-03.markdown",
        simple_post("2020-02-03"),
    );
    write(root, "2021/2021-05-06.MD", simple_post("2021-05-06"));
    write(root, "notes.txt", "2020-09-09 not a post");
    write(root, "media/2020-09-10.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(root, "2020/draft.md.bak", simple_post("2020-09-11"));

    assert_eq!(posts_root(root).unwrap(), root);
    let (files, diags) = discover(root).unwrap();
    assert_eq!(
        rels(&files),
        [
            "2020-01-01---Hot-Papers.md",
            "2020/02/2020-02-03.markdown",
            "2021/2021-05-06.MD"
        ]
    );
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(files[1].path, root.join("2020/02/2020-02-03.markdown"));

    let archive = Archive::load(root).unwrap();
    let days: Vec<_> = archive.days.iter().map(|d| d.date).collect();
    assert_eq!(
        days,
        [date("2020-01-01"), date("2020-02-03"), date("2021-05-06")]
    );
    assert_eq!(archive.days[1].file, "2020/02/2020-02-03.markdown");
    assert!(archive.diagnostics.is_empty(), "{:#?}", archive.diagnostics);
    assert_eq!(archive.root.as_deref(), Some(root));
}

#[test]
fn a_blog_checkout_reads_content_posts_and_names_files_relative_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let blog = tmp.path();
    // Outside content/posts: must not be read (it has no date, so it would be an error).
    write(blog, "README.md", "# My blog\n");
    write(blog, "content/pages/about.md", "# About\n");
    let posts = blog.join("content/posts");
    write(
        &posts,
        "2020-04-05---Hot-Papers.md",
        simple_post("2020-04-05"),
    );
    write(&posts, "2020/2020-04-06.md", simple_post("2020-04-06"));
    write(&posts, "2020/broken.md", "---\ntitle: [\n---\n# 1. X\n");

    assert_eq!(posts_root(blog).unwrap(), posts);
    let archive = Archive::load(blog).unwrap();
    assert_eq!(archive.root.as_deref(), Some(posts.as_path()));
    let files: Vec<_> = archive.days.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["2020-04-05---Hot-Papers.md", "2020/2020-04-06.md"]);
    // The only error is the dateless post inside content/posts, named by its full path.
    let errs = errors(&archive.diagnostics);
    assert_eq!(errs.len(), 1, "{:#?}", archive.diagnostics);
    assert_eq!(errs[0].path, posts.join("2020/broken.md"));
}

#[test]
fn archive_root_must_be_an_existing_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "2020-01-01.md", simple_post("2020-01-01"));
    assert!(matches!(
        posts_root(&file),
        Err(ArchiveError::NotADirectory { .. })
    ));
    assert!(matches!(
        Archive::load(&tmp.path().join("missing")),
        Err(ArchiveError::Io { .. })
    ));
    let err = Archive::load(&file).unwrap_err().to_string();
    assert!(err.contains("2020-01-01.md"), "{err}");
}

#[test]
fn hidden_folders_and_files_are_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    write(root, ".git/2020-01-02.md", simple_post("2020-01-02"));
    write(
        root,
        ".drafts/2020/2020-01-03.md",
        simple_post("2020-01-03"),
    );
    write(root, "2020/.2020-01-04.md", simple_post("2020-01-04"));
    let (files, diags) = discover(root).unwrap();
    assert_eq!(rels(&files), ["2020-01-01.md"]);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020/2020-01-01.md", simple_post("2020-01-01"));
    std::os::unix::fs::symlink("..", root.join("2020/up")).unwrap();
    std::os::unix::fs::symlink(root, root.join("self")).unwrap();

    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].file, "2020/2020-01-01.md");
    let loops: Vec<_> = archive
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("already visited"))
        .collect();
    assert_eq!(loops.len(), 2, "{:#?}", archive.diagnostics);
    assert!(loops.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(archive.errors(), 0);
}

#[cfg(unix)]
#[test]
fn symlinked_post_files_are_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tempfile::tempdir().unwrap();
    let real = write(store.path(), "elsewhere.md", simple_post("2020-07-07"));
    std::os::unix::fs::symlink(&real, tmp.path().join("2020-07-07.md")).unwrap();
    let archive = Archive::load(tmp.path()).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].file, "2020-07-07.md");
    assert_eq!(archive.days[0].papers.len(), 1);
}

#[cfg(unix)]
#[test]
fn dangling_symlinks_to_posts_are_errors_naming_the_link() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    std::os::unix::fs::symlink(root.join("nowhere.md"), root.join("2020-01-02.md")).unwrap();
    // A dangling link that is not a post is none of our business.
    std::os::unix::fs::symlink(root.join("nowhere.png"), root.join("cover.png")).unwrap();

    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.diagnostics.len(), 1, "{:#?}", archive.diagnostics);
    let d = &archive.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path, root.join("2020-01-02.md"));
    assert!(d.message.contains("cannot read"), "{d}");
}

#[test]
fn a_directory_named_like_a_post_is_a_folder_not_a_post() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir(root.join("2020-01-01.md")).unwrap();
    write(
        root,
        "2020-01-02.markdown/2020-01-03.md",
        simple_post("2020-01-03"),
    );
    let (files, diags) = discover(root).unwrap();
    assert_eq!(rels(&files), ["2020-01-02.markdown/2020-01-03.md"]);
    assert!(diags.is_empty(), "{diags:#?}");
    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].date, date("2020-01-03"));
    assert!(archive.diagnostics.is_empty(), "{:#?}", archive.diagnostics);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// Runs `f` on another thread and fails (rather than hanging the suite) if it never returns.
#[cfg(unix)]
fn must_return<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("the loader blocked")
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_post_does_not_block_and_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    write(&root, "2020-01-01.md", simple_post("2020-01-01"));
    mkfifo(&root.join("2020-01-02.md"));

    let r = root.clone();
    let archive = must_return(move || Archive::load(&r).unwrap());
    assert_eq!(archive.days.len(), 1);
    let d = find(&archive.diagnostics, "not a regular file");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.path, root.join("2020-01-02.md"));

    // A FIFO swapped in after discovery is refused by the reader itself, without blocking.
    let fifo = PostFile {
        path: root.join("2020-01-02.md"),
        rel: "2020-01-02.md".into(),
    };
    let parsed = must_return(move || read_post(&fifo));
    assert!(parsed.day.is_none());
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].severity, Severity::Error);
    assert!(parsed.diagnostics[0].message.contains("not a regular file"));
}

#[test]
fn files_over_the_size_cap_are_skipped_with_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("2020-01-01.md");
    let f = fs::File::create(&path).unwrap();
    // Sparse: costs no disk space.
    f.set_len(MAX_FILE_SIZE + 1).unwrap();
    let parsed = read_post(&PostFile {
        path: path.clone(),
        rel: "2020-01-01.md".into(),
    });
    assert!(parsed.day.is_none());
    let d = find(&parsed.diagnostics, "limit");
    assert_eq!((d.severity, &d.path), (Severity::Error, &path));
}

// ---------------------------------------------------------------------------------------------
// The day
// ---------------------------------------------------------------------------------------------

#[test]
fn the_day_comes_from_the_title_first() {
    let text = "---\ntitle: Hot Papers 2020-01-02\nslug: hot-papers-2020-01-03\n---\n";
    let p = parse("2020-01-04---Hot-Papers.md", text);
    assert_eq!(day_of(&p).date, date("2020-01-02"));
    assert_eq!(day_of(&p).title, "Hot Papers 2020-01-02");
}

#[test]
fn the_day_comes_from_the_slug_when_the_title_has_none() {
    let text = "---\ntitle: Hot Papers of the week\nslug: hot-papers-2020-01-03\n---\n";
    let p = parse("2020-01-04---Hot-Papers.md", text);
    assert_eq!(day_of(&p).date, date("2020-01-03"));
    assert_eq!(day_of(&p).title, "Hot Papers of the week");
}

#[test]
fn the_day_comes_from_the_file_name_last() {
    let text = "---\ntitle: Hot Papers\nslug: hot-papers\n---\n";
    let p = parse("2020/2020-01-04---Hot-Papers.md", text);
    assert_eq!(day_of(&p).date, date("2020-01-04"));
    assert_eq!(day_of(&p).file, "2020/2020-01-04---Hot-Papers.md");
    // Only the file name counts, not the folders above it.
    let p = parse("2020-01-05/post.md", text);
    assert!(p.day.is_none());
    assert_eq!(
        date_from_name("x/2020-02-29-y.md"),
        Some(date("2020-02-29"))
    );
    assert_eq!(date_from_name("2020-02-30.md"), None);
}

#[test]
fn a_post_with_no_date_anywhere_is_an_error() {
    let p = parse("post.md", "---\ntitle: Hot Papers\n---\n# 1. X\n");
    assert!(p.day.is_none());
    let d = find(&p.diagnostics, "no YYYY-MM-DD date");
    assert_eq!(
        (d.severity, d.path.as_path()),
        (Severity::Error, Path::new("post.md"))
    );
}

#[test]
fn the_front_matter_date_is_read_leniently_as_utc() {
    let p = parse("a.md", &post("2020-01-02", "2020-01-03T09:10:11.Z", ""));
    let t = day_of(&p).published.unwrap();
    assert_eq!(t.to_string(), "2020-01-03 09:10:11");
    let p = parse("a.md", &post("2020-01-02", "2020-01-03T09:10:11+02:00", ""));
    assert_eq!(
        day_of(&p).published.unwrap().to_string(),
        "2020-01-03 07:10:11"
    );
}

#[test]
fn an_unreadable_front_matter_date_warns_and_is_ignored() {
    let text = post("2020-01-02", "next tuesday", "");
    let p = parse("a.md", &text);
    assert_eq!(day_of(&p).published, None);
    let d = find(&p.diagnostics, "not a date-time");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.line, Some(line_of(&text, "date:")));
    assert!(d.message.contains("next tuesday"), "{d}");

    // Also when the front matter is never closed.
    let text = "---\ntitle: Hot Papers 2020-01-02\n\ndate: soon\n\n# 1. X\n";
    let p = parse("a.md", text);
    let d = find(&p.diagnostics, "not a date-time");
    assert_eq!(d.line, Some(4));
}

#[test]
fn two_posts_for_one_day_keep_the_newest_and_warn_naming_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // The newer post sorts first by name, so name order alone would pick the wrong one.
    write(
        root,
        "a-2020-03-03.md",
        post("2020-03-03", "2020-03-04T10:00:00.Z", &paper(1, "Newer")),
    );
    write(
        root,
        "b-2020-03-03.md",
        post("2020-03-03", "2020-03-04T08:00:00.Z", &paper(1, "Older")),
    );
    write(root, "2020-03-04.md", simple_post("2020-03-04"));

    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 2);
    assert_eq!(archive.days[0].file, "a-2020-03-03.md");
    assert_eq!(archive.days[0].papers[0].title, "Newer");
    assert_eq!(archive.diagnostics.len(), 1, "{:#?}", archive.diagnostics);
    let d = &archive.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    // The dropped post is named like every other diagnostic: by its path on disk.
    assert_eq!(d.path, root.join("b-2020-03-03.md"));
    assert!(d.message.contains("2020-03-03"), "{d}");
    assert!(d.message.contains("a-2020-03-03.md"), "{d}");
    assert_eq!(archive.warnings(), 1);
}

#[test]
fn a_duplicate_without_a_publication_time_loses_to_one_with() {
    let a = parse(
        "x-2020-03-03.md",
        &post("2020-03-03", "2020-03-04T08:00:00Z", ""),
    );
    let b = parse(
        "y-2020-03-03.md",
        "---\ntitle: Hot Papers 2020-03-03\n---\n",
    );
    let archive = Archive::assemble(vec![a, b]);
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].file, "x-2020-03-03.md");
    assert_eq!(archive.diagnostics[0].path, Path::new("y-2020-03-03.md"));
}

// ---------------------------------------------------------------------------------------------
// Per-paper fields
// ---------------------------------------------------------------------------------------------

#[test]
fn a_full_post_loads_without_diagnostics() {
    let p = parse("2021-03-04---Hot-Papers.md", FULL);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let day = day_of(&p);
    assert_eq!(day.date, date("2021-03-04"));
    assert_eq!(day.title, "Hot Papers 2021-03-04");
    assert_eq!(day.file, "2021-03-04---Hot-Papers.md");
    assert_eq!(day.published.unwrap().to_string(), "2021-03-05 08:30:00");
    assert_eq!(day.papers.len(), 2);
}

#[test]
fn paper_rank_title_authors_and_counts() {
    let p = parse("2021-03-04.md", FULL);
    let day = day_of(&p);
    let a = &day.papers[0];
    assert_eq!(a.rank, 1);
    assert_eq!(a.title, "Lanterns in the Fog: Tiny Robots Learn to Glow");
    assert_eq!(a.authors, ["Ada Quill", "Bo Ferrant", "Cyd Marsh-Oyelaran"]);
    assert_eq!((a.retweets, a.favorites), (42, 317));
    assert_eq!(a.score(), 359);
    assert_eq!(a.line, line_of(FULL, "# 1."));
    let b = &day.papers[1];
    assert_eq!(
        (b.rank, b.authors.as_slice()),
        (2, ["Dee Nakamura".to_string()].as_slice())
    );
    assert_eq!((b.retweets, b.favorites), (3, 9));
    assert_eq!(b.line, line_of(FULL, "# 2."));
}

#[test]
fn paper_links_id_and_categories() {
    let p = parse("2021-03-04.md", FULL);
    let day = day_of(&p);
    let a = &day.papers[0];
    assert_eq!(a.arxiv_id.as_deref(), Some("2103.01234"));
    assert_eq!(
        a.abs_url.as_deref(),
        Some("https://arxiv.org/abs/2103.01234")
    );
    assert_eq!(
        a.pdf_url.as_deref(),
        Some("https://arxiv.org/pdf/2103.01234")
    );
    assert_eq!(a.categories, ["cs.RO", "cs.LG"]);
    let b = &day.papers[1];
    assert_eq!(b.arxiv_id.as_deref(), Some("2103.05678"));
    assert_eq!(b.pdf_url, None, "the pdf link is optional");
    assert_eq!(b.categories, ["math.PR"]);
}

#[test]
fn paper_abstract_is_collapsed_source_text_or_empty() {
    let p = parse("2021-03-04.md", FULL);
    let day = day_of(&p);
    assert_eq!(
        day.papers[0].abstract_text,
        r"We teach small robots to find each other in fog using $\alpha$-blinking *lanterns* \& beacons."
    );
    assert_eq!(day.papers[1].abstract_text, "");
    assert!(day.papers[1].tweets.is_empty());
}

#[test]
fn tweet_fields() {
    let p = parse("2021-03-04.md", FULL);
    let tweets = &day_of(&p).papers[0].tweets;
    assert_eq!(tweets.len(), 2);
    let t = &tweets[0];
    assert_eq!(t.author, "Ada O'Quill & Co");
    assert_eq!(t.handle, "ada_quill");
    assert_eq!(
        t.url,
        "https://twitter.com/ada_quill/status/1367000000000000001"
    );
    assert_eq!(t.date, "March 4, 2021");
    assert_eq!(t.lang, "en");
    assert_eq!(
        t.text,
        "Our robots glow & find \"friends\"!\n\nPaper: https://t.co/AbC123 thanks @LabBot"
    );
    let t = &tweets[1];
    assert_eq!(
        (t.author.as_str(), t.handle.as_str()),
        ("霧ロボ", "kiri_robo")
    );
    assert_eq!(
        t.url,
        "https://twitter.com/kiri_robo/status/1367000000000000002"
    );
    assert_eq!(t.lang, "ja");
    assert_eq!(t.text, "霧の中のロボット pic.twitter.com/XyZ");
}

#[test]
fn a_tweet_without_attribution_is_kept_with_a_warning() {
    let body = format!(
        "{}<blockquote class=\"twitter-tweet\"><p lang=\"en\">orphan words</p></blockquote>\n",
        paper(1, "T")
    );
    let text = post("2020-01-01", "2020-01-01T00:00:00Z", &body);
    let p = parse("t.md", &text);
    let tweets = &day_of(&p).papers[0].tweets;
    assert_eq!(tweets.len(), 1);
    assert_eq!(tweets[0].text, "orphan words");
    assert_eq!(tweets[0].handle, "");
    let d = find(&p.diagnostics, "handle");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.line, Some(line_of(&text, "<blockquote")));
}

// ---------------------------------------------------------------------------------------------
// Front matter problems
// ---------------------------------------------------------------------------------------------

#[test]
fn broken_yaml_still_gives_the_papers_with_a_located_warning() {
    let text = format!(
        "---\ntitle: Hot Papers 2020-05-06\ndate: 2020-05-07T01:02:03.Z\nfoo: bar: baz\n---\n\n{}",
        paper(1, "Still Here")
    );
    let p = parse("broken.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-05-06"));
    assert_eq!(day.published.unwrap().to_string(), "2020-05-07 01:02:03");
    assert_eq!(day.papers.len(), 1);
    assert_eq!(day.papers[0].title, "Still Here");
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("not valid YAML"), "{d}");
    assert_eq!(d.line, Some(line_of(&text, "foo:")));
}

#[test]
fn broken_yaml_takes_the_day_from_the_slug_or_file_name() {
    // The title line is not a plain `key: value`, so only the slug can give the day.
    let text = format!(
        "---\ntitle: [Hot Papers\nslug: hot-papers-2020-05-08\n---\n\n{}",
        paper(1, "P")
    );
    let p = parse("x.md", &text);
    assert_eq!(day_of(&p).date, date("2020-05-08"));
    assert_eq!(day_of(&p).papers.len(), 1);
    assert_eq!(warnings(&p.diagnostics).len(), 1, "{:#?}", p.diagnostics);

    let text = format!("---\n- just\n- a list\n---\n\n{}", paper(1, "P"));
    let p = parse("2020-05-09---Hot-Papers.md", &text);
    assert_eq!(day_of(&p).date, date("2020-05-09"));
    assert_eq!(day_of(&p).papers.len(), 1);
    let d = find(&p.diagnostics, "not a YAML mapping");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
}

#[test]
fn no_front_matter_warns_and_uses_the_file_name() {
    let text = paper(1, "Bare");
    let p = parse("2020-06-07---Hot-Papers.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-07"));
    assert_eq!((day.title.as_str(), day.published), ("", None));
    assert_eq!(day.papers.len(), 1);
    assert_eq!(day.papers[0].line, 1);
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert!(d.message.contains("no front matter"), "{d}");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(1)));
}

#[test]
fn unterminated_front_matter_keeps_its_fields_and_the_papers() {
    let text = format!(
        "---\ntitle: Hot Papers 2020-06-08\ndate: 2020-06-09T00:00:00Z\n\n{}{}",
        paper(1, "First"),
        paper(2, "Second")
    );
    let p = parse("u.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-08"));
    assert_eq!(day.title, "Hot Papers 2020-06-08");
    assert!(day.published.is_some());
    let titles: Vec<_> = day.papers.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["First", "Second"]);
    assert_eq!(day.papers[1].line, line_of(&text, "# 2."));
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert!(d.message.contains("never closed"), "{d}");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(1)));
}

#[test]
fn huge_front_matter_is_not_parsed_but_its_plain_lines_are_read() {
    let filler: String = (0..3000)
        .map(|i| format!("k{i}: a value long enough to add up\n"))
        .collect();
    assert!(filler.len() > 64 * 1024);
    let text = format!(
        "---\ntitle: Hot Papers 2020-06-10\n{filler}---\n\n{}",
        paper(1, "After")
    );
    let p = parse("h.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-10"));
    assert_eq!(day.papers.len(), 1);
    assert_eq!(day.papers[0].line, line_of(&text, "# 1."));
    let d = find(&p.diagnostics, "limit");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
}

#[test]
fn yaml_alias_bombs_return_with_a_warning() {
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let text = format!(
        "---\n{yaml}title: Hot Papers 2020-06-11\n---\n\n{}",
        paper(1, "Survivor")
    );
    // If aliases were expanded this would not return (9^12 nodes).
    let p = parse("bomb.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-11"));
    assert_eq!(day.papers[0].title, "Survivor");
    let d = find(&p.diagnostics, "aliases");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));

    // Also through the whole loader.
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "bomb.md", &text);
    let archive = Archive::load(tmp.path()).unwrap();
    assert_eq!((archive.days.len(), archive.warnings()), (1, 1));
}

#[test]
fn asterisks_inside_plain_front_matter_text_are_not_aliases() {
    let text = "---\ntitle: Hot Papers 2020-06-12\ndescription: papers on *diffusion* and 2 * 3\ntags: [a, b]\n---\n";
    let p = parse("s.md", text);
    assert_eq!(day_of(&p).date, date("2020-06-12"));
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
}

// ---------------------------------------------------------------------------------------------
// Encodings and odd files
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_skipped_with_a_warning() {
    let p = parse_bytes("2020-01-01.md", b"");
    assert!(p.day.is_none());
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!((d.severity, d.line), (Severity::Warning, None));
    assert!(d.message.contains("empty"), "{d}");
}

#[test]
fn a_whitespace_only_file_is_skipped_with_a_warning() {
    let p = parse_bytes("2020-01-01.md", b" \n\t\r\n  \n");
    assert!(p.day.is_none());
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("white space"), "{d}");
}

#[test]
fn crlf_line_endings_give_the_same_result_as_lf() {
    let crlf = FULL.replace('\n', "\r\n");
    assert_ne!(crlf, FULL);
    let a = parse("2021-03-04.md", FULL);
    let b = parse("2021-03-04.md", &crlf);
    assert_eq!(a.day, b.day);
    assert_eq!(a.diagnostics, b.diagnostics);

    // Line numbers in warnings are the same too.
    let text = format!(
        "---\ntitle: Hot Papers 2020-01-01\n---\n\n# 1. Bare\n\n{}",
        paper(2, "X")
    );
    let a = parse("b.md", &text);
    let b = parse("b.md", &text.replace('\n', "\r\n"));
    assert!(!a.diagnostics.is_empty());
    assert_eq!(a.diagnostics, b.diagnostics);
    assert_eq!(a.day, b.day);
}

#[test]
fn a_utf8_bom_is_ignored() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), FULL.as_bytes()].concat();
    let a = parse("2021-03-04.md", FULL);
    let b = parse_bytes("2021-03-04.md", &with_bom);
    assert!(b.diagnostics.is_empty(), "{:#?}", b.diagnostics);
    assert_eq!(a.day, b.day);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_located_warning() {
    let text = post(
        "2020-02-02",
        "2020-02-03T00:00:00Z",
        &paper(1, "Caf@ Paper"),
    );
    // A Latin-1 "é": a lone byte that is not UTF-8.
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'@' { 0xE9 } else { b })
        .collect();
    let p = parse_bytes("2020-02-02.md", &bytes);
    let day = day_of(&p);
    assert_eq!(day.papers[0].title, "Caf\u{FFFD} Paper");
    assert_eq!(day.papers[0].abstract_text, "An abstract for paper 1.");
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("UTF-8"), "{d}");
    assert_eq!(d.line, Some(line_of(&text, "# 1.")));
}

#[test]
fn a_binary_file_is_skipped_with_an_error() {
    let mut bytes = simple_post("2020-02-02").into_bytes();
    bytes.extend_from_slice(b"\0\x01\x02\xFF\xFE");
    let p = parse_bytes("2020-02-02.md", &bytes);
    assert!(p.day.is_none());
    assert_eq!(p.diagnostics.len(), 1);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message.contains("NUL"), "{d}");
    assert_eq!(d.path, Path::new("2020-02-02.md"));

    // A UTF-16 file is binary to us as well.
    let utf16: Vec<u8> = "---\ntitle: Hot Papers 2020-02-02\n---\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let p = parse_bytes("2020-02-02.md", &[b"\xFF\xFE".as_slice(), &utf16].concat());
    assert!(p.day.is_none());
    assert_eq!(errors(&p.diagnostics).len(), 1);
}

#[test]
fn tabs_become_spaces() {
    let text = "---\ntitle: Hot\tPapers 2020-02-04\n---\n\n# 1. Tabbed\tTitle\n\nAnn\tAuthor, Ben Writer\n\n- retweets: 1, favorites: 2\n\n- links: [abs](https://arxiv.org/abs/2002.00004)\n\nAn\tabstract\twith tabs.\n\n<blockquote class=\"twitter-tweet\"><p lang=\"en\">a\ttab</p>&mdash; T\tName (@t) <a href=\"https://twitter.com/t/status/4\">Feb\t4, 2020</a></blockquote>\n";
    let p = parse("tabs.md", text);
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    let day = day_of(&p);
    assert_eq!(day.title, "Hot Papers 2020-02-04");
    let paper = &day.papers[0];
    assert_eq!(paper.title, "Tabbed Title");
    assert_eq!(paper.authors, ["Ann Author", "Ben Writer"]);
    assert_eq!(paper.abstract_text, "An abstract with tabs.");
    let t = &paper.tweets[0];
    assert_eq!(
        (t.text.as_str(), t.author.as_str(), t.date.as_str()),
        ("a tab", "T Name", "Feb 4, 2020")
    );
    assert!(all_strings(day).iter().all(|s| !s.contains('\t')));
}

// ---------------------------------------------------------------------------------------------
// Control characters and bidi overrides
// ---------------------------------------------------------------------------------------------

#[test]
fn control_and_bidi_characters_are_removed_from_all_loaded_text() {
    // Raw controls in every field, plus entity-encoded ones in the tweet.
    let text = "---\ntitle: \"Hot\u{1b}[2J Papers 2020-02-05\u{7}\"\n---\n\n\
        # 1. Evil\u{1b}[31m Title\u{202e}desrever\u{202c} \u{9b}1mend\n\n\
        Ann\u{7f} Author, \u{2066}Ben\u{2069} Writer\u{8}\n\n\
        - retweets: 1, favorites: 2\n\n\
        - links: [abs](https://arxiv.org/abs/2002.00005) | [pdf](https://arxiv.org/pdf/2002.00005)\n\
        - [cs\u{1b}.AI](https://arxiv.org/list/cs.AI/recent)\n\n\
        An abstract \u{1b}]0;pwned\u{7} with \u{85}controls\u{0c} and \u{202d}bidi.\n\n\
        <blockquote class=\"twitter-tweet\"><p lang=\"en\">hi&#27;[31m red &#x1B;[0m &#155;1m &#8238;rev&#x202C; &#127; &#7; bell\u{1b}[5m</p>\
        &mdash; Mal&#27;[1mlory\u{202e} (@mal\u{1b}lory) <a href=\"https://twitter.com/mal/status/9\">Feb 5,&#27; 2020</a></blockquote>\n";
    let p = parse("evil.md", text);
    let day = day_of(&p);
    for s in all_strings(day) {
        assert!(
            !s.chars().any(is_forbidden),
            "forbidden character survived in {s:?}"
        );
    }
    let paper = &day.papers[0];
    assert_eq!(day.title, "Hot[2J Papers 2020-02-05");
    assert!(
        paper.title.starts_with("Evil[31m Title"),
        "{:?}",
        paper.title
    );
    assert_eq!(paper.authors, ["Ann Author", "Ben Writer"]);
    assert_eq!(paper.categories, ["cs.AI"]);
    assert!(
        paper.abstract_text.contains("bidi."),
        "{:?}",
        paper.abstract_text
    );
    let t = &paper.tweets[0];
    // References to C0 controls are left undecoded by the entity decoder, so they show as typed
    // and never become an ESC; the decodable ones (C1, DEL, bidi) are decoded and then dropped.
    assert_eq!(t.text, "hi&#27;[31m red &#x1B;[0m 1m rev &#7; bell[5m");
    assert_eq!(t.author, "Mal&#27;[1mlory");
    assert_eq!(t.handle, "mallory");
    assert_eq!(t.date, "Feb 5,&#27; 2020");
}

#[test]
fn removing_a_control_character_never_leaves_a_double_space() {
    let text = "---\ntitle: Hot \u{1b} Papers 2020-02-06\n---\n\n\
        # 1. Two \u{202e} Words\n\nAnn \u{7} Author, Ben \u{9b} Writer\n\n\
        - retweets: 1, favorites: 2\n\n- links: [abs](https://arxiv.org/abs/2002.00006)\n\n\
        Abstract \u{1b} text.\n\n\
        <blockquote class=\"twitter-tweet\"><p lang=\"en\">a &#8238; b</p>&mdash; A &#127; B (@ab) <a href=\"https://twitter.com/ab/status/6\">Feb &#155; 6, 2020</a></blockquote>\n";
    let p = parse("ws.md", text);
    let day = day_of(&p);
    let paper = &day.papers[0];
    assert_eq!(day.title, "Hot Papers 2020-02-06");
    assert_eq!(paper.title, "Two Words");
    assert_eq!(paper.authors, ["Ann Author", "Ben Writer"]);
    assert_eq!(paper.abstract_text, "Abstract text.");
    let t = &paper.tweets[0];
    assert_eq!(
        (t.text.as_str(), t.author.as_str(), t.date.as_str()),
        ("a b", "A B", "Feb 6, 2020")
    );
}

// ---------------------------------------------------------------------------------------------
// Malformed bodies
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_paper_fields_warn_at_the_heading_and_keep_the_paper() {
    let body = format!(
        "# 1. No Authors\n\n- retweets: 1, favorites: 2\n\n- links: [abs](https://arxiv.org/abs/2003.00001)\n\nAbstract one.\n\n\
         # 2. No Counts\n\nAnn Author\n\n- links: [abs](https://arxiv.org/abs/2003.00002)\n\nAbstract two.\n\n\
         # 3. No Links\n\nAnn Author\n\n- retweets: 5, favorites: 6\n\nAbstract three.\n\n{}",
        paper(4, "Complete")
    );
    let text = post("2020-03-01", "2020-03-02T00:00:00Z", &body);
    let p = parse("m.md", &text);
    let day = day_of(&p);
    assert_eq!(day.papers.len(), 4);
    let [one, two, three, _] = &day.papers[..] else {
        unreachable!()
    };

    assert!(one.authors.is_empty());
    assert_eq!((one.retweets, one.favorites), (1, 2));
    assert_eq!(one.abstract_text, "Abstract one.");
    assert_eq!((two.retweets, two.favorites), (0, 0));
    assert_eq!(two.authors, ["Ann Author"]);
    assert_eq!(two.abstract_text, "Abstract two.");
    assert_eq!(
        (three.abs_url.as_deref(), three.arxiv_id.as_deref()),
        (None, None)
    );
    assert_eq!((three.retweets, three.favorites), (5, 6));
    assert_eq!(three.abstract_text, "Abstract three.");

    assert_eq!(p.diagnostics.len(), 3, "{:#?}", p.diagnostics);
    assert!(
        p.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    let d = find(&p.diagnostics, "paper 1 has no authors");
    assert_eq!(d.line, Some(line_of(&text, "# 1.")));
    let d = find(&p.diagnostics, "paper 2 has no `- retweets");
    assert_eq!(d.line, Some(line_of(&text, "# 2.")));
    let d = find(&p.diagnostics, "paper 3 has no abs link");
    assert_eq!(d.line, Some(line_of(&text, "# 3.")));
}

#[test]
fn garbage_counts_are_zero_with_a_warning_naming_file_and_line() {
    let body = "# 1. Popular\n\nAnn Author\n\n- retweets: many, favorites: 12 (01/01/2020 00:00:00)\n\n\
                - links: [abs](https://arxiv.org/abs/2003.00003)\n\n\
                # 2. Unpopular\n\nBen Writer\n\n- retweets: 4, favorites: -1\n\n\
                - links: [abs](https://arxiv.org/abs/2003.00004)\n";
    let text = post("2020-03-03", "2020-03-04T00:00:00Z", body);
    let tmp = tempfile::tempdir().unwrap();
    let path = write(tmp.path(), "2020-03-03.md", &text);
    let archive = Archive::load(tmp.path()).unwrap();
    let papers = &archive.days[0].papers;
    assert_eq!((papers[0].retweets, papers[0].favorites), (0, 12));
    assert_eq!((papers[1].retweets, papers[1].favorites), (4, 0));
    assert_eq!(archive.diagnostics.len(), 2, "{:#?}", archive.diagnostics);
    let d = find(&archive.diagnostics, "\"many\"");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.path, path);
    assert_eq!(d.line, Some(line_of(&text, "- retweets: many")));
    assert!(d.message.contains("retweets"), "{d}");
    assert_eq!(
        d.to_string(),
        format!(
            "warning: {}:{}: {}",
            path.display(),
            d.line.unwrap(),
            d.message
        )
    );
    let d = find(&archive.diagnostics, "\"-1\"");
    assert!(d.message.contains("paper 2: favorites"), "{d}");
    assert_eq!(d.line, Some(line_of(&text, "- retweets: 4")));
}

#[test]
fn a_heading_that_is_not_a_ranked_title_is_skipped_with_a_warning() {
    let body = format!(
        "# Introduction\n\nSome words that are not a paper.\n\n{}# 2020s. Not a rank\n\nMore words.\n\n{}",
        paper(1, "Real One"),
        paper(2, "Real Two")
    );
    let text = post("2020-03-05", "2020-03-06T00:00:00Z", &body);
    let p = parse("h.md", &text);
    let day = day_of(&p);
    let titles: Vec<_> = day.papers.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Real One", "Real Two"]);
    // Text under the skipped heading does not leak into the previous paper.
    assert_eq!(day.papers[0].abstract_text, "An abstract for paper 1.");
    let heads: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("`# N. Title`"))
        .collect();
    assert_eq!(heads.len(), 2, "{:#?}", p.diagnostics);
    assert_eq!(heads[0].line, Some(line_of(&text, "# Introduction")));
    assert_eq!(heads[1].line, Some(line_of(&text, "# 2020s.")));
    assert_eq!(p.diagnostics.len(), 2, "{:#?}", p.diagnostics);
}

#[test]
fn headings_inside_code_blocks_are_not_papers() {
    let body = format!("```\n# 9. Not a paper\n```\n\n{}", paper(1, "Real"));
    let p = parse("c.md", &post("2020-03-07", "2020-03-07T00:00:00Z", &body));
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
    assert_eq!(day_of(&p).papers.len(), 1);
}

#[test]
fn a_post_with_zero_papers_is_a_valid_empty_day() {
    let text = post(
        "2020-03-08",
        "2020-03-09T00:00:00Z",
        "No papers were hot today.\n",
    );
    let p = parse("z.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-03-08"));
    assert!(day.papers.is_empty());
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);

    // Front matter alone is a post too.
    let p = parse("z.md", "---\ntitle: Hot Papers 2020-03-10\n---\n");
    assert!(day_of(&p).papers.is_empty());
    assert!(errors(&p.diagnostics).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

#[test]
fn diagnostics_display_as_severity_path_line_message() {
    let w = Diagnostic::warning("posts/a.md", Some(12), "something odd");
    assert_eq!(w.to_string(), "warning: posts/a.md:12: something odd");
    let e = Diagnostic::error("posts/b.md", None, "unusable");
    assert_eq!(e.to_string(), "error: posts/b.md: unusable");
    assert!(Severity::Error > Severity::Warning);
}

#[test]
fn diagnostics_display_control_characters_escaped_on_one_line() {
    let d = Diagnostic::error(
        "posts/\u{1b}[2Jx\u{202e}.md",
        Some(3),
        "bad \"\u{9b}\"\nerror: forged",
    );
    assert_eq!(
        d.to_string(),
        "error: posts/\\u{1b}[2Jx\\u{202e}.md:3: bad \"\\u{9b}\"\\nerror: forged"
    );
}

#[test]
fn archive_diagnostics_use_the_path_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let text = post("2020-04-01", "2020-04-01T00:00:00Z", "# 1. Lonely\n");
    let path = write(root, "2020/2020-04-01.md", &text);
    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.diagnostics.len(), 3, "{:#?}", archive.diagnostics);
    for d in &archive.diagnostics {
        assert_eq!(d.path, path);
        assert_eq!(d.line, Some(line_of(&text, "# 1.")));
        assert!(
            d.to_string().starts_with(&format!(
                "warning: {}:{}: paper 1 ",
                path.display(),
                d.line.unwrap()
            )),
            "{d}"
        );
    }
    assert_eq!((archive.errors(), archive.warnings()), (0, 3));
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

#[test]
fn check_prints_diagnostics_and_a_summary_and_succeeds_on_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2021-03-04---Hot-Papers.md", FULL);
    let bad_text = post(
        "2021-03-05",
        "2021-03-06T00:00:00Z",
        "# 1. X\n\nA\n\n- retweets: many, favorites: 1\n\n- links: [abs](https://arxiv.org/abs/1)\n",
    );
    let bad = write(root, "2021-03-05---Hot-Papers.md", &bad_text);
    let o = hotpapers(&["check", "--archive", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "2 days, 3 papers, 2 tweets, 0 errors, 1 warning\n"
    );
    let err = stderr(&o);
    let line = line_of(&bad_text, "- retweets: many");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("warning: {}:{line}: ", bad.display())),
        "{err}"
    );
}

#[test]
fn check_fails_when_there_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    let bin = write(root, "2020-01-02.md", b"\0\0binary");
    write(root, "undated.md", "---\ntitle: Hot Papers\n---\n");
    let o = hotpapers(&["check", "--archive", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "1 day, 1 paper, 0 tweets, 2 errors, 0 warnings\n"
    );
    let err = stderr(&o);
    assert!(
        err.contains(&format!("error: {}: ", bin.display())),
        "{err}"
    );
    assert!(err.contains("undated.md: no YYYY-MM-DD"), "{err}");
}

#[cfg(unix)]
#[test]
fn check_never_prints_control_characters_from_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = write(
        tmp.path(),
        "2020-01-01\u{1b}]0;owned\u{7}\nerror: forged.md",
        post("2020-01-01", "2020-01-01T00:00:00Z", "# 1. Bare\n"),
    );
    let o = hotpapers(&["check", "--archive", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "1 day, 1 paper, 0 tweets, 0 errors, 3 warnings\n"
    );
    let err = stderr(&o);
    assert!(!err.chars().any(is_forbidden), "{err:?}");
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.lines().all(|l| l.starts_with("warning: ")), "{err}");
    let shown = format!(
        "{}",
        tmp.path()
            .join("2020-01-01\\u{1b}]0;owned\\u{7}\\nerror: forged.md")
            .display()
    );
    assert!(err.contains(&shown), "{err}");
    assert!(evil.exists());
}

#[test]
fn check_on_an_empty_folder_reports_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let o = hotpapers(&["check", "--archive", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "0 days, 0 papers, 0 tweets, 0 errors, 0 warnings\n"
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn check_on_a_missing_folder_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    let o = hotpapers(&["check", "--archive", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("nope"), "{}", stderr(&o));
}

#[test]
fn export_date_prints_just_that_day() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2021-03-04---Hot-Papers.md", FULL);
    write(
        root,
        "2021-03-05---Hot-Papers.md",
        simple_post("2021-03-05"),
    );
    let dir = root.to_str().unwrap();

    let o = hotpapers(&["export", "--archive", dir, "--date", "2021-03-04"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let days = v.as_array().unwrap();
    assert_eq!(days.len(), 1);
    let day = &days[0];
    assert_eq!(day["date"], "2021-03-04");
    assert_eq!(day["published"], "2021-03-05T08:30:00Z");
    assert_eq!(day["papers"].as_array().unwrap().len(), 2);
    let p = &day["papers"][0];
    assert_eq!(p["title"], "Lanterns in the Fog: Tiny Robots Learn to Glow");
    assert_eq!(p["arxiv_id"], "2103.01234");
    assert_eq!(p["tweets"][0]["handle"], "ada_quill");
    assert!(day["papers"][1]["pdf_url"].is_null());

    let o = hotpapers(&["export", "--archive", dir]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dates: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].clone())
        .collect();
    assert_eq!(dates, ["2021-03-04", "2021-03-05"]);

    let o = hotpapers(&["export", "--archive", dir, "--date", "2021-03-06"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("no post for 2021-03-06"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn commands_read_a_blog_checkout() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "README.md", "not a post\n");
    write(
        tmp.path(),
        "content/posts/2020/2020-05-05.md",
        simple_post("2020-05-05"),
    );
    let o = hotpapers(&["check", "--archive", tmp.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "1 day, 1 paper, 0 tweets, 0 errors, 0 warnings\n"
    );
    let o = hotpapers(&["export", "--archive", tmp.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["file"], "2020/2020-05-05.md");
}

#[test]
fn deeply_nested_front_matter_is_not_parsed_and_warns() {
    let text = format!(
        "---\ntitle: Hot Papers 2020-08-01\nk: {}\n---\n\n{}",
        "[".repeat(60_000),
        paper(1, "Below")
    );
    // The YAML parser's time grows with the square of the depth; this must not reach it.
    let p = parse("n.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-08-01"));
    assert_eq!(day.papers[0].title, "Below");
    let d = find(&p.diagnostics, "levels deep");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
}

#[test]
fn deeply_nested_markdown_returns() {
    for nest in ["> ", "- ", "* > 1. ", "<div>"] {
        let body = format!(
            "# 1. Deep\n\n{}x\n\n{}",
            nest.repeat(20_000),
            paper(2, "After")
        );
        let p = parse("n.md", &post("2020-08-02", "2020-08-02T00:00:00Z", &body));
        let titles: Vec<_> = day_of(&p).papers.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Deep", "After"], "{nest}");
    }
}

#[test]
fn tweets_per_paper_are_capped_with_a_warning() {
    let tweet = "<blockquote class=\"twitter-tweet\"><p lang=\"en\">x</p>&mdash; A (@a) <a href=\"https://twitter.com/a/status/1\">D</a></blockquote>\n";
    let body = format!("{}{}", paper(1, "Viral"), tweet.repeat(250));
    let p = parse("v.md", &post("2020-08-03", "2020-08-03T00:00:00Z", &body));
    assert_eq!(day_of(&p).papers[0].tweets.len(), 200);
    let d = find(&p.diagnostics, "more than 200 tweets");
    assert_eq!(d.severity, Severity::Warning);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_load_and_print_safely() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let name = std::ffi::OsStr::from_bytes(b"2020-01-05---Hot-\xff\xfePapers.md");
    fs::write(root.join(name), simple_post("2020-01-05")).unwrap();
    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 1);
    assert_eq!(
        archive.days[0].file,
        "2020-01-05---Hot-\u{fffd}\u{fffd}Papers.md"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(["export", "--archive"])
        .arg(root)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::str::from_utf8(&out.stdout).is_ok(),
        "export wrote invalid UTF-8"
    );
}

#[test]
fn a_post_that_vanishes_before_it_is_read_is_an_error_not_a_crash() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "2020-01-01.md", simple_post("2020-01-01"));
    write(root, "2020-01-02.md", simple_post("2020-01-02"));
    let (files, _) = hotpapers::archive::discover(root).unwrap();
    fs::remove_file(root.join("2020-01-02.md")).unwrap();
    let parsed: Vec<_> = files.iter().map(hotpapers::archive::read_post).collect();
    assert!(parsed[0].day.is_some());
    assert!(parsed[1].day.is_none());
    let d = &parsed[1].diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.path.ends_with("2020-01-02.md") && d.message.contains("cannot open"),
        "{d}"
    );
}
