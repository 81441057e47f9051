//! The terminal's input as the reader's events: the one place crossterm's key and mouse events
//! are translated, through the keymap of the scope in effect.

use crossterm::event::{
    Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::command::Scope;
use super::event::Event;
use super::key::{Key, KeyName};
use super::keymap::Keymap;

/// What a terminal event asks of the reader in `scope`, if anything. With `mouse` off, mouse
/// events are ignored (the terminal selects text then).
pub fn translate(ev: &TermEvent, km: &Keymap, scope: Scope, mouse: bool) -> Option<Event> {
    match ev {
        TermEvent::Key(k) => key_event(k, km, scope),
        TermEvent::Mouse(m) if mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Event::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Event::Wheel {
                col: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        TermEvent::Resize(w, h) => Some(Event::Resize(*w, *h)),
        // Whatever it holds, a paste is text for a prompt, not keys (see `update`).
        TermEvent::Paste(text) => Some(Event::Paste(text.clone())),
        _ => None,
    }
}

/// A key press: its command in `scope`, or a character typed into the scope's prompt.
pub fn key_event(k: &KeyEvent, km: &Keymap, scope: Scope) -> Option<Event> {
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let Some(key) = key_of(k) else {
        return Some(Event::Unbound);
    };
    if let Some(c) = km.command(scope, key) {
        return Some(Event::Command(c));
    }
    let plain = !key.ctrl && !key.alt;
    match key.name {
        KeyName::Char(c) if (scope.takes_text() || scope.finds_by_typing()) && plain => {
            Some(Event::Text(c))
        }
        KeyName::Char(d @ '0'..='9') if matches!(scope, Scope::Reader | Scope::Links) && plain => {
            Some(Event::Count(d as u8 - b'0'))
        }
        _ => Some(Event::Unbound),
    }
}

/// The key of a key event. Shift is part of the character (`G`, `?`) and of BackTab, since
/// terminals disagree on reporting it; with Ctrl, letters are lowercase whatever was sent.
pub fn key_of(k: &KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    let shift_matters = !matches!(k.code, KeyCode::Char(_) | KeyCode::BackTab);
    if shift_matters && k.modifiers.contains(KeyModifiers::SHIFT) {
        // Shift-arrows and the like mean nothing to the reader.
        return None;
    }
    let shift = k.modifiers.contains(KeyModifiers::SHIFT);
    let name = match k.code {
        KeyCode::Char(' ') if shift && !ctrl => KeyName::ShiftSpace,
        KeyCode::Char(c) if ctrl => KeyName::Char(c.to_ascii_lowercase()),
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::BackTab => KeyName::BackTab,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::F(n) => KeyName::F(n),
        _ => return None,
    };
    Some(Key { name, ctrl, alt })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::command::Command;

    fn press(code: KeyCode, mods: KeyModifiers) -> TermEvent {
        TermEvent::Key(KeyEvent::new(code, mods))
    }

    fn reader(code: KeyCode, mods: KeyModifiers) -> Option<Event> {
        translate(&press(code, mods), &Keymap::default(), Scope::Reader, true)
    }

    fn command(e: Option<Event>) -> Option<Command> {
        match e {
            Some(Event::Command(c)) => Some(c),
            _ => None,
        }
    }

    #[test]
    fn keys_become_commands_of_their_scope() {
        let c = |code, mods| command(reader(code, mods));
        assert_eq!(
            c(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Command::Down)
        );
        assert_eq!(
            c(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Command::Last)
        );
        assert_eq!(
            c(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Command::Quit)
        );
        assert_eq!(
            c(KeyCode::Char('C'), KeyModifiers::CONTROL),
            Some(Command::Quit)
        );
        assert_eq!(
            c(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Command::PrevPane)
        );
        assert_eq!(
            c(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Command::Help)
        );
        assert_eq!(c(KeyCode::Char('j'), KeyModifiers::ALT), None);
        assert_eq!(c(KeyCode::Down, KeyModifiers::SHIFT), None);
        assert!(matches!(
            reader(KeyCode::F(5), KeyModifiers::NONE),
            Some(Event::Unbound)
        ));
        let released = TermEvent::Key(KeyEvent {
            kind: KeyEventKind::Release,
            ..KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)
        });
        assert!(translate(&released, &Keymap::default(), Scope::Reader, true).is_none());
    }

    #[test]
    fn the_search_box_takes_typing_but_keeps_its_keys() {
        let s = |code, mods| translate(&press(code, mods), &Keymap::default(), Scope::Search, true);
        assert!(matches!(
            s(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Event::Text('q'))
        ));
        assert!(matches!(
            s(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Some(Event::Text('J'))
        ));
        assert!(matches!(
            s(KeyCode::Char('日'), KeyModifiers::NONE),
            Some(Event::Text('日'))
        ));
        assert_eq!(
            command(s(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Command::NewerQuery)
        );
        assert_eq!(
            command(s(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Command::Back)
        );
        assert!(matches!(
            s(KeyCode::Char('x'), KeyModifiers::CONTROL),
            Some(Event::Unbound)
        ));
        assert!(matches!(
            s(KeyCode::Char('x'), KeyModifiers::ALT),
            Some(Event::Unbound)
        ));
        assert!(
            translate(
                &press(KeyCode::Char('q'), KeyModifiers::NONE),
                &Keymap::default(),
                Scope::Categories,
                true
            )
            .is_some_and(|e| matches!(e, Event::Command(Command::Back))),
            "q closes the filter, and is not typed"
        );
    }

    #[test]
    fn shift_space_pages_back_where_the_terminal_reports_it() {
        let c = |code, mods| command(reader(code, mods));
        assert_eq!(
            c(KeyCode::Char(' '), KeyModifiers::SHIFT),
            Some(Command::ReadBack)
        );
        assert_eq!(
            c(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(Command::ReadOn)
        );
    }

    #[test]
    fn function_keys_and_alt_can_be_bound() {
        let km = Keymap::with([
            (
                Scope::Reader,
                Command::Reload,
                vec![Key::named(KeyName::F(5))],
            ),
            (
                Scope::Reader,
                Command::Quit,
                vec![Key::parse("alt-q").unwrap()],
            ),
        ]);
        let t = |code, mods| command(translate(&press(code, mods), &km, Scope::Reader, true));
        assert_eq!(t(KeyCode::F(5), KeyModifiers::NONE), Some(Command::Reload));
        assert_eq!(
            t(KeyCode::Char('q'), KeyModifiers::ALT),
            Some(Command::Quit)
        );
        assert_eq!(
            t(KeyCode::Char('Q'), KeyModifiers::SHIFT),
            None,
            "Q is not Quit's any more"
        );
    }

    #[test]
    fn the_mouse_only_when_asked() {
        use crossterm::event::MouseEvent;
        let m = |kind| {
            TermEvent::Mouse(MouseEvent {
                kind,
                column: 3,
                row: 4,
                modifiers: KeyModifiers::NONE,
            })
        };
        let km = Keymap::default();
        let click = m(MouseEventKind::Down(MouseButton::Left));
        assert!(matches!(
            translate(&click, &km, Scope::Reader, true),
            Some(Event::Click { col: 3, row: 4 })
        ));
        assert!(translate(&click, &km, Scope::Reader, false).is_none());
        assert!(matches!(
            translate(&m(MouseEventKind::ScrollUp), &km, Scope::Reader, true),
            Some(Event::Wheel { down: false, .. })
        ));
        assert!(matches!(
            translate(&TermEvent::Resize(90, 30), &km, Scope::Reader, false),
            Some(Event::Resize(90, 30))
        ));
    }
}
