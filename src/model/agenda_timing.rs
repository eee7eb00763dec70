//! Agenda timing (tidsplan för dagordningen): start times follow from the meeting start and each
//! item's length, unless an item has a fixed start; reports overlaps and overruns.

use super::meeting::{AgendaItem, Meeting};
use super::time::{ClockTime, TimeError};
use crate::i18n::Bilingual;

/// What the timing rule needs from one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimingInput {
    /// Fixed start (ca tid) if the item is pinned to a time.
    pub fixed_start: Option<ClockTime>,
    /// Length in minutes, if known.
    pub duration: Option<u32>,
}

/// The computed time slot of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// `None` when an earlier item has no length and this one has no fixed start.
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
}

/// A problem with the timing that the agenda should show (tidsproblem).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimingIssue {
    /// Item `index` is fixed to start before the previous item ends.
    StartsBeforePreviousEnds { index: usize, fixed_start: ClockTime, previous_end: ClockTime },
    /// Item `index` would run past midnight.
    PastMidnight { index: usize },
    /// The agenda ends `minutes` after the meeting's planned end.
    RunsOver { ends: ClockTime, minutes: u32 },
}

impl TimingIssue {
    /// A sentence for the agenda page in Swedish; `numbers` are the items' numbers in order.
    pub fn sv(&self, numbers: &[&str]) -> String {
        let name = |i: usize| numbers.get(i).copied().unwrap_or("?").to_string();
        match *self {
            TimingIssue::StartsBeforePreviousEnds { index, fixed_start, previous_end } => format!(
                "Punkt {} ska börja {fixed_start} men punkten före slutar {previous_end}. \
                 Korta punkten före eller flytta starttiden.",
                name(index)
            ),
            TimingIssue::PastMidnight { index } => {
                format!("Punkt {} går över midnatt. Kontrollera längden.", name(index))
            }
            TimingIssue::RunsOver { ends, minutes } => format!(
                "Dagordningen slutar {ends}, {minutes} min efter mötets sluttid. \
                 Korta eller stryk någon punkt."
            ),
        }
    }

    /// The same sentence in English.
    pub fn en(&self, numbers: &[&str]) -> String {
        let name = |i: usize| numbers.get(i).copied().unwrap_or("?").to_string();
        match *self {
            TimingIssue::StartsBeforePreviousEnds { index, fixed_start, previous_end } => format!(
                "Item {} is set to start at {fixed_start} but the item before ends at {previous_end}. \
                 Shorten the item before or move the start time.",
                name(index)
            ),
            TimingIssue::PastMidnight { index } => {
                format!("Item {} runs past midnight. Check its length.", name(index))
            }
            TimingIssue::RunsOver { ends, minutes } => format!(
                "The agenda ends at {ends}, {minutes} min after the meeting's end. \
                 Shorten or drop an item."
            ),
        }
    }
}

/// The outcome: one slot per input item, and the problems found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub slots: Vec<Slot>,
    pub issues: Vec<TimingIssue>,
}

/// Compute start times from `meeting_start` and each item's length or fixed start.
pub fn schedule(
    meeting_start: ClockTime,
    meeting_end: Option<ClockTime>,
    items: &[TimingInput],
) -> Schedule {
    let mut slots = Vec::with_capacity(items.len());
    let mut issues = Vec::new();
    // Where the next item starts if not fixed; None once an item's length is unknown.
    let mut cursor = Some(meeting_start);
    let mut last_end = None;
    for (index, item) in items.iter().enumerate() {
        let start = match (item.fixed_start, cursor) {
            (Some(fixed), Some(previous_end)) if fixed < previous_end => {
                issues.push(TimingIssue::StartsBeforePreviousEnds {
                    index,
                    fixed_start: fixed,
                    previous_end,
                });
                Some(fixed)
            }
            (Some(fixed), _) => Some(fixed),
            (None, c) => c,
        };
        let end = match (start, item.duration) {
            (Some(s), Some(d)) => {
                let end = s.plus_minutes(d);
                if end.is_none() {
                    issues.push(TimingIssue::PastMidnight { index });
                }
                end
            }
            _ => None,
        };
        // An item without a length (e.g. AVSLUT) reaches its start, for the overrun check.
        let reached = match item.duration {
            Some(_) => end,
            None => start,
        };
        if let Some(r) = reached {
            last_end = Some(last_end.map_or(r, |l: ClockTime| l.max(r)));
        }
        cursor = end;
        slots.push(Slot { start, end });
    }
    if let (Some(meeting_end), Some(ends)) = (meeting_end, last_end) {
        if ends > meeting_end {
            issues.push(TimingIssue::RunsOver {
                ends,
                minutes: ends.minutes_after(meeting_end) as u32,
            });
        }
    }
    Schedule { slots, issues }
}

/// A stored value could not be read while timing the agenda.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgendaTimingError {
    #[error("the meeting's start time cannot be read: {0}")]
    MeetingStart(TimeError),
    #[error("the meeting's end time cannot be read: {0}")]
    MeetingEnd(TimeError),
    #[error("item {number}: its start time cannot be read: {error}")]
    ItemStart { number: String, error: TimeError },
    #[error("item {number}: its actual start or end time cannot be read: {error}")]
    ItemActual { number: String, error: TimeError },
}

