//! Export out of the app: the notice (kallelse) and the minutes (minnesanteckningar) as Markdown
//! laid out like the council's own documents (seed 002), and the meeting as an iCalendar file.
//!
//! iCalendar follows RFC 5545: CRLF line ends, lines folded at 75 octets without splitting a
//! character, TEXT values escaped, local times with TZID=Europe/Stockholm and its VTIMEZONE.

use chrono::DateTime;
use uuid::Uuid;

use super::agenda_timing::schedule_meeting;
use super::ids::RADSLAG_NAMESPACE;
use super::meeting::{ActionStatus, AgendaItem, Attendance, ItemKind, Meeting};
use super::time::{parse_date, ClockTime, TimeError};
use crate::i18n::Bilingual;

/// The note under the agenda heading in the council's documents.
const TYPE_LEGEND: &str =
    "Mötespunktens typ anges som [I] för informationspunkt, [D] för diskussionspunkt, [A] för arbetsmoment.";

/// A meeting laid out as the council's documents lay it out (seed 002), in their words: what
/// both the Markdown export and the app's print views show, computed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDocument {
    /// "Information om möte": (label, value) rows — Datum, Tid, Plats, and what else is known.
    pub information: Vec<(&'static str, String)>,
    pub attendees: Vec<(String, String)>,
    pub absentees: Vec<(String, String)>,
    pub agenda: Vec<AgendaRow>,
    /// The items that have minutes, in agenda order.
    pub sections: Vec<ItemSection>,
    pub recorded_by: Option<String>,
    /// Justerat av, with the date of each in-app approval.
    pub approved_by: Option<String>,
}

/// One row of the agenda table (Punkt, Typ, Beskrivning, Ansvarig, Ca tid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaRow {
    pub number: String,
    /// "I", "D", "A", or empty for a break.
    pub kind: String,
    pub description: String,
    pub responsible: String,
    /// "13.00", as the council writes times.
    pub start: String,
}

/// The minutes of one item: "N) Titel", the notes, and its lists as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSection {
    pub heading: String,
    pub notes: String,
    pub discussion: Vec<String>,
    pub decisions: Vec<String>,
    /// "Vad – vem, senast YYYY-MM-DD (klar)".
    pub actions: Vec<String>,
}

/// The note under the agenda heading.
pub fn type_legend() -> &'static str {
    TYPE_LEGEND
}

/// `meeting` as the council's documents show it.
pub fn meeting_document(meeting: &Meeting) -> MeetingDocument {
    let time = if meeting.end.trim().is_empty() {
        dotted(&meeting.start)
    } else {
        format!("{}-{}", dotted(&meeting.start), dotted(&meeting.end))
    };
    let mut information = vec![("Datum", meeting.date.clone()), ("Tid", time), ("Plats", meeting.place.clone())];
    if let Some(link) = meeting.video_link.as_ref().filter(|l| !l.is_empty()) {
        information.push(("Videolänk", link.clone()));
    }
    if let Some(n) = meeting.number {
        information.push(("Mötesnummer", n.to_string()));
    }
    if let Some(d) = meeting.diary_number.as_ref().filter(|d| !d.is_empty()) {
        information.push(("Diarienummer", d.clone()));
    }
    let people = |rows: &[Attendance]| rows.iter().map(|r| (r.name.clone(), r.organisation.clone())).collect();
    // Times as the agenda computes them; a fixed start where the schedule cannot be computed.
    let slots = schedule_meeting(meeting).map(|s| s.slots).unwrap_or_default();
    let agenda = meeting
        .visible_agenda()
        .enumerate()
        .map(|(index, item)| AgendaRow {
            number: item.number.clone(),
            kind: match item.kind {
                ItemKind::Break(_) => String::new(),
                k => k.label().to_string(),
            },
            description: item.description.as_str().to_string(),
            responsible: item.responsible.clone(),
            start: slots
                .get(index)
                .and_then(|s| s.start)
                .map(|t| dotted(&t.to_string()))
                .or_else(|| item.start.as_deref().map(dotted))
                .unwrap_or_default(),
        })
        .collect();
    let approvers: Vec<String> = meeting
        .valid_approvals()
        .map(|a| match DateTime::from_timestamp(a.at, 0) {
            Some(at) => format!("{} ({})", a.by, at.format("%Y-%m-%d")),
            None => a.by.clone(),
        })
        .collect();
    let approved = if approvers.is_empty() { meeting.approved_by.clone() } else { Some(approvers.join(", ")) };
    MeetingDocument {
        information,
        attendees: people(&meeting.attendees),
        absentees: people(&meeting.absentees),
        agenda,
        sections: meeting.visible_agenda().filter(|i| i.has_minutes()).map(item_section).collect(),
        recorded_by: meeting.recorded_by.clone().filter(|s| !s.trim().is_empty()),
        approved_by: approved.filter(|s| !s.trim().is_empty()),
    }
}

