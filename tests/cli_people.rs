//! `hotpapers tweeters`: accounts ranked by the papers they tweeted about in a span, each paper
//! once per account however often the digest lists it, with JSON and exit status 1 for none.

mod binary;
mod support;

use binary::{Env, stderr, stdout, write};
use support::{post, tweet};

fn archive() -> tempfile::TempDir {
    let posts = tempfile::tempdir().unwrap();
    let ann = |id| tweet("Ann Example", "ann_ex", id, "a thread");
    let bob = |id| tweet("Bob Placeholder", "Bob_P", id, "worth reading");
    let a = "https://arxiv.org/abs/2403.00001";
    let b = "https://arxiv.org/abs/2403.00002";
    let c = "https://arxiv.org/abs/2403.00003";
    let both = format!("{}{}", ann(1), bob(2));
    write(
        posts.path(),
        "2024-03-01",
        &post(
            "2024-03-01",
            &[("Paper A", a, &both), ("Paper B", b, &ann(3))],
        ),
    );
    // Paper A listed again with the same tweets and one more.
    let more = format!("{}{}{}", ann(1), bob(2), ann(4));
    write(
        posts.path(),
        "2024-03-05",
        &post(
            "2024-03-05",
            &[("Paper A", a, &more), ("Paper C", c, &bob(5))],
        ),
    );
    posts
}

#[test]
fn accounts_are_ranked_by_distinct_papers_in_the_span() {
    let env = Env::new();
    let posts = archive();
    let dir = posts.path().to_str().unwrap();
    let o = env.run(&["tweeters", "--archive", dir]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    // Ann: papers A and B, tweets 1, 3, 4; Bob: A and C, tweets 2 and 5. Ties go to more tweets.
    assert!(
        lines[0].contains("@ann_ex") && lines[0].contains("2 papers"),
        "{text}"
    );
    assert!(
        lines[0].contains("3 tweets") && lines[0].ends_with("Ann Example"),
        "{text}"
    );
    assert!(
        lines[1].contains("@Bob_P") && lines[1].contains("2 tweets"),
        "{text}"
    );
    let o = env.run(&[
        "tweeters",
        "--json",
        "--since",
        "2024-03-02",
        "--archive",
        dir,
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        json,
        serde_json::json!([
            {"handle": "Bob_P", "name": "Bob Placeholder", "papers": 2, "tweets": 2},
            {"handle": "ann_ex", "name": "Ann Example", "papers": 1, "tweets": 2},
        ])
    );
    let o = env.run(&[
        "tweeters",
        "--limit",
        "1",
        "--until",
        "2024-03-01",
        "--archive",
        dir,
    ]);
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("@ann_ex"), "{text}");
    let o = env.run(&["tweeters", "--since", "2024-04-01", "--archive", dir]);
    assert_eq!(o.status.code(), Some(1));
}
