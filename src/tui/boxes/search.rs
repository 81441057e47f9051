//! The search box (`/`): the query as typed, what it means, what it finds, and where to go
//! back to. The reader behind it previews the selected result.

use chrono::NaiveDate;
use ratatui::layout::Rect;

use super::component::{Component, Handled, edit_prompt};
use super::trend::TrendChart;
use crate::archive::PaperKey;
use crate::search::{Order, PaperRef, Period, Query, QueryError, Trend, parse};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::effect::Effect;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::select::{go_to, select_day, select_paper};
use crate::tui::core::state::{Pane, Reader};
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone)]
pub struct SearchBox {
    pub input: String,
    pub query: Result<Query, QueryError>,
    pub results: Vec<PaperRef>,
    pub cursor: ListCursor,
    /// Where the box was opened, to return to on Esc. By date and key, not position: the
    /// archive can be replaced while the box is open.
    pub before: Option<(NaiveDate, Option<PaperKey>, Pane)>,
    /// The input came from the history and is selected: typing replaces it.
    pub selected: bool,
    /// Which search of the history the input is (0 the newest), while walking it.
    pub history: Option<usize>,
    /// The order chosen with the sort key; until then, the query's own (see `order`).
    pub chosen: Option<Order>,
    /// The watch list whose results these are, when the box was opened on one.
    pub watch: Option<String>,
    /// The name being typed to save the query as a watch list (after the save key).
    pub naming: Option<String>,
    /// The input changed since the results were found: they are found again before the next
    /// frame (`settle`) or command, once however many characters came in.
    pub stale: bool,
    /// The results per month, found with them, for the sparkline above them; `None` without
    /// results.
    pub trend: Option<Trend>,
    /// The full chart of the results, over the box while it is open (the trend key).
    /// Boxed: it holds three trends, and the box is one of the open boxes' variants.
    pub chart: Option<Box<TrendChart>>,
}

/// Rows of the box's inside above the results: the query and what it found, then (for a
/// trend over two months or more) the sparkline and the line marking its peak.
pub fn rows_above(b: &SearchBox) -> usize {
    if b.sparkline().is_some() { 4 } else { 2 }
}

impl SearchBox {
    pub fn open(r: &mut Reader) -> SearchBox {
        let before = r.current_day().map(|d| {
            let key = d.papers.get(r.paper).map(|p| p.key.clone());
            (d.date, key, r.focus)
        });
        r.notice = None;
        let mut b = SearchBox {
            input: String::new(),
            query: Ok(Query::default()),
            results: Vec::new(),
            cursor: ListCursor::default(),
            before,
            selected: false,
            history: None,
            chosen: None,
            watch: None,
            naming: None,
            stale: false,
            trend: None,
            chart: None,
        };
        // The last search again, selected: Enter runs it, typing replaces it.
        b.recall(r, 0);
        b
    }

    /// The box on the results of watch list `i`, newest first (its new matches on top).
    pub fn watch(r: &mut Reader, i: usize) -> Option<SearchBox> {
        let (name, query) = r
            .watches
            .get(i)
            .map(|w| (w.name.clone(), w.query.clone()))?;
        let mut b = SearchBox::open(r);
        b.input = query;
        b.selected = false;
        b.history = None;
        b.chosen = Some(Order::Newest);
        b.watch = Some(name);
        b.rerun(r);
        Some(b)
    }

    /// The save key: asks for a name to save the query under, or says why there is nothing to
    /// save. On a saved list's own results, its name is offered (saving replaces it).
    fn start_naming(&mut self, r: &mut Reader) {
        let own = self.watch.as_ref().filter(|name| {
            r.watches
                .iter()
                .any(|w| &w.name == *name && w.saved && w.query == self.input.trim())
        });
        match &self.query {
            Ok(q) if !q.is_empty() => {
                self.naming = Some(own.cloned().unwrap_or_default());
                r.notice = None;
            }
            Ok(_) => r.warn("Type a query first, then save it as a watch list"),
            Err(e) => r.warn(format!("Not saved: {e}")),
        }
    }

    /// A command while the name is typed: Enter saves, Back returns to the query.
    fn naming(&mut self, r: &mut Reader, command: Command) -> Handled {
        let Some(name) = self.naming.as_mut() else {
            return Handled::stay();
        };
        match command {
            Command::Enter | Command::SaveWatch => {
                match crate::tui::core::watches::save(r, name, &self.input) {
                    Ok(effects) => {
                        self.watch = self.naming.take();
                        return Handled::stay().with(effects);
                    }
                    Err(why) => r.warn(why),
                }
            }
            Command::Back => {
                self.naming = None;
                r.notice = None;
            }
            c => {
                edit_prompt(name, c);
            }
        }
        Handled::stay()
    }