fn item_section(item: &AgendaItem) -> ItemSection {
    let title = item.description.as_str().lines().next().unwrap_or("").trim().to_string();
    ItemSection {
        heading: if item.number.is_empty() { title } else { format!("{}) {title}", item.number) },
        notes: item.notes.as_str().trim().to_string(),
        discussion: item
            .visible_discussion()
            .map(|p| p.text.as_str().trim())
            .filter(|t| !t.is_empty())
            .map(one_line)
            .collect(),
        decisions: item.visible_decisions().map(|d| one_line(d.text.as_str().trim())).collect(),
        actions: item
            .visible_action_items()
            .map(|a| {
                let mut line = format!("{} – {}", one_line(a.what.as_str().trim()), a.who);
                if let Some(due) = a.due.as_deref().filter(|d| !d.is_empty()) {
                    line.push_str(&format!(", senast {due}"));
                }
                if a.status == ActionStatus::Done {
                    line.push_str(" (klar)");
                }
                line
            })
            .collect(),
    }
}

/// The notice (kallelse with agenda) as Markdown.
pub fn notice_markdown(meeting: &Meeting, council_name: &str) -> String {
    let doc = meeting_document(meeting);
    let mut out = String::new();
    out.push_str(&format!("# Kallelse: {}\n\n{}\n\n", md(&meeting.title), md(council_name)));
    information(&mut out, &doc);
    agenda_table(&mut out, &doc);
    out
}

/// The minutes as Markdown: information, attendance, agenda, one section per item with minutes,
/// then antecknat av and justerat av.
pub fn minutes_markdown(meeting: &Meeting, council_name: &str) -> String {
    let doc = meeting_document(meeting);
    let mut out = String::new();
    out.push_str(&format!("# Minnesanteckningar\n\n{}\n\n", md(council_name)));
    information(&mut out, &doc);
    attendance_table(&mut out, "Deltagare", &doc.attendees);
    attendance_table(&mut out, "Förhindrade", &doc.absentees);
    agenda_table(&mut out, &doc);
    for section in &doc.sections {
        section_markdown(&mut out, section);
    }
    if let Some(by) = &doc.recorded_by {
        out.push_str(&format!("**Antecknat av**  \n{}\n\n", md(by)));
    }
    if let Some(by) = &doc.approved_by {
        out.push_str(&format!("**Justerat av**  \n{}\n\n", md(by)));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn information(out: &mut String, doc: &MeetingDocument) {
    out.push_str("## Information om möte\n\n| | |\n|---|---|\n");
    for (label, value) in &doc.information {
        out.push_str(&format!("| {label} | {} |\n", cell(value)));
    }
    out.push('\n');
}

fn attendance_table(out: &mut String, heading: &str, rows: &[(String, String)]) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!("## {heading}\n\n| Namn | Kommun/Organisation |\n|---|---|\n"));
    for (name, organisation) in rows {
        out.push_str(&format!("| {} | {} |\n", cell(name), cell(organisation)));
    }
    out.push('\n');
}

