//! Any text through the paper pane, as the reader shows it: cleaned like every loaded field, put
//! into papers, measured and wrapped (`tui::core::measure`, `display::width`), drawn by the
//! reader's view and settled (`tui::view::settle`), and written as the reader writes it (the
//! crossterm backend's bytes) into a terminal model (`vt100`).
//!
//! Nothing may panic; no wrapped line of the pane is wider than its width from 2 columns on (1
//! column cannot hold a wide character), and every cluster of it is as wide to ratatui as to a
//! terminal (`display::cells::agrees`); and every frame, drawn as the reader draws it (only the
//! cells that changed since the last, a different one) and as a full repaint, reads back the
//! same in the model, and what the frame's cells hold.
//!
//! The input: a byte for the terminal's width, one for its height, then UTF-8 text (invalid
//! bytes read as U+FFFD). The text is cut at U+0003 into papers and a search (typed, so the
//! pane underlines its matches), the papers part at U+0002 into up to two papers, each at U+0001
//! into title, authors (`;` between), categories (`;` between), abstract, the tweets' author and
//! then each tweet; every field cleaned as the loader cleans it (white space collapsed but in a
//! tweet). The first paper shown is a full one of plain text, so that the next frame is drawn
//! over a screen full of cells.
#![no_main]

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use hotpapers::archive::text::{collapse_ws, sanitize};
use hotpapers::archive::{Archive, Day, Name, Paper, PaperInfo, PaperKey, Tweet};
use hotpapers::display::cells::{agrees, cluster_width};
use hotpapers::display::width::width;
use hotpapers::tui::core::measure::{DetailText, Listed, Mine, Part, detail_text};
use hotpapers::tui::theme::Theme;
use hotpapers::tui::{App, Command, Event, update, view};
use libfuzzer_sys::fuzz_target;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use unicode_segmentation::UnicodeSegmentation;

/// A field as the loader leaves it: its control and bidi characters removed.
fn clean(s: &str) -> String {
    sanitize(s).into_owned()
}

/// A one-line field (a title, a name, an abstract) as the loader leaves it: white space
/// collapsed, then cleaned.
fn one_line(s: &str) -> String {
    clean(&collapse_ws(s))
}

fn list(s: &str) -> Vec<Name> {
    s.split(';')
        .map(one_line)
        .filter(|x| !x.is_empty())
        .map(Name::from)
        .collect()
}

fn paper(rank: u32, text: &str) -> Paper {
    let f: Vec<&str> = text.split('\u{1}').collect();
    let get = |n: usize| f.get(n).copied().unwrap_or("");
    let title = one_line(get(0));
    let author = one_line(get(4));
    let tweets: Vec<Tweet> = f
        .iter()
        .skip(5)
        .take(4)
        .enumerate()
        .map(|(i, t)| Tweet {
            author: author.as_str().into(),
            handle: author.replace(' ', "_").into(),
            url: format!("https://twitter.com/fuzz/status/{i}").into(),
            date: "March 1, 2024".into(),
            lang: "en".into(),
            text: clean(t),
        })
        .collect();
    Paper {
        rank,
        retweets: 12,
        favorites: 345,
        line: 1,
        info: std::sync::Arc::new(PaperInfo {
            key: PaperKey::of(None, &format!("{rank} {title}")),
            texts: Default::default(),
            title: title.into(),
            authors: list(get(1)).into(),
            arxiv_id: None,
            abs: Default::default(),
            pdf: Default::default(),
            categories: list(get(2)).into(),
            abstract_text: one_line(get(3)),
            tweets: tweets.into(),
        }),
    }
}

/// A paper whose pane is full of plain text: what the fuzzed papers are drawn over.
fn filler() -> Paper {
    let word = |i: usize| ["lorem", "ipsum", "dolor", "sit", "amet"][i % 5];
    let text = (0..800).map(word).collect::<Vec<_>>().join(" ");
    let mut p = paper(1, "");
    p.title = text[..300].into();
    p.authors = [text[..40].into(), text[40..90].into()].into();
    p.categories = ["cs.XX".into(), text[..60].into()].into();
    p.abstract_text = text;
    p
}

/// Checks the pane's lines wrapped at `max` columns.
fn check_lines(d: &DetailText, max: usize) {
    for i in 0..d.len() {
        let line = d.line(i).expect("a line below len");
        // These are wrapped; the others (counts, headings) are short or cut by the pane's edge.
        let wrapped = line.part.field().is_some() || line.part == Part::Tags;
        let w = width(line.text);
        if wrapped && max >= 2 {
            assert!(w <= max, "line {i} {line:?} is {w} columns, over {max}");
        }
        for g in line.text.graphemes(true) {
            assert!(
                agrees(g),
                "line {i} {line:?}: cluster {g:?} is measured apart"
            );
        }
    }
}

/// Where the backend writes: the bytes are taken from it after each frame.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What the reader writes, drawn into a terminal model.
struct Model {
    term: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
    screen: vt100::Parser,
}

