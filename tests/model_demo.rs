//! The demo council: built identically on every device, and faithful to the seed documents,
//! its action plan included.

use automerge::ActorId;
use radslag::doc::council::hydrate_council;
use radslag::doc::demo::demo_council;
use radslag::doc::meeting::hydrate_meeting;
use radslag::model::agenda_timing::schedule_meeting;
use radslag::doc::demo_plan::plan_document_id;
use radslag::doc::plan::communication::hydrate_communication_plan;
use radslag::doc::plan::initiative::hydrate_initiative;
use radslag::model::plan::cost_split::{all_municipalities, split_cost};
use radslag::model::plan::money::budget_by_year;
use radslag::model::plan::report::{assemble_report, report_markdown};
use radslag::model::plan::risk::risk_matrix;
use radslag::model::plan::{Phase, Priority, StatusList};
use radslag::model::{DocUrl, OrganisationKind};

fn urls() -> Vec<DocUrl> {
    vec![DocUrl("automerge:demo1".into()), DocUrl("automerge:demo2".into())]
}

#[test]
fn building_the_demo_twice_gives_identical_documents() {
    let mut a = demo_council();
    let mut b = demo_council();
    assert_eq!(a.root.get_heads(), b.root.get_heads());
    assert_eq!(a.root.save(), b.root.save());
    for (ma, mb) in a.meetings.iter_mut().zip(b.meetings.iter_mut()) {
        assert_eq!(ma.doc.get_heads(), mb.doc.get_heads(), "{}", ma.key);
    }
    a.link_meetings(&urls()).unwrap();
    b.link_meetings(&urls()).unwrap();
    assert_eq!(a.root.get_heads(), b.root.get_heads());
}

#[test]
fn two_demos_merged_do_not_duplicate_anything() {
    let mut a = demo_council();
    let mut b = demo_council();
    a.link_meetings(&urls()).unwrap();
    b.link_meetings(&urls()).unwrap();
    let before = hydrate_council(&a.root).unwrap();
    a.root.merge(&mut b.root).unwrap();
    assert_eq!(hydrate_council(&a.root).unwrap(), before);
    let m_before = hydrate_meeting(&a.meetings[0].doc).unwrap();
    a.meetings[0].doc.merge(&mut b.meetings[0].doc).unwrap();
    assert_eq!(hydrate_meeting(&a.meetings[0].doc).unwrap(), m_before);
}

#[test]
fn the_demo_council_matches_the_seeds() {
    let mut demo = demo_council();
    demo.link_meetings(&urls()).unwrap();
    let c = hydrate_council(&demo.root).unwrap();
    assert_eq!(c.name, "Fyrbodals e-råd");
    assert_eq!((c.period_start.as_str(), c.period_end.as_str()), ("2019-03-01", "2020-12-31"));
    let municipalities = c.organisations.iter().filter(|o| o.kind == OrganisationKind::Municipality).count();
    assert_eq!((municipalities, c.organisations.len()), (14, 17));
    assert_eq!(c.municipal_population(), 273_878);
    assert_eq!(c.mandate.focus_areas.len(), 5);
    assert_eq!(c.mandate.rules_of_conduct.len(), 4);
    assert_eq!(c.mandate.version_history.len(), 4);
    let chair = c.roles.iter().find(|r| r.title == "Ordförande").unwrap();
    assert_eq!(c.person(chair.holders[0].person).unwrap().name, "Henrik Röste");
    let teachers = c.roles.iter().find(|r| r.title == "Utbildningschefsrepresentant").unwrap();
    assert_eq!(teachers.holders.len(), 3);
    assert_eq!(c.meetings.len(), 2);
    assert_eq!(c.meetings[0].url, urls()[0]);
}

