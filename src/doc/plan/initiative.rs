//! Change functions and hydration for an initiative's own document (insatsdokument): details
//! and phase, participating municipalities, the co-written lists and texts, deliverables,
//! economic benefits, effect indicators and groups. Status reports: `doc::plan::status`.

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Text};

use super::{append, edit_root, find, move_to, splice_at, TextPath};
use crate::doc::{commit_change, DocError};
use crate::model::plan::initiative::due_date;
use crate::model::plan::line::Line;
use crate::model::plan::money::parse_range;
use crate::model::plan::status_report::period;
use crate::model::plan::{
    BenefitUnit, Deliverable, DeliverableStatus, EconomicBenefit, EffectIndicator, Group, GroupKind, GroupMember,
    Initiative, Measurement, Phase, PlanError,
};
use crate::model::{Council, DeliverableId, EntryId, GroupId, OrganisationId, OrganisationKind, PersonId};

const WHAT: &str = "an initiative";

/// Write a new initiative into an empty document. Refused without a name. Then link it from
/// the council with `doc::plan::council::add_initiative_link` and `InitiativeLink::of`.
pub fn create_initiative(doc: &mut AutoCommit, initiative: &Initiative, now: i64) -> Result<(), DocError> {
    if initiative.name.as_str().trim().is_empty() {
        return Err(PlanError::EmptyName.into());
    }
    commit_change(doc, now, format!("Skapade insatsen {}", initiative.name.as_str()), |doc| {
        reconcile(doc, initiative).map_err(|e| DocError::write("the initiative", e))
    })
}

/// Read the initiative the document holds.
pub fn hydrate_initiative(doc: &AutoCommit) -> Result<Initiative, DocError> {
    hydrate(doc).map_err(|e| DocError::unreadable(WHAT, e))
}

fn edit<R>(doc: &mut AutoCommit, now: i64, message: impl Into<String>, f: impl FnOnce(&mut Initiative) -> Result<R, DocError>) -> Result<R, DocError> {
    edit_root(doc, now, WHAT, message, f)
}

/// The initiative's short fields as a form edits them (dates as typed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitiativeDetails {
    pub focus_area: String,
    pub phase: Phase,
    pub start: String,
    pub end: String,
}

impl InitiativeDetails {
    pub fn of(i: &Initiative) -> Self {
        InitiativeDetails { focus_area: i.focus_area.clone(), phase: i.phase, start: i.start.clone(), end: i.end.clone() }
    }
}

/// Save the focus area, phase and period. Refused when the period ends before it starts, or
/// when a deliverable would then be due before the start.
pub fn set_initiative_details(doc: &mut AutoCommit, details: InitiativeDetails, now: i64) -> Result<(), DocError> {
    let (start, end) = if details.start.trim().is_empty() {
        (String::new(), crate::model::council_setup::optional_date(&details.end).map_err(|_| PlanError::UnreadableDate { text: details.end.trim().into() })?)
    } else {
        period(&details.start, &details.end)?
    };
    edit(doc, now, "Ändrade insatsens uppgifter", |i| {
        if let Some(d) = i.visible_deliverables().find(|d| !d.due.is_empty() && !start.is_empty() && d.due < start) {
            return Err(PlanError::DueBeforeStart { start: start.clone(), due: d.due.clone() }.into());
        }
        i.focus_area = details.focus_area.trim().to_string();
        i.phase = details.phase;
        i.start = start;
        i.end = end;
        Ok(())
    })
}

/// Move the initiative to another phase (förstudie → projektdirektiv → genomförande → avslutad).
pub fn set_phase(doc: &mut AutoCommit, phase: Phase, now: i64) -> Result<(), DocError> {
    edit(doc, now, format!("Fas: {}", phase.sv()), |i| {
        i.phase = phase;
        Ok(())
    })
}

/// A municipality takes part (`true`) or no longer does. Only the council's municipalities.
pub fn set_participating(doc: &mut AutoCommit, council: &Council, organisation: OrganisationId, participating: bool, now: i64) -> Result<(), DocError> {
    if participating && !council.current_organisations().any(|o| o.id == organisation && o.kind == OrganisationKind::Municipality) {
        return Err(PlanError::NotAMunicipality.into());
    }
    edit(doc, now, if participating { "Kommun deltar" } else { "Kommun deltar inte längre" }, |i| {
        // Concurrent additions can leave a municipality twice; removing takes every copy.
        i.municipalities.retain(|o| *o != organisation);
        if participating {
            i.municipalities.push(organisation);
        }
        Ok(())
    })
}

