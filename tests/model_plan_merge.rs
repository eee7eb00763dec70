//! The action plan's documents under collaboration: fork, edit both, merge, hydrate, assert —
//! one test per rule of domain.md, plus refusals that write nothing and old documents loading.

use automerge::{ActorId, AutoCommit};
use autosurgeon::reconcile;
use radslag::doc::commit_typing;
use radslag::doc::council::{create_council, hydrate_council};
use radslag::doc::plan::communication::{add_activity, create_communication_plan, hydrate_communication_plan, NewActivity};
use radslag::doc::plan::council::{add_initiative_link, add_risk, hydrate_plan, NewRisk};
use radslag::doc::plan::initiative::{
    add_deliverable, add_group, add_group_member, create_initiative, edit_deliverable, hydrate_initiative, move_deliverable,
    set_initiative_details, splice_initiative_text, DeliverableEdit, InitiativeDetails, InitiativeText, NewDeliverable,
};
use radslag::doc::plan::status::{add_status_line, hydrate_status_reports, splice_status_line, start_period};
use radslag::doc::DocError;
use radslag::model::plan::{CommunicationPlan, DeliverableStatus, GroupKind, Initiative, InitiativeLink, Phase, PlanError, StatusList};
use radslag::model::{
    ActivityId, Council, DeliverableId, DocUrl, EntryId, GroupId, InitiativeId, Person, PersonId, RiskId, StatusReportId,
};

const NOW: i64 = 1_600_000_000;

fn fork(doc: &mut AutoCommit, actor: &str) -> AutoCommit {
    doc.fork().with_actor(ActorId::from(actor.as_bytes()))
}

fn new_initiative() -> AutoCommit {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"creator".as_slice()));
    let i = Initiative::new(InitiativeId::derived("dp"), "Digitala processer", "Digital innovation");
    create_initiative(&mut doc, &i, NOW).unwrap();
    doc
}

fn deliverable(name: &str) -> NewDeliverable {
    NewDeliverable { name: name.into(), ..NewDeliverable::default() }
}

#[test]
fn an_added_activity_and_typing_in_a_problem_of_the_same_status_report_both_survive() {
    let mut a = new_initiative();
    let report = StatusReportId::derived("p1");
    start_period(&mut a, report, "2020-09-10", "", NOW).unwrap();
    let problem = EntryId::derived("problem");
    add_status_line(&mut a, report, StatusList::Problems, problem, "Svalt intresse.", NOW).unwrap();
    let mut b = fork(&mut a, "b");
    add_status_line(&mut a, report, StatusList::Ongoing, EntryId::derived("o"), "Säkerställa deltagande", NOW + 1).unwrap();
    splice_status_line(&mut b, report, StatusList::Problems, problem, 5, 0, " intresse hos kommunerna, i synnerhet").unwrap();
    commit_typing(&mut b, NOW + 2);
    a.merge(&mut b).unwrap();
    let reports = hydrate_status_reports(&a).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].texts(StatusList::Ongoing), ["Säkerställa deltagande"]);
    assert_eq!(reports[0].texts(StatusList::Problems), ["Svalt intresse hos kommunerna, i synnerhet intresse."]);
}

#[test]
fn two_people_typing_in_one_overview_merge_per_character() {
    let mut a = new_initiative();
    splice_initiative_text(&mut a, InitiativeText::Overview, 0, 0, "Förstudien belyser möjligheter.").unwrap();
    commit_typing(&mut a, NOW);
    let mut b = fork(&mut a, "b");
    splice_initiative_text(&mut a, InitiativeText::Overview, 0, 0, "Kort: ").unwrap();
    commit_typing(&mut a, NOW + 1);
    splice_initiative_text(&mut b, InitiativeText::Overview, 30, 0, " och utmaningar").unwrap();
    commit_typing(&mut b, NOW + 1);
    a.merge(&mut b).unwrap();
    assert_eq!(hydrate_initiative(&a).unwrap().overview.as_str(), "Kort: Förstudien belyser möjligheter och utmaningar.");
}

#[test]
fn concurrent_deliverable_additions_both_survive_with_codes_in_order() {
    let mut a = new_initiative();
    add_deliverable(&mut a, DeliverableId::derived("l1"), deliverable("Metodhandbok"), NOW).unwrap();
    let mut b = fork(&mut a, "b");
    add_deliverable(&mut a, DeliverableId::derived("a"), deliverable("Rutinramverk"), NOW + 1).unwrap();
    add_deliverable(&mut b, DeliverableId::derived("b"), deliverable("Kartlagda verksamhetsprocesser"), NOW + 1).unwrap();
    a.merge(&mut b).unwrap();
    let i = hydrate_initiative(&a).unwrap();
    let names: Vec<&str> = i.visible_deliverables().map(|d| d.name.as_str()).collect();
    assert_eq!(names.len(), 3);
    assert_eq!(names[0], "Metodhandbok");
    assert!(names.contains(&"Rutinramverk") && names.contains(&"Kartlagda verksamhetsprocesser"));
    assert_eq!(i.deliverables[0].code, "L1");
    let mut c = a.fork();
    let mut d = a.fork();
    // Both orders agree on every device.
    c.merge(&mut d).unwrap();
    assert_eq!(hydrate_initiative(&c).unwrap(), i);
}

