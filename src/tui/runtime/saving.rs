//! The reader's changes to the reading state and the writer's word on them: the one place an
//! effect becomes a change for the writer (`state::Saver`), and where what it reports becomes
//! an event. An effect that writes the state is added here, and only here.

use crate::state::{Op, Report};
use crate::tui::core::effect::Effect;
use crate::tui::core::notice::Level;
use crate::tui::event::Event;

/// The change `effect` asks of the reading state, or the effect back when it is none. (A
/// note is a change too, but only once the editor wrote it: `EditNote` is the runtime's.)
pub fn change_of(effect: Effect) -> Result<Op, Effect> {
    Ok(match effect {
        Effect::SaveRead { key, read } => Op::Read { key, read },
        Effect::SaveStar { key, starred, at } => Op::Star { key, starred, at },
        Effect::SaveTags {
            key,
            add,
            remove,
            at,
        } => Op::Tags {
            key,
            add,
            remove,
            at,
        },
        Effect::SaveNotForMe { key, on, at } => Op::NotForMe { key, on, at },
        Effect::MarkReadBulk { keys, at } => Op::MarkReadBulk { keys, at },
        Effect::UndoBulk => Op::UndoBulk,
        Effect::SaveQuery { query, at } => Op::Query { query, at },
        Effect::SaveWatch {
            name,
            query,
            seen,
            at,
        } => Op::SaveWatch {
            name,
            query,
            seen,
            at,
        },
        Effect::ForgetWatch { name } => Op::ForgetWatch { name },
        Effect::MarkWatchSeen { name, keys, at } => Op::WatchSeen { name, keys, at },
        Effect::SavePosition { date, key } => Op::Position { date, key },
        // Named one by one, so that a new effect is decided on here.
        other @ (Effect::OpenUrl { .. }
        | Effect::Suspend
        | Effect::EditNote { .. }
        | Effect::Copy { .. }
        | Effect::Reload
        | Effect::Index { .. }
        | Effect::People
        | Effect::Similar
        | Effect::ReadTexts { .. }
        | Effect::Quit) => return Err(other),
    })
}

/// What the reader hears of a report of the writer.
pub fn event_of(report: Report) -> Event {
    let notice = |level, text| Event::Notice { level, text };
    match report {
        Report::Undone(keys) => Event::Undone(keys),
        Report::Delayed { waiting, why } => notice(
            Level::Error,
            format!(
                "Saving delayed: {why}; {waiting} change{} waiting",
                if waiting == 1 { "" } else { "s" }
            ),
        ),
        Report::CaughtUp { saved } => notice(
            Level::Info,
            format!(
                "Saved: the change{} that waited {} in the reading state now",
                if saved == 1 { "" } else { "s" },
                if saved == 1 { "is" } else { "are" }
            ),
        ),
        Report::NotSaved(why) => notice(Level::Error, format!("Not saved: {why}")),
        Report::Recreated(dir) => notice(
            Level::Error,
            format!(
                "The state folder {} was deleted while the reader ran: a new one was started there (marks saved before are gone)",
                dir.display()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::PaperKey;

    #[test]
    fn state_effects_become_changes_and_others_stay_effects() {
        let key = PaperKey::from_stored("2401.00001");
        assert_eq!(
            change_of(Effect::SaveStar {
                key: key.clone(),
                starred: true,
                at: 5
            }),
            Ok(Op::Star {
                key,
                starred: true,
                at: 5
            })
        );
        assert_eq!(change_of(Effect::UndoBulk), Ok(Op::UndoBulk));
        assert_eq!(change_of(Effect::Reload), Err(Effect::Reload));
    }

    #[test]
    fn a_delay_says_why_and_how_many_wait() {
        let e = event_of(Report::Delayed {
            waiting: 3,
            why: "the state database is locked by another program".into(),
        });
        match e {
            Event::Notice { level, text } => {
                assert_eq!(level, Level::Error);
                assert_eq!(
                    text,
                    "Saving delayed: the state database is locked by another program; 3 changes waiting"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
