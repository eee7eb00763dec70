//! The action plan's pure rules: the cost split by population (seed 001), a pasted split table
//! checked against it, the status period roll-over, the risk matrix and report assembly.

use autosurgeon::Text;
use radslag::i18n::Bilingual;
use radslag::model::meeting::{Attendance, Decision, Meeting, MeetingKind, NewAgendaItem, AgendaItem, ItemKind};
use radslag::model::plan::cost_split::{
    check_pasted_split, parse_split_table, split_cost, Shareholder, SplitField,
};
use radslag::model::plan::line::lines;
use radslag::model::plan::report::{assemble_report, report_markdown};
use radslag::model::plan::risk::risk_matrix;
use radslag::model::plan::status_report::next_period;
use radslag::model::plan::{
    ActivityStatus, CommunicationActivity, CommunicationPlan, DeliverableStatus, EffectIndicator, Initiative, Measurement,
    PlanError, PlanReport, ReportKind, Risk, RowReason, StatusList, StatusReport,
};
use radslag::model::plan::Deliverable;
use radslag::model::{
    ActivityId, AttendanceId, Council, DecisionId, DeliverableId, EntryId, InitiativeId, ItemId, RiskId, StatusReportId,
};

/// Seed 001's table as pasted from the slide (tab-separated, as Word copies it).
const SEED_TABLE: &str = "Kommun\tFolkmängd\tAndel\tKostnad
Bengtsfors\t9750\t3,56%\t53 400 kr
Dals-Ed\t4813\t1,76%\t26 360 kr
Färgelanda\t6637\t2,42%\t36 350 kr
Lysekil\t14555\t5,31%\t79 716 kr
Mellerud\t9310\t3,40%\t50 990 kr
Munkedal\t10513\t3,84%\t57 579 kr
Orust\t15218\t5,56%\t83 347 kr
Sotenäs\t9061\t3,31%\t49 626 kr
Strömstad\t13218\t4,83%\t72 394 kr
Tanum\t12841\t4,69%\t70 329 kr
Trollhättan\t59058\t21,56%\t323 454 kr
Uddevalla\t56703\t20,70%\t310 556 kr
Vänersborg\t39591\t14,46%\t216 836 kr
Åmål\t12610\t4,60%\t69 064 kr
Summa\t273 878\t100,00%\t1 500 000 kr";

fn seed_members() -> Vec<Shareholder> {
    parse_split_table(SEED_TABLE)
        .rows
        .into_iter()
        .map(|r| Shareholder { organisation: None, name: r.name, population: r.population })
        .collect()
}

fn members(pops: &[u64]) -> Vec<Shareholder> {
    pops.iter().enumerate().map(|(i, &p)| Shareholder { organisation: None, name: format!("Kommun {i}"), population: p }).collect()
}

#[test]
fn a_million_and_a_half_split_by_seed_populations_adds_up_exactly() {
    let members = seed_members();
    assert_eq!(members.len(), 14);
    let split = split_cost(1_500_000, &members).unwrap();
    assert_eq!(split.population, 273_878);
    assert_eq!(split.shares.iter().map(|s| s.kronor).sum::<u64>(), 1_500_000);
    assert_eq!(split.shares.iter().map(|s| u64::from(s.hundredths)).sum::<u64>(), 10_000);
    for s in &split.shares {
        let exact = 1_500_000.0 * s.population as f64 / 273_878.0;
        assert!((s.kronor as f64 - exact).abs() < 1.0, "{}: {} against {exact}", s.name, s.kronor);
    }
    let bengtsfors = &split.shares[0];
    assert_eq!((bengtsfors.kronor, bengtsfors.hundredths), (53_400, 356));
}

