//! End-to-end tests: the real binary in a pseudo-terminal, driven by keys and signals, checked
//! by reading the screen (a vt100 model of it) and the raw bytes written.
//!
//! Exact texts come from small posts written here into a temporary folder; the built-in
//! sample archive is used only where its content does not matter.

#![cfg(unix)]

mod pty;

use std::path::{Path, PathBuf};

use pty::{
    COLS, ENTER_ALT, LEAVE_ALT, ROWS, SHOW_CURSOR, Session, contains, cooked, hotpapers, rfind,
    shell, write_script,
};
use tempfile::TempDir;

const HIDE_CURSOR: &[u8] = b"\x1b[?25l";

// ---------------------------------------------------------------------------------------------
// Fixture posts

struct FixturePaper {
    title: &'static str,
    abs: &'static str,
    pdf: &'static str,
    abstract_text: &'static str,
}

const fn paper(
    title: &'static str,
    abs: &'static str,
    pdf: &'static str,
    abstract_text: &'static str,
) -> FixturePaper {
    FixturePaper {
        title,
        abs,
        pdf,
        abstract_text,
    }
}

/// Tuesday 2024-01-02.
const TUE: &[FixturePaper] = &[
    paper(
        "Tuesday Lemma on Teapot Topology",
        "https://arxiv.org/abs/2401.00201",
        "https://arxiv.org/pdf/2401.00201",
        "Every teapot has exactly one handle, up to homotopy.",
    ),
    paper(
        "Tuesday Survey of Sock Drawers",
        "https://arxiv.org/abs/2401.00202",
        "https://arxiv.org/pdf/2401.00202",
        "Socks vanish at a rate proportional to their number.",
    ),
];

/// Wednesday 2024-01-03.
const WED: &[FixturePaper] = &[
    paper(
        "Wednesday Bounds for Umbrella Inversion",
        "https://arxiv.org/abs/2401.00301",
        "https://arxiv.org/pdf/2401.00301",
        "Umbrellas invert only when the wind exceeds the rent.",
    ),
    paper(
        "Wednesday Notes on Queueing at Bakeries",
        "https://arxiv.org/abs/2401.00302",
        "https://arxiv.org/pdf/2401.00302",
        "The shortest queue is always the other one.",
    ),
];

/// Friday 2024-01-05, the newest day.
const FRI: &[FixturePaper] = &[
    paper(
        "Friday Theory of Misplaced Keys",
        "https://arxiv.org/abs/2401.00501",
        "https://arxiv.org/pdf/2401.00501",
        "Keys are found in the last pocket searched, by definition.",
    ),
    paper(
        "Friday Study of Lukewarm Coffee",
        "https://arxiv.org/abs/2401.00502",
        "https://arxiv.org/pdf/2401.00502",
        "Coffee reaches room temperature during the first meeting.",
    ),
    paper(
        "Friday Model of Printer Moods",
        "https://arxiv.org/abs/2401.00503",
        "https://arxiv.org/pdf/2401.00503",
        "Printers jam with probability one before deadlines.",
    ),
];

/// One digest post in the blog's format.
fn post(date: &str, papers: &[FixturePaper]) -> String {
    let mut s = format!(
        "---\ntitle: Hot Papers {date}\ndate: {date}T09:00:00.Z\ntemplate: \"post\"\n\
         draft: false\nslug: \"hot-papers-{date}\"\ncategory: \"arXiv\"\n\
         description: \"Hot papers {date}\"\n\n---\n\n"
    );
    for (i, p) in papers.iter().enumerate() {
        let rank = i + 1;
        let rt = 100 / rank;
        s.push_str(&format!(
            "\n# {rank}. {title}\n\nAda Fixture, Bo Example\n\n\
             - retweets: {rt}, favorites: {fav} (01/06/2024 09:00:00)\n\n\
             - links: [abs]({abs}) | [pdf]({pdf})\n\
             - [cs.LG](https://arxiv.org/list/cs.LG/recent)\n\n{text}\n\n\n\n",
            title = p.title,
            fav = rt * 3,
            abs = p.abs,
            pdf = p.pdf,
            text = p.abstract_text,
        ));
    }
    s
}

