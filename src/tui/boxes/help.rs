//! The help (`?`): every key in effect, by scope, scrolled with the list keys.

use ratatui::layout::Rect;

use super::component::{Component, Handled, hint_line};
use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::layout::{self, Areas};
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

#[derive(Debug, Clone, Default)]
pub struct HelpBox {
    /// `selected` is the first line shown.
    pub scroll: ListCursor,
}

impl Component for HelpBox {
    fn scope(&self) -> Scope {
        Scope::Help
    }

    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled {
        if command == Command::Back {
            return Handled::close();
        }
        let rows = r.keymap.help_rows().len();
        let shown = layout::help_rows(&r.areas(), rows);
        let scrollable = rows.saturating_sub(shown) + 1;
        self.scroll.apply(command, scrollable, shown);
        Handled::stay()
    }

    fn area(&self, r: &Reader, a: &Areas) -> Rect {
        layout::help_area(a, r.keymap.help_rows().len())
    }

    fn hints(&self, km: &Keymap) -> String {
        let moves = match (
            km.hint(Scope::Help, Command::Down),
            km.hint(Scope::Help, Command::Up),
        ) {
            (Some(d), Some(u)) => Some(format!("{d}/{u}")),
            (d, u) => d.or(u),
        };
        let keys = km.keys(Scope::Help, Command::Back);
        let close = (!keys.is_empty()).then(|| {
            keys.iter()
                .take(2)
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(" or ")
        });
        hint_line(&[(moves, "scroll"), (close, "closes")])
    }

    fn keep_after_swap(&mut self, _r: &mut Reader) -> bool {
        true
    }
}
