//! Minutes per agenda item: discussion points, decisions and action items merge when two people
//! write at once, removals can be undone, and open A items are named before closing.

use automerge::{ActorId, AutoCommit};
use radslag::doc::meeting::{add_agenda_item, create_meeting, hydrate_meeting, NewAgendaItem};
use radslag::doc::minutes::{
    add_action_item, add_decision, add_discussion_point, edit_action_item, open_work_items,
    remove_decision, restore_decision, set_action_item_status, splice_decision, ActionItemEdit,
    NewActionItem,
};
use radslag::doc::{commit_typing, DocError};
use radslag::model::meeting::{ActionStatus, ItemKind, Meeting, MeetingKind};
use radslag::model::{ActionItemId, DecisionId, EntryId, ItemId};

const NOW: i64 = 1_700_000_000;

fn meeting_with(kinds: &[(&str, ItemKind)]) -> (AutoCommit, Vec<ItemId>) {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"anna".as_slice()));
    let meeting = Meeting::new("E-rådsmöte", MeetingKind::EradsMote, "2024-05-02", "13:00", "16:00");
    create_meeting(&mut doc, &meeting, NOW).unwrap();
    let mut ids = Vec::new();
    for (number, kind) in kinds {
        let id = ItemId::random();
        let fields = NewAgendaItem {
            number: number.to_string(),
            kind: *kind,
            description: format!("Punkt {number}"),
            responsible: "Sara".into(),
            start: None,
            duration_minutes: Some(10),
        };
        add_agenda_item(&mut doc, id, None, fields, NOW).unwrap();
        ids.push(id);
    }
    (doc, ids)
}

fn fork_as(doc: &mut AutoCommit, who: &str) -> AutoCommit {
    doc.fork().with_actor(ActorId::from(who.as_bytes()))
}

fn merge_both(a: &mut AutoCommit, b: &mut AutoCommit) {
    a.merge(b).unwrap();
    b.merge(a).unwrap();
    assert_eq!(a.get_heads(), b.get_heads());
}

fn action(what: &str, who: &str) -> NewActionItem {
    NewActionItem { what: what.into(), who: who.into(), person: None, due: Some("2024-06-01".into()) }
}

#[test]
fn two_people_adding_decisions_and_action_items_at_once_keep_all() {
    let (mut anna, ids) = meeting_with(&[("7", ItemKind::Discussion)]);
    let item = ids[0];
    let mut bo = fork_as(&mut anna, "bo");
    add_decision(&mut anna, item, DecisionId::random(), "Gruppen beslutar att välja Henrik Röste till ordförande.", NOW).unwrap();
    add_action_item(&mut anna, item, ActionItemId::random(), action("Skicka ut en doodle", "Sara"), NOW).unwrap();
    add_decision(&mut bo, item, DecisionId::random(), "Gruppen beslutar att välja Nicklas Faritzon till vice ordförande.", NOW).unwrap();
    add_action_item(&mut bo, item, ActionItemId::random(), action("Boka lokal", "Henrik"), NOW).unwrap();
    add_discussion_point(&mut bo, item, EntryId::random(), "Viktigt att prata behov och inte teknik.", NOW).unwrap();
    merge_both(&mut anna, &mut bo);

    let a = hydrate_meeting(&anna).unwrap();
    assert_eq!(a, hydrate_meeting(&bo).unwrap(), "both devices show the same minutes");
    let i = a.agenda_item(item).unwrap();
    let mut decisions: Vec<&str> = i.visible_decisions().map(|d| d.text.as_str()).collect();
    decisions.sort();
    assert_eq!(decisions.len(), 2);
    assert!(decisions[0].contains("Henrik Röste") && decisions[1].contains("Nicklas Faritzon"));
    let mut who: Vec<&str> = i.visible_action_items().map(|a| a.who.as_str()).collect();
    who.sort();
    assert_eq!(who, ["Henrik", "Sara"]);
    assert_eq!(i.visible_discussion().count(), 1);
}

