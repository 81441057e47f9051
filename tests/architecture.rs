//! Architecture checks: reads the files of `src/` as text and checks the shape of the code.
//!
//! * No import circles between files of the library: a file depends on another when one of its
//!   `use` declarations or inline paths (`crate::…`, `super::…`, `self::…`, a child module)
//!   resolves to it. Circles keep files from being read, tested or moved one at a time.
//!   `src/main.rs` is a root: it may name the library (`hotpapers::…`), nothing names it.
//! * Layers: archive, search, display, export, state, config and links name neither the reader
//!   (`crate::tui`) nor the terminal crates (`ratatui`, `crossterm`).
//! * A pure core: `src/tui/core/` names no file system, environment, thread, process, network,
//!   clock, terminal, database or OS crate, so `update` stays a function of state and event.
//! * Small files: no file of `src/` has more than 500 lines.
//!
//! The checker is a small tokenizer, not a parser: it skips comments, strings and chars, stops at
//! a `#[cfg(test)] mod … {` (unit tests may import anything), expands `use` trees, finds inline
//! paths, makes each absolute and resolves it to the longest prefix that is a file's module.
//! Its own tests, on tiny in-memory files, are at the bottom.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

type Files = BTreeMap<String, String>;
type Tokens = Vec<(String, usize)>;
type Aliases = BTreeMap<String, Vec<String>>;

/// Every `.rs` file under `src/`: its text by its `src/…` path.
fn read_src() -> Files {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut out, mut dirs) = (Files::new(), vec!["src".to_string()]);
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(root.join(&dir)).expect("read a folder of src/") {
            let entry = entry.expect("read a folder entry");
            let rel = format!("{dir}/{}", entry.file_name().to_string_lossy());
            if entry.path().is_dir() {
                dirs.push(rel);
            } else if rel.ends_with(".rs") {
                let text = std::fs::read_to_string(entry.path()).expect("read a file");
                out.insert(rel, text);
            }
        }
    }
    out
}

/// The module a library file is, as `["crate", "tui", "core"]`; `None` for `src/main.rs`.
fn module_of(rel: &str) -> Option<Vec<String>> {
    let inner = rel.strip_prefix("src/")?.strip_suffix(".rs")?;
    let mut m = vec!["crate".to_string()];
    m.extend(inner.split('/').map(String::from));
    if m.len() == 2 && m[1] == "main" {
        return None;
    }
    if m.last().is_some_and(|l| l == "mod") || (m.len() == 2 && m[1] == "lib") {
        m.pop();
    }
    Some(m)
}

