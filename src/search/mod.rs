//! Finding papers across the whole archive: the query language, the index, and leaderboards.
//! Nothing here knows about terminals.

mod arxiv_id;
pub mod goto;
pub mod index;
pub mod query;
pub mod titles;
pub mod top;

pub use goto::{GotoError, Target, find_paper, month_start, parse_target};
pub use index::{PaperRef, SearchIndex, highlight};
pub use query::{Field, Query, QueryError, parse};
pub use titles::TitleFinder;
pub use top::{Entry, Measure, top};
