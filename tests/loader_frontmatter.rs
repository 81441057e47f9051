//! The day a post is for and its front matter: where the date comes from (title, slug, file
//! name), duplicate days, and broken, missing, huge, deeply nested or alias-bombed YAML.
//! Hand-written fixtures only (never real posts).

#[allow(dead_code)] // not every shared helper is used here
mod loader_support;

use std::path::Path;

use hotpapers::archive::{Archive, Diagnostic, Severity, date_from_name};
use loader_support::{date, day_of, find, line_of, paper, parse, post, simple_post, write};

// ---------------------------------------------------------------------------------------------
// Fixtures and helpers
// ---------------------------------------------------------------------------------------------

fn warnings(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The day
// ---------------------------------------------------------------------------------------------

#[test]
fn the_day_comes_from_the_title_first() {
    let text = "---\ntitle: Hot Papers 2020-01-02\nslug: hot-papers-2020-01-03\n---\n";
    let p = parse("2020-01-04---Hot-Papers.md", text);
    assert_eq!(day_of(&p).date, date("2020-01-02"));
    assert_eq!(day_of(&p).title, "Hot Papers 2020-01-02");
}

#[test]
fn the_day_comes_from_the_slug_when_the_title_has_none() {
    let text = "---\ntitle: Hot Papers of the week\nslug: hot-papers-2020-01-03\n---\n";
    let p = parse("2020-01-04---Hot-Papers.md", text);
    assert_eq!(day_of(&p).date, date("2020-01-03"));
    assert_eq!(day_of(&p).title, "Hot Papers of the week");
}

#[test]
fn the_day_comes_from_the_file_name_last() {
    let text = "---\ntitle: Hot Papers\nslug: hot-papers\n---\n";
    let p = parse("2020/2020-01-04---Hot-Papers.md", text);
    assert_eq!(day_of(&p).date, date("2020-01-04"));
    assert_eq!(day_of(&p).file, "2020/2020-01-04---Hot-Papers.md");
    // Only the file name counts, not the folders above it.
    let p = parse("2020-01-05/post.md", text);
    assert!(p.day.is_none());
    assert_eq!(
        date_from_name("x/2020-02-29-y.md"),
        Some(date("2020-02-29"))
    );
    assert_eq!(date_from_name("2020-02-30.md"), None);
}

#[test]
fn a_post_with_no_date_anywhere_is_an_error() {
    let p = parse("post.md", "---\ntitle: Hot Papers\n---\n# 1. X\n");
    assert!(p.day.is_none());
    let d = find(&p.diagnostics, "no YYYY-MM-DD date");
    assert_eq!(
        (d.severity, d.path.as_path()),
        (Severity::Error, Path::new("post.md"))
    );
}

#[test]
fn the_front_matter_date_is_read_leniently_as_utc() {
    let p = parse("a.md", &post("2020-01-02", "2020-01-03T09:10:11.Z", ""));
    let t = day_of(&p).published.unwrap();
    assert_eq!(t.to_string(), "2020-01-03 09:10:11");
    let p = parse("a.md", &post("2020-01-02", "2020-01-03T09:10:11+02:00", ""));
    assert_eq!(
        day_of(&p).published.unwrap().to_string(),
        "2020-01-03 07:10:11"
    );
}

#[test]
fn an_unreadable_front_matter_date_warns_and_is_ignored() {
    let text = post("2020-01-02", "next tuesday", "");
    let p = parse("a.md", &text);
    assert_eq!(day_of(&p).published, None);
    let d = find(&p.diagnostics, "not a date-time");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.line, Some(line_of(&text, "date:")));
    assert!(d.message.contains("next tuesday"), "{d}");

    // Also when the front matter is never closed.
    let text = "---\ntitle: Hot Papers 2020-01-02\n\ndate: soon\n\n# 1. X\n";
    let p = parse("a.md", text);
    let d = find(&p.diagnostics, "not a date-time");
    assert_eq!(d.line, Some(4));
}

#[test]
fn two_posts_for_one_day_keep_the_newest_and_warn_naming_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    // The newer post sorts first by name, so name order alone would pick the wrong one.
    write(
        root,
        "a-2020-03-03.md",
        post("2020-03-03", "2020-03-04T10:00:00.Z", &paper(1, "Newer")),
    );
    write(
        root,
        "b-2020-03-03.md",
        post("2020-03-03", "2020-03-04T08:00:00.Z", &paper(1, "Older")),
    );
    write(root, "2020-03-04.md", simple_post("2020-03-04"));

    let archive = Archive::load(root).unwrap();
    assert_eq!(archive.days.len(), 2);
    assert_eq!(archive.days[0].file, "a-2020-03-03.md");
    assert_eq!(archive.days[0].papers[0].title, "Newer".into());
    assert_eq!(archive.diagnostics.len(), 1, "{:#?}", archive.diagnostics);
    let d = &archive.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    // The dropped post is named like every other diagnostic: by its path on disk.
    assert_eq!(d.path, root.join("b-2020-03-03.md"));
    assert!(d.message.contains("2020-03-03"), "{d}");
    assert!(d.message.contains("a-2020-03-03.md"), "{d}");
    assert_eq!(archive.warnings(), 1);
}

#[test]
fn a_duplicate_without_a_publication_time_loses_to_one_with() {
    let a = parse(
        "x-2020-03-03.md",
        &post("2020-03-03", "2020-03-04T08:00:00Z", ""),
    );
    let b = parse(
        "y-2020-03-03.md",
        "---\ntitle: Hot Papers 2020-03-03\n---\n",
    );
    let archive = Archive::assemble(vec![a, b]);
    assert_eq!(archive.days.len(), 1);
    assert_eq!(archive.days[0].file, "x-2020-03-03.md");
    assert_eq!(archive.diagnostics[0].path, Path::new("y-2020-03-03.md"));
}

