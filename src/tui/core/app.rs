//! The app: the reader and the box open over it. Boxes are handed the reader beside them (a
//! separate borrow), so no box is ever taken out of the app and put back.

use std::sync::Arc;

use super::layout::Shape;
use super::state::{Pane, Reader};
use crate::archive::{Archive, PaperKey};
use crate::tui::boxes::OpenBox;
use crate::tui::command::Scope;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// The reader and the box open over it.
pub struct App {
    pub(crate) reader: Reader,
    pub(crate) open: Option<OpenBox>,
}

/// Read access to the reader's state (`app.current_day()`, `app.focus()`, ...).
impl std::ops::Deref for App {
    type Target = Reader;
    fn deref(&self) -> &Reader {
        &self.reader
    }
}

impl App {
    pub fn new(archive: impl Into<Arc<Archive>>, theme: Theme) -> App {
        App::with_keys(archive, theme, Keymap::default())
    }

    pub fn with_keys(archive: impl Into<Arc<Archive>>, theme: Theme, keymap: Keymap) -> App {
        App {
            reader: Reader::new(archive, theme, keymap),
            open: None,
        }
    }

    /// The box drawn over the reader, if one is open.
    pub fn open_box(&self) -> Option<&OpenBox> {
        self.open.as_ref()
    }

    /// Where keys are read now: the open box, else the reader.
    pub fn scope(&self) -> Scope {
        self.open.as_ref().map_or(Scope::Reader, OpenBox::scope)
    }

    /// The paper whose abstract is on screen now, if it is not read yet: what the read timer
    /// waits on.
    pub fn unread_on_screen(&self) -> Option<PaperKey> {
        // Only the paper pane of normal reading counts: a search's preview, or an abstract
        // behind a box, is not being read.
        let visible = match (self.areas().shape, &self.open) {
            (Shape::Wide, None) => true,
            (Shape::Narrow, None) => self.focus == Pane::Paper,
            _ => false,
        };
        let p = self.current_paper().filter(|_| visible)?;
        let by_hand = self.hand_marked.as_ref() == Some(&p.key);
        (!self.is_read(p) && !by_hand).then(|| p.key.clone())
    }
}
