//! Delrapport and slutrapport (seed 000) assembled from the data: experiences, deliveries done
//! and ongoing, events that affected the plan, the participants of the period's meetings, goal
//! fulfilment, benefits, remaining activities and recommendations — and their Markdown export.
//! What people write (experiences, events, recommendations) is kept in `PlanReport`; the rest is
//! read from the council, its meetings, the initiatives and the communication plan.

use crate::model::export::md;
use autosurgeon::{Hydrate, Reconcile, Text};

use super::communication::{ActivityStatus, CommunicationPlan};
use super::initiative::{DeliverableStatus, Initiative};
use super::status_report::{StatusList, StatusReport};
use crate::model::council::Council;
use crate::model::ids::EntryId;
use crate::model::keyed::Keyed;
use crate::model::meeting::Meeting;

/// Which follow-up report (uppföljningsrapport).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum ReportKind {
    /// Delrapport.
    Interim,
    /// Slutrapport.
    Final,
}

impl ReportKind {
    pub fn sv(self) -> &'static str {
        match self {
            ReportKind::Interim => "Delrapport",
            ReportKind::Final => "Slutrapport",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            ReportKind::Interim => "Interim report",
            ReportKind::Final => "Final report",
        }
    }
}

/// A follow-up report as kept in the council's root: its period and the texts people write.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct PlanReport {
    #[key]
    pub id: EntryId,
    pub kind: ReportKind,
    /// "YYYY-MM-DD".
    pub period_start: String,
    /// "YYYY-MM-DD".
    pub period_end: String,
    /// Anskaffade erfarenheter.
    pub experiences: Text,
    /// Händelser som påverkat handlingsplanen (besides the decisions, which are read).
    pub events: Text,
    /// Rekommendationer för fortsatt arbete.
    pub recommendations: Text,
    /// Förslag till förbättringar.
    #[autosurgeon(missing = "Text::default")]
    pub improvements: Text,
}

impl Keyed for PlanReport {
    type Id = EntryId;
    fn id(&self) -> &EntryId {
        &self.id
    }
    fn position(&self) -> &str {
        &self.period_end
    }
}

impl PlanReport {
    pub fn new(id: EntryId, kind: ReportKind, period_start: &str, period_end: &str) -> Self {
        PlanReport {
            id,
            kind,
            period_start: period_start.to_string(),
            period_end: period_end.to_string(),
            experiences: Text::default(),
            events: Text::default(),
            recommendations: Text::default(),
            improvements: Text::default(),
        }
    }

    fn covers(&self, date: &str) -> bool {
        (self.period_start.is_empty() || self.period_start.as_str() <= date)
            && (self.period_end.is_empty() || date <= self.period_end.as_str())
    }
}

/// A delivery (leverans) as listed in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRow {
    pub initiative: String,
    /// "L1 Metodhandbok …", or an activity from a status report.
    pub what: String,
}

/// A decision from one of the period's meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    /// "YYYY-MM-DD".
    pub date: String,
    pub meeting: String,
    pub text: String,
}

/// Who took part in one of the period's meetings (deltagarlista).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantList {
    pub date: String,
    pub meeting: String,
    /// (name, organisation), as the minutes write them.
    pub attendees: Vec<(String, String)>,
}

/// How far a goal or indicator is reached (måluppfyllelse).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    pub initiative: String,
    /// The project goal, or the indicator's text.
    pub goal: String,
    pub target: Option<f64>,
    /// The latest value measured in or before the period.
    pub measured: Option<f64>,
    /// `None` when there is no target or no value yet.
    pub reached: Option<bool>,
}

/// The report laid out as the council's documents lay it out: the Markdown export and a print
/// view both render this.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportDocument {
    pub kind: ReportKind,
    /// "Delrapport – Fyrbodals e-råd".
    pub title: String,
    pub period_start: String,
    pub period_end: String,
    pub experiences: String,
    pub deliveries_done: Vec<DeliveryRow>,
    pub deliveries_ongoing: Vec<DeliveryRow>,
    /// What people wrote about events, then the decisions of the period's meetings.
    pub events: String,
    pub decisions: Vec<EventRow>,
    pub participants: Vec<ParticipantList>,
    pub goals: Vec<GoalRow>,
    /// Potential economic benefits per initiative: (initiative, "Gemensam … : 20–30 % lägre …").
    pub benefits: Vec<(String, String)>,
    pub remaining: Vec<DeliveryRow>,
    pub improvements: String,
    pub recommendations: String,
}

/// The status report of `reports` that the period ends with: the latest starting by its end.
fn report_in<'a>(reports: &'a [StatusReport], report: &PlanReport) -> Option<&'a StatusReport> {
    reports
        .iter()
        .filter(|r| report.period_end.is_empty() || r.period_start.as_str() <= report.period_end.as_str())
        .max_by(|a, b| a.period_start.cmp(&b.period_start))
}

