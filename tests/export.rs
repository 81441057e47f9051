//! `hotpapers export` in every format, and its selection of days and papers, through the real
//! binary on the bundled sample and on small posts written here.

use std::process::{Command, Output};

use hotpapers::archive::PaperKey;
use hotpapers::state::Store;
use serde_json::Value;
use tempfile::TempDir;

/// One paper of a fixture post.
struct P {
    title: &'static str,
    authors: &'static str,
    id: &'static str,
    retweets: u32,
    favorites: u32,
    pdf: bool,
    categories: &'static [&'static str],
}

const BOTH_DAYS: P = P {
    title: r#"Commas, "Quotes" and More: A Title"#,
    authors: "Ann Author, Bo Écrivain",
    id: "2105.00001",
    retweets: 10,
    favorites: 100,
    pdf: true,
    categories: &["cs.LG", "stat.ML"],
};

/// (day, papers): the first paper is listed on two days; two papers share a citation key.
const DAYS: &[(&str, &[P])] = &[
    (
        "2021-05-01",
        &[
            BOTH_DAYS,
            P {
                title: "Deep Nets Are Shallow",
                authors: "Ann Author",
                id: "2105.00002",
                retweets: 5,
                favorites: 50,
                pdf: false,
                categories: &["cs.AI"],
            },
        ],
    ),
    (
        "2021-05-02",
        &[
            P {
                title: "Neural A* Search [Revisited]",
                authors: "Cy Sample, Dee Example, Eve Fixture, Fay Mock, Gus Stub, Hal Dummy",
                id: "2105.00004",
                retweets: 40,
                favorites: 400,
                pdf: true,
                categories: &["cs.AI", "cs.RO"],
            },
            P {
                retweets: 20,
                favorites: 200,
                ..BOTH_DAYS
            },
            P {
                title: "Deep Sea Vents",
                authors: "Ann Author",
                id: "2105.00003",
                retweets: 1,
                favorites: 2,
                pdf: true,
                categories: &["physics.geo-ph"],
            },
        ],
    ),
    (
        "2021-05-03",
        &[P {
            title: "Plain Paper",
            authors: "Ida Last",
            id: "2105.00005",
            retweets: 3,
            favorites: 4,
            pdf: true,
            categories: &["math.PR"],
        }],
    ),
];

fn post(day: &str, papers: &[P]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {day}\ndate: {day}T09:00:00.Z\n---\n\n");
    for (i, p) in papers.iter().enumerate() {
        let pdf = if p.pdf {
            format!(" | [pdf](https://arxiv.org/pdf/{})", p.id)
        } else {
            String::new()
        };
        let cats: Vec<String> = p
            .categories
            .iter()
            .map(|c| format!("[{c}](https://arxiv.org/list/{c}/recent)"))
            .collect();
        s.push_str(&format!(
            "# {}. {}\n\n{}\n\n- retweets: {}, favorites: {} (05/01/2021 09:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/{}){pdf}\n- {}\n\nAn abstract.\n\n",
            i + 1,
            p.title,
            p.authors,
            p.retweets,
            p.favorites,
            p.id,
            cats.join(" | ")
        ));
    }
    s
}

/// A folder with the fixture posts, and an empty state folder.
struct Fixture {
    posts: TempDir,
    state: TempDir,
    config: TempDir,
}

fn fixture() -> Fixture {
    let posts = tempfile::tempdir().unwrap();
    for (day, papers) in DAYS {
        std::fs::write(
            posts.path().join(format!("{day}---Hot-Papers.md")),
            post(day, papers),
        )
        .unwrap();
    }
    Fixture {
        posts,
        state: tempfile::tempdir().unwrap(),
        config: tempfile::tempdir().unwrap(),
    }
}

impl Fixture {
    /// `hotpapers export ARGS` on the fixture (`sample`: on the bundled sample instead).
    fn export(&self, sample: bool, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hotpapers"));
        cmd.arg("export");
        if !sample {
            cmd.arg("--archive").arg(self.posts.path());
        }
        cmd.args(args)
            .env_remove("HOTPAPERS_ARCHIVE")
            .env("XDG_CONFIG_HOME", self.config.path())
            .env("HOTPAPERS_STATE_DIR", self.state.path())
            .env(
                "XDG_CACHE_HOME",
                std::env::temp_dir().join("hotpapers-test-cache"),
            )
            .output()
            .expect("run hotpapers")
    }

