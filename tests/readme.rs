//! The README's key tables must list every binding of the key table, as the help does.

use hotpapers::tui::keymap::{BINDINGS, Mode, label};

fn rows(mode: Mode) -> Vec<String> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", label(*k))).collect();
            format!("| {} | {} |", keys.join(", "), b.help)
        })
        .collect()
}

#[test]
fn readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut missing = Vec::new();
    for mode in Mode::ALL.into_iter().filter(|m| *m != Mode::Help) {
        let heading = format!("**{}**", mode.title());
        let section = readme.split(&heading).nth(1).unwrap_or("");
        let section = &section[..section.find("\n\n**").unwrap_or(section.len())];
        let want = rows(mode);
        if want.iter().any(|r| !section.contains(r.as_str())) {
            missing.push(format!(
                "{heading}\n\n| keys | action |\n| --- | --- |\n{}",
                want.join("\n")
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "README.md lacks these key rows:\n{}",
        missing.join("\n\n")
    );
}
