//! Change functions for the minutes of one agenda item (minnesanteckningar): discussion points,
//! decisions and action items, plus the A-item rule before closing the meeting.
//!
//! Each list is a map keyed by id inside its item (like the agenda), so two people adding a
//! decision at once both keep theirs. Removing only marks an entry, so it can be restored. Every
//! function here refuses to run on approved, locked minutes — except marking an action item
//! done, which is follow-up after the meeting rather than a change to what was recorded.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value};
use autosurgeon::{reconcile_prop, Reconcile, Text};

use super::meeting::{ensure_unlocked, item_obj, put_field, splice_text_field};
use super::{commit_change, DocError};
use crate::model::meeting::{
    ActionItem, ActionStatus, AgendaItem, Decision, DiscussionPoint, Meeting,
};
use crate::model::{position, ActionItemId, DecisionId, EntryId, ItemId, PersonId};

const DISCUSSION: &str = "discussion";
const DECISIONS: &str = "decisions";
const ACTION_ITEMS: &str = "action_items";

/// Commit message of [`set_action_item_status`]; follow-up, so not a change "after justering".
pub(crate) const ACTION_STATUS_MESSAGE: &str = "Uppföljning: ändrade åtgärdens status";

/// Add a discussion point ("Gruppen diskuterade följande") last under `item`.
pub fn add_discussion_point(
    doc: &mut AutoCommit,
    item: ItemId,
    id: EntryId,
    text: &str,
    now: i64,
) -> Result<EntryId, DocError> {
    let point = DiscussionPoint { id, position: String::new(), text: Text::with_value(text), deleted: false };
    add_entry(doc, item, DISCUSSION, id.to_string(), point, now, "Lade till diskussionspunkt")?;
    Ok(id)
}

/// Type into a discussion point. Not committed: call `doc::commit_typing`.
pub fn splice_discussion_point(
    doc: &mut AutoCommit,
    item: ItemId,
    point: EntryId,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    splice_entry(doc, item, DISCUSSION, "discussion point", &point.to_string(), "text", pos, del, insert)
}

/// Remove a discussion point; it can be restored.
pub fn remove_discussion_point(doc: &mut AutoCommit, item: ItemId, point: EntryId, now: i64) -> Result<(), DocError> {
    mark_deleted(doc, item, DISCUSSION, "discussion point", &point.to_string(), true, now, "Tog bort diskussionspunkt")
}

pub fn restore_discussion_point(doc: &mut AutoCommit, item: ItemId, point: EntryId, now: i64) -> Result<(), DocError> {
    mark_deleted(doc, item, DISCUSSION, "discussion point", &point.to_string(), false, now, "Återställde diskussionspunkt")
}

/// Record a decision (beslut) under `item`.
pub fn add_decision(
    doc: &mut AutoCommit,
    item: ItemId,
    id: DecisionId,
    text: &str,
    now: i64,
) -> Result<DecisionId, DocError> {
    let decision = Decision { id, position: String::new(), text: Text::with_value(text), deleted: false };
    add_entry(doc, item, DECISIONS, id.to_string(), decision, now, "Lade till beslut")?;
    Ok(id)
}

/// Type into a decision's text. Not committed: call `doc::commit_typing`.
pub fn splice_decision(
    doc: &mut AutoCommit,
    item: ItemId,
    decision: DecisionId,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    splice_entry(doc, item, DECISIONS, "decision", &decision.to_string(), "text", pos, del, insert)
}

pub fn remove_decision(doc: &mut AutoCommit, item: ItemId, decision: DecisionId, now: i64) -> Result<(), DocError> {
    mark_deleted(doc, item, DECISIONS, "decision", &decision.to_string(), true, now, "Tog bort beslut")
}

pub fn restore_decision(doc: &mut AutoCommit, item: ItemId, decision: DecisionId, now: i64) -> Result<(), DocError> {
    mark_deleted(doc, item, DECISIONS, "decision", &decision.to_string(), false, now, "Återställde beslut")
}

/// Fields of a new action item (ny åtgärd).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewActionItem {
    /// Vad.
    pub what: String,
    /// Vem, as written.
    pub who: String,
    /// The council's person, when `who` is one.
    pub person: Option<PersonId>,
    /// Klart senast, "YYYY-MM-DD".
    pub due: Option<String>,
}

/// Record an action item (åtgärd) under `item`; it starts open.
pub fn add_action_item(
    doc: &mut AutoCommit,
    item: ItemId,
    id: ActionItemId,
    fields: NewActionItem,
    now: i64,
) -> Result<ActionItemId, DocError> {
    let action = ActionItem {
        id,
        position: String::new(),
        what: Text::with_value(fields.what),
        who: fields.who,
        person: fields.person,
        due: fields.due,
        status: ActionStatus::Open,
        deleted: false,
    };
    add_entry(doc, item, ACTION_ITEMS, id.to_string(), action, now, "Lade till åtgärd")?;
    Ok(id)
}

/// Type into what an action item says. Not committed: call `doc::commit_typing`.
pub fn splice_action_item(
    doc: &mut AutoCommit,
    item: ItemId,
    action: ActionItemId,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    splice_entry(doc, item, ACTION_ITEMS, "action item", &action.to_string(), "what", pos, del, insert)
}

/// Changes to an action item's short fields; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionItemEdit {
    pub who: Option<String>,
    pub person: Option<Option<PersonId>>,
    /// `Some(None)` clears the due date.
    pub due: Option<Option<String>>,
}

