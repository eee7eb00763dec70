//! The council's meeting rules (mötesregler, seed 000) as the council's own data
//! ([`MeetingRules`]: Fyrbodal's notice two weeks before, a beredningsmöte two weeks before each
//! council meeting, six council meetings a year about two months apart, unless changed).
//!
//! [`check_meeting`] turns a planned meeting into warnings in words; [`plan_year`] proposes a
//! year of meetings that keeps the rules. `today` is always an argument: nothing reads the clock.

use autosurgeon::{Hydrate, Reconcile};
use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::council::MeetingLink;
use super::meeting::{Meeting, MeetingKind, MeetingStatus};
use super::time::{format_date, parse_date, ClockTime};

/// Warn this many days before the notice deadline that the notice is still unsent.
pub const NOTICE_REMINDER_DAYS: i64 = 7;
/// How far a beredningsmöte may sit from exactly two weeks before and still count: a holiday
/// or a clash moves it a few days, which the rule's "two weeks" tolerates.
pub const BEREDNING_TOLERANCE_DAYS: i64 = 4;
/// The council's meeting rules (mötesregler), kept in its root document and edited in the
/// council's settings. A council that never set them gets Fyrbodal's (seed 000).
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate)]
pub struct MeetingRules {
    /// Kallelse senast så många dagar före mötet.
    pub notice_days: u32,
    /// Beredningsmöte så många dagar före rådets möte.
    pub beredning_days: u32,
    /// Rådets möten per år.
    pub meetings_per_year: u32,
    /// Standardplats for new meetings.
    #[autosurgeon(missing = "String::new")]
    pub default_place: String,
    /// Standardlänk till videomötet for new meetings.
    #[autosurgeon(missing = "String::new")]
    pub default_video_link: String,
}

impl Default for MeetingRules {
    /// Fyrbodal's rules: kallelse två veckor före, beredning två veckor före, sex möten per år.
    fn default() -> Self {
        MeetingRules { notice_days: 14, beredning_days: 14, meetings_per_year: 6, default_place: String::new(), default_video_link: String::new() }
    }
}

impl MeetingRules {
    /// "About two months apart" for six a year: closer than three quarters of the even spacing
    /// (six weeks for six a year) is clearly not that.
    pub fn min_days_between(&self) -> i64 {
        (365 * 3 / 4 / i64::from(self.meetings_per_year.max(1))).max(1)
    }
}

/// What the rules need to know about the council's other meetings. Implemented for the
/// council's meeting links (cheap: no meeting document to load) and for whole meetings.
pub trait Dated {
    fn kind(&self) -> MeetingKind;
    /// "YYYY-MM-DD" as stored; unreadable dates are skipped by the rules.
    fn date(&self) -> &str;
}

impl Dated for MeetingLink {
    fn kind(&self) -> MeetingKind {
        self.kind
    }
    fn date(&self) -> &str {
        &self.date
    }
}

impl Dated for Meeting {
    fn kind(&self) -> MeetingKind {
        self.kind
    }
    fn date(&self) -> &str {
        &self.date
    }
}

/// One way a planned meeting breaks the rules, with what to do about it ([`Self::sv`], [`Self::en`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleWarning {
    /// The meeting's date cannot be read, so no rule can be checked.
    UnreadableDate { text: String },
    /// Start or end cannot be read, or the end is not after the start.
    BadTimes { start: String, end: String },
    /// The date has passed and the meeting is still only planned.
    InThePast { date: NaiveDate },
    /// The notice should already have gone out (senast två veckor före).
    NoticeOverdue { deadline: NaiveDate, days_before: u32 },
    /// The notice must go out within a few days.
    NoticeDueSoon { deadline: NaiveDate, days_left: i64 },
    /// Saturday or Sunday.
    Weekend { date: NaiveDate },
    /// Another meeting of the council is on the same day.
    SameDay { other: MeetingKind, date: NaiveDate },
    /// An e-rådsmöte without a beredningsmöte about two weeks before it.
    NoBeredning { expected: NaiveDate, days_before: u32 },
    /// A beredningsmöte with no e-rådsmöte about two weeks after it.
    BeredningWithoutCouncilMeeting { expected: NaiveDate, days_before: u32 },
    /// More than six e-rådsmöten in one calendar year.
    TooManyInYear { year: i32, count: usize, allowed: u32 },
    /// Another e-rådsmöte is closer than about two months.
    TooClose { other: NaiveDate, days: i64 },
}

