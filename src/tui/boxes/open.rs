//! The box open over the reader, one of the five, and opening one.

use super::categories::CategoryBox;
use super::component::Component;
use super::confirm::ConfirmBox;
use super::finder::FinderBox;
use super::goto::GoToBox;
use super::help::HelpBox;
use super::leaderboard::Leaderboard;
use super::links::LinksBox;
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
    Links(LinksBox),
    GoTo(GoToBox),
    Confirm(ConfirmBox),
    Finder(FinderBox),
}

impl OpenBox {
    pub fn component(&self) -> &dyn Component {
        match self {
            OpenBox::Help(b) => b,
            OpenBox::Search(b) => b,
            OpenBox::Categories(b) => b,
            OpenBox::Leaderboard(b) => b,
            OpenBox::Starred(b) => b,
            OpenBox::Similar(b) => b,
            OpenBox::Tag(b) => b,
            OpenBox::Tags(b) => b,
            OpenBox::Links(b) => b,
            OpenBox::GoTo(b) => b,
            OpenBox::Confirm(b) => b,
            OpenBox::Finder(b) => b,
        }
    }

    pub fn component_mut(&mut self) -> &mut dyn Component {
        match self {
            OpenBox::Help(b) => b,
            OpenBox::Search(b) => b,
            OpenBox::Categories(b) => b,
            OpenBox::Leaderboard(b) => b,
            OpenBox::Starred(b) => b,
            OpenBox::Similar(b) => b,
            OpenBox::Tag(b) => b,
            OpenBox::Tags(b) => b,
            OpenBox::Links(b) => b,
            OpenBox::GoTo(b) => b,
            OpenBox::Confirm(b) => b,
            OpenBox::Finder(b) => b,
        }
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
        Command::Links => LinksBox::open(r).map(OpenBox::Links),
        Command::GoTo => Some(OpenBox::GoTo(GoToBox::default())),
        Command::FindTitle => Some(OpenBox::Finder(FinderBox::open(r))),
        Command::ReadUpTo => {
            crate::tui::core::marks::read_up_to(r).map(|(question, keys, done)| {
                OpenBox::Confirm(ConfirmBox {
                    question,
                    keys,
                    done,
                })
            })
        }
        _ => None,
    }
}
