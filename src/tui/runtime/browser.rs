//! Opening a URL in the browser without ever blocking the reader or letting the browser write
//! to our screen or change our terminal's mode.

use std::fmt;
use std::io;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a browser may take to fail before it counts as started. A launcher such as
/// xdg-open or a `$BROWSER` script may fail at once (no display, nothing to run) and the next
/// one should be tried then; a real browser stays in the foreground as long as it is open, so
/// waiting for its end would leave the status line silent until the browser is closed. Two
/// seconds leaves a failing launcher time to fail on a loaded machine.
const GRACE: Duration = Duration::from_secs(2);

/// Starts the browser for an already checked URL in its own thread and reports the outcome
/// to `done` as a status message (text, is_error), so a slow or hanging browser never blocks
/// the UI.
///
/// The browser gets the URL with its host in ASCII (see `links::ascii_hosts`): what the status
/// line shows is what it opens.
/// `done` gets the outcome for the status line; `repaint` asks the reader, once the browser has
/// started and once it has ended, to put its terminal's mode back if the browser changed it
/// (see `tty_mode`) and to draw the whole screen again, since a program that reached the
/// terminal could have written over it. The repaint is asked for by a message, not by
/// signalling ourselves SIGWINCH as a resize would: a process-wide signal landing on the input
/// thread mid-read lost keys (one in four runs of the PTY tests under load missed the key after
/// a browser started).
pub fn open(
    what: &'static str,
    url: String,
    done: impl FnOnce(String, bool) + Send + 'static,
    repaint: impl Fn() + Send + 'static,
) {
    std::thread::spawn(move || {
        let browser = std::env::var("BROWSER").ok();
        let url = crate::links::ascii_hosts(&url).into_owned();
        let (text, error, child) = outcome(what, &url, browser.as_deref(), GRACE);
        repaint();
        done(text, error);
        // A browser still running is waited for here, off the UI's thread, so it leaves no
        // zombie behind once it exits; whatever it did to the terminal meanwhile is undone.
        if let Some(mut child) = child {
            let _ = child.wait();
            repaint();
        }
    });
}

/// Tries the browsers `browser` (the value of `$BROWSER`) names for `url`: the status message
/// (text, is_error) and the browser's process if it is still running.
fn outcome(
    what: &str,
    url: &str,
    browser: Option<&str>,
    grace: Duration,
) -> (String, bool, Option<Child>) {
    let (text, error, child) = match launch(candidates(browser, url), grace) {
        Ok(child) => (format!("Opened the {what}: {url}"), false, child),
        // The URL first: the status line cuts what does not fit, and the URL is what the user
        // can still use.
        Err(why) => (format!("Could not open {url}: {why}"), true, None),
    };
    // The URL was checked, but `$BROWSER` was not: nothing that ends up in the status line may
    // carry a control character.
    let text = crate::archive::text::sanitize(&text).into_owned();
    (text, error, child)
}

/// Why no browser showed the URL, in words for the status line.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    /// None of the programs could be run at all (not installed, not executable).
    NoneStarted(Vec<String>),
    /// The last program that ran (its file name) exited unsuccessfully.
    Exited(String, i32),
    /// The last program that ran (its file name) was killed by a signal.
    Killed(String, i32),
    /// A program (its file name) was started but could not be watched; it may have opened the
    /// URL, so no other was tried.
    Lost(String, String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::NoneStarted(tried) => {
                write!(
                    f,
                    "no browser could be started (tried {})",
                    tried.join(", ")
                )
            }
            Failure::Exited(program, code) => write!(f, "{program} exited with status {code}"),
            Failure::Killed(program, signal) => {
                write!(f, "{program} was killed by signal {signal}")
            }
            Failure::Lost(program, e) => write!(f, "{program} was started but {e}"),
        }
    }
}

