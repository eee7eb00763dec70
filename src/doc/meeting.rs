//! Change functions and hydration for a meeting document (mötesdokument).
//!
//! The agenda lives under `agenda` as a map from item id to item; each item's `position` is its
//! order key. So adding, moving, editing and removing each touch only the item concerned, and
//! concurrent changes by different people all survive a merge.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value, ROOT};
use autosurgeon::{hydrate, reconcile, reconcile_prop, Reconcile};

use super::{commit_change, DocError};
use crate::model::attendance::Presence;
use crate::model::meeting::{AgendaItem, Attendance, ItemKind, Meeting, MeetingStatus};
use crate::model::{keyed, position, AttendanceId, ClockTime, ItemId};

const AGENDA: &str = "agenda";
pub(crate) const LOCKED: &str = "locked";

/// Write a whole new meeting into an empty document (a new meeting, or the demo).
pub fn create_meeting(doc: &mut AutoCommit, meeting: &Meeting, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("Skapade mötet {}", meeting.title), |doc| {
        reconcile(doc, meeting).map_err(|e| DocError::write("the meeting", e))
    })
}

/// Read the meeting the document holds.
pub fn hydrate_meeting(doc: &AutoCommit) -> Result<Meeting, DocError> {
    hydrate(doc).map_err(|e| DocError::unreadable("a meeting", e))
}

// Defined in the model so the pure paste import can produce it; re-exported where views look.
pub use crate::model::meeting::NewAgendaItem;

/// Add an agenda item with id `id` right after `after`, or last when `after` is `None`.
/// Returns the id, for focusing the new row.
pub fn add_agenda_item(
    doc: &mut AutoCommit,
    id: ItemId,
    after: Option<ItemId>,
    fields: NewAgendaItem,
    now: i64,
) -> Result<ItemId, DocError> {
    let message = format!("Lade till punkt {}", fields.number);
    commit_change(doc, now, message, |doc| {
        ensure_unlocked(doc)?;
        let mut order = agenda_order(doc)?;
        let index = match after {
            Some(after) => {
                order.iter().position(|o| o.id == after).ok_or(DocError::ItemNotFound(after))? + 1
            }
            None => order.len(),
        };
        let position = key_at(doc, &mut order, index)?;
        let item = AgendaItem::new(id, position, fields);
        let agenda = agenda_obj(doc, true)?;
        reconcile_prop(doc, &agenda, id.to_string().as_str(), &item)
            .map_err(|e| DocError::write("the new agenda item", e))?;
        Ok(id)
    })
}

/// Changes to an item's short fields; `None` leaves a field as it is, so two people editing
/// different fields of one item at once both keep their edit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgendaItemEdit {
    pub number: Option<String>,
    pub kind: Option<ItemKind>,
    pub responsible: Option<String>,
    /// `Some(None)` clears a fixed start so the item follows the one before.
    pub start: Option<Option<String>>,
    pub duration_minutes: Option<Option<u32>>,
}

/// Edit an item's number, type, responsible, fixed start or length.
pub fn edit_agenda_item_fields(
    doc: &mut AutoCommit,
    item: ItemId,
    edit: AgendaItemEdit,
    now: i64,
) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade punkt", |doc| {
        ensure_unlocked(doc)?;
        let obj = item_obj(doc, item)?;
        let AgendaItemEdit { number, kind, responsible, start, duration_minutes } = edit;
        put_field(doc, &obj, "number", number)?;
        put_field(doc, &obj, "kind", kind)?;
        put_field(doc, &obj, "responsible", responsible)?;
        put_field(doc, &obj, "start", start)?;
        put_field(doc, &obj, "duration_minutes", duration_minutes)?;
        Ok(())
    })
}

/// Type into an item's description (beskrivning): at character `pos`, remove `del` characters
/// and insert `insert`. Positions count characters (Unicode scalar values); see
/// `doc::utf16_to_char_index` for browser offsets. Not committed: call `doc::commit_typing`.
pub fn splice_agenda_description(
    doc: &mut AutoCommit,
    item: ItemId,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    splice_item_text(doc, item, "description", pos, del, insert)
}

/// Type into an item's minutes notes (anteckningar); same rules as the description.
pub fn splice_agenda_notes(
    doc: &mut AutoCommit,
    item: ItemId,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    splice_item_text(doc, item, "notes", pos, del, insert)
}

