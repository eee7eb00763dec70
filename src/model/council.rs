//! The council (råd) as held in its root document: mandate, organisations, people, roles, meetings.
//!
//! Seats are not hard-coded: the seeds disagree on how many representatives a network sends, so
//! the model holds whatever the users enter.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::ids::{DocUrl, EntryId, ItemId, OrganisationId, PersonId, QuestionId, RoleId};
use super::meeting::MeetingKind;
use super::meeting_rules::MeetingRules;
use super::plan::ActionPlan;

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
    /// Links to the workshop boards (workshoptavlor), each its own document.
    #[autosurgeon(missing = "Vec::new")]
    pub boards: Vec<BoardLink>,
    /// Frågor som lyfts till rådet, waiting for the beredning to take them up.
    #[autosurgeon(missing = "Vec::new")]
    pub questions: Vec<Question>,
    /// Mötesregler: notice period, beredning, meetings a year, default place.
    #[autosurgeon(missing = "MeetingRules::default")]
    pub rules: MeetingRules,
    /// Handlingsplan: links to the initiatives' and the communication plan's own documents,
    /// the plan's risks, budget and follow-up reports (see `model::plan`).
    #[autosurgeon(missing = "ActionPlan::default")]
    pub plan: ActionPlan,
}

impl Council {
    /// A new council with only its name and the organisation that runs it: everything else is
    /// added in the app. The rules start as Fyrbodal's until the council changes them.
    pub fn new(name: impl Into<String>, organisation: impl Into<String>) -> Self {
        Council {
            name: name.into(),
            organisation: organisation.into(),
            commissioner: String::new(),
            recipient: String::new(),
            funder: String::new(),
            period_start: String::new(),
            period_end: String::new(),
            mandate: Mandate::default(),
            organisations: Vec::new(),
            people: Vec::new(),
            roles: Vec::new(),
            meetings: Vec::new(),
            boards: Vec::new(),
            questions: Vec::new(),
            rules: MeetingRules::default(),
            plan: ActionPlan::default(),
        }
    }

    /// The people still in the council (not removed), in the order they were added.
    pub fn current_people(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| !p.removed)
    }

    /// The organisations still in the council (not removed).
    pub fn current_organisations(&self) -> impl Iterator<Item = &Organisation> {
        self.organisations.iter().filter(|o| !o.removed)
    }

    /// The roles still in the council (not removed).
    pub fn current_roles(&self) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(|r| !r.removed)
    }

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
            .filter(|o| o.kind == OrganisationKind::Municipality && !o.removed)
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
    /// Datum, "YYYY-MM-DD", or empty until decided.
    #[autosurgeon(missing = "String::new")]
    pub due: String,
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
    /// Borttagen: kept so old minutes still name it, and so it can be put back.
    #[autosurgeon(missing = "bool::default")]
    pub removed: bool,
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
    /// E-post.
    #[autosurgeon(missing = "String::new")]
    pub email: String,
    /// Telefon.
    #[autosurgeon(missing = "String::new")]
    pub phone: String,
    /// Borttagen: no longer in the council, but still named in the minutes they appear in.
    #[autosurgeon(missing = "bool::default")]
    pub removed: bool,
}

impl Person {
    /// A person with a name and nothing else yet.
    pub fn new(id: PersonId, name: impl Into<String>, organisation: Option<OrganisationId>) -> Self {
        Person { id, name: name.into(), organisation, email: String::new(), phone: String::new(), removed: false }
    }
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
    /// Innehavare (bemannas av), each for a period.
    pub holders: Vec<RoleHolder>,
    /// Adjungerad: takes part without being a member.
    #[autosurgeon(missing = "bool::default")]
    pub co_opted: bool,
    /// Antal platser: how many may hold the role at once, when the council has decided it.
    #[autosurgeon(missing = "Option::default")]
    pub seats: Option<u32>,
    /// Borttagen (recoverable).
    #[autosurgeon(missing = "bool::default")]
    pub removed: bool,
}

impl Role {
    /// A role with a title and nothing else yet.
    pub fn new(id: RoleId, title: impl Into<String>) -> Self {
        Role { id, title: title.into(), responsibilities: Vec::new(), powers: Vec::new(), holders: Vec::new(), co_opted: false, seats: None, removed: false }
    }

    /// Who holds the role on `date` ("YYYY-MM-DD"; dates compare as text in that form). A
    /// holder with no dates holds it always.
    pub fn holders_on<'a>(&'a self, date: &'a str) -> impl Iterator<Item = PersonId> + 'a {
        self.holders
            .iter()
            .filter(move |h| (h.from.is_empty() || h.from.as_str() <= date) && (h.to.is_empty() || date <= h.to.as_str()))
            .map(|h| h.person)
    }
}

/// One person holding a role (innehavare) from one date to another.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct RoleHolder {
    #[key]
    pub id: EntryId,
    pub person: PersonId,
    /// Från och med, "YYYY-MM-DD", or empty.
    pub from: String,
    /// Till och med, "YYYY-MM-DD", or empty while it lasts.
    pub to: String,
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

/// A link from the council to one workshop board document (workshoptavla).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct BoardLink {
    #[key]
    pub url: DocUrl,
    /// Rubrik.
    pub title: String,
    /// The meeting the board is for, if any.
    pub meeting: Option<DocUrl>,
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