/// An archive folder holding the given days.
fn archive_of(days: &[(&str, &[FixturePaper])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (date, papers) in days {
        std::fs::write(
            dir.path().join(format!("{date}---Hot-Papers.md")),
            post(date, papers),
        )
        .expect("write post");
    }
    dir
}

/// Three days: Tue 2024-01-02, Wed 2024-01-03 and Fri 2024-01-05 (no post on Thursday).
fn fixture() -> TempDir {
    archive_of(&[
        ("2024-01-02", TUE),
        ("2024-01-03", WED),
        ("2024-01-05", FRI),
    ])
}

fn arg(p: &Path) -> String {
    p.to_str().expect("utf-8 temp path").to_string()
}

/// Starts the reader at the default size and waits for its first screen.
fn start(args: &[&str]) -> Session {
    start_cmd(hotpapers(args))
}

fn start_cmd(cmd: portable_pty::CommandBuilder) -> Session {
    let s = Session::start(cmd, COLS, ROWS);
    // Up once the first day is drawn and the rest of the archive has been read.
    s.wait_for("the reader, fully loaded", |t| {
        t.contains("q quit") && !t.contains("reading…")
    });
    s
}

/// Presses `q` and checks the reader ended well.
/// Quits with `Q`, which quits from anywhere (`q` steps back first in the one-pane layout).
fn quit(mut s: Session) {
    s.send("Q");
    let status = s.wait_exit();
    assert!(status.success(), "Q should exit 0, got {status}");
}

/// The (row, column) where `text` starts on the screen.
fn locate(s: &Session, text: &str) -> (u16, u16) {
    s.with_screen(|screen| {
        let (_, cols) = screen.size();
        for (r, row) in screen.rows(0, cols).enumerate() {
            if let Some(i) = row.find(text) {
                // Every character drawn before the text here is one cell wide.
                return (r as u16, row[..i].chars().count() as u16);
            }
        }
        panic!("{text:?} is not on the screen:\n{}", screen.contents());
    })
}

fn highlighted(s: &Session, (row, col): (u16, u16)) -> bool {
    s.with_screen(|screen| {
        let cell = screen.cell(row, col).expect("cell on screen");
        cell.inverse() || cell.bgcolor() != vt100::Color::Default
    })
}

/// A browser stand-in: `$BROWSER` runs it with the URL, and it appends the URL to a log.
struct FakeBrowser {
    _dir: TempDir,
    script: PathBuf,
    log: PathBuf,
}

impl FakeBrowser {
    fn new() -> FakeBrowser {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("opened.log");
        let script = dir.path().join("browser.sh");
        write_script(
            &script,
            &format!(
                "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
                log.to_str().expect("utf-8 temp path")
            ),
        );
        FakeBrowser {
            _dir: dir,
            script,
            log,
        }
    }

    fn opened(&self) -> Vec<String> {
        match std::fs::read_to_string(&self.log) {
            Ok(s) => s.lines().map(str::to_string).collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("read the browser log: {e}"),
        }
    }
}

/// The raw output shows the program left the alternate screen and showed the cursor again,
/// after it last entered / hid them.
fn assert_restored(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    let entered = rfind(raw, ENTER_ALT).expect("the reader never entered the alternate screen");
    let left = rfind(raw, LEAVE_ALT)
        .unwrap_or_else(|| panic!("the alternate screen was never left; output: {text:?}"));
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it; output: {text:?}"
    );
    let shown = rfind(raw, SHOW_CURSOR)
        .unwrap_or_else(|| panic!("the cursor was never shown again; output: {text:?}"));
    if let Some(hidden) = rfind(raw, HIDE_CURSOR) {
        assert!(
            shown > hidden,
            "the cursor was hidden again at the end; output: {text:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn start_up_shows_the_newest_day_with_its_first_paper() {
    let dir = fixture();
    let s = start(&[&arg(dir.path())]);
    // The first frame shows the newest day while the rest is read; then all three days.
    let screen = s.wait_for("the abstract and all days", |t| {
        t.contains(FRI[0].abstract_text) && t.contains("Days (3)")
    });
    assert!(screen.contains("Fri 2024-01-05 · 3 papers"), "{screen}");
    assert!(screen.contains("Paper 1"), "{screen}");
    assert!(screen.contains("paper 1 of 3 · day 3 of 3"), "{screen}");
    assert!(screen.contains("q quit"), "{screen}");
    for p in FRI {
        assert!(screen.contains(p.title), "{} missing:\n{screen}", p.title);
    }
    assert!(
        highlighted(&s, locate(&s, FRI[0].title)),
        "paper 1 is not highlighted:\n{screen}"
    );
    assert!(
        !highlighted(&s, locate(&s, FRI[1].title)),
        "paper 2 is highlighted too:\n{screen}"
    );
    quit(s);
}

#[test]
fn the_bundled_sample_opens_without_an_archive() {
    let s = start(&[]);
    let screen = s.wait_for("a day with papers", |t| {
        t.contains("Days (") && t.contains("· by rank") && t.contains("Paper 1")
    });
    assert!(screen.contains("paper 1 of"), "{screen}");
    quit(s);
}

#[test]
fn date_option_opens_that_day() {
    let dir = fixture();
    let s = start(&[&arg(dir.path()), "--date", "2024-01-03"]);
    let screen = s.wait_text(WED[0].abstract_text);
    assert!(screen.contains("Wed 2024-01-03 · 2 papers"), "{screen}");
    assert!(!screen.contains("No post for"), "{screen}");
    quit(s);
}

#[test]
fn date_without_a_post_opens_the_nearest_earlier_day() {
    let dir = fixture();
    let s = start(&[&arg(dir.path()), "--date", "2024-01-04"]);
    let screen = s.wait_text(WED[0].abstract_text);
    assert!(screen.contains("Wed 2024-01-03 · 2 papers"), "{screen}");
    assert!(screen.contains("No post for 2024-01-04"), "{screen}");
    assert!(screen.contains("earlier"), "{screen}");
    quit(s);
}

#[test]
fn invalid_date_exits_2_without_touching_the_screen() {
    let mut s = Session::start(hotpapers(&["--date", "2020-13-45"]), COLS, ROWS);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2, "{status}");
    assert_eq!(status.signal(), None);
    let screen = s.screen();
    assert!(screen.contains("2020-13-45"), "{screen}");
    let raw = s.raw();
    assert!(
        !contains(&raw, ENTER_ALT)
            && !contains(&raw, HIDE_CURSOR)
            && !contains(&raw, b"\x1b[?1000h"),
        "the terminal was taken over: {:?}",
        String::from_utf8_lossy(&raw)
    );
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[test]
fn brackets_change_the_day() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.wait_text("Fri 2024-01-05 · 3 papers");
    s.send("[");
    s.wait_for("Wednesday and its first abstract", |t| {
        t.contains("Wed 2024-01-03 · 2 papers") && t.contains(WED[0].abstract_text)
    });
    s.send("[");
    s.wait_text("Tue 2024-01-02 · 2 papers");
    s.send("[");
    s.wait_text("Already at the earliest day");
    s.send("]");
    s.wait_text("Wed 2024-01-03 · 2 papers");
    s.send("]");
    s.wait_text("Fri 2024-01-05 · 3 papers");
    s.send("]");
    s.wait_text("Already at the latest day");
    quit(s);
}

#[test]
fn o_and_p_open_the_abs_page_and_pdf_in_the_browser() {
    let dir = fixture();
    let browser = FakeBrowser::new();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.send("j"); // paper 2
    s.wait_text("paper 2 of 3");
    s.send("o");
    s.wait_text(&format!("Opened the abs page: {}", FRI[1].abs));
    assert_eq!(browser.opened(), [FRI[1].abs]);
    s.send("p");
    s.wait_text(&format!("Opened the pdf: {}", FRI[1].pdf));
    assert_eq!(browser.opened(), [FRI[1].abs, FRI[1].pdf]);
    quit(s);
}

#[test]
fn an_unsafe_link_is_refused() {
    let evil = [paper(
        "A Paper With a Script Link",
        "javascript:alert(1)",
        "https://arxiv.org/pdf/2401.00901",
        "Its abs link is not a web page.",
    )];
    let dir = archive_of(&[("2024-01-09", &evil[..])]);
    let browser = FakeBrowser::new();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("BROWSER", &browser.script);
    let mut s = start_cmd(cmd);
    s.wait_text(evil[0].title);
    s.send("o");
    s.wait_for("the refusal naming the scheme", |t| {
        t.contains("Refused to open the abs page") && t.contains("javascript")
    });
    // The browser works (the safe pdf link goes through), and it never got the script link.
    s.send("p");
    s.wait_text("Opened the pdf");
    assert_eq!(browser.opened(), [evil[0].pdf]);
    quit(s);
}

#[test]
fn question_mark_shows_the_keys_and_esc_closes_them() {
    let mut s = start(&[]);
    s.send("?");
    let keys = [" Keys ", "Quit", "Ctrl-c", "Next (later) day", "closes"];
    s.wait_for("the help with every key", |t| {
        keys.iter().all(|k| t.contains(k))
    });
    // The rest is a scroll away.
    s.send("G");
    s.wait_text("Close the help");
    s.send("\x1b");
    s.wait_for("the help to close", |t| {
        !t.contains("Suspend") && t.contains("q quit")
    });
    quit(s);
}

#[test]
fn resizing_switches_layouts_without_crashing() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.wait_text("Days (3)");
    s.resize(60, 20);
    let screen = s.wait_for("the narrow layout", |t| {
        t.contains("Fri 2024-01-05 · 3 papers") && !t.contains("Days (")
    });
    assert!(!screen.contains("Paper 1"), "{screen}");
    s.resize(10, 3);
    s.wait_text("too small");
    s.resize(COLS, ROWS);
    s.wait_for("the wide layout again", |t| {
        t.contains("Days (3)") && t.contains(FRI[0].abstract_text)
    });
    quit(s);
}

