//! Command-line interface definitions.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};

/// A terminal reader for archives of daily "Hot Papers" arXiv digests.
///
/// ARCHIVE is a folder of digest posts or a blog checkout holding content/posts, given before
/// the command or after check, export or top (search takes --archive). Without one,
/// $HOTPAPERS_ARCHIVE is used, then the config's archive, and failing that the sample archive of
/// invented papers built into the program.
#[derive(Debug, Parser)]
#[command(name = "hotpapers", version, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The archive to read (same as --archive).
    #[arg(value_name = "ARCHIVE")]
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub archive: ArchiveArg,

    /// Read settings from FILE instead of $XDG_CONFIG_HOME/hotpapers/config.toml
    /// (~/.config/hotpapers/config.toml).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Open this day: YYYY-MM-DD, latest, today or yesterday. A day without a post opens the
    /// nearest earlier one.
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub date: Option<DaySpec>,

    /// Select the paper of this rank in the opened day.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub rank: Option<u32>,

    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,

    /// Neither read nor write the cache of parsed posts (as HOTPAPERS_CACHE=off does).
    #[arg(long, global = true)]
    pub no_cache: bool,
}

impl Cli {
    /// Moves a command's own ARCHIVE to `path`, where the one before the command is, so that
    /// there is one place to look. `flag_given`: whether `archive` came from --archive on the
    /// command line rather than from $HOTPAPERS_ARCHIVE, which any argument overrides. Two
    /// different archives on one command line are a mistake, not a choice: the error says
    /// which two.
    pub fn settle_archive(&mut self, flag_given: bool) -> Result<(), String> {
        let own = match &mut self.command {
            Some(Command::Check(CheckArgs { archive }))
            | Some(Command::Export(ExportArgs { archive, .. }))
            | Some(Command::Top(TopArgs { archive, .. })) => archive.path.take(),
            _ => None,
        };
        let path = match (self.path.take(), own) {
            (Some(before), Some(after)) if !same_place(&before, &after) => {
                return Err(twice(&before, "before the command", &after, "after it"));
            }
            (before, after) => before.or(after),
        };
        if let (Some(p), Some(flag), true) = (&path, &self.archive.archive, flag_given) {
            if !same_place(p, flag) {
                return Err(twice(p, "as ARCHIVE", flag, "with --archive"));
            }
        }
        self.path = path;
        Ok(())
    }
}

/// Whether two archive paths name one folder: `blog` and `./blog/` do.
fn same_place(a: &Path, b: &Path) -> bool {
    a == b
        || match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

fn twice(a: &Path, how_a: &str, b: &Path, how_b: &str) -> String {
    format!(
        "two archives given, {} {how_a} and {} {how_b}: give one",
        a.display(),
        b.display()
    )
}

#[derive(Debug, clap::Args, Clone, Default)]
pub struct ArchiveArg {
    /// The archive folder (a folder of posts, or a blog checkout with content/posts).
    #[arg(long, value_name = "DIR", env = "HOTPAPERS_ARCHIVE", global = true)]
    pub archive: Option<PathBuf>,
}

// Library: stars, tags, notes, state
pub mod library;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print papers for other tools: JSON, BibTeX, CSV or a Markdown digest.
    ///
    /// Days are oldest first. --date, --since and --until choose days; --starred, --unread and
    /// --tag choose papers (from the reading state), dropping days left without any. Papers
    /// carry their tags and note.
    Export(ExportArgs),
    /// Load every post and report problems; exit status 1 if any post has errors.
    Check(CheckArgs),
    /// Find papers across every day. Exit status 1 when nothing matches, like grep.
    ///
    /// Words are ANDed and match from the start of a word or a camel-case hump, as prefixes,
    /// ignoring case and accents (gan finds StyleGAN, not Organic; *former matches inside
    /// words); "a phrase" is words in a row; ti: au: abs: cat: id: tw: limit a word or phrase
    /// to the title, authors, abstract, categories, arXiv id or tweets; -word excludes; OR and
    /// ( ) combine; @handle finds what an account tweeted about; a pasted id or link finds the
    /// paper. Best match first when the query has words (see --sort).
    Search(SearchArgs),
    /// The most talked-about papers over a span of days, each paper once (its best day).
    Top(TopArgs),
    /// The accounts that tweeted about the most papers over a span of days, each paper counted
    /// once per account. Exit status 1 when no one tweeted in the span.
    Tweeters(TweetersArgs),
    /// A query's matches per week, month or year over the archive's whole span, as bars or
    /// JSON; or the most common categories' share (--categories). Words after the query are
    /// read as trend's flags; exit status 1 when nothing matches, like search.
    Trend(TrendArgs),
    // Library: stars, tags, notes, state
    #[command(flatten)]
    Library(library::LibraryCommand),
    /// Print shell completions, e.g. `hotpapers completions bash > ~/.local/share/bash-completion/completions/hotpapers`.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    // Library: similar and recommend
    /// The papers most like one paper, by the words of their titles and abstracts, their
    /// categories and their authors. Exit status 1 when the paper is not in the archive.
    Similar(SimilarArgs),
    /// Unread papers like the starred ones, best first (starred and read papers left out).
    /// Exit status 1 when nothing is starred yet.
    Recommend(RecommendArgs),
    /// Where the archive's cache of parsed posts and search index is, and its size; `cache
    /// clear` removes it (it is rebuilt at the next load).
    Cache {
        #[command(subcommand)]
        action: Option<CacheAction>,
    },
}
mod cache;
pub use cache::CacheAction;
mod search_flags;
mod similar;
mod trend;
pub use search_flags::{SearchFlags, SortBy, split_search_flags};
pub use similar::{RecommendArgs, SimilarArgs};
pub use trend::{By, TrendArgs};
// End of Library: similar and recommend

