//! Taking papers out of the reader: formats for other tools.

pub mod bibtex;
