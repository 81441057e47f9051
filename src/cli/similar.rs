//! The options of `similar` and `recommend` (see `Command`). Apart from the rest of the command
//! line so that `cli.rs` stays small; `--since` is read as the other commands' days are, by
//! `recommend` (`cli::parse_day`), so that nothing here names its parent.

#[derive(Debug, Clone, clap::Args)]
pub struct SimilarArgs {
    /// The paper: an arXiv id or link (2201.04182, arXiv:2201.04182v2,
    /// https://arxiv.org/abs/2201.04182).
    #[arg(value_name = "ID|URL")]
    pub paper: String,
    /// Show at most N papers.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub limit: usize,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct RecommendArgs {
    /// Show at most N papers.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub limit: usize,
    /// Only papers listed on this day or later: YYYY-MM-DD, latest, today or yesterday.
    #[arg(long, value_name = "DAY")]
    pub since: Option<String>,
    /// Print a JSON array.
    #[arg(long)]
    pub json: bool,
}
