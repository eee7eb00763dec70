//! A meeting (möte) as held in its own document: details, attendance and the agenda with notes.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::ids::{AttendanceId, ItemId, OrganisationId, PersonId};
use super::keyed::Keyed;

/// A meeting (möte). One meeting document hydrates to this.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Meeting {
    /// Titel, e.g. "Möte för e-råd".
    pub title: String,
    /// Mötestyp.
    pub kind: MeetingKind,
    /// Datum, "YYYY-MM-DD".
    pub date: String,
    /// Starttid, "HH:MM".
    pub start: String,
    /// Sluttid, "HH:MM".
    pub end: String,
    /// Plats.
    pub place: String,
    /// Videolänk.
    #[autosurgeon(missing = "Option::default")]
    pub video_link: Option<String>,
    /// Status.
    #[autosurgeon(missing = "MeetingStatus::default")]
    pub status: MeetingStatus,
    /// Deltagare.
    #[autosurgeon(missing = "Vec::new")]
    pub attendees: Vec<Attendance>,
    /// Förhindrade.
    #[autosurgeon(missing = "Vec::new")]
    pub absentees: Vec<Attendance>,
    /// Dagordning, in order; includes removed items (see [`AgendaItem::deleted`]).
    /// Stored as a map keyed by item id, see `model::keyed`.
    #[autosurgeon(with = "super::keyed")]
    pub agenda: Vec<AgendaItem>,
    /// Antecknat av.
    #[autosurgeon(missing = "Option::default")]
    pub recorded_by: Option<String>,
    /// Justerat av.
    #[autosurgeon(missing = "Option::default")]
    pub approved_by: Option<String>,
}

impl Meeting {
    /// A new, empty meeting (planerat): no agenda, attendance or minutes yet. Every other field
    /// starts at the value an older document without it would load with.
    pub fn new(
        title: impl Into<String>,
        kind: MeetingKind,
        date: impl Into<String>,
        start: impl Into<String>,
        end: impl Into<String>,
    ) -> Self {
        Meeting {
            title: title.into(),
            kind,
            date: date.into(),
            start: start.into(),
            end: end.into(),
            place: String::new(),
            video_link: None,
            status: MeetingStatus::Planned,
            attendees: Vec::new(),
            absentees: Vec::new(),
            agenda: Vec::new(),
            recorded_by: None,
            approved_by: None,
        }
    }

    /// The agenda as shown: removed items left out.
    pub fn visible_agenda(&self) -> impl Iterator<Item = &AgendaItem> {
        self.agenda.iter().filter(|i| !i.deleted)
    }

    /// Removed items that can be restored (borttagna punkter).
    pub fn removed_agenda(&self) -> impl Iterator<Item = &AgendaItem> {
        self.agenda.iter().filter(|i| i.deleted)
    }

    pub fn agenda_item(&self, id: ItemId) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.id == id)
    }
}

/// Kind of meeting (mötestyp).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum MeetingKind {
    /// E-rådsmöte.
    EradsMote,
    /// Beredningsmöte.
    Beredningsmote,
    /// Workshop.
    Workshop,
}

/// Where a meeting is in its life (mötesstatus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum MeetingStatus {
    /// Planerat.
    #[default]
    Planned,
    /// Kallelse skickad.
    NoticeSent,
    /// Genomfört.
    Held,
    /// Anteckningar klara.
    MinutesReady,
    /// Justerat.
    Approved,
    /// Publicerat.
    Published,
}

/// One row of attendance (deltagare or förhindrad), with the organisation as written.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Attendance {
    #[key]
    pub id: AttendanceId,
    /// Namn, as written in the minutes.
    pub name: String,
    /// Kommun/organisation, as written in the minutes.
    pub organisation: String,
    /// The council's person, when known.
    #[autosurgeon(missing = "Option::default")]
    pub person: Option<PersonId>,
    /// The council's organisation, when known.
    #[autosurgeon(missing = "Option::default")]
    pub organisation_id: Option<OrganisationId>,
}

/// Type of agenda item (punktens typ): [I], [D], [A], or a break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum ItemKind {
    /// [I] Informationspunkt.
    Information,
    /// [D] Diskussionspunkt.
    Discussion,
    /// [A] Arbetsmoment.
    Work,
    /// Paus utan typ: FIKA, PAUS, AVSLUT.
    Break(BreakKind),
}

impl ItemKind {
    /// The letter the council's agendas use, or the break's word.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Information => "I",
            ItemKind::Discussion => "D",
            ItemKind::Work => "A",
            ItemKind::Break(b) => b.label(),
        }
    }
}

/// Kind of break (paus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum BreakKind {
    /// FIKA.
    Fika,
    /// PAUS.
    Paus,
    /// AVSLUT (end of meeting).
    Avslut,
}

impl BreakKind {
    pub fn label(self) -> &'static str {
        match self {
            BreakKind::Fika => "FIKA",
            BreakKind::Paus => "PAUS",
            BreakKind::Avslut => "AVSLUT",
        }
    }
}

/// Who is responsible for an item (ansvarig): a person's name or "Alla".
pub const EVERYONE: &str = "Alla";

/// Fields of a new agenda item (ny punkt), as typed, pasted or taken from a raised question.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAgendaItem {
    pub number: String,
    pub kind: ItemKind,
    pub description: String,
    pub responsible: String,
    pub start: Option<String>,
    pub duration_minutes: Option<u32>,
}

/// An agenda item (punkt) with its minutes notes (minnesanteckningar).
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct AgendaItem {
    #[key]
    pub id: ItemId,
    /// Order key, see `model::position`; the UI never shows it.
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// Punkt, e.g. "5a".
    pub number: String,
    /// Typ.
    pub kind: ItemKind,
    /// Beskrivning.
    pub description: Text,
    /// Ansvarig: a name or [`EVERYONE`].
    pub responsible: String,
    /// Fixed start (ca tid), "HH:MM"; `None` means it follows from the items before it.
    #[autosurgeon(missing = "Option::default")]
    pub start: Option<String>,
    /// Längd i minuter.
    #[autosurgeon(missing = "Option::default")]
    pub duration_minutes: Option<u32>,
    /// Anteckningar (minutes for this item).
    #[autosurgeon(missing = "Text::default")]
    pub notes: Text,
    /// Borttagen: removed items stay in the document so they can be restored.
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

impl Keyed for AgendaItem {
    type Id = ItemId;
    fn id(&self) -> &ItemId {
        &self.id
    }
    fn position(&self) -> &str {
        &self.position
    }
}
