//! The options of `trend` (see `Command`), apart from the rest of the command line so that
//! `cli.rs` stays small, and taking them out of the query's words.

use clap::ValueEnum;

#[derive(Debug, Clone, clap::Args)]
pub struct TrendArgs {
    /// The query, as `search` takes it, e.g. diffusion -cat:cs.CV (none with --categories).
    #[arg(
        value_name = "QUERY",
        allow_hyphen_values = true,
        required_unless_present = "categories"
    )]
    pub query: Vec<String>,
    /// One bar per week (ISO weeks), month or year.
    #[arg(long, value_enum, value_name = "PERIOD", default_value_t = By::Month)]
    pub by: By,
    /// Bars as the share of all papers of each period, not counts.
    #[arg(long)]
    pub share: bool,
    /// The share of the most common categories per period, instead of a query's matches.
    #[arg(long, conflicts_with = "share")]
    pub categories: bool,
    /// With --categories, how many of the most common categories.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub limit: usize,
    /// Print a JSON array: every period of the archive's span, those with nothing included.
    #[arg(long)]
    pub json: bool,
}

/// `trend --by`: the spelling of `search::Period` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Week,
    Month,
    Year,
}

impl From<By> for crate::search::Period {
    fn from(b: By) -> Self {
        use crate::search::Period as P;
        match b {
            By::Week => P::Week,
            By::Month => P::Month,
            By::Year => P::Year,
        }
    }
}

impl TrendArgs {
    /// Takes `trend`'s flags out of the query's words. The query must accept words starting with
    /// `-` (exclusions), which makes clap hand it every flag after its first word.
    /// `--archive` and `--config` there are refused: they are read before any command runs.
    pub fn take_flags(&mut self) -> Result<(), String> {
        let mut query = Vec::new();
        let mut words = std::mem::take(&mut self.query).into_iter();
        while let Some(w) = words.next() {
            let (flag, inline) = match w.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
                _ => (w.clone(), None),
            };
            let switch = inline.is_none();
            match flag.as_str() {
                "--json" if switch => self.json = true,
                "--share" if switch => self.share = true,
                "--categories" if switch => self.categories = true,
                "--by" | "--limit" => {
                    let v = inline
                        .or_else(|| words.next())
                        .ok_or(format!("{flag} needs a value"))?;
                    if flag == "--by" {
                        self.by = By::from_str(&v, true)
                            .map_err(|_| format!("--by takes week, month or year, not {v:?}"))?;
                    } else {
                        self.limit = v
                            .parse()
                            .map_err(|_| format!("--limit takes a number, not {v:?}"))?;
                    }
                }
                "--archive" | "--config" => {
                    return Err(format!("give {flag} before the query's words"));
                }
                _ => query.push(w),
            }
        }
        self.query = query;
        match (self.categories, self.query.is_empty(), self.share) {
            (true, false, _) => Err("--categories takes no query".into()),
            (true, _, true) => Err("--categories draws shares already; drop --share".into()),
            (false, true, _) => Err("trend needs a query, or --categories".into()),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(words: &[&str]) -> Result<TrendArgs, String> {
        let mut args = TrendArgs {
            query: words.iter().map(|w| w.to_string()).collect(),
            by: By::Month,
            share: false,
            categories: false,
            limit: 8,
            json: false,
        };
        args.take_flags().map(|()| args)
    }

    #[test]
    fn flags_after_the_query_are_flags_and_exclusions_stay_in_it() {
        let a = split(&["gan", "-cat:cs.CV", "--by", "Year", "--share", "--json"]).unwrap();
        assert_eq!(a.query, ["gan", "-cat:cs.CV"]);
        assert_eq!((a.by, a.share, a.json), (By::Year, true, true));
        let a = split(&["gan", "--by=week"]).unwrap();
        assert_eq!((a.query.len(), a.by), (1, By::Week));
        let a = split(&["--categories", "--limit", "3"]).unwrap();
        assert_eq!((a.categories, a.limit), (true, 3));
    }

    #[test]
    fn wrong_flags_are_refused_with_why() {
        let e = |w: &[&str]| split(w).unwrap_err();
        assert_eq!(e(&["gan", "--by"]), "--by needs a value");
        assert_eq!(
            e(&["gan", "--by", "day"]),
            "--by takes week, month or year, not \"day\""
        );
        assert_eq!(
            e(&["gan", "--archive", "x"]),
            "give --archive before the query's words"
        );
        assert_eq!(e(&["--categories", "gan"]), "--categories takes no query");
        assert_eq!(
            e(&["--categories", "--share"]),
            "--categories draws shares already; drop --share"
        );
        assert_eq!(e(&[]), "trend needs a query, or --categories");
        assert_eq!(
            e(&["--categories", "--limit", "x"]),
            "--limit takes a number, not \"x\""
        );
    }
}
