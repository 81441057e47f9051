//! Colors. Only the terminal's own palette (named ANSI colors) and text attributes are used, so
//! the reader looks right on dark and light backgrounds; `NO_COLOR` turns colors off.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeChoice;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub accent: Style,
    pub category: Style,
    pub retweets: Style,
    pub favorites: Style,
    pub bar: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub border: Style,
    pub border_focused: Style,
    pub error: Style,
    pub footer_key: Style,
}

impl Theme {
    pub fn color() -> Theme {
        Theme {
            text: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            accent: Style::new().fg(Color::Cyan),
            category: Style::new().fg(Color::Magenta),
            retweets: Style::new().fg(Color::Green),
            favorites: Style::new().fg(Color::Red),
            bar: Style::new().fg(Color::Yellow),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().fg(Color::Cyan),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            footer_key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// For light backgrounds: the palette's darker hues, no yellow on white.
    pub fn light() -> Theme {
        let c = Theme::color();
        Theme {
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            accent: Style::new().fg(Color::Blue),
            bar: Style::new().fg(Color::Magenta),
            border_focused: Style::new().fg(Color::Blue),
            footer_key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            ..c
        }
    }

    /// Attributes only (bold, reverse, dim): for `NO_COLOR`.
    pub fn plain() -> Theme {
        let c = Theme::color();
        let strip = |s: Style| Style {
            fg: None,
            bg: None,
            ..s
        };
        Theme {
            text: strip(c.text),
            title: strip(c.title),
            heading: strip(c.heading),
            dim: strip(c.dim),
            accent: strip(c.accent),
            category: strip(c.category),
            retweets: strip(c.retweets),
            favorites: strip(c.favorites),
            bar: strip(c.bar),
            selected: strip(c.selected),
            selected_unfocused: strip(c.selected_unfocused),
            border: strip(c.border),
            border_focused: strip(c.border_focused).add_modifier(Modifier::BOLD),
            error: strip(c.error),
            footer_key: strip(c.footer_key),
        }
    }

    /// The theme a config's `theme` setting asks for; `NO_COLOR` (`no_color`) always gives
    /// the plain one, and without a setting it is the terminal's palette.
    pub fn chosen(choice: Option<ThemeChoice>, no_color: bool) -> Theme {
        match (no_color, choice) {
            (true, _) | (false, Some(ThemeChoice::Plain)) => Theme::plain(),
            (false, Some(ThemeChoice::Light)) => Theme::light(),
            (false, Some(ThemeChoice::Dark) | None) => Theme::color(),
        }
    }
}