    /// Puts search `i` of the history (0 the newest) in the input, selected.
    fn recall(&mut self, r: &mut Reader, i: usize) {
        let Some(q) = r.queries.get(i) else {
            return;
        };
        self.input = q.clone();
        self.selected = true;
        self.history = Some(i);
        self.rerun(r);
    }

    /// The input as it is about to be edited: a selected one goes.
    fn edit(&mut self) -> &mut String {
        if std::mem::take(&mut self.selected) {
            self.input.clear();
        }
        self.history = None;
        &mut self.input
    }

    /// The order results are in: the one chosen, else by relevance when the query has words
    /// and newest first when it has none. Relevance without words is no order, so it is
    /// newest first then too.
    pub fn order(&self) -> Order {
        let has_words = self.query.as_ref().is_ok_and(Query::has_words);
        match self.chosen {
            Some(Order::Relevance) | None if !has_words => Order::Newest,
            Some(o) => o,
            None => Order::Relevance,
        }
    }

    /// The next order of the cycle, skipping relevance for a query without words.
    fn cycle_order(&mut self, r: &mut Reader) {
        let has_words = self.query.as_ref().is_ok_and(Query::has_words);
        let mut next = self.order().next();
        if next == Order::Relevance && !has_words {
            next = next.next();
        }
        self.chosen = Some(next);
        self.rerun(r);
        r.tell(format!("Results {}", next.name()));
    }

    /// The trend the sparkline draws: one over two months or more (one bar tells nothing).
    pub fn sparkline(&self) -> Option<&Trend> {
        self.trend.as_ref().filter(|t| t.buckets.len() > 1)
    }

    /// Rows of results on screen.
    fn page(&self, r: &Reader) -> usize {
        let above = rows_above(self) - 2;
        layout::search_rows(&r.areas()).saturating_sub(above)
    }

    /// Opens the chart of the results, or says why there is none.
    fn open_chart(&mut self, r: &mut Reader) {
        match &self.query {
            _ if !self.results.is_empty() => {
                self.chart = Some(Box::new(TrendChart::open(r, &self.input, &self.results)));
                r.notice = None;
            }
            Err(e) => r.warn(format!("Query not understood: {e}")),
            Ok(_) if r.index.is_none() => r.warn("Still indexing; try again in a moment"),
            Ok(q) if q.is_empty() => r.warn("Type a query first, then chart its matches"),
            Ok(_) => r.warn("Nothing matches: no trend to chart"),
        }
    }

    /// Runs the query again (after typing, or once the index is ready), with the trend of
    /// what it finds: once per frame at most, however fast the keys come.
    fn rerun(&mut self, r: &mut Reader) {
        self.stale = false;
        self.query = parse(&self.input);
        let order = self.order();
        self.results = match (&self.query, &r.index) {
            (Ok(q), Some(handle)) => handle.index.search_with(q, order, &r.notes),
            _ => Vec::new(),
        };
        self.trend =
            (!self.results.is_empty()).then(|| Trend::of(&r.archive, &self.results, Period::Month));
        if let Some(chart) = self.chart.as_mut() {
            chart.refresh(r, &self.results);
        }
        self.cursor = ListCursor::default();
        self.preview(r);
    }

    /// Shows again the paper the search started from.
    fn back_to_start(&self, r: &mut Reader) {
        let Some((date, key, _)) = &self.before else {
            return;
        };
        if let Some((day, paper)) = r.locate(*date, key.as_ref()) {
            select_day(r, day);
            if let Some(p) = paper {
                select_paper(r, p);
            }
        }
    }

    /// The reader behind the box follows the selected result, so its abstract is in view.
    fn preview(&self, r: &mut Reader) {
        let focus = r.focus;
        match self.results.get(self.cursor.selected) {
            // Only a preview: a filter hiding it stays until the result is chosen.
            Some(&to) => {
                select_day(r, to.day);
                select_paper(r, to.paper);
            }
            None => self.back_to_start(r),
        }
        // The box has the keys; the panes keep their focus for when it closes.
        r.focus = focus;
    }

