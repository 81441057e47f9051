//! Rendering speed: one frame of the reader on the bundled sample, drawn on ratatui's
//! TestBackend at 140x40 (three panes) and 80x24 (one pane), as the snapshot tests draw it; and
//! the paper pane on papers as big as the loader's limits allow (issue 16): a post of 200
//! tweets of 60 KB (15 MB), and a 15 MB abstract, in plain words and in text that takes the
//! careful path of `display::cells::clean` (combining marks, Devanagari, CJK, emoji).
//!
//! And a list of 40 papers with 60 KB titles, a key in it.
//!
//! For each big paper: the first frame on it (the key onto it from the paper before, its text
//! wrapped, then drawn), a key in the pane (`j`, then `k`, each with its frame), and moving off
//! it in the list and back (two keys, each with its frame: the text is kept).

use std::path::Path;

use criterion::{BatchSize, Bencher, Criterion, criterion_group, criterion_main};
use hotpapers::archive::{Archive, parse_post};
use hotpapers::tui::command::Command;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::view;
use hotpapers::tui::{App, Event, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_frame");
    for (w, h) in [(140, 40), (80, 24)] {
        let mut app = App::new(Archive::sample(), Theme::plain());
        update(&mut app, Event::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        group.bench_function(format!("{w}x{h}"), |b| {
            b.iter(|| terminal.draw(|f| view::draw(f, &app)).unwrap().area)
        });
    }
    group.finish();
}

/// Words of a paper's text: plain, or each with something that needs the careful path.
fn words(unicode: bool) -> &'static [&'static str] {
    if unicode {
        &[
            "naïve",
            "e\u{301}tude",
            "क्षत्रिय",
            "日本語の",
            "👍🏽",
            "Fréchet",
            "モデル",
            "नमस्ते",
        ]
    } else {
        &[
            "we",
            "propose",
            "a",
            "transformer",
            "that",
            "learns",
            "representations",
            "of",
        ]
    }
}

/// About `bytes` of words, in lines of at most 60 KB (the loader cuts lines at 64 KiB).
fn text(bytes: usize, unicode: bool, sep: &str) -> String {
    let words = words(unicode);
    let mut out = String::with_capacity(bytes + 64);
    let mut line = 0;
    let mut i = 0;
    while out.len() < bytes {
        let w = words[i % words.len()];
        i += 7;
        out.push_str(w);
        line += w.len() + 1;
        if line > 60_000 {
            out.push_str(sep);
            line = 0;
        } else {
            out.push(' ');
        }
    }
    out
}

/// A post of two papers: a small one, then the big one (`abstract_bytes` of abstract and
/// `tweets` tweets of `tweet_bytes` each).
fn big_post(abstract_bytes: usize, tweets: usize, tweet_bytes: usize, unicode: bool) -> String {
    let mut s =
        "---\ntitle: Hot Papers 2024-01-05\ndate: 2024-01-05T09:00:00.Z\n---\n\n".to_string();
    for (rank, abs, n) in [(1, 200, 1), (2, abstract_bytes, tweets)] {
        s.push_str(&format!(
            "# {rank}. Paper {rank}\n\nAda Example, Bo Placeholder\n\n\
             - retweets: 10, favorites: 20 (01/01/2024 00:00:00)\n\n\
             - links: [abs](https://arxiv.org/abs/2401.0000{rank}) | [pdf](https://arxiv.org/pdf/2401.0000{rank})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n{}\n\n",
            text(abs, unicode, "\n")
        ));
        for t in 0..n {
            let bytes = if rank == 1 { 100 } else { tweet_bytes };
            s.push_str(&format!(
                "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{}</p>&mdash; \
                 Ann (@ann) <a href=\"https://twitter.com/ann/status/{t}?ref_src=twsrc%5Etfw\">\
                 January 2, 2024</a></blockquote>\n\n",
                text(bytes, unicode, "<br>")
            ));
        }
        s.push_str("\n\n");
    }
    s
}

/// One key with its frame an iteration, down and up in turn, so the reader stays where it is.
fn down_and_up(b: &mut Bencher, app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let mut down = true;
    b.iter(|| {
        let cmd = if down { Command::Down } else { Command::Up };
        down = !down;
        update(app, cmd.into());
        terminal.draw(|f| view::draw(f, app)).unwrap();
    })
}