fn is_word(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Words, `::` and single punctuation marks, each with its line. Comments, strings, char
/// literals and numbers are skipped, and the tokens stop at a `#[cfg(test)]` on a `mod … {`.
fn tokens(src: &str) -> Tokens {
    let c: Vec<char> = src.chars().collect();
    let at = |k: usize, ch: char| c.get(k) == Some(&ch);
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < c.len() {
        let start = i;
        if at(i, '/') && at(i + 1, '/') {
            i = (i..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len());
        } else if at(i, '/') && at(i + 1, '*') {
            let (mut depth, mut k) = (1, i + 2);
            while depth > 0 && k < c.len() {
                let (open, close) = (at(k, '/') && at(k + 1, '*'), at(k, '*') && at(k + 1, '/'));
                depth += i32::from(open) - i32::from(close);
                k += 1 + usize::from(open || close);
            }
            i = k;
        } else if at(i, '"') {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if at(i, '\'') && at(i + 1, '\\') {
            let close = (i + 3..c.len()).find(|&k| at(k, '\''));
            i = close.map_or(c.len(), |k| k + 1);
        } else if at(i, '\'') && at(i + 2, '\'') {
            i += 3;
        } else if is_word(c[i]) {
            i = (i..c.len()).find(|&k| !is_word(c[k])).unwrap_or(c.len());
            let word: String = c[start..i].iter().collect();
            let hashes = (i..c.len()).take_while(|&k| at(k, '#')).count();
            if matches!(word.as_str(), "r" | "br" | "cr") && at(i + hashes, '"') {
                let closes = |k: usize| at(k, '"') && (1..=hashes).all(|h| at(k + h, '#'));
                let end = (i + hashes + 1..c.len()).find(|&k| closes(k));
                i = end.map_or(c.len(), |k| k + 1 + hashes);
            } else if !c[start].is_ascii_digit() {
                out.push((word, line));
            }
        } else if at(i, ':') && at(i + 1, ':') {
            out.push(("::".to_string(), line));
            i += 2;
        } else {
            out.extend((!c[i].is_whitespace()).then(|| (c[i].to_string(), line)));
            i += 1;
        }
        i = i.min(c.len());
        line += c[start..i].iter().filter(|&&ch| ch == '\n').count();
    }
    let s = |k: usize| out.get(k).map_or("", |t| t.0.as_str());
    let attr = ["#", "[", "cfg", "(", "test", ")", "]"];
    let opens_tests = |k: usize| {
        let body = || (k + 7..out.len()).find(|&j| matches!(s(j), "{" | ";"));
        (k..k + 7).map(s).eq(attr) && body().is_some_and(|j| s(j) == "{" && s(j - 2) == "mod")
    };
    let unit_tests = (0..out.len()).find(|&k| opens_tests(k));
    out.truncate(unit_tests.unwrap_or(out.len()));
    out
}

/// A leaf of a `use` tree: its path as written, the name it binds (if any) and its line.
type Leaf = (Vec<String>, Option<String>, usize);

/// Expands the `use` tree at token `i` under `prefix` into `out`; returns the index after it.
fn use_tree(t: &Tokens, mut i: usize, prefix: &[String], out: &mut Vec<Leaf>) -> usize {
    let s = |k: usize| t.get(k).map_or("", |x| x.0.as_str());
    let mut path = prefix.to_vec();
    loop {
        match s(i) {
            "::" => i += 1,
            "{" => {
                i += 1;
                while !matches!(s(i), "}" | "") {
                    i = use_tree(t, i, &path, out).max(i + 1);
                    i += usize::from(s(i) == ",");
                }
                return i + 1;
            }
            "*" => {
                out.push((path, None, t[i].1));
                return i + 1;
            }
            w if w.starts_with(is_word) && w != "as" => {
                path.push(w.to_string());
                i += 1;
                if s(i) != "::" {
                    break;
                }
            }
            _ => break,
        }
    }
    if path.len() > prefix.len() {
        let line = t[i - 1].1;
        if path.last().is_some_and(|p| p == "self") {
            path.pop();
        }
        let mut name = path.last().cloned();
        if s(i) == "as" {
            (name, i) = (Some(s(i + 1).to_string()).filter(|n| n != "_"), i + 2);
        }
        out.push((path, name, line));
    }
    i
}

/// Makes a written path absolute: `crate::…` for the library (`<bin>::…` for main.rs's own
/// items), a name bound by `use` or `mod x;` expanded, anything else (extern crates) as written.
fn absolute(segs: &[String], cur: &[String], aliases: &Aliases) -> Vec<String> {
    let (base, skip) = match segs[0].as_str() {
        "crate" => (cur[..1].to_vec(), 1),
        "hotpapers" if cur[0] == "<bin>" => (vec!["crate".to_string()], 1),
        "self" | "super" => {
            let relative = |s: &&String| *s == "self" || *s == "super";
            let k = segs.iter().take_while(relative).count();
            let up = segs[..k].iter().filter(|s| *s == "super").count();
            (cur[..cur.len().saturating_sub(up)].to_vec(), k)
        }
        a => aliases.get(a).map_or((Vec::new(), 0), |p| (p.clone(), 1)),
    };
    [base, segs[skip..].to_vec()].concat()
}

/// Every path the file `rel` names outside its unit tests, made absolute, by line.
fn named_paths(rel: &str, src: &str) -> Vec<(Vec<String>, usize)> {
    let module = module_of(rel).unwrap_or_else(|| vec!["<bin>".to_string()]);
    let t = tokens(src);
    let s = |k: usize| t.get(k).map_or("", |x| x.0.as_str());
    let mut aliases = Aliases::new();
    for k in (0..t.len()).filter(|&k| s(k) == "mod" && s(k + 2) == ";") {
        let child = s(k + 1).to_string();
        aliases.insert(child.clone(), [module.clone(), vec![child]].concat());
    }
    let (mut found, mut inline, mut inner) = (Vec::new(), Vec::new(), Vec::<(String, i32)>::new());
    let (mut depth, mut i) = (0, 0);
    while i < t.len() {
        let mut cur = module.clone();
        cur.extend(inner.iter().map(|m| m.0.clone()));
        let path_start = s(i + 1) == "::" && i.checked_sub(1).map(s) != Some("::");
        match s(i) {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                inner.retain(|m| m.1 < depth);
            }
            "mod" if s(i + 2) == "{" => inner.push((s(i + 1).to_string(), depth)),
            "use" if s(i + 1) != "<" => {
                let mut leaves = Vec::new();
                i = use_tree(&t, i + 1, &[], &mut leaves);
                for (segs, name, line) in leaves {
                    let path = absolute(&segs, &cur, &aliases);
                    if let Some(name) = name {
                        aliases.insert(name, path.clone());
                    }
                    found.push((path, line));
                }
                continue;
            }
            w if path_start && w.starts_with(is_word) => {
                let (mut segs, line) = (vec![w.to_string()], t[i].1);
                while s(i + 1) == "::" && s(i + 2).starts_with(is_word) {
                    segs.push(s(i + 2).to_string());
                    i += 2;
                }
                inline.push((segs, cur, line));
            }
            _ => {}
        }
        i += 1;
    }
    for (segs, cur, line) in inline {
        found.push((absolute(&segs, &cur, &aliases), line));
    }
    found.sort_by_key(|f| f.1);
    found
}

/// `from` names `to`, first at line `at`, through the path `via`.
#[derive(Debug)]
struct Edge {
    from: String,
    to: String,
    at: usize,
    via: String,
}

/// The file dependency graph: one edge per (file, other file it names), at the first such line.
fn edges(files: &Files) -> Vec<Edge> {
    let mut modules = BTreeMap::new();
    for rel in files.keys() {
        modules.extend(module_of(rel).map(|m| (m, rel.as_str())));
    }
    let mut out = BTreeMap::new();
    for (rel, text) in files {
        for (path, line) in named_paths(rel, text) {
            let to = (1..=path.len()).rev().find_map(|k| modules.get(&path[..k]));
            if let Some(to) = to.filter(|to| **to != rel.as_str()) {
                let (from, to, at, via) = (rel.clone(), to.to_string(), line, path.join("::"));
                out.entry((rel, to.clone()))
                    .or_insert(Edge { from, to, at, via });
            }
        }
    }
    out.into_values().collect()
}

/// One report per import circle (a strongly connected component of more than one file): its
/// files and a shortest cycle through the first of them, with the line of each edge.
fn cycles(edges: &[Edge]) -> Vec<String> {
    let mut adj: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in edges {
        adj.entry(&e.from).or_default().push(e);
        adj.entry(&e.to).or_default();
    }
    let reach = |v| {
        let (mut seen, mut todo) = (BTreeSet::new(), vec![v]);
        while let Some(x) = todo.pop() {
            let next = adj[x].iter().map(|e| e.to.as_str());
            todo.extend(next.filter(|w| seen.insert(*w)));
        }
        (v, seen)
    };
    let reaches: BTreeMap<&str, BTreeSet<&str>> = adj.keys().map(|&v| reach(v)).collect();
    let show = |e: &Edge| format!("{}:{} names {} -> {}", e.from, e.at, e.via, e.to);
    let (mut done, mut out) = (BTreeSet::new(), Vec::new());
    for (start, reached) in &reaches {
        let back = |w: &&&str| reaches[**w].contains(start);
        let scc: Vec<&str> = reached.iter().filter(back).copied().collect();
        if scc.len() < 2 || !done.insert(scc.clone()) {
            continue;
        }
        let inside = |e: &&&Edge| scc.contains(&e.to.as_str());
        let (mut came, mut queue) = (BTreeMap::<&str, &Edge>::new(), VecDeque::from([*start]));
        while let Some(v) = queue.pop_front().filter(|_| !came.contains_key(start)) {
            for e in adj[v].iter().filter(inside) {
                came.entry(&e.to).or_insert_with(|| {
                    queue.push_back(&e.to);
                    e
                });
            }
        }
        let (mut cycle, mut at) = (Vec::new(), *start);
        while cycle.is_empty() || at != *start {
            cycle.insert(0, show(came[at]));
            at = came[at].from.as_str();
        }
        let head = format!("circle of {} files: {}", scc.len(), scc.join(", "));
        let cycle = cycle.join("\n    ");
        out.push(format!("{head}\n  a cycle:\n    {cycle}\n"));
    }
    out
}

/// Each `file:line: path` where a file under one of the `scope` prefixes names a path that
/// starts with one of the `banned` prefixes (both lists separated by spaces).
fn offenders(files: &Files, scope: &str, banned: &str) -> Vec<String> {
    let mut out = BTreeSet::new();
    for (rel, text) in files
        .iter()
        .filter(|f| scope.split(' ').any(|d| f.0.starts_with(d)))
    {
        for (path, line) in named_paths(rel, text) {
            let joined = path.join("::");
            let hit = |b: &str| joined == b || joined.starts_with(&format!("{b}::"));
            if banned.split(' ').any(hit) {
                out.insert((rel, line, joined));
            }
        }
    }
    out.into_iter()
        .map(|(rel, line, path)| format!("{rel}:{line}: {path}"))
        .collect()
}

fn check(what: &str, bad: Vec<String>) {
    let n = bad.len();
    assert!(bad.is_empty(), "{what} ({n} found):\n{}", bad.join("\n"));
}

#[test]
fn no_import_circles_between_files() {
    let found = cycles(&edges(&read_src()));
    check("import circles between files of src/", found);
}

#[test]
fn main_is_a_root() {
    // Nothing can name main.rs (no module of the library is it), and it reaches the library
    // through `hotpapers::`; it stays a root as long as it builds no file of src/ in with `mod`.
    let t = tokens(&read_src()["src/main.rs"]);
    let decls = t.windows(3).filter(|w| w[0].0 == "mod" && w[2].0 == ";");
    let bad = decls
        .map(|w| format!("src/main.rs:{}: mod {};", w[0].1, w[1].0))
        .collect();
    check("main.rs builds files of src/ into the binary", bad);
}

const LOWER: &str = "src/archive/ src/search/ src/display/ src/export/ src/state/ src/config.rs \
                     src/links.rs src/similar/";
const READER: &str = "crate::tui ratatui crossterm";
const IMPURE: &str = "std::fs std::env std::thread std::process std::net std::time::Instant \
                      std::time::SystemTime std::io::stdout std::io::stdin crossterm rusqlite \
                      notify signal_hook libc";

#[test]
fn lower_layers_do_not_name_the_reader() {
    let bad = offenders(&read_src(), LOWER, READER);
    check("the layers below the reader name it", bad);
}

#[test]
fn the_core_is_pure() {
    let bad = offenders(&read_src(), "src/tui/core/", IMPURE);
    check("src/tui/core/ names I/O", bad);
}

#[test]
fn no_file_over_500_lines() {
    let mut bad = Vec::new();
    for (rel, text) in read_src() {
        let n = text.lines().count();
        bad.extend((n > 500).then(|| format!("{rel}: {n} lines")));
    }
    check("files over 500 lines", bad);
}

// The checker's own tests, on in-memory files.

/// The paths `rel` names, as `path@line`, separated by spaces.
fn paths(rel: &str, src: &str) -> String {
    let mut out = String::new();
    for (path, line) in named_paths(rel, src) {
        out += &format!(" {}@{line}", path.join("::"));
    }
    out.trim_start().to_string()
}

fn files(list: &[(&str, &str)]) -> Files {
    let files = list.iter().map(|(a, b)| (a.to_string(), b.to_string()));
    files.collect()
}

#[test]
fn checker_skips_comments_strings_chars_and_unit_tests() {
    let src = "let a = \"crate::x\"; // crate::y\n/* crate::z /* nested */\n */ let c = '\"';\n\
               fn f<'a>(s: &'a str) { let r = br#\"crate::\"w\"#; let b = b'\\''; \
               crate::ok::go(); }\n#[cfg(test)]\n#[allow(unused)]\nmod tests {\n use crate::z; }";
    assert_eq!(paths("src/a.rs", src), "crate::ok::go@4");
}

#[test]
fn checker_expands_use_trees_and_names_they_bind() {
    let src = "mod core;\npub use crate::tui::{command::{Command, Scope},\n \
               key::{self as k, Key}};\nuse super::x as y;\npub use core::state::App;\n\
               use std::{io, fs as f};\nfn g() { y::go(); io::stdout(); f::read(); k::parse(); }";
    let want = "crate::tui::command::Command@2 crate::tui::command::Scope@2 crate::tui::key@3 \
                crate::tui::key::Key@3 crate::x@4 crate::tui::core::state::App@5 std::io@6 \
                std::fs@6 crate::x::go@7 std::io::stdout@7 std::fs::read@7 \
                crate::tui::key::parse@7";
    assert_eq!(paths("src/tui/mod.rs", src), want);
}

#[test]
fn checker_resolves_super_self_children_and_inline_modules() {
    assert_eq!(paths("src/a/b.rs", "super::c::f()"), "crate::a::c::f@1");
    assert_eq!(paths("src/a/mod.rs", "super::c::f()"), "crate::c::f@1");
    let src = "use self::d::E;\nmod d;\nfn f() { d::g() }\nmod inner { use super::h; }";
    let want = "crate::a::b::d::E@1 crate::a::b::d::g@3 crate::a::b::h@4";
    assert_eq!(paths("src/a/b.rs", src), want);
    let src = "use hotpapers::cli::Cli;\nfn main() { crate::x() }";
    assert_eq!(paths("src/main.rs", src), "crate::cli::Cli@1 <bin>::x@2");
}

#[test]
fn checker_resolves_to_the_longest_file_backed_prefix() {
    let rows = "use super::Keymap;\nfn f() -> crate::tui::core::state::Reader {}";
    let effects = "super::terminal::draw();\ncrate::f()";
    let tree = files(&[
        ("src/lib.rs", "pub mod tui;\npub fn f() {}"),
        ("src/tui/core/state.rs", ""),
        ("src/tui/keymap/mod.rs", "mod rows;"),
        ("src/tui/keymap/rows.rs", rows),
        ("src/tui/runtime/effects.rs", effects),
        ("src/tui/runtime/terminal.rs", ""),
    ]);
    let show = |e: &Edge| format!("{}:{} {}", e.from, e.at, e.to);
    let got: Vec<String> = edges(&tree).iter().map(show).collect();
    let want = "src/tui/keymap/rows.rs:2 src/tui/core/state.rs, \
                src/tui/keymap/rows.rs:1 src/tui/keymap/mod.rs, \
                src/tui/runtime/effects.rs:2 src/lib.rs, \
                src/tui/runtime/effects.rs:1 src/tui/runtime/terminal.rs";
    assert_eq!(got.join(", "), want);
}

#[test]
fn checker_finds_a_two_file_cycle() {
    let a = ("src/a/mod.rs", "mod b;\npub use b::X;\npub struct Y;");
    let b = ("src/a/b.rs", "use super::Y;\nmod inner { use super::X; }");
    let want = "circle of 2 files: src/a/b.rs, src/a/mod.rs\n  a cycle:\n    \
                src/a/b.rs:1 names crate::a::Y -> src/a/mod.rs\n    \
                src/a/mod.rs:2 names crate::a::b::X -> src/a/b.rs\n";
    assert_eq!(cycles(&edges(&files(&[a, b]))), [want]);
    assert!(cycles(&edges(&files(&[b]))).is_empty());
}

#[test]
fn checker_flags_banned_paths_through_use_trees_and_names() {
    let src = "use std::{fs, env as e, time::{Duration, Instant}};\nuse ratatui::layout::Rect;\n\
               fn f() -> std::io::Result<()> { e::var(\"X\"); fs::read(\"y\") }";
    let core = files(&[("src/tui/core/a.rs", src)]);
    let bad = offenders(&core, "src/tui/core/", IMPURE);
    let want = "src/tui/core/a.rs:1: std::env, src/tui/core/a.rs:1: std::fs, \
                src/tui/core/a.rs:1: std::time::Instant, src/tui/core/a.rs:3: std::env::var, \
                src/tui/core/a.rs:3: std::fs::read";
    assert_eq!(bad.join(", "), want);
    assert!(offenders(&files(&[("src/a.rs", src)]), "src/tui/core/", IMPURE).is_empty());
}
