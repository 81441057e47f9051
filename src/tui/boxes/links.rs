//! The link list (`L`): every link of the selected paper, numbered — its abs and pdf pages,
//! its tweets, and the links written in its abstract and tweets. Enter or a link's number opens
//! it, `y` copies it.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::links::{Link, LinkKind, paper_links};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::effect::Effect;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::marks::copy;
use crate::tui::core::reader::allowed;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct LinksBox {
    /// Whose links: the paper's rank and title, for the box's title.
    pub paper: (u32, String),
    pub links: Vec<Link>,
    pub cursor: ListCursor,
}

/// `links` with the links to the paper's code `code` right after the abs and pdf pages,
/// labelled as code instead of where they were written.
fn with_code(links: Vec<Link>, code: Vec<String>) -> Vec<Link> {
    let fixed = links
        .iter()
        .take_while(|l| matches!(l.kind, LinkKind::Abs | LinkKind::Pdf))
        .count();
    let mut out: Vec<Link> = links[..fixed].to_vec();
    out.extend(code.into_iter().map(|url| Link {
        kind: LinkKind::Code,
        url,
        label: "code".into(),
    }));
    for l in &links[fixed..] {
        let same = |c: &Link| {
            c.url
                .trim_end_matches('/')
                .eq_ignore_ascii_case(l.url.trim_end_matches('/'))
        };
        if !out.iter().any(same) {
            out.push(l.clone());
        }
    }
    out
}

impl LinksBox {
    /// The links of the selected paper, or `None` (and why) when there is none.
    pub fn open(r: &mut Reader) -> Option<LinksBox> {
        let Some(p) = r.shown_paper() else {
            r.warn("No paper selected");
            return None;
        };
        let p = &*p;
        let links = with_code(paper_links(p), crate::code_links::code_urls(p));
        if links.is_empty() {
            let text = format!("Paper {} has no links", p.rank);
            r.warn(text);
            return None;
        }
        Some(LinksBox {
            paper: (p.rank, p.title.to_string()),
            links,
            cursor: ListCursor::default(),
        })
    }

    fn open_link(&self, r: &mut Reader, i: usize) -> Vec<Effect> {
        let Some(link) = self.links.get(i) else {
            return vec![];
        };
        if !allowed(r, "open", "link", &link.url) {
            return vec![];
        }
        r.tell(format!("Opening link {}: {}", i + 1, link.url));
        vec![Effect::OpenUrl {
            what: "link",
            url: link.url.clone(),
        }]
    }
}

impl Component for LinksBox {
    fn scope(&self) -> Scope {
        Scope::Links
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        let rows = layout::board_rows(&r.areas());
        match command {
            Command::Back => return Handled::close(),
            Command::Enter => {
                return Handled::close().with(self.open_link(r, self.cursor.selected));
            }
            Command::CopyUrl => {
                if let Some(link) = self.links.get(self.cursor.selected) {
                    let url = link.url.clone();
                    return Handled::close().with(copy(r, "link", url));
                }
            }
            other => {
                self.cursor.apply(other, self.links.len(), rows);
            }
        }
        self.cursor.fit(rows);
        Handled::stay()
    }

    /// A link's number opens it at once (1 to 9; the list shows more for choosing).
    fn digit(&mut self, r: &mut Reader, d: u8) -> Handled {
        match usize::from(d).checked_sub(1) {
            Some(i) if i < self.links.len() => Handled::close().with(self.open_link(r, i)),
            _ => Handled::stay(),
        }
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        Some((self.cursor, self.links.len(), 0))
    }

    /// The links are the paper's, wherever the new archive has it.
    fn keep_after_swap(&mut self, _r: &mut Reader) -> bool {
        true
    }

    fn area(&self, _r: &Reader, a: &Areas) -> Rect {
        layout::board_area(a)
    }

    fn hints(&self, km: &Keymap) -> String {
        let k = |c| km.hint(Scope::Links, c);
        hint_line(&[
            (k(Command::Enter), "or its number opens"),
            (k(Command::CopyUrl), "copies"),
        ])
    }
}
