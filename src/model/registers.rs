//! Registers across meetings (beslutsregister, åtgärdslista): every decision and action item of
//! the council's meetings in one list, filtered by person, organisation and status, with overdue
//! action items marked against `today`.

use chrono::NaiveDate;

use super::council::Council;
use super::ids::{ActionItemId, DecisionId, DocUrl, ItemId, OrganisationId, PersonId};
use super::meeting::{ActionItem, ActionStatus, AgendaItem, Meeting};
use super::time::parse_date;

/// Where a register entry was decided or assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub meeting_url: DocUrl,
    pub meeting_title: String,
    /// "YYYY-MM-DD".
    pub meeting_date: String,
    pub meeting_number: Option<u32>,
    pub item: ItemId,
    pub item_number: String,
    pub item_description: String,
}

impl Origin {
    fn new(url: &DocUrl, meeting: &Meeting, item: &AgendaItem) -> Self {
        Origin {
            meeting_url: url.clone(),
            meeting_title: meeting.title.clone(),
            meeting_date: meeting.date.clone(),
            meeting_number: meeting.number,
            item: item.id,
            item_number: item.number.clone(),
            item_description: item.description.as_str().to_string(),
        }
    }
}

/// One decision in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionEntry {
    pub origin: Origin,
    pub id: DecisionId,
    pub text: String,
}

/// Which decisions to show; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionFilter {
    /// Words the decision or its item must contain (case-insensitive).
    pub search: Option<String>,
    pub year: Option<i32>,
    /// A person named in the decision or responsible for its item (full or first name).
    pub person: Option<PersonId>,
}

/// One action item in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionEntry {
    pub origin: Origin,
    pub id: ActionItemId,
    pub what: String,
    pub who: String,
    /// The council's person: as linked, or found by the name written.
    pub person: Option<PersonId>,
    /// That person's organisation.
    pub organisation: Option<OrganisationId>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Open and past its due date.
    pub overdue: bool,
}

/// Which action items to show; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    pub person: Option<PersonId>,
    /// Kommun/organisation of the person responsible.
    pub organisation: Option<OrganisationId>,
    pub status: Option<ActionStatus>,
    pub overdue_only: bool,
}

/// Every decision of `meetings` (with their document URLs) that passes `filter`, oldest meeting
/// first and in agenda order within a meeting. Removed decisions and items are left out.
pub fn decisions_register(meetings: &[(DocUrl, Meeting)], council: &Council, filter: &DecisionFilter) -> Vec<DecisionEntry> {
    let person_names = filter.person.and_then(|p| council.person(p)).map(|p| name_forms(&p.name));
    let search = filter.search.as_ref().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for (url, meeting) in sorted(meetings) {
        if filter.year.is_some_and(|y| !meeting.date.starts_with(&format!("{y}-"))) {
            continue;
        }
        for item in meeting.visible_agenda() {
            for decision in item.visible_decisions() {
                let text = decision.text.as_str();
                let haystack = format!("{} {}", text, item.description.as_str()).to_lowercase();
                if search.as_ref().is_some_and(|s| !haystack.contains(s.as_str())) {
                    continue;
                }
                if let Some(names) = &person_names {
                    let lower = text.to_lowercase();
                    let named = names.iter().any(|n| lower.contains(n.as_str()));
                    if !named && !names.iter().any(|n| item.responsible.to_lowercase() == *n) {
                        continue;
                    }
                }
                out.push(DecisionEntry { origin: Origin::new(url, meeting, item), id: decision.id, text: text.to_string() });
            }
        }
    }
    out
}

/// Every action item of `meetings` that passes `filter`, soonest due first (no due date last,
/// then by meeting). Overdue is judged against `today`.
pub fn action_items_register(
    meetings: &[(DocUrl, Meeting)],
    council: &Council,
    filter: &ActionFilter,
    today: NaiveDate,
) -> Vec<ActionEntry> {
    let mut out = Vec::new();
    for (url, meeting) in sorted(meetings) {
        for item in meeting.visible_agenda() {
            for action in item.visible_action_items() {
                let entry = action_entry(url, meeting, item, action, council, today);
                if filter.person.is_some_and(|p| entry.person != Some(p))
                    || filter.organisation.is_some_and(|o| entry.organisation != Some(o))
                    || filter.status.is_some_and(|s| entry.status != s)
                    || (filter.overdue_only && !entry.overdue)
                {
                    continue;
                }
                out.push(entry);
            }
        }
    }
    // Stable sort keeps meeting and agenda order among equal due dates.
    out.sort_by_key(|e| (e.due.is_none(), e.due));
    out
}

fn action_entry(
    url: &DocUrl,
    meeting: &Meeting,
    item: &AgendaItem,
    action: &ActionItem,
    council: &Council,
    today: NaiveDate,
) -> ActionEntry {
    let who = action.who.trim().to_lowercase();
    let person = action.person.or_else(|| {
        // Only a full name identifies someone: first names repeat (two Lena in the council).
        council.people.iter().find(|p| p.name.to_lowercase() == who).map(|p| p.id)
    });
    let organisation = person.and_then(|p| council.person(p)).and_then(|p| p.organisation);
    let due = action.due.as_deref().and_then(|d| parse_date(d).ok());
    let overdue = action.status == ActionStatus::Open && due.is_some_and(|d| d < today);
    ActionEntry {
        origin: Origin::new(url, meeting, item),
        id: action.id,
        what: action.what.as_str().to_string(),
        who: action.who.clone(),
        person,
        organisation,
        due,
        status: action.status,
        overdue,
    }
}

fn sorted(meetings: &[(DocUrl, Meeting)]) -> Vec<&(DocUrl, Meeting)> {
    let mut sorted: Vec<&(DocUrl, Meeting)> = meetings.iter().collect();
    sorted.sort_by(|a, b| a.1.date.cmp(&b.1.date).then_with(|| a.0.cmp(&b.0)));
    sorted
}

/// A name as it may appear in running text: in full, and the first name ("Henrik").
fn name_forms(name: &str) -> Vec<String> {
    let full = name.trim().to_lowercase();
    let mut forms = vec![full.clone()];
    if let Some(first) = full.split_whitespace().next() {
        if first != full {
            forms.push(first.to_string());
        }
    }
    forms
}
