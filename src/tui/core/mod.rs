//! The pure core of the reader: its state and `update`, and the pieces `update` is made of.
//! Nothing here touches the file system, the environment, the clock, threads or the terminal;
//! the runtime feeds it events and carries out the effects it returns.

pub mod app;
pub mod cursor;
pub mod day_rows;
mod detail_cache;
pub mod effect;
pub mod handles;
pub mod layout;
mod listed;
pub mod marks;
pub mod measure;
mod mouse;
pub mod notice;
pub mod paste;
pub mod reader;
pub mod select;
pub mod start;
pub mod state;
mod swap;
pub mod texts;
mod texts_read;
pub mod update;
mod watch_list;
pub mod watches;
pub mod window;
