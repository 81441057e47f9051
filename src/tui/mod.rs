//! The terminal reader. `command` is the registry of what keys can ask for, `keymap` the keys
//! in effect, `input` turns terminal events into `event`s, `core` holds the state and the pure
//! `update`, `boxes` the components drawn over the reader, `view` the widgets, and `runtime`
//! does all the I/O.

pub mod bindings;
pub mod boxes;
pub mod command;
pub mod core;
pub mod event;
pub mod input;
pub mod key;
pub mod keymap;
pub mod runtime;
pub mod scope;
pub mod theme;
pub mod view;

pub use command::{Command, Scope};
pub use core::app::App;
pub use core::effect::Effect;
pub use core::start::open_day;
pub use core::state::Pane;
pub use core::update::update;
pub use event::Event;
pub use keymap::Keymap;
pub use runtime::run;
pub use runtime::startup::{Options, Setup, attach_state, prepare};
