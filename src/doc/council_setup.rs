//! Change functions for a council's setup in its root document: its details and period, the
//! mandate's texts and lists, organisations, people, roles and their holders, and the meeting
//! rules. Input is checked by `model::council_setup` before anything is written.
//!
//! Structural edits hydrate the council, change the typed value and reconcile it back, which
//! writes only what differs; co-written texts are spliced in place (per-character merge).

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value, ROOT};
use autosurgeon::{reconcile, Text};

use super::council::hydrate_council;
use super::meeting::splice_text_field;
use super::{commit_change, DocError};
use crate::model::council_setup::{self as rules, Named, SetupError};
use crate::model::meeting_rules::MeetingRules;
use crate::model::{
    Council, Entry, EntryId, FollowUpReport, MandateVersion, Organisation, OrganisationId, OrganisationKind, Person, PersonId,
    Role, RoleHolder, RoleId,
};

impl From<SetupError> for DocError {
    fn from(e: SetupError) -> Self {
        DocError::Refused(e)
    }
}

/// Hydrate the council, let `f` change it, and write back what changed, as one change.
fn edit_council<T>(
    doc: &mut AutoCommit,
    now: i64,
    message: impl Into<String>,
    f: impl FnOnce(&mut Council) -> Result<T, DocError>,
) -> Result<T, DocError> {
    commit_change(doc, now, message, |doc| {
        let mut council = hydrate_council(doc)?;
        let value = f(&mut council)?;
        reconcile(doc, &council).map_err(|e| DocError::write("the council", e))?;
        Ok(value)
    })
}

/// Write a new council (ett nytt råd) with its name and organisation into an empty document.
pub fn create_new_council(doc: &mut AutoCommit, name: &str, organisation: &str, now: i64) -> Result<(), DocError> {
    let name = rules::name(name, Named::Council)?;
    let council = Council::new(name, organisation.trim());
    super::council::create_council(doc, &council, now)
}

/// The council's details as the settings form edits them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CouncilDetails {
    pub name: String,
    pub organisation: String,
    pub commissioner: String,
    pub recipient: String,
    pub funder: String,
    pub period_start: String,
    pub period_end: String,
}

impl CouncilDetails {
    pub fn of(c: &Council) -> Self {
        CouncilDetails {
            name: c.name.clone(),
            organisation: c.organisation.clone(),
            commissioner: c.commissioner.clone(),
            recipient: c.recipient.clone(),
            funder: c.funder.clone(),
            period_start: c.period_start.clone(),
            period_end: c.period_end.clone(),
        }
    }
}

/// Save the council's name, organisation, commissioner, funder and period.
pub fn set_council_details(doc: &mut AutoCommit, details: CouncilDetails, now: i64) -> Result<(), DocError> {
    let name = rules::name(&details.name, Named::Council)?;
    let (start, end) = rules::period(&details.period_start, &details.period_end)?;
    edit_council(doc, now, "Ändrade rådets uppgifter", |c| {
        c.name = name;
        c.organisation = details.organisation.trim().into();
        c.commissioner = details.commissioner.trim().into();
        c.recipient = details.recipient.trim().into();
        c.funder = details.funder.trim().into();
        c.period_start = start;
        c.period_end = end;
        Ok(())
    })
}

/// Save the council's meeting rules (mötesregler).
pub fn set_meeting_rules(doc: &mut AutoCommit, new: MeetingRules, now: i64) -> Result<(), DocError> {
    edit_council(doc, now, "Ändrade mötesreglerna", |c| {
        c.rules = MeetingRules {
            default_place: new.default_place.trim().into(),
            default_video_link: new.default_video_link.trim().into(),
            ..new
        };
        Ok(())
    })
}

/// An organisation as the form gives it: the population as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationForm {
    pub name: String,
    pub kind: OrganisationKind,
    pub population: String,
}

