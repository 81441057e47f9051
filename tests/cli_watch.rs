//! `hotpapers watch`: the `[[watch]]` lists of the config file, their new matches printed and
//! marked seen, `--all` and `--json`, and a watch list the config gets wrong.

mod binary;
mod support;

use binary::{Env, stderr, stdout, write};

fn setup(watch: &str) -> (Env, tempfile::TempDir) {
    let env = Env::new();
    let posts = tempfile::tempdir().unwrap();
    let day1 = [
        ("StyleGAN Portraits", "https://arxiv.org/abs/2403.00001", ""),
        (
            "Metal-Organic Frameworks",
            "https://arxiv.org/abs/2403.00002",
            "",
        ),
    ];
    write(
        posts.path(),
        "2024-03-01",
        &support::post("2024-03-01", &day1),
    );
    let day2 = [
        ("StyleGAN Portraits", "https://arxiv.org/abs/2403.00001", ""),
        ("GANs for Tables", "https://arxiv.org/abs/2403.00003", ""),
    ];
    write(
        posts.path(),
        "2024-03-02",
        &support::post("2024-03-02", &day2),
    );
    let dir = env.config.path().join("hotpapers");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), watch).unwrap();
    (env, posts)
}

const GAN: &str = "[[watch]]\nname = \"gans\"\nquery = \"ti:gan\"\n";

#[test]
fn new_matches_are_printed_once_then_marked_seen() {
    let (env, posts) = setup(GAN);
    let archive = posts.path().to_str().unwrap();
    let o = env.run(&["watch", "--archive", archive]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("gans (ti:gan): 2 new\n"), "{text}");
    assert!(
        text.contains("GANs for Tables") && text.contains("StyleGAN Portraits"),
        "{text}"
    );
    assert!(!text.contains("Organic"), "{text}");
    assert_eq!(
        text.matches("StyleGAN").count(),
        1,
        "each paper once: {text}"
    );
    // Seen now: nothing new the second time, but --all still shows every match.
    let o = env.run(&["watch", "--archive", archive]);
    assert_eq!(stdout(&o), "gans (ti:gan): 0 new\n");
    let o = env.run(&["watch", "--all", "--json", "--archive", archive]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json[0]["name"], "gans");
    assert_eq!(json[0]["matches"], 2);
    assert_eq!(json[0]["papers"].as_array().unwrap().len(), 2);
    let o = env.run(&["watch", "--json", "--archive", archive]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (
            json[0]["matches"].clone(),
            json[0]["papers"].as_array().unwrap().len()
        ),
        (2.into(), 0)
    );
}

#[test]
fn a_watch_list_the_config_gets_wrong_is_named_with_its_line() {
    let (env, posts) =
        setup("theme = \"dark\"\n\n[[watch]]\nname = \"broken\"\nquery = \"(gan\"\n");
    let o = env.run(&["watch", "--archive", posts.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("config.toml:3:"), "{err}");
    assert!(
        err.contains("watch \"broken\": query \"(gan\": this `(` is never closed"),
        "{err}"
    );
    let (env, posts) = setup("");
    let o = env.run(&["watch", "--archive", posts.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no watch lists"), "{}", stderr(&o));
}

#[test]
fn watch_lists_saved_in_the_reader_are_watched_too_and_forget_removes_them() {
    let (env, posts) = setup(GAN);
    let archive = posts.path().to_str().unwrap();
    // A library holding a saved list, as a reader on another machine would have written it,
    // and one named as the config's (the config's wins).
    let lib = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        lib.path(),
        r#"{"format": "hotpapers-library", "version": 1, "watches": [
            {"name": "tables", "query": "ti:tables", "saved_at": 5},
            {"name": "gans", "query": "ti:portraits", "saved_at": 5}]}"#,
    )
    .unwrap();
    let o = env.run(&["state", "import", lib.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 watch lists"), "{}", stdout(&o));
    let o = env.run(&["watch", "--archive", archive]);
    let text = stdout(&o);
    assert!(text.starts_with("gans (ti:gan): 2 new\n"), "{text}");
    assert!(text.contains("tables (ti:tables): 1 new\n"), "{text}");
    let o = env.run(&["watch", "--forget", "gans"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is in the config file"),
        "{}",
        stderr(&o)
    );
    let o = env.run(&["watch", "--forget", "tables"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = env.run(&["watch", "--forget", "tables"]);
    assert!(
        stderr(&o).contains("no watch list \"tables\""),
        "{}",
        stderr(&o)
    );
    let o = env.run(&["watch", "--archive", archive]);
    assert_eq!(stdout(&o), "gans (ti:gan): 0 new\n");
}