fn agenda_table(out: &mut String, doc: &MeetingDocument) {
    out.push_str(&format!("## Dagordning\n\n{TYPE_LEGEND}\n\n"));
    out.push_str("| Punkt | Typ | Beskrivning | Ansvarig | Ca tid |\n|---|---|---|---|---|\n");
    for row in &doc.agenda {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&row.number),
            row.kind,
            cell(&row.description),
            cell(&row.responsible),
            row.start
        ));
    }
    out.push('\n');
}

fn section_markdown(out: &mut String, section: &ItemSection) {
    out.push_str(&format!("### {}\n\n", md(&section.heading)));
    if !section.notes.is_empty() {
        out.push_str(&md(&section.notes));
        out.push_str("\n\n");
    }
    for (heading, lines) in [
        ("Gruppen diskuterade följande", &section.discussion),
        ("**Beslut**", &section.decisions),
        ("**Åtgärder**", &section.actions),
    ] {
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("{heading}\n\n"));
        for line in lines {
            out.push_str(&format!("- {}\n", md(line)));
        }
        out.push('\n');
    }
}

/// "13:00" → "13.00", as the council's documents write times.
fn dotted(time: &str) -> String {
    time.trim().replace(':', ".")
}

/// A table cell: markup and pipes escaped, line breaks as <br>.
fn cell(text: &str) -> String {
    md(text.trim()).replace('|', "\\|").replace("\r\n", "\n").replace('\n', "<br>")
}

/// A member's text in Markdown: `<`, `>` and `&` as entities, so a Markdown viewer shows typed
/// markup (`<img onerror=…>`, `<script>`) as the text it is instead of running it as HTML.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', " ")
}

/// A meeting that cannot go into a calendar file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    #[error("the meeting's date cannot be read: {0}")]
    Date(TimeError),
    #[error("the meeting's start time cannot be read: {0}")]
    Start(TimeError),
    #[error("the meeting's end time cannot be read: {0}")]
    End(TimeError),
}

impl Bilingual for IcsError {
    fn sv(&self) -> String {
        match self {
            IcsError::Date(e) => format!("mötets datum går inte att läsa: {}", e.sv()),
            IcsError::Start(e) => format!("mötets starttid går inte att läsa: {}", e.sv()),
            IcsError::End(e) => format!("mötets sluttid går inte att läsa: {}", e.sv()),
        }
    }
}

/// The calendar event's UID, derived from `key` (the meeting document's URL) so re-exporting
/// updates the same event in people's calendars instead of adding another.
pub fn ics_uid(key: &str) -> String {
    format!("{}@radslag", Uuid::new_v5(&RADSLAG_NAMESPACE, format!("ics/{key}").as_bytes()).hyphenated())
}