/// Add an organisation (lägg till organisation).
pub fn add_organisation(doc: &mut AutoCommit, id: OrganisationId, form: OrganisationForm, now: i64) -> Result<(), DocError> {
    let name = rules::name(&form.name, Named::Organisation)?;
    let population = rules::population(&form.population)?;
    edit_council(doc, now, format!("Lade till {name}"), |c| {
        c.organisations.push(Organisation { id, name, kind: form.kind, population, removed: false });
        Ok(())
    })
}

/// Change an organisation's name, kind and population.
pub fn update_organisation(doc: &mut AutoCommit, id: OrganisationId, form: OrganisationForm, now: i64) -> Result<(), DocError> {
    let name = rules::name(&form.name, Named::Organisation)?;
    let population = rules::population(&form.population)?;
    edit_council(doc, now, format!("Ändrade {name}"), |c| {
        let o = c.organisations.iter_mut().find(|o| o.id == id).ok_or_else(|| not_found("organisation", id))?;
        o.name = name;
        o.kind = form.kind;
        o.population = population;
        Ok(())
    })
}

/// Remove an organisation, or put it back (`removed: false`). Kept in the document either way,
/// so people and old minutes that name it still read.
pub fn set_organisation_removed(doc: &mut AutoCommit, id: OrganisationId, removed: bool, now: i64) -> Result<(), DocError> {
    edit_council(doc, now, if removed { "Tog bort organisation" } else { "Återställde organisation" }, |c| {
        let o = c.organisations.iter_mut().find(|o| o.id == id).ok_or_else(|| not_found("organisation", id))?;
        o.removed = removed;
        Ok(())
    })
}

/// Import the demo's fourteen municipalities (with population) into this council, skipping any
/// it already has by name. Returns how many were added.
pub fn import_demo_municipalities(doc: &mut AutoCommit, fresh_id: impl FnMut() -> OrganisationId, now: i64) -> Result<usize, DocError> {
    edit_council(doc, now, "Importerade demorådets kommuner", |c| {
        let has = |c: &Council, name: &str| c.current_organisations().any(|o| o.name.to_lowercase() == name.to_lowercase());
        let new: Vec<Organisation> = super::demo::demo_municipalities(fresh_id).into_iter().filter(|o| !has(c, &o.name)).collect();
        let n = new.len();
        c.organisations.extend(new);
        Ok(n)
    })
}

/// A person as the form gives them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonForm {
    pub name: String,
    pub organisation: Option<OrganisationId>,
    pub email: String,
    pub phone: String,
}

/// Add a person (lägg till person).
pub fn add_person(doc: &mut AutoCommit, id: PersonId, form: PersonForm, now: i64) -> Result<(), DocError> {
    let name = rules::name(&form.name, Named::Person)?;
    edit_council(doc, now, format!("Lade till {name}"), |c| {
        let mut p = Person::new(id, name, form.organisation);
        p.email = form.email.trim().into();
        p.phone = form.phone.trim().into();
        c.people.push(p);
        Ok(())
    })
}

/// Change a person's name, organisation, e-mail and phone.
pub fn update_person(doc: &mut AutoCommit, id: PersonId, form: PersonForm, now: i64) -> Result<(), DocError> {
    let name = rules::name(&form.name, Named::Person)?;
    edit_council(doc, now, format!("Ändrade {name}"), |c| {
        let p = c.people.iter_mut().find(|p| p.id == id).ok_or_else(|| not_found("person", id))?;
        p.name = name;
        p.organisation = form.organisation;
        p.email = form.email.trim().into();
        p.phone = form.phone.trim().into();
        Ok(())
    })
}

/// Remove a person from the council, or put them back. They stay in the document, so minutes
/// and action items that name them still do.
pub fn set_person_removed(doc: &mut AutoCommit, id: PersonId, removed: bool, now: i64) -> Result<(), DocError> {
    edit_council(doc, now, if removed { "Tog bort person" } else { "Återställde person" }, |c| {
        let p = c.people.iter_mut().find(|p| p.id == id).ok_or_else(|| not_found("person", id))?;
        p.removed = removed;
        Ok(())
    })
}

