//! `hotpapers trend QUERY`: a query's matches per week, month or year over the archive's whole
//! span, as bars for people (ratatui's bar chart, printed) or JSON for programs; with
//! `--categories`, the most common categories' share of each period.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Sparkline, Widget};
use serde::Serialize;

use super::Usage;
use crate::archive::Archive;
use crate::cli::{Cli, TrendArgs};
use crate::config::{Config, ThemeChoice};
use crate::display::width::{pad, truncate, width};
use crate::search::trend::{self, Period, Trend};
use crate::search::{Order, parse, query::join_args};

/// Where the chart goes: how wide it may be, and whether it may have colors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub width: u16,
    pub color: bool,
}

impl Screen {
    /// `COLUMNS` if set, else the terminal's width, else (piped) 80 columns; colors only on a
    /// terminal, and never with `NO_COLOR` or `theme = "none"`.
    fn of_stdout(config: &Config) -> Screen {
        let tty = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok());
        let width = columns
            .filter(|&w: &u16| w > 0)
            .or_else(|| {
                tty.then(|| crossterm::terminal::size().ok())
                    .flatten()
                    .map(|s| s.0)
            })
            .unwrap_or(80);
        let plain = crate::config::no_color() || config.theme == Some(ThemeChoice::Plain);
        Screen {
            width,
            color: tty && !plain,
        }
    }
}

pub fn run(cli: &Cli, config: &Config, args: &TrendArgs, out: &mut impl Write) -> Result<ExitCode> {
    let mut args = args.clone();
    args.take_flags().map_err(Usage)?;
    let screen = Screen::of_stdout(config);
    if args.categories {
        categories(&super::load_lists(cli, config)?, &args, screen, out)
    } else {
        // The cached index when there is one: counting needs no texts.
        let (archive, index) = super::load_indexed(cli, config, true)?;
        let index = index.ok_or_else(|| anyhow::anyhow!("the search index could not be made"))?;
        trend(&archive, &index, &args, screen, out)
    }
}

/// A period of a query's trend, as JSON.
#[derive(Serialize)]
struct Row {
    period: String,
    papers: u64,
    share: f64,
    score: u64,
}