#[test]
fn the_seeds_own_table_is_flagged_where_it_differs() {
    let pasted = parse_split_table(SEED_TABLE);
    assert!(pasted.problems.is_empty(), "{:?}", pasted.problems);
    assert_eq!(pasted.rows.len(), 14);
    let check = check_pasted_split(&pasted, None).unwrap();
    assert_eq!(check.split.total, 1_500_000);
    // The rounded table adds up to 1 500 001 kr (domain.md): the sum is flagged by one krona.
    let sum = check.disagreements.iter().find(|d| d.field == SplitField::SumOfKronor).expect("the sum is flagged");
    assert_eq!((sum.pasted, sum.computed, sum.difference()), (1_500_001, 1_500_000, 1));
    assert_eq!(sum.line, 16);
    // Each row that differs is named with its line and by how much (never more than a krona).
    let rows: Vec<_> = check.disagreements.iter().filter(|d| d.field == SplitField::Kronor).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|d| d.difference().abs() == 1), "{rows:?}");
    assert_eq!(rows.iter().map(|d| d.difference()).sum::<i128>(), 1);
    for d in &rows {
        assert_eq!(pasted.rows.iter().find(|r| r.name == d.name).unwrap().line, d.line);
    }
}

#[test]
fn a_table_that_cannot_be_read_says_which_row() {
    let pasted = parse_split_table("Kommun\tFolkmängd\tAndel\tKostnad\nBengtsfors\tmånga\t3,56%\t53 400 kr\nDals-Ed\t4813\t140%\t26 360 kr\nÅmål\n");
    assert_eq!(
        pasted.problems,
        [
            PlanError::UnreadableRow { line: 2, reason: RowReason::PopulationNotANumber("många".into()) },
            PlanError::UnreadableRow { line: 3, reason: RowReason::PercentOver100("140%".into()) },
            PlanError::UnreadableRow { line: 4, reason: RowReason::TooFewColumns },
        ]
    );
    assert_eq!(pasted.problems[0].sv(), "Rad 2 går inte att läsa: folkmängden ”många” är inte ett heltal.");
    assert_eq!(check_pasted_split(&pasted, None).unwrap_err(), pasted.problems[0]);
}

#[test]
fn split_edge_cases() {
    // One municipality pays it all.
    let one = split_cost(1_500_000, &members(&[9750])).unwrap();
    assert_eq!((one.shares[0].kronor, one.shares[0].hundredths), (1_500_000, 10_000));
    // A zero population pays nothing, and the rest still adds up.
    let zero = split_cost(1_000, &members(&[0, 3, 3])).unwrap();
    assert_eq!(zero.shares.iter().map(|s| s.kronor).collect::<Vec<_>>(), [0, 500, 500]);
    // A sum of 0 splits to nothing.
    let nothing = split_cost(0, &members(&[10, 20])).unwrap();
    assert!(nothing.shares.iter().all(|s| s.kronor == 0));
    // A sum not divisible: the extra kronor go to the largest remainders.
    let odd = split_cost(10, &members(&[1, 1, 1])).unwrap();
    assert_eq!(odd.shares.iter().map(|s| s.kronor).collect::<Vec<_>>(), [4, 3, 3]);
    let uneven = split_cost(101, &members(&[2, 1])).unwrap();
    assert_eq!(uneven.shares.iter().map(|s| s.kronor).collect::<Vec<_>>(), [67, 34]);
    // Nobody with a population cannot pay a sum.
    assert_eq!(split_cost(100, &members(&[0, 0])), Err(PlanError::NoPopulation));
}

fn line_id(n: &str) -> EntryId {
    EntryId::derived(n)
}

fn report_with(start: &str) -> StatusReport {
    let mut r = StatusReport::empty(StatusReportId::derived(start), start, "");
    r.completed = lines([(line_id("c"), "Utkast kommunikationsplan".to_string())]);
    r.ongoing = lines([(line_id("o1"), "Säkerställa deltagande".to_string()), (line_id("o2"), "Effekthemtagningsplan".to_string())]);
    r.problems = lines([(line_id("p"), "Svalt intresse för att medverka som styrgrupp.".to_string())]);
    r.upcoming = lines([(line_id("u"), "Förbereda utbildningar".to_string())]);
    r
}

