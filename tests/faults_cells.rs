//! Text that terminals and ratatui measure apart (issue 16, item 8): zero-width characters,
//! emoji ZWJ sequences, skin tones, flags, variation selectors, halfwidth sound marks and
//! Devanagari conjuncts. Where a terminal advances a different number of columns than ratatui
//! laid a cell out in, ratatui's next frame, which writes only the cells it believes changed,
//! leaves cells of the last one behind. So the frames are drawn as the reader draws them (the
//! crossterm backend's bytes) into a terminal model (`vt100`), and after every move between
//! papers the screen must be what a full repaint of the same frame gives, and that what the
//! frame holds; then the same in the real binary in a pseudo-terminal.

#![cfg(unix)]

#[allow(dead_code)] // not every shared helper is used here
mod faults_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
use faults_support::{Paper, arg, folder, paper, post, quit, start_at, tweet};
use hotpapers::archive::{Archive, parse_post};
use hotpapers::tui::theme::Theme;
use hotpapers::tui::{App, Event, update, view};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};

/// The cases of the issue, each with plain text around it, so that a paper's lines hold them at
/// several columns.
const CASES: &[&str] = &[
    "zero\u{200b}width space, joiner a\u{200d}b, word\u{2060}joiner and \u{feff}BOM",
    "family 👨\u{200d}👩\u{200d}👧\u{200d}👦 and coder 👩\u{200d}💻 and rainbow 🏳\u{fe0f}\u{200d}🌈",
    "thumbs 👍🏽 wave 👋🏿 hands 🙌🏻 ok",
    "flags 🇫🇷🇯🇵🇺🇳 and half a flag 🇦 then text",
    "conjuncts क्षत्रिय संस्कृत नमस्ते and श्री",
    "selectors ❤\u{fe0f} ⚠\u{fe0f} 5\u{fe0f}\u{20e3} #\u{fe0f}\u{20e3} and ☺\u{fe0e}",
    "halfwidth ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ and soft\u{ad}hyphen",
    "tags 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} and marks \u{301}alone",
];

/// One paper per case, the case in its title, authors, category, abstract and tweet.
fn papers() -> Vec<Paper> {
    CASES
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let id = format!("2402.{:05}", 100 + i);
            let mut p = paper(
                &id,
                &format!("Paper {i}: {case}"),
                &format!("{case}. {case} again, and {case}."),
            );
            p.authors = format!("Ada {case}, Bo Example");
            let start: String = case.chars().skip(5).take(6).collect();
            p.categories = vec![format!("cs.CV{start}"), "cs.LG".into()];
            p.tweets = vec![tweet(
                &format!("Tw {case}"),
                "fixture",
                &format!("https://twitter.com/fixture/status/{}", 500 + i),
                &format!("tweet: {case}"),
            )];
            p
        })
        .collect()
}

fn the_post() -> String {
    post("Hot Papers 2024-02-01", "2024-02-01", &papers())
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

/// What the reader writes drawn into a terminal model.
struct Model {
    term: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
    /// Everything written so far.
    written: Vec<u8>,
    screen: vt100::Parser,
}

impl Model {
    fn new(w: u16, h: u16) -> Model {
        let sink = Sink::default();
        let backend = CrosstermBackend::new(sink.clone());
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        let term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        Model {
            term,
            sink,
            written: Vec::new(),
            screen: vt100::Parser::new(h, w, 0),
        }
    }

    /// Draws a frame (only what changed since the last, as the reader does) into the model.
    /// Returns the frame's own text, each row's cells as ratatui holds them.
    fn draw(&mut self, app: &App) -> Vec<String> {
        let frame = self.term.draw(|f| view::draw(f, app)).unwrap();
        let buf = frame.buffer;
        let rows = (0..buf.area.height)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < buf.area.width {
                    let symbol = buf[(x, y)].symbol();
                    row.push_str(symbol);
                    x += hotpapers::display::cells::cluster_width(symbol).max(1) as u16;
                }
                row.trim_end().to_string()
            })
            .collect();
        let bytes = std::mem::take(&mut *self.sink.0.borrow_mut());
        self.screen.process(&bytes);
        self.written.extend(bytes);
        rows
    }

    fn rows(&self) -> Vec<String> {
        let (_, cols) = self.screen.screen().size();
        self.screen
            .screen()
            .rows(0, cols)
            .map(|r| r.trim_end().to_string())
            .collect()
    }
}

