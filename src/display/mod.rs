//! Turning loaded text into what a terminal can show: LaTeX made readable, text cleaned so that
//! it is drawn as it is measured, measured by display width, wrapped and truncated. Pure
//! functions, no terminal I/O.

pub mod cells;
pub mod latex;
pub mod width;
pub mod words;
