//! Justering: approving locks the minutes, reopening is explicit and recorded, and any change
//! the approval did not cover — also one merged in from another device — shows.

use automerge::{ActorId, AutoCommit};
use radslag::doc::approval::{
    approve_minutes, changed_after_approval, changes_after_approval, reopen_minutes, set_diary_number,
    set_justerare, set_meeting_number, set_recorded_by,
};
use radslag::doc::meeting::{
    add_agenda_item, create_meeting, edit_agenda_item_fields, hydrate_meeting, set_attendance,
    set_current_item, splice_agenda_notes, start_agenda_item, AgendaItemEdit, NewAgendaItem,
};
use radslag::doc::minutes::{add_action_item, add_decision, set_action_item_status, NewActionItem};
use radslag::doc::{commit_typing, DocError};
use radslag::model::attendance::Presence;
use radslag::model::meeting::{next_meeting_number, ActionStatus, ItemKind, Meeting, MeetingKind, MeetingStatus};
use radslag::model::{ActionItemId, Attendance, AttendanceId, ClockTime, DecisionId, EntryId, ItemId};

const NOW: i64 = 1_700_000_000;

fn minutes() -> (AutoCommit, ItemId) {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"titti".as_slice()));
    let meeting = Meeting::new("E-rådsmöte", MeetingKind::EradsMote, "2019-04-04", "13:00", "16:00");
    create_meeting(&mut doc, &meeting, NOW).unwrap();
    let item = ItemId::random();
    let fields = NewAgendaItem {
        number: "7".into(),
        kind: ItemKind::Discussion,
        description: "Val av beredning".into(),
        responsible: "Sara Herrman".into(),
        start: None,
        duration_minutes: Some(20),
    };
    add_agenda_item(&mut doc, item, None, fields, NOW).unwrap();
    splice_agenda_notes(&mut doc, item, 0, 0, "Gruppen beslutar.").unwrap();
    commit_typing(&mut doc, NOW);
    set_recorded_by(&mut doc, Some("Titti Andersson".into()), NOW).unwrap();
    set_justerare(&mut doc, vec!["Sara Herrman".into()], NOW).unwrap();
    (doc, item)
}

fn approve(doc: &mut AutoCommit, by: &str) {
    let heads = doc.get_heads();
    approve_minutes(doc, EntryId::random(), by, None, &heads, NOW + 60).unwrap();
}

#[test]
fn approving_locks_every_edit_of_the_minutes() {
    let (mut doc, item) = minutes();
    assert!(!changed_after_approval(&mut doc), "nothing approved, nothing changed after");
    approve(&mut doc, "Sara Herrman");
    let m = hydrate_meeting(&doc).unwrap();
    assert!(m.locked);
    assert_eq!(m.status, MeetingStatus::Approved);
    assert_eq!(m.approvals.len(), 1);
    assert_eq!(m.approvals[0].heads.len(), 1);
    assert_eq!(m.approvals[0].heads[0].len(), 64, "hex change hash");

    let locked = |r: Result<_, DocError>| matches!(r, Err(DocError::Locked));
    assert!(locked(splice_agenda_notes(&mut doc, item, 0, 0, "x")));
    assert!(locked(edit_agenda_item_fields(&mut doc, item, AgendaItemEdit { number: Some("8".into()), ..Default::default() }, NOW)));
    assert!(locked(add_decision(&mut doc, item, DecisionId::random(), "Nytt beslut", NOW).map(|_| ())));
    assert!(locked(add_action_item(&mut doc, item, ActionItemId::random(), NewActionItem::default(), NOW).map(|_| ())));
    assert!(locked(set_recorded_by(&mut doc, None, NOW)));
    assert!(locked(start_agenda_item(&mut doc, item, ClockTime::from_hm(13, 0).unwrap(), NOW)));
    let row = Attendance { id: AttendanceId::random(), name: "Ny".into(), organisation: "Orust".into(), person: None, organisation_id: None };
    assert!(locked(set_attendance(&mut doc, row, Presence::Attending, NOW)));
    let err = splice_agenda_notes(&mut doc, item, 0, 0, "x").unwrap_err();
    assert!(err.to_string().contains("reopen them"), "{err}");

    // Registry data and the chair's pointer are not the minutes: allowed, and not "after".
    set_diary_number(&mut doc, Some("FKF 2019/42".into()), NOW).unwrap();
    set_meeting_number(&mut doc, Some(1), NOW).unwrap();
    set_current_item(&mut doc, Some(item), NOW).unwrap();
    // A second justerare approves the same locked version.
    approve(&mut doc, "Henrik Röste");
    assert_eq!(hydrate_meeting(&doc).unwrap().valid_approvals().count(), 2);
    assert!(!changed_after_approval(&mut doc));
    assert_eq!(hydrate_meeting(&doc).unwrap().diary_number.as_deref(), Some("FKF 2019/42"));
}

