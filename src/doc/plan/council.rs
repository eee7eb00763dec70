//! What the council's root document keeps of the action plan (`Council::plan`): links to the
//! initiatives' and the communication plan's documents, the plan's risks and budget lines, and
//! the follow-up reports' own texts. Only the `plan` map is hydrated and written back.

use automerge::{AutoCommit, ROOT};
use autosurgeon::{hydrate_prop, reconcile_prop, Text};

use super::{append, find, splice_at, TextPath};
use crate::doc::{commit_change, DocError};
use crate::model::plan::money::parse_kronor;
use crate::model::plan::risk::parse_score;
use crate::model::plan::status_report::period;
use crate::model::plan::line::Line;
use crate::model::plan::{ActionPlan, BudgetLine, Initiative, InitiativeLink, PlanError, PlanReport, ReportKind, Risk};
use crate::model::{Council, DocUrl, EntryId, InitiativeId, PersonId, RiskId};

const PLAN: &str = "plan";
const WHAT: &str = "the action plan";

/// The plan as the root holds it (an older council without one reads as an empty plan).
pub fn hydrate_plan(doc: &AutoCommit) -> Result<ActionPlan, DocError> {
    let plan: Option<ActionPlan> = hydrate_prop(doc, ROOT, PLAN).map_err(|e| DocError::unreadable(WHAT, e))?;
    Ok(plan.unwrap_or_default())
}

fn edit<R>(doc: &mut AutoCommit, now: i64, message: impl Into<String>, f: impl FnOnce(&mut ActionPlan) -> Result<R, DocError>) -> Result<R, DocError> {
    commit_change(doc, now, message, |doc| {
        let mut plan = hydrate_plan(doc)?;
        let out = f(&mut plan)?;
        reconcile_prop(doc, ROOT, PLAN, &plan).map_err(|e| DocError::write(WHAT, e))?;
        Ok(out)
    })
}

/// Link an initiative's document from the council (ny insats). Linking a URL already linked
/// only refreshes what the link shows. Two people adding initiatives at once both keep theirs.
pub fn add_initiative_link(doc: &mut AutoCommit, link: InitiativeLink, now: i64) -> Result<(), DocError> {
    edit(doc, now, format!("Lade till insatsen {}", link.name), |plan| {
        match plan.initiatives.iter_mut().find(|l| l.url == link.url) {
            Some(existing) => *existing = link,
            None => plan.initiatives.push(link),
        }
        Ok(())
    })
}

/// Refresh what the council's link shows of an initiative (name, focus area, phase) after it
/// changed in its own document; does nothing when it already matches or is not linked.
pub fn update_initiative_link(doc: &mut AutoCommit, url: &DocUrl, initiative: &Initiative, now: i64) -> Result<(), DocError> {
    let fresh = InitiativeLink::of(url.clone(), initiative);
    let plan = hydrate_plan(doc)?;
    if plan.initiatives.iter().all(|l| l.url != *url || *l == fresh) {
        return Ok(());
    }
    edit(doc, now, "Uppdaterade länken till insatsen", |plan| {
        if let Some(l) = plan.initiatives.iter_mut().find(|l| l.url == *url) {
            *l = fresh;
        }
        Ok(())
    })
}

/// Link the council's communication plan document.
pub fn set_communication_plan(doc: &mut AutoCommit, url: DocUrl, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Lade till kommunikationsplanen", |plan| {
        plan.communication_plan = Some(url);
        Ok(())
    })
}

/// The documents of the plan to open for a page over the whole plan (initiatives, then the
/// communication plan), from the hydrated council.
pub fn plan_document_urls(council: &Council) -> Vec<DocUrl> {
    council.plan.document_urls()
}

/// Fields of a new risk, scores as typed ("1"–"5").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewRisk {
    pub threat: String,
    pub vulnerability: String,
    pub consequence: String,
    pub probability: String,
    pub impact: String,
    pub measures: Vec<String>,
    pub owner: Option<PersonId>,
    pub initiative: Option<InitiativeId>,
}

