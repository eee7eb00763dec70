//! Approval of the minutes (justering): numbering, antecknat av, justerare, approving the exact
//! version read, the lock that follows, explicit recorded reopening, and "changed after justering".
//!
//! An approval records the document's heads (hex change hashes) the justerare read. Any later
//! change to the minutes — made here after reopening, or made elsewhere before the approval
//! arrived and merged in afterwards — is outside those heads and shows in
//! [`changes_after_approval`]. Changes that are not the minutes (the approval itself, status,
//! follow-me, diarienummer, following up action items) are recognised by what they touch, never
//! by their commit message, so a forged message cannot hide an edit.

use std::str::FromStr;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjType, Patch, PatchAction, Prop, ReadDoc, Value, ROOT};
use autosurgeon::reconcile_insert;

use super::meeting::{ensure_unlocked, hydrate_meeting, put_field, LOCKED};
use super::{commit_change, DocError};
use crate::model::meeting::{Approval, MeetingStatus, Reopening};
use crate::model::{EntryId, PersonId};

const APPROVALS: &str = "approvals";
const REOPENINGS: &str = "reopenings";
const APPROVAL_MESSAGE: &str = "Justering:";
const REGISTRY_MESSAGE: &str = "Registrering:";

/// Fields of a meeting outside the minutes' content: approving, reopening, the lock, the
/// registry numbers, the status and the chair's current item. A change that touches only these
/// (and action items' follow-up status) is not a change after justering — decided by what the
/// change touches, never by its commit message, which any device can write.
const NOT_MINUTES: [&str; 7] = [APPROVALS, REOPENINGS, LOCKED, "number", "diary_number", "status", "current_item"];

/// Whether a patch (one thing a change did) lies outside the minutes' content.
fn outside_minutes(patch: &Patch) -> bool {
    let mut path: Vec<String> = patch.path.iter().map(|(_, prop)| prop_text(prop)).collect();
    match &patch.action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => path.push(key.clone()),
        PatchAction::Increment { prop, .. } | PatchAction::Conflict { prop } => path.push(prop_text(prop)),
        _ => {}
    }
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    match path.as_slice() {
        [top, ..] if NOT_MINUTES.contains(top) => true,
        // An action item's follow-up status (uppföljning) changes after the meeting by design.
        ["agenda", _, "action_items", _, "status", ..] => true,
        _ => false,
    }
}

fn prop_text(prop: &Prop) -> String {
    match prop {
        Prop::Map(key) => key.clone(),
        Prop::Seq(index) => index.to_string(),
    }
}

/// Set the meeting's number in the council's sequence (see `model::meeting::next_meeting_number`).
/// Registry data, so allowed on locked minutes.
pub fn set_meeting_number(doc: &mut AutoCommit, number: Option<u32>, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("{REGISTRY_MESSAGE} mötesnummer"), |doc| {
        put_field(doc, &ROOT, "number", Some(number))
    })
}

/// Set the diarienummer. Registry data, so allowed on locked minutes.
pub fn set_diary_number(doc: &mut AutoCommit, diary_number: Option<String>, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("{REGISTRY_MESSAGE} diarienummer"), |doc| {
        put_field(doc, &ROOT, "diary_number", Some(diary_number))
    })
}

/// Set who recorded the minutes (antecknat av).
pub fn set_recorded_by(doc: &mut AutoCommit, name: Option<String>, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade antecknat av", |doc| {
        ensure_unlocked(doc)?;
        put_field(doc, &ROOT, "recorded_by", Some(name))
    })
}

/// Set who is to approve the minutes (justerare), one or more names.
pub fn set_justerare(doc: &mut AutoCommit, names: Vec<String>, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade justerare", |doc| {
        ensure_unlocked(doc)?;
        put_field(doc, &ROOT, "justerare", Some(names))
    })
}

/// `by` approves the minutes as they read them: `read_heads` are the heads of the version shown
/// (`doc.get_heads()` when the page rendered). Locks the minutes and marks the meeting justerat.
/// A second justerare approves the same way while the minutes are locked.
pub fn approve_minutes(
    doc: &mut AutoCommit,
    id: EntryId,
    by: &str,
    person: Option<PersonId>,
    read_heads: &[ChangeHash],
    now: i64,
) -> Result<(), DocError> {
    for hash in read_heads {
        if doc.get_change_by_hash(hash).is_none() {
            return Err(DocError::UnknownVersion(hash.to_string()));
        }
    }
    let approval = Approval {
        id,
        by: by.to_string(),
        person,
        at: now,
        heads: read_heads.iter().map(ChangeHash::to_string).collect(),
        withdrawn: false,
    };
    commit_change(doc, now, format!("{APPROVAL_MESSAGE} {by} justerade protokollet"), |doc| {
        append(doc, APPROVALS, &approval, "the approval")?;
        put_field(doc, &ROOT, LOCKED, Some(true))?;
        put_field(doc, &ROOT, "status", Some(MeetingStatus::Approved))
    })
}