pub fn edit_action_item(
    doc: &mut AutoCommit,
    item: ItemId,
    action: ActionItemId,
    edit: ActionItemEdit,
    now: i64,
) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade åtgärd", |doc| {
        ensure_unlocked(doc)?;
        let obj = entry_obj(doc, item, ACTION_ITEMS, "action item", &action.to_string())?;
        let ActionItemEdit { who, person, due } = edit;
        put_field(doc, &obj, "who", who)?;
        put_field(doc, &obj, "person", person)?;
        put_field(doc, &obj, "due", due)
    })
}

/// Mark an action item open or done (klar). Allowed on approved minutes: following up action
/// items is what happens after the meeting, and it does not count as a change after justering.
pub fn set_action_item_status(
    doc: &mut AutoCommit,
    item: ItemId,
    action: ActionItemId,
    status: ActionStatus,
    now: i64,
) -> Result<(), DocError> {
    commit_change(doc, now, ACTION_STATUS_MESSAGE, |doc| {
        let obj = entry_obj(doc, item, ACTION_ITEMS, "action item", &action.to_string())?;
        put_field(doc, &obj, "status", Some(status))
    })
}

pub fn remove_action_item(doc: &mut AutoCommit, item: ItemId, action: ActionItemId, now: i64) -> Result<(), DocError> {
    mark_deleted(doc, item, ACTION_ITEMS, "action item", &action.to_string(), true, now, "Tog bort åtgärd")
}

pub fn restore_action_item(doc: &mut AutoCommit, item: ItemId, action: ActionItemId, now: i64) -> Result<(), DocError> {
    mark_deleted(doc, item, ACTION_ITEMS, "action item", &action.to_string(), false, now, "Återställde åtgärd")
}

/// A items (arbetsmoment) still without a decision or an action item: say these before the
/// meeting is closed. In agenda order.
pub fn open_work_items(meeting: &Meeting) -> Vec<&AgendaItem> {
    meeting.visible_agenda().filter(|i| i.is_open_work()).collect()
}

/// Add `entry` under `item`'s map `field`, last in order. Appends by two people at once may get
/// the same order key; ties are broken by id, the same on every device.
fn add_entry<T: Reconcile>(
    doc: &mut AutoCommit,
    item: ItemId,
    field: &'static str,
    key: String,
    entry: T,
    now: i64,
    message: &str,
) -> Result<(), DocError> {
    commit_change(doc, now, message, |doc| {
        ensure_unlocked(doc)?;
        let item_obj = item_obj(doc, item)?;
        let list = match doc.get(&item_obj, field)? {
            Some((Value::Object(ObjType::Map), obj)) => obj,
            // An item written before minutes had this list: create it.
            None => doc.put_object(&item_obj, field, ObjType::Map)?,
            Some((other, _)) => {
                return Err(DocError::unreadable("minutes", format!("{field} is {other:?}")))
            }
        };
        let last = last_position(doc, &list)?;
        let position = position::between(last.as_deref(), None)
            .ok_or_else(|| DocError::write("the entry's place", "no order key after the last"))?;
        reconcile_prop(doc, &list, key.as_str(), entry).map_err(|e| DocError::write(field, e))?;
        let obj = match doc.get(&list, key.as_str())? {
            Some((Value::Object(ObjType::Map), obj)) => obj,
            _ => return Err(DocError::write(field, "the new entry is missing after writing it")),
        };
        put_field(doc, &obj, "position", Some(position))
    })
}

/// The greatest order key among the entries of a keyed map.
fn last_position(doc: &AutoCommit, list: &ObjId) -> Result<Option<String>, DocError> {
    let keys: Vec<String> = doc.map_range(list, ..).map(|e| e.key.into_owned()).collect();
    let mut last: Option<String> = None;
    for key in keys {
        let Some((Value::Object(ObjType::Map), entry)) = doc.get(list, key.as_str())? else {
            continue;
        };
        if let Some((Value::Scalar(s), _)) = doc.get(&entry, "position")? {
            if let Some(p) = s.as_str() {
                if last.as_deref().is_none_or(|l| p > l) {
                    last = Some(p.to_string());
                }
            }
        }
    }
    Ok(last)
}

fn entry_obj(
    doc: &mut AutoCommit,
    item: ItemId,
    field: &'static str,
    what: &'static str,
    key: &str,
) -> Result<ObjId, DocError> {
    let not_found = || DocError::EntryNotFound { what, id: key.to_string() };
    let item_obj = item_obj(doc, item)?;
    let list = match doc.get(&item_obj, field)? {
        Some((Value::Object(ObjType::Map), obj)) => obj,
        _ => return Err(not_found()),
    };
    match doc.get(&list, key)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(not_found()),
    }
}

#[allow(clippy::too_many_arguments)]
fn splice_entry(
    doc: &mut AutoCommit,
    item: ItemId,
    field: &'static str,
    what: &'static str,
    key: &str,
    text_field: &'static str,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    ensure_unlocked(doc)?;
    let obj = entry_obj(doc, item, field, what, key)?;
    splice_text_field(doc, &obj, text_field, pos, del, insert)
}

#[allow(clippy::too_many_arguments)]
fn mark_deleted(
    doc: &mut AutoCommit,
    item: ItemId,
    field: &'static str,
    what: &'static str,
    key: &str,
    deleted: bool,
    now: i64,
    message: &str,
) -> Result<(), DocError> {
    commit_change(doc, now, message, |doc| {
        ensure_unlocked(doc)?;
        let obj = entry_obj(doc, item, field, what, key)?;
        put_field(doc, &obj, "deleted", Some(deleted))
    })
}