/// Move an item to `new_index` among the visible (not removed) items, 0 = first.
/// Only the moved item's order key changes, so a concurrent edit of its text survives.
pub fn move_agenda_item(
    doc: &mut AutoCommit,
    item: ItemId,
    new_index: usize,
    now: i64,
) -> Result<(), DocError> {
    commit_change(doc, now, "Flyttade punkt", |doc| {
        ensure_unlocked(doc)?;
        let mut order = agenda_order(doc)?;
        let from = order.iter().position(|o| o.id == item).ok_or(DocError::ItemNotFound(item))?;
        order.remove(from);
        // Translate the index among visible items into an index in the full order, so removed
        // items keep their place relative to their visible neighbours.
        let visible: Vec<usize> =
            order.iter().enumerate().filter(|(_, o)| !o.deleted).map(|(i, _)| i).collect();
        let index = match visible.get(new_index) {
            Some(&full) => full,
            None => visible.last().map_or(order.len(), |&last| last + 1),
        };
        let key = key_at(doc, &mut order, index)?;
        let obj = item_obj(doc, item)?;
        put_field(doc, &obj, "position", Some(key))
    })
}

/// Remove an item (ta bort). It stays in the document, marked removed, so it can be restored.
pub fn remove_agenda_item(doc: &mut AutoCommit, item: ItemId, now: i64) -> Result<(), DocError> {
    set_deleted(doc, item, true, now, "Tog bort punkt")
}

/// Restore a removed item (återställ) at its old place.
pub fn restore_agenda_item(doc: &mut AutoCommit, item: ItemId, now: i64) -> Result<(), DocError> {
    set_deleted(doc, item, false, now, "Återställde punkt")
}

/// Move the meeting along its life: planerat → kallelse skickad → … → publicerat.
pub fn set_meeting_status(
    doc: &mut AutoCommit,
    status: MeetingStatus,
    now: i64,
) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade mötets status", |doc| {
        put_field(doc, &ROOT, "status", Some(status))
    })
}

/// Commit message prefix of [`set_current_item`]; following the chair is not a change to the
/// minutes, so it is allowed on locked minutes and does not count as a change after justering.
pub(crate) const FOLLOW_ME_MESSAGE: &str = "Följ mig: bytte aktuell punkt";

/// The chair's current item ("följ mig"); `None` stops following. Tablets that follow the chair
/// show this item.
pub fn set_current_item(doc: &mut AutoCommit, item: Option<ItemId>, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, FOLLOW_ME_MESSAGE, |doc| {
        if let Some(item) = item {
            item_obj(doc, item)?;
        }
        put_field(doc, &ROOT, "current_item", Some(item))
    })
}

/// The item starts now (`at`, the time of day): its actual start is recorded, any other item
/// still running is finished at the same moment, and it becomes the chair's current item.
/// Starting an item again (the chair went back) clears its end.
pub fn start_agenda_item(doc: &mut AutoCommit, item: ItemId, at: ClockTime, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Startade punkt", |doc| {
        ensure_unlocked(doc)?;
        let meeting = hydrate_meeting(doc)?;
        let target = meeting.agenda_item(item).ok_or(DocError::ItemNotFound(item))?.id;
        for running in meeting.agenda.iter().filter(|i| i.id != target && i.actual_start.is_some() && i.actual_end.is_none()) {
            let obj = item_obj(doc, running.id)?;
            put_field(doc, &obj, "actual_end", Some(Some(at.to_string())))?;
        }
        let obj = item_obj(doc, target)?;
        put_field(doc, &obj, "actual_start", Some(Some(at.to_string())))?;
        put_field(doc, &obj, "actual_end", Some(None::<String>))?;
        put_field(doc, &ROOT, "current_item", Some(Some(target)))
    })
}

/// The item ends at `at` (time of day).
pub fn finish_agenda_item(doc: &mut AutoCommit, item: ItemId, at: ClockTime, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Avslutade punkt", |doc| {
        ensure_unlocked(doc)?;
        let obj = item_obj(doc, item)?;
        put_field(doc, &obj, "actual_end", Some(Some(at.to_string())))
    })
}

/// Correct an item's recorded actual times (`None` clears one).
pub fn set_actual_times(
    doc: &mut AutoCommit,
    item: ItemId,
    start: Option<ClockTime>,
    end: Option<ClockTime>,
    now: i64,
) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade faktiska tider", |doc| {
        ensure_unlocked(doc)?;
        let obj = item_obj(doc, item)?;
        put_field(doc, &obj, "actual_start", Some(start.map(|t| t.to_string())))?;
        put_field(doc, &obj, "actual_end", Some(end.map(|t| t.to_string())))
    })
}

