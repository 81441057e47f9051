//! `hotpapers trend`: every period of the archive's span in the JSON, zeros included, the same
//! counts as `search` grouped, the chart as wide as the terminal says, and `--categories`.

mod binary;
mod support;

use std::collections::BTreeMap;

use binary::{Env, stderr, stdout, write};
use serde_json::Value;

/// January (a paper listed on two days), no post in February, March (one paper in cs.RO).
fn posts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let cats = "https://arxiv.org/abs/2401.00001";
    write(
        dir.path(),
        "2024-01-08",
        &support::post(
            "2024-01-08",
            &[
                ("Diffusion Models for Cats", cats, ""),
                ("Graph Networks", "https://arxiv.org/abs/2401.00002", ""),
            ],
        ),
    );
    write(
        dir.path(),
        "2024-01-09",
        &support::post(
            "2024-01-09",
            &[
                ("Diffusion Models for Cats", cats, ""),
                ("Sparse Attention", "https://arxiv.org/abs/2401.00003", ""),
            ],
        ),
    );
    let march = support::post(
        "2024-03-04",
        &[
            (
                "Latent Diffusion Tricks",
                "https://arxiv.org/abs/2403.00001",
                "",
            ),
            (
                "Graph Diffusion Nets",
                "https://arxiv.org/abs/2403.00002",
                "",
            ),
            ("Robot Arms", "https://arxiv.org/abs/2403.00003", ""),
        ],
    );
    // The last paper's categories are cs.RO alone.
    let (head, tail) = march.split_at(march.find("# 3. Robot Arms").unwrap());
    let tail = tail
        .replace("[cs.LG](https://arxiv.org/list/cs.LG/recent) | ", "")
        .replace("cs.CL", "cs.RO");
    write(dir.path(), "2024-03-04", &format!("{head}{tail}"));
    dir
}