/// Add a role (lägg till roll) with its number of seats, if decided ("" = not decided).
pub fn add_role(doc: &mut AutoCommit, id: RoleId, title: &str, seats: &str, now: i64) -> Result<(), DocError> {
    let title = rules::name(title, Named::Role)?;
    let seats = optional_seats(seats)?;
    edit_council(doc, now, format!("Lade till rollen {title}"), |c| {
        let mut role = Role::new(id, title);
        role.seats = seats;
        c.roles.push(role);
        Ok(())
    })
}

fn optional_seats(text: &str) -> Result<Option<u32>, SetupError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        rules::number(text, rules::RuleNumber::Seats).map(Some)
    }
}

/// Change a role's title, seats and whether it is co-opted (adjungerad).
pub fn update_role(doc: &mut AutoCommit, id: RoleId, title: &str, seats: &str, co_opted: bool, now: i64) -> Result<(), DocError> {
    let title = rules::name(title, Named::Role)?;
    let seats = optional_seats(seats)?;
    edit_council(doc, now, format!("Ändrade rollen {title}"), |c| {
        let r = c.roles.iter_mut().find(|r| r.id == id).ok_or_else(|| not_found("role", id))?;
        r.title = title;
        r.seats = seats;
        r.co_opted = co_opted;
        Ok(())
    })
}

/// Remove a role, or put it back.
pub fn set_role_removed(doc: &mut AutoCommit, id: RoleId, removed: bool, now: i64) -> Result<(), DocError> {
    edit_council(doc, now, if removed { "Tog bort roll" } else { "Återställde roll" }, |c| {
        let r = c.roles.iter_mut().find(|r| r.id == id).ok_or_else(|| not_found("role", id))?;
        r.removed = removed;
        Ok(())
    })
}

/// Give a role to a person in the council from `from` to `to` (either may be empty). Refused
/// for someone not in the council, a period that ends before it starts, and when every seat is
/// held for part of that period.
pub fn add_role_holder(
    doc: &mut AutoCommit,
    role: RoleId,
    holder: EntryId,
    person: PersonId,
    from: &str,
    to: &str,
    now: i64,
) -> Result<(), DocError> {
    let (from, to) = rules::period(from, to)?;
    edit_council(doc, now, "Bemannade roll", |c| {
        rules::holder_in_council(c, person)?;
        let r = c.roles.iter_mut().find(|r| r.id == role).ok_or_else(|| not_found("role", role))?;
        if let Some(seats) = r.seats {
            let overlapping = r.holders.iter().filter(|h| rules::periods_overlap((&h.from, &h.to), (&from, &to))).count();
            if overlapping >= seats as usize {
                return Err(SetupError::SeatsTaken { seats }.into());
            }
        }
        r.holders.push(RoleHolder { id: holder, person, from, to });
        Ok(())
    })
}

/// End or correct a holder's period.
pub fn set_holder_period(doc: &mut AutoCommit, role: RoleId, holder: EntryId, from: &str, to: &str, now: i64) -> Result<(), DocError> {
    let (from, to) = rules::period(from, to)?;
    edit_council(doc, now, "Ändrade innehavarens period", |c| {
        let r = c.roles.iter_mut().find(|r| r.id == role).ok_or_else(|| not_found("role", role))?;
        let h = r.holders.iter_mut().find(|h| h.id == holder).ok_or_else(|| not_found("holder", holder))?;
        h.from = from;
        h.to = to;
        Ok(())
    })
}

/// Take a holder off a role (a mistake; a holder who leaves gets an end date instead).
pub fn remove_role_holder(doc: &mut AutoCommit, role: RoleId, holder: EntryId, now: i64) -> Result<(), DocError> {
    edit_council(doc, now, "Tog bort innehavare", |c| {
        let r = c.roles.iter_mut().find(|r| r.id == role).ok_or_else(|| not_found("role", role))?;
        r.holders.retain(|h| h.id != holder);
        Ok(())
    })
}

