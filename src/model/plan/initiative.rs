//! An initiative of the action plan (insats/projekt) as held in its own document — focus area,
//! phase, scope, overview, goals, benefits, deliverables, effect indicators, groups,
//! participating municipalities and status reports — and what the council's root keeps of the
//! plan (`ActionPlan`): links to those documents, plan-wide risks and budget, the reports.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::error::PlanError;
use super::line::{visible, Line};
use super::money::{BudgetLine, EconomicBenefit};
use super::report::PlanReport;
use super::risk::Risk;
use super::status_report::{latest, StatusReport};
use crate::model::ids::{DeliverableId, DocUrl, EntryId, GroupId, InitiativeId, OrganisationId, PersonId};
use crate::model::keyed::Keyed;
use crate::model::time::parse_date;

/// The phase of an initiative (fas), in the order it moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Reconcile, Hydrate)]
pub enum Phase {
    /// Förstudie.
    #[default]
    PreStudy,
    /// Projektdirektiv.
    Directive,
    /// Genomförande.
    Implementation,
    /// Avslutad.
    Closed,
}

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::PreStudy, Phase::Directive, Phase::Implementation, Phase::Closed];

    pub fn sv(self) -> &'static str {
        match self {
            Phase::PreStudy => "Förstudie",
            Phase::Directive => "Projektdirektiv",
            Phase::Implementation => "Genomförande",
            Phase::Closed => "Avslutad",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Phase::PreStudy => "Pre-study",
            Phase::Directive => "Project directive",
            Phase::Implementation => "Implementation",
            Phase::Closed => "Closed",
        }
    }
}

/// Where a deliverable stands (status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum DeliverableStatus {
    /// Ej påbörjad.
    #[default]
    NotStarted,
    /// Pågående.
    Ongoing,
    /// Levererad.
    Done,
}

impl DeliverableStatus {
    pub fn sv(self) -> &'static str {
        match self {
            DeliverableStatus::NotStarted => "Ej påbörjad",
            DeliverableStatus::Ongoing => "Pågående",
            DeliverableStatus::Done => "Levererad",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            DeliverableStatus::NotStarted => "Not started",
            DeliverableStatus::Ongoing => "Ongoing",
            DeliverableStatus::Done => "Delivered",
        }
    }
}

/// A deliverable (leverabel), e.g. "L1 Metodhandbok för verksamhetsutveckling".
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Deliverable {
    #[key]
    pub id: DeliverableId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// ID as the council numbers them, "L1"; may be empty.
    pub code: String,
    /// Leverabel.
    pub name: Text,
    /// Beskrivning.
    pub description: Text,
    #[autosurgeon(missing = "DeliverableStatus::default")]
    pub status: DeliverableStatus,
    /// Klar senast, "YYYY-MM-DD", or empty.
    #[autosurgeon(missing = "String::new")]
    pub due: String,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// One measured value of an indicator (mätvärde).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Measurement {
    #[key]
    pub id: EntryId,
    /// Datum, "YYYY-MM-DD".
    pub date: String,
    pub value: f64,
}

/// An effect indicator (effektindikator), e.g. "Medverkande kommuner instämmer i hög grad eller
/// helt med att …", under the effect goal it measures, with a target and measured values.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct EffectIndicator {
    #[key]
    pub id: EntryId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// Effektmål, e.g. "Kommunledningar i Fyrbodals kommuner har goda förutsättningar …".
    pub goal: Text,
    /// Indikator.
    pub text: Text,
    /// Enhet, e.g. "%".
    #[autosurgeon(missing = "String::new")]
    pub unit: String,
    /// Målvärde.
    #[autosurgeon(missing = "Option::default")]
    pub target: Option<f64>,
    /// Mätvärden, in the order recorded.
    #[autosurgeon(missing = "Vec::new")]
    pub measurements: Vec<Measurement>,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

impl EffectIndicator {
    /// The latest measured value on or before `date` (all when `None`), by date.
    pub fn latest_measurement(&self, date: Option<&str>) -> Option<&Measurement> {
        self.measurements
            .iter()
            .filter(|m| date.is_none_or(|d| m.date.as_str() <= d))
            .max_by(|a, b| a.date.cmp(&b.date))
    }

    /// Whether the target is reached by the latest value (`None`: no target or no value yet).
    pub fn reached(&self, date: Option<&str>) -> Option<bool> {
        Some(self.latest_measurement(date)?.value >= self.target?)
    }
}

