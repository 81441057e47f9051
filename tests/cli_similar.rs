//! `hotpapers similar` and `hotpapers recommend` through the built binary, on a small archive
//! of invented papers on three topics written by the test.

mod binary;

use hotpapers::archive::PaperKey;
use hotpapers::state::Store;
use serde_json::Value;
use tempfile::TempDir;

use binary::{Env, stderr, stdout, write};

/// Three topics of six papers, each paper's words drawn from its topic's.
const TOPICS: [(&str, [&str; 8]); 3] = [
    (
        "q-bio.BM",
        [
            "protein", "folding", "enzyme", "residues", "ligand", "peptide", "binding", "chains",
        ],
    ),
    (
        "cs.RO",
        [
            "robot",
            "grasping",
            "gripper",
            "locomotion",
            "legged",
            "actuators",
            "reward",
            "controller",
        ],
    ),
    (
        "astro-ph.GA",
        [
            "galaxy", "redshift", "stellar", "halo", "quasars", "nebula", "dwarf", "spectra",
        ],
    ),
];

/// The id of paper `i` of topic `t`.
fn id(t: usize, i: usize) -> String {
    format!("2401.{:05}", t * 10 + i + 1)
}

/// A digest post with papers (topic, number), ranked in order.
fn post(date: &str, papers: &[(usize, usize)]) -> String {
    let mut s = format!("---\ntitle: Hot Papers {date}\ndate: {date}T09:00:00.Z\n---\n\n");
    for (rank, &(t, i)) in papers.iter().enumerate() {
        let (cat, words) = TOPICS[t];
        let w = |j: usize| words[(i + j) % words.len()];
        let id = id(t, i);
        s.push_str(&format!(
            "# {}. {} {} with {} {}\n\nAnn Writer{t}, Ben Scribe{i}\n\n\
             - retweets: {}, favorites: {} (01/01/2024 00:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/{id}) | [pdf](https://arxiv.org/pdf/{id})\n\
             - [{cat}](https://arxiv.org/list/{cat}/recent)\n\n\
             Studies {} {} and {} {} in depth; {} {} follow.\n\n\n\n",
            rank + 1,
            w(0),
            w(1),
            w(2),
            w(3),
            10 * (rank + 1),
            20 * (rank + 1),
            w(4),
            w(5),
            w(0),
            w(6),
            w(7),
            w(1),
        ));
    }
    s
}

/// Two days: the first lists papers 0 to 2 of each topic, the second 3 to 5 and paper 0 of
/// proteins again.
fn archive() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let day = |from: usize| (0..3).flat_map(move |t| (from..from + 3).map(move |i| (t, i)));
    let first: Vec<_> = day(0).collect();
    let mut second: Vec<_> = day(3).collect();
    second.push((0, 0));
    write(dir.path(), "2024-01-01", &post("2024-01-01", &first));
    write(dir.path(), "2024-01-02", &post("2024-01-02", &second));
    dir
}

fn run(env: &Env, dir: &TempDir, args: &[&str]) -> std::process::Output {
    let archive = dir.path().to_str().unwrap();
    env.run(&[&["--archive", archive], args].concat())
}

fn ids(json: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(json).expect("JSON");
    let rows = v.as_array().expect("an array");
    rows.iter()
        .map(|r| r["arxiv_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn similar_lists_the_papers_of_the_same_topic_first() {
    let (env, dir) = (Env::new(), archive());
    let o = run(
        &env,
        &dir,
        &["similar", "2401.00012", "--json", "--limit", "5"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let found = ids(&stdout(&o));
    assert_eq!(found.len(), 5);
    let robots: Vec<String> = (0..6)
        .map(|i| id(1, i))
        .filter(|i| i != "2401.00012")
        .collect();
    assert!(found.iter().all(|f| robots.contains(f)), "{found:?}");
    // Links and versions name the paper too; people get a line a paper, best first.
    let o = run(
        &env,
        &dir,
        &["similar", "https://arxiv.org/abs/2401.00012v3"],
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 5, "{out}");
    assert!(lines[0].starts_with("  1. 0."), "{out}");
    assert!(
        lines[0].contains("2024-01-0") && lines[0].contains("♺"),
        "{out}"
    );
}

#[test]
fn similar_reports_the_latest_listing_and_each_paper_once() {
    let (env, dir) = (Env::new(), archive());
    let o = run(&env, &dir, &["similar", "2401.00002", "--json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = v.as_array().unwrap();
    let again: Vec<&Value> = rows
        .iter()
        .filter(|r| r["arxiv_id"] == "2401.00001")
        .collect();
    assert_eq!(again.len(), 1, "listed twice, found once");
    assert_eq!(again[0]["date"], "2024-01-02");
    assert_eq!(again[0]["rank"], 10);
    assert!(
        rows.iter().all(|r| r["arxiv_id"] != "2401.00002"),
        "never itself"
    );
}

#[test]
fn a_paper_not_in_the_archive_is_named() {
    let (env, dir) = (Env::new(), archive());
    let o = run(&env, &dir, &["similar", "2101.99999"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("2101.99999 is not in the archive"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn recommend_needs_stars_and_ranks_their_topic_first() {
    let (env, dir) = (Env::new(), archive());
    let o = run(&env, &dir, &["recommend"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("star a few papers with * in the reader"),
        "{}",
        stderr(&o)
    );

    let (store, _) = Store::open(env.state.path()).unwrap();
    for i in [0, 1] {
        let key = PaperKey::from_stored(id(2, i));
        store.set_starred(&key, true, 1_700_000_000).unwrap();
    }
    store
        .set_read(&PaperKey::from_stored(id(2, 2)), true)
        .unwrap();
    drop(store);
    let o = run(&env, &dir, &["recommend", "--json", "--limit", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let found = ids(&stdout(&o));
    let rest: Vec<String> = (3..6).map(|i| id(2, i)).collect();
    assert_eq!(found.len(), 3);
    assert!(
        found.iter().all(|f| rest.contains(f)),
        "unread galaxies: {found:?}"
    );
    // How they were ranked is said on stderr, the JSON on stdout staying JSON.
    assert!(
        stderr(&o).contains("ranked by likeness to"),
        "{}",
        stderr(&o)
    );
    // Only papers whose latest listing is on or after --since.
    let o = run(
        &env,
        &dir,
        &["recommend", "--json", "--since", "2024-01-02"],
    );
    let found = ids(&stdout(&o));
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|f| f != &id(1, 0) && f != &id(2, 2)),
        "{found:?}"
    );
    assert!(
        found.contains(&id(0, 0)),
        "listed again on the 2nd: {found:?}"
    );
}

#[test]
fn a_since_that_is_no_day_is_a_usage_error() {
    let (env, dir) = (Env::new(), archive());
    let (store, _) = Store::open(env.state.path()).unwrap();
    store
        .set_starred(&PaperKey::from_stored(id(0, 1)), true, 1)
        .unwrap();
    drop(store);
    let o = run(&env, &dir, &["recommend", "--since", "soon"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--since: \"soon\" is not a day"),
        "{}",
        stderr(&o)
    );
}