/// Add a row to the mandate's version history (versionshistorik) when a new version is issued.
pub fn add_mandate_version(doc: &mut AutoCommit, row: MandateVersion, now: i64) -> Result<(), DocError> {
    let date = rules::optional_date(&row.date)?;
    if date.is_empty() {
        return Err(SetupError::UnreadableDate { text: String::new() }.into());
    }
    edit_council(doc, now, format!("Ny version {} av uppdragshandlingen", row.version.trim()), |c| {
        c.mandate.version_history.push(MandateVersion {
            date,
            version: row.version.trim().into(),
            issued_by: row.issued_by.trim().into(),
            reason: row.reason.trim().into(),
            ..row
        });
        Ok(())
    })
}

/// Add a follow-up report (delrapport, slutrapport) with its date.
pub fn add_follow_up(doc: &mut AutoCommit, id: EntryId, name: &str, due: &str, now: i64) -> Result<(), DocError> {
    let due = rules::optional_date(due)?;
    let name = name.trim().to_string();
    edit_council(doc, now, format!("Lade till {name}"), |c| {
        c.mandate.follow_up.push(FollowUpReport { id, name, due, contents: Vec::new() });
        Ok(())
    })
}

/// Set a follow-up report's date.
pub fn set_follow_up_due(doc: &mut AutoCommit, id: EntryId, due: &str, now: i64) -> Result<(), DocError> {
    let due = rules::optional_date(due)?;
    edit_council(doc, now, "Ändrade rapportens datum", |c| {
        let r = c.mandate.follow_up.iter_mut().find(|r| r.id == id).ok_or_else(|| not_found("report", id))?;
        r.due = due;
        Ok(())
    })
}

/// One of the mandate's co-written texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MandateText {
    /// Bakgrund.
    Background,
    /// Syfte.
    Purpose,
    /// Avgränsning.
    Scope,
    /// Sammanfattning av uppdraget.
    Summary,
}

impl MandateText {
    fn field(self) -> &'static str {
        match self {
            MandateText::Background => "background",
            MandateText::Purpose => "purpose",
            MandateText::Scope => "scope",
            MandateText::Summary => "summary",
        }
    }

    pub fn of(self, c: &Council) -> String {
        let m = &c.mandate;
        match self {
            MandateText::Background => m.background.as_str(),
            MandateText::Purpose => m.purpose.as_str(),
            MandateText::Scope => m.scope.as_str(),
            MandateText::Summary => m.summary.as_str(),
        }
        .to_string()
    }
}

/// Type into one of the mandate's texts; committed with the rest of the typing.
pub fn splice_mandate(doc: &mut AutoCommit, text: MandateText, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    let mandate = map_at(doc, &ROOT, "mandate")?;
    splice_text_field(doc, &mandate, text.field(), pos, del, insert)
}

/// A co-written list of lines in the mandate or a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryList {
    /// Mål.
    Goals,
    /// Ämnesområden.
    FocusAreas,
    /// Förhållningsregler.
    RulesOfConduct,
    /// What a follow-up report contains.
    FollowUpContents(EntryId),
    /// A role's ansvar.
    Responsibilities(RoleId),
    /// A role's befogenheter.
    Powers(RoleId),
}

impl EntryList {
    pub fn of(self, c: &Council) -> Vec<Entry> {
        let m = &c.mandate;
        match self {
            EntryList::Goals => m.goals.clone(),
            EntryList::FocusAreas => m.focus_areas.clone(),
            EntryList::RulesOfConduct => m.rules_of_conduct.clone(),
            EntryList::FollowUpContents(id) => m.follow_up.iter().find(|r| r.id == id).map(|r| r.contents.clone()).unwrap_or_default(),
            EntryList::Responsibilities(id) => c.roles.iter().find(|r| r.id == id).map(|r| r.responsibilities.clone()).unwrap_or_default(),
            EntryList::Powers(id) => c.roles.iter().find(|r| r.id == id).map(|r| r.powers.clone()).unwrap_or_default(),
        }
    }