/// The meeting as an iCalendar file (.ics). `key` identifies the meeting (its document URL);
/// `stamp` is when the file is made (unix seconds, DTSTAMP). Without an end time the event has
/// no DTEND (RFC 5545 then means it ends when it starts).
pub fn meeting_ics(meeting: &Meeting, key: &str, council_name: &str, stamp: i64) -> Result<String, IcsError> {
    let date = parse_date(&meeting.date).map_err(IcsError::Date)?;
    let start = ClockTime::parse(&meeting.start).map_err(IcsError::Start)?;
    let end = if meeting.end.trim().is_empty() {
        None
    } else {
        Some(ClockTime::parse(&meeting.end).map_err(IcsError::End)?)
    };
    let local = |t: ClockTime| {
        format!(
            "{}T{:02}{:02}00",
            date.format("%Y%m%d"),
            t.minutes_since_midnight() / 60,
            t.minutes_since_midnight() % 60
        )
    };
    let dtstamp = DateTime::from_timestamp(stamp, 0).unwrap_or_default().format("%Y%m%dT%H%M%SZ").to_string();
    let mut description = String::new();
    if let Some(link) = meeting.video_link.as_ref().filter(|l| !l.is_empty()) {
        description.push_str(&format!("Videolänk: {link}\n\n"));
    }
    let slots = schedule_meeting(meeting).map(|s| s.slots).unwrap_or_default();
    if meeting.visible_agenda().next().is_some() {
        description.push_str("Dagordning\n");
        for (index, item) in meeting.visible_agenda().enumerate() {
            let time = slots.get(index).and_then(|s| s.start).map(|t| format!("{} ", dotted(&t.to_string()))).unwrap_or_default();
            let typ = match item.kind {
                ItemKind::Break(_) => String::new(),
                k => format!("[{}] ", k.label()),
            };
            let number = if item.number.is_empty() { String::new() } else { format!("{} ", item.number) };
            let who = if item.responsible.is_empty() { String::new() } else { format!(" ({})", item.responsible) };
            let title = item.description.as_str().lines().next().unwrap_or("");
            description.push_str(&format!("{time}{number}{typ}{title}{who}\n"));
        }
    }
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Rådslag//Rådslag//SV".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    lines.extend(STOCKHOLM_VTIMEZONE.iter().map(|l| l.to_string()));
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}", ics_uid(key)));
    lines.push(format!("DTSTAMP:{dtstamp}"));
    lines.push(format!("DTSTART;TZID=Europe/Stockholm:{}", local(start)));
    if let Some(end) = end {
        lines.push(format!("DTEND;TZID=Europe/Stockholm:{}", local(end)));
    }
    let summary = if council_name.is_empty() { meeting.title.clone() } else { format!("{}: {}", council_name, meeting.title) };
    lines.push(format!("SUMMARY:{}", escape_text(&summary)));
    if !meeting.place.trim().is_empty() {
        lines.push(format!("LOCATION:{}", escape_text(meeting.place.trim())));
    }
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape_text(description.trim_end())));
    }
    lines.push("END:VEVENT".into());
    lines.push("END:VCALENDAR".into());
    Ok(lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join(""))
}

/// Europe/Stockholm since 1996: CET, CEST from the last Sunday of March to the last of October.
const STOCKHOLM_VTIMEZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Fold one content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character, and end
/// it with CRLF. Continuation lines start with a space, which counts toward their 75.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        let check = |input: &str, expected_lines: &[&str]| {
            let folded = fold(input);
            assert!(folded.ends_with("\r\n"));
            let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
            assert_eq!(lines, expected_lines, "{input:?}");
            assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
            // Unfolding gives the original back.
            assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), input);
        };
        check("SUMMARY:kort", &["SUMMARY:kort"]);
        let a75 = "a".repeat(75);
        check(&a75, &[a75.as_str()]);
        let a76 = "a".repeat(76);
        check(&a76, &[&a76[..75], " a"]);
        // "å" is two octets: 74 ASCII + "å" would make 76, so "å" moves to the next line whole.
        let line = format!("{}åb", "x".repeat(74));
        check(&line, &[&"x".repeat(74), " åb"]);
        let long = "ö".repeat(100);
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn markup_typed_by_a_member_stays_text_in_markdown() {
        assert_eq!(md("<img src=x onerror=alert(1)> & <script>"), "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;");
        assert_eq!(cell("a<b>|c\nd"), "a&lt;b&gt;\\|c<br>d");
    }

    #[test]
    fn escaping_table() {
        let check = |input: &str, expected: &str| assert_eq!(escape_text(input), expected, "{input:?}");
        check("Konferensrum Dalsland, Fyrbodal", "Konferensrum Dalsland\\, Fyrbodal");
        check("a;b", "a\\;b");
        check("C:\\mapp", "C:\\\\mapp");
        check("rad 1\nrad 2\r\nrad 3", "rad 1\\nrad 2\\nrad 3");
        check("vanlig text", "vanlig text");
    }
}
