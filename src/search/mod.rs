//! Finding papers across the whole archive: the query language, the index, and leaderboards.
//! Nothing here knows about terminals.

pub(crate) mod arxiv_id;
pub mod goto;
mod highlight;
pub mod index;
pub mod listings;
pub mod people;
pub mod query;
mod slots;
pub mod titles;
pub mod top;
pub mod trend;
pub mod words;

pub use goto::{GotoError, Target, find_paper, month_start, parse_target};
pub use highlight::highlight;
pub use index::{Notes, Order, PaperRef, SearchIndex, once_per_paper};
pub use listings::{Change, Listings};
pub use people::{People, Tweeter};
pub use query::{Field, Query, QueryError, parse};
pub use titles::TitleFinder;
pub use top::{Entry, Measure, top};
pub use trend::{Bucket, Period, Trend};
