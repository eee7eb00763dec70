//! A meeting (möte) as held in its own document: details, attendance and the agenda with notes.

use autosurgeon::{Hydrate, Reconcile, Text};

use super::ids::{ActionItemId, AttendanceId, DecisionId, EntryId, ItemId, OrganisationId, PersonId};
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
    /// Justerat av, as printed on older minutes (free text). New approvals are [`Self::approvals`].
    #[autosurgeon(missing = "Option::default")]
    pub approved_by: Option<String>,
    /// Mötesnummer: council meetings are numbered in sequence (see `model::approval`).
    #[autosurgeon(missing = "Option::default")]
    pub number: Option<u32>,
    /// Diarienummer, for the registrar.
    #[autosurgeon(missing = "Option::default")]
    pub diary_number: Option<String>,
    /// The item the chair is on ("följ mig"): tablets that follow the chair scroll to it.
    #[autosurgeon(missing = "Option::default")]
    pub current_item: Option<ItemId>,
    /// Justerare: who is to approve the minutes (names).
    #[autosurgeon(missing = "Vec::new")]
    pub justerare: Vec<String>,
    /// Justeringar: each approval of the minutes, with the exact version approved.
    #[autosurgeon(missing = "Vec::new")]
    pub approvals: Vec<Approval>,
    /// Återöppningar: every explicit reopening of approved minutes.
    #[autosurgeon(missing = "Vec::new")]
    pub reopenings: Vec<Reopening>,
    /// Låst: approved minutes refuse edits until reopened (`DocError::Locked`).
    #[autosurgeon(missing = "bool::default")]
    pub locked: bool,
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
            number: None,
            diary_number: None,
            current_item: None,
            justerare: Vec::new(),
            approvals: Vec::new(),
            reopenings: Vec::new(),
            locked: false,
        }
    }

    /// Approvals that still stand: those not withdrawn by a later reopening.
    pub fn valid_approvals(&self) -> impl Iterator<Item = &Approval> {
        self.approvals.iter().filter(|a| !a.withdrawn)
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

/// The number for the next meeting of `kind`: one more than the highest number among the
/// council's meetings of that kind (mötesnummer in sequence), 1 for the first.
pub fn next_meeting_number(meetings: &[Meeting], kind: MeetingKind) -> u32 {
    meetings.iter().filter(|m| m.kind == kind).filter_map(|m| m.number).max().map_or(1, |n| n + 1)
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

/// Where a meeting is in its life (mötesstatus), in the order it moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Reconcile, Hydrate)]
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
    /// "Gruppen diskuterade följande": one co-written point each; includes removed ones.
    #[autosurgeon(with = "super::keyed")]
    pub discussion: Vec<DiscussionPoint>,
    /// Beslut taken under this item; includes removed ones.
    #[autosurgeon(with = "super::keyed")]
    pub decisions: Vec<Decision>,
    /// Åtgärder (what, who, when); includes removed ones.
    #[autosurgeon(with = "super::keyed")]
    pub action_items: Vec<ActionItem>,
    /// When the item actually started (faktisk start), "HH:MM".
    #[autosurgeon(missing = "Option::default")]
    pub actual_start: Option<String>,
    /// When the item actually ended (faktiskt slut), "HH:MM".
    #[autosurgeon(missing = "Option::default")]
    pub actual_end: Option<String>,
}

impl AgendaItem {
    /// A new item from its fields, with empty minutes.
    pub fn new(id: ItemId, position: String, fields: NewAgendaItem) -> Self {
        AgendaItem {
            id,
            position,
            number: fields.number,
            kind: fields.kind,
            description: Text::with_value(fields.description),
            responsible: fields.responsible,
            start: fields.start,
            duration_minutes: fields.duration_minutes,
            notes: Text::default(),
            deleted: false,
            discussion: Vec::new(),
            decisions: Vec::new(),
            action_items: Vec::new(),
            actual_start: None,
            actual_end: None,
        }
    }

    pub fn visible_discussion(&self) -> impl Iterator<Item = &DiscussionPoint> {
        self.discussion.iter().filter(|d| !d.deleted)
    }

    pub fn visible_decisions(&self) -> impl Iterator<Item = &Decision> {
        self.decisions.iter().filter(|d| !d.deleted)
    }

    pub fn visible_action_items(&self) -> impl Iterator<Item = &ActionItem> {
        self.action_items.iter().filter(|a| !a.deleted)
    }

    /// Whether the item's minutes hold anything: notes, points, decisions or action items.
    pub fn has_minutes(&self) -> bool {
        !self.notes.as_str().trim().is_empty()
            || self.visible_discussion().next().is_some()
            || self.visible_decisions().next().is_some()
            || self.visible_action_items().next().is_some()
    }

    /// An A item (arbetsmoment) is done only with a decision or an action item to show for it.
    pub fn is_open_work(&self) -> bool {
        !self.deleted
            && self.kind == ItemKind::Work
            && self.visible_decisions().next().is_none()
            && self.visible_action_items().next().is_none()
    }
}

/// One point of a discussion (diskussionspunkt), co-written.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct DiscussionPoint {
    #[key]
    pub id: EntryId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub text: Text,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// A decision (beslut), e.g. "Gruppen beslutar att välja Henrik Röste till ordförande …".
/// It is decided at the meeting whose document holds it; registers add the meeting.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Decision {
    #[key]
    pub id: DecisionId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    pub text: Text,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// Status of an action item (åtgärdens status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Reconcile, Hydrate)]
pub enum ActionStatus {
    /// Öppen.
    #[default]
    Open,
    /// Klar.
    Done,
}

/// An action item (åtgärd): what is to be done, by whom, by when.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct ActionItem {
    #[key]
    pub id: ActionItemId,
    #[autosurgeon(missing = "String::new")]
    pub position: String,
    /// Vad.
    pub what: Text,
    /// Vem, as written: a name, a group ("Beredningen") or [`EVERYONE`].
    pub who: String,
    /// The council's person, when `who` is one.
    #[autosurgeon(missing = "Option::default")]
    pub person: Option<PersonId>,
    /// Klart senast, "YYYY-MM-DD".
    #[autosurgeon(missing = "Option::default")]
    pub due: Option<String>,
    #[autosurgeon(missing = "ActionStatus::default")]
    pub status: ActionStatus,
    #[autosurgeon(missing = "bool::default")]
    pub deleted: bool,
}

/// One justerare's approval (justering) of the exact version they read.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Approval {
    #[key]
    pub id: EntryId,
    /// Justerad av (name).
    pub by: String,
    #[autosurgeon(missing = "Option::default")]
    pub person: Option<PersonId>,
    /// When, unix seconds.
    pub at: i64,
    /// The document's heads (hex change hashes) of the version approved.
    pub heads: Vec<String>,
    /// Withdrawn by a later reopening.
    #[autosurgeon(missing = "bool::default")]
    pub withdrawn: bool,
}

/// An explicit reopening (återöppning) of approved minutes.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Reopening {
    #[key]
    pub id: EntryId,
    pub by: String,
    /// When, unix seconds.
    pub at: i64,
    /// Varför.
    pub reason: String,
}

super::keyed::keyed_by_id!(DiscussionPoint, EntryId);
super::keyed::keyed_by_id!(Decision, DecisionId);
super::keyed::keyed_by_id!(ActionItem, ActionItemId);

impl Keyed for AgendaItem {
    type Id = ItemId;
    fn id(&self) -> &ItemId {
        &self.id
    }
    fn position(&self) -> &str {
        &self.position
    }
}
