//! Shared helpers for the reader's state and snapshot tests.
#![allow(dead_code)]

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hotpapers::archive::{Archive, parse_post};
use hotpapers::tui::App;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::update;
use hotpapers::tui::{Effect, Event};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A post in the digest format, built from (title, abs url, tweets html) triples.
pub fn post(date: &str, papers: &[(&str, &str, &str)]) -> String {
    let mut s = format!(
        "---\ntitle: Hot Papers {date}\ndate: {date}T09:00:00.Z\nslug: \"hot-papers-{date}\"\n---\n\n"
    );
    for (i, (title, abs, tweets)) in papers.iter().enumerate() {
        s.push_str(&format!(
            "# {}. {title}\n\nAlice Example, Bob Placeholder\n\n- retweets: {}, favorites: {} (01/01/2024 00:00:00)\n\n- links: [abs]({abs}) | [pdf](https://arxiv.org/pdf/2401.0000{i})\n- [cs.LG](https://arxiv.org/list/cs.LG/recent) | [cs.CL](https://arxiv.org/list/cs.CL/recent)\n\nAn abstract for paper {} that is long enough to wrap across more than one line of a narrow pane, so scrolling has something to do.\n\n{tweets}\n\n\n\n",
            i + 1,
            100 - i * 10,
            200 - i * 15,
            i + 1
        ));
    }
    s
}

pub fn tweet(author: &str, handle: &str, id: u64, text: &str) -> String {
    format!(
        "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">{text}</p>&mdash; {author} (@{handle}) <a href=\"https://twitter.com/{handle}/status/{id}?ref_src=twsrc%5Etfw\">January 2, 2024</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n\n"
    )
}

/// An archive from (file name, contents) pairs.
pub fn archive(posts: &[(&str, String)]) -> Archive {
    Archive::assemble(
        posts
            .iter()
            .map(|(name, text)| parse_post(Path::new(name), name, text.as_bytes()))
            .collect(),
    )
}

/// A small archive of three days with controlled content.
pub fn fixture() -> Archive {
    let t1 = tweet("Ann Example", "ann_example", 101, "First tweet about it");
    let t2 = tweet(
        "日本 太郎",
        "nihon_taro",
        102,
        "日本語のツイートです。とても面白い論文でした🎉🚀 長い説明がここに続きます。",
    );
    let day3 = post(
        "2024-01-05",
        &[
            (
                "A Very Long Title About Transformers That Keeps Going and Going Well Past the Width of Any Reasonable Narrow Terminal Pane",
                "https://arxiv.org/abs/2401.00001",
                &(t1.clone() + &t2),
            ),
            (
                "Second Paper with $\\alpha$-divergence and 5\\% gains",
                "https://arxiv.org/abs/2401.00002",
                "",
            ),
            ("Unsafe Link Paper", "javascript:alert(1)", &t1),
        ],
    );
    archive(&[
        (
            "2024-01-02---Hot-Papers.md",
            post(
                "2024-01-02",
                &[("Early Paper", "https://arxiv.org/abs/2401.00010", &t1)],
            ),
        ),
        (
            "2024-01-03---Hot-Papers.md",
            "---\ntitle: Hot Papers 2024-01-03\ndate: 2024-01-04T09:00:00.Z\n---\n".to_string(),
        ),
        ("2024-01-05---Hot-Papers.md", day3),
    ])
}

pub fn app_with(archive: Archive, w: u16, h: u16) -> App {
    let mut app = App::new(archive, Theme::plain());
    update(&mut app, Event::Resize(w, h));
    app
}

/// Renders the app on a test terminal of its current size.
pub fn render(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.size().0, app.size().1)).unwrap();
    t.draw(|f| hotpapers::tui::view::draw(f, app)).unwrap();
    t.backend().to_string()
}

/// Hands the app these commands or events, one by one, as the runtime would.
pub fn act<E: Into<Event> + Clone>(app: &mut App, events: &[E]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for e in events {
        effects.extend(update(app, e.clone().into()));
        // As the runtime does before each frame.
        effects.extend(update(app, Event::Settle));
    }
    effects
}

/// A key as a terminal sends it: `"j"`, `"G"`, `"ctrl-c"`, `"esc"`, `"enter"`, `"f5"`, `"alt-x"`.
pub fn key_event(name: &str) -> KeyEvent {
    let (mut mods, mut rest) = (KeyModifiers::NONE, name);
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "esc" => KeyCode::Esc,
        "enter" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        f if f.len() > 1 && f.starts_with('f') => KeyCode::F(f[1..].parse().unwrap()),
        c => {
            let mut chars = c.chars();
            let ch = chars.next().expect("a key");
            assert!(chars.next().is_none(), "unknown key {name}");
            if ch.is_uppercase() {
                mods |= KeyModifiers::SHIFT;
            }
            KeyCode::Char(ch)
        }
    };
    KeyEvent::new(code, mods)
}

/// Presses keys as a person does: each goes through the real translation of terminal input
/// with the app's keys and the scope open at the time.
pub fn press(app: &mut App, keys: &[&str]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for k in keys {
        let ev = hotpapers::tui::input::translate(
            &crossterm::event::Event::Key(key_event(k)),
            app.keymap(),
            app.scope(),
            true,
        );
        if let Some(ev) = ev {
            effects.extend(update(app, ev));
            effects.extend(update(app, Event::Settle));
        }
    }
    effects
}

/// Hands the app its search index, as the background indexer does.
pub fn indexed(mut app: App) -> App {
    indexed_again(&mut app);
    app
}

/// Hands the app a fresh index of the archive it has, and then its people, as after a change
/// the runtime indexes.
pub fn indexed_again(app: &mut App) {
    let handle = hotpapers::tui::core::handles::IndexHandle::build(app.archive());
    update(app, Event::IndexReady(handle));
    counted(app);
}

/// Hands the app who tweeted about what, as the background work after the index does.
pub fn counted(app: &mut App) {
    let listings = std::sync::Arc::clone(app.listings());
    let handle = hotpapers::tui::core::handles::PeopleHandle::build(app.archive(), listings);
    update(app, Event::PeopleReady(handle));
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Event::Text(c));
        update(app, Event::Settle);
    }
}