#[test]
fn concurrent_typing_in_one_decision_keeps_both() {
    let (mut anna, ids) = meeting_with(&[("7", ItemKind::Discussion)]);
    let item = ids[0];
    let d = add_decision(&mut anna, item, DecisionId::random(), "Gruppen beslutar att välja", NOW).unwrap();
    let mut bo = fork_as(&mut anna, "bo");
    splice_decision(&mut anna, item, d, 26, 0, " Henrik Röste").unwrap();
    splice_decision(&mut bo, item, d, 0, 0, "§3 ").unwrap();
    commit_typing(&mut anna, NOW);
    commit_typing(&mut bo, NOW);
    merge_both(&mut anna, &mut bo);
    let m = hydrate_meeting(&anna).unwrap();
    let text = m.agenda_item(item).unwrap().decisions[0].text.as_str().to_string();
    assert_eq!(text, "§3 Gruppen beslutar att välja Henrik Röste");
}

#[test]
fn a_removed_decision_comes_back_with_its_text() {
    let (mut doc, ids) = meeting_with(&[("7", ItemKind::Discussion)]);
    let d = add_decision(&mut doc, ids[0], DecisionId::random(), "Beslut", NOW).unwrap();
    remove_decision(&mut doc, ids[0], d, NOW).unwrap();
    let m = hydrate_meeting(&doc).unwrap();
    assert_eq!(m.agenda_item(ids[0]).unwrap().visible_decisions().count(), 0);
    assert_eq!(m.agenda_item(ids[0]).unwrap().decisions.len(), 1, "kept, only marked removed");
    restore_decision(&mut doc, ids[0], d, NOW).unwrap();
    let m = hydrate_meeting(&doc).unwrap();
    assert_eq!(m.agenda_item(ids[0]).unwrap().visible_decisions().next().unwrap().text.as_str(), "Beslut");
}

#[test]
fn action_items_are_edited_and_followed_up() {
    let (mut doc, ids) = meeting_with(&[("8", ItemKind::Discussion)]);
    let a = add_action_item(&mut doc, ids[0], ActionItemId::random(), action("Planera heldagsmöte", "Beredningen"), NOW).unwrap();
    let edit = ActionItemEdit { who: Some("Sara Herrman".into()), due: Some(None), ..Default::default() };
    edit_action_item(&mut doc, ids[0], a, edit, NOW).unwrap();
    set_action_item_status(&mut doc, ids[0], a, ActionStatus::Done, NOW).unwrap();
    let m = hydrate_meeting(&doc).unwrap();
    let got = &m.agenda_item(ids[0]).unwrap().action_items[0];
    assert_eq!((got.who.as_str(), got.due.clone(), got.status), ("Sara Herrman", None, ActionStatus::Done));
    // Unknown ids say what is missing.
    let err = set_action_item_status(&mut doc, ids[0], ActionItemId::random(), ActionStatus::Done, NOW).unwrap_err();
    assert!(matches!(err, DocError::EntryNotFound { what: "action item", .. }), "{err}");
    assert!(err.to_string().contains("reload the meeting"));
}

#[test]
fn open_a_items_are_named_until_they_have_a_decision_or_action() {
    let (mut doc, ids) = meeting_with(&[
        ("1", ItemKind::Information),
        ("2", ItemKind::Work),
        ("3", ItemKind::Work),
        ("4", ItemKind::Work),
        ("5", ItemKind::Discussion),
    ]);
    let open = |doc: &AutoCommit| -> Vec<String> {
        let m = hydrate_meeting(doc).unwrap();
        open_work_items(&m).iter().map(|i| i.number.clone()).collect()
    };
    assert_eq!(open(&doc), ["2", "3", "4"]);
    add_decision(&mut doc, ids[1], DecisionId::random(), "Beslut", NOW).unwrap();
    add_action_item(&mut doc, ids[2], ActionItemId::random(), action("Gör", "Sara"), NOW).unwrap();
    assert_eq!(open(&doc), ["4"]);
    // A removed decision does not count.
    let d = add_decision(&mut doc, ids[3], DecisionId::random(), "Beslut", NOW).unwrap();
    assert!(open(&doc).is_empty());
    remove_decision(&mut doc, ids[3], d, NOW).unwrap();
    assert_eq!(open(&doc), ["4"]);
}

