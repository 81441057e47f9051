//! The library's commands through the built binary: star, unstar, tag, untag, tags, note (with
//! -m and with an editor), state export and import, and export --tag, all on the state folder
//! the reader uses ($HOTPAPERS_STATE_DIR here).
#![cfg(unix)]

mod binary;
mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use hotpapers::archive::PaperKey;
use hotpapers::state::Store;
use serde_json::Value;
use tempfile::TempDir;

use binary::{Env, stderr, stdout, write};

const IDS: [&str; 3] = ["2403.08150", "2402.11111", "2401.00042"];

/// A folder with two days: the first lists the three papers, the second the first again.
fn archive() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let abs = |id: &str| format!("https://arxiv.org/abs/{id}");
    let (a, b, c) = (abs(IDS[0]), abs(IDS[1]), abs(IDS[2]));
    let first = [
        ("Sparse Probes Find Nothing New", a.as_str(), ""),
        ("A Benchmark Nobody Asked For", b.as_str(), ""),
        ("Tiny Models, Tinier Claims", c.as_str(), ""),
    ];
    write(
        dir.path(),
        "2024-03-14",
        &support::post("2024-03-14", &first),
    );
    write(
        dir.path(),
        "2024-03-15",
        &support::post("2024-03-15", &first[..1]),
    );
    dir
}

struct Lib {
    env: Env,
    posts: TempDir,
}

impl Lib {
    fn new() -> Lib {
        Lib {
            env: Env::new(),
            posts: archive(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        self.with(args, &[])
    }

    /// `hotpapers ARGS --archive POSTS`, without the developer's editors, with `env` added.
    fn with(&self, args: &[&str], env: &[(&str, &Path)]) -> Output {
        let mut cmd = self.env.command(args);
        cmd.arg("--archive").arg(self.posts.path());
        cmd.env_remove("VISUAL").env_remove("EDITOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run hotpapers")
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o)
    }

    fn store(&self) -> Store {
        Store::open(self.env.state.path()).unwrap().0
    }

    /// The arxiv ids of the papers an export with `args` lists, in order.
    fn exported(&self, args: &[&str]) -> Vec<String> {
        let days: Value = serde_json::from_str(&self.ok(&[&["export"], args].concat())).unwrap();
        days.as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["papers"].as_array().unwrap().clone())
            .map(|p| p["arxiv_id"].as_str().unwrap().to_string())
            .collect()
    }
}

fn key(s: &str) -> PaperKey {
    PaperKey::from_stored(s)
}