#[test]
fn q_exits_0_and_gives_the_terminal_back() {
    let mut s = start(&[]);
    assert!(
        !cooked(&s.termios()),
        "the reader is running but the terminal is not in raw mode"
    );
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    assert_restored(&s.raw());
    assert!(!s.with_screen(|sc| sc.alternate_screen()));
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[test]
fn after_quitting_the_shell_finds_a_sane_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("stty.txt");
    let mut cmd = shell("\"$HOTPAPERS\"; echo \"status=$?\"; stty -a > \"$OUT\"");
    cmd.env("OUT", &out);
    let mut s = start_cmd(cmd);
    s.send("q");
    s.wait_text("status=0");
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    let stty = std::fs::read_to_string(&out).expect("stty output");
    let words: Vec<&str> = stty.split([' ', ';', '\n']).collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&flag),
            "{flag} is off after quitting:\n{stty}"
        );
    }
}

fn end_by_signal(sig: i32) {
    let mut s = start(&[]);
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), sig) }, 0);
    let status = s.wait_exit();
    assert!(
        status.exit_code() == 128 + sig as u32 || status.signal().is_some(),
        "unexpected status after signal {sig}: {status}"
    );
    assert!(!status.success());
    assert_restored(&s.raw());
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[test]
fn sigterm_ends_the_reader_and_restores_the_terminal() {
    end_by_signal(libc::SIGTERM);
}

