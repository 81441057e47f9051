//! The default keys of every scope, in the order the help lists them: the other half of the
//! registry in `command`.

use super::command::{Command, Scope};
use super::key::{Key, KeyName};

/// A default binding: in `scope`, `keys` ask for `command`.
pub struct Binding {
    pub scope: Scope,
    pub command: Command,
    pub keys: &'static [Key],
    /// What the help says the keys do here, when it is not the command's own help.
    pub help: Option<&'static str>,
    /// A short label for the footer; bindings without one appear only in the help.
    pub footer: Option<&'static str>,
}

impl Binding {
    pub fn help(&self) -> &'static str {
        self.help.unwrap_or(self.command.help())
    }
}

const fn c(ch: char) -> Key {
    Key::char(ch)
}
const fn ctrl(ch: char) -> Key {
    Key::ctrl(ch)
}
const fn n(name: KeyName) -> Key {
    Key::named(name)
}

const fn b(
    scope: Scope,
    command: Command,
    keys: &'static [Key],
    help: Option<&'static str>,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        scope,
        command,
        keys,
        help,
        footer,
    }
}

use Command as K;
use KeyName::{BackTab, Backspace, End, Enter, Esc, Home, PageDown, PageUp, ShiftSpace, Tab};
use KeyName::{Down as DownKey, Left as LeftKey, Right as RightKey, Up as UpKey};
use Scope::{Categories as C, Confirm as Y, Finder as F, GoTo as G, Help as H};
use Scope::{CategoryTrend as O, Trend as E};
use Scope::{ForYou as U, Leaderboard as L, Links as I, People as P, Tag as A, Tags as W};
use Scope::{Reader as R, Search as S, Similar as M, Starred as T};

