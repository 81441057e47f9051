//! The archive: a folder of daily digest posts turned into a model, with diagnostics for every
//! problem found on the way. Nothing here knows about terminals.

mod blocks;
mod blocks_lines;
mod body;
mod collection;
mod dates;
mod diagnostic;
mod discover;
mod frontmatter;
mod frontmatter_lines;
mod intern;
mod lazy;
mod model;
mod name;
mod post;
mod read;
mod reload;
pub mod sample;
pub mod text;
mod text_scan;
mod texts;
mod tweet;
mod tweet_url;

pub use collection::{Archive, Summary};
pub use dates::{find_date, parse_published};
pub use diagnostic::{ArchiveError, Diagnostic, Escaped, Severity, count};
pub use discover::{PostFile, discover, posts_root};
pub use intern::InfoPool;
pub use lazy::Listing;
pub use model::{Day, Keep, PageLink, Paper, PaperInfo, PaperKey, Texts, Tweet};
pub use name::Name;
pub use post::{MAX_FILE_SIZE, MAX_LINE, Parsed, date_from_name, parse_post, parse_post_keeping};
pub use read::read_post;
pub use reload::{Changed, Kept, Reloaded, Reloader, Stamp};
pub use texts::{TextsError, kept_text, read_texts, texts_from};
pub use tweet_url::TweetUrl;
