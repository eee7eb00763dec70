//! Typed access to the Automerge documents: one root document per council, one per meeting.
//!
//! The document is the only truth. Views call the change functions here (never reconcile whole
//! structs themselves) and re-hydrate after local or remote changes. Each structural change is
//! committed with a Swedish message and the caller's `now` (unix seconds) for the history view;
//! text splices are left open so a burst of typing becomes one change (see [`commit_typing`]).

pub mod approval;
pub mod backup;
pub mod board;
pub mod council;
pub mod council_setup;
pub mod demo;
pub mod demo_boards;
pub mod demo_plan;
pub mod meeting;
pub mod minutes;
pub mod plan;

use automerge::transaction::{CommitOptions, Transactable};
use automerge::AutoCommit;

pub use crate::model::DocUrl;
use crate::i18n::Bilingual;
use crate::model::ItemId;

/// Something a change or a read of a document could not do, said so a person can act on it.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    #[error(
        "agenda item {0} is not in this meeting; someone may have changed the agenda — reload it"
    )]
    ItemNotFound(ItemId),
    #[error(
        "this document cannot be read as {expected} ({detail}); it may be damaged or written by \
         a newer version of Rådslag"
    )]
    Unreadable { expected: &'static str, detail: String },
    #[error(
        "the edit at character {pos} (removing {del}) is outside the text, which has {len} \
         characters; reload the text and try again"
    )]
    OutOfRange { pos: usize, del: usize, len: usize },
    #[error("could not save {what} into the document: {detail}")]
    Write { what: &'static str, detail: String },
    #[error(
        "the minutes are approved (justerade) and locked; reopen them (återöppna) with a reason \
         before editing"
    )]
    Locked,
    #[error("{what} is not in this meeting; someone may have removed it — reload the meeting")]
    EntryNotFound { what: &'static str, id: String },
    #[error("{what} is not in this document; someone may have removed it — reload the page")]
    NotInDocument { what: &'static str, id: String },
    #[error("say why the minutes are reopened; the reason is kept in the meeting's history")]
    ReasonRequired,
    #[error("the minutes are not approved, so there is nothing to reopen")]
    NotLocked,
    #[error(
        "the version to approve ({0}) is not in this document; reload the minutes and approve \
         again"
    )]
    UnknownVersion(String),
    #[error("this question is already on the agenda of {meeting}; open that meeting instead")]
    AlreadyTakenUp { meeting: String },
    #[error("the document refused the change: {0}")]
    Automerge(#[from] automerge::AutomergeError),
    /// A note that cannot be written as it is (empty, too long).
    #[error("{0}")]
    Note(crate::model::board::NoteError),
    /// A vote beyond the limit, or one that is not there to take back.
    #[error("{0}")]
    Vote(crate::model::board_votes::VoteError),
    #[error("the board or this prompt is locked, so notes cannot be moved or removed; the facilitator can unlock it")]
    BoardLocked,
    /// Bad input to the council's setup (an empty name, a population that is not a number…).
    #[error("{0}")]
    Refused(crate::model::council_setup::SetupError),
    /// Bad input to the action plan (a range upside down, a due date before the start…).
    #[error("{0}")]
    Plan(crate::model::plan::PlanError),
}

impl DocError {
    pub(crate) fn unreadable(expected: &'static str, detail: impl ToString) -> Self {
        DocError::Unreadable { expected, detail: detail.to_string() }
    }

    pub(crate) fn write(what: &'static str, detail: impl ToString) -> Self {
        DocError::Write { what, detail: detail.to_string() }
    }
}

impl Bilingual for DocError {
    /// Technical details (an Automerge error, a decoding error) stay as the library wrote them.
    fn sv(&self) -> String {
        match self {
            DocError::ItemNotFound(item) => format!(
                "Punkten {item} finns inte i mötet; någon kan ha ändrat dagordningen — ladda om sidan"
            ),
            DocError::Unreadable { expected, detail } => format!(
                "Dokumentet går inte att läsa som {} ({detail}); det kan vara skadat eller \
                 skrivet av en nyare version av Rådslag",
                swedish(expected)
            ),
            DocError::OutOfRange { pos, del, len } => format!(
                "Ändringen vid tecken {pos} (tar bort {del}) ligger utanför texten, som har {len} \
                 tecken; ladda om texten och försök igen"
            ),
            DocError::Write { what, detail } => format!("Kunde inte spara {} i dokumentet: {detail}", swedish(what)),
            DocError::Locked => "Protokollet är justerat och låst; öppna det igen med ett skäl innan du ändrar".into(),
            DocError::EntryNotFound { what, .. } => {
                let what = swedish(what);
                let mut chars = what.chars();
                let what: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                format!("{what} finns inte i mötet; någon kan ha tagit bort det — ladda om mötet")
            }
            DocError::NotInDocument { what, .. } => {
                let what = swedish(what);
                let mut chars = what.chars();
                let what: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                format!("{what} finns inte i dokumentet; någon kan ha tagit bort det — ladda om sidan")
            }
            DocError::ReasonRequired => {
                "Skriv varför protokollet öppnas igen; skälet sparas i mötets historik".into()
            }
            DocError::NotLocked => "Protokollet är inte justerat, så det finns inget att öppna igen".into(),
            DocError::UnknownVersion(v) => format!(
                "Versionen som ska justeras ({v}) finns inte i dokumentet; ladda om protokollet och justera igen"
            ),
            DocError::AlreadyTakenUp { meeting } => {
                format!("Frågan står redan på dagordningen för {meeting}; öppna det mötet i stället")
            }
            DocError::Automerge(e) => format!("Dokumentet tog inte emot ändringen: {e}"),
            DocError::Refused(e) => e.sv(),
            DocError::Note(e) => e.sv(),
            DocError::Vote(e) => e.sv(),
            DocError::BoardLocked => "Tavlan eller frågan är låst, så lappar kan inte flyttas eller tas bort. Processledaren kan låsa upp den.".into(),
            DocError::Plan(e) => e.sv(),
        }
    }
}