/// Every default key, by scope, in the order the help lists them.
#[rustfmt::skip]
pub static DEFAULTS: &[Binding] = &[
    b(R, K::Close, &[c('q')], None, Some("quit")),
    b(R, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(R, K::Down, &[c('j'), n(DownKey)], None, Some("move")),
    b(R, K::Up, &[c('k'), n(UpKey)], None, None),
    b(R, K::FocusLeft, &[c('h'), n(LeftKey)], None, Some("pane")),
    b(R, K::FocusRight, &[c('l'), n(RightKey)], None, None),
    b(R, K::NextPane, &[n(Tab)], None, None),
    b(R, K::PrevPane, &[n(BackTab)], None, None),
    b(R, K::First, &[c('g'), n(Home)], None, None),
    b(R, K::Last, &[c('G'), n(End)], None, None),
    b(R, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(R, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(R, K::HalfPageDown, &[ctrl('d')], None, None),
    b(R, K::HalfPageUp, &[ctrl('u')], None, None),
    b(R, K::NextPaper, &[c('J')], None, None),
    b(R, K::PrevPaper, &[c('K')], None, None),
    b(R, K::ReadOn, &[c(' ')], None, Some("read")),
    b(R, K::ReadBack, &[c('b'), n(ShiftSpace)], None, None),
    b(R, K::NextDay, &[c(']')], None, Some("day")),
    b(R, K::PrevDay, &[c('[')], None, None),
    b(R, K::Enter, &[n(Enter)], Some("Go in / open the paper; on a watch list, its results; on the paper, the day marked with > or its abs page"), Some("open")),
    b(R, K::Back, &[n(Esc)], None, Some("back")),
    b(R, K::OpenAbs, &[c('o')], None, Some("abs")),
    b(R, K::OpenPdf, &[c('p')], None, Some("pdf")),
    b(R, K::OpenTweet, &[c('t')], None, Some("tweet")),
    b(R, K::NextTweet, &[c('>')], None, None),
    b(R, K::Search, &[c('/')], None, Some("search")),
    b(R, K::GoTo, &[c(':')], None, None),
    b(R, K::FindTitle, &[c('F')], None, None),
    b(R, K::NextResult, &[c('n')], None, None),
    b(R, K::PrevResult, &[c('N')], None, None),
    b(R, K::Sort, &[c('s')], None, Some("sort")),
    b(R, K::Filter, &[c('c')], None, Some("filter")),
    b(R, K::Top, &[c('T')], None, Some("top")),
    b(R, K::ToggleRead, &[c('m')], None, None),
    b(R, K::NextUnread, &[c('u')], None, Some("unread")),
    b(R, K::ReadDay, &[c('A')], None, None),
    b(R, K::ReadUpTo, &[c('C')], None, None),
    b(R, K::UndoBulk, &[c('U')], None, None),
    b(R, K::Star, &[c('*')], None, Some("star")),
    b(R, K::Starred, &[c('S')], None, None),
    b(R, K::Similar, &[c('=')], None, Some("similar")),
    b(R, K::ForYou, &[c('R')], None, None),
    b(R, K::NotForMe, &[c('X')], None, None),
    b(R, K::EditNote, &[c('e')], None, None),
    b(R, K::Tag, &[c('+')], None, None),
    b(R, K::Tags, &[c('#')], None, None),
    b(R, K::ForgetWatch, &[c('D')], None, None),
    b(R, K::People, &[c('P')], None, None),
    b(R, K::Links, &[c('L')], None, Some("links")),
    b(R, K::CopyUrl, &[c('y')], None, None),
    b(R, K::CopyBibtex, &[c('Y')], None, None),
    b(R, K::Reload, &[c('r')], None, None),
    b(R, K::Help, &[c('?')], None, Some("help")),
    b(R, K::Suspend, &[ctrl('z')], None, None),
    b(S, K::Enter, &[n(Enter)], Some("Go to the selected result"), Some("go")),
    // A text prompt: Ctrl-c cancels it rather than quitting, as in helix and lazygit.
    b(S, K::Back, &[n(Esc), ctrl('c')], Some("Close and return to where you were"), Some("cancel")),
    b(S, K::Down, &[n(DownKey)], Some("Next result"), Some("results")),
    b(S, K::Up, &[n(UpKey)], Some("Previous result"), None),
    // The box is a text prompt: a letter would type itself, so the order cycles on Tab.
    b(S, K::Sort, &[n(Tab)], Some("Order results: best match, newest, most talked-about first"), Some("order")),
    b(S, K::SaveWatch, &[ctrl('s')], None, Some("watch")),
    // A letter would type itself: the chart is on Ctrl-t.
    b(S, K::Trend, &[ctrl('t')], None, Some("trend")),
    b(S, K::OlderQuery, &[ctrl('p')], None, Some("history")),
    b(S, K::NewerQuery, &[ctrl('n')], None, None),
    b(S, K::PageDown, &[n(PageDown)], Some("A page of results down"), None),
    b(S, K::PageUp, &[n(PageUp)], Some("A page of results up"), None),
    b(S, K::First, &[n(Home)], Some("First result"), None),
    b(S, K::Last, &[n(End)], Some("Last result"), None),
    b(S, K::DeleteChar, &[n(Backspace)], None, None),
    b(S, K::DeleteWord, &[ctrl('w')], None, None),
    b(S, K::ClearInput, &[ctrl('u')], None, Some("clear")),
    b(S, K::Suspend, &[ctrl('z')], None, None),
    b(F, K::Enter, &[n(Enter)], Some("Go to the paper"), Some("go")),
    b(F, K::Back, &[n(Esc), ctrl('c')], Some("Close"), Some("cancel")),
    b(F, K::Down, &[n(DownKey), ctrl('n')], Some("Next title"), Some("titles")),
    b(F, K::Up, &[n(UpKey), ctrl('p')], Some("Previous title"), None),
    b(F, K::PageDown, &[n(PageDown)], None, None),
    b(F, K::PageUp, &[n(PageUp)], None, None),
    b(F, K::DeleteChar, &[n(Backspace)], None, None),
    b(F, K::DeleteWord, &[ctrl('w')], None, None),
    b(F, K::ClearInput, &[ctrl('u')], None, Some("clear")),
    b(F, K::Suspend, &[ctrl('z')], None, None),
    b(A, K::Enter, &[n(Enter)], Some("Add (and take off) the tags"), Some("tag")),
    b(A, K::Back, &[n(Esc), ctrl('c')], Some("Close"), Some("cancel")),
    b(A, K::Complete, &[n(Tab)], None, Some("complete")),
    b(A, K::DeleteChar, &[n(Backspace)], None, None),
    b(A, K::DeleteWord, &[ctrl('w')], None, None),
    b(A, K::ClearInput, &[ctrl('u')], None, Some("clear")),
    b(A, K::Suspend, &[ctrl('z')], None, None),
    b(G, K::Enter, &[n(Enter)], Some("Go there"), Some("go")),
    b(G, K::Back, &[n(Esc), ctrl('c')], Some("Close"), Some("cancel")),
    b(G, K::DeleteChar, &[n(Backspace)], None, None),
    b(G, K::DeleteWord, &[ctrl('w')], None, None),
    b(G, K::ClearInput, &[ctrl('u')], None, Some("clear")),
    b(G, K::Suspend, &[ctrl('z')], None, None),
    b(C, K::Down, &[c('j'), n(DownKey)], Some("Next category"), Some("move")),
    b(C, K::Up, &[c('k'), n(UpKey)], Some("Previous category"), None),
    b(C, K::First, &[c('g'), n(Home)], Some("First category"), None),
    b(C, K::Last, &[c('G'), n(End)], Some("Last category"), None),
    b(C, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(C, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(C, K::ToggleCategory, &[c(' ')], None, Some("choose")),
    b(C, K::Enter, &[n(Enter)], Some("Apply the filter"), Some("apply")),
    b(C, K::ClearFilter, &[c('x')], None, Some("clear")),
    b(C, K::FollowedOnly, &[c('f')], None, Some("followed")),
    b(C, K::Back, &[n(Esc), c('q')], Some("Close without changing the filter"), Some("cancel")),
    b(C, K::Trend, &[c('t')], Some("The categories' share of all papers over time (the chosen ones, else the most common)"), Some("over time")),
    b(C, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(C, K::Suspend, &[ctrl('z')], None, None),
    b(E, K::CycleWindow, &[c('w')], Some("Bars per week, month or year"), Some("period")),
    b(E, K::Share, &[c('s')], None, Some("share")),
    b(E, K::Back, &[n(Esc), c('q')], Some("Back to the search box"), Some("back")),
    b(E, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(E, K::Suspend, &[ctrl('z')], None, None),
    b(O, K::CycleWindow, &[c('w')], Some("Share per week, month or year"), Some("period")),
    b(O, K::Back, &[n(Esc), c('q')], Some("Back to the category filter"), Some("back")),
    b(O, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(O, K::Suspend, &[ctrl('z')], None, None),
    b(L, K::Down, &[c('j'), n(DownKey)], Some("Next paper"), Some("move")),
    b(L, K::Up, &[c('k'), n(UpKey)], Some("Previous paper"), None),
    b(L, K::First, &[c('g'), n(Home)], Some("First paper"), None),
    b(L, K::Last, &[c('G'), n(End)], Some("Last paper"), None),
    b(L, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(L, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(L, K::CycleWindow, &[c('w')], None, Some("window")),
    b(L, K::Sort, &[c('s')], Some("Rank by retweets+favorites, retweets or favorites"), Some("measure")),
    b(L, K::Enter, &[n(Enter)], Some("Go to the paper's best day"), Some("go")),
    b(L, K::Back, &[n(Esc), c('q')], Some("Close"), Some("close")),
    b(L, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(L, K::Suspend, &[ctrl('z')], None, None),
    b(T, K::Down, &[c('j'), n(DownKey)], Some("Next paper"), Some("move")),
    b(T, K::Up, &[c('k'), n(UpKey)], Some("Previous paper"), None),
    b(T, K::First, &[c('g'), n(Home)], Some("First paper"), None),
    b(T, K::Last, &[c('G'), n(End)], Some("Last paper"), None),
    b(T, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(T, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(T, K::Star, &[c('*')], Some("Unstar (or star again) the paper"), Some("unstar")),
    b(T, K::Enter, &[n(Enter)], Some("Go to the paper in its day"), Some("go")),
    b(T, K::Back, &[n(Esc), c('q')], Some("Close"), Some("close")),
    b(T, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(T, K::Suspend, &[ctrl('z')], None, None),
    b(M, K::Down, &[c('j'), n(DownKey)], Some("Next paper"), Some("move")),
    b(M, K::Up, &[c('k'), n(UpKey)], Some("Previous paper"), None),
    b(M, K::First, &[c('g'), n(Home)], Some("First paper"), None),
    b(M, K::Last, &[c('G'), n(End)], Some("Last paper"), None),
    b(M, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(M, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(M, K::Enter, &[n(Enter)], Some("Go to the paper (its latest day)"), Some("go")),
    b(M, K::Back, &[n(Esc), c('q')], Some("Close and return to the paper"), Some("close")),
    b(M, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(M, K::Suspend, &[ctrl('z')], None, None),
    b(U, K::Down, &[c('j'), n(DownKey)], Some("Next paper"), Some("move")),
    b(U, K::Up, &[c('k'), n(UpKey)], Some("Previous paper"), None),
    b(U, K::First, &[c('g'), n(Home)], Some("First paper"), None),
    b(U, K::Last, &[c('G'), n(End)], Some("Last paper"), None),
    b(U, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(U, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(U, K::Enter, &[n(Enter)], Some("Go to the paper (its latest day)"), Some("go")),
    b(U, K::Back, &[n(Esc), c('q')], Some("Close and return to the paper"), Some("close")),
    b(U, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(U, K::Suspend, &[ctrl('z')], None, None),
    b(W, K::Down, &[c('j'), n(DownKey)], Some("Next tag or paper"), Some("move")),
    b(W, K::Up, &[c('k'), n(UpKey)], Some("Previous tag or paper"), None),
    b(W, K::First, &[c('g'), n(Home)], None, None),
    b(W, K::Last, &[c('G'), n(End)], None, None),
    b(W, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(W, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(W, K::Enter, &[n(Enter)], Some("List the tag's papers; on a paper, go to it"), Some("open")),
    b(W, K::Back, &[n(Esc), c('q')], Some("Back to the tags; on the tags, close"), Some("back")),
    b(W, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(W, K::Suspend, &[ctrl('z')], None, None),
    b(P, K::Down, &[c('j'), n(DownKey)], Some("Next account or paper"), Some("move")),
    b(P, K::Up, &[c('k'), n(UpKey)], Some("Previous account or paper"), None),
    b(P, K::First, &[c('g'), n(Home)], None, None),
    b(P, K::Last, &[c('G'), n(End)], None, None),
    b(P, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(P, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(P, K::CycleWindow, &[c('w')], None, Some("window")),
    b(P, K::Enter, &[n(Enter)], Some("List the account's papers; on a paper, go to it"), Some("open")),
    b(P, K::Back, &[n(Esc), c('q')], Some("Back to the accounts; on the accounts, close"), Some("back")),
    b(P, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(P, K::Suspend, &[ctrl('z')], None, None),
    b(I, K::Down, &[c('j'), n(DownKey)], Some("Next link"), Some("move")),
    b(I, K::Up, &[c('k'), n(UpKey)], Some("Previous link"), None),
    b(I, K::First, &[c('g'), n(Home)], Some("First link"), None),
    b(I, K::Last, &[c('G'), n(End)], Some("Last link"), None),
    b(I, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(I, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(I, K::Enter, &[n(Enter)], Some("Open the link in the browser (or press its number)"), Some("open")),
    b(I, K::CopyUrl, &[c('y')], Some("Copy the link to the clipboard"), Some("copy")),
    b(I, K::Back, &[n(Esc), c('q')], Some("Close"), Some("close")),
    b(I, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(I, K::Suspend, &[ctrl('z')], None, None),
    b(Y, K::Yes, &[c('y'), n(Enter)], None, Some("yes")),
    b(Y, K::No, &[c('n'), n(Esc), c('q')], None, Some("no")),
    b(Y, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(H, K::Down, &[c('j'), n(DownKey)], Some("Scroll down"), None),
    b(H, K::Up, &[c('k'), n(UpKey)], Some("Scroll up"), None),
    b(H, K::PageDown, &[n(PageDown), ctrl('f')], None, None),
    b(H, K::PageUp, &[n(PageUp), ctrl('b')], None, None),
    b(H, K::First, &[c('g'), n(Home)], Some("Top"), None),
    b(H, K::Last, &[c('G'), n(End)], Some("Bottom"), None),
    b(H, K::Back, &[n(Esc), c('?'), c('q')], Some("Close the help"), Some("close")),
    b(H, K::Quit, &[c('Q'), ctrl('c')], None, None),
    b(H, K::Suspend, &[ctrl('z')], None, None),
];

/// The default bindings of `scope`, in help order.
pub fn defaults(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    DEFAULTS.iter().filter(move |b| b.scope == scope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::command::by_name;

    #[test]
    fn names_are_unique_and_every_command_has_a_key_somewhere() {
        for (i, a) in Command::ALL.iter().enumerate() {
            assert!(
                !Command::ALL[i + 1..].iter().any(|b| b.name() == a.name()),
                "{} named twice",
                a.name()
            );
            assert!(
                DEFAULTS.iter().any(|b| b.command == *a),
                "{a:?} has no binding"
            );
            assert_eq!(by_name(a.name()), Some(*a));
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_scope_and_no_command_twice() {
        for scope in Scope::ALL {
            let rows: Vec<&Binding> = defaults(scope).collect();
            let keys: Vec<Key> = rows.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(k),
                    "{} twice in {scope:?}",
                    k.label()
                );
            }
            for (i, r) in rows.iter().enumerate() {
                assert!(
                    !rows[i + 1..].iter().any(|o| o.command == r.command),
                    "{:?} twice in {scope:?}",
                    r.command
                );
            }
        }
    }

    #[test]
    fn every_box_but_the_prompt_quits_on_ctrl_c_and_q_in_the_boxes() {
        for scope in Scope::ALL {
            let quit = defaults(scope)
                .find(|b| b.keys.contains(&Key::ctrl('c')))
                .map(|b| b.command);
            let want = if scope.takes_text() {
                Command::Back
            } else {
                Command::Quit
            };
            assert_eq!(quit, Some(want), "{scope:?}");
        }
    }
}