fn check_owner(council: Option<&Council>, owner: Option<PersonId>) -> Result<(), PlanError> {
    match (council, owner) {
        (Some(c), Some(p)) if !c.current_people().any(|x| x.id == p) => Err(PlanError::PersonNotInCouncil),
        _ => Ok(()),
    }
}

/// Add a risk to the analysis. Refused when a score is not 1–5 or the owner is not in the
/// council. `measure_ids` gives the ids of the measures, one per line.
pub fn add_risk(doc: &mut AutoCommit, id: RiskId, fields: NewRisk, measure_ids: &[EntryId], now: i64) -> Result<RiskId, DocError> {
    let probability = parse_score(&fields.probability)?;
    let impact = parse_score(&fields.impact)?;
    let council = crate::doc::council::hydrate_council(doc)?;
    check_owner(Some(&council), fields.owner)?;
    let measures = crate::model::plan::line::lines(measure_ids.iter().copied().zip(fields.measures.iter().map(|m| m.trim().to_string())));
    edit(doc, now, "Lade till risk", |plan| {
        append(&mut plan.risks, |position| Risk {
            id,
            position,
            threat: Text::with_value(fields.threat.trim()),
            vulnerability: Text::with_value(fields.vulnerability.trim()),
            consequence: Text::with_value(fields.consequence.trim()),
            probability,
            impact,
            measures,
            owner: fields.owner,
            initiative: fields.initiative,
            deleted: false,
        });
        Ok(id)
    })
}

/// Set a risk's probability and consequence scores (as typed, 1–5).
pub fn set_risk_scores(doc: &mut AutoCommit, id: RiskId, probability: &str, impact: &str, now: i64) -> Result<(), DocError> {
    let probability = parse_score(probability)?;
    let impact = parse_score(impact)?;
    edit(doc, now, "Ändrade riskens värdering", |plan| {
        let r = find(&mut plan.risks, &id, "risk")?;
        r.probability = probability;
        r.impact = impact;
        Ok(())
    })
}

/// Set (or clear) a risk's owner, one of the council's people.
pub fn set_risk_owner(doc: &mut AutoCommit, id: RiskId, owner: Option<PersonId>, now: i64) -> Result<(), DocError> {
    let council = crate::doc::council::hydrate_council(doc)?;
    check_owner(Some(&council), owner)?;
    edit(doc, now, "Ändrade riskens ägare", |plan| {
        find(&mut plan.risks, &id, "risk")?.owner = owner;
        Ok(())
    })
}

/// Add a protective measure (skyddsåtgärd) last.
pub fn add_risk_measure(doc: &mut AutoCommit, risk: RiskId, id: EntryId, text: &str, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Lade till skyddsåtgärd", |plan| {
        let r = find(&mut plan.risks, &risk, "risk")?;
        append(&mut r.measures, |position| Line::new(id, position, text));
        Ok(())
    })
}

pub fn set_risk_removed(doc: &mut AutoCommit, id: RiskId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, if removed { "Tog bort risk" } else { "Återställde risk" }, |plan| {
        find(&mut plan.risks, &id, "risk")?.deleted = removed;
        Ok(())
    })
}

/// Fields of a new budget line, the amount and year as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewBudgetLine {
    pub year: String,
    pub funder: String,
    pub what: String,
    pub amount: String,
    pub initiative: Option<InitiativeId>,
}

fn year(text: &str) -> Result<i64, PlanError> {
    match text.trim().parse::<i64>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(y),
        _ => Err(PlanError::NotANumber { text: text.trim().to_string() }),
    }
}