#[test]
fn a_reorder_and_an_edit_of_the_same_deliverable_both_survive() {
    let mut a = new_initiative();
    for (n, name) in ["l1", "l2", "l3"].iter().zip(["Metodhandbok", "Rutinramverk", "Plattform"]) {
        add_deliverable(&mut a, DeliverableId::derived(n), deliverable(name), NOW).unwrap();
    }
    let mut b = fork(&mut a, "b");
    move_deliverable(&mut a, DeliverableId::derived("l3"), 0, NOW + 1).unwrap();
    splice_initiative_text(&mut b, InitiativeText::DeliverableName(DeliverableId::derived("l3")), 9, 0, " för processfabrik").unwrap();
    commit_typing(&mut b, NOW + 1);
    edit_deliverable(&mut b, DeliverableId::derived("l3"), DeliverableEdit { status: Some(DeliverableStatus::Ongoing), ..Default::default() }, NOW + 2).unwrap();
    a.merge(&mut b).unwrap();
    let i = hydrate_initiative(&a).unwrap();
    let names: Vec<&str> = i.visible_deliverables().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Plattform för processfabrik", "Metodhandbok", "Rutinramverk"]);
    assert_eq!(i.deliverables[0].status, DeliverableStatus::Ongoing);
}

#[test]
fn a_deliverable_due_before_the_start_is_refused_and_nothing_is_written() {
    let mut a = new_initiative();
    set_initiative_details(
        &mut a,
        InitiativeDetails { focus_area: "Digital innovation".into(), phase: Phase::Implementation, start: "2020-09-01".into(), end: "2021-12-31".into() },
        NOW,
    )
    .unwrap();
    let heads = a.get_heads();
    let early = NewDeliverable { due: "2020-01-01".into(), ..deliverable("Metodhandbok") };
    match add_deliverable(&mut a, DeliverableId::derived("l1"), early, NOW) {
        Err(DocError::Plan(PlanError::DueBeforeStart { start, due })) => assert_eq!((start.as_str(), due.as_str()), ("2020-09-01", "2020-01-01")),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(a.get_heads(), heads);
    let backwards = InitiativeDetails { start: "2021-01-01".into(), end: "2020-01-01".into(), ..InitiativeDetails::default() };
    assert!(matches!(set_initiative_details(&mut a, backwards, NOW), Err(DocError::Plan(PlanError::PeriodEndsBeforeStart { .. }))));
}

fn council_with(people: &[&str]) -> Council {
    let mut c = Council::new("Fyrbodals e-råd", "Fyrbodals kommunalförbund");
    c.people = people.iter().map(|n| Person::new(PersonId::derived(n), *n, None)).collect();
    c
}

#[test]
fn the_same_member_added_twice_at_once_is_one_member_and_outsiders_are_refused() {
    let council = council_with(&["Johan Lundh", "Eva Andersson"]);
    let mut a = new_initiative();
    let group = GroupId::derived("styrgrupp");
    add_group(&mut a, group, GroupKind::Steering, "", NOW).unwrap();
    let mut b = fork(&mut a, "b");
    add_group_member(&mut a, &council, group, PersonId::derived("Johan Lundh"), "", NOW).unwrap();
    add_group_member(&mut b, &council, group, PersonId::derived("Johan Lundh"), "", NOW).unwrap();
    add_group_member(&mut b, &council, group, PersonId::derived("Eva Andersson"), "", NOW).unwrap();
    a.merge(&mut b).unwrap();
    let i = hydrate_initiative(&a).unwrap();
    assert_eq!(i.groups[0].name, "Styrgrupp");
    assert_eq!(i.groups[0].current_members().count(), 2);
    let outsider = add_group_member(&mut a, &council, group, PersonId::derived("Okänd"), "", NOW);
    assert!(matches!(outsider, Err(DocError::Plan(PlanError::PersonNotInCouncil))));
}

#[test]
fn concurrent_activities_in_the_communication_plan_both_survive() {
    let mut a = AutoCommit::new();
    create_communication_plan(&mut a, &CommunicationPlan::new("Kommunikationsplan"), NOW).unwrap();
    let mut b = fork(&mut a, "b");
    let activity = |name: &str| NewActivity { name: name.into(), date: "2020-10-01".into(), ..NewActivity::default() };
    add_activity(&mut a, ActivityId::derived("a"), activity("Behovsanalys"), NOW).unwrap();
    add_activity(&mut b, ActivityId::derived("b"), activity("Digitaliseringskonferens"), NOW).unwrap();
    a.merge(&mut b).unwrap();
    assert_eq!(hydrate_communication_plan(&a).unwrap().activity_plan().len(), 2);
    let bad = NewActivity { date: "i höst".into(), ..activity("Föreläsning") };
    assert!(matches!(add_activity(&mut a, ActivityId::derived("c"), bad, NOW), Err(DocError::Plan(PlanError::UnreadableDate { .. }))));
}

#[test]
fn a_council_written_before_the_plan_loads_and_two_initiatives_linked_at_once_both_stay() {
    // An older root: the council without its `plan` part.
    #[derive(autosurgeon::Reconcile)]
    struct OldCouncil {
        name: String,
        organisation: String,
        commissioner: String,
        funder: String,
        period_start: String,
        period_end: String,
        mandate: radslag::model::Mandate,
    }
    let mut a = AutoCommit::new();
    let old = OldCouncil {
        name: "Rådet".into(),
        organisation: "Förbundet".into(),
        commissioner: String::new(),
        funder: String::new(),
        period_start: String::new(),
        period_end: String::new(),
        mandate: Default::default(),
    };
    reconcile(&mut a, &old).unwrap();
    a.commit();
    assert!(hydrate_council(&a).unwrap().plan.initiatives.is_empty());
    // A new council has the plan part from the start, so two first additions cannot clash.
    let mut a = AutoCommit::new();
    create_council(&mut a, &council_with(&[]), NOW).unwrap();
    let mut b = fork(&mut a, "b");
    let link = |n: &str| InitiativeLink::of(DocUrl(format!("automerge:{n}")), &Initiative::new(InitiativeId::derived(n), n, ""));
    add_initiative_link(&mut a, link("Digitala möten"), NOW).unwrap();
    add_initiative_link(&mut b, link("Digital delaktighet"), NOW).unwrap();
    a.merge(&mut b).unwrap();
    assert_eq!(hydrate_plan(&a).unwrap().initiatives.len(), 2);
}

#[test]
fn a_risk_with_a_score_out_of_range_is_refused() {
    let mut a = AutoCommit::new();
    create_council(&mut a, &council_with(&["Sara Herrman"]), NOW).unwrap();
    let fields = NewRisk { threat: "Villkor för finansiering försämras".into(), probability: "4".into(), impact: "6".into(), ..NewRisk::default() };
    assert!(matches!(add_risk(&mut a, RiskId::derived("r"), fields.clone(), &[], NOW), Err(DocError::Plan(PlanError::ScoreOutOfRange { .. }))));
    let ok = NewRisk { impact: "5".into(), owner: Some(PersonId::derived("Sara Herrman")), measures: vec!["Säkra finansieringen".into()], ..fields };
    add_risk(&mut a, RiskId::derived("r"), ok, &[EntryId::derived("m")], NOW).unwrap();
    let plan = hydrate_plan(&a).unwrap();
    assert_eq!((plan.risks[0].score(), plan.risks[0].measures.len()), (20, 1));
}

#[test]
fn two_people_changing_different_fields_of_one_deliverable_both_keep_theirs() {
    // A structural edit rewrites the hydrated initiative; only what differs may be written, or
    // one person's unchanged copy of a field would compete with the other's change.
    let mut a = new_initiative();
    let id = DeliverableId::derived("l1");
    add_deliverable(&mut a, id, deliverable("Metodhandbok"), NOW).unwrap();
    for (first, second) in [("a", "b"), ("b", "a")] {
        let mut x = fork(&mut a, first);
        let mut y = fork(&mut a, second);
        edit_deliverable(&mut x, id, DeliverableEdit { code: Some("L9".into()), ..Default::default() }, NOW + 1).unwrap();
        edit_deliverable(&mut y, id, DeliverableEdit { status: Some(DeliverableStatus::Done), due: Some("2021-06-30".into()), ..Default::default() }, NOW + 1).unwrap();
        x.merge(&mut y).unwrap();
        let d = hydrate_initiative(&x).unwrap().deliverables.remove(0);
        assert_eq!((d.code.as_str(), d.status, d.due.as_str()), ("L9", DeliverableStatus::Done, "2021-06-30"), "{first} then {second}");
    }
}

#[test]
fn the_communication_plans_status_merges_like_an_initiatives() {
    let mut a = AutoCommit::new();
    create_communication_plan(&mut a, &CommunicationPlan::new("Kommunikationsplan"), NOW).unwrap();
    let report = StatusReportId::derived("k1");
    start_period(&mut a, report, "2020-09-10", "", NOW).unwrap();
    let mut b = fork(&mut a, "b");
    add_status_line(&mut a, report, StatusList::Completed, EntryId::derived("t"), "Trailer för e-råd", NOW).unwrap();
    add_status_line(&mut b, report, StatusList::Upcoming, EntryId::derived("u"), "Utvärdering", NOW).unwrap();
    a.merge(&mut b).unwrap();
    let plan = hydrate_communication_plan(&a).unwrap();
    assert_eq!(plan.status_reports[0].texts(StatusList::Completed), ["Trailer för e-råd"]);
    assert_eq!(plan.status_reports[0].texts(StatusList::Upcoming), ["Utvärdering"]);
    // The next period carries kommande forward and leaves this one as it was.
    start_period(&mut a, StatusReportId::derived("k2"), "2020-11-01", "", NOW).unwrap();
    let reports = hydrate_status_reports(&a).unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[1].texts(StatusList::Upcoming), ["Utvärdering"]);
    assert_eq!(reports[0].texts(StatusList::Completed), ["Trailer för e-råd"]);
}
