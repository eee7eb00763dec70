//! Change functions and hydration for a council's root document (rådets huvuddokument).

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value, ROOT};
use autosurgeon::{hydrate, reconcile, reconcile_insert, reconcile_prop, Text};

use super::meeting::{add_agenda_item, NewAgendaItem};
use super::{commit_change, DocError};
use crate::model::{BoardLink, Council, DocUrl, ItemId, ItemKind, MeetingLink, Question, QuestionId, QuestionStatus};

const QUESTIONS: &str = "questions";

const MEETINGS: &str = "meetings";
const BOARDS: &str = "boards";

/// Write a whole new council into an empty document.
pub fn create_council(doc: &mut AutoCommit, council: &Council, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("Skapade rådet {}", council.name), |doc| {
        reconcile(doc, council).map_err(|e| DocError::write("the council", e))
    })
}

/// Read the council the root document holds.
pub fn hydrate_council(doc: &AutoCommit) -> Result<Council, DocError> {
    hydrate(doc).map_err(|e| DocError::unreadable("a council", e))
}

/// Link a meeting document from the council (lägg till möte). Inserts into the list rather than
/// rewriting it, so two people adding meetings at once both keep theirs. Linking a URL that is
/// already linked does nothing.
pub fn add_meeting_link(doc: &mut AutoCommit, link: MeetingLink, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("Lade till mötet {}", link.title), |doc| {
        let list = match doc.get(ROOT, MEETINGS)? {
            Some((Value::Object(ObjType::List), list)) => list,
            None => doc.put_object(ROOT, MEETINGS, ObjType::List)?,
            Some((other, _)) => {
                return Err(DocError::unreadable("a council", format!("meetings is {other:?}")))
            }
        };
        let existing: Vec<MeetingLink> = autosurgeon::hydrate_prop(&*doc, ROOT, MEETINGS)
            .map_err(|e| DocError::unreadable("a council", e))?;
        if existing.iter().any(|m| m.url == link.url) {
            return Ok(());
        }
        let end = doc.length(&list);
        reconcile_insert(doc, list, end, &link).map_err(|e| DocError::write("the meeting link", e))
    })
}

/// Link a workshop board from the council. Inserted into the list, so two boards made at once
/// both stay linked; a URL already linked is left alone.
pub fn add_board_link(doc: &mut AutoCommit, link: BoardLink, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("Lade till workshoptavlan {}", link.title), |doc| {
        let list = match doc.get(ROOT, BOARDS)? {
            Some((Value::Object(ObjType::List), list)) => list,
            None => doc.put_object(ROOT, BOARDS, ObjType::List)?,
            Some((other, _)) => return Err(DocError::unreadable("a council", format!("boards is {other:?}"))),
        };
        let existing: Vec<BoardLink> = autosurgeon::hydrate_prop(&*doc, ROOT, BOARDS).map_err(|e| DocError::unreadable("a council", e))?;
        if existing.iter().any(|b| b.url == link.url) {
            return Ok(());
        }
        let end = doc.length(&list);
        reconcile_insert(doc, list, end, &link).map_err(|e| DocError::write("the board link", e))
    })
}

/// The meeting links in the order they were added.
pub fn meeting_urls(doc: &AutoCommit) -> Result<Vec<DocUrl>, DocError> {
    Ok(hydrate_council(doc)?.meetings.into_iter().map(|m| m.url).collect())
}

/// Fields of a newly raised question (ny fråga).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewQuestion {
    pub text: String,
    /// A person or a network, as written.
    pub from: String,
    /// "YYYY-MM-DD", or empty when not known.
    pub raised_on: String,
}

/// Add a question raised to the council; it waits until taken up. Inserted into the list, so
/// two people adding questions at once both keep theirs.
pub fn add_question(doc: &mut AutoCommit, id: QuestionId, fields: NewQuestion, now: i64) -> Result<QuestionId, DocError> {
    let question = Question {
        id,
        text: Text::with_value(fields.text),
        from: fields.from,
        raised_on: fields.raised_on,
        status: QuestionStatus::Waiting,
        taken_up_in: None,
        agenda_item: None,
    };
    commit_change(doc, now, "Lade till fråga", |doc| {
        let list = match doc.get(ROOT, QUESTIONS)? {
            Some((Value::Object(ObjType::List), list)) => list,
            None => doc.put_object(ROOT, QUESTIONS, ObjType::List)?,
            Some((other, _)) => {
                return Err(DocError::unreadable("a council", format!("questions is {other:?}")))
            }
        };
        let end = doc.length(&list);
        reconcile_insert(doc, list, end, &question).map_err(|e| DocError::write("the question", e))?;
        Ok(id)
    })
}

