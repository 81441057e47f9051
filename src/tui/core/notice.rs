//! What the status line says when something happened: one type for every message.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// When it was given (the app's clock, seconds since 1970).
    pub since: i64,
}

impl Notice {
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}