#[test]
fn the_first_meeting_has_agenda_minutes_and_attendance() {
    let demo = demo_council();
    let m = hydrate_meeting(&demo.meetings[0].doc).unwrap();
    assert_eq!(m.date, "2019-04-04");
    assert_eq!((m.attendees.len(), m.absentees.len()), (12, 3));
    assert!(m.attendees.iter().all(|a| a.person.is_some()));
    assert_eq!(m.recorded_by.as_deref(), Some("Titti Andersson"));
    let numbers: Vec<&str> = m.agenda.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5a", "5b", "", "6a", "6b", "7", "8"]);
    // The minutes are complete: decisions, the action item and the discussion points.
    let seven = m.agenda.iter().find(|i| i.number == "7").unwrap();
    let decisions: Vec<&str> = seven.visible_decisions().map(|d| d.text.as_str()).collect();
    assert_eq!(decisions, ["Gruppen beslutar att välja Henrik Röste till ordförande och Nicklas Faritzon till Vice ordförande."]);
    let eight = m.agenda.iter().find(|i| i.number == "8").unwrap();
    assert_eq!(eight.visible_decisions().count(), 1);
    let action: Vec<_> = eight.visible_action_items().collect();
    assert_eq!(action.len(), 1);
    assert!(action[0].what.as_str().contains("heldagsmöte"));
    assert!(action[0].who.starts_with("Beredningen"));
    let five_b = m.agenda.iter().find(|i| i.number == "5b").unwrap();
    assert_eq!(five_b.visible_discussion().count(), 14);
    assert_eq!(five_b.notes.as_str(), "");
    assert_eq!(m.agenda.iter().find(|i| i.number == "6b").unwrap().visible_discussion().count(), 9);
    assert!(radslag::doc::minutes::open_work_items(&m).is_empty());
    assert_eq!((m.number, m.justerare.as_slice()), (Some(1), ["Sara Herrman".to_string()].as_slice()));
    // Lengths reproduce the printed ca-tider (seed 002).
    let schedule = schedule_meeting(&m).unwrap();
    let starts: Vec<String> = schedule.slots.iter().map(|s| s.start.unwrap().to_string()).collect();
    assert_eq!(starts, ["13:00", "13:05", "13:20", "13:40", "14:00", "14:10", "14:20", "14:40", "14:55", "15:20", "15:40"]);
    assert!(schedule.issues.is_empty());
}

#[test]
fn the_second_meeting_ends_at_four() {
    let demo = demo_council();
    let m = hydrate_meeting(&demo.meetings[1].doc).unwrap();
    assert_eq!(m.date, "2020-09-10");
    let schedule = schedule_meeting(&m).unwrap();
    let starts: Vec<String> = schedule.slots.iter().map(|s| s.start.unwrap().to_string()).collect();
    assert_eq!(starts, ["13:00", "13:10", "13:30", "13:50", "14:00", "16:00"]);
    assert!(schedule.issues.is_empty());
}

#[test]
fn after_hand_over_edits_carry_the_device_actor() {
    let mut demo = demo_council();
    let me = ActorId::from(b"device-1".as_slice());
    demo.hand_over(&me);
    assert_eq!(demo.root.get_actor(), &me);
    assert!(demo.meetings.iter().all(|m| m.doc.get_actor() == &me));
    assert!(demo.plan_documents.iter().all(|d| d.doc.get_actor() == &me));
}

#[test]
fn the_demo_plan_documents_are_identical_on_every_build_and_linked_from_the_root() {
    let mut a = demo_council();
    let mut b = demo_council();
    assert_eq!(a.plan_documents.len(), 6);
    for (da, db) in a.plan_documents.iter_mut().zip(b.plan_documents.iter_mut()) {
        assert_eq!(da.key, db.key);
        assert_eq!(da.doc.save(), db.doc.save(), "{}", da.key);
    }
    let plan = hydrate_council(&a.root).unwrap().plan;
    let linked: Vec<String> = plan.document_urls().into_iter().map(|u| u.0).collect();
    let built: Vec<String> = a.plan_documents.iter().map(|d| plan_document_id(d.key).url()).collect();
    assert_eq!(linked, built);
}

