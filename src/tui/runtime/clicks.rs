//! Telling a double click from two clicks: the second left click at the same cell within a
//! short while. Pure over the instants it is given, so it is tested without a mouse.

use std::time::{Duration, Instant};

use crate::tui::event::Event;

/// The longest pause between the clicks of a double click (what desktops use by default).
pub const DOUBLE_CLICK: Duration = Duration::from_millis(400);

#[derive(Debug, Default)]
pub struct Clicks {
    last: Option<(Instant, u16, u16)>,
}

impl Clicks {
    /// `ev` as the app should hear it: a click right after one at the same cell is a double
    /// click (and a third starts over).
    pub fn classify(&mut self, ev: Event, now: Instant) -> Event {
        let Event::Click { col, row } = ev else {
            return ev;
        };
        match self.last.take() {
            Some((t, c, r)) if (c, r) == (col, row) && now.duration_since(t) <= DOUBLE_CLICK => {
                Event::DoubleClick { col, row }
            }
            _ => {
                self.last = Some((now, col, row));
                ev
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_quick_clicks_at_one_cell_are_a_double_click() {
        let t0 = Instant::now();
        let mut c = Clicks::default();
        let click = Event::Click { col: 5, row: 6 };
        assert!(matches!(c.classify(click.clone(), t0), Event::Click { .. }));
        let again = c.classify(click.clone(), t0 + Duration::from_millis(300));
        assert!(matches!(again, Event::DoubleClick { col: 5, row: 6 }));
        // A third starts over; a slow second is a click; another cell is a click.
        assert!(matches!(
            c.classify(click.clone(), t0 + Duration::from_millis(350)),
            Event::Click { .. }
        ));
        assert!(matches!(
            c.classify(click.clone(), t0 + Duration::from_secs(2)),
            Event::Click { .. }
        ));
        let elsewhere = Event::Click { col: 9, row: 6 };
        assert!(matches!(
            c.classify(elsewhere, t0 + Duration::from_millis(2100)),
            Event::Click { .. }
        ));
        assert!(matches!(
            c.classify(Event::Resize(1, 1), t0),
            Event::Resize(1, 1)
        ));
    }
}