/// The commands that may open `url`, in order: those of `$BROWSER` (`browser`), else the
/// system's openers (xdg-open, gio, … on Linux; `open` on macOS).
///
/// `$BROWSER` is read as xdg-utils and Python's webbrowser read it: a list of commands
/// separated by `:` (`;` on Windows), each split at white space, with `%s` replaced by the URL or
/// else the URL as a last argument. No shell is involved. One without any command is as good as
/// unset.
fn candidates(browser: Option<&str>, url: &str) -> Vec<Command> {
    let separator = if cfg!(windows) { ';' } else { ':' };
    let from_var: Vec<Command> = browser
        .unwrap_or("")
        .split(separator)
        .filter_map(|entry| {
            let mut words: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
            if words.is_empty() {
                return None;
            }
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            let mut command = Command::new(&words[0]);
            command.args(&words[1..]);
            Some(command)
        })
        .collect();
    if from_var.is_empty() {
        open::commands(url)
    } else {
        from_var
    }
}

/// Runs `commands` one after the other until one starts: it exits with status 0 within
/// `grace`, or is still running then. Returns that one's process when it is still running (to
/// be waited for), else what became of the last that ran, or of all when none could.
fn launch(commands: Vec<Command>, grace: Duration) -> Result<Option<Child>, Failure> {
    let mut tried = Vec::new();
    let mut last = None;
    for mut command in commands {
        let program = command.get_program().to_string_lossy().into_owned();
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // A session of its own (so a process group of its own too: Ctrl-C in the reader is
            // not the browser's business), without a controlling terminal: `/dev/tty` cannot
            // be opened, so the browser can neither write over the screen nor change the
            // terminal's mode through it. A process group alone is not enough: it keeps the
            // terminal.
            // SAFETY: setsid(2) is async-signal-safe and touches no memory of the parent.
            unsafe {
                command.pre_exec(|| {
                    if libc::setsid() == -1 {
                        return Err(io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        let Ok(mut child) = command.spawn() else {
            tried.push(program);
            continue;
        };
        // The name is enough once it ran: a whole path could push the reason out of sight.
        let program = match std::path::Path::new(&program).file_name() {
            Some(name) => name.to_string_lossy().into_owned(),
            None => program,
        };
        match wait_a_little(&mut child, grace) {
            Ok(None) => return Ok(Some(child)),
            Ok(Some(status)) if status.success() => return Ok(None),
            Ok(Some(status)) => {
                last = Some(match (status.code(), signal_of(&status)) {
                    (None, Some(signal)) => Failure::Killed(program, signal),
                    (code, _) => Failure::Exited(program, code.unwrap_or(-1)),
                });
            }
            // Started, maybe showing the URL already: trying the next would open it twice.
            Err(e) => return Err(Failure::Lost(program, e.to_string())),
        }
    }
    Err(last.unwrap_or(Failure::NoneStarted(tried)))
}

/// The child's exit status if it exits within `grace`, else `None`.
fn wait_a_little(
    child: &mut Child,
    grace: Duration,
) -> io::Result<Option<std::process::ExitStatus>> {
    let deadline = Instant::now() + grace;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(None);
        }
        std::thread::sleep(left.min(Duration::from_millis(10)));
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

#[cfg(all(test, unix))]
mod tests {
    use std::path::Path;

    use super::*;

    const URL: &str = "https://arxiv.org/abs/2401.00001";
    /// Long enough for a script to exit however busy the machine: only one that hangs waits it.
    const PATIENT: Duration = Duration::from_secs(20);

    /// A folder with fake browsers, run through `sh` (a script written and then executed
    /// directly can fail with ETXTBSY while another test forks): `log.sh` appends its
    /// arguments to `log`, a line each, and exits 0; `fail.sh` appends "fail" and exits 1;
    /// `killed.sh` kills itself; `hang.sh` runs for half a minute, as a browser that stays open.
    fn browsers() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        let script = |name: &str, body: &str| {
            let text = format!("{body}\n").replace("LOG", &format!("'{}'", log.display()));
            std::fs::write(dir.path().join(name), text).unwrap();
        };
        script("log.sh", "printf '%s\\n' \"$@\" >> LOG");
        script("fail.sh", "echo fail >> LOG; exit 1");
        script("killed.sh", "kill -9 $$");
        script("hang.sh", "exec sleep 30");
        // Fields 1 and 6 of /proc/PID/stat: the process and its session.
        script(
            "session.sh",
            "awk '{print ($1 == $6) ? \"leads its session\" : \"in ours\"}' /proc/$$/stat >> LOG",
        );
        dir
    }

    fn var(dir: &Path, entries: &[&str]) -> String {
        let sh = |e: &str| e.replace("SH ", &format!("sh {}/", dir.display()));
        entries.iter().map(|e| sh(e)).collect::<Vec<_>>().join(":")
    }

    fn log(dir: &Path) -> String {
        std::fs::read_to_string(dir.join("log")).unwrap_or_default()
    }

    #[test]
    fn browser_entries_are_tried_in_order_until_one_starts() {
        let dir = browsers();
        let b = var(
            dir.path(),
            &[
                "/no/such/browser",
                "SH fail.sh",
                "SH log.sh --new-tab",
                "SH log.sh never",
            ],
        );
        let (text, error, child) = outcome("abs page", URL, Some(&b), PATIENT);
        assert_eq!(
            (text.as_str(), error),
            (format!("Opened the abs page: {URL}").as_str(), false)
        );
        assert!(child.is_none(), "it exited");
        assert_eq!(log(dir.path()), format!("fail\n--new-tab\n{URL}\n"));
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_browser_runs_in_a_session_of_its_own() {
        let dir = browsers();
        let b = var(dir.path(), &["SH session.sh"]);
        assert!(launch(candidates(Some(&b), URL), PATIENT).is_ok());
        assert_eq!(log(dir.path()), "leads its session\n");
    }

    #[test]
    fn percent_s_is_replaced_by_the_url_else_it_comes_last() {
        let dir = browsers();
        let b = var(dir.path(), &["SH log.sh --url=%s --x"]);
        assert!(launch(candidates(Some(&b), URL), PATIENT).is_ok());
        assert_eq!(log(dir.path()), format!("--url={URL}\n--x\n"));
    }

    #[test]
    fn when_all_fail_the_last_failure_is_said_in_words_after_the_whole_url() {
        let dir = browsers();
        let cases = [
            (
                vec!["SH fail.sh", "/no/such/browser"],
                "sh exited with status 1",
            ),
            (
                vec!["SH fail.sh", "SH killed.sh"],
                "sh was killed by signal 9",
            ),
            (
                vec!["/no/such/a", " /no/such/b --new-tab "],
                "no browser could be started (tried /no/such/a, /no/such/b)",
            ),
        ];
        for (entries, why) in cases {
            let b = var(dir.path(), &entries);
            let (text, error, child) = outcome("pdf", URL, Some(&b), PATIENT);
            assert_eq!(text, format!("Could not open {URL}: {why}"));
            assert!(error && child.is_none());
        }
    }

    #[test]
    fn a_browser_still_running_after_the_grace_has_started() {
        let dir = browsers();
        let b = var(dir.path(), &["SH hang.sh", "SH log.sh"]);
        let started = Instant::now();
        let child = launch(candidates(Some(&b), URL), Duration::from_millis(50));
        let mut child = child.unwrap().expect("still running");
        assert!(started.elapsed() < Duration::from_secs(20));
        child.kill().unwrap();
        child.wait().unwrap();
        assert_eq!(log(dir.path()), "", "the next one was not tried");
    }

    #[test]
    fn without_a_browser_in_the_variable_the_system_openers_are_tried() {
        let programs = |cs: Vec<Command>| -> Vec<String> {
            cs.iter()
                .map(|c| c.get_program().to_string_lossy().into_owned())
                .collect()
        };
        let system = programs(open::commands(URL));
        assert!(!system.is_empty());
        for b in [None, Some(""), Some(" : :")] {
            assert_eq!(programs(candidates(b, URL)), system, "{b:?}");
        }
        assert_eq!(programs(candidates(Some(":firefox:"), URL)), ["firefox"]);
    }
}
