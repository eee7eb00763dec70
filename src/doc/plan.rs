//! Typed access to the action plan's documents: one document per initiative
//! (`initiative`), one for the communication plan (`communication`), status reports in either
//! (`status`), and what the council's root keeps of the plan (`council`: links, risks, budget,
//! follow-up reports).
//!
//! Structural edits hydrate the part concerned, change the typed value and reconcile it back,
//! which writes only what differs: a new item is one new key in a map keyed by id, so
//! concurrent additions both survive, and a move writes one order key. Texts are spliced in
//! place (per-character merge) and left for `doc::commit_typing`, like the minutes.

pub mod communication;
pub mod council;
pub mod initiative;
pub mod status;

use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value, ROOT};
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};

use super::meeting::splice_text_field;
use super::{commit_change, DocError};
use crate::model::keyed::Keyed;
use crate::model::plan::line::{append_position, reorder};
use crate::model::plan::PlanError;

impl From<PlanError> for DocError {
    fn from(e: PlanError) -> Self {
        DocError::Plan(e)
    }
}

/// Hydrate the document's root as `T`, let `f` change it, and write back what changed, as one
/// change. `what` names the document in errors ("an initiative").
pub(crate) fn edit_root<T: Hydrate + Reconcile, R>(
    doc: &mut AutoCommit,
    now: i64,
    what: &'static str,
    message: impl Into<String>,
    f: impl FnOnce(&mut T) -> Result<R, DocError>,
) -> Result<R, DocError> {
    commit_change(doc, now, message, |doc| {
        let mut value: T = hydrate(&*doc).map_err(|e| DocError::unreadable(what, e))?;
        let out = f(&mut value)?;
        reconcile(doc, &value).map_err(|e| DocError::write(what, e))?;
        Ok(out)
    })
}

/// Where a co-written text sits: the map keys from the document's root down to the object
/// holding it (field names and item ids), then the text's own field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextPath {
    pub keys: Vec<String>,
    pub field: &'static str,
}

impl TextPath {
    pub(crate) fn new(keys: &[&str], field: &'static str) -> Self {
        TextPath { keys: keys.iter().map(|k| k.to_string()).collect(), field }
    }
}

/// Splice into the text at `path`: at character `pos` remove `del` and insert `insert`. Not
/// committed: call `doc::commit_typing`. `what` names the item in errors.
pub(crate) fn splice_at(
    doc: &mut AutoCommit,
    path: &TextPath,
    what: &'static str,
    pos: usize,
    del: usize,
    insert: &str,
) -> Result<(), DocError> {
    let mut obj: ObjId = ROOT;
    for key in &path.keys {
        obj = match doc.get(&obj, key.as_str())? {
            Some((Value::Object(ObjType::Map), child)) => child,
            _ => return Err(DocError::NotInDocument { what, id: key.clone() }),
        };
    }
    splice_text_field(doc, &obj, path.field, pos, del, insert)
}

/// The item with `id`, or "not in this document".
pub(crate) fn find<'a, T: Keyed>(items: &'a mut [T], id: &T::Id, what: &'static str) -> Result<&'a mut T, DocError> {
    items.iter_mut().find(|i| i.id() == id).ok_or_else(|| DocError::NotInDocument { what, id: id.to_string() })
}

/// Append an item made with its order key (last in the list).
pub(crate) fn append<T: Keyed>(items: &mut Vec<T>, make: impl FnOnce(String) -> T) {
    let position = append_position(items);
    items.push(make(position));
}

/// Move the item `id` to `new_index` among the shown items (`shown` says which), so removed
/// items keep their place relative to their shown neighbours. Only order keys change.
pub(crate) fn move_to<T: Keyed>(
    items: &mut [T],
    id: &T::Id,
    new_index: usize,
    shown: impl Fn(&T) -> bool,
    set: impl Fn(&mut T, String),
    what: &'static str,
) -> Result<(), DocError> {
    crate::model::keyed::sort_by_position(items);
    let from = items.iter().position(|i| i.id() == id).ok_or_else(|| DocError::NotInDocument { what, id: id.to_string() })?;
    // Index among the others (the list without the moved item) where it goes.
    let others: Vec<usize> = (0..items.len()).filter(|&i| i != from).collect();
    let visible: Vec<usize> = others.iter().enumerate().filter(|(_, &i)| shown(&items[i])).map(|(k, _)| k).collect();
    let to = match visible.get(new_index) {
        Some(&k) => k,
        None => visible.last().map_or(others.len(), |&k| k + 1),
    };
    reorder(items, from, to, set);
    Ok(())
}
