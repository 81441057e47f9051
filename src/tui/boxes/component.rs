//! What every box is: a component with its own state that handles the commands of its scope
//! with the reader beside it, knows where it goes on screen and what its border hints say.

use ratatui::layout::Rect;

use crate::tui::command::{Command, Scope};
use crate::tui::core::cursor::ListCursor;
use crate::tui::core::effect::Effect;
use crate::tui::core::layout::Areas;
use crate::tui::core::state::Reader;
use crate::tui::keymap::Keymap;

/// What handling a command did to the box.
#[derive(Debug, Default)]
pub struct Handled {
    pub close: bool,
    pub effects: Vec<Effect>,
}

impl Handled {
    pub fn stay() -> Handled {
        Handled::default()
    }

    pub fn close() -> Handled {
        Handled {
            close: true,
            effects: Vec::new(),
        }
    }

    pub fn with(mut self, effects: Vec<Effect>) -> Handled {
        self.effects.extend(effects);
        self
    }
}

/// A box over the reader.
pub trait Component {
    fn scope(&self) -> Scope;
    fn handle(&mut self, r: &mut Reader, command: Command) -> Handled;
    /// A character typed into the box's prompt (boxes without one ignore it).
    fn typed(&mut self, _r: &mut Reader, _c: char) -> Handled {
        Handled::stay()
    }
    /// A digit pressed in the box (boxes that number their rows use it).
    fn digit(&mut self, _r: &mut Reader, _d: u8) -> Handled {
        Handled::stay()
    }
    /// The box's list, if it has one: its cursor, how many rows, and how many lines of the
    /// box's inside come before the list (a prompt, a header). The mouse works through it.
    fn list(&self) -> Option<(ListCursor, usize, u16)> {
        None
    }
    /// Where the box goes on screen.
    fn area(&self, r: &Reader, a: &Areas) -> Rect;
    /// The line on the box's lower border: its main keys, as they are bound.
    fn hints(&self, km: &Keymap) -> String;
    /// Work put off while keys came in (a search as you type), done before the next frame.
    fn settle(&mut self, _r: &mut Reader) {}
    /// The search index arrived.
    fn index_ready(&mut self, _r: &mut Reader) {}
    /// Who tweeted about what was counted.
    fn people_ready(&mut self, _r: &mut Reader) {}
    /// The archive was replaced: whether the box stays open (lists of positions in the old
    /// archive close, and are rebuilt on asking).
    fn keep_after_swap(&mut self, _r: &mut Reader) -> bool {
        false
    }
}

/// A border hint from (keys, what they do) pairs: `" w window · Enter goes to its best day "`.
/// Pairs whose command has no key are left out.
pub fn hint_line(parts: &[(Option<String>, &str)]) -> String {
    let shown: Vec<String> = parts
        .iter()
        .filter_map(|(k, what)| k.as_ref().map(|k| format!("{k} {what}")))
        .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!(" {} ", shown.join(" · "))
    }
}

/// The editing keys of a text prompt on its `input`: Backspace, Ctrl-w (the last word) and
/// Ctrl-u (everything). False for any other command.
pub fn edit_prompt(input: &mut String, command: Command) -> bool {
    match command {
        Command::DeleteChar => {
            input.pop();
        }
        Command::DeleteWord => {
            let kept = input
                .trim_end()
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            input.truncate(kept);
        }
        Command::ClearInput => input.clear(),
        _ => return false,
    }
    true
}
