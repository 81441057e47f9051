//! JSON: the array of days, every field of every paper and tweet as the archive's model gives
//! it, and with each paper its tags (an array, empty when it has none) and note (a string, or
//! null) from the reading state, and the links to its code found in its abstract and tweets
//! (`code_urls`, an array).

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::archive::{Day, Paper};
use crate::state::Snapshot;

/// A paper with its tags and note.
#[derive(Serialize)]
struct PaperOut<'a> {
    #[serde(flatten)]
    paper: &'a Paper,
    tags: &'a [String],
    note: Option<&'a str>,
    /// The links to its code (see `code_links`), cleaned.
    code_urls: Vec<String>,
}

/// A day whose papers carry their tags and notes. Its own fields are those of `Day`'s
/// serialization (a test below keeps the two the same).
struct DayOut<'a> {
    day: &'a Day,
    marks: &'a Snapshot,
}

impl Serialize for DayOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.day;
        let papers: Vec<PaperOut<'_>> = d
            .papers
            .iter()
            .map(|p| PaperOut {
                paper: p,
                tags: self.marks.tags_of(&p.key),
                note: self.marks.note_of(&p.key),
                code_urls: crate::code_links::code_urls(p),
            })
            .collect();
        let mut st = s.serialize_struct("Day", 5)?;
        st.serialize_field("date", &d.date)?;
        st.serialize_field("title", &d.title)?;
        st.serialize_field("file", &d.file)?;
        st.serialize_field(
            "published",
            &d.published
                .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        )?;
        st.serialize_field("papers", &papers)?;
        st.end()
    }
}

pub fn write<W: Write>(out: &mut W, days: &[Cow<'_, Day>], marks: &Snapshot) -> io::Result<()> {
    let days: Vec<DayOut<'_>> = days
        .iter()
        .map(|d| DayOut {
            day: d.as_ref(),
            marks,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &days)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;
    use crate::state::Note;
    use serde_json::Value;

    /// Without its tags and notes, a day is exactly what the model's own serialization gives.
    #[test]
    fn days_are_the_models_with_tags_and_notes_added() {
        let a = Archive::sample();
        let mut marks = Snapshot::default();
        let first = &a.days[0].papers[0];
        marks
            .tags
            .insert(first.key.clone(), vec!["rl".into(), "to read".into()]);
        marks.notes.insert(
            first.key.clone(),
            Note {
                text: "see §3".into(),
                updated_at: 1,
            },
        );
        for day in &a.days {
            let mut got = serde_json::to_value(DayOut { day, marks: &marks }).unwrap();
            for (p, paper) in got["papers"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .zip(&day.papers)
            {
                let p = p.as_object_mut().unwrap();
                let (tags, note) = (p.remove("tags").unwrap(), p.remove("note").unwrap());
                let code = crate::code_links::code_urls(paper);
                assert_eq!(p.remove("code_urls").unwrap(), serde_json::json!(code));
                if p["arxiv_id"] == Value::from(first.arxiv_id.as_deref()) {
                    assert_eq!(tags, serde_json::json!(["rl", "to read"]));
                    assert_eq!(note, "see §3");
                } else {
                    assert_eq!((tags, note), (serde_json::json!([]), Value::Null));
                }
            }
            assert_eq!(got, serde_json::to_value(day).unwrap(), "{}", day.date);
        }
    }
}
