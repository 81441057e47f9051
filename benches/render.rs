//! Rendering speed: one frame of the reader on the bundled sample, drawn on ratatui's
//! TestBackend at 140x40 (three panes) and 80x24 (one pane), as the snapshot tests draw it.

use criterion::{Criterion, criterion_group, criterion_main};
use hotpapers::archive::Archive;
use hotpapers::tui::App;
use hotpapers::tui::Event;
use hotpapers::tui::theme::Theme;
use hotpapers::tui::update;
use hotpapers::tui::view;
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

criterion_group!(benches, frame);
criterion_main!(benches);