impl RuleWarning {
    /// The warning in Swedish, as the UI speaks by default.
    pub fn sv(&self) -> String {
        match self {
            RuleWarning::UnreadableDate { text } => format!(
                "Datumet ”{text}” går inte att läsa. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2019-04-04."
            ),
            RuleWarning::BadTimes { start, end } => format!(
                "Tiden {start}–{end} går inte ihop. Sluttiden ska vara efter starttiden (TT:MM)."
            ),
            RuleWarning::InThePast { date } => format!(
                "Mötet {date} har redan varit men står fortfarande som planerat. Ändra status eller datum."
            ),
            RuleWarning::NoticeOverdue { deadline, days_before } => format!(
                "Kallelsen skulle ha skickats senast {deadline} ({} före mötet). Skicka den nu eller flytta mötet.",
                days_sv(*days_before)
            ),
            RuleWarning::NoticeDueSoon { deadline, days_left } => format!(
                "Kallelsen ska skickas senast {deadline}, om {days_left} {}.",
                if *days_left == 1 { "dag" } else { "dagar" }
            ),
            RuleWarning::Weekend { date } => format!(
                "{date} är en {}. Välj en vardag.",
                weekday_sv(date.weekday())
            ),
            RuleWarning::SameDay { other, date } => format!(
                "Rådet har redan ett {} samma dag ({date}).",
                kind_sv(*other)
            ),
            RuleWarning::NoBeredning { expected, days_before } => format!(
                "Det finns inget beredningsmöte {} före (omkring {expected}). Planera ett.",
                days_sv(*days_before)
            ),
            RuleWarning::BeredningWithoutCouncilMeeting { expected, days_before } => format!(
                "Beredningsmötet ligger inte {} före något e-rådsmöte (väntat omkring {expected}).",
                days_sv(*days_before)
            ),
            RuleWarning::TooManyInYear { year, count, allowed } => format!(
                "{count} e-rådsmöten är planerade {year}; reglerna säger {allowed} per år."
            ),
            RuleWarning::TooClose { other, days } => format!(
                "Bara {days} dagar till e-rådsmötet {other}; mötena ska ligga ungefär två månader isär."
            ),
        }
    }

    /// The warning in English.
    pub fn en(&self) -> String {
        match self {
            RuleWarning::UnreadableDate { text } => {
                format!("The date “{text}” cannot be read. Write it as YYYY-MM-DD, e.g. 2019-04-04.")
            }
            RuleWarning::BadTimes { start, end } => format!(
                "The time {start}–{end} does not work. The end must be after the start (HH:MM)."
            ),
            RuleWarning::InThePast { date } => format!(
                "The meeting on {date} has passed but is still only planned. Change its status or date."
            ),
            RuleWarning::NoticeOverdue { deadline, days_before } => format!(
                "The notice should have gone out by {deadline} ({} before). Send it now or move the meeting.",
                days_en(*days_before)
            ),
            RuleWarning::NoticeDueSoon { deadline, days_left } => format!(
                "The notice must go out by {deadline}, in {days_left} day{}.",
                if *days_left == 1 { "" } else { "s" }
            ),
            RuleWarning::Weekend { date } => {
                format!("{date} is a {}. Choose a weekday.", weekday_en(date.weekday()))
            }
            RuleWarning::SameDay { other, date } => {
                format!("The council already has a {} that day ({date}).", kind_en(*other))
            }
            RuleWarning::NoBeredning { expected, days_before } => format!(
                "There is no preparatory meeting {} before (around {expected}). Plan one.",
                days_en(*days_before)
            ),
            RuleWarning::BeredningWithoutCouncilMeeting { expected, days_before } => format!(
                "This preparatory meeting is not {} before any council meeting (expected around {expected}).",
                days_en(*days_before)
            ),
            RuleWarning::TooManyInYear { year, count, allowed } => format!(
                "{count} council meetings are planned in {year}; the rules say {allowed} a year."
            ),
            RuleWarning::TooClose { other, days } => format!(
                "Only {days} days to the council meeting on {other}; meetings should be about two months apart."
            ),
        }
    }
}

