//! Attendance (närvaro): the list a meeting starts from, and attendance per organisation over a
//! year (närvaro per kommun), as the delrapport's participant lists need.

use super::council::{Council, OrganisationKind};
use super::ids::{AttendanceId, OrganisationId};
use super::meeting::{Attendance, Meeting, MeetingKind};
use super::time::parse_date;
use chrono::Datelike;

/// Whether someone attends or sent regrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Deltar.
    Attending,
    /// Förhindrad.
    Regrets,
}

/// One row per person in the council now (not removed), sorted by name, for marking who
/// attends. Ids are derived from the person, so two devices starting the list at once produce
/// the same rows.
pub fn initial_attendance(council: &Council) -> Vec<Attendance> {
    let mut rows: Vec<Attendance> = council
        .current_people()
        .map(|p| Attendance {
            id: attendance_id_for(p.id),
            name: p.name.clone(),
            organisation: p
                .organisation
                .and_then(|o| council.organisation(o))
                .map_or_else(String::new, |o| o.name.clone()),
            person: Some(p.id),
            organisation_id: p.organisation,
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    rows
}

/// The attendance row id of a council person in any meeting.
pub fn attendance_id_for(person: super::ids::PersonId) -> AttendanceId {
    AttendanceId::derived(&format!("attendance/{person}"))
}

/// Attendance of one organisation over the counted meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationAttendance {
    pub organisation: String,
    pub organisation_id: Option<OrganisationId>,
    /// Meetings where at least one person from the organisation attended.
    pub meetings_present: usize,
    /// Person-meetings attended.
    pub attendances: usize,
    /// Person-meetings with regrets (förhindrad).
    pub regrets: usize,
}

/// Attendance per organisation over a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceSummary {
    /// Meetings counted: of the kind asked for, in the year, with attendance recorded.
    pub meetings: usize,
    /// The council's municipalities first (all of them, also those never present), then other
    /// organisations that attended, each group by name.
    pub rows: Vec<OrganisationAttendance>,
}

/// Attendance per organisation in `year` over `meetings` of `kind` (`None`: all kinds).
/// Rows are matched by organisation id where known, else by the name written in the minutes.
pub fn attendance_by_organisation(
    meetings: &[Meeting],
    council: &Council,
    year: i32,
    kind: Option<MeetingKind>,
) -> AttendanceSummary {
    let mut rows: Vec<(bool, OrganisationAttendance)> = council
        .organisations
        .iter()
        .filter(|o| o.kind == OrganisationKind::Municipality)
        .map(|o| {
            (true, OrganisationAttendance {
                organisation: o.name.clone(),
                organisation_id: Some(o.id),
                meetings_present: 0,
                attendances: 0,
                regrets: 0,
            })
        })
        .collect();
    let counted: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| kind.is_none_or(|k| m.kind == k))
        .filter(|m| parse_date(&m.date).is_ok_and(|d| d.year() == year))
        .filter(|m| !m.attendees.is_empty() || !m.absentees.is_empty())
        .collect();
    for meeting in &counted {
        let mut present_here: Vec<usize> = Vec::new();
        for (list, attending) in [(&meeting.attendees, true), (&meeting.absentees, false)] {
            for a in list.iter() {
                let index = row_for(&mut rows, a, council);
                let row = &mut rows[index].1;
                if attending {
                    row.attendances += 1;
                    if !present_here.contains(&index) {
                        present_here.push(index);
                        row.meetings_present += 1;
                    }
                } else {
                    row.regrets += 1;
                }
            }
        }
    }
    rows.sort_by(|(a_muni, a), (b_muni, b)| b_muni.cmp(a_muni).then_with(|| a.organisation.cmp(&b.organisation)));
    AttendanceSummary { meetings: counted.len(), rows: rows.into_iter().map(|(_, r)| r).collect() }
}

fn row_for(rows: &mut Vec<(bool, OrganisationAttendance)>, a: &Attendance, council: &Council) -> usize {
    let org_id = a.organisation_id.or_else(|| {
        council.organisations.iter().find(|o| o.name.eq_ignore_ascii_case(a.organisation.trim())).map(|o| o.id)
    });
    let found = rows.iter().position(|(_, r)| match (org_id, r.organisation_id) {
        (Some(id), Some(rid)) => id == rid,
        _ => r.organisation.eq_ignore_ascii_case(a.organisation.trim()),
    });
    if let Some(i) = found {
        return i;
    }
    let name = org_id
        .and_then(|id| council.organisation(id))
        .map_or_else(|| a.organisation.trim().to_string(), |o| o.name.clone());
    rows.push((false, OrganisationAttendance {
        organisation: name,
        organisation_id: org_id,
        meetings_present: 0,
        attendances: 0,
        regrets: 0,
    }));
    rows.len() - 1
}

/// The attendance sheet of a meeting as the meeting page shows it: every row the meeting has
/// recorded (with its presence), then every council member not recorded yet (no presence),
/// sorted by name. A member counts as recorded when a row has their person id, their row id or,
/// for rows typed in by hand or pasted, their name.
pub fn attendance_sheet(council: &Council, meeting: &Meeting) -> Vec<(Attendance, Option<Presence>)> {
    let mut sheet: Vec<(Attendance, Option<Presence>)> = meeting
        .attendees
        .iter()
        .map(|a| (a.clone(), Some(Presence::Attending)))
        .chain(meeting.absentees.iter().map(|a| (a.clone(), Some(Presence::Regrets))))
        .collect();
    for member in initial_attendance(council) {
        let recorded = sheet.iter().any(|(row, _)| {
            row.id == member.id
                || (row.person.is_some() && row.person == member.person)
                || row.name.trim().eq_ignore_ascii_case(member.name.trim())
        });
        if !recorded {
            sheet.push((member, None));
        }
    }
    sheet.sort_by(|(a, _), (b, _)| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    sheet
}
