//! Drawing. Each widget reads the app's state and draws it; none changes anything. Every key
//! a widget names comes from the keymap.

mod categories;
mod category_trend;
mod confirm;
mod days;
pub mod detail;
mod finder;
mod footer;
mod frame;
mod goto;
mod help;
mod leaderboard;
mod links;
mod paper;
mod papers;
mod people;
mod screen;
mod search;
pub mod settle;
mod similar;
mod starred;
mod status;
mod tag;
mod tags;
mod too_small;
mod trend;
mod watches;

pub use screen::draw;