#[test]
fn entries_keep_the_order_they_were_added_in() {
    let (mut doc, ids) = meeting_with(&[("5b", ItemKind::Discussion)]);
    for text in ["första", "andra", "tredje"] {
        add_discussion_point(&mut doc, ids[0], EntryId::random(), text, NOW).unwrap();
    }
    let m = hydrate_meeting(&doc).unwrap();
    let got: Vec<&str> = m.agenda_item(ids[0]).unwrap().visible_discussion().map(|p| p.text.as_str()).collect();
    assert_eq!(got, ["första", "andra", "tredje"]);
}

#[test]
fn starting_items_records_times_follows_the_chair_and_drives_the_clock() {
    use radslag::doc::meeting::{finish_agenda_item, set_current_item, start_agenda_item};
    use radslag::model::running_clock::running_clock;
    use radslag::model::ClockTime;
    let t = |s: &str| ClockTime::parse(s).unwrap();
    let (mut doc, ids) = meeting_with(&[("1", ItemKind::Information), ("2", ItemKind::Discussion), ("3", ItemKind::Work)]);
    start_agenda_item(&mut doc, ids[0], t("13:04"), NOW).unwrap();
    // Starting the next item finishes the running one at the same moment.
    start_agenda_item(&mut doc, ids[1], t("13:16"), NOW).unwrap();
    let m = hydrate_meeting(&doc).unwrap();
    assert_eq!(m.agenda_item(ids[0]).unwrap().actual_end.as_deref(), Some("13:16"));
    assert_eq!(m.current_item, Some(ids[1]));
    let clock = running_clock(&m, t("13:20")).unwrap();
    // Item 2 planned 13:10–13:20, started 13:16: ends 13:26, six minutes late.
    assert_eq!(clock.behind_minutes, 6);
    assert_eq!(clock.items[2].expected_start, Some(t("13:26")));
    finish_agenda_item(&mut doc, ids[1], t("13:22"), NOW).unwrap();
    let m = hydrate_meeting(&doc).unwrap();
    assert_eq!(running_clock(&m, t("13:22")).unwrap().behind_minutes, 2);
    // The chair can point everyone at any item, or stop.
    set_current_item(&mut doc, Some(ids[2]), NOW).unwrap();
    assert_eq!(hydrate_meeting(&doc).unwrap().current_item, Some(ids[2]));
    set_current_item(&mut doc, None, NOW).unwrap();
    assert_eq!(hydrate_meeting(&doc).unwrap().current_item, None);
    assert!(matches!(set_current_item(&mut doc, Some(ItemId::random()), NOW), Err(DocError::ItemNotFound(_))));
}

#[test]
fn a_pasted_agenda_is_added_in_one_change_with_its_timing() {
    use radslag::doc::meeting::add_agenda_items;
    use radslag::model::agenda_import::parse_agenda;
    use radslag::model::agenda_timing::schedule_meeting;
    let (mut doc, existing) = meeting_with(&[("0", ItemKind::Information)]);
    let pasted = parse_agenda("1\tI\tVälkommen\tHenrik\t13.10\n2\tD\tStatus\tSara\t13.20\n\t\tAVSLUT\t\t13.40", &[]);
    assert!(pasted.problems.is_empty());
    let items: Vec<(ItemId, NewAgendaItem)> = pasted.items.into_iter().map(|i| (ItemId::random(), i)).collect();
    let before = doc.get_heads();
    add_agenda_items(&mut doc, Some(existing[0]), items, NOW).unwrap();
    assert_eq!(doc.get_changes(&before).len(), 1, "one change, one undo step in the history");
    let m = hydrate_meeting(&doc).unwrap();
    let numbers: Vec<&str> = m.visible_agenda().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["0", "1", "2", ""]);
    let starts: Vec<String> = schedule_meeting(&m).unwrap().slots.iter().map(|s| s.start.unwrap().to_string()).collect();
    assert_eq!(starts, ["13:00", "13:10", "13:20", "13:40"]);
}