#[test]
fn a_new_period_carries_ongoing_and_upcoming_forward() {
    let old = report_with("2020-06-01");
    let new = next_period(Some(&old), StatusReportId::derived("next"), "2020-09-10", "").unwrap();
    assert_eq!(new.texts(StatusList::Ongoing), ["Säkerställa deltagande", "Effekthemtagningsplan"]);
    assert_eq!(new.texts(StatusList::Upcoming), ["Förbereda utbildningar"]);
    assert!(new.texts(StatusList::Completed).is_empty());
    assert!(new.texts(StatusList::Problems).is_empty());
    // The same activities (ids), so they can be followed from period to period.
    assert_eq!(new.ongoing[0].id, old.ongoing[0].id);
    // The old period is untouched.
    assert_eq!(old, report_with("2020-06-01"));
    // A period must start after the latest.
    assert!(matches!(
        next_period(Some(&old), StatusReportId::derived("x"), "2020-05-01", ""),
        Err(PlanError::PeriodNotAfterLatest { .. })
    ));
    assert!(matches!(
        next_period(None, StatusReportId::derived("x"), "2020-09-10", "2020-09-01"),
        Err(PlanError::PeriodEndsBeforeStart { .. })
    ));
}

fn risk(n: &str, p: u32, c: u32) -> Risk {
    Risk {
        id: RiskId::derived(n),
        position: n.into(),
        threat: Text::with_value(n),
        vulnerability: Text::default(),
        consequence: Text::default(),
        probability: p,
        impact: c,
        measures: Vec::new(),
        owner: None,
        initiative: None,
        deleted: false,
    }
}

#[test]
fn risks_land_in_their_matrix_cell() {
    let risks = [risk("a", 4, 5), risk("b", 4, 5), risk("c", 1, 2), risk("d", 7, 1)];
    assert_eq!(risks[0].score(), 20);
    let m = risk_matrix(&risks);
    assert_eq!(m.cell(4, 5), [RiskId::derived("a"), RiskId::derived("b")]);
    assert_eq!(m.cell(1, 2), [RiskId::derived("c")]);
    assert_eq!(m.unplaced, [RiskId::derived("d")]);
    assert!(m.cell(0, 9).is_empty());
}

fn meeting(date: &str, decision: &str, attendee: &str) -> Meeting {
    let mut m = Meeting::new(format!("E-rådsmöte {date}"), MeetingKind::EradsMote, date, "13:00", "16:00");
    let mut item = AgendaItem::new(
        ItemId::derived(date),
        "n".into(),
        NewAgendaItem { number: "1".into(), kind: ItemKind::Discussion, description: "Status".into(), responsible: "Sara".into(), start: None, duration_minutes: Some(30) },
    );
    item.decisions = vec![Decision { id: DecisionId::derived(date), position: "n".into(), text: Text::with_value(decision), deleted: false }];
    m.agenda = vec![item];
    m.attendees = vec![Attendance { id: AttendanceId::derived(attendee), name: attendee.into(), organisation: "Färgelanda".into(), person: None, organisation_id: None }];
    m
}