/// Kind of group (grupp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum GroupKind {
    /// Styrgrupp.
    Steering,
    /// Projektgrupp.
    Project,
    /// Annan grupp (referensgrupp, arbetsgrupp).
    Other,
}

impl GroupKind {
    pub fn sv(self) -> &'static str {
        match self {
            GroupKind::Steering => "Styrgrupp",
            GroupKind::Project => "Projektgrupp",
            GroupKind::Other => "Grupp",
        }
    }
}

/// A member of a group: one of the council's people. Keyed by the person, so two people adding
/// the same member at once give one member.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct GroupMember {
    #[key]
    pub person: PersonId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// A note as the seed writes one, e.g. "ersättare".
    #[autosurgeon(missing = "String::new")]
    pub note: String,
    #[autosurgeon(missing = "bool::default")]
    pub removed: bool,
}

impl Keyed for GroupMember {
    type Id = PersonId;
    fn id(&self) -> &PersonId {
        &self.person
    }
    fn position(&self) -> &str {
        &self.position
    }
}

/// A group (grupp), e.g. the styrgrupp of Digitala processer.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Group {
    #[key]
    pub id: GroupId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub kind: GroupKind,
    pub name: String,
    #[autosurgeon(with = "crate::model::keyed")]
    pub members: Vec<GroupMember>,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

impl Group {
    /// The members still in the group, in order.
    pub fn current_members(&self) -> impl Iterator<Item = &GroupMember> {
        self.members.iter().filter(|m| !m.removed)
    }
}

keyed_by!(Deliverable, DeliverableId);
keyed_by!(EffectIndicator, EntryId);
keyed_by!(Group, GroupId);

/// An initiative (insats), e.g. "Digitala processer". One initiative document hydrates to this.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Initiative {
    pub id: InitiativeId,
    /// Namn.
    pub name: Text,
    /// Ämnesområde, one of the mandate's focus areas as named there.
    #[autosurgeon(missing = "String::new")]
    pub focus_area: String,
    #[autosurgeon(missing = "Phase::default")]
    pub phase: Phase,
    /// Start, "YYYY-MM-DD", or empty until decided; deliverables may not be due before it.
    #[autosurgeon(missing = "String::new")]
    pub start: String,
    /// Slut, "YYYY-MM-DD", or empty.
    #[autosurgeon(missing = "String::new")]
    pub end: String,
    /// Omfattning.
    #[autosurgeon(with = "crate::model::keyed")]
    pub scope: Vec<Line>,
    /// Projektöversikt.
    #[autosurgeon(missing = "Text::default")]
    pub overview: Text,
    /// Projektmål.
    #[autosurgeon(with = "crate::model::keyed")]
    pub goals: Vec<Line>,
    /// Kortsiktig nytta.
    #[autosurgeon(with = "crate::model::keyed")]
    pub short_term_benefits: Vec<Line>,
    /// Långsiktig nytta.
    #[autosurgeon(with = "crate::model::keyed")]
    pub long_term_benefits: Vec<Line>,
    /// Potentiell ekonomisk nytta.
    #[autosurgeon(with = "crate::model::keyed")]
    pub economic_benefits: Vec<EconomicBenefit>,
    /// Leverabler, L1…Ln.
    #[autosurgeon(with = "crate::model::keyed")]
    pub deliverables: Vec<Deliverable>,
    /// Effektindikatorer.
    #[autosurgeon(with = "crate::model::keyed")]
    pub indicators: Vec<EffectIndicator>,
    /// Styrgrupp, projektgrupp.
    #[autosurgeon(with = "crate::model::keyed")]
    pub groups: Vec<Group>,
    /// Deltagande kommuner.
    #[autosurgeon(missing = "Vec::new")]
    pub municipalities: Vec<OrganisationId>,
    /// Statusrapporter, one per period.
    #[autosurgeon(with = "crate::model::keyed")]
    pub status_reports: Vec<StatusReport>,
}

impl Initiative {
    /// A new initiative with a name, in its first phase, with nothing else yet.
    pub fn new(id: InitiativeId, name: &str, focus_area: &str) -> Self {
        Initiative {
            id,
            name: Text::with_value(name.trim()),
            focus_area: focus_area.trim().to_string(),
            phase: Phase::PreStudy,
            start: String::new(),
            end: String::new(),
            scope: Vec::new(),
            overview: Text::default(),
            goals: Vec::new(),
            short_term_benefits: Vec::new(),
            long_term_benefits: Vec::new(),
            economic_benefits: Vec::new(),
            deliverables: Vec::new(),
            indicators: Vec::new(),
            groups: Vec::new(),
            municipalities: Vec::new(),
            status_reports: Vec::new(),
        }
    }

