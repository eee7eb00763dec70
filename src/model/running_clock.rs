//! The running clock (mötesklocka): how far behind its plan a meeting is, from the actual start
//! and end times recorded per item, and the re-planned start of every item not yet begun.
//!
//! `now` is the time of day in the meeting's time zone, passed in by the caller.

use super::agenda_timing::{schedule_meeting, AgendaTimingError};
use super::ids::ItemId;
use super::meeting::{AgendaItem, Meeting};
use super::time::ClockTime;

/// Where an item is in the running meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Not started yet.
    Upcoming,
    /// Started and not finished.
    Running,
    /// Finished (has an actual end).
    Done,
    /// Never started, but a later item has: the chair skipped it.
    Skipped,
}

/// One visible agenda item on the running clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockItem {
    pub id: ItemId,
    pub progress: Progress,
    /// Planned start (from lengths and fixed starts), as on the agenda.
    pub planned_start: Option<ClockTime>,
    pub actual_start: Option<ClockTime>,
    pub actual_end: Option<ClockTime>,
    /// For upcoming items, when it will now start; otherwise its actual start.
    pub expected_start: Option<ClockTime>,
}

/// The meeting against its plan at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningClock {
    /// Minutes behind plan (negative: ahead). Zero before the meeting starts.
    pub behind_minutes: i32,
    /// Lines up with `meeting.visible_agenda()`.
    pub items: Vec<ClockItem>,
    /// The item running now, if any.
    pub running: Option<ItemId>,
    /// When the meeting will end at this pace.
    pub expected_end: Option<ClockTime>,
    /// Minutes past the meeting's planned end at this pace, if it will run over.
    pub over_end_minutes: Option<u32>,
}

impl RunningClock {
    /// "12 min efter planen" / "5 min före planen" / "Enligt planen".
    pub fn sv(&self) -> String {
        match self.behind_minutes {
            0 => "Enligt planen".to_string(),
            m if m > 0 => format!("{m} min efter planen"),
            m => format!("{} min före planen", -m),
        }
    }

    pub fn en(&self) -> String {
        match self.behind_minutes {
            0 => "On time".to_string(),
            m if m > 0 => format!("{m} min behind plan"),
            m => format!("{} min ahead of plan", -m),
        }
    }
}

fn actual(item: &AgendaItem, value: &Option<String>) -> Result<Option<ClockTime>, AgendaTimingError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => ClockTime::parse(text).map(Some).map_err(|error| AgendaTimingError::ItemActual {
            number: item.number.clone(),
            error,
        }),
    }
}

