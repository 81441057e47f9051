//! The keys in effect: the registry's defaults with a user's `[keys]` overrides. The only place
//! a key becomes a command, and the only source of the keys named on screen (`hint`), so the
//! footer, the help and every message say what the keys really do.

mod map;
mod rows;
mod settings;

pub use map::Keymap;
pub use rows::{FooterEntry, HelpRow};
pub use settings::from_config;