/// Close a question without an agenda item, or put it back to waiting.
pub fn set_question_status(doc: &mut AutoCommit, id: QuestionId, status: QuestionStatus, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade frågans status", |doc| {
        let obj = question_obj(doc, id)?;
        reconcile_prop(doc, &obj, "status", status).map_err(|e| DocError::write("status", e))
    })
}

/// Take a question up on a meeting's agenda: adds an item (a discussion point numbered
/// `number`, responsible `responsible`, after `after` or last) to `meeting_doc`, then marks the
/// question taken up in `council_doc` with the meeting and the item. Returns the item id.
/// If the second step fails the item stays, so nothing typed is lost; try again to mark it.
#[allow(clippy::too_many_arguments)]
pub fn take_up_question(
    council_doc: &mut AutoCommit,
    meeting_doc: &mut AutoCommit,
    question: QuestionId,
    meeting_url: &DocUrl,
    item: ItemId,
    after: Option<ItemId>,
    number: &str,
    responsible: &str,
    now: i64,
) -> Result<ItemId, DocError> {
    let fields = question_agenda_item(council_doc, question, number, responsible)?;
    add_agenda_item(meeting_doc, item, after, fields, now)?;
    mark_question_taken_up(council_doc, question, meeting_url, item, now)?;
    Ok(item)
}

/// The agenda item a waiting question becomes (a discussion item with the question's text);
/// refused if it is already on an agenda. The first half of [`take_up_question`].
pub fn question_agenda_item(
    council_doc: &AutoCommit,
    question: QuestionId,
    number: &str,
    responsible: &str,
) -> Result<NewAgendaItem, DocError> {
    let council = hydrate_council(council_doc)?;
    let q = council
        .questions
        .iter()
        .find(|q| q.id == question)
        .ok_or(DocError::EntryNotFound { what: "question", id: question.to_string() })?;
    if let (QuestionStatus::TakenUp, Some(url)) = (q.status, &q.taken_up_in) {
        return Err(DocError::AlreadyTakenUp { meeting: url.to_string() });
    }
    Ok(NewAgendaItem {
        number: number.to_string(),
        kind: ItemKind::Discussion,
        description: q.text.as_str().to_string(),
        responsible: responsible.to_string(),
        start: None,
        duration_minutes: None,
    })
}

/// Marks the question taken up on `meeting_url`'s agenda as `item`. The second half of
/// [`take_up_question`], for when the two documents are changed one after the other.
pub fn mark_question_taken_up(
    council_doc: &mut AutoCommit,
    question: QuestionId,
    meeting_url: &DocUrl,
    item: ItemId,
    now: i64,
) -> Result<(), DocError> {
    commit_change(council_doc, now, "Tog upp fråga på dagordningen", |doc| {
        let obj = question_obj(doc, question)?;
        reconcile_prop(doc, &obj, "status", QuestionStatus::TakenUp).map_err(|e| DocError::write("status", e))?;
        reconcile_prop(doc, &obj, "taken_up_in", Some(meeting_url.clone())).map_err(|e| DocError::write("meeting", e))?;
        reconcile_prop(doc, &obj, "agenda_item", Some(item)).map_err(|e| DocError::write("item", e))
    })
}

fn question_obj(doc: &mut AutoCommit, id: QuestionId) -> Result<ObjId, DocError> {
    let not_found = || DocError::EntryNotFound { what: "question", id: id.to_string() };
    let questions: Vec<Question> = autosurgeon::hydrate_prop(&*doc, ROOT, QUESTIONS)
        .map_err(|e| DocError::unreadable("a council", e))?;
    let index = questions.iter().position(|q| q.id == id).ok_or_else(not_found)?;
    let list = match doc.get(ROOT, QUESTIONS)? {
        Some((Value::Object(ObjType::List), list)) => list,
        _ => return Err(not_found()),
    };
    match doc.get(&list, index)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(not_found()),
    }
}