// The options of the commands that take several, each a struct so that its command is handed
// them whole. No doc comments on these structs: clap would take them for the command's help,
// which the `Command` variants give.

// The archive as a command's own positional argument, the same as the one before the command
// and as --archive. Not for `search`, whose words are all its query. (A plain comment: a doc
// comment would become the help of every command that flattens it.)
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ArchivePath {
    /// The archive to read (same as --archive).
    #[arg(value_name = "ARCHIVE")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub archive: ArchivePath,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub archive: ArchivePath,
    /// Only this day: YYYY-MM-DD, latest, today or yesterday (must have a post).
    #[arg(long, value_name = "DAY", value_parser = parse_day, conflicts_with_all = ["since", "until"])]
    pub date: Option<DaySpec>,
    /// Days from this one on (inclusive).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<DaySpec>,
    /// Days up to this one (inclusive).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<DaySpec>,
    /// Only starred papers.
    #[arg(long)]
    pub starred: bool,
    /// Only papers not read yet.
    #[arg(long)]
    pub unread: bool,
    /// Only papers with this tag (repeat it for papers with any of several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// CSV: write cells as they are, even those a spreadsheet would run as a formula
    /// (starting with =, +, -, @, a tab or a carriage return), which otherwise get a ' first.
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// The query, e.g. diffusion au:"Yang Song" -cat:cs.CV
    #[arg(required = true, value_name = "QUERY", allow_hyphen_values = true)]
    pub query: Vec<String>,
    /// Show at most N results (the first N in the chosen order).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Order of the results: best match first (the default when the query has words), newest
    /// first (the default otherwise), or most retweets and favorites first.
    #[arg(long, value_enum, value_name = "ORDER")]
    pub sort: Option<SortBy>,
    /// Print a JSON array (`[]` when nothing matches).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct TopArgs {
    #[command(flatten)]
    pub archive: ArchivePath,
    /// First day (inclusive): YYYY-MM-DD, latest, today or yesterday.
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<DaySpec>,
    /// Last day (inclusive).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<DaySpec>,
    /// What to rank by.
    #[arg(long, value_enum, default_value_t = Measure::Score)]
    pub by: Measure,
    /// Show at most N papers.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
}

/// `hotpapers tweeters`.
#[derive(Debug, clap::Args)]
pub struct TweetersArgs {
    /// First day (inclusive): YYYY-MM-DD, latest, today or yesterday.
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<DaySpec>,
    /// Last day (inclusive).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<DaySpec>,
    /// Show at most N accounts.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Print a JSON array of {"handle", "name", "papers", "tweets"}.
    #[arg(long)]
    pub json: bool,
}

/// Shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

impl From<Shell> for clap_complete::Shell {
    fn from(s: Shell) -> Self {
        match s {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
        }
    }
}

/// The completion script for `shell` of the whole command line.
pub fn completions(shell: Shell) -> Vec<u8> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(
        clap_complete::Shell::from(shell),
        &mut Cli::command(),
        "hotpapers",
        &mut out,
    );
    out
}

/// `export --format`: the spelling of `export::Format` on the command line. The library's
/// formats know nothing of clap; the names and help of the values live here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An array of days, oldest first, with every field of every paper and tweet.
    Json,
    /// One arXiv-style @misc entry per paper.
    Bibtex,
    /// A header row, then one row per paper listing (RFC 4180).
    Csv,
    /// A readable digest: a heading per day and a numbered line per paper.
    #[value(alias = "md")]
    Markdown,
}

impl From<Format> for crate::export::Format {
    fn from(f: Format) -> Self {
        use crate::export::Format as F;
        match f {
            Format::Json => F::Json,
            Format::Bibtex => F::Bibtex,
            Format::Csv => F::Csv,
            Format::Markdown => F::Markdown,
        }
    }
}

/// `top --by`: the spelling of `search::Measure` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Measure {
    /// Retweets plus favorites.
    Score,
    Retweets,
    Favorites,
}

