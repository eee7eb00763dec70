//! A workshop board (workshoptavla, seed 001's bikupa): the exercise, prompts with quotas,
//! breakout groups, sticky notes with votes, and the rules on them — templates, quotas, who sees
//! which notes, what a note may hold. One automerge document per board.

use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile, Text};

use super::board_timer::BoardTimer;
use super::keyed::sort_by_position;
use super::{position, GroupId, NoteId, PromptId};

/// The longest note: a sticky note, not a document. Longer text is refused with its length.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// A workshop board (workshoptavla).
#[derive(Clone, Debug, Default, PartialEq, Hydrate, Reconcile)]
pub struct Board {
    /// Rubrik, e.g. "Konsekvensanalys".
    pub title: String,
    /// Beskrivning: what the groups are asked to do.
    pub exercise: Text,
    /// Mål.
    pub goal: Text,
    /// Metod, e.g. "Bikupa, gruppdiskussion".
    pub method: String,
    /// The meeting the board belongs to (its document id), if any.
    pub meeting: Option<String>,
    /// Frågor, shown as columns.
    #[autosurgeon(with = "super::keyed")]
    pub prompts: Vec<Prompt>,
    /// Grupper.
    #[autosurgeon(with = "super::keyed")]
    pub groups: Vec<Group>,
    /// Lappar.
    #[autosurgeon(with = "super::keyed")]
    pub notes: Vec<Note>,
    pub timer: BoardTimer,
    /// Groups see only their own notes until the facilitator ends it (privat läge).
    pub private: bool,
    /// Notes cannot be moved or removed (låst), so nothing is dragged by accident.
    pub locked: bool,
    /// Votes each member may cast on the board (röster per person); 0: voting is not open.
    pub vote_limit: u32,
    /// Votes are shown as totals only (anonyma röster).
    pub anonymous_votes: bool,
    /// Who runs the board (processledare): the member's name.
    pub facilitator: String,
}

/// A prompt (fråga / kolumn) the groups write under, with an optional quota ("tre fördelar").
#[derive(Clone, Debug, PartialEq, Eq, Hydrate, Reconcile)]
pub struct Prompt {
    #[key]
    pub id: PromptId,
    pub position: String,
    pub title: String,
    /// How many notes each group is asked for.
    pub quota: Option<u32>,
    /// Notes under a locked prompt cannot be moved or removed.
    pub locked: bool,
}

/// A breakout group (grupp, bikupa).
#[derive(Clone, Debug, PartialEq, Eq, Hydrate, Reconcile)]
pub struct Group {
    #[key]
    pub id: GroupId,
    pub position: String,
    pub name: String,
    /// Members' names; empty: free to join.
    pub members: Vec<String>,
}

/// A sticky note (lapp).
#[derive(Clone, Debug, PartialEq, Hydrate, Reconcile)]
pub struct Note {
    #[key]
    pub id: NoteId,
    /// Order under its prompt (see `model::position`); concurrent moves keep an order.
    pub position: String,
    pub prompt: PromptId,
    /// The group that wrote it; `None` when written in the review.
    pub group: Option<GroupId>,
    pub text: Text,
    /// A heading similar notes are clustered under in the review; empty: none.
    pub cluster: String,
    /// Member → votes. Stored as counters, so votes cast at once on two tablets add up.
    #[autosurgeon(with = "votes")]
    pub votes: BTreeMap<String, i64>,
    /// Who wrote it.
    pub author: String,
    pub removed: bool,
}

/// Votes as automerge counters in the document, read as plain numbers.
mod votes {
    use std::collections::BTreeMap;

    use autosurgeon::{Counter, HydrateError, Prop, ReadDoc, Reconcile, Reconciler};

    pub fn hydrate<D: ReadDoc>(doc: &D, obj: &automerge::ObjId, prop: Prop<'_>) -> Result<BTreeMap<String, i64>, HydrateError> {
        if doc.get(obj, &prop)?.is_none() {
            return Ok(BTreeMap::new());
        }
        let counters: BTreeMap<String, Counter> = autosurgeon::hydrate_prop(doc, obj, prop)?;
        Ok(counters.into_iter().map(|(k, c)| (k, c.value())).collect())
    }