/// Add pasted or proposed items (see `model::agenda_import`) after `after` (or last), in order,
/// as one change. Returns the ids in agenda order.
pub fn add_agenda_items(
    doc: &mut AutoCommit,
    after: Option<ItemId>,
    items: Vec<(ItemId, NewAgendaItem)>,
    now: i64,
) -> Result<Vec<ItemId>, DocError> {
    let message = format!("Klistrade in {} punkter", items.len());
    commit_change(doc, now, message, |doc| {
        ensure_unlocked(doc)?;
        let mut order = agenda_order(doc)?;
        let first = match after {
            Some(after) => {
                order.iter().position(|o| o.id == after).ok_or(DocError::ItemNotFound(after))? + 1
            }
            None => order.len(),
        };
        let mut added = Vec::with_capacity(items.len());
        for (index, (id, fields)) in (first..).zip(items) {
            let position = key_at(doc, &mut order, index)?;
            let item = AgendaItem::new(id, position.clone(), fields);
            let agenda = agenda_obj(doc, true)?;
            reconcile_prop(doc, &agenda, id.to_string().as_str(), &item)
                .map_err(|e| DocError::write("the new agenda item", e))?;
            order.insert(index, OrderEntry { id, position, deleted: false });
            added.push(id);
        }
        Ok(added)
    })
}

/// Mark someone as attending (deltagare) or with regrets (förhindrad). The row moves between
/// the two lists by its id; marking the same row again updates its name and organisation.
/// Start from `model::attendance::initial_attendance` for the council's members.
pub fn set_attendance(
    doc: &mut AutoCommit,
    row: Attendance,
    presence: Presence,
    now: i64,
) -> Result<(), DocError> {
    let message = match presence {
        Presence::Attending => format!("{} deltar", row.name),
        Presence::Regrets => format!("{} är förhindrad", row.name),
    };
    commit_change(doc, now, message, |doc| {
        ensure_unlocked(doc)?;
        let (into, out_of) = match presence {
            Presence::Attending => (ATTENDEES, ABSENTEES),
            Presence::Regrets => (ABSENTEES, ATTENDEES),
        };
        remove_attendance_from(doc, out_of, row.id)?;
        let list = list_obj(doc, into)?;
        let rows: Vec<Attendance> = autosurgeon::hydrate_prop(&*doc, ROOT, into)
            .map_err(|e| DocError::unreadable("attendance", e))?;
        match rows.iter().position(|r| r.id == row.id) {
            Some(i) => reconcile_prop(doc, &list, i, &row),
            None => {
                let end = doc.length(&list);
                autosurgeon::reconcile_insert(doc, list, end, &row)
            }
        }
        .map_err(|e| DocError::write("the attendance row", e))
    })
}

/// Take someone off both lists (neither attending nor with regrets).
pub fn clear_attendance(doc: &mut AutoCommit, id: AttendanceId, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Tog bort från närvarolistan", |doc| {
        ensure_unlocked(doc)?;
        remove_attendance_from(doc, ATTENDEES, id)?;
        remove_attendance_from(doc, ABSENTEES, id)
    })
}

const ATTENDEES: &str = "attendees";
const ABSENTEES: &str = "absentees";

fn list_obj(doc: &mut AutoCommit, field: &'static str) -> Result<ObjId, DocError> {
    match doc.get(ROOT, field)? {
        Some((Value::Object(ObjType::List), obj)) => Ok(obj),
        None => Ok(doc.put_object(ROOT, field, ObjType::List)?),
        Some((other, _)) => Err(DocError::unreadable("a meeting", format!("{field} is {other:?}"))),
    }
}

/// Delete every row with `id` from a list (concurrent marking can leave two).
fn remove_attendance_from(doc: &mut AutoCommit, field: &'static str, id: AttendanceId) -> Result<(), DocError> {
    let list = list_obj(doc, field)?;
    let rows: Vec<Attendance> =
        autosurgeon::hydrate_prop(&*doc, ROOT, field).map_err(|e| DocError::unreadable("attendance", e))?;
    for (i, _) in rows.iter().enumerate().rev().filter(|(_, r)| r.id == id) {
        doc.delete(&list, i)?;
    }
    Ok(())
}

fn set_deleted(
    doc: &mut AutoCommit,
    item: ItemId,
    deleted: bool,
    now: i64,
    message: &str,
) -> Result<(), DocError> {
    commit_change(doc, now, message, |doc| {
        ensure_unlocked(doc)?;
        let obj = item_obj(doc, item)?;
        put_field(doc, &obj, "deleted", Some(deleted))
    })
}

