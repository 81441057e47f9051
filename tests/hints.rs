//! Every key named on screen comes from the keymap: with every command of every scope bound to
//! other keys, no screen, box or message names a default key any more, and the new keys work.

mod support;

use std::collections::{BTreeSet, HashMap};

use hotpapers::archive::Archive;
use hotpapers::tui::bindings::{DEFAULTS, defaults};
use hotpapers::tui::key::Key;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::{App, Command, Event, Keymap, Scope};
use support::{act, archive, fixture, post, press, render};

/// Every command of every scope on keys no default uses: F1…F12, then Alt and a letter.
fn rebound() -> (Keymap, HashMap<(Scope, Command), String>) {
    let pool: Vec<String> = (1..=12)
        .map(|n| format!("f{n}"))
        .chain(('a'..='z').map(|c| format!("alt-{c}")))
        .chain(('A'..='Z').map(|c| format!("alt-{c}")))
        .collect();
    assert!(
        defaults(Scope::Reader).count() <= pool.len(),
        "a key for each"
    );
    let mut names = HashMap::new();
    let mut overrides = Vec::new();
    for scope in Scope::ALL {
        for (b, name) in defaults(scope).zip(&pool) {
            names.insert((scope, b.command), name.clone());
            overrides.push((scope, b.command, vec![Key::parse(name).unwrap()]));
        }
    }
    (Keymap::with(overrides), names)
}

/// How the defaults are written on screen.
fn default_labels() -> BTreeSet<String> {
    DEFAULTS
        .iter()
        .flat_map(|b| b.keys.iter().map(|k| k.label()))
        .collect()
}

/// The words of `text` that are written like a key: split at spaces, stripped of the
/// punctuation around them, and `j/k`-style pairs split.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| "·:,.()│┃╰╯─━┗┛└┘".contains(c));
        if word.is_empty() {
            continue;
        }
        if word.chars().count() > 1 && word.contains('/') {
            out.extend(word.split('/').filter(|w| !w.is_empty()).map(String::from));
        } else {
            out.push(word.to_string());
        }
    }
    out
}

/// Default key labels among the rows of a rendered screen.
fn stale(screen: &str, rows: &[usize]) -> Vec<String> {
    let defaults = default_labels();
    let lines: Vec<&str> = screen.lines().collect();
    rows.iter()
        .filter_map(|&r| lines.get(r))
        .flat_map(|l| tokens(l.trim_matches('"')))
        .filter(|t| defaults.contains(t))
        .collect()
}

/// The rows that hold hints: the status line and the footer; the paper list's message when
/// it has no rows; the open box's lower border and, for boxes whose text is all hints, the
/// box; everything on a screen too small for the panes.
fn hint_rows(app: &App) -> Vec<usize> {
    let h = app.size().1 as usize;
    let a = app.areas();
    if a.shape == hotpapers::tui::core::layout::Shape::TooSmall {
        return (0..h).collect();
    }
    let mut rows = vec![h - 2, h - 1];
    match app.open_box() {
        None if app.order().is_empty() => rows.push(a.papers.y as usize + 1),
        None => {}
        Some(open) => {
            let area = open.component().area(app, &a);
            rows.push((area.bottom() as usize).saturating_sub(1));
            // The lines a box writes itself: a prompt and what it says, or why a list is empty.
            // (The leaderboard's first line is its column heading, whose `#` is no key.)
            match open.scope() {
                Scope::Search | Scope::GoTo => {
                    rows.extend([area.y as usize + 1, area.y as usize + 2]);
                }
                Scope::Leaderboard => rows.push(area.y as usize + 2),
                _ => {}
            }
        }
    }
    rows
}

/// Days with papers, an empty day, and a day whose papers are all in other categories.
fn world() -> Archive {
    let mut a = fixture();
    let other = post(
        "2023-11-01",
        &[("Quantum Walks", "https://arxiv.org/abs/2311.00001", "")],
    )
    .replace("cs.LG](", "quant-ph](")
    .replace("cs.CL](", "physics.optics](");
    let mut days = archive(&[("2023-11-01---Hot-Papers.md", other)]).days;
    days.append(&mut a.days);
    a.days = days;
    a
}