impl Bilingual for AgendaTimingError {
    fn sv(&self) -> String {
        match self {
            AgendaTimingError::MeetingStart(e) => format!("Mötets starttid går inte att läsa: {}", e.sv()),
            AgendaTimingError::MeetingEnd(e) => format!("Mötets sluttid går inte att läsa: {}", e.sv()),
            AgendaTimingError::ItemStart { number, error } => {
                format!("Punkt {number}: starttiden går inte att läsa: {}", error.sv())
            }
            AgendaTimingError::ItemActual { number, error } => {
                format!("Punkt {number}: den faktiska start- eller sluttiden går inte att läsa: {}", error.sv())
            }
        }
    }
}

/// Time the visible agenda of a meeting. Slots line up with `meeting.visible_agenda()`.
/// An empty end time means "no planned end" and is not an error.
pub fn schedule_meeting(meeting: &Meeting) -> Result<Schedule, AgendaTimingError> {
    let start = ClockTime::parse(&meeting.start).map_err(AgendaTimingError::MeetingStart)?;
    let end = if meeting.end.trim().is_empty() {
        None
    } else {
        Some(ClockTime::parse(&meeting.end).map_err(AgendaTimingError::MeetingEnd)?)
    };
    let inputs = meeting
        .visible_agenda()
        .map(timing_input)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(schedule(start, end, &inputs))
}

fn timing_input(item: &AgendaItem) -> Result<TimingInput, AgendaTimingError> {
    let fixed_start = match item.start.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(ClockTime::parse(text).map_err(|error| AgendaTimingError::ItemStart {
            number: item.number.clone(),
            error,
        })?),
    };
    Ok(TimingInput { fixed_start, duration: item.duration_minutes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }

    /// Items as "duration" or "@HH:MM+duration" or "@HH:MM" or "?" (unknown length).
    fn check(start: &str, end: Option<&str>, items: &[&str], starts: &[&str], issues: &[&str]) {
        let inputs: Vec<TimingInput> = items
            .iter()
            .map(|spec| {
                let (fixed, dur) = match spec.strip_prefix('@') {
                    Some(rest) => match rest.split_once('+') {
                        Some((f, d)) => (Some(t(f)), d.parse().ok()),
                        None => (Some(t(rest)), None),
                    },
                    None => (None, spec.parse().ok()),
                };
                TimingInput { fixed_start: fixed, duration: dur }
            })
            .collect();
        let got = schedule(t(start), end.map(t), &inputs);
        let got_starts: Vec<String> = got
            .slots
            .iter()
            .map(|s| s.start.map_or("?".to_string(), |t| t.to_string()))
            .collect();
        assert_eq!(got_starts, starts, "starts for {items:?}");
        let numbers: Vec<String> = (1..=items.len()).map(|n| n.to_string()).collect();
        let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
        let got_issues: Vec<String> = got.issues.iter().map(|i| i.sv(&numbers)).collect();
        assert_eq!(got_issues.len(), issues.len(), "issues {got_issues:?}");
        for (g, want) in got_issues.iter().zip(issues) {
            assert!(g.contains(want), "{g:?} should mention {want:?}");
        }
    }

    #[test]
    fn every_timing_issue_reads_in_english_too() {
        let issues = [
            TimingIssue::StartsBeforePreviousEnds { index: 1, fixed_start: t("13:10"), previous_end: t("13:20") },
            TimingIssue::PastMidnight { index: 0 },
            TimingIssue::RunsOver { ends: t("16:20"), minutes: 20 },
        ];
        let numbers = ["1", "5a"];
        let en: Vec<String> = issues.iter().map(|i| i.en(&numbers)).collect();
        assert_eq!(en[0], "Item 5a is set to start at 13:10 but the item before ends at 13:20. Shorten the item before or move the start time.");
        assert_eq!(en[1], "Item 1 runs past midnight. Check its length.");
        assert_eq!(en[2], "The agenda ends at 16:20, 20 min after the meeting's end. Shorten or drop an item.");
    }

    #[test]
    fn agenda_timing_table() {
        // Seed 002 (2019-04-04): lengths give the printed ca-tider.
        check(
            "13:00",
            Some("16:00"),
            &["5", "15", "20", "20", "10", "10", "20", "15", "25", "20", "20"],
            &["13:00", "13:05", "13:20", "13:40", "14:00", "14:10", "14:20", "14:40", "14:55", "15:20", "15:40"],
            &[],
        );
        // Empty agenda.
        check("13:00", Some("16:00"), &[], &[], &[]);
        // A fixed start after a gap, then following items flow from it.
        check("13:00", None, &["10", "@14:00+30", "15"], &["13:00", "14:00", "14:30"], &[]);
        // A fixed start before the previous item ends.
        check("13:00", None, &["90", "@14:00+10"], &["13:00", "14:00"], &["Punkt 2 ska börja 14:00 men punkten före slutar 14:30"]);
        // Runs over the planned end by 15 minutes.
        check("13:00", Some("14:00"), &["45", "30"], &["13:00", "13:45"], &["slutar 14:15, 15 min efter"]);
        // Unknown length: later items have no start until a fixed one.
        check("13:00", None, &["?", "10", "@15:00+10", "5"], &["13:00", "?", "15:00", "15:10"], &[]);
        // AVSLUT with a fixed time and no length at the meeting end is fine.
        check("13:00", Some("16:00"), &["120", "@16:00"], &["13:00", "16:00"], &[]);
        // ... but past the end is an overrun.
        check("13:00", Some("16:00"), &["120", "@16:30"], &["13:00", "16:30"], &["16:30, 30 min"]);
        // Past midnight.
        check("23:00", None, &["90"], &["23:00"], &["går över midnatt"]);
    }
}
