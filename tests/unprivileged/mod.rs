//! Running the program as a user whom file permissions stop, for the tests of folders that
//! cannot be written or read. Tests running as an ordinary user run it as themselves; root
//! ignores permissions, so there it runs as `nobody` through `setpriv`. Where neither can be
//! arranged the test says so on stderr and checks nothing, rather than passing as if it had:
//! every test first checks that the permission it relies on does stop that user.

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// `nobody` on Debian-like and most other systems.
const NOBODY: u32 = 65534;

/// How to run a program as a user permissions stop.
pub struct Unprivileged {
    /// The command line's start (`setpriv …`), empty when the tests are not root.
    prefix: Vec<String>,
}

/// How to run programs as a user permissions stop here, if that can be arranged; otherwise
/// `None`, having said why on stderr for `test`.
pub fn unprivileged(test: &str) -> Option<Unprivileged> {
    // SAFETY: geteuid only reads the process's credentials.
    if unsafe { libc::geteuid() } != 0 {
        return Some(Unprivileged { prefix: vec![] });
    }
    let prefix: Vec<String> = [
        "setpriv".to_string(),
        format!("--reuid={NOBODY}"),
        format!("--regid={NOBODY}"),
        "--clear-groups".into(),
        "--".into(),
    ]
    .into();
    let works = std::process::Command::new(&prefix[0])
        .args(&prefix[1..])
        .arg("true")
        .status()
        .is_ok_and(|s| s.success());
    if !works {
        eprintln!(
            "SKIPPED {test}: running as root, and `setpriv` cannot run a program as uid {NOBODY} here, so no folder can be made unwritable to the program"
        );
        return None;
    }
    Some(Unprivileged { prefix })
}

impl Unprivileged {
    /// A command line (for a pseudo-terminal) running the reader with `args` as that user,
    /// with the harness's environment.
    pub fn reader(&self, args: &[&str]) -> portable_pty::CommandBuilder {
        let quoted: Vec<String> = args.iter().map(|a| quote(a)).collect();
        let prefix: Vec<String> = self.prefix.iter().map(|a| quote(a)).collect();
        let mut cmd = crate::pty::shell(&format!(
            "exec {} \"$HOTPAPERS\" {}",
            prefix.join(" "),
            quoted.join(" ")
        ));
        cmd.env("HOTPAPERS_CACHE", "off");
        cmd
    }

    /// A command running the binary with `args` as that user.
    pub fn command<S: AsRef<OsStr>>(&self, args: &[S]) -> std::process::Command {
        let bin = env!("CARGO_BIN_EXE_hotpapers");
        let mut cmd = match self.prefix.split_first() {
            Some((first, rest)) => {
                let mut c = std::process::Command::new(first);
                c.args(rest).arg(bin);
                c
            }
            None => std::process::Command::new(bin),
        };
        cmd.args(args);
        // Nor does the config of the user running the tests come into it (nor can that user's
        // home be read).
        cmd.env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("hotpapers-test-no-config"),
        );
        // The tests' cache folder is not that user's to write (the cache's own tests set one).
        cmd.env("HOTPAPERS_CACHE", "off");
        cmd
    }

    /// Whether that user can make a file in `dir`.
    pub fn can_write(&self, dir: &Path) -> bool {
        let probe = dir.join(".write-probe");
        let made = self
            .shell(&format!(": > {}", quote(&probe.to_string_lossy())))
            .is_ok_and(|s| s.success());
        let _ = std::fs::remove_file(&probe);
        made
    }

    /// Whether that user can list `dir`.
    pub fn can_list(&self, dir: &Path) -> bool {
        self.shell(&format!("ls {} > /dev/null", quote(&dir.to_string_lossy())))
            .is_ok_and(|s| s.success())
    }

    fn shell(&self, script: &str) -> std::io::Result<std::process::ExitStatus> {
        let mut cmd = match self.prefix.split_first() {
            Some((first, rest)) => {
                let mut c = std::process::Command::new(first);
                c.args(rest).arg("sh");
                c
            }
            None => std::process::Command::new("sh"),
        };
        cmd.args(["-c", script])
            .stderr(std::process::Stdio::null())
            .status()
    }
}

/// Lets everyone read (and enter) `path`, a temporary folder being its maker's alone.
pub fn readable(path: &Path) {
    let mode = if path.is_dir() { 0o755 } else { 0o644 };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Sets `path`'s permission bits.
pub fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// `s` quoted for `sh`.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