/// A span of days as the rules say it: "två veckor" for 14, else "10 dagar".
fn days_sv(days: u32) -> String {
    match days {
        7 => "en vecka".into(),
        14 => "två veckor".into(),
        21 => "tre veckor".into(),
        1 => "en dag".into(),
        n => format!("{n} dagar"),
    }
}

fn days_en(days: u32) -> String {
    match days {
        7 => "one week".into(),
        14 => "two weeks".into(),
        21 => "three weeks".into(),
        1 => "one day".into(),
        n => format!("{n} days"),
    }
}

/// Mötestyp in words, Swedish.
pub fn kind_sv(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::EradsMote => "e-rådsmöte",
        MeetingKind::Beredningsmote => "beredningsmöte",
        MeetingKind::Workshop => "workshop",
    }
}

/// Meeting kind in words, English.
pub fn kind_en(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::EradsMote => "council meeting",
        MeetingKind::Beredningsmote => "preparatory meeting",
        MeetingKind::Workshop => "workshop",
    }
}

/// Veckodag in Swedish, lower case as in running text.
pub fn weekday_sv(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "måndag",
        Weekday::Tue => "tisdag",
        Weekday::Wed => "onsdag",
        Weekday::Thu => "torsdag",
        Weekday::Fri => "fredag",
        Weekday::Sat => "lördag",
        Weekday::Sun => "söndag",
    }
}

fn weekday_en(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// The last day the notice (kallelse) may go out for a meeting on `date`.
pub fn notice_deadline(date: NaiveDate, rules: &MeetingRules) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(rules.notice_days))).unwrap_or(date)
}

/// Check `meeting` against the council's `rules`, given its `others` meetings (leave the
/// meeting itself out) and `today`. An empty list means the plan keeps every rule.
pub fn check_meeting<T: Dated>(meeting: &Meeting, others: &[T], today: NaiveDate, rules: &MeetingRules) -> Vec<RuleWarning> {
    let mut warnings = Vec::new();
    let times_ok = match (ClockTime::parse(&meeting.start), ClockTime::parse(&meeting.end)) {
        (Ok(start), Ok(end)) => end > start,
        // No planned end yet is fine; an unreadable start is not.
        (Ok(_), Err(_)) => meeting.end.trim().is_empty(),
        _ => false,
    };
    if !times_ok {
        warnings.push(RuleWarning::BadTimes { start: meeting.start.clone(), end: meeting.end.clone() });
    }
    let Ok(date) = parse_date(&meeting.date) else {
        warnings.push(RuleWarning::UnreadableDate { text: meeting.date.clone() });
        return warnings;
    };
    let planned_only = meeting.status == MeetingStatus::Planned;
    if planned_only && date < today {
        warnings.push(RuleWarning::InThePast { date });
    } else if planned_only {
        let deadline = notice_deadline(date, rules);
        let days_left = (deadline - today).num_days();
        if days_left < 0 {
            warnings.push(RuleWarning::NoticeOverdue { deadline, days_before: rules.notice_days });
        } else if days_left <= NOTICE_REMINDER_DAYS {
            warnings.push(RuleWarning::NoticeDueSoon { deadline, days_left });
        }
    }
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        warnings.push(RuleWarning::Weekend { date });
    }
    let others: Vec<(MeetingKind, NaiveDate)> =
        others.iter().filter_map(|o| Some((o.kind(), parse_date(o.date()).ok()?))).collect();
    for &(kind, other) in &others {
        if other == date {
            warnings.push(RuleWarning::SameDay { other: kind, date });
        }
    }
    let near = |target: NaiveDate, kind: MeetingKind| {
        others.iter().any(|&(k, d)| {
            k == kind && (d - target).num_days().abs() <= BEREDNING_TOLERANCE_DAYS
        })
    };
    match meeting.kind {
        MeetingKind::EradsMote => {
            let expected = date - chrono::Duration::days(i64::from(rules.beredning_days));
            if !near(expected, MeetingKind::Beredningsmote) {
                warnings.push(RuleWarning::NoBeredning { expected, days_before: rules.beredning_days });
            }
            let count = 1 + others
                .iter()
                .filter(|(k, d)| *k == MeetingKind::EradsMote && d.year() == date.year())
                .count();
            if count > rules.meetings_per_year as usize {
                warnings.push(RuleWarning::TooManyInYear { year: date.year(), count, allowed: rules.meetings_per_year });
            }
            let closest = others
                .iter()
                .filter(|(k, d)| *k == MeetingKind::EradsMote && *d != date)
                .map(|&(_, d)| (d, (d - date).num_days().abs()))
                .min_by_key(|&(_, days)| days);
            if let Some((other, days)) = closest {
                if days < rules.min_days_between() {
                    warnings.push(RuleWarning::TooClose { other, days });
                }
            }
        }
        MeetingKind::Beredningsmote => {
            let expected = date + chrono::Duration::days(i64::from(rules.beredning_days));
            if !near(expected, MeetingKind::EradsMote) {
                warnings.push(RuleWarning::BeredningWithoutCouncilMeeting { expected, days_before: rules.beredning_days });
            }
        }
        MeetingKind::Workshop => {}
    }
    warnings
}

