//! `search` and `top` on the shared corpus, against results derived independently from
//! `expected.json` (a different parser's view of the same posts). Ignored by a plain
//! `cargo test`; `.ci/run` runs it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn corpus() -> PathBuf {
    let dir = std::env::var_os("HOTPAPERS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    assert!(
        dir.join("posts").is_dir(),
        "corpus not found at {}",
        dir.display()
    );
    dir
}

fn expected() -> Vec<Value> {
    serde_json::from_slice(&std::fs::read(corpus().join("expected.json")).unwrap()).unwrap()
}

fn run(args: &[&str]) -> (i32, Value) {
    let posts = corpus().join("posts");
    let out = Command::new(env!("CARGO_BIN_EXE_hotpapers"))
        .args(args)
        .args(["--json", "--archive", posts.to_str().unwrap()])
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("hotpapers-test-cache"),
        )
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json)
}

fn lower(v: &Value) -> String {
    v.as_str().unwrap_or("").to_lowercase()
}

/// (date, rank) of every paper for which `pred` holds, newest day first, rank order within a day.
fn derive(pred: impl Fn(&Value) -> bool) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    for day in expected().iter().rev() {
        for p in day["papers"].as_array().unwrap() {
            if pred(p) {
                out.push((
                    day["date"].as_str().unwrap().to_string(),
                    p["rank"].as_u64().unwrap(),
                ));
            }
        }
    }
    out
}

fn got(json: &Value) -> Vec<(String, u64)> {
    json.as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["date"].as_str().unwrap().to_string(),
                h["rank"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The words of `text` as the query language defines them, written here again without the
/// library: runs of ASCII letters and digits (other letters too), lowercased, each with the
/// places inside it where camel case starts a part (`StyleGAN` → `gan`).
fn words(text: &str) -> Vec<(String, Vec<String>)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let c: Vec<char> = w.chars().collect();
            let humps = (1..c.len())
                .filter(|&i| {
                    let lower = |k: usize| c.get(k).is_some_and(|x| x.is_lowercase());
                    c[i].is_uppercase()
                        && (c[i - 1].is_lowercase()
                            || (c[i - 1].is_uppercase() && lower(i + 1) && lower(i + 2)))
                })
                .map(|i| c[i..].iter().collect::<String>().to_lowercase())
                .collect();
            (w.to_lowercase(), humps)
        })
        .collect()
}

/// Whether the phrase `terms` (lowercase words) occurs in `text`: the first word from a word's
/// start or a hump, each later one from the start of the next word, all as prefixes.
fn has(text: &str, terms: &[&str]) -> bool {
    let w = words(text);
    (0..w.len()).any(|i| {
        let (first, humps) = &w[i];
        (first.starts_with(terms[0]) || humps.iter().any(|h| h.starts_with(terms[0])))
            && terms[1..]
                .iter()
                .enumerate()
                .all(|(j, t)| w.get(i + 1 + j).is_some_and(|(x, _)| x.starts_with(t)))
    })
}

fn list(p: &Value, key: &str) -> Vec<String> {
    p[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or("").to_string())
        .collect()
}

/// Whether any item of the list field `key` holds the phrase.
fn any_has(p: &Value, key: &str, terms: &[&str]) -> bool {
    list(p, key).iter().any(|x| has(x, terms))
}

