//! Merge tests for the collaboration rules of domain.md: fork, edit both, merge, hydrate, assert.

use automerge::{ActorId, AutoCommit};
use radslag::doc::meeting::{
    add_agenda_item, create_meeting, edit_agenda_item_fields, hydrate_meeting, move_agenda_item,
    remove_agenda_item, restore_agenda_item, splice_agenda_description, splice_agenda_notes,
    AgendaItemEdit, NewAgendaItem,
};
use radslag::doc::{commit_typing, council, DocError};
use radslag::model::meeting::{ItemKind, Meeting, MeetingKind, MeetingStatus};
use radslag::model::{Council, DocUrl, ItemId, Mandate, MeetingLink};

const NOW: i64 = 1_700_000_000;

fn empty_meeting() -> Meeting {
    Meeting {
        title: "E-rådsmöte".into(),
        kind: MeetingKind::EradsMote,
        date: "2024-05-02".into(),
        start: "13:00".into(),
        end: "16:00".into(),
        place: "Konferensrum Dalsland".into(),
        video_link: Some("https://example.org/mote".into()),
        status: MeetingStatus::Planned,
        attendees: vec![],
        absentees: vec![],
        agenda: vec![],
        recorded_by: None,
        approved_by: None,
        ..Meeting::new("", MeetingKind::EradsMote, "", "", "")
    }
}

fn item(number: &str, description: &str) -> NewAgendaItem {
    NewAgendaItem {
        number: number.into(),
        kind: ItemKind::Information,
        description: description.into(),
        responsible: "Sara".into(),
        start: None,
        duration_minutes: Some(10),
    }
}

/// A meeting with items 1, 2, 3 as Anna; returns her document and the item ids.
fn meeting_with_three_items() -> (AutoCommit, [ItemId; 3]) {
    let mut anna = AutoCommit::new().with_actor(ActorId::from(b"anna".as_slice()));
    create_meeting(&mut anna, &empty_meeting(), NOW).unwrap();
    let ids = [ItemId::random(), ItemId::random(), ItemId::random()];
    for (n, id) in ids.iter().enumerate() {
        let number = (n + 1).to_string();
        add_agenda_item(&mut anna, *id, None, item(&number, &format!("Punkt {number}")), NOW)
            .unwrap();
    }
    (anna, ids)
}

fn fork_as(doc: &mut AutoCommit, who: &str) -> AutoCommit {
    doc.fork().with_actor(ActorId::from(who.as_bytes()))
}

fn merge_both(a: &mut AutoCommit, b: &mut AutoCommit) {
    a.merge(b).unwrap();
    b.merge(a).unwrap();
    assert_eq!(a.get_heads(), b.get_heads());
}

fn numbers(doc: &AutoCommit) -> Vec<String> {
    hydrate_meeting(doc).unwrap().visible_agenda().map(|i| i.number.clone()).collect()
}

fn description(doc: &AutoCommit, id: ItemId) -> String {
    hydrate_meeting(doc).unwrap().agenda_item(id).unwrap().description.as_str().to_string()
}

