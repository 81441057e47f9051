//! A selection in a list and the first row shown: written once for every list of the reader
//! and its boxes.

use crate::tui::command::Command;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl ListCursor {
    /// Moves the selection for `command` in a list of `len` rows, `page` of them shown; false
    /// when the command is not a move.
    pub fn apply(&mut self, command: Command, len: usize, page: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        self.selected = match command {
            Command::Down => (self.selected + 1).min(last),
            Command::Up => self.selected.saturating_sub(1),
            Command::PageDown => (self.selected + page).min(last),
            Command::PageUp => self.selected.saturating_sub(page),
            Command::First => 0,
            Command::Last => last,
            _ => return false,
        };
        true
    }

    /// Moves the shown rows as little as possible so that the selection is among `rows` rows.
    pub fn fit(&mut self, rows: usize) {
        self.offset = fit_offset(self.selected, self.offset, rows);
    }
}

/// A list whose rows open a list of their own (a tag's papers, an account's papers): the
/// cursor in each, and which row is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Drill {
    pub outer: ListCursor,
    /// The row opened, with the cursor in its list.
    pub inner: Option<(usize, ListCursor)>,
}

impl Drill {
    /// The cursor of the list shown.
    pub fn cursor(&self) -> ListCursor {
        self.inner.map_or(self.outer, |(_, c)| c)
    }

    /// Opens the selected row's list, at its top.
    pub fn open(&mut self) {
        self.inner = Some((self.outer.selected, ListCursor::default()));
    }

    /// Moves in the list shown (`len` rows, `page` of them in view) as `ListCursor::apply`.
    pub fn apply(&mut self, command: Command, len: usize, page: usize) -> bool {
        let c = match &mut self.inner {
            Some((_, c)) => c,
            None => &mut self.outer,
        };
        let moved = c.apply(command, len, page);
        c.fit(page);
        moved
    }
}

/// The first row to show of a list `h` rows high so that row `sel` is visible, moving the
/// window as little as possible from `offset`.
pub fn fit_offset(sel: usize, offset: usize, h: usize) -> usize {
    if h == 0 {
        0
    } else if sel < offset {
        sel
    } else if sel >= offset + h {
        sel + 1 - h
    } else {
        offset
    }
}

/// `v + by`, kept within a list of `len`.
pub fn clamp_add(v: usize, by: isize, len: usize) -> usize {
    let max = len.saturating_sub(1) as isize;
    (v as isize).saturating_add(by).clamp(0, max) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_clamp_and_the_window_follows() {
        let mut c = ListCursor::default();
        assert!(c.apply(Command::Up, 10, 3));
        assert_eq!(c.selected, 0);
        c.apply(Command::PageDown, 10, 3);
        assert_eq!(c.selected, 3);
        c.fit(3);
        assert_eq!(c.offset, 1);
        c.apply(Command::Last, 10, 3);
        c.fit(3);
        assert_eq!((c.selected, c.offset), (9, 7));
        c.apply(Command::Down, 10, 3);
        assert_eq!(c.selected, 9);
        c.apply(Command::First, 10, 3);
        c.fit(3);
        assert_eq!((c.selected, c.offset), (0, 0));
        assert!(!c.apply(Command::Enter, 10, 3));
        c.apply(Command::Last, 0, 3);
        assert_eq!(c.selected, 0, "an empty list keeps row 0");
        assert_eq!(fit_offset(5, 0, 0), 0);
        assert_eq!(clamp_add(2, -5, 4), 0);
        assert_eq!(clamp_add(2, isize::MAX, 4), 3);
    }
}