#[test]
fn star_and_unstar_take_ids_and_links_and_name_the_ones_not_in_the_archive() {
    let lib = Lib::new();
    let o = lib.run(&[
        "star",
        "2403.08150v2",
        "9912.99999",
        "https://arxiv.org/pdf/2401.00042.pdf",
        "not-an-id",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("9912.99999 is not in the archive"), "{err}");
    assert!(
        err.contains("\"not-an-id\" is not an arXiv id or link"),
        "{err}"
    );
    let out = stdout(&o);
    assert!(
        out.contains("starred 2403.08150: Sparse Probes Find Nothing New"),
        "{out}"
    );
    assert!(out.contains("starred 2401.00042"), "{out}");
    // The others were starred all the same, where the reader keeps its stars.
    assert_eq!(
        lib.exported(&["--starred"]),
        ["2403.08150", "2401.00042", "2403.08150"]
    );
    let at = lib.store().load().unwrap().starred[IDS[0]];
    let again = lib.ok(&["star", "arXiv:2403.08150"]);
    assert!(again.contains("2403.08150 was starred already"), "{again}");
    assert_eq!(
        lib.store().load().unwrap().starred[IDS[0]],
        at,
        "its time is kept"
    );

    let out = lib.ok(&["unstar", "arxiv.org/abs/2403.08150", "2402.11111"]);
    assert!(out.contains("unstarred 2403.08150"), "{out}");
    assert!(out.contains("2402.11111 was not starred"), "{out}");
    assert_eq!(lib.exported(&["--starred"]), ["2401.00042"]);
    let o = lib.run(&["unstar", "9912.99999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("9912.99999"));
    // An id is required.
    assert_eq!(lib.run(&["star"]).status.code(), Some(2));
}

#[test]
fn tags_are_given_taken_listed_and_exported_by() {
    let lib = Lib::new();
    let out = lib.ok(&["tag", "2403.08150", "rl", "to  read"]);
    assert_eq!(out, "2403.08150 tags: rl, to read\n");
    assert_eq!(
        lib.ok(&["tag", "2402.11111", "RL"]),
        "2402.11111 tags: RL\n"
    );
    lib.ok(&["tag", "https://arxiv.org/abs/2401.00042", "theory"]);
    assert_eq!(lib.ok(&["tags"]), "rl\t2\ntheory\t1\nto read\t1\n");
    let json: Value = serde_json::from_str(&lib.ok(&["tags", "--json"])).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"tag": "rl", "count": 2},
            {"tag": "theory", "count": 1},
            {"tag": "to read", "count": 1}
        ])
    );
    assert_eq!(
        lib.exported(&["--tag", "rl"]),
        ["2403.08150", "2402.11111", "2403.08150"]
    );
    assert_eq!(
        lib.exported(&["--tag", "theory", "--tag", "TO READ"]),
        ["2403.08150", "2401.00042", "2403.08150"]
    );

    let o = lib.run(&["untag", "2403.08150", "RL", "never"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "2403.08150 tags: to read\n");
    assert!(
        stderr(&o).contains("2403.08150 has no tag \"never\""),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        lib.ok(&["untag", "2402.11111", "rl"]),
        "2402.11111 has no tags\n"
    );
    assert_eq!(lib.ok(&["tags"]), "theory\t1\nto read\t1\n");
    assert!(lib.exported(&["--tag", "rl"]).is_empty());

    // Not a tag, or not a paper: refused, nothing changed.
    let o = lib.run(&["tag", "2403.08150", "fine", "a;b"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"a;b\" cannot be a tag"),
        "{}",
        stderr(&o)
    );
    let o = lib.run(&["tag", "9912.99999", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("9912.99999 is not in the archive"));
    assert_eq!(lib.ok(&["tags"]), "theory\t1\nto read\t1\n");
}

#[test]
fn processes_tagging_at_once_lose_nothing() {
    let lib = Lib::new();
    let children: Vec<_> = (0..4)
        .map(|w| {
            let mut c = lib
                .env
                .command(&["tag", IDS[w % 3], &format!("by-{w}"), "all"]);
            c.arg("--archive")
                .arg(lib.posts.path())
                .stdout(std::process::Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    assert_eq!(
        lib.ok(&["tags"]),
        "all\t3\nby-0\t1\nby-1\t1\nby-2\t1\nby-3\t1\n"
    );
}

/// An executable shell script in `dir`.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn notes_from_the_command_line_and_from_the_editor() {
    let lib = Lib::new();
    assert_eq!(
        lib.ok(&["note", "2403.08150", "-m", "  Read §3 again.  "]),
        "saved the note of 2403.08150\n"
    );
    let note = || lib.store().note(&key(IDS[0])).unwrap();
    assert_eq!(note().unwrap().text, "Read §3 again.");

    // The editor gets the current note in its file, and what it leaves there is saved.
    let tools = tempfile::tempdir().unwrap();
    let seen = tools.path().join("seen.txt");
    let where_ = tools.path().join("where.txt");
    let editor = script(
        tools.path(),
        "append.sh",
        &format!(
            "cp \"$1\" '{}'\necho \"$1\" > '{}'\nprintf 'Then compare with @not_a_real_prof.\\n' >> \"$1\"",
            seen.display(),
            where_.display()
        ),
    );
    let o = lib.with(&["note", "2403.08150"], &[("EDITOR", &editor)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "saved the note of 2403.08150\n");
    assert_eq!(std::fs::read_to_string(&seen).unwrap(), "Read §3 again.\n");
    assert_eq!(
        note().unwrap().text,
        "Read §3 again.\nThen compare with @not_a_real_prof."
    );
    // The editor's file was a temporary one, gone now.
    let temp = std::fs::read_to_string(&where_).unwrap();
    assert!(temp.contains("hotpapers-note-2403.08150"), "{temp}");
    assert!(!Path::new(temp.trim()).exists(), "{temp}");

    // $VISUAL comes before $EDITOR; an editor that changes nothing saves nothing.
    let untouched = script(tools.path(), "keep.sh", "true");
    let before = note().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let o = lib.with(
        &["note", "2403.08150"],
        &[("VISUAL", &untouched), ("EDITOR", &editor)],
    );
    assert_eq!(
        stdout(&o),
        "the note of 2403.08150 is unchanged\n",
        "{}",
        stderr(&o)
    );
    assert_eq!(note().unwrap(), before, "not even its time changes");

    // An editor that fails changes nothing; one that empties the file deletes the note.
    let failing = script(tools.path(), "fail.sh", "echo garbage > \"$1\"; exit 3");
    let o = lib.with(&["note", "2403.08150"], &[("EDITOR", &failing)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the note is unchanged"),
        "{}",
        stderr(&o)
    );
    assert_eq!(note().unwrap(), before);
    let emptying = script(tools.path(), "empty.sh", ": > \"$1\"");
    let o = lib.with(&["note", "2403.08150"], &[("EDITOR", &emptying)]);
    assert_eq!(
        stdout(&o),
        "deleted the note of 2403.08150\n",
        "{}",
        stderr(&o)
    );
    assert_eq!(note(), None);

    // A new note from the editor, an empty file to start with; -m "" deletes it.
    let write_new = script(tools.path(), "new.sh", "printf 'fresh\\n' > \"$1\"");
    let o = lib.with(&["note", "2402.11111"], &[("EDITOR", &write_new)]);
    assert_eq!(
        stdout(&o),
        "saved the note of 2402.11111\n",
        "{}",
        stderr(&o)
    );
    let days: Value = serde_json::from_str(&lib.ok(&["export", "--date", "2024-03-14"])).unwrap();
    assert_eq!(days[0]["papers"][1]["note"], "fresh");
    assert_eq!(
        lib.ok(&["note", "2402.11111", "-m", ""]),
        "deleted the note of 2402.11111\n"
    );
    assert_eq!(
        lib.ok(&["note", "2402.11111", "-m", ""]),
        "2402.11111 has no note\n"
    );
    // Not a paper of the archive.
    let o = lib.run(&["note", "9912.99999", "-m", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("9912.99999 is not in the archive"));
}

#[test]
fn a_library_moves_with_state_export_and_import() {
    let from = Lib::new();
    from.ok(&["star", "2403.08150"]);
    from.ok(&["tag", "2403.08150", "rl"]);
    from.ok(&["note", "2402.11111", "-m", "moved along"]);
    from.store().set_read(&key(IDS[1]), true).unwrap();
    from.store().push_query("probes", 5).unwrap();
    let text = from.ok(&["state", "export"]);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "hotpapers-library");
    assert_eq!(file["version"], 1);
    assert_eq!(file["starred"][0]["paper"], "2403.08150");
    assert_eq!(file["read"], serde_json::json!(["2402.11111"]));
    assert_eq!(file["notes"][0]["text"], "moved along");
    assert_eq!(file["queries"][0]["query"], "probes");

    let to = Lib::new();
    to.ok(&["tag", "2401.00042", "theory"]);
    let saved = to.env.state.path().join("library.json");
    std::fs::write(&saved, &text).unwrap();
    let out = to.ok(&["state", "import", saved.to_str().unwrap()]);
    assert!(
        out.contains("new 1 star, 1 read mark, 1 tag, 1 note, 1 search"),
        "{out}"
    );
    assert_eq!(to.exported(&["--starred"]), ["2403.08150", "2403.08150"]);
    assert_eq!(to.ok(&["tags"]), "rl\t1\ntheory\t1\n");
    assert_eq!(
        to.exported(&["--unread", "--date", "2024-03-14"]),
        ["2403.08150", "2401.00042"]
    );
    let again = to.ok(&["state", "import", saved.to_str().unwrap()]);
    assert!(again.ends_with("nothing new\n"), "{again}");
    // From standard input too.
    let third = Lib::new();
    let mut c = third.env.command(&["state", "import", "-"]);
    c.stdin(std::fs::File::open(&saved).unwrap());
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(third.ok(&["tags"]), "rl\t1\n");

    // An empty state exports an empty library, and creates no database.
    let empty = Lib::new();
    let v: Value = serde_json::from_str(&empty.ok(&["state", "export"])).unwrap();
    assert_eq!(v["starred"], serde_json::json!([]));
    assert!(!empty.env.state.path().join("state.db").exists());
}

#[test]
fn an_import_it_does_not_understand_names_the_file_and_changes_nothing() {
    let lib = Lib::new();
    lib.ok(&["tag", "2403.08150", "rl"]);
    let before = lib.ok(&["state", "export"]);
    let strip = |s: &str| {
        let mut v: Value = serde_json::from_str(s).unwrap();
        v["exported_at"] = Value::Null;
        v
    };
    let dir = tempfile::tempdir().unwrap();
    let good = before.replace("\"rl\"", "\"imported\"");
    for (name, text, why) in [
        ("broken.json", "{\"format\": ", "not JSON"),
        (
            "other.json",
            "{\"format\": \"zotero\"}",
            "not a hotpapers library",
        ),
        (
            "future.json",
            &good.replace("\"version\": 1", "\"version\": 2"),
            "version 2",
        ),
        (
            "types.json",
            &good.replace("\"read\": []", "\"read\": {}"),
            "invalid type",
        ),
        (
            "tag.json",
            &good.replace("\"imported\"", "\"im,ported\""),
            "tags[0].tag",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let o = lib.run(&["state", "import", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = stderr(&o);
        assert!(
            err.contains(&format!("{}: nothing imported", path.display())),
            "{err}"
        );
        // Said once: a parser's message is not repeated as the cause of the one quoting it.
        assert_eq!(err.matches(why).count(), 1, "{name}: {err}");
        assert_eq!(
            strip(&lib.ok(&["state", "export"])),
            strip(&before),
            "{name}"
        );
    }
    let o = lib.run(&["state", "import", "/no/such/library.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/library.json: cannot read it"));
}

#[test]
fn note_searches_your_notes_and_nothing_else() {
    let lib = Lib::new();
    lib.ok(&["note", IDS[1], "-m", "Compare with the Fréchet survey"]);
    let found = |q: &str| -> (Option<i32>, Vec<String>) {
        let o = lib.run(&["search", "--json", q]);
        let hits: Value = serde_json::from_str(&stdout(&o)).unwrap();
        let ids = hits
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["arxiv_id"].as_str().unwrap().to_string())
            .collect();
        (o.status.code(), ids)
    };
    assert_eq!(found("note:frechet"), (Some(0), vec![IDS[1].to_string()]));
    assert_eq!(
        found("note:\"frechet survey\""),
        (Some(0), vec![IDS[1].to_string()])
    );
    assert_eq!(
        found("note:benchmark").0,
        Some(1),
        "a title's word is no note's"
    );
    assert_eq!(
        found("frechet").0,
        Some(1),
        "a plain word does not read notes"
    );
    assert_eq!(found("benchmark -note:compare").0, Some(1));
}
