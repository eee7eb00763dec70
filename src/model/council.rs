//! The council (råd) as held in its root document: mandate, organisations, people, roles, meetings.
//!
//! Seats are not hard-coded: the seeds disagree on how many representatives a network sends, so
//! the model holds whatever the users enter.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::ids::{DocUrl, EntryId, ItemId, OrganisationId, PersonId, QuestionId, RoleId};
use super::meeting::MeetingKind;

/// A council (råd), e.g. Fyrbodals e-råd. The root document of a council hydrates to this.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Council {
    /// Namn.
    pub name: String,
    /// The organisation that runs the council (organisation), e.g. Fyrbodals kommunalförbund.
    pub organisation: String,
    /// Uppdragsgivare, e.g. Kommundirektörsnätverket.
    pub commissioner: String,
    /// Uppdragsmottagare.
    #[autosurgeon(missing = "String::new")]
    pub recipient: String,
    /// Finansiär, e.g. VästKom.
    pub funder: String,
    /// Period start (från och med), "YYYY-MM-DD".
    pub period_start: String,
    /// Period end (till och med), "YYYY-MM-DD".
    pub period_end: String,
    /// Uppdragshandling.
    pub mandate: Mandate,
    #[autosurgeon(missing = "Vec::new")]
    pub organisations: Vec<Organisation>,
    #[autosurgeon(missing = "Vec::new")]
    pub people: Vec<Person>,
    #[autosurgeon(missing = "Vec::new")]
    pub roles: Vec<Role>,
    /// Links to the meeting documents (möten).
    #[autosurgeon(missing = "Vec::new")]
    pub meetings: Vec<MeetingLink>,
    /// Frågor som lyfts till rådet, waiting for the beredning to take them up.
    #[autosurgeon(missing = "Vec::new")]
    pub questions: Vec<Question>,
}

impl Council {
    pub fn organisation(&self, id: OrganisationId) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// Total population (folkmängd) of the member municipalities.
    pub fn municipal_population(&self) -> u64 {
        self.organisations
            .iter()
            .filter(|o| o.kind == OrganisationKind::Municipality)
            .filter_map(|o| o.population)
            .map(u64::from)
            .sum()
    }
}

/// The mandate (uppdragshandling): why the council exists and how it works.
#[derive(Debug, Clone, PartialEq, Default, Reconcile, Hydrate)]
pub struct Mandate {
    /// Bakgrund.
    pub background: Text,
    /// Syfte.
    pub purpose: Text,
    /// Mål.
    pub goals: Vec<Entry>,
    /// Avgränsning.
    pub scope: Text,
    /// Ämnesområden, e.g. Digital kompetens.
    pub focus_areas: Vec<Entry>,
    /// Sammanfattning av uppdraget.
    #[autosurgeon(missing = "Text::default")]
    pub summary: Text,
    /// Förhållningsregler.
    pub rules_of_conduct: Vec<Entry>,
    /// Uppföljning: delrapport, slutrapport.
    pub follow_up: Vec<FollowUpReport>,
    /// Versionshistorik.
    pub version_history: Vec<MandateVersion>,
}

/// One co-written line in a list (punkt i en lista): a goal, a focus area, a rule.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Entry {
    #[key]
    pub id: EntryId,
    pub text: Text,
}

impl Entry {
    pub fn new(id: EntryId, text: &str) -> Self {
        Self { id, text: Text::with_value(text) }
    }
}

/// A follow-up report (uppföljningsrapport), e.g. delrapport, with what it must contain.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct FollowUpReport {
    #[key]
    pub id: EntryId,
    /// Namn, e.g. "Delrapport".
    pub name: String,
    /// Innehåll.
    pub contents: Vec<Entry>,
}

/// One row of the mandate's version history (versionshistorik).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct MandateVersion {
    #[key]
    pub id: EntryId,
    /// Datum, "YYYY-MM-DD".
    pub date: String,
    /// Version, e.g. "1.1".
    pub version: String,
    /// Utfärdare.
    pub issued_by: String,
    /// Förändringsorsak.
    pub reason: String,
}

/// Kind of organisation (organisationstyp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum OrganisationKind {
    /// Kommun.
    Municipality,
    /// Annan organisation, e.g. kommunalförbund, Kommunakademin Väst.
    Other,
}

/// An organisation (organisation): a member municipality or a regional body.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Organisation {
    #[key]
    pub id: OrganisationId,
    /// Namn.
    pub name: String,
    pub kind: OrganisationKind,
    /// Folkmängd.
    #[autosurgeon(missing = "Option::default")]
    pub population: Option<u32>,
}

/// A person (person) with the organisation they represent.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Person {
    #[key]
    pub id: PersonId,
    /// Namn.
    pub name: String,
    /// Organisation.
    #[autosurgeon(missing = "Option::default")]
    pub organisation: Option<OrganisationId>,
}

/// A role (roll) in the council, e.g. Ordförande, with who holds it.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Role {
    #[key]
    pub id: RoleId,
    /// Titel, e.g. "Ordförande".
    pub title: String,
    /// Ansvar.
    pub responsibilities: Vec<Entry>,
    /// Befogenheter.
    pub powers: Vec<Entry>,
    /// Innehavare (bemannas av).
    pub holders: Vec<PersonId>,
    /// Adjungerad: takes part without being a member.
    #[autosurgeon(missing = "bool::default")]
    pub co_opted: bool,
}

/// A link from the council to one meeting document (möte), with what a list of meetings shows.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct MeetingLink {
    #[key]
    pub url: DocUrl,
    /// Titel.
    pub title: String,
    /// Datum, "YYYY-MM-DD".
    pub date: String,
    /// Mötestyp.
    pub kind: MeetingKind,
}

/// Where a raised question stands (frågans status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum QuestionStatus {
    /// Väntar: not yet on an agenda.
    #[default]
    Waiting,
    /// Tagen upp: on a meeting's agenda (see [`Question::taken_up_in`]).
    TakenUp,
    /// Avslutad without an agenda item (answered or withdrawn).
    Closed,
}

/// A question raised to the council (fråga som lyfts), e.g. from a network (seed 003).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Question {
    #[key]
    pub id: QuestionId,
    /// Frågan.
    pub text: Text,
    /// Från: a person or a network, as written.
    pub from: String,
    /// Lyft, "YYYY-MM-DD"; empty when not known.
    pub raised_on: String,
    #[autosurgeon(missing = "QuestionStatus::default")]
    pub status: QuestionStatus,
    /// The meeting whose agenda took it up.
    #[autosurgeon(missing = "Option::default")]
    pub taken_up_in: Option<DocUrl>,
    /// The agenda item it became.
    #[autosurgeon(missing = "Option::default")]
    pub agenda_item: Option<ItemId>,
}