/// The reader at 140x40 on the big paper of `archive`, the focus on the paper pane.
fn on_big_paper(archive: &std::sync::Arc<Archive>) -> App {
    let mut app = App::new(archive.clone(), Theme::plain());
    update(&mut app, Event::Resize(140, 40));
    update(&mut app, Command::Down.into());
    update(&mut app, Command::FocusRight.into());
    app
}

fn big_papers(c: &mut Criterion) {
    let mut group = c.benchmark_group("big_paper");
    group.sample_size(20);
    let cases = [
        ("tweets_200x60k", 2_000, 200, 60_000, false),
        ("abstract_15m", 15_000_000, 0, 0, false),
        ("tweets_200x60k_unicode", 2_000, 200, 60_000, true),
        ("abstract_15m_unicode", 15_000_000, 0, 0, true),
    ];
    for (name, abs, tweets, tweet_bytes, unicode) in cases {
        let text = big_post(abs, tweets, tweet_bytes, unicode);
        assert!(text.len() < 16 << 20, "{name} is over the file size limit");
        let file = "2024-01-05---Hot-Papers.md";
        let parsed = parse_post(Path::new(file), file, text.as_bytes());
        let archive = std::sync::Arc::new(Archive::assemble(vec![parsed]));
        let paper = &archive.days[0].papers[1];
        let size =
            paper.abstract_text.len() + paper.tweets.iter().map(|t| t.text.len()).sum::<usize>();
        assert!(
            size > 12_000_000,
            "{name}: the big paper holds only {size} bytes"
        );
        let mut terminal = Terminal::new(TestBackend::new(140, 40)).unwrap();

        // A fresh reader each time, on the small paper: the key onto the big one wraps it.
        group.bench_function(format!("{name}/first_frame"), |b| {
            b.iter_batched(
                || {
                    let mut app = App::new(archive.clone(), Theme::plain());
                    update(&mut app, Event::Resize(140, 40));
                    app
                },
                |mut app| {
                    update(&mut app, Command::Down.into());
                    terminal.draw(|f| view::draw(f, &app)).unwrap();
                    app
                },
                BatchSize::PerIteration,
            )
        });

        let mut app = on_big_paper(&archive);
        terminal.draw(|f| view::draw(f, &app)).unwrap();
        group.bench_function(format!("{name}/key_in_pane"), |b| {
            down_and_up(b, &mut app, &mut terminal)
        });

        // In the list: onto the big paper and off it again, a frame after each.
        update(&mut app, Command::FocusLeft.into());
        group.bench_function(format!("{name}/move_in_list"), |b| {
            b.iter(|| {
                for cmd in [Command::Up, Command::Down] {
                    update(&mut app, cmd.into());
                    terminal.draw(|f| view::draw(f, &app)).unwrap();
                }
            })
        });
    }
    group.finish();
}

/// A day of 40 papers whose titles are 60 KB each (the loader cuts lines at 64 KiB): every row
/// of the list truncates one each frame.
fn long_titles(c: &mut Criterion) {
    let mut group = c.benchmark_group("long_titles");
    for unicode in [false, true] {
        let mut s =
            "---\ntitle: Hot Papers 2024-01-05\ndate: 2024-01-05T09:00:00.Z\n---\n\n".to_string();
        for rank in 1..=40 {
            let title = text(60_000, unicode, " ");
            s.push_str(&format!(
                "# {rank}. {title}\n\nAda Example\n\n\
                 - retweets: 10, favorites: 20 (01/01/2024 00:00:00)\n\n\
                 - links: [abs](https://arxiv.org/abs/2401.{rank:05})\n\n\
                 - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\nAn abstract.\n\n\n"
            ));
        }
        let file = "2024-01-05---Hot-Papers.md";
        let archive = Archive::assemble(vec![parse_post(Path::new(file), file, s.as_bytes())]);
        assert_eq!(archive.days[0].papers.len(), 40);
        let mut app = App::new(archive, Theme::plain());
        update(&mut app, Event::Resize(140, 40));
        let mut terminal = Terminal::new(TestBackend::new(140, 40)).unwrap();
        terminal.draw(|f| view::draw(f, &app)).unwrap();
        let name = if unicode { "unicode" } else { "plain" };
        group.bench_function(format!("{name}/key_in_list"), |b| {
            down_and_up(b, &mut app, &mut terminal)
        });
    }
    group.finish();
}

criterion_group!(benches, frame, big_papers, long_titles);
criterion_main!(benches);