    pub fn reconcile<R: Reconciler>(votes: &BTreeMap<String, i64>, reconciler: R) -> Result<(), R::Error> {
        let counters: BTreeMap<&str, Counter> = votes.iter().map(|(k, v)| (k.as_str(), Counter::with_value(*v))).collect();
        counters.reconcile(reconciler)
    }
}

super::keyed::keyed_by_id!(Prompt, PromptId);
super::keyed::keyed_by_id!(Group, GroupId);
super::keyed::keyed_by_id!(Note, NoteId);

/// The board templates a facilitator starts from (mallar).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// Konsekvensanalys: konsekvenser, fördelar, nackdelar — three of each (seed 001).
    ConsequenceAnalysis,
    /// Risker och andra åtgärder (seed 001's färdplan exercise).
    RisksAndActions,
    /// Tom tavla: one prompt, named by the facilitator.
    Blank,
}

impl Template {
    pub const ALL: [Template; 3] = [Template::ConsequenceAnalysis, Template::RisksAndActions, Template::Blank];

    /// The prompts a board from this template starts with: (title, quota).
    pub fn prompts(self) -> Vec<(&'static str, Option<u32>)> {
        match self {
            Template::ConsequenceAnalysis => vec![
                ("Tre konsekvenser som är viktiga att lyfta", Some(3)),
                ("Tre fördelar", Some(3)),
                ("Tre nackdelar", Some(3)),
            ],
            Template::RisksAndActions => vec![
                ("Vad ser ni för risker med förslaget?", None),
                ("Finns det andra åtgärder som kan vara relevanta?", None),
            ],
            Template::Blank => vec![("Idéer", None)],
        }
    }

    /// The title a new board from this template gets.
    pub fn title(self) -> &'static str {
        match self {
            Template::ConsequenceAnalysis => "Konsekvensanalys",
            Template::RisksAndActions => "Risker och andra åtgärder",
            Template::Blank => "Workshop",
        }
    }

    /// Minutes the exercise runs, as in seed 001 ("Efter 20 min återansluter ni").
    pub fn minutes(self) -> u32 {
        20
    }

    /// The segment naming the template in a form (stable across languages).
    pub fn key(self) -> &'static str {
        match self {
            Template::ConsequenceAnalysis => "konsekvensanalys",
            Template::RisksAndActions => "risker",
            Template::Blank => "tom",
        }
    }

    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// A prompt as a new board holds it.
pub fn prompts_of(template: Template, ids: impl IntoIterator<Item = PromptId>) -> Vec<Prompt> {
    let titles = template.prompts();
    let positions = position::spread(titles.len());
    titles
        .into_iter()
        .zip(positions)
        .zip(ids)
        .map(|(((title, quota), position), id)| Prompt { id, position, title: title.into(), quota, locked: false })
        .collect()
}

/// A new board from `template`, for `meeting` if given; its prompts get `prompt_ids` (fresh ids
/// from the caller, derived ones for the demo).
pub fn new_board(template: Template, title: &str, meeting: Option<String>, prompt_ids: impl IntoIterator<Item = PromptId>) -> Board {
    let title = title.trim();
    Board {
        title: if title.is_empty() { template.title().into() } else { title.into() },
        method: "Bikupa, gruppdiskussion".into(),
        meeting,
        prompts: prompts_of(template, prompt_ids),
        timer: BoardTimer::new(i64::from(template.minutes()) * 60_000),
        ..Board::default()
    }
}

/// What is wrong with a note's text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("an empty note is not saved; write something first")]
    Empty,
    #[error("the note has {len} characters; a note holds at most {max}, so shorten it or split it in two")]
    TooLong { len: usize, max: usize },
}

impl NoteError {
    pub fn sv(&self) -> String {
        match self {
            NoteError::Empty => "En tom lapp sparas inte. Skriv något först.".into(),
            NoteError::TooLong { len, max } => format!("Lappen har {len} tecken; en lapp rymmer högst {max}. Korta den eller dela den i två."),
        }
    }
}