    pub fn visible_deliverables(&self) -> impl Iterator<Item = &Deliverable> {
        self.deliverables.iter().filter(|d| !d.deleted)
    }

    pub fn visible_indicators(&self) -> impl Iterator<Item = &EffectIndicator> {
        self.indicators.iter().filter(|i| !i.deleted)
    }

    pub fn visible_goals(&self) -> impl Iterator<Item = &Line> {
        visible(&self.goals)
    }

    /// The participating municipalities, each once (concurrent additions can add one twice).
    pub fn participating(&self) -> Vec<OrganisationId> {
        let mut out: Vec<OrganisationId> = Vec::new();
        for id in &self.municipalities {
            if !out.contains(id) {
                out.push(*id);
            }
        }
        out
    }

    /// The latest status report, if any.
    pub fn latest_status(&self) -> Option<&StatusReport> {
        latest(&self.status_reports)
    }

    /// The next free deliverable code, "L1" for the first: one more than the highest "L<n>".
    pub fn next_deliverable_code(&self) -> String {
        let n = self.deliverables.iter().filter_map(|d| d.code.strip_prefix('L')?.parse::<u32>().ok()).max().unwrap_or(0);
        format!("L{}", n + 1)
    }
}

/// A due date as typed: empty, or "YYYY-MM-DD" on or after `start` (when there is one).
pub fn due_date(text: &str, start: &str) -> Result<String, PlanError> {
    let due = text.trim();
    if due.is_empty() {
        return Ok(String::new());
    }
    if parse_date(due).is_err() {
        return Err(PlanError::UnreadableDate { text: due.to_string() });
    }
    if !start.is_empty() && due < start {
        return Err(PlanError::DueBeforeStart { start: start.to_string(), due: due.to_string() });
    }
    Ok(due.to_string())
}

/// A link from the council's root to one initiative document, with what the plan's overview
/// shows without opening it (kept up to date by `doc::plan::council::update_initiative_link`).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct InitiativeLink {
    #[key]
    pub url: DocUrl,
    pub id: InitiativeId,
    pub name: String,
    #[autosurgeon(missing = "String::new")]
    pub focus_area: String,
    #[autosurgeon(missing = "Phase::default")]
    pub phase: Phase,
}

impl InitiativeLink {
    pub fn of(url: DocUrl, initiative: &Initiative) -> Self {
        InitiativeLink {
            url,
            id: initiative.id,
            name: initiative.name.as_str().to_string(),
            focus_area: initiative.focus_area.clone(),
            phase: initiative.phase,
        }
    }
}

/// What the council's root document keeps of the action plan (handlingsplan): small, bounded
/// data only — links to the initiative and communication-plan documents (which grow with their
/// status reports), the plan's risks and budget lines, and the follow-up reports' own texts.
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct ActionPlan {
    /// The initiatives' documents, in the order they were added.
    #[autosurgeon(missing = "Vec::new")]
    pub initiatives: Vec<InitiativeLink>,
    /// The communication plan's document.
    #[autosurgeon(missing = "Option::default")]
    pub communication_plan: Option<DocUrl>,
    /// Riskanalys: the plan's risks, each optionally for one initiative.
    #[autosurgeon(with = "crate::model::keyed")]
    pub risks: Vec<Risk>,
    /// Budget: lines per year and funder.
    #[autosurgeon(with = "crate::model::keyed")]
    pub budget: Vec<BudgetLine>,
    /// Delrapporter and slutrapport: their period and the texts people write.
    #[autosurgeon(with = "crate::model::keyed")]
    pub reports: Vec<PlanReport>,
}

impl ActionPlan {
    /// The document links an overview opens: every initiative, then the communication plan.
    pub fn document_urls(&self) -> Vec<DocUrl> {
        let mut urls: Vec<DocUrl> = Vec::new();
        for u in self.initiatives.iter().map(|l| &l.url).chain(self.communication_plan.as_ref()) {
            if !urls.contains(u) {
                urls.push(u.clone());
            }
        }
        urls
    }

    pub fn visible_risks(&self) -> impl Iterator<Item = &Risk> {
        self.risks.iter().filter(|r| !r.deleted)
    }
}