/// One of the initiative's co-written lists of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitiativeList {
    /// Omfattning.
    Scope,
    /// Projektmål.
    Goals,
    /// Kortsiktig nytta.
    ShortTermBenefits,
    /// Långsiktig nytta.
    LongTermBenefits,
}

impl InitiativeList {
    fn field(self) -> &'static str {
        match self {
            InitiativeList::Scope => "scope",
            InitiativeList::Goals => "goals",
            InitiativeList::ShortTermBenefits => "short_term_benefits",
            InitiativeList::LongTermBenefits => "long_term_benefits",
        }
    }

    pub fn of(self, i: &Initiative) -> &[Line] {
        match self {
            InitiativeList::Scope => &i.scope,
            InitiativeList::Goals => &i.goals,
            InitiativeList::ShortTermBenefits => &i.short_term_benefits,
            InitiativeList::LongTermBenefits => &i.long_term_benefits,
        }
    }

    fn of_mut(self, i: &mut Initiative) -> &mut Vec<Line> {
        match self {
            InitiativeList::Scope => &mut i.scope,
            InitiativeList::Goals => &mut i.goals,
            InitiativeList::ShortTermBenefits => &mut i.short_term_benefits,
            InitiativeList::LongTermBenefits => &mut i.long_term_benefits,
        }
    }
}

/// Add a line last in a list.
pub fn add_line(doc: &mut AutoCommit, list: InitiativeList, id: EntryId, text: &str, now: i64) -> Result<EntryId, DocError> {
    edit(doc, now, "Lade till rad", |i| {
        append(list.of_mut(i), |position| Line::new(id, position, text));
        Ok(id)
    })
}

/// Remove a line (recoverable), or restore it.
pub fn set_line_removed(doc: &mut AutoCommit, list: InitiativeList, id: EntryId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, if removed { "Tog bort rad" } else { "Återställde rad" }, |i| {
        find(list.of_mut(i), &id, "line")?.deleted = removed;
        Ok(())
    })
}

/// Move a line to `new_index` among the shown lines.
pub fn move_line(doc: &mut AutoCommit, list: InitiativeList, id: EntryId, new_index: usize, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Flyttade rad", |i| move_to(list.of_mut(i), &id, new_index, |l| !l.deleted, |l, p| l.position = p, "line"))
}

/// Fields of a new deliverable (ny leverabel); an empty code becomes the next "L<n>".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewDeliverable {
    pub code: String,
    pub name: String,
    pub description: String,
    pub status: DeliverableStatus,
    /// "YYYY-MM-DD" or empty.
    pub due: String,
}

/// Add a deliverable last. Refused when it is due before the initiative starts.
pub fn add_deliverable(doc: &mut AutoCommit, id: DeliverableId, fields: NewDeliverable, now: i64) -> Result<DeliverableId, DocError> {
    edit(doc, now, "Lade till leverabel", |i| {
        let due = due_date(&fields.due, &i.start)?;
        let code = if fields.code.trim().is_empty() { i.next_deliverable_code() } else { fields.code.trim().to_string() };
        append(&mut i.deliverables, |position| Deliverable {
            id,
            position,
            code,
            name: Text::with_value(fields.name.trim()),
            description: Text::with_value(fields.description.trim()),
            status: fields.status,
            due,
            deleted: false,
        });
        Ok(id)
    })
}

/// Changes to a deliverable's short fields; `None` leaves a field as it is, so two people
/// changing different fields at once both keep theirs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeliverableEdit {
    pub code: Option<String>,
    pub status: Option<DeliverableStatus>,
    /// `Some("")` clears the due date.
    pub due: Option<String>,
}

pub fn edit_deliverable(doc: &mut AutoCommit, id: DeliverableId, change: DeliverableEdit, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Ändrade leverabel", |i| {
        let due = change.due.as_deref().map(|d| due_date(d, &i.start)).transpose()?;
        let d = find(&mut i.deliverables, &id, "deliverable")?;
        if let Some(code) = change.code {
            d.code = code.trim().to_string();
        }
        if let Some(status) = change.status {
            d.status = status;
        }
        if let Some(due) = due {
            d.due = due;
        }
        Ok(())
    })
}

/// Move a deliverable to `new_index` among the shown ones; only its order key changes, so a
/// concurrent edit of its texts survives.
pub fn move_deliverable(doc: &mut AutoCommit, id: DeliverableId, new_index: usize, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Flyttade leverabel", |i| move_to(&mut i.deliverables, &id, new_index, |d| !d.deleted, |d, p| d.position = p, "deliverable"))
}