/// Checks a new note's text; returns it trimmed.
pub fn check_note(text: &str) -> Result<&str, NoteError> {
    let t = text.trim();
    let len = t.chars().count();
    if len == 0 {
        Err(NoteError::Empty)
    } else if len > MAX_NOTE_CHARS {
        Err(NoteError::TooLong { len, max: MAX_NOTE_CHARS })
    } else {
        Ok(t)
    }
}

/// How far a group is with a prompt's quota ("2 av 3").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotaState {
    pub written: usize,
    pub quota: Option<u32>,
}

impl QuotaState {
    /// Another note would go past the quota: the group is asked to choose, not refused.
    pub fn is_full(self) -> bool {
        self.quota.is_some_and(|q| self.written >= q as usize)
    }
}

impl Board {
    /// Notes still on the board, in their order.
    pub fn current_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| !n.removed)
    }

    pub fn prompt(&self, id: PromptId) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Notes under `prompt` that `viewer` may see, in order. In private mode a group sees only
    /// its own notes (and those written in the review); the facilitator sees everything.
    pub fn notes_under(&self, prompt: PromptId, viewer: &Viewer) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.current_notes().filter(|n| n.prompt == prompt && self.shows(n, viewer)).collect();
        notes.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.id.cmp(&b.id)));
        notes
    }

    fn shows(&self, note: &Note, viewer: &Viewer) -> bool {
        !self.private || viewer.is_facilitator(self) || note.group.is_none() || note.group == viewer.group
    }

    /// How many notes `group` has under `prompt`, against the quota.
    pub fn quota_state(&self, prompt: PromptId, group: Option<GroupId>) -> QuotaState {
        let quota = self.prompt(prompt).and_then(|p| p.quota);
        let written = self.current_notes().filter(|n| n.prompt == prompt && n.group == group).count();
        QuotaState { written, quota }
    }

    /// The order key for a note put last under `prompt`.
    pub fn position_last_under(&self, prompt: PromptId) -> String {
        let last = self.current_notes().filter(|n| n.prompt == prompt).map(|n| n.position.as_str()).max();
        position::between(last, None).unwrap_or_default()
    }

    /// The order key for moving `note` one place up (`-1`) or down (`+1`) under its prompt;
    /// `None` at the end it cannot pass.
    pub fn position_after_step(&self, note: NoteId, step: i32, viewer: &Viewer) -> Option<String> {
        let n = self.note(note)?;
        let list = self.notes_under(n.prompt, viewer);
        let at = list.iter().position(|x| x.id == note)?;
        let (before, after) = if step < 0 {
            let prev = at.checked_sub(1)?;
            (prev.checked_sub(1).map(|i| list[i].position.as_str()), Some(list[prev].position.as_str()))
        } else {
            let next = list.get(at + 1)?;
            (Some(next.position.as_str()), list.get(at + 2).map(|x| x.position.as_str()))
        };
        position::between(before, after)
    }

    /// Whether `note` may be moved or removed now: not on a locked board or under a locked prompt.
    pub fn can_move(&self, note: NoteId) -> bool {
        !self.locked && self.note(note).and_then(|n| self.prompt(n.prompt)).is_some_and(|p| !p.locked)
    }

    /// The group `member` is in, if a group names them.
    pub fn group_of(&self, member: &str) -> Option<GroupId> {
        self.groups.iter().find(|g| g.members.iter().any(|m| m == member)).map(|g| g.id)
    }

    /// Prompts in order (the stored map has no order of its own).
    pub fn sort(&mut self) {
        sort_by_position(&mut self.prompts);
        sort_by_position(&mut self.groups);
        sort_by_position(&mut self.notes);
    }
}

/// Who is looking at the board: their name and the group they write for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Viewer {
    pub name: String,
    pub group: Option<GroupId>,
}

