use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::latex::prettify;
use crate::display::width::{pad, truncate, width};
use crate::tui::boxes::SimilarBox;
use crate::tui::core::app::App;

/// A similarity (0 to 1) as a bar of eighths, `cells` wide.
fn bar(similarity: f32, cells: usize) -> String {
    const PARTS: [&str; 8] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];
    let eighths = (similarity.clamp(0.0, 1.0) * (cells * 8) as f32).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        s.push_str(PARTS[eighths % 8 - 1]);
    }
    pad(&s, cells)
}

pub fn draw(frame: &mut Frame, app: &App, s: &SimilarBox, area: Rect, hint: String) {
    let title = truncate(
        &prettify(&s.title),
        (area.width as usize).saturating_sub(24),
    );
    let inner = super::frame::overlay_box(
        frame,
        app,
        area,
        format!(" Similar to {title} ({}) ", s.papers.len()),
        hint,
    );
    let w = inner.width as usize;
    let lines: Vec<Line> = s
        .papers
        .iter()
        .enumerate()
        .skip(s.cursor.offset)
        .take(inner.height as usize)
        .map(|(i, (r, similarity))| {
            let day = &app.archive.days[r.day];
            let p = &day.papers[r.paper];
            let head = format!(
                "{}{} #{:<2} ♺{:>5} ♥{:>5} {} ",
                super::frame::marks(app, p),
                day.date,
                p.rank,
                p.retweets,
                p.favorites,
                bar(*similarity, 5)
            );
            let text = format!(
                "{head}{}",
                pad(&prettify(&p.title), w.saturating_sub(width(&head)))
            );
            let style = super::frame::box_row_style(app, i == s.cursor.selected);
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn a_bar_is_as_long_as_the_similarity() {
        assert_eq!(bar(1.0, 5), "█████");
        assert_eq!(bar(0.5, 4), "██  ");
        assert_eq!(bar(0.0, 3), "   ");
        assert_eq!(bar(0.1, 5), "▌    ");
        assert_eq!(bar(7.0, 2), "██", "clamped");
    }
}
