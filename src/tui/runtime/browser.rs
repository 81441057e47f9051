//! Opening a URL in the browser without ever blocking the reader or letting the browser write
//! to our screen.

use std::process::{Command, Stdio};

/// Starts the browser for an already checked URL in its own thread and reports the outcome
/// to `done` as a status message (text, is_error), so a slow or hanging browser never blocks
/// the UI.
pub fn open(what: &'static str, url: String, done: impl FnOnce(String, bool) + Send + 'static) {
    std::thread::spawn(move || {
        let result = match std::env::var("BROWSER") {
            Ok(b) if !b.trim().is_empty() => run_browser_var(&b, &url),
            _ => open::that_detached(&url).map_err(|e| e.to_string()),
        };
        let (text, error) = match result {
            Ok(()) => (format!("Opened the {what}: {url}"), false),
            Err(e) => (
                format!("Could not open the {what} ({e}); the link is {url}"),
                true,
            ),
        };
        // The URL was checked, but `$BROWSER` and the system's messages were not: nothing
        // that ends up in the status line may carry a control character.
        done(crate::archive::text::sanitize(&text).into_owned(), error);
    });
}

/// Runs `$BROWSER` the way gh and Python's webbrowser do: the first of its `:`-separated
/// commands, with `%s` replaced by the URL, or the URL as a last argument.
fn run_browser_var(var: &str, url: &str) -> Result<(), String> {
    let cmd = var
        .split(':')
        .map(str::trim)
        .find(|c| !c.is_empty())
        .unwrap_or(var);
    let mut words: Vec<String> = cmd.split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Err("$BROWSER is empty".into());
    }
    if words.iter().any(|w| w.contains("%s")) {
        for w in &mut words {
            *w = w.replace("%s", url);
        }
    } else {
        words.push(url.to_string());
    }
    let mut command = Command::new(&words[0]);
    command
        .args(&words[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group: Ctrl-C in the reader is not the browser's business.
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", words[0]))?;
    match child.wait() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(match (s.code(), signal_of(&s)) {
            (Some(code), _) => format!("{} exited with status {code}", words[0]),
            (None, Some(sig)) => format!("{} was killed by signal {sig}", words[0]),
            (None, None) => format!("{} failed: {s}", words[0]),
        }),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(unix)]
fn signal_of(s: &std::process::ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(s)
}

#[cfg(not(unix))]
fn signal_of(_: &std::process::ExitStatus) -> Option<i32> {
    None
}