impl Viewer {
    pub fn is_facilitator(&self, board: &Board) -> bool {
        !board.facilitator.is_empty() && board.facilitator == self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> Board {
        let p = PromptId::derived("p");
        let mut b = Board {
            title: "Konsekvensanalys".into(),
            prompts: vec![Prompt { id: p, position: "a".into(), title: "Tre fördelar".into(), quota: Some(3), locked: false }],
            groups: vec![
                Group { id: GroupId::derived("g1"), position: "a".into(), name: "Grupp 1".into(), members: vec!["Anna".into()] },
                Group { id: GroupId::derived("g2"), position: "b".into(), name: "Grupp 2".into(), members: vec![] },
            ],
            facilitator: "Sara".into(),
            ..Board::default()
        };
        for ((i, g), position) in ["g1", "g1", "g2"].iter().enumerate().zip(position::spread(3)) {
            b.notes.push(Note {
                id: NoteId::derived(&format!("n{i}")),
                position,
                prompt: p,
                group: Some(GroupId::derived(g)),
                text: Text::with_value(format!("lapp {i}")),
                cluster: String::new(),
                votes: BTreeMap::new(),
                author: "Anna".into(),
                removed: false,
            });
        }
        b
    }

    #[test]
    fn the_quota_counts_a_groups_own_notes_and_a_full_quota_asks_rather_than_refuses() {
        let b = board();
        let p = b.prompts[0].id;
        let g1 = b.quota_state(p, Some(GroupId::derived("g1")));
        assert_eq!(g1, QuotaState { written: 2, quota: Some(3) });
        assert!(!g1.is_full());
        assert!(QuotaState { written: 3, quota: Some(3) }.is_full());
        assert!(!QuotaState { written: 9, quota: None }.is_full());
    }

    #[test]
    fn private_mode_shows_a_group_its_own_notes_and_the_facilitator_everything() {
        let mut b = board();
        let p = b.prompts[0].id;
        let anna = Viewer { name: "Anna".into(), group: Some(GroupId::derived("g1")) };
        assert_eq!(b.notes_under(p, &anna).len(), 3);
        b.private = true;
        assert_eq!(b.notes_under(p, &anna).len(), 2);
        assert_eq!(b.notes_under(p, &Viewer { name: "Sara".into(), group: None }).len(), 3);
    }

    #[test]
    fn an_empty_or_overlong_note_is_refused_with_its_length() {
        assert_eq!(check_note("   "), Err(NoteError::Empty));
        assert_eq!(check_note(" Bättre samverkan "), Ok("Bättre samverkan"));
        let long = "å".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(check_note(&long), Err(NoteError::TooLong { len: MAX_NOTE_CHARS + 1, max: MAX_NOTE_CHARS }));
        assert!(NoteError::TooLong { len: 2001, max: 2000 }.sv().contains("2001"));
    }

    #[test]
    fn a_note_steps_up_and_down_among_the_notes_shown() {
        let b = board();
        let viewer = Viewer::default();
        let second = b.notes[1].id;
        let up = b.position_after_step(second, -1, &viewer).unwrap();
        assert!(up.as_str() < b.notes[0].position.as_str());
        let down = b.position_after_step(second, 1, &viewer).unwrap();
        assert!(down.as_str() > b.notes[2].position.as_str());
        assert_eq!(b.position_after_step(b.notes[0].id, -1, &viewer), None);
        assert_eq!(b.position_after_step(b.notes[2].id, 1, &viewer), None);
    }

    #[test]
    fn locking_the_board_or_the_prompt_stops_moves() {
        let mut b = board();
        let n = b.notes[0].id;
        assert!(b.can_move(n));
        b.prompts[0].locked = true;
        assert!(!b.can_move(n));
        b.prompts[0].locked = false;
        b.locked = true;
        assert!(!b.can_move(n));
    }

    #[test]
    fn templates_hold_seed_001s_prompts_and_their_quotas() {
        let ids = (0..3).map(|i| PromptId::derived(&i.to_string()));
        let prompts = prompts_of(Template::ConsequenceAnalysis, ids);
        assert_eq!(prompts.len(), 3);
        assert!(prompts.iter().all(|p| p.quota == Some(3)));
        assert!(prompts[0].position < prompts[1].position && prompts[1].position < prompts[2].position);
        assert_eq!(Template::from_key("risker"), Some(Template::RisksAndActions));
    }
}