/// The running clock of `meeting` at `now`.
pub fn running_clock(meeting: &Meeting, now: ClockTime) -> Result<RunningClock, AgendaTimingError> {
    let schedule = schedule_meeting(meeting)?;
    let visible: Vec<&AgendaItem> = meeting.visible_agenda().collect();
    let mut items = Vec::with_capacity(visible.len());
    for (item, slot) in visible.iter().zip(&schedule.slots) {
        items.push(ClockItem {
            id: item.id,
            progress: Progress::Upcoming,
            planned_start: slot.start,
            actual_start: actual(item, &item.actual_start)?,
            actual_end: actual(item, &item.actual_end)?,
            expected_start: None,
        });
    }
    // Everything before the last started item has happened (or was skipped).
    let last_started = items.iter().rposition(|i| i.actual_start.is_some());
    for (index, item) in items.iter_mut().enumerate() {
        item.progress = match (item.actual_start, item.actual_end) {
            (Some(_), Some(_)) => Progress::Done,
            (Some(_), None) if Some(index) == last_started => Progress::Running,
            // Started but left open while a later item started: treat as done.
            (Some(_), None) => Progress::Done,
            (None, _) if last_started.is_some_and(|l| index < l) => Progress::Skipped,
            (None, _) => Progress::Upcoming,
        };
        item.expected_start = item.actual_start;
    }
    let duration = |index: usize| visible[index].duration_minutes;
    // Where the next upcoming item can start, and the plan's time for that moment.
    let next = last_started.map_or(0, |l| l + 1);
    let (cursor, planned_cursor) = match last_started {
        None => {
            let planned = items.first().and_then(|i| i.planned_start);
            // Before the planned start nothing is late yet.
            (planned.map(|p| p.max(now)), planned)
        }
        Some(l) => {
            let item = &items[l];
            let planned_end = schedule.slots[l].end;
            let cursor = match (item.progress, item.actual_start, item.actual_end, duration(l)) {
                (Progress::Running, Some(start), _, Some(d)) => start.plus_minutes(d).map(|end| end.max(now)),
                (Progress::Running, _, _, _) => Some(now),
                (_, _, Some(end), _) => Some(end.max(now)),
                _ => Some(now),
            };
            (cursor, planned_end)
        }
    };
    let behind_minutes = match (cursor, planned_cursor) {
        (Some(c), Some(p)) => c.minutes_after(p),
        _ => 0,
    };
    // Re-plan what is left: lengths as planned, fixed starts kept unless the meeting is late.
    let mut at = cursor;
    for index in next..items.len() {
        let fixed = visible[index].start.as_deref().and_then(|s| ClockTime::parse(s).ok());
        let start = match (at, fixed) {
            (Some(a), Some(f)) => Some(a.max(f)),
            (None, Some(f)) => Some(f),
            (a, None) => a,
        };
        items[index].expected_start = start;
        at = match (start, duration(index)) {
            (Some(s), Some(d)) => s.plus_minutes(d),
            // An item without a length (AVSLUT) ends where it starts.
            (Some(s), None) if index + 1 == items.len() => Some(s),
            _ => None,
        };
    }
    let expected_end = if next < items.len() { at } else { cursor };
    let over_end_minutes = match (expected_end, ClockTime::parse(&meeting.end).ok()) {
        (Some(e), Some(end)) if e > end => Some(e.minutes_after(end) as u32),
        _ => None,
    };
    let running = items.iter().find(|i| i.progress == Progress::Running).map(|i| i.id);
    Ok(RunningClock { behind_minutes, items, running, expected_end, over_end_minutes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Bilingual;
    use crate::model::meeting::{ItemKind, MeetingKind, NewAgendaItem};

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }

    /// A meeting 13:00–14:00 with items of `lengths` minutes; `actual` gives (start, end) per item.
    fn meeting(lengths: &[Option<u32>], actual: &[(Option<&str>, Option<&str>)]) -> Meeting {
        let mut m = Meeting::new("Möte", MeetingKind::EradsMote, "2024-05-02", "13:00", "14:00");
        for (i, length) in lengths.iter().enumerate() {
            let fields = NewAgendaItem {
                number: (i + 1).to_string(),
                kind: ItemKind::Information,
                description: String::new(),
                responsible: String::new(),
                start: None,
                duration_minutes: *length,
            };
            let mut item = AgendaItem::new(ItemId::derived(&i.to_string()), format!("{}", (b'b' + i as u8) as char), fields);
            if let Some((s, e)) = actual.get(i) {
                item.actual_start = s.map(str::to_string);
                item.actual_end = e.map(str::to_string);
            }
            m.agenda.push(item);
        }
        m
    }

    /// `expected` starts of all items ("?" unknown), minutes behind, and minutes over the end.
    fn check(m: &Meeting, now: &str, expected: &[&str], behind: i32, over: Option<u32>) {
        let clock = running_clock(m, t(now)).unwrap();
        let starts: Vec<String> =
            clock.items.iter().map(|i| i.expected_start.map_or("?".into(), |s| s.to_string())).collect();
        assert_eq!(starts, expected, "at {now}");
        assert_eq!(clock.behind_minutes, behind, "behind at {now}");
        assert_eq!(clock.over_end_minutes, over, "over at {now}");
    }

    const PLAN: [Option<u32>; 3] = [Some(20), Some(20), Some(20)];

    #[test]
    fn running_clock_table() {
        // Before the meeting: the plan.
        check(&meeting(&PLAN, &[]), "12:30", &["13:00", "13:20", "13:40"], 0, None);
        // Not started at 13:05: five minutes late, everything moves.
        check(&meeting(&PLAN, &[]), "13:05", &["13:05", "13:25", "13:45"], 5, Some(5));
        // First item started 13:10 and running within its length at 13:15.
        let m = meeting(&PLAN, &[(Some("13:10"), None)]);
        check(&m, "13:15", &["13:10", "13:30", "13:50"], 10, Some(10));
        // ... and overrunning at 13:40: the rest starts from now.
        check(&m, "13:40", &["13:10", "13:40", "14:00"], 20, Some(20));
        // Finished early at 13:15 and nothing started yet at 13:16: ahead by four minutes.
        let m = meeting(&PLAN, &[(Some("13:00"), Some("13:15"))]);
        check(&m, "13:16", &["13:00", "13:16", "13:36"], -4, None);
        // An item skipped: the third started at 13:20 while the second never did.
        let m = meeting(&PLAN, &[(Some("13:00"), Some("13:20")), (None, None), (Some("13:20"), None)]);
        let clock = running_clock(&m, t("13:25")).unwrap();
        assert_eq!(clock.items[1].progress, Progress::Skipped);
        assert_eq!(clock.running, Some(m.agenda[2].id));
        assert_eq!(clock.behind_minutes, -20);
        assert_eq!(clock.sv(), "20 min före planen");
        // All done at 14:05: five minutes over.
        let m = meeting(&PLAN, &[(Some("13:00"), Some("13:20")), (Some("13:20"), Some("13:40")), (Some("13:40"), Some("14:05"))]);
        check(&m, "14:05", &["13:00", "13:20", "13:40"], 5, Some(5));
        // An unknown length leaves later starts unknown, and AVSLUT without a length ends there.
        check(&meeting(&[Some(10), None, Some(10)], &[]), "12:00", &["13:00", "13:10", "?"], 0, None);
        check(&meeting(&[Some(50), None], &[(Some("13:00"), None)]), "13:55", &["13:00", "13:55"], 5, None);
    }

    #[test]
    fn unreadable_actual_times_say_which_item() {
        let m = meeting(&PLAN, &[(Some("kvart över"), None)]);
        let err = running_clock(&m, t("13:00")).unwrap_err();
        assert!(err.to_string().contains("item 1"), "{err}");
        assert_eq!(
            err.sv(),
            "Punkt 1: den faktiska start- eller sluttiden går inte att läsa: ”kvart över” är inget klockslag; \
             skriv det som TT:MM, t.ex. 13:00"
        );
    }
}