#[test]
fn concurrent_typing_in_one_description_keeps_every_character() {
    let (mut anna, [first, ..]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");

    // "Punkt 1" → Anna types at the start, Bo in the middle and at the end, all at once.
    splice_agenda_description(&mut anna, first, 0, 0, "Viktig: ").unwrap();
    commit_typing(&mut anna, NOW);
    splice_agenda_description(&mut bo, first, 7, 0, " om budget").unwrap();
    splice_agenda_description(&mut bo, first, 5, 0, "en").unwrap();
    commit_typing(&mut bo, NOW);

    merge_both(&mut anna, &mut bo);
    assert_eq!(description(&anna, first), "Viktig: Punkten 1 om budget");
    assert_eq!(description(&bo, first), "Viktig: Punkten 1 om budget");
}

#[test]
fn concurrent_typing_in_notes_keeps_both() {
    let (mut anna, [_, second, _]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");
    splice_agenda_notes(&mut anna, second, 0, 0, "Gruppen beslutar att ").unwrap();
    splice_agenda_notes(&mut bo, second, 0, 0, "Beslut.").unwrap();
    commit_typing(&mut anna, NOW);
    commit_typing(&mut bo, NOW);
    merge_both(&mut anna, &mut bo);
    let notes = hydrate_meeting(&anna).unwrap().agenda_item(second).unwrap().notes.as_str().to_string();
    assert!(notes.contains("Gruppen beslutar att") && notes.contains("Beslut."), "{notes}");
    assert_eq!(notes.chars().count(), "Gruppen beslutar att Beslut.".chars().count());
}

#[test]
fn concurrent_move_and_edit_of_the_same_item_both_survive() {
    let (mut anna, [first, _, third]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");

    move_agenda_item(&mut anna, third, 0, NOW).unwrap();
    splice_agenda_description(&mut bo, third, 7, 0, " (flyttad?)").unwrap();
    edit_agenda_item_fields(
        &mut bo,
        third,
        AgendaItemEdit { duration_minutes: Some(Some(25)), ..Default::default() },
        NOW,
    )
    .unwrap();

    merge_both(&mut anna, &mut bo);
    let m = hydrate_meeting(&anna).unwrap();
    assert_eq!(numbers(&anna), ["3", "1", "2"]);
    let moved = m.agenda_item(third).unwrap();
    assert_eq!(moved.description.as_str(), "Punkt 3 (flyttad?)");
    assert_eq!(moved.duration_minutes, Some(25));
    assert_eq!(description(&anna, first), "Punkt 1");
}

#[test]
fn concurrent_moves_of_different_items_both_apply() {
    let (mut anna, [first, _, third]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");
    move_agenda_item(&mut anna, first, 2, NOW).unwrap(); // 2 3 1
    move_agenda_item(&mut bo, third, 0, NOW).unwrap(); // 3 1 2
    merge_both(&mut anna, &mut bo);
    // Each item keeps its own move: 3 before 2, 1 after 2.
    assert_eq!(numbers(&anna), ["3", "2", "1"]);
}

#[test]
fn concurrent_additions_both_survive_in_the_same_order_everywhere() {
    let (mut anna, [first, _, _]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");
    add_agenda_item(&mut anna, ItemId::random(), Some(first), item("1a", "Annas punkt"), NOW).unwrap();
    add_agenda_item(&mut bo, ItemId::random(), Some(first), item("1b", "Bos punkt"), NOW).unwrap();
    merge_both(&mut anna, &mut bo);
    let order = numbers(&anna);
    assert_eq!(order.len(), 5);
    assert_eq!(order, numbers(&bo));
    assert_eq!(order[0], "1");
    assert!(order[1..3].contains(&"1a".to_string()) && order[1..3].contains(&"1b".to_string()));
    assert_eq!(&order[3..], ["2", "3"]);

    // Both inserted at the same spot, so their keys tie; a later move still finds room.
    let one_b = hydrate_meeting(&anna).unwrap().agenda.iter().find(|i| i.number == "1b").unwrap().id;
    move_agenda_item(&mut anna, one_b, 1, NOW).unwrap();
    assert_eq!(numbers(&anna)[1], "1b");
}

#[test]
fn concurrent_edits_of_different_fields_both_survive() {
    let (mut anna, [first, ..]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");
    edit_agenda_item_fields(&mut anna, first, AgendaItemEdit { responsible: Some("Alla".into()), ..Default::default() }, NOW).unwrap();
    edit_agenda_item_fields(&mut bo, first, AgendaItemEdit { kind: Some(ItemKind::Discussion), ..Default::default() }, NOW).unwrap();
    merge_both(&mut anna, &mut bo);
    let m = hydrate_meeting(&anna).unwrap();
    let i = m.agenda_item(first).unwrap();
    assert_eq!((i.responsible.as_str(), i.kind), ("Alla", ItemKind::Discussion));
}

#[test]
fn a_removed_item_can_be_restored_with_edits_made_meanwhile() {
    let (mut anna, [_, second, _]) = meeting_with_three_items();
    let mut bo = fork_as(&mut anna, "bo");
    remove_agenda_item(&mut anna, second, NOW).unwrap();
    assert_eq!(numbers(&anna), ["1", "3"]);
    splice_agenda_description(&mut bo, second, 7, 0, "!").unwrap();
    commit_typing(&mut bo, NOW);
    merge_both(&mut anna, &mut bo);

    let m = hydrate_meeting(&anna).unwrap();
    assert_eq!(m.removed_agenda().map(|i| i.id).collect::<Vec<_>>(), [second]);
    restore_agenda_item(&mut anna, second, NOW).unwrap();
    assert_eq!(numbers(&anna), ["1", "2", "3"]);
    assert_eq!(description(&anna, second), "Punkt 2!");
}

#[test]
fn moving_past_a_removed_item_counts_only_visible_items() {
    let (mut anna, [first, second, _]) = meeting_with_three_items();
    remove_agenda_item(&mut anna, second, NOW).unwrap();
    move_agenda_item(&mut anna, first, 1, NOW).unwrap(); // visible: 3 1
    assert_eq!(numbers(&anna), ["3", "1"]);
    move_agenda_item(&mut anna, first, 99, NOW).unwrap(); // past the end = last
    assert_eq!(numbers(&anna), ["3", "1"]);
}

#[test]
fn every_change_has_an_author_a_time_and_a_message() {
    let (mut anna, [first, ..]) = meeting_with_three_items();
    splice_agenda_description(&mut anna, first, 0, 0, "x").unwrap();
    move_agenda_item(&mut anna, first, 2, NOW + 60).unwrap();
    let changes = anna.get_changes(&[]);
    let last_two: Vec<_> = changes.iter().rev().take(2).collect();
    assert_eq!(last_two[0].message(), Some("Flyttade punkt"));
    assert_eq!(last_two[1].message(), Some("Skrev text"));
    for c in &changes {
        assert_eq!(c.actor_id(), &ActorId::from(b"anna".as_slice()));
        assert!(c.timestamp() >= NOW, "{:?}", c.message());
    }
}

#[test]
fn errors_say_what_to_do() {
    let (mut anna, [first, ..]) = meeting_with_three_items();
    let missing = ItemId::random();
    let err = move_agenda_item(&mut anna, missing, 0, NOW).unwrap_err();
    assert!(matches!(err, DocError::ItemNotFound(id) if id == missing));
    assert!(err.to_string().contains("reload"), "{err}");
    let err = splice_agenda_description(&mut anna, first, 50, 0, "x").unwrap_err();
    assert!(matches!(err, DocError::OutOfRange { pos: 50, len: 7, .. }), "{err}");
    // A failed change leaves nothing behind.
    assert_eq!(description(&anna, first), "Punkt 1");
    assert!(hydrate_meeting(&AutoCommit::new()).is_err());
}

#[test]
fn a_saved_meeting_loads_the_same() {
    let (mut anna, _) = meeting_with_three_items();
    let bytes = anna.save();
    let mut loaded = AutoCommit::load(&bytes).unwrap();
    assert_eq!(loaded.get_heads(), anna.get_heads());
    assert_eq!(hydrate_meeting(&loaded).unwrap(), hydrate_meeting(&anna).unwrap());
}

#[test]
fn an_older_document_without_new_fields_still_loads() {
    use automerge::transaction::Transactable;
    use automerge::{ObjType, ROOT};
    let mut doc = AutoCommit::new();
    for (k, v) in [("title", "Möte"), ("kind", "Workshop"), ("date", "2020-01-01"), ("start", "09:00"), ("end", ""), ("place", "")] {
        doc.put(ROOT, k, v).unwrap();
    }
    let agenda = doc.put_object(ROOT, "agenda", ObjType::Map).unwrap();
    let id = ItemId::random();
    let item = doc.put_object(&agenda, id.to_string(), ObjType::Map).unwrap();
    doc.put(&item, "id", id.to_string()).unwrap();
    doc.put(&item, "number", "1").unwrap();
    doc.put(&item, "kind", "Information").unwrap();
    let d = doc.put_object(&item, "description", ObjType::Text).unwrap();
    doc.splice_text(&d, 0, 0, "Gammal punkt").unwrap();
    doc.put(&item, "responsible", "Alla").unwrap();
    let m = hydrate_meeting(&doc).unwrap();
    assert_eq!(m.status, MeetingStatus::Planned);
    assert!(m.attendees.is_empty() && m.recorded_by.is_none());
    let i = m.agenda_item(id).unwrap();
    assert_eq!((i.notes.as_str(), i.deleted, i.start.clone()), ("", false, None));
    // And it can be typed into, creating the missing notes.
    splice_agenda_notes(&mut doc, id, 0, 0, "Ny").unwrap();
    assert_eq!(hydrate_meeting(&doc).unwrap().agenda_item(id).unwrap().notes.as_str(), "Ny");
}

fn tiny_council() -> Council {
    Council {
        name: "Testråd".into(),
        organisation: "Förbundet".into(),
        commissioner: "Nätverket".into(),
        recipient: String::new(),
        funder: "VästKom".into(),
        period_start: "2024-01-01".into(),
        period_end: "2024-12-31".into(),
        mandate: Mandate::default(),
        organisations: vec![],
        people: vec![],
        roles: vec![],
        meetings: vec![],
        boards: vec![],
        questions: vec![],
        rules: Default::default(),
        plan: Default::default(),
    }
}

fn link(url: &str) -> MeetingLink {
    MeetingLink { url: DocUrl(url.into()), title: url.into(), date: "2024-05-02".into(), kind: MeetingKind::EradsMote }
}

#[test]
fn concurrently_added_meetings_both_stay_linked() {
    let mut anna = AutoCommit::new();
    council::create_council(&mut anna, &tiny_council(), NOW).unwrap();
    let mut bo = fork_as(&mut anna, "bo");
    council::add_meeting_link(&mut anna, link("automerge:aaa"), NOW).unwrap();
    council::add_meeting_link(&mut bo, link("automerge:bbb"), NOW).unwrap();
    merge_both(&mut anna, &mut bo);
    let mut urls: Vec<String> = council::meeting_urls(&anna).unwrap().into_iter().map(|u| u.0).collect();
    urls.sort();
    assert_eq!(urls, ["automerge:aaa", "automerge:bbb"]);
    // Linking the same meeting again does nothing.
    council::add_meeting_link(&mut anna, link("automerge:aaa"), NOW).unwrap();
    assert_eq!(council::hydrate_council(&anna).unwrap().meetings.len(), 2);
}