/// How to lay out a year of meetings (årsplan): which months, which weekday, times and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearPlanRules {
    pub year: i32,
    /// Months (1–12) with an e-rådsmöte; six, about two months apart.
    pub months: Vec<u32>,
    /// Weekday of every meeting, e.g. torsdag as in the seeds.
    pub weekday: Weekday,
    /// Which of the month's `weekday`s (1 = the first) the council meets on.
    pub nth: u8,
    pub start: String,
    pub end: String,
    pub beredning_start: String,
    pub beredning_end: String,
    pub place: String,
    pub video_link: Option<String>,
    /// Days from the beredningsmöte to the council's meeting.
    pub beredning_days: u32,
}

impl YearPlanRules {
    /// Fyrbodal's pattern: the third Thursday of every other month from February, 13–16, with
    /// a beredningsmöte 10–11 two weeks before (both meetings in the seeds are Thursdays).
    pub fn standard(year: i32) -> Self {
        Self::for_council(year, &MeetingRules::default())
    }

    /// The standard pattern with the council's own rules: its beredning lead time, place and
    /// video link, and as many meetings as it holds a year (spread over the year's months).
    pub fn for_council(year: i32, rules: &MeetingRules) -> Self {
        let n = rules.meetings_per_year.clamp(1, 12);
        let step = 12 / n;
        let first = 1 + (12 - step * (n - 1)) / 2;
        let months = (0..n).map(|i| first + i * step).filter(|m| *m <= 12).collect();
        let video = rules.default_video_link.trim();
        YearPlanRules {
            months,
            place: rules.default_place.trim().to_string(),
            video_link: (!video.is_empty()).then(|| video.to_string()),
            beredning_days: rules.beredning_days,
            ..Self::fyrbodal(year)
        }
    }

    fn fyrbodal(year: i32) -> Self {
        YearPlanRules {
            year,
            months: vec![2, 4, 6, 8, 10, 12],
            weekday: Weekday::Thu,
            nth: 3,
            start: "13:00".into(),
            end: "16:00".into(),
            beredning_start: "10:00".into(),
            beredning_end: "11:00".into(),
            place: String::new(),
            video_link: None,
            beredning_days: 14,
        }
    }
}