fn splice_item_text(
    doc: &mut AutoCommit,
    item: ItemId,
    field: &'static str,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    ensure_unlocked(doc)?;
    let obj = item_obj(doc, item)?;
    splice_text_field(doc, &obj, field, pos, del, insert)
}

/// Splice into the text `field` of `obj`, creating it empty if an older document lacks it.
pub(crate) fn splice_text_field(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &'static str,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    let obj = obj.clone();
    let text = match doc.get(&obj, field)? {
        Some((Value::Object(ObjType::Text), text)) => text,
        // An item written without this text yet (older document): create it empty.
        None => doc.put_object(&obj, field, ObjType::Text)?,
        Some((other, _)) => return Err(DocError::unreadable("text", format!("{field} is {other:?}"))),
    };
    let len = doc.length(&text);
    if pos > len || del > len - pos {
        return Err(DocError::OutOfRange { pos, del, len });
    }
    doc.splice_text(&text, pos, del as isize, insert)?;
    Ok(())
}

/// Refuse a change to the minutes while they are approved and locked (see `doc::approval`).
pub(crate) fn ensure_unlocked(doc: &AutoCommit) -> Result<(), DocError> {
    match doc.get(ROOT, LOCKED)? {
        Some((Value::Scalar(s), _)) if s.as_bool() == Some(true) => Err(DocError::Locked),
        _ => Ok(()),
    }
}

pub(crate) fn put_field<V: Reconcile>(
    doc: &mut AutoCommit,
    obj: &ObjId,
    field: &'static str,
    value: Option<V>,
) -> Result<(), DocError> {
    match value {
        Some(v) => reconcile_prop(doc, obj, field, v).map_err(|e| DocError::write(field, e)),
        None => Ok(()),
    }
}

fn agenda_obj(doc: &mut AutoCommit, create: bool) -> Result<ObjId, DocError> {
    match doc.get(ROOT, AGENDA)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        None if create => Ok(doc.put_object(ROOT, AGENDA, ObjType::Map)?),
        None => Err(DocError::unreadable("a meeting", "it has no agenda")),
        Some((other, _)) => Err(DocError::unreadable("a meeting", format!("agenda is {other:?}"))),
    }
}

pub(crate) fn item_obj(doc: &mut AutoCommit, item: ItemId) -> Result<ObjId, DocError> {
    let agenda = match doc.get(ROOT, AGENDA)? {
        Some((Value::Object(ObjType::Map), obj)) => obj,
        _ => return Err(DocError::ItemNotFound(item)),
    };
    match doc.get(&agenda, item.to_string())? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(DocError::ItemNotFound(item)),
    }
}

/// The part of an item that ordering needs.
struct OrderEntry {
    id: ItemId,
    position: String,
    deleted: bool,
}

impl keyed::Keyed for OrderEntry {
    type Id = ItemId;
    fn id(&self) -> &ItemId {
        &self.id
    }
    fn position(&self) -> &str {
        &self.position
    }
}

fn agenda_order(doc: &AutoCommit) -> Result<Vec<OrderEntry>, DocError> {
    let meeting = hydrate_meeting(doc)?;
    let mut order: Vec<OrderEntry> = meeting
        .agenda
        .into_iter()
        .map(|i| OrderEntry { id: i.id, position: i.position, deleted: i.deleted })
        .collect();
    keyed::sort_by_position(&mut order);
    Ok(order)
}

/// An order key for a new place at `index` in `order` (which must not contain the item being
/// placed). When neighbours share a key — two people inserted at the same spot at once — the
/// whole agenda is renumbered first; rare, and the renumbering is itself mergeable.
fn key_at(doc: &mut AutoCommit, order: &mut [OrderEntry], index: usize) -> Result<String, DocError> {
    let before = |o: &[OrderEntry]| index.checked_sub(1).and_then(|i| o.get(i)).map(|e| e.position.clone());
    let after = |o: &[OrderEntry]| o.get(index).map(|e| e.position.clone());
    if let Some(key) = position::between(before(order).as_deref(), after(order).as_deref()) {
        return Ok(key);
    }
    let keys = position::spread(order.len());
    for (entry, key) in order.iter_mut().zip(keys) {
        let obj = item_obj(doc, entry.id)?;
        put_field(doc, &obj, "position", Some(key.clone()))?;
        entry.position = key;
    }
    position::between(before(order).as_deref(), after(order).as_deref())
        .ok_or_else(|| DocError::write("the item's place", "no order key fits after renumbering"))
}