pub fn set_deliverable_removed(doc: &mut AutoCommit, id: DeliverableId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, if removed { "Tog bort leverabel" } else { "Återställde leverabel" }, |i| {
        find(&mut i.deliverables, &id, "deliverable")?.deleted = removed;
        Ok(())
    })
}

/// Fields of a new economic benefit; the range as typed ("20–30 %").
#[derive(Debug, Clone, PartialEq)]
pub struct NewBenefit {
    pub description: String,
    pub range: String,
    pub unit: BenefitUnit,
    pub note: String,
}

/// Add a potential economic benefit. Refused when the range cannot be read, is upside down or
/// goes above 100 %.
pub fn add_economic_benefit(doc: &mut AutoCommit, id: EntryId, fields: NewBenefit, now: i64) -> Result<EntryId, DocError> {
    let range = parse_range(&fields.range)?;
    edit(doc, now, "Lade till ekonomisk nytta", |i| {
        append(&mut i.economic_benefits, |position| EconomicBenefit {
            id,
            position,
            description: Text::with_value(fields.description.trim()),
            range,
            unit: fields.unit,
            note: fields.note.trim().to_string(),
            deleted: false,
        });
        Ok(id)
    })
}

/// Change a benefit's range (as typed), unit and note.
pub fn set_economic_benefit(doc: &mut AutoCommit, id: EntryId, range: &str, unit: BenefitUnit, note: &str, now: i64) -> Result<(), DocError> {
    let range = parse_range(range)?;
    edit(doc, now, "Ändrade ekonomisk nytta", |i| {
        let b = find(&mut i.economic_benefits, &id, "economic benefit")?;
        b.range = range;
        b.unit = unit;
        b.note = note.trim().to_string();
        Ok(())
    })
}

pub fn set_economic_benefit_removed(doc: &mut AutoCommit, id: EntryId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Ändrade ekonomisk nytta", |i| {
        find(&mut i.economic_benefits, &id, "economic benefit")?.deleted = removed;
        Ok(())
    })
}

/// A measured or target value as typed: "80", "80 %", "12,5".
fn value(text: &str) -> Result<f64, PlanError> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".").replace([' ', '\u{a0}'], "");
    t.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or_else(|| PlanError::NotANumber { text: text.trim().to_string() })
}

fn optional_value(text: &str) -> Result<Option<f64>, PlanError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        value(text).map(Some)
    }
}

/// Fields of a new effect indicator; the target as typed (may be empty).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewIndicator {
    pub goal: String,
    pub text: String,
    pub unit: String,
    pub target: String,
}

pub fn add_indicator(doc: &mut AutoCommit, id: EntryId, fields: NewIndicator, now: i64) -> Result<EntryId, DocError> {
    let target = optional_value(&fields.target)?;
    edit(doc, now, "Lade till effektindikator", |i| {
        append(&mut i.indicators, |position| EffectIndicator {
            id,
            position,
            goal: Text::with_value(fields.goal.trim()),
            text: Text::with_value(fields.text.trim()),
            unit: fields.unit.trim().to_string(),
            target,
            measurements: Vec::new(),
            deleted: false,
        });
        Ok(id)
    })
}

/// Set (or clear, with "") an indicator's target value.
pub fn set_indicator_target(doc: &mut AutoCommit, id: EntryId, target: &str, now: i64) -> Result<(), DocError> {
    let target = optional_value(target)?;
    edit(doc, now, "Ändrade målvärde", |i| {
        find(&mut i.indicators, &id, "indicator")?.target = target;
        Ok(())
    })
}

/// Record a measured value (mätvärde) on a date.
pub fn record_measurement(doc: &mut AutoCommit, indicator: EntryId, id: EntryId, date: &str, measured: &str, now: i64) -> Result<(), DocError> {
    let date = due_date(date, "")?;
    if date.is_empty() {
        return Err(PlanError::UnreadableDate { text: String::new() }.into());
    }
    let value = value(measured)?;
    edit(doc, now, "Registrerade mätvärde", |i| {
        find(&mut i.indicators, &indicator, "indicator")?.measurements.push(Measurement { id, date, value });
        Ok(())
    })
}

pub fn set_indicator_removed(doc: &mut AutoCommit, id: EntryId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Ändrade effektindikator", |i| {
        find(&mut i.indicators, &id, "indicator")?.deleted = removed;
        Ok(())
    })
}