#[test]
fn sighup_ends_the_reader_and_restores_the_terminal() {
    end_by_signal(libc::SIGHUP);
}

#[test]
fn ctrl_c_quits_with_0() {
    let mut s = start(&[]);
    s.send([0x03]);
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    assert_restored(&s.raw());
    assert!(cooked(&s.termios()), "raw mode was left on");
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_suspends_and_sigcont_resumes() {
    suspends_and_resumes(|s| s.send([0x1a]));
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_from_outside_suspends_like_ctrl_z() {
    // SAFETY: plain kill(2) on our own child.
    suspends_and_resumes(|s| assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGTSTP) }, 0));
}

/// Stops the reader with `stop`, checks the shell gets a sane terminal, continues it with
/// SIGCONT and checks it draws again and answers keys.
#[cfg(target_os = "linux")]
fn suspends_and_resumes(stop: impl FnOnce(&mut Session)) {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.wait_text(FRI[0].abstract_text);
    let before = s.raw().len();
    stop(&mut s);
    s.wait_raw("the alternate screen to be left", |raw| {
        contains(&raw[before..], LEAVE_ALT)
    });
    let end = std::time::Instant::now() + pty::DEADLINE;
    while pty::proc_state(s.pid()) != Some('T') {
        assert!(
            std::time::Instant::now() < end,
            "the reader did not stop; state {:?}",
            pty::proc_state(s.pid())
        );
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    assert!(cooked(&s.termios()), "suspended but still in raw mode");
    assert!(!s.with_screen(|sc| sc.alternate_screen()));
    let stopped = s.raw().len();
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(s.pid(), libc::SIGCONT) }, 0);
    s.wait_raw("the alternate screen to be entered again", |raw| {
        contains(&raw[stopped..], ENTER_ALT)
    });
    s.wait_until("the reader to be drawn again", |sc| {
        sc.alternate_screen() && sc.contents().contains(FRI[0].abstract_text)
    });
    assert!(!cooked(&s.termios()), "resumed without raw mode");
    // Still responsive.
    s.send("j");
    s.wait_text(FRI[1].abstract_text);
    quit(s);
}