#[test]
fn the_demo_plan_holds_seed_003s_initiatives_and_seed_004s_communication_plan() {
    let demo = demo_council();
    let council = hydrate_council(&demo.root).unwrap();
    let names: Vec<&str> = council.plan.initiatives.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Koncept för samordnad upphandling av IT-lösningar", "Digitala processer", "Handbok för digitalisering", "Digitala möten", "Digital delaktighet"]);
    let initiatives: Vec<_> = demo.plan_documents[..5].iter().map(|d| hydrate_initiative(&d.doc).unwrap()).collect();
    let processer = &initiatives[1];
    assert_eq!(processer.phase, Phase::Implementation);
    let codes: Vec<&str> = processer.visible_deliverables().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["L1", "L2", "L3", "L4", "L5"]);
    assert_eq!(processer.visible_indicators().count(), 3);
    let status = processer.latest_status().unwrap();
    assert_eq!(status.texts(StatusList::Problems), ["Svalt intresse för att medverka som styrgrupp."]);
    assert_eq!(status.texts(StatusList::Ongoing).len(), 4);
    let sizes: Vec<usize> = processer.groups.iter().map(|g| g.current_members().count()).collect();
    assert_eq!(sizes, [11, 16]);
    // Every member is one of the council's people.
    assert!(processer.groups.iter().flat_map(|g| &g.members).all(|m| council.person(m.person).is_some()));
    assert_eq!(processer.participating().len(), 11);
    let upphandling = &initiatives[0];
    assert_eq!(upphandling.economic_benefits[0].effect_sv(), "20–30 % lägre antal timmar");
    assert_eq!(upphandling.latest_status().unwrap().texts(StatusList::Upcoming), ["Ta fram projektdirektiv"]);
    assert_eq!(initiatives[3].visible_goals().count(), 2);
    assert_eq!(initiatives[3].visible_deliverables().count(), 7);
    assert_eq!(initiatives[4].economic_benefits.len(), 3);
    // The risk of seed 003, in its cell of the matrix.
    let matrix = risk_matrix(&council.plan.risks);
    assert_eq!(matrix.cell(4, 5).len(), 1);
    assert!(council.plan.risks[0].vulnerability.as_str().contains("beroende av processledaren"));
    assert_eq!(budget_by_year(&council.plan.budget), [(2021, 16_500_000)]);
    // The 1 500 000 kr line split over the fourteen municipalities adds up.
    let split = split_cost(1_500_000, &all_municipalities(&council).unwrap()).unwrap();
    assert_eq!(split.shares.iter().map(|s| s.kronor).sum::<u64>(), 1_500_000);
    // Seed 004.
    let comm = hydrate_communication_plan(&demo.plan_documents[5].doc).unwrap();
    assert_eq!(comm.target_groups.len(), 21);
    assert_eq!(comm.target_groups_of(Priority::Core).count(), 5);
    assert_eq!(comm.messages_for(Priority::Core).count(), 3);
    assert_eq!(comm.channels.len(), 16);
    assert_eq!(comm.activity_plan().len(), 8);
    assert_eq!(comm.visible_goals().next().unwrap().target_percent, Some(80));
    assert_eq!(comm.status_reports.len(), 2);
    assert_eq!(comm.status_reports[1].texts(StatusList::Completed)[0], "Trailer för e-råd");
    // The slutrapport assembles from the demo as it stands.
    let meetings: Vec<_> = demo.meetings.iter().map(|m| hydrate_meeting(&m.doc).unwrap()).collect();
    let report = assemble_report(&council.plan.reports[0], &council, &meetings, &initiatives, Some(&comm));
    assert_eq!(report.participants.len(), 1);
    assert!(report_markdown(&report).contains("## Deltagarlistor"));
}
