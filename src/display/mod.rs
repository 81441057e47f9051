//! Turning loaded text into what a terminal can show: LaTeX made readable, text measured by
//! display width, wrapped and truncated. Pure functions, no terminal I/O.

pub mod latex;
pub mod width;
pub mod words;