#[test]
fn reopening_is_explicit_recorded_and_allows_edits() {
    let (mut doc, item) = minutes();
    assert!(matches!(reopen_minutes(&mut doc, EntryId::random(), "Sara Herrman", "Rättelse", NOW), Err(DocError::NotLocked)));
    approve(&mut doc, "Sara Herrman");
    assert!(matches!(reopen_minutes(&mut doc, EntryId::random(), "Sara Herrman", "  ", NOW), Err(DocError::ReasonRequired)));
    reopen_minutes(&mut doc, EntryId::random(), "Sara Herrman", "Stavfel i punkt 7", NOW + 120).unwrap();
    splice_agenda_notes(&mut doc, item, 0, 0, "Rättat: ").unwrap();
    commit_typing(&mut doc, NOW + 130);

    let m = hydrate_meeting(&doc).unwrap();
    assert!(!m.locked);
    assert_eq!(m.status, MeetingStatus::MinutesReady);
    assert_eq!(m.reopenings.len(), 1);
    assert_eq!((m.reopenings[0].by.as_str(), m.reopenings[0].at, m.reopenings[0].reason.as_str()), ("Sara Herrman", NOW + 120, "Stavfel i punkt 7"));
    assert!(m.approvals.iter().all(|a| a.withdrawn), "the old approval no longer stands");
    assert!(!changed_after_approval(&mut doc), "no standing approval to be after");
    // And it is in the history with who and when.
    let history: Vec<String> = doc.get_changes(&[]).iter().filter_map(|c| c.message().map(str::to_string)).collect();
    assert!(history.iter().any(|m| m == "Återöppnade protokollet (Sara Herrman): Stavfel i punkt 7"), "{history:?}");
    // Approving again locks again.
    approve(&mut doc, "Sara Herrman");
    assert!(hydrate_meeting(&doc).unwrap().locked);
}

#[test]
fn an_edit_merged_in_after_approval_is_detected() {
    let (mut titti, item) = minutes();
    let mut bo = titti.fork().with_actor(ActorId::from(b"bo".as_slice()));
    approve(&mut titti, "Sara Herrman");
    assert!(!changed_after_approval(&mut titti));
    // Bo, offline, had not seen the approval and kept writing.
    splice_agenda_notes(&mut bo, item, 0, 0, "Tillägg: ").unwrap();
    commit_typing(&mut bo, NOW + 300);
    titti.merge(&mut bo).unwrap();
    assert!(changed_after_approval(&mut titti));
    let later = changes_after_approval(&mut titti).unwrap();
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].actor, ActorId::from(b"bo".as_slice()).to_hex_string());
    assert_eq!((later[0].time, later[0].message.as_deref()), (NOW + 300, Some("Skrev text")));
}

#[test]
fn approving_a_version_not_in_the_document_is_refused_and_older_edits_show() {
    let (mut doc, item) = minutes();
    let read = doc.get_heads();
    // Someone edits between reading and approving: the approval covers only what was read.
    splice_agenda_notes(&mut doc, item, 0, 0, "Sent tillägg. ").unwrap();
    commit_typing(&mut doc, NOW);
    approve_minutes(&mut doc, EntryId::random(), "Sara Herrman", None, &read, NOW).unwrap();
    assert!(changed_after_approval(&mut doc));
    let mut other = AutoCommit::new();
    create_meeting(&mut other, &Meeting::new("x", MeetingKind::Workshop, "2020-01-01", "09:00", ""), NOW).unwrap();
    let foreign = other.get_heads();
    let err = approve_minutes(&mut doc, EntryId::random(), "Sara", None, &foreign, NOW).unwrap_err();
    assert!(matches!(err, DocError::UnknownVersion(_)), "{err}");
}

#[test]
fn following_up_an_action_item_after_approval_is_allowed_and_not_a_change() {
    let (mut doc, item) = minutes();
    let a = add_action_item(&mut doc, item, ActionItemId::random(), NewActionItem { what: "Doodle".into(), who: "Sara".into(), ..Default::default() }, NOW).unwrap();
    approve(&mut doc, "Sara Herrman");
    set_action_item_status(&mut doc, item, a, ActionStatus::Done, NOW + 999).unwrap();
    assert!(!changed_after_approval(&mut doc));
    assert_eq!(hydrate_meeting(&doc).unwrap().agenda[0].action_items[0].status, ActionStatus::Done);
}

#[test]
fn meetings_are_numbered_in_sequence_per_kind() {
    let numbered = |kind, number| {
        let mut m = Meeting::new("Möte", kind, "2019-04-04", "13:00", "16:00");
        m.number = number;
        m
    };
    let meetings = [numbered(MeetingKind::EradsMote, Some(1)), numbered(MeetingKind::EradsMote, Some(2)), numbered(MeetingKind::EradsMote, None), numbered(MeetingKind::Beredningsmote, Some(7))];
    assert_eq!(next_meeting_number(&meetings, MeetingKind::EradsMote), 3);
    assert_eq!(next_meeting_number(&meetings, MeetingKind::Beredningsmote), 8);
    assert_eq!(next_meeting_number(&meetings, MeetingKind::Workshop), 1);
}

#[test]
fn a_forged_commit_message_does_not_hide_an_edit_after_approval() {
    let (mut titti, item) = minutes();
    let mut bo = titti.fork().with_actor(ActorId::from(b"bo".as_slice()));
    approve(&mut titti, "Sara Herrman");
    // Bo writes into the notes and commits it under the approval's own message prefix.
    splice_agenda_notes(&mut bo, item, 0, 0, "Smygtillägg. ").unwrap();
    bo.commit_with(automerge::transaction::CommitOptions::default().with_message("Justering: Sara Herrman").with_time(NOW + 400));
    titti.merge(&mut bo).unwrap();
    assert!(changed_after_approval(&mut titti), "what a change touches decides, not its message");
    let later = changes_after_approval(&mut titti).unwrap();
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].message.as_deref(), Some("Justering: Sara Herrman"));
    // The registry and the chair's current item are not the minutes, whatever the message.
    set_diary_number(&mut titti, Some("2019/42".into()), NOW + 500).unwrap();
    set_current_item(&mut titti, Some(item), NOW + 510).unwrap();
    assert_eq!(changes_after_approval(&mut titti).unwrap().len(), 1, "the diarienummer and current item are not edits");
}
