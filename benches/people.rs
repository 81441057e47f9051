//! The people who tweet: what the People box (`P`) and `hotpapers tweeters` cost, on the
//! archive in `HOTPAPERS_BENCH_ARCHIVE` (else the bundled sample). The target is that
//! both open within 50 ms at 330,000 papers.
//!
//! `HOTPAPERS_BENCH_DISTINCT=1` makes every listing a paper of its own (its key gets its day),
//! for archives made by repeating posts (`examples/gen_archive.rs`), whose copies repeat arXiv
//! ids: real digests rarely list a paper twice (3 of the test corpus's 1,149 papers).
//!
//! Groups:
//! * `people_build`: the listings index (the reader makes it for the paper pane anyway), then
//!   People from it: the reader does this in the background after the search index.
//! * `people_box`: opening the box once People is built, for each window ending at the newest
//!   day (week, month, year, all time): the ranking with your starred papers marked, through
//!   the reader's own `update`, then a frame drawn.
//! * `tweeters`: the command's work after loading, all of it: the ranking of all time (as the
//!   command does without `--since`/`--until`) straight from the archive, `People::ranked_in`;
//!   the same through the listings and People, as the command did before and the reader
//!   does; and ranking a built People alone.

use std::sync::Arc;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use hotpapers::archive::Archive;
use hotpapers::search::{Listings, People};
use hotpapers::tui::core::handles::PeopleHandle;
use hotpapers::tui::core::window::Window;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::{App, Command, Event, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

fn archive() -> Archive {
    common::bench_archive().0
}

fn people(c: &mut Criterion) {
    let started = Instant::now();
    let archive = Arc::new(archive());
    let loaded = started.elapsed();
    let started = Instant::now();
    let listings = Arc::new(Listings::build(&archive));
    let indexed = started.elapsed();
    let started = Instant::now();
    let people = People::build_with(&archive, Arc::clone(&listings));
    let counted = started.elapsed();
    let tweets: usize = archive
        .days
        .iter()
        .flat_map(|d| &d.papers)
        .map(|p| p.tweets.len())
        .sum();
    eprintln!(
        "{} listings of {} papers, {tweets} tweets, {} accounts (loaded in {:.1} s); \
         listings built in {indexed:.0?} ({:.1} MiB), people in {counted:.0?}",
        archive.paper_count(),
        listings.len(),
        people.len(),
        loaded.as_secs_f64(),
        listings.heap_bytes() as f64 / (1 << 20) as f64,
    );

    let mut group = c.benchmark_group("people_build");
    group.sample_size(10);
    group.bench_function("listings", |b| b.iter(|| Listings::build(&archive)));
    group.bench_function("people from the listings", |b| {
        b.iter(|| People::build_with(&archive, Arc::clone(&listings)))
    });
    group.finish();

    // The reader at 140x40 on the newest day, People counted, ten papers starred (their share
    // is what the box's last column shows).
    let mut app = App::new(Arc::clone(&archive), Theme::plain());
    update(&mut app, Event::Resize(140, 40));
    let handle = PeopleHandle::build(&archive, Arc::clone(app.listings()));
    update(&mut app, Event::PeopleReady(handle));
    for _ in 0..10 {
        update(&mut app, Event::Command(Command::Star));
        update(&mut app, Event::Command(Command::Down));
    }
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).unwrap();
    let mut group = c.benchmark_group("people_box");
    group.sample_size(10);
    let last = archive.days.last().map(|d| d.date);
    for window in [Window::Week, Window::Month, Window::Year, Window::All] {
        let (since, until) = window.span(last);
        let shown = people.ranked(since, until).len();
        group.bench_function(format!("rank {} ({shown} accounts)", window.name()), |b| {
            b.iter(|| people.ranked_marking(since, until, app.starred_keys().keys()))
        });
    }
    // Opening the box as a key does: P (a month, as the leaderboard starts), then w three
    // times round to a month again, each ranked; a frame drawn after each.
    group.bench_function("P, w, w, w, w and Esc, each drawn", |b| {
        b.iter(|| {
            for command in [
                Command::People,
                Command::CycleWindow,
                Command::CycleWindow,
                Command::CycleWindow,
                Command::CycleWindow,
                Command::Back,
            ] {
                update(&mut app, Event::Command(command));
                terminal.draw(|f| view::draw(f, &app)).unwrap();
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("tweeters");
    group.sample_size(10);
    group.bench_function("after load: rank all time from the archive", |b| {
        b.iter(|| {
            People::ranked_in(&archive, None, None)
                .into_iter()
                .take(20)
                .count()
        })
    });
    group.bench_function("after load: listings, people, rank all time", |b| {
        b.iter(|| {
            let people = People::build(&archive);
            people.ranked(None, None).into_iter().take(20).count()
        })
    });
    group.bench_function("rank all time", |b| b.iter(|| people.ranked(None, None)));
    group.finish();
}

criterion_group!(benches, people);
criterion_main!(benches);