/// Prints the trend of the query of `args` over `archive`: every period, zeros included.
/// Status 1 when nothing matches, like `search`.
pub fn trend(
    archive: &Archive,
    index: &crate::search::SearchIndex,
    args: &TrendArgs,
    screen: Screen,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let text = join_args(&args.query);
    let query = parse(&text).map_err(|e| anyhow::anyhow!("query {text:?}: {e}"))?;
    let notes = super::search::notes_for(&query)?;
    // Counting needs no ranking: the newest-first order is the cheapest.
    let hits = index.search_with(&query, Order::Newest, &notes);
    let t = Trend::of(archive, &hits, args.by.into());
    if args.json {
        let scores = t.scores(archive, &hits);
        let rows: Vec<Row> = t
            .buckets
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(i, (b, score))| Row {
                period: t.label(i),
                papers: b.papers,
                share: b.share(),
                score,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else if !t.buckets.is_empty() {
        writeln!(out, "{}", t.summary(args.share))?;
        write_bars(out, &t, args.share, screen)?;
    }
    Ok(if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The most rows drawn at once: a buffer's height is a `u16`, and weeks over centuries are more.
const ROWS: usize = 1024;

/// Prints a row a period: its label and value, then its bar (a ratatui bar chart on its side),
/// all scaled to the longest.
fn write_bars(out: &mut impl Write, t: &Trend, share: bool, screen: Screen) -> std::io::Result<()> {
    let labels: Vec<String> = (0..t.buckets.len()).map(|i| t.label(i)).collect();
    let values: Vec<String> = (0..t.buckets.len()).map(|i| t.value(i, share)).collect();
    let lw = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let vw = values.iter().map(|v| width(v)).max().unwrap_or(0);
    let max = t.buckets.iter().map(|b| b.value(share)).max().unwrap_or(0);
    let style = bar_style(screen);
    let rows: Vec<Bar> = labels
        .iter()
        .zip(&values)
        .zip(&t.buckets)
        .map(|((label, v), b)| {
            Bar::default()
                .value(b.value(share))
                .text_value(String::new())
                .label(Line::from(format!("{label:<lw$} {v:>vw$}")))
                .style(style)
        })
        .collect();
    for chunk in rows.chunks(ROWS) {
        let area = Rect::new(
            0,
            0,
            screen.width,
            u16::try_from(chunk.len()).unwrap_or(u16::MAX),
        );
        let mut buf = Buffer::empty(area);
        BarChart::horizontal(chunk.to_vec())
            .max(max)
            .bar_width(1)
            .bar_gap(0)
            .render(area, &mut buf);
        write_buffer(out, &buf, screen.color)?;
    }
    Ok(())
}

fn bar_style(screen: Screen) -> Style {
    if screen.color {
        Style::new().fg(Color::Yellow)
    } else {
        Style::new()
    }
}

/// Prints `buf` a row a line, without the spaces at the end; with `color`, the cells of a
/// color in it.
fn write_buffer(out: &mut impl Write, buf: &Buffer, color: bool) -> std::io::Result<()> {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut colored = false;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            let wants = color && cell.fg != Color::Reset;
            if wants != colored {
                // Yellow is the only color the charts use.
                line.push_str(if wants { "\x1b[33m" } else { "\x1b[0m" });
                colored = wants;
            }
            line.push_str(cell.symbol());
        }
        if colored {
            line.push_str("\x1b[0m");
        }
        let trimmed = line.trim_end();
        writeln!(out, "{trimmed}")?;
    }
    Ok(())
}

/// A period of a category's trend, as JSON.
#[derive(Serialize)]
struct CategoryRow<'a> {
    period: String,
    category: &'a str,
    papers: u64,
    share: f64,
}

/// Prints the share of all papers of each period that the most common categories have: as
/// JSON, every period of every category; for people, a sparkline a category over the span.
/// Status 1 when no paper has a category.
pub fn categories(
    archive: &Archive,
    args: &TrendArgs,
    screen: Screen,
    out: &mut impl Write,
) -> Result<ExitCode> {
    let top: Vec<(String, u64)> = trend::categories(archive)
        .into_iter()
        .take(args.limit)
        .collect();
    let names: Vec<&str> = top.iter().map(|(c, _)| c.as_str()).collect();
    let period: Period = args.by.into();
    let trends = trend::category_trends(archive, &names, period);
    if args.json {
        let rows: Vec<CategoryRow> = names
            .iter()
            .zip(&trends)
            .flat_map(|(&category, t)| {
                t.buckets.iter().enumerate().map(move |(i, b)| CategoryRow {
                    period: t.label(i),
                    category,
                    papers: b.papers,
                    share: b.share(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else if let Some(first) = trends.first().filter(|t| !t.buckets.is_empty()) {
        let n = first.buckets.len();
        writeln!(
            out,
            "Share of all papers per {}, {} to {} (a paper has several categories, so shares overlap)",
            period.name(),
            first.label(0),
            first.label(n - 1)
        )?;
        write_buffer(out, &small_multiples(&names, &trends, screen), screen.color)?;
    }
    Ok(if top.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A row a category: its name and share of all papers, a sparkline of its share per period
/// (periods merged when there are more than columns), and its peak; under them, the span.
fn small_multiples(names: &[&str], trends: &[Trend], screen: Screen) -> Buffer {
    let nw = names.iter().map(|n| width(n)).max().unwrap_or(0).min(16);
    let w = usize::from(screen.width);
    // Name, overall share, then the peak after the sparkline: "  peak 2023-05 52.0%".
    let left = nw + 8;
    let right = 21;
    let room = w.saturating_sub(left + right).max(8);
    let rows = u16::try_from(trends.len() + 1).unwrap_or(u16::MAX);
    let area = Rect::new(0, 0, screen.width, rows);
    let mut buf = Buffer::empty(area);
    let style = bar_style(screen);
    for (y, (name, t)) in (0u16..).zip(names.iter().zip(trends)) {
        let all = t.share();
        let head = format!("{} {:>5.1}% ", pad(&truncate(name, nw), nw), all * 100.0);
        buf.set_string(0, y, &head, Style::new());
        let data = t.fit(room, true).values;
        let x = u16::try_from(left).unwrap_or(u16::MAX);
        let spark = Rect::new(x, y, u16::try_from(data.len()).unwrap_or(0), 1).intersection(area);
        Sparkline::default()
            .data(&data)
            .style(style)
            .render(spark, &mut buf);
        if let Some(p) = t.busiest(1, true).first() {
            let peak = format!(" peak {} {}", t.label(*p), t.value(*p, true));
            buf.set_string(spark.right(), y, peak, Style::new());
        }
    }
    if let Some(t) = trends.first() {
        let axis = t.ends(t.fit(room, true).values.len());
        buf.set_string(
            u16::try_from(left).unwrap_or(0),
            rows - 1,
            axis,
            Style::new(),
        );
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Day;
    use crate::search::PaperRef;
    use chrono::NaiveDate;
    use std::sync::Arc;

    fn trend() -> Trend {
        let a = Archive::sample();
        let hits: Vec<PaperRef> = (0..a.days[0].papers.len())
            .map(|paper| PaperRef { day: 0, paper })
            .collect();
        Trend::of(&a, &hits, Period::Week)
    }

    fn printed(t: &Trend, screen: Screen) -> String {
        let mut out = Vec::new();
        write_bars(&mut out, t, false, screen).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn bars_fill_the_width_and_only_they_are_colored() {
        let t = trend();
        for w in [30, 80, 123] {
            let screen = Screen {
                width: w,
                color: false,
            };
            let text = printed(&t, screen);
            let widest = text.lines().map(width).max().unwrap();
            assert_eq!(widest, usize::from(w), "{text}");
            assert!(!text.contains('\x1b'));
        }
        let screen = Screen {
            width: 40,
            color: true,
        };
        let text = printed(&t, screen);
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("2024-W10 11 \x1b[33m█"), "{first:?}");
        assert!(first.ends_with("\x1b[0m"), "{first:?}");
    }

    #[test]
    fn periods_beyond_a_buffers_height_are_all_printed_on_one_scale() {
        // Weeks from the year 1000 to 2024: more than 50,000 rows.
        let mut a = Archive::sample();
        let mut early = Day::clone(&a.days[0]);
        early.date = NaiveDate::from_ymd_opt(1000, 1, 6).unwrap();
        a.days.insert(0, Arc::new(early));
        let hits = vec![PaperRef { day: 0, paper: 0 }, PaperRef { day: 1, paper: 0 }];
        let t = Trend::of(&a, &hits, Period::Week);
        assert!(t.buckets.len() > 50_000);
        let text = printed(
            &t,
            Screen {
                width: 40,
                color: false,
            },
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), t.buckets.len());
        let full = "█".repeat(29);
        assert_eq!(lines[0], format!("{} 1 {full}", t.label(0)));
        assert_eq!(lines[1], format!("{} 0", t.label(1)));
        let last = lines.len() - 2;
        assert_eq!(lines[last], format!("2024-W10 1 {full}"), "the same scale");
    }

    #[test]
    fn the_summary_names_the_span_and_the_busiest_periods() {
        let t = trend();
        assert_eq!(
            t.summary(false),
            "11 matches in 2 weeks, 2024-W10 to 2024-W11; busiest 2024-W10 (11)"
        );
        let one = Trend::of(&Archive::sample(), &[], Period::Month);
        assert_eq!(one.summary(true), "Nothing matches in 2024-03");
    }
}
