//! The top-level Markdown blocks of a post's body as pulldown-cmark finds them, each with its
//! source range, and for a list its items' text and links.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What a block is, as far as reading papers goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading1,
    Paragraph,
    List,
    Html,
    Other,
}

/// A top-level block: its kind, its source range, and for a list its items.
#[derive(Debug, PartialEq, Eq)]
pub struct Block<'a> {
    pub kind: Kind,
    pub range: Range<usize>,
    pub items: Vec<Item<'a>>,
}

/// An item of a top-level list. Its strings borrow from the body where they can.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Item<'a> {
    pub range: Range<usize>,
    /// The item's text without its markup, breaks as spaces.
    pub text: Cow<'a, str>,
    /// (label, destination) of each link in the item.
    pub links: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

/// The top-level blocks of the body as pulldown-cmark finds them, with list items and their
/// links, for any Markdown (`body::blocks` reads the simple Markdown of real posts without it).
pub fn markdown_blocks(body: &str) -> Vec<Block<'_>> {
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    let mut item: Option<Item> = None;
    let mut link: Option<(String, String)> = None;
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match &tag {
                        Tag::Heading {
                            level: HeadingLevel::H1,
                            ..
                        } => Kind::Heading1,
                        Tag::Paragraph => Kind::Paragraph,
                        Tag::List(_) => Kind::List,
                        Tag::HtmlBlock => Kind::Html,
                        _ => Kind::Other,
                    };
                    out.push(Block {
                        kind,
                        range: range.clone(),
                        items: Vec::new(),
                    });
                } else if depth == 1
                    && matches!(tag, Tag::Item)
                    && out.last().is_some_and(|b| b.kind == Kind::List)
                {
                    item = Some(Item {
                        range: range.clone(),
                        ..Item::default()
                    });
                }
                if let Tag::Link { dest_url, .. } = &tag {
                    link = Some((String::new(), String::from(&**dest_url)));
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if matches!(end, TagEnd::Link) {
                    if let (Some((label, url)), Some(it)) = (link.take(), item.as_mut()) {
                        it.links.push((label.into(), url.into()));
                    }
                }
                if depth == 1 && matches!(end, TagEnd::Item) {
                    if let (Some(it), Some(list)) = (item.take(), out.last_mut()) {
                        list.items.push(it);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(l) = link.as_mut() {
                    l.0.push_str(&t);
                }
                if let Some(it) = item.as_mut() {
                    it.text.to_mut().push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(it) = item.as_mut() {
                    it.text.to_mut().push(' ');
                }
            }
            Event::Html(_) | Event::Rule if depth == 0 => {
                let kind = if matches!(event, Event::Html(_)) {
                    Kind::Html
                } else {
                    Kind::Other
                };
                out.push(Block {
                    kind,
                    range,
                    items: Vec::new(),
                });
            }
            _ => {}
        }
    }
    out
}
