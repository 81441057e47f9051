//! The box open over the reader, one of the five, and opening one.

use super::categories::CategoryBox;
use super::component::Component;
use super::confirm::{ConfirmBox, Then};
use super::finder::FinderBox;
use super::goto::GoToBox;
use super::help::HelpBox;
use super::leaderboard::Leaderboard;
use super::links::LinksBox;
use super::people::PeopleBox;
use super::search::SearchBox;
use super::similar::SimilarBox;
use super::starred::StarredBox;
use super::tag::TagBox;
use super::tags::TagsBox;
use crate::tui::command::{Command, Scope};
use crate::tui::core::state::Reader;

#[derive(Debug, Clone)]
pub enum OpenBox {
    Help(HelpBox),
    Search(SearchBox),
    Categories(CategoryBox),
    Leaderboard(Leaderboard),
    Starred(StarredBox),
    Similar(SimilarBox),
    Tag(TagBox),
    Tags(TagsBox),
    People(PeopleBox),
    Links(LinksBox),
    GoTo(GoToBox),
    Confirm(ConfirmBox),
    Finder(FinderBox),
}

/// `$body` with `$b` bound to whichever box `$open` holds: one list of the boxes for both
/// views of it.
macro_rules! with_box {
    ($open:expr, $b:ident => $body:expr) => {
        match $open {
            OpenBox::Help($b) => $body,
            OpenBox::Search($b) => $body,
            OpenBox::Categories($b) => $body,
            OpenBox::Leaderboard($b) => $body,
            OpenBox::Starred($b) => $body,
            OpenBox::Similar($b) => $body,
            OpenBox::Tag($b) => $body,
            OpenBox::Tags($b) => $body,
            OpenBox::People($b) => $body,
            OpenBox::Links($b) => $body,
            OpenBox::GoTo($b) => $body,
            OpenBox::Confirm($b) => $body,
            OpenBox::Finder($b) => $body,
        }
    };
}

impl OpenBox {
    pub fn component(&self) -> &dyn Component {
        with_box!(self, b => b)
    }

    pub fn component_mut(&mut self) -> &mut dyn Component {
        with_box!(self, b => b)
    }

    pub fn scope(&self) -> Scope {
        self.component().scope()
    }
}

/// Opens the box a reader command asks for, if it is one that opens a box.
pub fn open(r: &mut Reader, command: Command) -> Option<OpenBox> {
    match command {
        Command::Help => Some(OpenBox::Help(HelpBox::default())),
        Command::Search => Some(OpenBox::Search(SearchBox::open(r))),
        Command::Filter => CategoryBox::open(r).map(OpenBox::Categories),
        Command::Top => Some(OpenBox::Leaderboard(Leaderboard::open(r))),
        Command::Starred => StarredBox::open(r).map(OpenBox::Starred),
        Command::Similar => SimilarBox::open(r).map(OpenBox::Similar),
        Command::ForYou => SimilarBox::for_you(r).map(OpenBox::Similar),
        Command::Tag => TagBox::open(r).map(OpenBox::Tag),
        Command::Tags => TagsBox::open(r).map(OpenBox::Tags),
        Command::People => PeopleBox::open(r).map(OpenBox::People),
        Command::Links => LinksBox::open(r).map(OpenBox::Links),
        Command::GoTo => Some(OpenBox::GoTo(GoToBox::default())),
        Command::FindTitle => Some(OpenBox::Finder(FinderBox::open(r))),
        Command::ReadUpTo => {
            crate::tui::core::marks::read_up_to(r).map(|(question, keys, done)| {
                OpenBox::Confirm(ConfirmBox {
                    question,
                    then: Then::MarkRead { keys, done },
                })
            })
        }
        Command::ForgetWatch => forget_watch(r),
        _ => None,
    }
}

/// `D` on a watch list saved in the reader asks before forgetting it; on anything else it
/// says what it is for.
fn forget_watch(r: &mut Reader) -> Option<OpenBox> {
    let Some(w) = r.watch_row.and_then(|i| r.watches.get(i)) else {
        r.tell("Select a watch list at the top of the day list to forget it");
        return None;
    };
    if !w.saved {
        let text = crate::tui::core::watches::in_config(&w.name);
        r.warn(text);
        return None;
    }
    Some(OpenBox::Confirm(ConfirmBox {
        question: format!(
            "Forget the watch list {:?} and which of its papers you saw?",
            w.name
        ),
        then: Then::ForgetWatch(w.name.clone()),
    }))
}