/// Reopen approved minutes (återöppna) for editing: recorded with who, when and why; standing
/// approvals are withdrawn, so the minutes must be approved again.
pub fn reopen_minutes(
    doc: &mut AutoCommit,
    id: EntryId,
    by: &str,
    reason: &str,
    now: i64,
) -> Result<(), DocError> {
    if reason.trim().is_empty() {
        return Err(DocError::ReasonRequired);
    }
    let reopening = Reopening { id, by: by.to_string(), at: now, reason: reason.trim().to_string() };
    commit_change(doc, now, format!("Återöppnade protokollet ({by}): {}", reopening.reason), |doc| {
        if ensure_unlocked(doc).is_ok() {
            return Err(DocError::NotLocked);
        }
        append(doc, REOPENINGS, &reopening, "the reopening")?;
        if let Some((Value::Object(ObjType::List), list)) = doc.get(ROOT, APPROVALS)? {
            for i in 0..doc.length(&list) {
                if let Some((Value::Object(ObjType::Map), approval)) = doc.get(&list, i)? {
                    doc.put(&approval, "withdrawn", true)?;
                }
            }
        }
        put_field(doc, &ROOT, LOCKED, Some(false))?;
        put_field(doc, &ROOT, "status", Some(MeetingStatus::MinutesReady))
    })
}

/// A change to the minutes outside what a standing approval covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaterChange {
    pub hash: String,
    /// Actor id (hex) of the device that made it.
    pub actor: String,
    /// Unix seconds, as stamped by the device.
    pub time: i64,
    pub message: Option<String>,
}

/// Changes to the minutes that no standing approval covers ("ändrat efter justering"), oldest
/// first. Empty when the minutes are not approved.
///
/// Uncommitted typing is a change too, but reading the history would commit it without a time
/// or message; so while typing is pending only that is reported (call `doc::commit_typing` to
/// list everything).
pub fn changes_after_approval(doc: &mut AutoCommit) -> Result<Vec<LaterChange>, DocError> {
    let meeting = hydrate_meeting(doc)?;
    let mut later: Vec<LaterChange> = Vec::new();
    if meeting.valid_approvals().next().is_some() && doc.pending_ops() > 0 {
        let actor = doc.get_actor().to_hex_string();
        later.push(LaterChange { hash: String::new(), actor, time: 0, message: None });
        return Ok(later);
    }
    for approval in meeting.valid_approvals() {
        let heads = approval
            .heads
            .iter()
            .map(|h| ChangeHash::from_str(h).map_err(|e| DocError::unreadable("an approval", e)))
            .collect::<Result<Vec<_>, _>>()?;
        // No transaction is open here (see above), so reading the document commits nothing.
        let after: Vec<(ChangeHash, Vec<ChangeHash>, String, i64, Option<String>)> = doc
            .document()
            .get_changes_meta(&heads)
            .into_iter()
            .map(|c| (c.hash, c.deps.clone(), c.actor.to_hex_string(), c.timestamp, c.message.as_deref().map(str::to_string)))
            .collect();
        for (hash, deps, actor, time, message) in after {
            // What this one change did: the document before it (its deps) against after it.
            if doc.diff(&deps, &[hash]).iter().all(outside_minutes) {
                continue;
            }
            let hash = hash.to_string();
            if !later.iter().any(|l| l.hash == hash) {
                later.push(LaterChange { hash, actor, time, message });
            }
        }
    }
    later.sort_by_key(|l| l.time);
    Ok(later)
}

/// Whether the minutes changed after a standing approval. An unreadable document counts as
/// changed: better to ask for a new justering than to vouch for what cannot be checked.
pub fn changed_after_approval(doc: &mut AutoCommit) -> bool {
    changes_after_approval(doc).map_or(true, |c| !c.is_empty())
}

fn append<T: autosurgeon::Reconcile>(
    doc: &mut AutoCommit,
    field: &'static str,
    value: &T,
    what: &'static str,
) -> Result<(), DocError> {
    let list = match doc.get(ROOT, field)? {
        Some((Value::Object(ObjType::List), list)) => list,
        None => doc.put_object(ROOT, field, ObjType::List)?,
        Some((other, _)) => return Err(DocError::unreadable("a meeting", format!("{field} is {other:?}"))),
    };
    let end = doc.length(&list);
    reconcile_insert(doc, list, end, value).map_err(|e| DocError::write(what, e))
}