    fn go(&mut self, r: &mut Reader) -> Handled {
        let n = self.results.len();
        if n == 0 {
            r.warn(match &self.query {
                Err(e) => format!("Query not understood: {e}"),
                Ok(_) if r.index.is_none() => "Still indexing; try again in a moment".to_string(),
                Ok(_) => "Nothing matches".to_string(),
            });
            return Handled::stay();
        }
        let chosen = self.cursor.selected;
        let to = self.results[chosen];
        let query = self.input.trim().to_string();
        r.queries.retain(|q| *q != query);
        r.queries.insert(0, query.clone());
        r.queries.truncate(crate::state::HISTORY_LIMIT);
        let saved = Effect::SaveQuery { query, at: r.now };
        r.results = std::mem::take(&mut self.results);
        r.result = Some(chosen);
        r.last_query = self.query.clone().ok();
        let note = go_to(r, to);
        let km = &r.keymap;
        let rest = match (
            km.hint(Scope::Reader, Command::NextResult),
            km.hint(Scope::Reader, Command::PrevResult),
        ) {
            (Some(next), Some(prev)) => format!(": {next} and {prev} go through the rest"),
            (Some(k), None) | (None, Some(k)) => format!(": {k} goes through the rest"),
            (None, None) => String::new(),
        };
        r.tell(format!("Result {} of {n}{rest}{note}", chosen + 1));
        Handled::close().with(vec![saved])
    }
}

impl Component for SearchBox {
    fn scope(&self) -> Scope {
        match &self.chart {
            Some(chart) => chart.scope(),
            None => Scope::Search,
        }
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        // A command acts on the results of what was typed before it.
        self.settle(r);
        if let Some(chart) = self.chart.as_mut() {
            // The chart's Back comes back here.
            let done = chart.handle(r, command);
            if done.close {
                self.chart = None;
            }
            return Handled::stay().with(done.effects);
        }
        if self.naming.is_some() {
            return self.naming(r, command);
        }
        let page = self.page(r);
        match command {
            Command::SaveWatch => self.start_naming(r),
            Command::Trend => self.open_chart(r),
            c @ (Command::DeleteChar | Command::DeleteWord | Command::ClearInput) => {
                edit_prompt(self.edit(), c);
                self.rerun(r);
            }
            Command::OlderQuery => {
                let next = self.history.map_or(0, |i| i + 1);
                if next < r.queries.len() {
                    self.recall(r, next);
                } else {
                    r.tell("No older search");
                }
            }
            Command::NewerQuery => match self.history {
                Some(0) | None => {
                    self.input.clear();
                    self.history = None;
                    self.selected = false;
                    self.rerun(r);
                }
                Some(i) => self.recall(r, i - 1),
            },
            Command::Back => {
                self.back_to_start(r);
                if let Some((_, _, focus)) = self.before {
                    r.focus = focus;
                }
                r.notice = None;
                return Handled::close();
            }
            Command::Enter => return self.go(r),
            Command::Sort => self.cycle_order(r),
            other => {
                if self.cursor.apply(other, self.results.len(), page) {
                    self.preview(r);
                }
            }
        }
        self.cursor.fit(page);
        Handled::stay()
    }

    fn typed(&mut self, _r: &mut Reader, c: char) -> Handled {
        if self.chart.is_some() {
            return Handled::stay();
        }
        if let Some(name) = self.naming.as_mut() {
            if name.chars().count() < crate::state::MAX_WATCH_NAME {
                name.push(c);
            }
            return Handled::stay();
        }
        self.edit().push(c);
        self.stale = true;
        Handled::stay()
    }

    fn settle(&mut self, r: &mut Reader) {
        if self.stale {
            self.rerun(r);
            self.cursor.fit(self.page(r));
        }
    }

    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        if self.chart.is_some() {
            return None;
        }
        let above = u16::try_from(rows_above(self)).unwrap_or(u16::MAX);
        Some((self.cursor, self.results.len(), above))
    }

    fn area(&self, r: &Reader, a: &Areas) -> Rect {
        match &self.chart {
            Some(chart) => chart.area(r, a),
            None => layout::search_area(a),
        }
    }

    fn hints(&self, km: &Keymap) -> String {
        if let Some(chart) = &self.chart {
            return chart.hints(km);
        }
        // Room for 60 columns; the README has the whole language.
        " ti: au: abs: cat: id: tw:  @who  \"phrase\"  OR  (…)  -not ".to_string()
    }

    fn index_ready(&mut self, r: &mut Reader) {
        self.rerun(r);
    }

    fn keep_after_swap(&mut self, _r: &mut Reader) -> bool {
        // Runs again once the new archive's index is built, and the chart with it.
        self.results.clear();
        self.trend = None;
        true
    }
}