/// Assemble `report` from the council, its meetings, the initiatives and the communication plan
/// (those this device has; a missing one is simply not in the report).
pub fn assemble_report(
    report: &PlanReport,
    council: &Council,
    meetings: &[Meeting],
    initiatives: &[Initiative],
    communication: Option<&CommunicationPlan>,
) -> ReportDocument {
    let mut done = Vec::new();
    let mut ongoing = Vec::new();
    let mut remaining = Vec::new();
    let mut goals = Vec::new();
    let mut benefits = Vec::new();
    let until = (!report.period_end.is_empty()).then_some(report.period_end.as_str());
    for i in initiatives {
        let name = i.name.as_str().to_string();
        let row = |what: String| DeliveryRow { initiative: name.clone(), what };
        for d in i.visible_deliverables() {
            let what = format!("{} {}", d.code, d.name.as_str()).trim().to_string();
            match d.status {
                DeliverableStatus::Done => done.push(row(what)),
                DeliverableStatus::Ongoing => {
                    ongoing.push(row(what.clone()));
                    remaining.push(row(what));
                }
                DeliverableStatus::NotStarted => remaining.push(row(what)),
            }
        }
        // Activities reported in the period's status reports.
        for s in i.status_reports.iter().filter(|s| period_overlaps(report, s)) {
            done.extend(s.texts(StatusList::Completed).into_iter().map(&row));
        }
        if let Some(s) = report_in(&i.status_reports, report) {
            ongoing.extend(s.texts(StatusList::Ongoing).into_iter().map(&row));
            remaining.extend(s.texts(StatusList::Upcoming).into_iter().map(&row));
        }
        for g in i.visible_goals() {
            goals.push(GoalRow { initiative: name.clone(), goal: g.text.as_str().to_string(), target: None, measured: None, reached: None });
        }
        for ind in i.visible_indicators() {
            goals.push(GoalRow {
                initiative: name.clone(),
                goal: ind.text.as_str().to_string(),
                target: ind.target,
                measured: ind.latest_measurement(until).map(|m| m.value),
                reached: ind.reached(until),
            });
        }
        for b in i.economic_benefits.iter().filter(|b| !b.deleted) {
            benefits.push((name.clone(), format!("{}: {}", b.description.as_str(), b.effect_sv())));
        }
    }
    if let Some(c) = communication {
        let name = "Kommunikation".to_string();
        let row = |what: String| DeliveryRow { initiative: name.clone(), what };
        for s in c.status_reports.iter().filter(|s| period_overlaps(report, s)) {
            done.extend(s.texts(StatusList::Completed).into_iter().map(&row));
        }
        for a in c.activity_plan() {
            let what = a.name.as_str().to_string();
            match a.status {
                ActivityStatus::Done if a.date.is_empty() || report.covers(&a.date) => done.push(row(what)),
                ActivityStatus::Ongoing => ongoing.push(row(what)),
                ActivityStatus::Planned => remaining.push(row(what)),
                _ => {}
            }
        }
        for g in c.visible_goals() {
            let reached = match (g.measured_percent, g.target_percent) {
                (Some(m), Some(t)) => Some(m >= t),
                _ => None,
            };
            goals.push(GoalRow {
                initiative: name.clone(),
                goal: g.text.as_str().to_string(),
                target: g.target_percent.map(f64::from),
                measured: g.measured_percent.map(f64::from),
                reached,
            });
        }
    }
    dedup(&mut done);
    dedup(&mut ongoing);
    dedup(&mut remaining);
    let mut in_period: Vec<&Meeting> = meetings.iter().filter(|m| report.covers(&m.date)).collect();
    in_period.sort_by(|a, b| a.date.cmp(&b.date));
    let decisions = in_period
        .iter()
        .flat_map(|m| {
            m.visible_agenda().flat_map(move |item| {
                item.visible_decisions().map(move |d| EventRow { date: m.date.clone(), meeting: m.title.clone(), text: d.text.as_str().to_string() })
            })
        })
        .collect();
    let participants = in_period
        .iter()
        .filter(|m| !m.attendees.is_empty())
        .map(|m| ParticipantList {
            date: m.date.clone(),
            meeting: m.title.clone(),
            attendees: m.attendees.iter().map(|a| (a.name.clone(), a.organisation.clone())).collect(),
        })
        .collect();
    ReportDocument {
        kind: report.kind,
        title: format!("{} – {}", report.kind.sv(), council.name),
        period_start: report.period_start.clone(),
        period_end: report.period_end.clone(),
        experiences: report.experiences.as_str().to_string(),
        deliveries_done: done,
        deliveries_ongoing: ongoing,
        events: report.events.as_str().to_string(),
        decisions,
        participants,
        goals,
        benefits,
        remaining,
        improvements: report.improvements.as_str().to_string(),
        recommendations: report.recommendations.as_str().to_string(),
    }
}

/// Whether a status report's period shares a day with the report's.
fn period_overlaps(report: &PlanReport, s: &StatusReport) -> bool {
    let starts_before_end = report.period_end.is_empty() || s.period_start.as_str() <= report.period_end.as_str();
    let ends_after_start = report.period_start.is_empty() || s.period_end.is_empty() || s.period_end.as_str() >= report.period_start.as_str();
    starts_before_end && ends_after_start
}