/// Fails with the rows that differ.
fn same(a: &[String], b: &[String], what: impl Fn() -> String) {
    let differ: Vec<String> = a
        .iter()
        .zip(b)
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, (x, y))| format!("row {i}:\n  {x:?}\n  {y:?}"))
        .collect();
    assert!(differ.is_empty(), "{}:\n{}", what(), differ.join("\n"));
}

fn key(app: &mut App, c: char) {
    let ev = TermEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    if let Some(ev) = hotpapers::tui::input::translate(&ev, app.keymap(), app.scope(), true) {
        update(app, ev);
    }
}

fn app(w: u16, h: u16) -> App {
    let text = the_post();
    let name = "2024-02-01---Hot-Papers.md";
    let archive = Archive::assemble(vec![parse_post(Path::new(name), name, text.as_bytes())]);
    let mut app = App::new(archive, Theme::plain());
    update(&mut app, Event::Resize(w, h));
    app
}

#[test]
fn moving_between_papers_draws_what_a_full_repaint_draws() {
    // Wide (three panes) and narrow (the paper pane alone, reached with Enter... here with l).
    for (w, h, keys) in [
        (120, 35, "jjjjjjjkkkkkkjkjjjkk"),
        (100, 30, "jkjjjjjjjkkkkkkkjj"),
        (60, 24, "ljjjjjhjljkkkkhjl"),
    ] {
        let mut app = app(w, h);
        let mut incremental = Model::new(w, h);
        incremental.draw(&app);
        for (step, c) in keys.char_indices() {
            key(&mut app, c);
            let frame = incremental.draw(&app);
            let mut fresh = Model::new(w, h);
            fresh.draw(&app);
            let after = &keys[..=step];
            same(&incremental.rows(), &fresh.rows(), || {
                format!("at {w}x{h}, after {after:?}, the screen kept cells of an earlier frame")
            });
            same(&fresh.rows(), &frame, || {
                format!(
                    "at {w}x{h}, after {after:?}, a terminal draws the frame apart from its cells"
                )
            });
        }
    }
}

#[test]
fn no_zero_width_or_joining_character_reaches_the_terminal() {
    let mut app = app(120, 35);
    let mut m = Model::new(120, 35);
    m.draw(&app);
    for _ in 0..CASES.len() {
        key(&mut app, 'j');
        m.draw(&app);
    }
    let text = String::from_utf8_lossy(&m.written);
    for bad in [
        '\u{200b}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{fe0f}', '\u{ad}',
    ] {
        assert!(!text.contains(bad), "{bad:?} was written");
    }
    // The words around them are all there, and flags are their letters.
    let screen = m.rows().join("\n");
    assert!(screen.contains("FRJPUN"), "{screen}");
}

// ---------------------------------------------------------------------------------------------
// The real binary

#[test]
fn in_a_terminal_moving_back_and_forth_leaves_no_stale_cells() {
    let dir = folder(&[("2024-02-01---Hot-Papers.md", the_post())]);
    let cmd = || pty::hotpapers(&[arg(dir.path())]);
    let mut s = start_at(cmd(), pty::COLS, pty::ROWS, "q quit");
    // Down through every paper and back up to the first: each frame is drawn over the last.
    let n = CASES.len();
    s.send("j".repeat(n - 1));
    s.wait_text(&format!(" Paper {n} · "));
    s.send("k".repeat(n - 1));
    s.wait_text(" Paper 1 · ");
    let fresh = start_at(cmd(), pty::COLS, pty::ROWS, " Paper 1 · ");
    let text = |s: &pty::Session| {
        s.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Both are polled: either may still be finishing its own drawing.
    faults_support::wait_until("the same screen as a fresh start", || {
        text(&s) == text(&fresh)
    });
    quit(fresh);
    quit(s);
}
