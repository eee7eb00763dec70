//! Change functions and hydration for a council's root document (rådets huvuddokument).

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, Value, ROOT};
use autosurgeon::{hydrate, reconcile, reconcile_insert};

use super::{commit_change, DocError};
use crate::model::{Council, DocUrl, MeetingLink};

const MEETINGS: &str = "meetings";

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

/// The meeting links in the order they were added.
pub fn meeting_urls(doc: &AutoCommit) -> Result<Vec<DocUrl>, DocError> {
    Ok(hydrate_council(doc)?.meetings.into_iter().map(|m| m.url).collect())
}