fn run(env: &Env, posts: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--archive", posts.path().to_str().unwrap(), "trend"];
    all.extend(args);
    env.command(&all)
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn json(o: &std::process::Output) -> Vec<Value> {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn json_has_every_period_zeros_included_and_the_search_results_grouped() {
    let (env, dir) = (Env::new(), posts());
    let o = run(&env, &dir, &["diffusion", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json(&o);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["papers", "period", "score", "share"]);
    let periods: Vec<&str> = rows.iter().map(|r| r["period"].as_str().unwrap()).collect();
    assert_eq!(periods, ["2024-01", "2024-02", "2024-03"]);
    let papers: Vec<u64> = rows.iter().map(|r| r["papers"].as_u64().unwrap()).collect();
    assert_eq!(
        papers,
        [2, 0, 2],
        "a paper on two days of January is two listings"
    );
    let shares: Vec<f64> = rows.iter().map(|r| r["share"].as_f64().unwrap()).collect();
    assert_eq!(shares, [0.5, 0.0, 2.0 / 3.0]);
    // The first paper of a post has 100 retweets and 200 favorites, the second 90 and 185:
    // January's paper counts once, at its best day.
    let scores: Vec<u64> = rows.iter().map(|r| r["score"].as_u64().unwrap()).collect();
    assert_eq!(scores, [300, 0, 575]);
    // The same query's search results, grouped by month.
    let mut s = env.command(&["--archive", dir.path().to_str().unwrap(), "search"]);
    let o = s.args(["diffusion", "--json"]).output().unwrap();
    let mut grouped: BTreeMap<String, u64> = BTreeMap::new();
    for hit in json(&o) {
        let month = hit["date"].as_str().unwrap()[..7].to_string();
        *grouped.entry(month).or_default() += 1;
    }
    for r in &rows {
        let month = r["period"].as_str().unwrap();
        let want = grouped.get(month).copied().unwrap_or(0);
        assert_eq!(r["papers"].as_u64(), Some(want), "{month}");
    }
}

#[test]
fn weeks_and_years_cover_the_span_and_exclusions_and_flags_mix_after_the_query() {
    let (env, dir) = (Env::new(), posts());
    let o = run(
        &env,
        &dir,
        &["diffusion", "-ti:graph", "--by", "week", "--json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json(&o);
    assert_eq!(rows.len(), 9, "2024-W02 to 2024-W10");
    assert_eq!(rows[0]["period"], "2024-W02");
    assert_eq!(rows[8]["period"], "2024-W10");
    let papers: Vec<u64> = rows.iter().map(|r| r["papers"].as_u64().unwrap()).collect();
    assert_eq!(papers, [2, 0, 0, 0, 0, 0, 0, 0, 1]);
    let o = run(&env, &dir, &["--by=year", "diffusion", "--json"]);
    let rows = json(&o);
    assert_eq!((rows.len(), &rows[0]["period"]), (1, &Value::from("2024")));
    assert_eq!(rows[0]["papers"], 4);
}

#[test]
fn nothing_matching_is_status_1_with_every_period_at_zero() {
    let (env, dir) = (Env::new(), posts());
    let o = run(&env, &dir, &["quantum", "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let rows = json(&o);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["papers"] == 0 && r["share"] == 0.0));
    let o = run(&env, &dir, &["quantum"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("Nothing matches in 3 months, 2024-01 to 2024-03\n"));
}

#[test]
fn the_chart_is_as_wide_as_the_terminal_and_80_columns_piped() {
    let (env, dir) = (Env::new(), posts());
    let width = |text: &str| {
        text.lines()
            .skip(1)
            .map(|l| l.chars().count())
            .max()
            .unwrap()
    };
    let o = run(&env, &dir, &["diffusion"]);
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "4 matches in 3 months, 2024-01 to 2024-03; busiest 2024-01 (2), 2024-03 (2)\n"
        ),
        "{text}"
    );
    assert_eq!(width(&text), 80, "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("2024-01 2 █"), "{text}");
    assert_eq!(lines[2], "2024-02 0", "{text}");
    for columns in ["50", "132"] {
        let mut cmd = env.command(&["--archive", dir.path().to_str().unwrap()]);
        let o = cmd
            .args(["trend", "diffusion", "--share"])
            .env("COLUMNS", columns)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = stdout(&o);
        assert_eq!(width(&text).to_string(), columns, "{text}");
        assert!(text.contains("2024-03 66.7% █"), "{text}");
        assert!(!text.contains('\x1b'), "no escape sequences: {text:?}");
    }
}

#[test]
fn flags_the_command_reads_first_are_refused_after_the_query() {
    let (env, dir) = (Env::new(), posts());
    let o = run(&env, &dir, &["diffusion", "--archive", "elsewhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give --archive before the query's words"));
    let o = run(&env, &dir, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = run(&env, &dir, &["--categories", "diffusion"]);
    assert!(stderr(&o).contains("--categories takes no query"));
}

#[test]
fn categories_give_each_period_of_the_most_common_ones() {
    let (env, dir) = (Env::new(), posts());
    let o = run(&env, &dir, &["--categories", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json(&o);
    // cs.LG and cs.CL on six papers, cs.RO on one; three months each.
    assert_eq!(rows.len(), 9);
    let of = |cat: &str| -> Vec<(String, u64)> {
        rows.iter()
            .filter(|r| r["category"] == cat)
            .map(|r| {
                let p = r["period"].as_str().unwrap().to_string();
                (p, r["papers"].as_u64().unwrap())
            })
            .collect()
    };
    let months = |n: [u64; 3]| -> Vec<(String, u64)> {
        ["2024-01", "2024-02", "2024-03"]
            .iter()
            .map(|m| m.to_string())
            .zip(n)
            .collect()
    };
    assert_eq!(of("cs.LG"), months([4, 0, 2]));
    assert_eq!(of("cs.RO"), months([0, 0, 1]));
    assert_eq!(rows[2]["share"].as_f64(), Some(2.0 / 3.0));
    assert_eq!(
        rows[0]["category"], "cs.CL",
        "most common first, then by name"
    );
    let o = run(&env, &dir, &["--categories", "--limit", "1"]);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "a heading, a category, the span: {text}");
    assert!(lines[1].starts_with("cs.CL  85.7% "), "{text}");
    assert!(lines[1].ends_with(" peak 2024-01 100.0%"), "{text}");
    // Three months in the 46 columns left of 80: fifteen each, the span's ends under them.
    let spark = lines[1]["cs.CL  85.7% ".len()..]
        .split(" peak")
        .next()
        .unwrap();
    assert_eq!(spark.chars().count(), 45, "{text}");
    assert_eq!(
        lines[2].trim_start(),
        format!("2024-01{:>38}", "2024-03"),
        "{text}"
    );
}
