//! The README's key table must list every binding of the key table, as the help does.

use hotpapers::tui::keymap::{BINDINGS, label};

#[test]
fn readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let rows: Vec<String> = BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", label(*k))).collect();
            format!("| {} | {} |", keys.join(", "), b.help)
        })
        .collect();
    let missing: Vec<&String> = rows
        .iter()
        .filter(|r| !readme.contains(r.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "README.md lacks these key rows:\n{}",
        rows.join("\n")
    );
}