impl Model {
    fn new(w: u16, h: u16) -> Model {
        let sink = Sink::default();
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        let backend = CrosstermBackend::new(sink.clone());
        let term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        Model {
            term,
            sink,
            screen: vt100::Parser::new(h, w, 0),
        }
    }

    /// Draws a frame as the reader does (only what changed since the last) into the model, and
    /// returns the frame.
    fn draw(&mut self, app: &App) -> Buffer {
        let frame = self.term.draw(|f| view::draw(f, app)).unwrap();
        let buf = frame.buffer.clone();
        self.take();
        buf
    }

    /// Writes what was drawn to the model.
    fn take(&mut self) {
        let bytes = std::mem::take(&mut *self.sink.0.borrow_mut());
        self.screen.process(&stand_in(&bytes));
    }

    /// The model's rows.
    fn rows(&self) -> Vec<String> {
        let (_, cols) = self.screen.screen().size();
        self.screen
            .screen()
            .rows(0, cols)
            .map(|r| r.trim_end().to_string())
            .collect()
    }
}

/// `buf` drawn whole on a blank screen, as a fresh start of the reader draws it.
fn repaint(buf: &Buffer) -> Vec<String> {
    let mut m = Model::new(buf.area.width, buf.area.height);
    let blank = Buffer::empty(buf.area);
    let backend = m.term.backend_mut();
    backend.draw(blank.diff(buf).into_iter()).unwrap();
    Backend::flush(backend).unwrap();
    m.take();
    m.rows()
}

/// The text of a frame's cells, row by row, as ratatui holds them.
fn cells(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(&symbol.replace('\u{fffd}', "?"));
                x += cluster_width(symbol).max(1) as u16;
            }
            row.trim_end().to_string()
        })
        .collect()
}

/// The bytes with U+FFFD as `?`: terminals draw it in one column, as `?` is, but `vt100` takes
/// it for a decoding error and draws nothing (and the loader puts it where a post's bytes were
/// not UTF-8).
fn stand_in(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some((&b, tail)) = rest.split_first() {
        if let Some(after) = rest.strip_prefix("\u{fffd}".as_bytes()) {
            out.push(b'?');
            rest = after;
        } else {
            out.push(b);
            rest = tail;
        }
    }
    out
}

fn same(a: &[String], b: &[String], what: &str) {
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert_eq!(x, y, "{what}: row {i} differs");
    }
}

fuzz_target!(|data: &[u8]| {
    let [wb, hb, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (papers_part, query) = text.split_once('\u{3}').unwrap_or((&text, ""));
    let mut papers = vec![filler()];
    for (i, p) in papers_part.split('\u{2}').take(2).enumerate() {
        papers.push(paper(i as u32 + 2, p));
    }
    for p in &papers[1..] {
        let max = usize::from(*wb);
        check_lines(
            &detail_text(p, max, &Listed::default(), Mine::default()),
            max,
        );
    }

    // The reader at a size its layout draws panes at (30x8 and more).
    let (w, h) = (30 + u16::from(*wb) % 171, 8 + u16::from(*hb) % 43);
    let day = Day {
        date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        title: "Hot Papers 2024-03-01".into(),
        file: "2024-03-01---Hot-Papers.md".into(),
        published: None,
        papers,
    };
    let archive = Archive {
        days: vec![std::sync::Arc::new(day)],
        ..Archive::default()
    };
    let mut app = App::new(archive, Theme::color());
    update(&mut app, Event::Resize(w, h));
    let mut screen = Model::new(w, h);
    screen.draw(&app);
    let query = clean(query);
    // A frame after each step.
    let mut steps: Vec<Vec<Event>> = vec![
        // The first fuzzed paper over the filler, in the list and then alone in its pane, and
        // a page on.
        vec![Command::Down.into()],
        vec![Command::Enter.into()],
        vec![Command::PageDown.into()],
        // The second, then the filler over it.
        vec![Command::NextPaper.into()],
        vec![Command::PrevPaper.into(), Command::PrevPaper.into()],
    ];
    if !query.is_empty() {
        // The first again, with the search typed (the pane underlines its matches), and with
        // the box closed.
        steps.push(vec![
            Command::NextPaper.into(),
            Command::Search.into(),
            Event::Paste(query),
        ]);
        steps.push(vec![Command::Close.into()]);
    }
    for (n, events) in steps.into_iter().enumerate() {
        for e in events {
            update(&mut app, e);
        }
        update(&mut app, Event::Settle);
        let frame = screen.draw(&app);
        if let Some(d) = app.detail() {
            check_lines(&d, app.detail_width());
        }
        let fresh = repaint(&frame);
        same(
            &screen.rows(),
            &fresh,
            &format!("step {n}: drawn over the last frame"),
        );
        same(
            &fresh,
            &cells(&frame),
            &format!("step {n}: a repaint against the cells"),
        );
    }
});