/// Add a group (styrgrupp, projektgrupp).
pub fn add_group(doc: &mut AutoCommit, id: GroupId, kind: GroupKind, name: &str, now: i64) -> Result<GroupId, DocError> {
    let name = name.trim();
    let name = if name.is_empty() { kind.sv().to_string() } else { name.to_string() };
    edit(doc, now, format!("Lade till {name}"), |i| {
        append(&mut i.groups, |position| Group { id, position, kind, name, members: Vec::new(), deleted: false });
        Ok(id)
    })
}

pub fn set_group_removed(doc: &mut AutoCommit, id: GroupId, removed: bool, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Ändrade grupp", |i| {
        find(&mut i.groups, &id, "group")?.deleted = removed;
        Ok(())
    })
}

/// Put one of the council's people in a group (or update their note), last in order. The
/// member is keyed by the person, so two people adding the same member give one.
pub fn add_group_member(doc: &mut AutoCommit, council: &Council, group: GroupId, person: PersonId, note: &str, now: i64) -> Result<(), DocError> {
    if !council.current_people().any(|p| p.id == person) {
        return Err(PlanError::PersonNotInCouncil.into());
    }
    edit(doc, now, "Lade till gruppmedlem", |i| {
        let g = find(&mut i.groups, &group, "group")?;
        match g.members.iter_mut().find(|m| m.person == person) {
            Some(m) => {
                m.removed = false;
                m.note = note.trim().to_string();
            }
            None => append(&mut g.members, |position| GroupMember { person, position, note: note.trim().to_string(), removed: false }),
        }
        Ok(())
    })
}

/// Take a person out of a group (kept, marked removed, so it can be undone).
pub fn remove_group_member(doc: &mut AutoCommit, group: GroupId, person: PersonId, now: i64) -> Result<(), DocError> {
    edit(doc, now, "Tog bort gruppmedlem", |i| {
        let g = find(&mut i.groups, &group, "group")?;
        find(&mut g.members, &person, "group")?.removed = true;
        Ok(())
    })
}

/// One of the initiative's co-written texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitiativeText {
    /// Namn.
    Name,
    /// Projektöversikt.
    Overview,
    Line(InitiativeList, EntryId),
    DeliverableName(DeliverableId),
    DeliverableDescription(DeliverableId),
    BenefitDescription(EntryId),
    IndicatorGoal(EntryId),
    IndicatorText(EntryId),
}

impl InitiativeText {
    fn path(self) -> TextPath {
        match self {
            InitiativeText::Name => TextPath::new(&[], "name"),
            InitiativeText::Overview => TextPath::new(&[], "overview"),
            InitiativeText::Line(list, id) => TextPath::new(&[list.field(), &id.to_string()], "text"),
            InitiativeText::DeliverableName(id) => TextPath::new(&["deliverables", &id.to_string()], "name"),
            InitiativeText::DeliverableDescription(id) => TextPath::new(&["deliverables", &id.to_string()], "description"),
            InitiativeText::BenefitDescription(id) => TextPath::new(&["economic_benefits", &id.to_string()], "description"),
            InitiativeText::IndicatorGoal(id) => TextPath::new(&["indicators", &id.to_string()], "goal"),
            InitiativeText::IndicatorText(id) => TextPath::new(&["indicators", &id.to_string()], "text"),
        }
    }

    /// The text as the initiative holds it now (empty when the item is gone).
    pub fn of(self, i: &Initiative) -> String {
        let s = match self {
            InitiativeText::Name => Some(i.name.as_str()),
            InitiativeText::Overview => Some(i.overview.as_str()),
            InitiativeText::Line(list, id) => list.of(i).iter().find(|l| l.id == id).map(|l| l.text.as_str()),
            InitiativeText::DeliverableName(id) => i.deliverables.iter().find(|d| d.id == id).map(|d| d.name.as_str()),
            InitiativeText::DeliverableDescription(id) => i.deliverables.iter().find(|d| d.id == id).map(|d| d.description.as_str()),
            InitiativeText::BenefitDescription(id) => i.economic_benefits.iter().find(|b| b.id == id).map(|b| b.description.as_str()),
            InitiativeText::IndicatorGoal(id) => i.indicators.iter().find(|x| x.id == id).map(|x| x.goal.as_str()),
            InitiativeText::IndicatorText(id) => i.indicators.iter().find(|x| x.id == id).map(|x| x.text.as_str()),
        };
        s.unwrap_or_default().to_string()
    }
}

/// Type into one of the initiative's texts. Not committed: call `doc::commit_typing`.
pub fn splice_initiative_text(doc: &mut AutoCommit, text: InitiativeText, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    splice_at(doc, &text.path(), "the initiative", pos, del, insert)
}