/// The same line reported in several periods is listed once.
fn dedup(rows: &mut Vec<DeliveryRow>) {
    let mut seen: Vec<DeliveryRow> = Vec::new();
    rows.retain(|r| {
        if seen.contains(r) {
            false
        } else {
            seen.push(r.clone());
            true
        }
    });
}

fn section(out: &mut String, heading: &str) {
    out.push_str("\n## ");
    out.push_str(heading);
    out.push_str("\n\n");
}

fn text_or_none(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        out.push_str("*Inget skrivet ännu.*\n");
    } else {
        out.push_str(&md(text.trim()));
        out.push('\n');
    }
}

fn rows(out: &mut String, rows: &[DeliveryRow]) {
    if rows.is_empty() {
        out.push_str("*Inga.*\n");
    }
    for r in rows {
        out.push_str(&format!("- {}: {}\n", md(&r.initiative), md(&r.what)));
    }
}

fn number(n: f64) -> String {
    let s = if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n}") };
    s.replace('.', ",")
}

/// The report as Markdown, with the headings of the mandate's follow-up section (seed 000).
pub fn report_markdown(doc: &ReportDocument) -> String {
    let mut out = format!("# {}\n\nPeriod: {} – {}\n", md(&doc.title), md(&doc.period_start), md(&doc.period_end));
    match doc.kind {
        ReportKind::Interim => {
            section(&mut out, "Anskaffade erfarenheter");
            text_or_none(&mut out, &doc.experiences);
            section(&mut out, "Avklarade leveranser");
            rows(&mut out, &doc.deliveries_done);
            section(&mut out, "Pågående leveranser");
            rows(&mut out, &doc.deliveries_ongoing);
            events(&mut out, doc);
        }
        ReportKind::Final => {
            section(&mut out, "Utfall och måluppfyllelse av handlingsplanen");
            goals(&mut out, doc);
            out.push_str("\n### Redovisning av nyttoeffekter\n\n");
            if doc.benefits.is_empty() {
                out.push_str("*Inga.*\n");
            }
            for (initiative, b) in &doc.benefits {
                out.push_str(&format!("- {}: {}\n", md(initiative), md(b)));
            }
            out.push_str("\n### Redovisning av återstående aktiviteter\n\n");
            rows(&mut out, &doc.remaining);
            section(&mut out, "Genomförande och händelser");
            rows(&mut out, &doc.deliveries_done);
            events(&mut out, doc);
            section(&mut out, "Erfarenheter av arbetet med handlingsplanen");
            text_or_none(&mut out, &doc.experiences);
            section(&mut out, "Förslag till förbättringar");
            text_or_none(&mut out, &doc.improvements);
        }
    }
    if doc.kind == ReportKind::Interim {
        section(&mut out, "Måluppfyllelse");
        goals(&mut out, doc);
        section(&mut out, "Återstående aktiviteter");
        rows(&mut out, &doc.remaining);
    }
    section(&mut out, "Rekommendationer för fortsatt arbete");
    text_or_none(&mut out, &doc.recommendations);
    section(&mut out, "Deltagarlistor");
    if doc.participants.is_empty() {
        out.push_str("*Inga möten med deltagarlista under perioden.*\n");
    }
    for p in &doc.participants {
        out.push_str(&format!("\n### {} {}\n\n", md(&p.date), md(&p.meeting)));
        for (name, org) in &p.attendees {
            if org.is_empty() {
                out.push_str(&format!("- {}\n", md(name)));
            } else {
                out.push_str(&format!("- {}, {}\n", md(name), md(org)));
            }
        }
    }
    out
}

fn events(out: &mut String, doc: &ReportDocument) {
    section(out, "Händelser som påverkat handlingsplanen");
    if !doc.events.trim().is_empty() {
        out.push_str(&md(doc.events.trim()));
        out.push_str("\n\n");
    }
    if doc.decisions.is_empty() && doc.events.trim().is_empty() {
        out.push_str("*Inga.*\n");
    }
    for e in &doc.decisions {
        out.push_str(&format!("- {} ({}): {}\n", md(&e.date), md(&e.meeting), md(&e.text)));
    }
}

fn goals(out: &mut String, doc: &ReportDocument) {
    if doc.goals.is_empty() {
        out.push_str("*Inga mål.*\n");
    }
    for g in &doc.goals {
        let state = match (g.target, g.measured, g.reached) {
            (Some(t), Some(m), Some(true)) => format!(" — uppnått ({} av {})", number(m), number(t)),
            (Some(t), Some(m), _) => format!(" — ej uppnått ({} av {})", number(m), number(t)),
            (Some(t), None, _) => format!(" — mål {}, ej mätt", number(t)),
            _ => String::new(),
        };
        out.push_str(&format!("- {}: {}{}\n", md(&g.initiative), md(&g.goal), state));
    }
}