// ---------------------------------------------------------------------------------------------
// Front matter problems
// ---------------------------------------------------------------------------------------------

#[test]
fn broken_yaml_still_gives_the_papers_with_a_located_warning() {
    let text = format!(
        "---\ntitle: Hot Papers 2020-05-06\ndate: 2020-05-07T01:02:03.Z\nfoo: bar: baz\n---\n\n{}",
        paper(1, "Still Here")
    );
    let p = parse("broken.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-05-06"));
    assert_eq!(day.published.unwrap().to_string(), "2020-05-07 01:02:03");
    assert_eq!(day.papers.len(), 1);
    assert_eq!(day.papers[0].title, "Still Here".into());
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert!(d.message.contains("not valid YAML"), "{d}");
    assert_eq!(d.line, Some(line_of(&text, "foo:")));
}

#[test]
fn broken_yaml_takes_the_day_from_the_slug_or_file_name() {
    // The title line is not a plain `key: value`, so only the slug can give the day.
    let text = format!(
        "---\ntitle: [Hot Papers\nslug: hot-papers-2020-05-08\n---\n\n{}",
        paper(1, "P")
    );
    let p = parse("x.md", &text);
    assert_eq!(day_of(&p).date, date("2020-05-08"));
    assert_eq!(day_of(&p).papers.len(), 1);
    assert_eq!(warnings(&p.diagnostics).len(), 1, "{:#?}", p.diagnostics);

    let text = format!("---\n- just\n- a list\n---\n\n{}", paper(1, "P"));
    let p = parse("2020-05-09---Hot-Papers.md", &text);
    assert_eq!(day_of(&p).date, date("2020-05-09"));
    assert_eq!(day_of(&p).papers.len(), 1);
    let d = find(&p.diagnostics, "not a YAML mapping");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
}

#[test]
fn no_front_matter_warns_and_uses_the_file_name() {
    let text = paper(1, "Bare");
    let p = parse("2020-06-07---Hot-Papers.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-07"));
    assert_eq!((day.title.as_ref(), day.published), ("", None));
    assert_eq!(day.papers.len(), 1);
    assert_eq!(day.papers[0].line, 1);
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert!(d.message.contains("no front matter"), "{d}");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(1)));
}

#[test]
fn unterminated_front_matter_keeps_its_fields_and_the_papers() {
    let text = format!(
        "---\ntitle: Hot Papers 2020-06-08\ndate: 2020-06-09T00:00:00Z\n\n{}{}",
        paper(1, "First"),
        paper(2, "Second")
    );
    let p = parse("u.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-08"));
    assert_eq!(day.title, "Hot Papers 2020-06-08");
    assert!(day.published.is_some());
    let titles: Vec<_> = day.papers.iter().map(|p| p.title.as_ref()).collect();
    assert_eq!(titles, ["First", "Second"]);
    assert_eq!(day.papers[1].line as usize, line_of(&text, "# 2."));
    assert_eq!(p.diagnostics.len(), 1, "{:#?}", p.diagnostics);
    let d = &p.diagnostics[0];
    assert!(d.message.contains("never closed"), "{d}");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(1)));
}

#[test]
fn huge_front_matter_is_not_parsed_but_its_plain_lines_are_read() {
    let filler: String = (0..3000)
        .map(|i| format!("k{i}: a value long enough to add up\n"))
        .collect();
    assert!(filler.len() > 64 * 1024);
    let text = format!(
        "---\ntitle: Hot Papers 2020-06-10\n{filler}---\n\n{}",
        paper(1, "After")
    );
    let p = parse("h.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-10"));
    assert_eq!(day.papers.len(), 1);
    assert_eq!(day.papers[0].line as usize, line_of(&text, "# 1."));
    let d = find(&p.diagnostics, "limit");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
}

#[test]
fn yaml_alias_bombs_return_with_a_warning() {
    let mut yaml = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let text = format!(
        "---\n{yaml}title: Hot Papers 2020-06-11\n---\n\n{}",
        paper(1, "Survivor")
    );
    // If aliases were expanded this would not return (9^12 nodes).
    let p = parse("bomb.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-06-11"));
    assert_eq!(day.papers[0].title, "Survivor".into());
    let d = find(&p.diagnostics, "aliases");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));

    // Also through the whole loader.
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "bomb.md", &text);
    let archive = Archive::load(tmp.path()).unwrap();
    assert_eq!((archive.days.len(), archive.warnings()), (1, 1));
}

#[test]
fn asterisks_inside_plain_front_matter_text_are_not_aliases() {
    let text = "---\ntitle: Hot Papers 2020-06-12\ndescription: papers on *diffusion* and 2 * 3\ntags: [a, b]\n---\n";
    let p = parse("s.md", text);
    assert_eq!(day_of(&p).date, date("2020-06-12"));
    assert!(p.diagnostics.is_empty(), "{:#?}", p.diagnostics);
}

#[test]
fn deeply_nested_front_matter_is_not_parsed_and_warns() {
    let text = format!(
        "---\ntitle: Hot Papers 2020-08-01\nk: {}\n---\n\n{}",
        "[".repeat(60_000),
        paper(1, "Below")
    );
    // The YAML parser's time grows with the square of the depth; this must not reach it.
    let p = parse("n.md", &text);
    let day = day_of(&p);
    assert_eq!(day.date, date("2020-08-01"));
    assert_eq!(day.papers[0].title, "Below".into());
    let d = find(&p.diagnostics, "levels deep");
    assert_eq!((d.severity, d.line), (Severity::Warning, Some(2)));
}