type Pred = Box<dyn Fn(&Value) -> bool>;

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn search_by_field_matches_an_independent_derivation() {
    let cases: Vec<(Vec<&str>, Pred)> = vec![
        (
            vec!["ti:transformer"],
            Box::new(|p| has(p["title"].as_str().unwrap(), &["transformer"])),
        ),
        (
            vec!["ti:gan"],
            Box::new(|p| has(p["title"].as_str().unwrap(), &["gan"])),
        ),
        (
            vec!["ti:\"neural radiance\"", "-cat:cs.GR"],
            Box::new(|p| {
                has(p["title"].as_str().unwrap(), &["neural", "radiance"])
                    && !any_has(p, "categories", &["cs", "gr"])
            }),
        ),
        (
            vec!["au:Song", "abs:diffusion"],
            Box::new(|p| {
                any_has(p, "authors", &["song"])
                    && has(p["abstract"].as_str().unwrap(), &["diffusion"])
            }),
        ),
        (
            vec!["cat:quant-ph"],
            Box::new(|p| any_has(p, "categories", &["quant", "ph"])),
        ),
        (
            vec!["id:2012.0"],
            Box::new(|p| has(p["arxiv_id"].as_str().unwrap_or(""), &["2012", "0"])),
        ),
    ];
    for (args, pred) in cases {
        let want = derive(pred);
        assert!(
            !want.is_empty(),
            "{args:?} should match something in the corpus"
        );
        let mut newest = vec!["search", "--sort", "newest"];
        newest.extend(&args);
        let (code, json) = run(&newest);
        assert_eq!(code, 0, "{args:?}");
        assert_eq!(got(&json), want, "{args:?}");
        // By relevance (the default for words): the same papers, in another order.
        let mut best = vec!["search"];
        best.extend(&args);
        let (_, json) = run(&best);
        let mut ranked = got(&json);
        ranked.sort();
        let mut sorted = want.clone();
        sorted.sort();
        assert_eq!(ranked, sorted, "{args:?} by relevance");
    }
    // `ti:gan` is a word: never inside one, as in Organic.
    let inside = derive(|p| {
        let t = p["title"].as_str().unwrap().to_lowercase();
        t.contains("organic") && !has(&t, &["gan"])
    });
    let (_, json) = run(&["search", "--sort", "newest", "ti:gan"]);
    assert!(inside.iter().all(|x| !got(&json).contains(x)));
    let (code, json) = run(&["search", "ti:zzzzqqqq"]);
    assert_eq!((code, json), (1, Value::Array(vec![])));
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn top_matches_an_independent_derivation() {
    for (since, until, by) in [
        ("2020-07-01", "2020-07-31", "score"),
        ("2020-12-01", "2020-12-31", "retweets"),
        ("2020-06-01", "2021-01-31", "favorites"),
    ] {
        // Best day per paper by the measure (earliest best on ties); days listed.
        let mut best: BTreeMap<String, (u64, String, Vec<String>)> = BTreeMap::new();
        for day in expected() {
            let date = day["date"].as_str().unwrap().to_string();
            if date.as_str() < since || date.as_str() > until {
                continue;
            }
            for p in day["papers"].as_array().unwrap() {
                let (rt, fav) = (
                    p["retweets"].as_u64().unwrap(),
                    p["favorites"].as_u64().unwrap(),
                );
                let v = match by {
                    "score" => rt + fav,
                    "retweets" => rt,
                    _ => fav,
                };
                let e = best
                    .entry(p["arxiv_id"].as_str().unwrap().to_string())
                    .or_insert((v, date.clone(), vec![]));
                if v > e.0 {
                    (e.0, e.1) = (v, date.clone());
                }
                if !e.2.contains(&date) {
                    e.2.push(date.clone());
                }
            }
        }
        let mut want: Vec<(String, u64, String, Vec<String>)> = best
            .into_iter()
            .map(|(id, (v, d, days))| (id, v, d, days))
            .collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
        want.truncate(15);
        let (code, json) = run(&[
            "top", "--since", since, "--until", until, "--by", by, "--limit", "15",
        ]);
        assert_eq!(code, 0);
        let key = if by == "score" { "score" } else { by };
        let got: Vec<(String, u64, String, Vec<String>)> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let days = e["days"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d.as_str().unwrap().to_string())
                    .collect();
                (
                    e["arxiv_id"].as_str().unwrap().to_string(),
                    e[key].as_u64().unwrap(),
                    e["best_date"].as_str().unwrap().to_string(),
                    days,
                )
            })
            .collect();
        assert_eq!(got, want, "top {since}..{until} by {by}");
    }
}

