//! hotpapers: a terminal reader for archives of daily "Hot Papers" arXiv digests.
//!
//! The library holds the archive model and loader (`archive`), independent of any terminal.

pub mod archive;
pub mod bulk;
pub mod cache;
pub mod cli;
pub mod code_links;
pub mod codec;
pub mod commands;
pub mod config;
pub mod display;
pub mod editor;
pub mod export;
pub mod links;
pub mod memory;
pub mod search;
pub mod sections;
pub mod similar;
pub mod spill;
pub mod state;
#[cfg(test)]
mod test_rng;
pub mod tui;
