//! Attendance: the list starts from the council's members, marking moves people between
//! attending and regrets, two people marking at once both count, and a year sums per kommun.

use automerge::ActorId;
use radslag::doc::council::hydrate_council;
use radslag::doc::demo::demo_council;
use radslag::doc::meeting::{clear_attendance, create_meeting, hydrate_meeting, set_attendance};
use radslag::model::attendance::{attendance_by_organisation, attendance_sheet, initial_attendance, Presence};
use radslag::model::meeting::{Meeting, MeetingKind};

const NOW: i64 = 1_700_000_000;

#[test]
fn the_list_starts_from_the_members_and_marks_move_rows() {
    let council = hydrate_council(&demo_council().root).unwrap();
    let rows = initial_attendance(&council);
    assert_eq!(rows.len(), council.people.len());
    let henrik = rows.iter().find(|r| r.name == "Henrik Röste").unwrap().clone();
    assert_eq!(henrik.organisation, "Färgelanda");

    let mut anna = automerge::AutoCommit::new().with_actor(ActorId::from(b"anna".as_slice()));
    let m = Meeting::new("E-rådsmöte", MeetingKind::EradsMote, "2019-06-13", "13:00", "16:00");
    create_meeting(&mut anna, &m, NOW).unwrap();
    let mut bo = anna.fork().with_actor(ActorId::from(b"bo".as_slice()));
    set_attendance(&mut anna, henrik.clone(), Presence::Attending, NOW).unwrap();
    let sara = rows.iter().find(|r| r.name == "Sara Herrman").unwrap().clone();
    set_attendance(&mut bo, sara.clone(), Presence::Regrets, NOW).unwrap();
    anna.merge(&mut bo).unwrap();
    let got = hydrate_meeting(&anna).unwrap();
    assert_eq!((got.attendees.len(), got.absentees.len()), (1, 1), "both marks survive the merge");

    // Henrik sends regrets after all: he moves, not duplicates.
    set_attendance(&mut anna, henrik.clone(), Presence::Regrets, NOW).unwrap();
    let got = hydrate_meeting(&anna).unwrap();
    assert!(got.attendees.is_empty());
    assert_eq!(got.absentees.len(), 2);
    clear_attendance(&mut anna, henrik.id, NOW).unwrap();
    assert_eq!(hydrate_meeting(&anna).unwrap().absentees.len(), 1);
}

#[test]
fn attendance_per_municipality_over_a_year() {
    let demo = demo_council();
    let council = hydrate_council(&demo.root).unwrap();
    let first = hydrate_meeting(&demo.meetings[0].doc).unwrap();
    let mut second = first.clone();
    second.date = "2019-06-13".into();
    second.attendees.retain(|a| a.organisation != "Färgelanda");
    let other_year = {
        let mut m = first.clone();
        m.date = "2020-02-20".into();
        m
    };
    let summary = attendance_by_organisation(&[first, second, other_year], &council, 2019, Some(MeetingKind::EradsMote));
    assert_eq!(summary.meetings, 2);
    // All fourteen municipalities are listed, also those never present; then the others.
    assert_eq!(summary.rows.iter().take(14).filter(|r| r.organisation_id.is_some()).count(), 14);
    let row = |name: &str| summary.rows.iter().find(|r| r.organisation == name).unwrap().clone();
    // Färgelanda: Henrik Röste and Susanne Korduner at the first meeting only.
    assert_eq!((row("Färgelanda").meetings_present, row("Färgelanda").attendances), (1, 2));
    // Munkedal: two people at both meetings.
    assert_eq!((row("Munkedal").meetings_present, row("Munkedal").attendances), (2, 4));
    // Vänersborg: one attending and one with regrets each time.
    assert_eq!((row("Vänersborg").attendances, row("Vänersborg").regrets), (2, 2));
    assert_eq!(row("Bengtsfors").attendances, 0);
    assert_eq!(row("Fyrbodals kommunalförbund").attendances, 6);
    assert_eq!(summary.rows[14].organisation, "Fyrbodals kommunalförbund");
}

#[test]
fn the_sheet_shows_the_recorded_rows_and_every_member_not_yet_marked() {
    let demo = demo_council();
    let council = hydrate_council(&demo.root).unwrap();
    let meeting = hydrate_meeting(&demo.meetings[0].doc).unwrap();
    let sheet = attendance_sheet(&council, &meeting);
    let presence = |name: &str| sheet.iter().find(|(a, _)| a.name == name).map(|(_, p)| *p);
    // Seed 002: Henrik Röste attended, Björn Lindeberg sent regrets; both once, not twice.
    assert_eq!(presence("Henrik Röste"), Some(Some(Presence::Attending)));
    assert_eq!(presence("Björn Lindeberg"), Some(Some(Presence::Regrets)));
    assert_eq!(sheet.iter().filter(|(a, _)| a.name == "Henrik Röste").count(), 1);
    // Every member is on the sheet once (the minutes spell "Nicklas", the council "Niklas":
    // the row knows the person); those not in the minutes are unmarked.
    for person in &council.people {
        let rows = sheet.iter().filter(|(a, _)| a.person == Some(person.id) || a.name == person.name).count();
        assert_eq!(rows, 1, "{} is on the sheet once", person.name);
    }
    assert_eq!(presence("Sara Herrman"), Some(None), "the chair is not in the seed's lists");
    let names: Vec<String> = sheet.iter().map(|(a, _)| a.name.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");
}