/// Add a budget line (budgetpost).
pub fn add_budget_line(doc: &mut AutoCommit, id: EntryId, fields: NewBudgetLine, now: i64) -> Result<EntryId, DocError> {
    let year = year(&fields.year)?;
    let amount_kr = parse_kronor(&fields.amount)?;
    edit(doc, now, "Lade till budgetpost", |plan| {
        append(&mut plan.budget, |position| BudgetLine {
            id,
            position,
            year,
            funder: fields.funder.trim().to_string(),
            what: Text::with_value(fields.what.trim()),
            amount_kr,
            initiative: fields.initiative,
            deleted: false,
        });
        Ok(id)
    })
}

/// Change a budget line's year, funder and amount (as typed).
pub fn set_budget_line(doc: &mut AutoCommit, id: EntryId, year_text: &str, funder: &str, amount: &str, now: i64) -> Result<(), DocError> {
    let y = year(year_text)?;
    let amount_kr = parse_kronor(amount)?;
    edit(doc, now, "Ändrade budgetpost", |plan| {
        let b = find(&mut plan.budget, &id, "budget line")?;
        b.year = y;
        b.funder = funder.trim().to_string();
        b.amount_kr = amount_kr;
        Ok(())
    })
}

pub fn set_budget_line_removed(doc: &mut AutoCommit, id: EntryId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, if removed { "Tog bort budgetpost" } else { "Återställde budgetpost" }, |plan| {
        find(&mut plan.budget, &id, "budget line")?.deleted = removed;
        Ok(())
    })
}

/// Start a follow-up report (delrapport, slutrapport) for a period; its texts start empty.
pub fn add_report(doc: &mut AutoCommit, id: EntryId, kind: ReportKind, start: &str, end: &str, now: i64) -> Result<EntryId, DocError> {
    let (start, end) = period(start, end)?;
    edit(doc, now, format!("Påbörjade {}", kind.sv().to_lowercase()), |plan| {
        plan.reports.push(PlanReport::new(id, kind, &start, &end));
        Ok(id)
    })
}

/// One of a report's co-written texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportText {
    /// Anskaffade erfarenheter.
    Experiences,
    /// Händelser som påverkat handlingsplanen.
    Events,
    /// Rekommendationer.
    Recommendations,
    /// Förslag till förbättringar.
    Improvements,
}

impl ReportText {
    fn field(self) -> &'static str {
        match self {
            ReportText::Experiences => "experiences",
            ReportText::Events => "events",
            ReportText::Recommendations => "recommendations",
            ReportText::Improvements => "improvements",
        }
    }
}

/// Type into one of a report's texts. Not committed: call `doc::commit_typing`.
pub fn splice_report_text(doc: &mut AutoCommit, report: EntryId, text: ReportText, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    splice_at(doc, &TextPath::new(&[PLAN, "reports", &report.to_string()], text.field()), "report", pos, del, insert)
}

/// One of a risk's or budget line's co-written texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanText {
    RiskThreat(RiskId),
    RiskVulnerability(RiskId),
    RiskConsequence(RiskId),
    RiskMeasure(RiskId, EntryId),
    BudgetWhat(EntryId),
}

/// Type into a risk's or budget line's text. Not committed: call `doc::commit_typing`.
pub fn splice_plan_text(doc: &mut AutoCommit, text: PlanText, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    let path = match text {
        PlanText::RiskThreat(id) => TextPath::new(&[PLAN, "risks", &id.to_string()], "threat"),
        PlanText::RiskVulnerability(id) => TextPath::new(&[PLAN, "risks", &id.to_string()], "vulnerability"),
        PlanText::RiskConsequence(id) => TextPath::new(&[PLAN, "risks", &id.to_string()], "consequence"),
        PlanText::RiskMeasure(id, m) => TextPath::new(&[PLAN, "risks", &id.to_string(), "measures", &m.to_string()], "text"),
        PlanText::BudgetWhat(id) => TextPath::new(&[PLAN, "budget", &id.to_string()], "what"),
    };
    splice_at(doc, &path, "the action plan", pos, del, insert)
}
