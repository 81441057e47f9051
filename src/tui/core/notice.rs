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

/// How long a notice that is not an error stays, in seconds (it goes sooner at the next move).
pub const FADE_SECS: i64 = 5;

impl Notice {
    /// Whether it has stayed long enough at `now` (errors stay until the next key).
    pub fn faded(&self, now: i64) -> bool {
        self.level == Level::Info && now - self.since >= FADE_SECS
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}
