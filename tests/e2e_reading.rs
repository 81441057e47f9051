//! End-to-end tests of reading: the real binary in a pseudo-terminal, driven by keys, checked
//! by reading the screen (a vt100 model of it) and the raw bytes written. Start-up and `--date`,
//! changing days, opening links, help, search, sorting, stars, copying, posts changing on
//! disk and papers marked read.
//!
//! Exact texts come from small posts written here into a temporary folder; the built-in
//! sample archive is used only where its content does not matter.

#![cfg(unix)]

mod e2e_support;
#[allow(dead_code)] // not every helper of the harness is used here
mod pty;

use e2e_support::{
    FRI, HIDE_CURSOR, WED, archive_of, arg, fixture, highlighted, locate, paper, post, quit, start,
    start_cmd,
};
use pty::{COLS, ENTER_ALT, FakeBrowser, ROWS, Session, contains, cooked, hotpapers};

// ---------------------------------------------------------------------------------------------
// Fixture posts

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
    let browser = FakeBrowser::new("");
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
    let browser = FakeBrowser::new("");
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
