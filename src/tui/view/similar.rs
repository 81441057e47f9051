use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::latex::prettify;
use crate::display::width::{pad, truncate, width};
use crate::similar::Method;
use crate::tui::boxes::{Picked, SimilarBox};
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
    let n = s.papers.len();
    let title = match &s.picked {
        Picked::Like(t) => {
            let t = truncate(&prettify(t), (area.width as usize).saturating_sub(24));
            format!(" Similar to {t} ({n}) ")
        }
        Picked::ForYou(m) => format!(" For you ({n}) · {} ", how(m)),
    };
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
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
                pad(
                    &super::frame::list_title(app, p),
                    w.saturating_sub(width(&head))
                )
            );
            let style = super::frame::box_row_style(app, i == s.cursor.selected);
            Line::from(Span::styled(text, style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How the papers for you were ranked, for the title.
fn how(m: &Method) -> String {
    let papers = |n: usize| crate::display::words::count(n, "paper", "papers");
    match *m {
        Method::Nothing => "nothing to go on".to_string(),
        Method::Centroid { positives, .. } => {
            format!("like your {} (their centroid)", papers(positives))
        }
        Method::Logistic { positives, .. } => format!("a model of your {}", papers(positives)),
    }
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