impl From<Measure> for crate::search::Measure {
    fn from(m: Measure) -> Self {
        use crate::search::Measure as M;
        match m {
            Measure::Score => M::Score,
            Measure::Retweets => M::Retweets,
            Measure::Favorites => M::Favorites,
        }
    }
}

/// A day as the user names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DaySpec {
    Date(NaiveDate),
    Latest,
    Today,
    Yesterday,
}

impl DaySpec {
    /// The calendar date meant, given today's date; `None` for `latest` (the archive decides).
    pub fn resolve(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DaySpec::Date(d) => Some(d),
            DaySpec::Latest => None,
            DaySpec::Today => Some(today),
            DaySpec::Yesterday => today.checked_sub_days(Days::new(1)),
        }
    }
}

pub fn parse_day(s: &str) -> Result<DaySpec, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "latest" => Ok(DaySpec::Latest),
        "today" => Ok(DaySpec::Today),
        "yesterday" => Ok(DaySpec::Yesterday),
        other => NaiveDate::parse_from_str(other, "%Y-%m-%d")
            .map(DaySpec::Date)
            .map_err(|_| format!("{s:?} is not a day: use YYYY-MM-DD, latest, today or yesterday")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse() {
        let d = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
        assert_eq!(parse_day("2020-03-01"), Ok(DaySpec::Date(d)));
        assert_eq!(parse_day("Latest"), Ok(DaySpec::Latest));
        assert!(parse_day("2020-02-30").is_err());
        assert!(parse_day("soon").unwrap_err().contains("\"soon\""));
        assert_eq!(
            DaySpec::Yesterday.resolve(d),
            NaiveDate::from_ymd_opt(2020, 2, 29)
        );
        assert_eq!(DaySpec::Latest.resolve(d), None);
    }

    #[test]
    fn search_flags_after_the_query_are_flags() {
        let words: Vec<String> = [
            "ti:gan",
            "-cat:cs.CV",
            "--limit",
            "3",
            "--json",
            "--archive=/x",
            "-survey",
            "--config",
            "c.toml",
        ]
        .map(String::from)
        .to_vec();
        let mut flags = SearchFlags::default();
        let q = split_search_flags(&words, &mut flags).unwrap();
        assert_eq!(q, ["ti:gan", "-cat:cs.CV", "-survey"]);
        assert_eq!(
            flags,
            SearchFlags {
                limit: Some(3),
                json: true,
                sort: None,
                archive: Some(PathBuf::from("/x")),
                config: Some(PathBuf::from("c.toml"))
            }
        );
        let split = |w: &[&str]| {
            let words: Vec<String> = w.iter().map(|s| s.to_string()).collect();
            let mut flags = SearchFlags::default();
            split_search_flags(&words, &mut flags).map(|q| (q, flags))
        };
        assert!(split(&["--limit"]).is_err());
        assert!(split(&["--limit", "x"]).is_err());
        let (q, flags) = split(&["gan", "--sort", "Newest", "--sort=score", "x"]).unwrap();
        assert_eq!(
            (q, flags.sort),
            (vec!["gan".into(), "x".into()], Some(SortBy::Score))
        );
        assert_eq!(
            split(&["--sort", "best"]).unwrap_err(),
            "--sort takes relevance, newest or score, not \"best\""
        );
    }

    #[test]
    fn an_archive_after_the_command_is_the_one_before_it() {
        let settled = |args: &[&str], flag_given| {
            let mut cli = Cli::try_parse_from(args).unwrap();
            cli.settle_archive(flag_given).map(|()| cli.path)
        };
        let blog = Ok(Some(PathBuf::from("blog")));
        assert_eq!(settled(&["hp", "check", "blog"], false), blog);
        assert_eq!(settled(&["hp", "blog", "top", "--limit", "3"], false), blog);
        assert_eq!(
            settled(&["hp", "export", "blog", "--archive", "blog"], true),
            blog
        );
        // From $HOTPAPERS_ARCHIVE, --archive is only a default.
        assert_eq!(
            settled(&["hp", "top", "blog", "--archive", "x"], false),
            blog
        );
        let e = settled(&["hp", "top", "blog", "--archive", "x"], true).unwrap_err();
        assert!(e.contains("blog as ARCHIVE and x with --archive"), "{e}");
        let e = settled(&["hp", "x", "check", "blog"], false).unwrap_err();
        assert!(e.contains("x before the command and blog after it"), "{e}");
        // Search's words are its query, never an archive.
        assert_eq!(settled(&["hp", "search", "blog"], false), Ok(None));
    }

    #[test]
    fn format_and_measure_values_map_to_the_library() {
        use crate::{export, search};
        let format = |s| export::Format::from(Format::from_str(s, false).unwrap());
        assert_eq!(format("md"), export::Format::Markdown);
        assert_eq!(format("bibtex"), export::Format::Bibtex);
        let by = |s| search::Measure::from(Measure::from_str(s, false).unwrap());
        assert_eq!(by("score"), search::Measure::default());
        assert_eq!(by("favorites"), search::Measure::Favorites);
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
