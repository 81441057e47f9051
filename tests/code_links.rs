//! Papers with code in the reader: the `</>` mark in the paper list once the index knows, the
//! code link right after the abs and pdf pages in the link list (once), and `has:code`.

mod support;

use hotpapers::archive::Archive;
use hotpapers::links::LinkKind;
use hotpapers::tui::boxes::OpenBox;
use support::{app_with, indexed, press, render, type_text};

#[test]
fn a_paper_with_code_is_marked_and_its_code_link_leads_the_link_list() {
    let app = app_with(Archive::sample(), 140, 40);
    // The mark needs the index; until then the title is plain.
    assert!(!render(&app).contains("</> Learning to Compress"));
    let mut app = indexed(app);
    assert!(
        render(&app).contains("</> Learning to Compress"),
        "{}",
        render(&app)
    );
    press(&mut app, &["j", "L"]);
    let Some(OpenBox::Links(b)) = app.open_box() else {
        panic!("no link list");
    };
    let code: Vec<_> = b
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.url.contains("machine-codec"))
        .collect();
    assert_eq!(code.len(), 1, "once: {:?}", b.links);
    let (at, link) = code[0];
    assert_eq!((at, link.kind), (2, LinkKind::Code));
    assert_eq!(link.url, "https://github.com/example-lab/machine-codec");
    press(&mut app, &["esc", "/"]);
    type_text(&mut app, "has:code");
    let Some(OpenBox::Search(b)) = app.open_box() else {
        panic!("no search box");
    };
    assert!(b.results.iter().any(|r| {
        app.archive().days[r.day].papers[r.paper]
            .title
            .starts_with("Learning to Compress")
    }));
}
