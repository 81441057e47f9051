//! The README's key tables must list every binding of the key table, as the help does.

use hotpapers::tui::bindings::defaults;
use hotpapers::tui::{Keymap, Scope};

fn rows(scope: Scope) -> Vec<String> {
    defaults(scope)
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            format!("| {} | {} |", keys.join(", "), b.help())
        })
        .collect()
}

#[test]
fn readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let km = Keymap::default();
    let mut missing = Vec::new();
    for scope in Scope::ALL.into_iter().filter(|s| *s != Scope::Help) {
        let heading = format!("**{}**", km.heading(scope));
        let section = readme.split(&heading).nth(1).unwrap_or("");
        let section = &section[..section.find("\n\n**").unwrap_or(section.len())];
        let want = rows(scope);
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