#[test]
fn a_report_is_assembled_from_meetings_decisions_and_status_reports() {
    let council = Council::new("Fyrbodals e-råd", "Fyrbodals kommunalförbund");
    let meetings = [
        meeting("2020-09-10", "Gruppen beslutar att starta Digitala processer.", "Henrik Röste"),
        meeting("2021-03-01", "Utanför perioden.", "Någon Annan"),
    ];
    let mut i = Initiative::new(InitiativeId::derived("dp"), "Digitala processer", "Digital innovation");
    i.goals = lines([(line_id("g"), "Kartlagda processer i alla kommuner".to_string())]);
    i.deliverables = vec![
        Deliverable { id: DeliverableId::derived("l1"), position: "b".into(), code: "L1".into(), name: Text::with_value("Metodhandbok"), description: Text::default(), status: DeliverableStatus::Done, due: String::new(), deleted: false },
        Deliverable { id: DeliverableId::derived("l2"), position: "c".into(), code: "L2".into(), name: Text::with_value("Rutinramverk"), description: Text::default(), status: DeliverableStatus::Ongoing, due: String::new(), deleted: false },
    ];
    i.indicators = vec![EffectIndicator {
        id: line_id("ind"),
        position: "n".into(),
        goal: Text::with_value("Samverkande processer"),
        text: Text::with_value("Andel som instämmer"),
        unit: "%".into(),
        target: Some(80.0),
        measurements: vec![Measurement { id: line_id("m"), date: "2020-10-01".into(), value: 85.0 }],
        deleted: false,
    }];
    i.status_reports = vec![report_with("2020-06-01")];
    let mut comm = CommunicationPlan::new("Kommunikationsplan");
    comm.activities = vec![CommunicationActivity {
        id: ActivityId::derived("konf"),
        position: "n".into(),
        name: Text::with_value("Digitaliseringskonferens"),
        description: Text::default(),
        date: "2021-05-01".into(),
        channel: None,
        target_groups: Vec::new(),
        status: ActivityStatus::Planned,
        deleted: false,
    }];
    let mut report = PlanReport::new(line_id("delrapport"), ReportKind::Interim, "2020-01-01", "2020-12-31");
    report.recommendations = Text::with_value("Fortsätt med Digitala processer.");
    let doc = assemble_report(&report, &council, &meetings, &[i], Some(&comm));
    assert_eq!(doc.title, "Delrapport – Fyrbodals e-råd");
    let done: Vec<&str> = doc.deliveries_done.iter().map(|d| d.what.as_str()).collect();
    assert_eq!(done, ["L1 Metodhandbok", "Utkast kommunikationsplan"]);
    let ongoing: Vec<&str> = doc.deliveries_ongoing.iter().map(|d| d.what.as_str()).collect();
    assert_eq!(ongoing, ["L2 Rutinramverk", "Säkerställa deltagande", "Effekthemtagningsplan"]);
    assert_eq!(doc.decisions.len(), 1);
    assert_eq!(doc.decisions[0].text, "Gruppen beslutar att starta Digitala processer.");
    assert_eq!(doc.participants.len(), 1);
    assert_eq!(doc.participants[0].attendees, [("Henrik Röste".to_string(), "Färgelanda".to_string())]);
    let indicator = doc.goals.iter().find(|g| g.goal == "Andel som instämmer").unwrap();
    assert_eq!((indicator.measured, indicator.reached), (Some(85.0), Some(true)));
    let remaining: Vec<&str> = doc.remaining.iter().map(|d| d.what.as_str()).collect();
    assert_eq!(remaining, ["L2 Rutinramverk", "Förbereda utbildningar", "Digitaliseringskonferens"]);
    let md = report_markdown(&doc);
    assert!(md.starts_with("# Delrapport – Fyrbodals e-råd\n"), "{md}");
    for heading in ["## Anskaffade erfarenheter", "## Avklarade leveranser", "## Pågående leveranser", "## Händelser som påverkat handlingsplanen", "## Deltagarlistor", "## Rekommendationer för fortsatt arbete"] {
        assert!(md.contains(heading), "{heading} missing in\n{md}");
    }
    assert!(md.contains("- Digitala processer: L1 Metodhandbok\n"));
    assert!(md.contains("- 2020-09-10 (E-rådsmöte 2020-09-10): Gruppen beslutar att starta Digitala processer.\n"));
    assert!(md.contains("- Henrik Röste, Färgelanda\n"));
    assert!(md.contains("uppnått (85 av 80)"));
    assert!(md.contains("Fortsätt med Digitala processer."));
    assert!(!md.contains("Utanför perioden"));
    let final_report = PlanReport { kind: ReportKind::Final, ..report };
    let md = report_markdown(&assemble_report(&final_report, &council, &meetings, &[], None));
    assert!(md.contains("## Utfall och måluppfyllelse av handlingsplanen") && md.contains("### Redovisning av återstående aktiviteter"), "{md}");
}

#[test]
fn each_disagreement_is_said_with_its_row_and_amounts() {
    let pasted = parse_split_table(SEED_TABLE);
    let check = check_pasted_split(&pasted, None).unwrap();
    let sum = check.disagreements.iter().find(|d| d.field == SplitField::SumOfKronor).unwrap();
    assert_eq!(sum.sv(), "Rad 16 (Summa): tabellens kostnader blir tillsammans 1 500 001 kr, summan är 1 500 000 kr (+1).");
    assert_eq!(sum.to_string(), "Row 16 (Summa): the table's costs add up to 1 500 001 kr, the sum is 1 500 000 kr (+1).");
}
