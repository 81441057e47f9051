//! The boxes drawn over the reader: help, search, category filter, leaderboard and starred
//! list. Each is a component: its own state, how it handles a command (with the reader to
//! change beside it, a separate borrow), where it goes on screen and the hint on its border.
//! While a box is open its scope's keys are read.

mod categories;
mod category_trend;
mod component;
mod confirm;
mod finder;
mod goto;
mod help;
mod leaderboard;
mod links;
mod open;
mod people;
mod search;
mod similar;
mod starred;
mod tag;
mod tags;
mod trend;

pub use crate::tui::core::state::Window;
pub use categories::CategoryBox;
pub use category_trend::CategoryTrends;
pub use component::{Component, Handled, hint_line};
pub use confirm::ConfirmBox;
pub use finder::FinderBox;
pub use goto::GoToBox;
pub use help::HelpBox;
pub use leaderboard::Leaderboard;
pub use links::LinksBox;
pub use open::{OpenBox, open};
pub use people::PeopleBox;
pub use search::{SearchBox, rows_above};
pub use similar::{Picked, SimilarBox};
pub use starred::StarredBox;
pub use tag::TagBox;
pub use tags::TagsBox;
pub use trend::TrendChart;