/// Propose a year of meetings in date order: for each month, a beredningsmöte two weeks before
/// an e-rådsmöte. Months that do not exist are skipped. Nothing is written: the UI shows the
/// proposal, and creates the meetings the user keeps.
pub fn plan_year(rules: &YearPlanRules) -> Vec<Meeting> {
    let mut meetings = Vec::new();
    for &month in &rules.months {
        let Some(date) = NaiveDate::from_weekday_of_month_opt(rules.year, month, rules.weekday, rules.nth)
        else {
            continue;
        };
        let beredning = date - chrono::Duration::days(i64::from(rules.beredning_days));
        let mut prep = Meeting::new(
            format!("Beredningsmöte inför e-rådsmötet {}", format_date(date)),
            MeetingKind::Beredningsmote,
            format_date(beredning),
            rules.beredning_start.clone(),
            rules.beredning_end.clone(),
        );
        prep.video_link = rules.video_link.clone();
        let mut council = Meeting::new(
            "E-rådsmöte",
            MeetingKind::EradsMote,
            format_date(date),
            rules.start.clone(),
            rules.end.clone(),
        );
        council.place = rules.place.clone();
        council.video_link = rules.video_link.clone();
        meetings.push(prep);
        meetings.push(council);
    }
    meetings.sort_by(|a, b| a.date.cmp(&b.date));
    meetings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn m(kind: MeetingKind, date: &str) -> Meeting {
        Meeting::new("Möte", kind, date, "13:00", "16:00")
    }

    /// Check one planned meeting against others on `today`; `expected` are fragments of the
    /// Swedish warnings, in order.
    fn check(meeting: Meeting, others: &[(MeetingKind, &str)], today: &str, expected: &[&str]) {
        let others: Vec<Meeting> = others.iter().map(|&(k, date)| m(k, date)).collect();
        let got: Vec<String> = check_meeting(&meeting, &others, d(today), &MeetingRules::default()).iter().map(RuleWarning::sv).collect();
        assert_eq!(got.len(), expected.len(), "{} on {today}: {got:#?}", meeting.date);
        for (g, want) in got.iter().zip(expected) {
            assert!(g.contains(want), "{g:?} should mention {want:?}");
        }
    }

    use MeetingKind::{Beredningsmote as B, EradsMote as E, Workshop as W};

    #[test]
    fn meeting_rules_table() {
        // The seed's first meeting, with its beredning, planned well ahead: no warnings.
        check(m(E, "2019-04-04"), &[(B, "2019-03-21")], "2019-03-01", &[]);
        // Beredning three days off two weeks before still counts; six days off does not.
        check(m(E, "2019-04-04"), &[(B, "2019-03-24")], "2019-03-01", &[]);
        check(m(E, "2019-04-04"), &[(B, "2019-03-27")], "2019-03-01", &["inget beredningsmöte två veckor före (omkring 2019-03-21)"]);
        // Notice: deadline 2019-03-21; reminded a week before, overdue after.
        check(m(E, "2019-04-04"), &[(B, "2019-03-21")], "2019-03-14", &["senast 2019-03-21, om 7 dagar"]);
        check(m(E, "2019-04-04"), &[(B, "2019-03-21")], "2019-03-20", &["om 1 dag."]);
        check(m(E, "2019-04-04"), &[(B, "2019-03-21")], "2019-03-22", &["skulle ha skickats senast 2019-03-21"]);
        // Once the notice is sent, no notice warnings.
        let mut sent = m(E, "2019-04-04");
        sent.status = MeetingStatus::NoticeSent;
        check(sent, &[(B, "2019-03-21")], "2019-03-30", &[]);
        // Passed but still planned.
        check(m(W, "2019-04-04"), &[], "2019-05-01", &["har redan varit"]);
        // Weekend and a clash on the same day.
        check(m(W, "2019-04-06"), &[(B, "2019-04-06")], "2019-01-01", &["är en lördag", "redan ett beredningsmöte samma dag"]);
        // A beredning with no council meeting two weeks later.
        check(m(B, "2019-03-21"), &[(E, "2019-05-02")], "2019-01-01", &["inte två veckor före något e-rådsmöte (väntat omkring 2019-04-04)"]);
        check(m(B, "2019-03-21"), &[(E, "2019-04-04")], "2019-01-01", &[]);
        // Council meetings too close together.
        check(m(E, "2019-04-04"), &[(B, "2019-03-21"), (E, "2019-05-02")], "2019-01-01", &["Bara 28 dagar till e-rådsmötet 2019-05-02"]);
        // A seventh council meeting in one year (the others two months apart, beredning in place).
        let six = [(E, "2019-01-17"), (E, "2019-03-21"), (E, "2019-05-16"), (E, "2019-08-15"), (E, "2019-10-17"), (E, "2019-12-12"), (B, "2019-11-14")];
        check(m(E, "2019-11-28"), &six, "2019-01-01", &["7 e-rådsmöten är planerade 2019", "Bara 14 dagar"]);
        // Unreadable input says how to write it.
        check(m(E, "4/4 2019"), &[], "2019-01-01", &["ÅÅÅÅ-MM-DD"]);
        check(Meeting::new("Möte", W, "2019-04-04", "16:00", "13:00"), &[], "2019-01-01", &["Sluttiden ska vara efter starttiden"]);
        // No planned end yet is allowed.
        check(Meeting::new("Möte", W, "2019-04-04", "13:00", ""), &[], "2019-01-01", &[]);
    }

    #[test]
    fn warnings_read_in_english_too() {
        let w = RuleWarning::NoticeOverdue { deadline: d("2019-03-21"), days_before: 14 };
        assert!(w.en().contains("should have gone out by 2019-03-21"), "{}", w.en());
        let w = RuleWarning::Weekend { date: d("2019-04-07") };
        assert_eq!(w.en(), "2019-04-07 is a Sunday. Choose a weekday.");
    }

    #[test]
    fn a_planned_year_keeps_every_rule() {
        let plan = plan_year(&YearPlanRules::standard(2025));
        assert_eq!(plan.len(), 12);
        let council: Vec<&str> = plan.iter().filter(|m| m.kind == E).map(|m| m.date.as_str()).collect();
        assert_eq!(council, ["2025-02-20", "2025-04-17", "2025-06-19", "2025-08-21", "2025-10-16", "2025-12-18"]);
        assert!(plan.windows(2).all(|w| w[0].date <= w[1].date));
        for (i, meeting) in plan.iter().enumerate() {
            let others: Vec<&Meeting> = plan.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, m)| m).collect();
            let others: Vec<Meeting> = others.into_iter().cloned().collect();
            let warnings = check_meeting(meeting, &others, d("2025-01-02"), &MeetingRules::default());
            assert!(warnings.is_empty(), "{} {:?}: {:?}", meeting.date, meeting.kind, warnings);
        }
        assert_eq!(plan[0].kind, B);
        assert_eq!(plan[0].date, "2025-02-06");
        assert_eq!(notice_deadline(d("2025-02-20"), &MeetingRules::default()), d("2025-02-06"));
    }

    #[test]
    fn the_councils_own_rules_change_the_warnings() {
        // Three weeks' notice and four meetings a year: the same plan warns differently.
        let rules = MeetingRules { notice_days: 21, meetings_per_year: 4, beredning_days: 7, ..MeetingRules::default() };
        let on = |today: &str, m: Meeting, others: &[(MeetingKind, &str)]| {
            let others: Vec<Meeting> = others.iter().map(|&(k, date)| self::m(k, date)).collect();
            check_meeting(&m, &others, d(today), &rules).iter().map(RuleWarning::sv).collect::<Vec<_>>()
        };
        // Notice deadline 2019-03-14 (three weeks before), so on 03-20 it is overdue.
        let got = on("2019-03-20", m(E, "2019-04-04"), &[(B, "2019-03-28")]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("senast 2019-03-14 (tre veckor före mötet)"), "{got:?}");
        // A beredning one week before counts; two weeks before does not.
        assert!(on("2019-01-01", m(E, "2019-04-04"), &[(B, "2019-03-28")]).is_empty());
        let got = on("2019-01-01", m(E, "2019-04-04"), &[(B, "2019-03-21")]);
        assert!(got[0].contains("inget beredningsmöte en vecka före (omkring 2019-03-28)"), "{got:?}");
        // A fifth meeting in a year is one too many.
        let four = [(E, "2019-01-10"), (E, "2019-04-04"), (E, "2019-07-04"), (E, "2019-10-03"), (B, "2019-12-05")];
        let got = on("2019-01-01", m(E, "2019-12-12"), &four);
        assert!(got.iter().any(|w| w.contains("5 e-rådsmöten är planerade 2019; reglerna säger 4 per år")), "{got:?}");
        // The year plan follows them too: four council meetings, beredning a week before.
        let plan = plan_year(&YearPlanRules::for_council(2025, &rules));
        let council: Vec<&Meeting> = plan.iter().filter(|m| m.kind == E).collect();
        assert_eq!(council.len(), 4);
        for (i, meeting) in plan.iter().enumerate() {
            let others: Vec<Meeting> = plan.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, m)| m.clone()).collect();
            let warnings = check_meeting(meeting, &others, d("2025-01-02"), &rules);
            assert!(warnings.is_empty(), "{} {:?}: {:?}", meeting.date, meeting.kind, warnings);
        }
    }
}
