//! Problems found while loading, reported to people rather than aborting the load.

use std::fmt;
use std::path::PathBuf;

use super::text::is_forbidden;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file: what is wrong and what was done about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line,
            message: message.into(),
        }
    }

    pub fn warning(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        // File names come from the archive and may hold escape sequences or newlines; `check`
        // prints this to a terminal, one diagnostic a line. Escaped, not dropped, so the file can
        // still be found.
        let path = self.path.display().to_string();
        let (path, message) = (Escaped(&path), Escaped(&self.message));
        match self.line {
            Some(line) => write!(f, "{kind}: {path}:{line}: {message}"),
            None => write!(f, "{kind}: {path}: {message}"),
        }
    }
}

/// Text with newlines and forbidden characters shown as `\n`, `\u{1b}`, …: the one way every
/// message on stderr quotes what came from outside (a file name, a config key, a path).
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c == '\n' || is_forbidden(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// Failures that stop an archive from being read at all (a single bad post never does).
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: cannot read the archive")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not a directory (give a folder of posts or a blog checkout with content/posts)"
    )]
    NotADirectory { path: PathBuf },
}

/// How many of `diagnostics` are of `severity`.
pub fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}