struct Check {
    km: Keymap,
    names: HashMap<(Scope, Command), String>,
    seen: Vec<String>,
}

impl Check {
    /// With every key rebound, nothing seen yet.
    fn rebound() -> Check {
        let (km, names) = rebound();
        Check {
            km,
            names,
            seen: Vec::new(),
        }
    }

    /// Fails naming every default key seen.
    fn none_seen(&self) {
        assert!(
            self.seen.is_empty(),
            "default keys named:\n{}",
            self.seen.join("\n\n")
        );
    }

    fn key(&self, scope: Scope, c: Command) -> &str {
        &self.names[&(scope, c)]
    }

    fn app(&self, w: u16, h: u16) -> App {
        let mut app = App::with_keys(world(), Theme::plain(), self.km.clone());
        act(&mut app, &[Event::Resize(w, h)]);
        support::indexed(app)
    }

    fn press(&self, app: &mut App, keys: &[(Scope, Command)]) {
        for &(s, c) in keys {
            let k = self.key(s, c).to_string();
            press(app, &[k.as_str()]);
        }
    }

    /// Renders `app` and keeps what it shows of default keys, with where.
    fn look(&mut self, what: &str, app: &App) {
        let screen = render(app);
        for t in stale(&screen, &hint_rows(app)) {
            self.seen
                .push(format!("{what} at {:?}: {t}\n{screen}", app.size()));
        }
    }
}

#[test]
fn no_default_key_is_named_anywhere_once_every_key_is_rebound() {
    use Command as C;
    use Scope::*;
    let mut ck = Check::rebound();
    for (w, h) in [(140, 40), (80, 24)] {
        let mut app = ck.app(w, h);
        ck.look("start", &app);
        ck.press(&mut app, &[(Reader, C::NextResult)]);
        assert!(app.notice().unwrap().text.starts_with("No search results"));
        ck.look("no results", &app);
        ck.press(&mut app, &[(Reader, C::Enter), (Reader, C::NextTweet)]);
        assert!(
            app.notice()
                .unwrap()
                .text
                .starts_with("Tweet 2 of 2 marked")
        );
        ck.look("a tweet marked", &app);
        ck.press(&mut app, &[(Reader, C::Starred)]);
        assert!(app.notice().unwrap().text.starts_with("No starred papers"));
        ck.look("nothing starred", &app);
        ck.press(&mut app, &[(Reader, C::Back), (Reader, C::PrevDay)]);
        assert!(app.current_day().unwrap().papers.is_empty());
        ck.look("an empty day", &app);
        ck.press(&mut app, &[(Reader, C::Search)]);
        press(&mut app, &["t", "r"]);
        ck.look("the search box", &app);
        ck.press(&mut app, &[(Search, C::Enter)]);
        assert!(app.notice().unwrap().text.starts_with("Result 1 of"));
        ck.look("a result chosen", &app);
        ck.press(&mut app, &[(Reader, C::Star), (Reader, C::Starred)]);
        assert_eq!(app.scope(), Starred);
        ck.look("the starred list", &app);
        ck.press(&mut app, &[(Starred, C::Back), (Reader, C::Help)]);
        assert_eq!(app.scope(), Help);
        ck.look("the help", &app);
        ck.press(&mut app, &[(Help, C::Back), (Reader, C::Links)]);
        assert_eq!(app.scope(), Links);
        ck.look("the link list", &app);
        ck.press(&mut app, &[(Links, C::Back), (Reader, C::GoTo)]);
        press(&mut app, &["2", "0"]);
        assert_eq!(app.scope(), GoTo);
        ck.look("the go-to prompt", &app);
        ck.press(&mut app, &[(GoTo, C::Back), (Reader, C::FindTitle)]);
        press(&mut app, &["v"]);
        assert_eq!(app.scope(), Finder);
        ck.look("the title finder", &app);
        ck.press(&mut app, &[(Finder, C::Back), (Reader, C::ReadUpTo)]);
        assert_eq!(app.scope(), Confirm);
        ck.look("a question", &app);
        ck.press(&mut app, &[(Confirm, C::No), (Reader, C::ReadDay)]);
        assert!(app.notice().unwrap().text.contains("marked read ("));
        ck.look("a day marked read", &app);
        ck.press(&mut app, &[(Reader, C::UndoBulk), (Reader, C::Filter)]);
        assert_eq!(app.scope(), Categories);
        ck.look("the category filter", &app);
        // Only cs.LG, the most common: the oldest day's papers are all hidden.
        ck.press(
            &mut app,
            &[(Categories, C::ToggleCategory), (Categories, C::Enter)],
        );
        for _ in 0..3 {
            ck.press(&mut app, &[(Reader, C::PrevDay)]);
        }
        assert!(app.order().is_empty() && !app.current_day().unwrap().papers.is_empty());
        ck.look("a day the filter hides", &app);
        ck.press(&mut app, &[(Reader, C::Top)]);
        assert_eq!(app.scope(), Leaderboard);
        ck.look("an empty leaderboard", &app);
        ck.press(&mut app, &[(Leaderboard, C::Quit)]);
        assert!(app.quitting(), "the rebound keys work");
    }
    let mut app = ck.app(20, 6);
    ck.look("a terminal too small", &app);
    // The help's own rows name the keys in effect.
    for row in app.keymap().help_rows() {
        if let hotpapers::tui::keymap::HelpRow::Keys { keys, .. } = row {
            for t in tokens(&keys) {
                if default_labels().contains(&t) {
                    ck.seen.push(format!("help row {keys}"));
                }
            }
        }
    }
    act(&mut app, &[Event::Resize(140, 40)]);
    ck.none_seen();
}