/// The Swedish for the names of things that `DocError`s carry (written in English in the code).
fn swedish(what: &str) -> &str {
    match what {
        "question" | "the question" => "frågan",
        "action item" => "åtgärden",
        "decision" => "beslutet",
        "discussion point" => "diskussionspunkten",
        "a council" => "ett råd",
        "a meeting" => "ett möte",
        "an approval" => "en justering",
        "attendance" => "närvarolistan",
        "the attendance row" => "raden i närvarolistan",
        "minutes" => "protokollet",
        "item" => "punkten",
        "the new agenda item" => "den nya punkten",
        "the item's place" => "punktens plats",
        "the entry's place" => "radens plats",
        "meeting" | "the meeting" => "mötet",
        "the meeting link" => "länken till mötet",
        "the council" => "rådet",
        "a board" => "en workshoptavla",
        "the board" => "tavlan",
        "note" | "the note" => "lappen",
        "prompt" | "the prompt" => "frågan på tavlan",
        "group" | "the group" => "gruppen",
        "the timer" => "tidtagningen",
        "an initiative" => "en insats",
        "the initiative" => "insatsen",
        "a communication plan" => "en kommunikationsplan",
        "the communication plan" => "kommunikationsplanen",
        "the action plan" => "handlingsplanen",
        "status report" => "statusrapporten",
        "line" => "raden",
        "deliverable" => "leverabeln",
        "indicator" => "indikatorn",
        "economic benefit" => "den ekonomiska nyttan",
        "risk" => "risken",
        "budget line" => "budgetposten",
        "report" => "rapporten",
        "target group" => "målgruppen",
        "goal" => "målet",
        "message" => "budskapet",
        "channel" => "kanalen",
        "activity" => "aktiviteten",
        other => other,
    }
}

/// Commit pending typing (text splices) as one change, stamped with `now` (unix seconds).
/// Call it after a short pause in typing or on blur. Returns whether anything was committed.
pub fn commit_typing(doc: &mut AutoCommit, now: i64) -> bool {
    commit_pending(doc, now, "Skrev text")
}

/// Commit whatever is pending with a message; nothing happens when nothing is pending.
pub(crate) fn commit_pending(doc: &mut AutoCommit, now: i64, message: &str) -> bool {
    if doc.pending_ops() == 0 {
        return false;
    }
    doc.commit_with(CommitOptions::default().with_message(message).with_time(now))
        .is_some()
}

/// Commit a structural change: earlier typing first as its own change, so the history view
/// attributes each to what it was.
pub(crate) fn commit_change<T>(
    doc: &mut AutoCommit,
    now: i64,
    message: impl Into<String>,
    change: impl FnOnce(&mut AutoCommit) -> Result<T, DocError>,
) -> Result<T, DocError> {
    commit_typing(doc, now);
    match change(doc) {
        Ok(value) => {
            commit_pending(doc, now, &message.into());
            Ok(value)
        }
        Err(e) => {
            // Leave no half-done change behind.
            doc.rollback();
            Err(e)
        }
    }
}

/// Convert a UTF-16 offset (what browser text fields report) to the character offset the
/// splice functions take. Offsets past the end clamp to the end.
pub fn utf16_to_char_index(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (chars, c) in text.chars().enumerate() {
        if units >= utf16 {
            return chars;
        }
        units += c.len_utf16();
    }
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_said_in_swedish_too() {
        assert_eq!(
            DocError::Locked.sv(),
            "Protokollet är justerat och låst; öppna det igen med ett skäl innan du ändrar"
        );
        assert!(DocError::Locked.to_string().starts_with("the minutes are approved"));
        let gone = DocError::EntryNotFound { what: "decision", id: "x".into() };
        assert!(gone.sv().starts_with("Beslutet finns inte i mötet"), "{}", gone.sv());
    }

    #[test]
    fn utf16_offsets() {
        assert_eq!(utf16_to_char_index("Hej", 2), 2);
        assert_eq!(utf16_to_char_index("a😀b", 3), 2);
        assert_eq!(utf16_to_char_index("åäö", 10), 3);
    }
}
