use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use crate::display::width::{pad, truncate};
use crate::tui::boxes::PeopleBox;
use crate::tui::core::app::App;

/// The accounts ranked by papers, as a table, or one account's papers.
pub fn draw(frame: &mut Frame, app: &App, b: &PeopleBox, area: Rect, hint: String) {
    if app.people.is_none() {
        let title = " People · counting… ".to_string();
        let inner = super::frame::overlay_box(frame, app, area, title, hint);
        let text = "Counting who tweeted about which papers; the accounts show here in a moment.";
        let line = Line::from(Span::styled(
            truncate(text, inner.width as usize),
            app.theme.dim,
        ));
        frame.render_widget(Paragraph::new(line), inner);
        return;
    }
    let title = match b.drill.inner {
        None => format!(
            " People · {} · {} accounts ",
            b.window.name(),
            b.people.len()
        ),
        Some((who, _)) => format!(
            " Tweeted by @{} · {} · {} papers ",
            b.people[who].handle,
            b.window.name(),
            b.papers.len()
        ),
    };
    let inner = super::frame::overlay_box(frame, app, area, title, hint);
    match b.drill.inner {
        None => accounts(frame, app, b, inner),
        Some((_, cursor)) => {
            let w = inner.width as usize;
            let mut lines = vec![Line::from(Span::styled(
                truncate("     day         rank  title", w),
                app.theme.dim,
            ))];
            let rows = (inner.height as usize).saturating_sub(1);
            for (i, r) in b.papers.iter().enumerate().skip(cursor.offset).take(rows) {
                let day = &app.archive.days[r.day];
                let p = &day.papers[r.paper];
                let text = format!(
                    "{} {} #{:<3} {}",
                    super::frame::marks(app, p),
                    day.date,
                    p.rank,
                    super::frame::list_title(app, p)
                );
                let style = super::frame::box_row_style(app, i == cursor.selected);
                lines.push(Line::from(Span::styled(pad(&truncate(&text, w), w), style)));
            }
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}

fn accounts(frame: &mut Frame, app: &App, b: &PeopleBox, area: Rect) {
    let rows = (area.height as usize).saturating_sub(1);
    let body: Vec<Row> = b
        .people
        .iter()
        .enumerate()
        .skip(b.drill.outer.offset)
        .take(rows)
        .map(|(i, t)| {
            let starred = match t.marked {
                0 => String::new(),
                n => format!("{}%", (n * 100).div_ceil(t.papers)),
            };
            let style = if i == b.drill.outer.selected {
                app.theme.selected
            } else {
                Style::new()
            };
            Row::new(vec![
                Cell::from(format!("{:>3}", i + 1)),
                Cell::from(t.name.clone()),
                Cell::from(format!("@{}", t.handle)),
                Cell::from(format!("{:>6}", t.papers)),
                Cell::from(format!("{:>6}", t.tweets)),
                Cell::from(format!("{starred:>7}")),
            ])
            .style(style)
        })
        .collect();
    let widths = [
        Constraint::Length(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Length(6),
        Constraint::Length(6),
        Constraint::Length(7),
    ];
    let header =
        Row::new(["  #", "name", "handle", "papers", "tweets", "starred"]).style(app.theme.dim);
    frame.render_widget(
        Table::new(body, widths).header(header).column_spacing(1),
        area,
    );
}