#[test]
fn with_the_default_keys_the_same_screens_name_them() {
    // The check above can fail: by default the same rows name default keys.
    let mut app = App::new(world(), Theme::plain());
    act(&mut app, &[Event::Resize(140, 40)]);
    let found = stale(&render(&app), &hint_rows(&app));
    for k in ["q", "j", "k", "/", "?"] {
        assert!(found.iter().any(|f| f == k), "{k} not in {found:?}");
    }
    act(&mut app, &[Command::Top]);
    let found = stale(&render(&app), &hint_rows(&app));
    assert!(found.iter().any(|f| f == "w"), "{found:?}");
    act(&mut app, &[Event::Resize(20, 6)]);
    assert_eq!(stale(&render(&app), &hint_rows(&app)), ["q"]);
}

#[test]
fn no_default_key_is_named_on_the_trend_pictures_once_every_key_is_rebound() {
    use Command as C;
    use Scope::*;
    let mut ck = Check::rebound();
    for (w, h) in [(140, 40), (80, 24)] {
        let mut app = ck.app(w, h);
        ck.press(&mut app, &[(Reader, C::Search), (Search, C::Trend)]);
        assert!(app.notice().unwrap().text.starts_with("Type a query first"));
        ck.look("nothing to chart", &app);
        press(&mut app, &["t", "r"]);
        assert!(render(&app).contains("▲ peak"), "the sparkline");
        ck.look("the search box's sparkline", &app);
        ck.press(&mut app, &[(Search, C::Trend)]);
        assert_eq!(app.scope(), Trend);
        ck.look("the trend chart", &app);
        ck.press(&mut app, &[(Trend, C::CycleWindow), (Trend, C::Share)]);
        ck.look("the chart per year, as shares", &app);
        ck.press(&mut app, &[(Trend, C::Back), (Search, C::Back)]);
        ck.press(&mut app, &[(Reader, C::Filter), (Categories, C::Trend)]);
        assert_eq!(app.scope(), CategoryTrend);
        ck.look("the categories over time", &app);
        ck.press(&mut app, &[(CategoryTrend, C::CycleWindow)]);
        ck.look("the categories over time per year", &app);
        ck.press(&mut app, &[(CategoryTrend, C::Back)]);
        assert_eq!(app.scope(), Categories);
        ck.press(
            &mut app,
            &[(Categories, C::Trend), (CategoryTrend, C::Quit)],
        );
        assert!(app.quitting(), "the rebound keys work");
    }
    ck.none_seen();
}