    /// The list's object in the document.
    fn obj(self, doc: &mut AutoCommit) -> Result<ObjId, DocError> {
        let (parent, field) = match self {
            EntryList::Goals => (map_at(doc, &ROOT, "mandate")?, "goals"),
            EntryList::FocusAreas => (map_at(doc, &ROOT, "mandate")?, "focus_areas"),
            EntryList::RulesOfConduct => (map_at(doc, &ROOT, "mandate")?, "rules_of_conduct"),
            EntryList::FollowUpContents(id) => {
                let mandate = map_at(doc, &ROOT, "mandate")?;
                (keyed_element(doc, &mandate, "follow_up", &id.to_string())?, "contents")
            }
            EntryList::Responsibilities(id) => (keyed_element(doc, &ROOT, "roles", &id.to_string())?, "responsibilities"),
            EntryList::Powers(id) => (keyed_element(doc, &ROOT, "roles", &id.to_string())?, "powers"),
        };
        match doc.get(&parent, field)? {
            Some((Value::Object(ObjType::List), list)) => Ok(list),
            None => Ok(doc.put_object(&parent, field, ObjType::List)?),
            Some((other, _)) => Err(DocError::unreadable("a council", format!("{field} is {other:?}"))),
        }
    }
}

/// Add a line at the end of a list. Inserted (not the list rewritten), so two people adding
/// at once both keep theirs.
pub fn add_entry(doc: &mut AutoCommit, list: EntryList, id: EntryId, text: &str, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Lade till rad", |doc| {
        let obj = list.obj(doc)?;
        let end = doc.length(&obj);
        autosurgeon::reconcile_insert(doc, obj, end, &Entry { id, text: Text::with_value(text) })
            .map_err(|e| DocError::write("the entry", e))
    })
}

/// Type into a line of a list; committed with the rest of the typing.
pub fn splice_entry(doc: &mut AutoCommit, list: EntryList, id: EntryId, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    let obj = list.obj(doc)?;
    let entry = element_with_id(doc, &obj, &id.to_string())?;
    splice_text_field(doc, &entry, "text", pos, del, insert)
}

/// Remove a line from a list.
pub fn remove_entry(doc: &mut AutoCommit, list: EntryList, id: EntryId, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Tog bort rad", |doc| {
        let obj = list.obj(doc)?;
        let index = index_with_id(doc, &obj, &id.to_string())?;
        doc.delete(&obj, index)?;
        Ok(())
    })
}

fn not_found(what: &'static str, id: impl ToString) -> DocError {
    DocError::EntryNotFound { what, id: id.to_string() }
}

fn map_at(doc: &mut AutoCommit, parent: &ObjId, field: &'static str) -> Result<ObjId, DocError> {
    match doc.get(parent, field)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        None => Ok(doc.put_object(parent, field, ObjType::Map)?),
        Some((other, _)) => Err(DocError::unreadable("a council", format!("{field} is {other:?}"))),
    }
}

/// The map in `parent[field]` (a list) whose "id" is `id`.
fn keyed_element(doc: &mut AutoCommit, parent: &ObjId, field: &'static str, id: &str) -> Result<ObjId, DocError> {
    match doc.get(parent, field)? {
        Some((Value::Object(ObjType::List), list)) => element_with_id(doc, &list, id),
        _ => Err(DocError::EntryNotFound { what: field, id: id.to_string() }),
    }
}

fn index_with_id(doc: &AutoCommit, list: &ObjId, id: &str) -> Result<usize, DocError> {
    (0..doc.length(list))
        .find(|&i| {
            let Ok(Some((Value::Object(ObjType::Map), obj))) = doc.get(list, i) else { return false };
            matches!(doc.get(&obj, "id"), Ok(Some((Value::Scalar(s), _))) if s.as_str() == Some(id))
        })
        .ok_or_else(|| DocError::EntryNotFound { what: "entry", id: id.to_string() })
}

fn element_with_id(doc: &AutoCommit, list: &ObjId, id: &str) -> Result<ObjId, DocError> {
    let index = index_with_id(doc, list, id)?;
    match doc.get(list, index)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(DocError::EntryNotFound { what: "entry", id: id.to_string() }),
    }
}