/// Whether the main thread of `pid` is inside a write system call now; `None` when the system
/// does not tell.
#[cfg(target_os = "linux")]
fn main_thread_writing(pid: i32) -> Option<bool> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/syscall")).ok()?;
    let first = text.split_whitespace().next()?;
    // "running" when it is on a CPU outside any system call.
    Some(
        first
            .parse::<libc::c_long>()
            .is_ok_and(|nr| nr == libc::SYS_write || nr == libc::SYS_writev),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn sigterm_ends_the_reader_even_when_the_terminal_stops_reading() {
    let mut s = start(&[]);
    let pid = s.pid();
    // Stop reading and make the reader repaint until a write of its main thread blocks.
    s.pause_reading(true);
    let end = std::time::Instant::now() + pty::DEADLINE;
    let mut blocked = 0;
    let mut wide = true;
    while blocked < 5 {
        assert!(
            std::time::Instant::now() < end,
            "the reader never blocked writing"
        );
        let Some(writing) = main_thread_writing(pid) else {
            eprintln!("skipped: /proc/{pid}/task/{pid}/syscall cannot be read here");
            s.pause_reading(false);
            return;
        };
        if writing {
            blocked += 1;
        } else {
            blocked = 0;
            wide = !wide;
            if wide {
                s.resize(COLS, ROWS);
            } else {
                s.resize(COLS - 20, ROWS - 5);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: plain kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = s.wait_process();
    assert!(
        status.exit_code() == 143 || status.signal().is_some(),
        "unexpected status: {status}"
    );
    s.pause_reading(false);
    s.wait_exit();
    assert!(cooked(&s.termios()), "raw mode was left on");
}

/// SGR sequences that set a foreground or background color (30–37, 38;…, 40–47, 90–97).
fn has_color(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(raw);
    text.split("\u{1b}[").skip(1).any(|seq| {
        let Some(end) = seq.find('m') else {
            return false;
        };
        let params = &seq[..end];
        params.chars().all(|c| c.is_ascii_digit() || c == ';')
            && params
                .split(';')
                .any(|p| matches!(p.parse::<u16>(), Ok(30..=49 | 90..=107)))
    })
}

#[test]
fn no_color_turns_colors_off_but_keeps_the_selection_visible() {
    let dir = fixture();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("NO_COLOR", "1");
    let s = start_cmd(cmd);
    s.wait_text(FRI[0].abstract_text);
    assert!(!has_color(&s.raw()), "colors written despite NO_COLOR");
    assert!(
        highlighted(&s, locate(&s, FRI[0].title)),
        "selection not visible without colors"
    );
    quit(s);

    let s = start(&[&arg(dir.path())]);
    s.wait_text(FRI[0].abstract_text);
    assert!(has_color(&s.raw()), "colors are used by default");
    quit(s);
}

#[test]
fn slash_searches_every_day_and_enter_goes_to_the_paper() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.send("/");
    s.wait_text("Search every day");
    s.send("sock drawers");
    let screen = s.wait_text("1 paper");
    assert!(
        screen.contains("Tuesday Survey of Sock Drawers"),
        "{screen}"
    );
    s.send("\r");
    let screen = s.wait_text("Result 1 of 1");
    assert!(
        screen.contains("Tue 2024-01-02"),
        "the day follows:\n{screen}"
    );
    assert!(
        highlighted(&s, locate(&s, "Tuesday Survey of Sock Drawers")),
        "the found paper is selected:\n{screen}"
    );
    // Esc in a new search returns to where we were.
    s.send("/bakeries");
    s.wait_text("Wed 2024-01-03");
    s.send("\x1b");
    s.wait_for("back on Tuesday", |t| {
        t.contains("Tue 2024-01-02") && !t.contains("Search every day")
    });
    quit(s);
}

#[test]
fn s_sorts_the_paper_list_and_says_how() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.send("s");
    let screen = s.wait_text("by retweets ");
    assert!(screen.contains("Papers sorted by retweets"), "{screen}");
    s.send("sss");
    s.wait_text("by rank");
    quit(s);
}

#[test]
fn a_star_lasts_across_restarts() {
    let dir = fixture();
    let state = pty::fresh_state_dir();
    let launch = || {
        let mut cmd = hotpapers(&[&arg(dir.path())]);
        cmd.env("HOTPAPERS_STATE_DIR", &state);
        start_cmd(cmd)
    };
    let mut s = launch();
    s.send("j*");
    s.wait_text("Starred 2401.00502");
    quit(s);
    let s = launch();
    // It reopens on the paper last viewed, and the star is there.
    let screen = s.wait_text("paper 2 of 3");
    let row = locate(&s, FRI[1].title).0;
    let line = screen
        .lines()
        .nth(row as usize)
        .unwrap_or_default()
        .to_string();
    assert!(
        line.contains('★'),
        "no star on the starred paper:\n{screen}"
    );
    quit(s);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn y_copies_the_abs_url_with_osc_52() {
    let dir = fixture();
    let mut s = start(&[&arg(dir.path())]);
    s.send("y");
    s.wait_text("Copied the abs URL");
    // base64 of https://arxiv.org/abs/2401.00501
    let want = b"\x1b]52;c;aHR0cHM6Ly9hcnhpdi5vcmcvYWJzLzI0MDEuMDA1MDE=\x07";
    assert!(
        pty::contains(&s.raw(), want),
        "no OSC 52 sequence with the URL in the output"
    );
    quit(s);
}

#[test]
fn posts_added_or_changed_on_disk_show_up_by_themselves() {
    let dir = fixture();
    let s = start(&[&arg(dir.path())]);
    // As a `git pull` would: a new day, and a changed title in an old one.
    std::fs::write(
        dir.path().join("2024-01-08---Hot-Papers.md"),
        post(
            "2024-01-08",
            &[paper(
                "Monday Note on Fresh Posts",
                "https://arxiv.org/abs/2401.00801",
                "https://arxiv.org/pdf/2401.00801",
                "It arrived while the reader was open.",
            )],
        ),
    )
    .unwrap();
    let screen = s.wait_text("2024-01-08 Mon");
    assert!(
        screen.contains("Fri 2024-01-05"),
        "the selection stays where it was:\n{screen}"
    );
    let fri = dir.path().join("2024-01-05---Hot-Papers.md");
    let text = std::fs::read_to_string(&fri)
        .unwrap()
        .replace(FRI[1].title, "Friday Study of Hot Coffee");
    std::fs::write(&fri, text).unwrap();
    s.wait_text("Friday Study of Hot Coffee");
    quit(s);
}

#[test]
fn a_paper_on_screen_for_a_moment_is_marked_read() {
    let dir = fixture();
    let mut cmd = hotpapers(&[&arg(dir.path())]);
    cmd.env("HOTPAPERS_READ_AFTER", "0.2");
    let s = start_cmd(cmd);
    // Paper 1 of Friday is shown: after the delay its day counts 2 unread of 3.
    s.wait_text("2024-01-05 Fri     2/3");
    quit(s);
}
