//! Registers across meetings: decisions and action items filtered by person, municipality and
//! status, with overdue action items marked against today.

use autosurgeon::Text;
use radslag::doc::council::hydrate_council;
use radslag::doc::demo::demo_council;
use radslag::model::meeting::{ActionItem, ActionStatus, AgendaItem, Decision, ItemKind, Meeting, MeetingKind, NewAgendaItem};
use radslag::model::registers::{action_items_register, decisions_register, ActionFilter, DecisionFilter};
use radslag::model::time::parse_date;
use radslag::model::{ActionItemId, Council, DecisionId, DocUrl, ItemId, PersonId};

fn person(c: &Council, name: &str) -> PersonId {
    c.people.iter().find(|p| p.name == name).unwrap().id
}

fn meeting(date: &str, decisions: &[&str], actions: &[(&str, &str, Option<&str>, ActionStatus)]) -> (DocUrl, Meeting) {
    let mut m = Meeting::new("E-rådsmöte", MeetingKind::EradsMote, date, "13:00", "16:00");
    let fields = NewAgendaItem {
        number: "1".into(),
        kind: ItemKind::Work,
        description: "Planering".into(),
        responsible: "Sara Herrman".into(),
        start: None,
        duration_minutes: Some(30),
    };
    let mut item = AgendaItem::new(ItemId::derived(date), "n".into(), fields);
    for (i, text) in decisions.iter().enumerate() {
        item.decisions.push(Decision { id: DecisionId::derived(&format!("{date}{i}")), position: format!("{}", (b'b' + i as u8) as char), text: Text::with_value(*text), deleted: false });
    }
    for (i, (what, who, due, status)) in actions.iter().enumerate() {
        item.action_items.push(ActionItem {
            id: ActionItemId::derived(&format!("{date}{what}")),
            position: format!("{}", (b'b' + i as u8) as char),
            what: Text::with_value(*what),
            who: who.to_string(),
            person: None,
            due: due.map(str::to_string),
            status: *status,
            deleted: false,
        });
    }
    m.agenda.push(item);
    (DocUrl(format!("automerge:{date}")), m)
}

fn fixture() -> (Council, Vec<(DocUrl, Meeting)>) {
    let council = hydrate_council(&demo_council().root).unwrap();
    let meetings = vec![
        meeting("2019-06-13", &["Gruppen beslutar att anta handlingsplanen."], &[
            ("Boka konferens", "Sara Herrman", Some("2019-09-01"), ActionStatus::Open),
            ("Skriv delrapport", "Henrik Röste", Some("2019-06-30"), ActionStatus::Done),
        ]),
        meeting("2019-04-04", &["Gruppen beslutar att välja Henrik Röste till ordförande.", "Gruppen beslutar att välja vice ordförande."], &[
            ("Skicka doodle", "Beredningen", None, ActionStatus::Open),
            ("Informera i Vänersborg", "Andreas Knutsson", Some("2019-05-01"), ActionStatus::Open),
        ]),
    ];
    (council, meetings)
}

#[test]
fn decisions_from_all_meetings_oldest_first_and_filtered() {
    let (council, meetings) = fixture();
    let all = decisions_register(&meetings, &council, &DecisionFilter::default());
    let dates: Vec<&str> = all.iter().map(|d| d.origin.meeting_date.as_str()).collect();
    assert_eq!(dates, ["2019-04-04", "2019-04-04", "2019-06-13"]);
    assert_eq!(all[0].origin.item_number, "1");
    let henrik = DecisionFilter { person: Some(person(&council, "Henrik Röste")), ..Default::default() };
    let got = decisions_register(&meetings, &council, &henrik);
    assert_eq!(got.len(), 1);
    assert!(got[0].text.contains("Henrik Röste till ordförande"));
    let search = DecisionFilter { search: Some("HANDLINGSPLANEN".into()), ..Default::default() };
    assert_eq!(decisions_register(&meetings, &council, &search).len(), 1);
    let year = DecisionFilter { year: Some(2020), ..Default::default() };
    assert!(decisions_register(&meetings, &council, &year).is_empty());
}

#[test]
fn action_items_by_person_municipality_status_and_overdue() {
    let (council, meetings) = fixture();
    let today = parse_date("2019-07-01").unwrap();
    let all = action_items_register(&meetings, &council, &ActionFilter::default(), today);
    let what: Vec<(&str, bool)> = all.iter().map(|a| (a.what.as_str(), a.overdue)).collect();
    assert_eq!(what, [
        ("Informera i Vänersborg", true),
        ("Skriv delrapport", false), // done, so never overdue
        ("Boka konferens", false),
        ("Skicka doodle", false), // no due date: last
    ]);
    let check = |filter: ActionFilter, expected: &[&str]| {
        let got: Vec<String> = action_items_register(&meetings, &council, &filter, today).into_iter().map(|a| a.what).collect();
        assert_eq!(got, expected, "{filter:?}");
    };
    check(ActionFilter { person: Some(person(&council, "Sara Herrman")), ..Default::default() }, &["Boka konferens"]);
    let vanersborg = council.organisations.iter().find(|o| o.name == "Vänersborg").unwrap().id;
    check(ActionFilter { organisation: Some(vanersborg), ..Default::default() }, &["Informera i Vänersborg"]);
    check(ActionFilter { status: Some(ActionStatus::Done), ..Default::default() }, &["Skriv delrapport"]);
    check(ActionFilter { overdue_only: true, ..Default::default() }, &["Informera i Vänersborg"]);
    check(ActionFilter { status: Some(ActionStatus::Open), ..Default::default() }, &["Informera i Vänersborg", "Boka konferens", "Skicka doodle"]);
}