/// The handles of a paper's tweets, lowercased.
fn handles(p: &Value) -> Vec<String> {
    p["tweets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| lower(&t["handle"]))
        .collect()
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn handles_find_exactly_what_they_tweeted_about() {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for day in expected() {
        for p in day["papers"].as_array().unwrap() {
            for t in p["tweets"].as_array().unwrap() {
                *count
                    .entry(t["handle"].as_str().unwrap().to_string())
                    .or_default() += 1;
            }
        }
    }
    // The busiest account, one spelled with capitals, and one that tweeted once.
    let busiest = count
        .iter()
        .max_by_key(|(h, n)| (**n, std::cmp::Reverse(*h)));
    let capitals = count
        .keys()
        .find(|h| h.chars().any(|c| c.is_ascii_uppercase()));
    let once = count.iter().find(|(_, n)| **n == 1).map(|(h, _)| h);
    let picked = [busiest.map(|(h, _)| h), capitals, once];
    assert!(picked.iter().all(Option::is_some), "corpus has tweets");
    for handle in picked.into_iter().flatten() {
        let want = derive(|p| handles(p).contains(&handle.to_lowercase()));
        for q in [
            format!("@{handle}"),
            format!("by:{}", handle.to_lowercase()),
            format!("@{}", handle.to_uppercase()),
        ] {
            let (code, json) = run(&["search", &q]);
            assert_eq!((code, got(&json)), (0, want.clone()), "{q}");
        }
        // tw: also reads the tweets' text, which expected.json leaves out: at least these.
        let (_, json) = run(&["search", &format!("tw:{handle}")]);
        let found = got(&json);
        assert!(want.iter().all(|w| found.contains(w)), "tw:{handle}");
    }
    let (code, _) = run(&["search", "@zzzzqqqq"]);
    assert_eq!(code, 1);
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn pasted_ids_and_links_find_the_paper() {
    let mut ids: Vec<String> = Vec::new();
    for day in expected() {
        for p in day["papers"].as_array().unwrap() {
            let id = p["arxiv_id"].as_str().unwrap().to_string();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    // Every 100th paper, by its id, with a version, and by its abs and pdf links.
    for id in ids.iter().step_by(100) {
        let want = derive(|p| p["arxiv_id"].as_str() == Some(id.as_str()));
        for q in [
            id.clone(),
            format!("{id}v1"),
            format!("arXiv:{id}v3"),
            format!("https://arxiv.org/abs/{id}v1"),
            format!("http://arxiv.org/pdf/{id}.pdf"),
        ] {
            let (code, json) = run(&["search", &q]);
            assert_eq!((code, got(&json)), (0, want.clone()), "{q}");
        }
    }
    // Every 7th at once, ORed: each paper found by its own id, nothing else.
    let some: Vec<&String> = ids.iter().step_by(7).collect();
    let query: Vec<String> = some.iter().map(|id| format!("{id}v2")).collect();
    let (code, json) = run(&["search", &query.join(" OR ")]);
    let want = derive(|p| {
        some.iter()
            .any(|id| p["arxiv_id"].as_str() == Some(id.as_str()))
    });
    assert_eq!((code, got(&json)), (0, want));
}

/// `c` without its accent, for the Latin letters this test looks for.
fn plain(c: char) -> Option<char> {
    let groups = [
        ("áàâäãå", 'a'),
        ("éèêë", 'e'),
        ("íìîï", 'i'),
        ("óòôöõ", 'o'),
        ("úùûü", 'u'),
        ("ñ", 'n'),
        ("ç", 'c'),
    ];
    groups.iter().find(|(g, _)| g.contains(c)).map(|&(_, p)| p)
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn accents_are_folded_and_plain_words_find_handles() {
    // Every accented word of a title or abstract (the corpus has a few): found with and
    // without its accents, the same papers either way, its own paper among them.
    let mut tried = 0;
    for day in expected() {
        for p in day["papers"].as_array().unwrap() {
            let text = format!("{} {}", p["title"].as_str().unwrap(), p["abstract"]);
            for (w, _) in words(&text) {
                if w.is_ascii() || !w.chars().all(|c| c.is_ascii() || plain(c).is_some()) {
                    continue;
                }
                let folded: String = w.chars().map(|c| plain(c).unwrap_or(c)).collect();
                let (code, with) = run(&["search", "--sort", "newest", &w]);
                let (_, without) = run(&["search", "--sort", "newest", &folded]);
                assert_eq!(code, 0, "{w}");
                assert_eq!(got(&with), got(&without), "{w} vs {folded}");
                let own = (
                    day["date"].as_str().unwrap().to_string(),
                    p["rank"].as_u64().unwrap(),
                );
                assert!(got(&without).contains(&own), "{folded} finds its paper");
                tried += 1;
            }
        }
    }
    assert!(tried > 0, "the corpus has accented words");
    // A handle typed as a plain word finds at least what that account tweeted about.
    let handle = expected()
        .iter()
        .flat_map(|d| d["papers"].as_array().unwrap().clone())
        .flat_map(|p| handles(&p))
        .find(|h| h.len() > 5 && h.chars().all(|c| c.is_ascii_alphanumeric()))
        .expect("a plain handle");
    let want = derive(|p| handles(p).contains(&handle));
    let (_, json) = run(&["search", "--sort", "newest", &handle]);
    let found = got(&json);
    assert!(want.iter().all(|w| found.contains(w)), "{handle}");
}

/// Whether `text` links to a repository on a code host: the host's name then `/` and a name.
fn links_a_repository(text: &str) -> bool {
    [
        "github.com/",
        "gitlab.com/",
        "huggingface.co/",
        "bitbucket.org/",
    ]
    .iter()
    .any(|host| {
        text.match_indices(host).any(|(i, _)| {
            let glued = text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            let named = text[i + host.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
            !glued && named
        })
    })
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn has_code_finds_every_abstract_that_links_a_repository() {
    let want = derive(|p| links_a_repository(p["abstract"].as_str().unwrap_or("")));
    assert!(want.len() > 10, "the corpus has abstracts with code links");
    let (code, json) = run(&["search", "has:code"]);
    assert_eq!(code, 0);
    let found = got(&json);
    let missing: Vec<_> = want.iter().filter(|w| !found.contains(w)).collect();
    assert!(missing.is_empty(), "has:code misses {missing:?}");
    // The tweets' text (not in expected.json) and pages named as code add some, not many.
    assert!(
        found.len() < want.len() * 2,
        "{} of {}",
        found.len(),
        want.len()
    );
    let (_, json) = run(&["search", "-has:code ti:a OR -has:code ti:the"]);
    let without = got(&json);
    assert!(want.iter().all(|w| !without.contains(w)));
}

#[test]
#[ignore = "needs ../shared/corpus; run by .ci/run"]
fn tweeters_count_each_paper_once_per_account() {
    use std::collections::{BTreeSet, HashMap};
    // (handle lowercased) → paper key → its tweets' links.
    let mut by: HashMap<String, HashMap<String, BTreeSet<String>>> = HashMap::new();
    for day in expected() {
        for p in day["papers"].as_array().unwrap() {
            let key = match p["arxiv_id"].as_str() {
                Some(id) => id.to_string(),
                None => format!("title:{}", lower(&p["title"])),
            };
            for t in p["tweets"].as_array().unwrap() {
                by.entry(lower(&t["handle"]))
                    .or_default()
                    .entry(key.clone())
                    .or_default()
                    .insert(t["url"].as_str().unwrap_or("").to_string());
            }
        }
    }
    let mut want: Vec<(String, u64, u64)> = by
        .into_iter()
        .map(|(h, papers)| {
            let tweets = papers.values().map(|l| l.len() as u64).sum();
            (h, papers.len() as u64, tweets)
        })
        .collect();
    want.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then_with(|| a.0.cmp(&b.0)));
    want.truncate(30);
    let (code, json) = run(&["tweeters", "--limit", "30"]);
    assert_eq!(code, 0);
    let got: Vec<(String, u64, u64)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                lower(&t["handle"]),
                t["papers"].as_u64().unwrap(),
                t["tweets"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
}