    fn ok(&self, args: &[&str]) -> String {
        ok(self.export(false, args))
    }

    fn json(&self, args: &[&str]) -> Vec<Value> {
        let v: Value = serde_json::from_str(&self.ok(args)).expect("JSON");
        v.as_array().expect("an array of days").clone()
    }

    /// Marks in the state folder, as the reader keeps them.
    fn mark(&self, read: &[&str], starred: &[&str]) {
        let (store, notice) = Store::open(self.state.path()).unwrap();
        assert_eq!(notice, None);
        for id in read {
            store.set_read(&PaperKey::from_stored(*id), true).unwrap();
        }
        for id in starred {
            store
                .set_starred(&PaperKey::from_stored(*id), true, 1_700_000_000)
                .unwrap();
        }
    }
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "status {}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn dates(days: &[Value]) -> Vec<&str> {
    days.iter().map(|d| d["date"].as_str().unwrap()).collect()
}

/// (date, arxiv id) of every paper listed, in order.
fn listings(days: &[Value]) -> Vec<(String, String)> {
    days.iter()
        .flat_map(|d| {
            d["papers"].as_array().unwrap().iter().map(|p| {
                (
                    d["date"].as_str().unwrap().to_string(),
                    p["arxiv_id"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

const HEADER: [&str; 13] = [
    "date",
    "rank",
    "arxiv_id",
    "title",
    "authors",
    "retweets",
    "favorites",
    "categories",
    "abs_url",
    "pdf_url",
    "code",
    "tags",
    "note",
];

/// Every CSV row must say what the JSON export says of the same listing.
fn assert_csv_matches_json(csv_text: &str, days: &[Value]) {
    let (header, rows) = csv_rows(csv_text);
    assert_eq!(header, HEADER);
    let papers: Vec<(&Value, &Value)> = days
        .iter()
        .flat_map(|d| d["papers"].as_array().unwrap().iter().map(move |p| (d, p)))
        .collect();
    assert_eq!(rows.len(), papers.len());
    let s = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let joined = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(s)
            .collect::<Vec<_>>()
            .join("; ")
    };
    for (row, (day, p)) in rows.iter().zip(papers) {
        let want = [
            s(&day["date"]),
            s(&p["rank"]),
            s(&p["arxiv_id"]),
            s(&p["title"]),
            joined(&p["authors"]),
            s(&p["retweets"]),
            s(&p["favorites"]),
            joined(&p["categories"]),
            s(&p["abs_url"]),
            s(&p["pdf_url"]),
            joined(&p["code_urls"]),
            p["tags"]
                .as_array()
                .unwrap()
                .iter()
                .map(s)
                .collect::<Vec<_>>()
                .join("; "),
            s(&p["note"]).replace('\n', "\r\n"),
        ];
        assert_eq!(row, &want);
    }
}

#[test]
fn csv_round_trips_through_a_csv_reader() {
    let f = fixture();
    let text = f.ok(&["--format", "csv"]);
    assert_csv_matches_json(&text, &f.json(&[]));

    // RFC 4180: quoted where needed, inner quotes doubled, CRLF line ends.
    assert!(text.starts_with(
        "date,rank,arxiv_id,title,authors,retweets,favorites,categories,abs_url,pdf_url,code,tags,note\r\n"
    ));
    assert!(
        text.contains(
            "2021-05-01,1,2105.00001,\"Commas, \"\"Quotes\"\" and More: A Title\",Ann Author; Bo Écrivain,10,100,cs.LG; stat.ML,https://arxiv.org/abs/2105.00001,https://arxiv.org/pdf/2105.00001,,,\r\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("\r\n").count(), text.matches('\n').count());

    let (_, rows) = csv_rows(&text);
    assert_eq!(rows[0][3], r#"Commas, "Quotes" and More: A Title"#);
    // A paper listed on two days is a row for each listing, with that day's rank and counts.
    let both: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r[2] == "2105.00001")
        .map(|r| (r[0].as_str(), r[1].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(both, [("2021-05-01", "1", "10"), ("2021-05-02", "2", "20")]);
    // No pdf link: an empty field.
    let no_pdf = rows.iter().find(|r| r[2] == "2105.00002").unwrap();
    assert_eq!(no_pdf[9], "");
}

#[test]
fn csv_of_the_bundled_sample_matches_its_json() {
    let f = fixture();
    let json: Value = serde_json::from_str(&ok(f.export(true, &[]))).unwrap();
    let days = json.as_array().unwrap();
    assert!(days.len() >= 10);
    assert_csv_matches_json(&ok(f.export(true, &["--format", "csv"])), days);
}

/// The entries of a BibTeX file: (key, [(field, value)]).
fn bib_entries(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    text.split("\n\n")
        .filter(|e| !e.trim().is_empty())
        .map(|e| {
            let e = e.trim();
            let head = e.strip_prefix("@misc{").expect("an @misc entry");
            let (key, rest) = head.split_once(",\n").unwrap();
            assert!(rest.ends_with('}'), "{e}");
            let fields = rest[..rest.len() - 1]
                .lines()
                .map(|l| {
                    let (k, v) = l.trim().split_once('=').unwrap();
                    let v = v.strip_suffix(',').unwrap_or(v);
                    let v = v.strip_prefix('{').unwrap().strip_suffix('}').unwrap();
                    (k.to_string(), v.to_string())
                })
                .collect();
            (key.to_string(), fields)
        })
        .collect()
}

fn field<'a>(entry: &'a (String, Vec<(String, String)>), name: &str) -> &'a str {
    &entry
        .1
        .iter()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("{} has no {name}", entry.0))
        .1
}

#[test]
fn bibtex_has_arxivs_fields_once_per_paper_with_unique_keys() {
    let f = fixture();
    let text = f.ok(&["--format", "bibtex"]);
    let entries = bib_entries(&text);
    let keys: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    // Five papers, one of them listed twice: five entries, in order of first listing.
    assert_eq!(
        keys,
        [
            "author2021commas",
            "author2021deepa",
            "sample2021neural",
            "author2021deepb",
            "last2021plain"
        ]
    );
    let first = &entries[0];
    let names: Vec<&str> = first.1.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "title",
            "author",
            "year",
            "eprint",
            "archivePrefix",
            "primaryClass",
            "url"
        ]
    );
    assert_eq!(
        field(first, "title"),
        r#"Commas, "Quotes" and More: A Title"#
    );
    assert_eq!(field(first, "author"), "Ann Author and Bo Écrivain");
    assert_eq!(field(first, "year"), "2021");
    assert_eq!(field(first, "eprint"), "2105.00001");
    assert_eq!(field(first, "archivePrefix"), "arXiv");
    assert_eq!(field(first, "primaryClass"), "cs.LG");
    assert_eq!(field(first, "url"), "https://arxiv.org/abs/2105.00001");
    assert_eq!(
        field(&entries[2], "author"),
        "Cy Sample and Dee Example and Eve Fixture and Fay Mock and Gus Stub and Hal Dummy"
    );
    assert_eq!(field(&entries[3], "title"), "Deep Sea Vents");

    // The sample: every key unique, one entry per paper.
    let text = ok(f.export(true, &["--format", "bibtex"]));
    let entries = bib_entries(&text);
    let mut keys: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "duplicate citation keys");
    let json: Value = serde_json::from_str(&ok(f.export(true, &[]))).unwrap();
    let mut ids: Vec<String> = listings(json.as_array().unwrap())
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(n, ids.len());
}

#[test]
fn markdown_is_a_readable_digest() {
    let f = fixture();
    let text = f.ok(&["--format", "markdown"]);
    let want = "## 2021-05-01

1. [Commas, \"Quotes\" and More: A Title](https://arxiv.org/abs/2105.00001) — Ann Author, Bo Écrivain · ♺ 10 ♥ 100 · cs.LG, stat.ML
2. [Deep Nets Are Shallow](https://arxiv.org/abs/2105.00002) — Ann Author · ♺ 5 ♥ 50 · cs.AI

## 2021-05-02

1. [Neural A\\* Search \\[Revisited\\]](https://arxiv.org/abs/2105.00004) — Cy Sample, Dee Example, Eve Fixture et al. · ♺ 40 ♥ 400 · cs.AI, cs.RO
2. [Commas, \"Quotes\" and More: A Title](https://arxiv.org/abs/2105.00001) — Ann Author, Bo Écrivain · ♺ 20 ♥ 200 · cs.LG, stat.ML
3. [Deep Sea Vents](https://arxiv.org/abs/2105.00003) — Ann Author · ♺ 1 ♥ 2 · physics.geo-ph

## 2021-05-03

1. [Plain Paper](https://arxiv.org/abs/2105.00005) — Ida Last · ♺ 3 ♥ 4 · math.PR
";
    assert_eq!(text, want);
    assert_eq!(f.ok(&["--format", "md"]), want);

    // Ranks that skip start a new list, so renderers keep them.
    f.mark(&[], &["2105.00004", "2105.00003"]);
    let text = f.ok(&["--format", "markdown", "--starred"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "## 2021-05-02");
    assert!(lines[2].starts_with("1. [Neural A\\* Search"), "{text}");
    assert_eq!(&lines[3..6], ["", "<!-- -->", ""]);
    assert!(lines[6].starts_with("3. [Deep Sea Vents]"), "{text}");

    // The sample: a heading per day, oldest first, and an empty day says so.
    let text = ok(f.export(true, &["--format", "markdown"]));
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 10);
    assert_eq!(headings[0], "## 2024-03-04");
    assert!(text.contains("## 2024-03-08\n\n_No papers._\n"), "{text}");
    for line in text
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        assert!(
            line.contains("](https://arxiv.org/abs/") && line.contains(" · ♺ "),
            "{line}"
        );
    }
}

#[test]
fn json_of_everything_and_of_one_day_is_unchanged() {
    let f = fixture();
    let plain = f.ok(&[]);
    assert_eq!(f.ok(&["--format", "json"]), plain);
    // The whole span of the archive is the archive.
    assert_eq!(f.ok(&["--since", "2021-05-01", "--until", "latest"]), plain);
    let days = f.json(&[]);
    assert_eq!(dates(&days), ["2021-05-01", "2021-05-02", "2021-05-03"]);
    assert_eq!(days[1]["papers"].as_array().unwrap().len(), 3);
    assert_eq!(days[1]["papers"][0]["abstract"], "An abstract.");

    let one = f.json(&["--date", "2021-05-02"]);
    assert_eq!(one, [days[1].clone()]);
    assert_eq!(f.json(&["--date", "latest"]), [days[2].clone()]);
    let o = f.export(false, &["--date", "2021-05-04"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no post for 2021-05-04"));
}

#[test]
fn since_and_until_are_inclusive_in_every_format() {
    let f = fixture();
    assert_eq!(
        dates(&f.json(&["--since", "2021-05-02"])),
        ["2021-05-02", "2021-05-03"]
    );
    assert_eq!(
        dates(&f.json(&["--until", "2021-05-02"])),
        ["2021-05-01", "2021-05-02"]
    );
    assert_eq!(
        dates(&f.json(&["--since", "2021-05-02", "--until", "2021-05-02"])),
        ["2021-05-02"]
    );
    assert_eq!(dates(&f.json(&["--since", "latest"])), ["2021-05-03"]);
    // A span that ends before it starts is a mistake, not an empty selection.
    let o = f.export(false, &["--since", "2021-05-03", "--until", "2021-05-01"]);
    assert_eq!((o.status.code(), o.stdout.len()), (Some(2), 0));

    let span = ["--since", "2021-05-02", "--until", "2021-05-02"];
    let (_, rows) = csv_rows(&f.ok(&[&span[..], &["--format", "csv"]].concat()));
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r[0] == "2021-05-02"));
    let md = f.ok(&[&span[..], &["--format", "markdown"]].concat());
    assert!(md.starts_with("## 2021-05-02\n"), "{md}");
    assert_eq!(md.matches("## ").count(), 1, "{md}");
    let bib = f.ok(&[&span[..], &["--format", "bibtex"]].concat());
    assert_eq!(bib_entries(&bib).len(), 3);

    // --date names one day; with a span it would be ambiguous.
    let o = f.export(false, &["--date", "2021-05-01", "--since", "2021-05-01"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn starred_and_unread_come_from_the_reading_state() {
    let f = fixture();
    // No database yet: nothing is starred, everything is unread, and none is created.
    assert!(f.json(&["--starred"]).is_empty());
    assert_eq!(f.json(&["--unread"]), f.json(&[]));
    assert!(!f.state.path().join("state.db").exists());

    f.mark(&["2105.00001", "2105.00002"], &["2105.00001", "2105.00005"]);
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(d, i)| (d.to_string(), i.to_string()))
            .collect()
    };
    // A starred paper is starred wherever it is listed.
    assert_eq!(
        listings(&f.json(&["--starred"])),
        pairs(&[
            ("2021-05-01", "2105.00001"),
            ("2021-05-02", "2105.00001"),
            ("2021-05-03", "2105.00005")
        ])
    );
    // Read papers drop out; 2021-05-01 is read through and drops out whole.
    let unread = f.json(&["--unread"]);
    assert_eq!(dates(&unread), ["2021-05-02", "2021-05-03"]);
    assert_eq!(
        listings(&unread),
        pairs(&[
            ("2021-05-02", "2105.00004"),
            ("2021-05-02", "2105.00003"),
            ("2021-05-03", "2105.00005")
        ])
    );
    // Kept papers keep their rank and every field.
    assert_eq!(unread[0]["papers"][1]["rank"], 3);
    assert_eq!(unread[0]["papers"][1], f.json(&[])[1]["papers"][2]);
    // Both: starred and unread.
    assert_eq!(
        listings(&f.json(&["--starred", "--unread"])),
        pairs(&[("2021-05-03", "2105.00005")])
    );
    // With days and in the other formats.
    assert_eq!(
        listings(&f.json(&["--starred", "--until", "2021-05-01"])),
        pairs(&[("2021-05-01", "2105.00001")])
    );
    let (_, rows) = csv_rows(&f.ok(&["--starred", "--format", "csv"]));
    let ids: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(ids, ["2105.00001", "2105.00001", "2105.00005"]);
    let bib = bib_entries(&f.ok(&["--starred", "--format", "bibtex"]));
    let keys: Vec<&str> = bib.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(keys, ["author2021commas", "last2021plain"]);
    let md = f.ok(&["--unread", "--format", "markdown"]);
    assert!(!md.contains("## 2021-05-01"), "{md}");
}

#[test]
fn a_damaged_state_is_reported_and_exports_as_unmarked() {
    let f = fixture();
    std::fs::write(
        f.state.path().join("state.db"),
        b"not a database at all, no",
    )
    .unwrap();
    let o = f.export(false, &["--unread"]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(stderr.contains("damaged"), "{stderr}");
    let days: Value = serde_json::from_str(&ok(o)).unwrap();
    assert_eq!(days.as_array().unwrap().len(), 3);
}

#[test]
fn export_help_lists_the_formats() {
    let f = fixture();
    let o = f.export(false, &["--help"]);
    let help = ok(o);
    for word in [
        "json",
        "bibtex",
        "csv",
        "markdown",
        "--since",
        "--until",
        "--starred",
        "--unread",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
}

/// Every listing's (arxiv id, tags, note) in a JSON export.
fn annotations(days: &[Value]) -> Vec<(String, Value, Value)> {
    days.iter()
        .flat_map(|d| d["papers"].as_array().unwrap().iter())
        .map(|p| {
            (
                p["arxiv_id"].as_str().unwrap().to_string(),
                p["tags"].clone(),
                p["note"].clone(),
            )
        })
        .collect()
}

#[test]
fn tags_and_notes_go_out_in_every_format_and_tags_choose_papers() {
    let f = fixture();
    // Before there is any state, every paper has no tags and no note.
    assert!(
        annotations(&f.json(&[]))
            .iter()
            .all(|(_, t, n)| *t == serde_json::json!([]) && n.is_null())
    );
    {
        let (store, _) = Store::open(f.state.path()).unwrap();
        let key = |s: &str| PaperKey::from_stored(s);
        store
            .add_tags(&key("2105.00001"), &["rl", "to read"], 10)
            .unwrap();
        store.add_tags(&key("2105.00005"), &["Theory"], 11).unwrap();
        store
            .set_note(
                &key("2105.00001"),
                "Check §2 & the 5% claim\nagainst *their* baseline",
                12,
            )
            .unwrap();
    }
    let days = f.json(&[]);
    let note = "Check §2 & the 5% claim\nagainst *their* baseline";
    for (id, tags, n) in annotations(&days) {
        match id.as_str() {
            "2105.00001" => {
                assert_eq!(tags, serde_json::json!(["rl", "to read"]));
                assert_eq!(n, note);
            }
            "2105.00005" => assert_eq!((tags, n), (serde_json::json!(["Theory"]), Value::Null)),
            _ => assert_eq!((tags, n), (serde_json::json!([]), Value::Null)),
        }
    }
    // They come last, after every field the export had before (in the text: the parsed
    // objects do not keep the order).
    let text = f.ok(&[]);
    let paper = &text[text.find("\"rank\"").unwrap()..];
    let at = |k: &str| paper.find(&format!("\"{k}\":")).unwrap();
    assert!(at("rank") < at("tweets") && at("tweets") < at("tags") && at("tags") < at("note"));

    // --tag: papers with any of the tags, whatever their case; days without any drop out.
    let ids = |args: &[&str]| -> Vec<String> {
        annotations(&f.json(args))
            .into_iter()
            .map(|(id, ..)| id)
            .collect()
    };
    assert_eq!(ids(&["--tag", "RL"]), ["2105.00001", "2105.00001"]);
    assert_eq!(
        ids(&["--tag", "rl", "--tag", "theory"]),
        ["2105.00001", "2105.00001", "2105.00005"]
    );
    assert_eq!(
        ids(&["--tag", "theory", "--since", "2021-05-03"]),
        ["2105.00005"]
    );
    assert!(ids(&["--tag", "nothing-tagged"]).is_empty());
    let o = f.export(false, &["--tag", "a,b"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot be a tag"));

    // CSV: tags joined like authors, the note whole (its line break CRLF, as every record's).
    let csv_text = f.ok(&["--format", "csv"]);
    assert_csv_matches_json(&csv_text, &days);
    let (_, rows) = csv_rows(&csv_text);
    let row = rows.iter().find(|r| r[2] == "2105.00001").unwrap();
    assert_eq!(row[11], "rl; to read");
    assert_eq!(
        row[12],
        "Check §2 & the 5% claim\r\nagainst *their* baseline"
    );
    assert_eq!(
        csv_text.matches("\r\n").count(),
        csv_text.matches('\n').count()
    );

    // BibTeX: keywords and note, escaped as the other fields, the note on one line.
    let bib = bib_entries(&f.ok(&["--format", "bibtex", "--tag", "rl", "--tag", "theory"]));
    assert_eq!(bib.len(), 2);
    assert_eq!(field(&bib[0], "keywords"), "rl, to read");
    assert_eq!(
        field(&bib[0], "note"),
        "Check §2 \\& the 5\\% claim against *their* baseline"
    );
    assert_eq!(field(&bib[1], "keywords"), "Theory");
    assert!(!bib[1].1.iter().any(|(k, _)| k == "note"));

    // Markdown: tags on the paper's line, the note a quote inside its item.
    let md = f.ok(&["--format", "markdown", "--date", "2021-05-01"]);
    let line = md.lines().find(|l| l.starts_with("1. ")).unwrap();
    assert!(line.ends_with(" · tags: rl, to read"), "{md}");
    assert!(
        md.contains("\n\n   > Check §2 & the 5% claim\n   > against \\*their\\* baseline\n\n"),
        "{md}"
    );
}
