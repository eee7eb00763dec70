//! Change functions for a workshop board document (workshoptavla): notes, votes, groups, the
//! shared timer and the facilitator's switches.
//!
//! Notes, prompts and groups are maps keyed by id (see `model::keyed`), so groups writing at once
//! all keep their notes; a move writes the note's prompt and order key only, so a move and an
//! edit of the same note both survive. Votes are automerge counters: concurrent votes add up.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use autosurgeon::{hydrate, reconcile, reconcile_prop, Text};

use super::meeting::splice_text_field;
use super::{commit_change, DocError};
use crate::model::board::{check_note, Board, Group, Note, Prompt, Viewer};
use crate::model::board_timer::BoardTimer;
use crate::model::board_votes::{check_take_back, check_vote};
use crate::model::{position, GroupId, NoteId, PromptId};

const NOTES: &str = "notes";
const GROUPS: &str = "groups";
const PROMPTS: &str = "prompts";

/// Writes a new board into an empty document.
pub fn create_board(doc: &mut AutoCommit, board: &Board, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, format!("Skapade tavlan {}", board.title), |doc| {
        reconcile(doc, board).map_err(|e| DocError::write("the board", e))
    })
}

/// The board the document holds, its lists in order.
pub fn hydrate_board(doc: &AutoCommit) -> Result<Board, DocError> {
    let mut board: Board = hydrate(doc).map_err(|e| DocError::unreadable("a board", e))?;
    board.sort();
    Ok(board)
}

/// A new note last under `prompt`, written by `author` for `group`. An empty or overlong text
/// is refused (nothing is written).
pub fn add_note(
    doc: &mut AutoCommit,
    id: NoteId,
    prompt: PromptId,
    group: Option<GroupId>,
    text: &str,
    author: &str,
    now: i64,
) -> Result<NoteId, DocError> {
    let text = check_note(text).map_err(DocError::Note)?.to_string();
    let board = hydrate_board(doc)?;
    if board.prompt(prompt).is_none() {
        return Err(DocError::EntryNotFound { what: "prompt", id: prompt.to_string() });
    }
    let note = Note {
        id,
        position: board.position_last_under(prompt),
        prompt,
        group,
        text: Text::with_value(text),
        cluster: String::new(),
        votes: Default::default(),
        author: author.into(),
        removed: false,
    };
    commit_change(doc, now, "Skrev en lapp", |doc| {
        let notes = list_obj(doc, NOTES)?;
        reconcile_prop(doc, &notes, id.to_string().as_str(), &note).map_err(|e| DocError::write("the note", e))
    })?;
    Ok(id)
}

/// Type into a note. Not committed: call `doc::commit_typing`.
pub fn splice_note(doc: &mut AutoCommit, note: NoteId, pos: usize, del: usize, insert: &str) -> Result<(), DocError> {
    let obj = note_obj(doc, note)?;
    splice_text_field(doc, &obj, "text", pos, del, insert)
}

/// Moves a note under `prompt` at order key `position` (from `Board::position_after_step` or
/// `position_last_under`). Refused on a locked board or prompt.
pub fn move_note(doc: &mut AutoCommit, note: NoteId, prompt: PromptId, position: String, now: i64) -> Result<(), DocError> {
    let board = hydrate_board(doc)?;
    let target_locked = board.prompt(prompt).is_none_or(|p| p.locked);
    if !board.can_move(note) || target_locked {
        return Err(DocError::BoardLocked);
    }
    commit_change(doc, now, "Flyttade en lapp", |doc| {
        let obj = note_obj(doc, note)?;
        doc.put(&obj, "prompt", prompt.to_string())?;
        doc.put(&obj, "position", position)?;
        Ok(())
    })
}

/// Moves a note one place up (`-1`) or down (`+1`) among the notes `viewer` sees.
pub fn step_note(doc: &mut AutoCommit, note: NoteId, step: i32, viewer: &Viewer, now: i64) -> Result<bool, DocError> {
    let board = hydrate_board(doc)?;
    let Some(n) = board.note(note) else { return Err(DocError::EntryNotFound { what: "note", id: note.to_string() }) };
    match board.position_after_step(note, step, viewer) {
        Some(position) => move_note(doc, note, n.prompt, position, now).map(|()| true),
        None => Ok(false),
    }
}

/// Puts the note under a heading (kluster) in the review; an empty heading takes it out.
pub fn set_cluster(doc: &mut AutoCommit, note: NoteId, heading: &str, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Grupperade en lapp", |doc| {
        let obj = note_obj(doc, note)?;
        doc.put(&obj, "cluster", heading.trim())?;
        Ok(())
    })
}

/// Removes a note (it can be restored). Refused on a locked board or prompt.
pub fn remove_note(doc: &mut AutoCommit, note: NoteId, now: i64) -> Result<(), DocError> {
    if !hydrate_board(doc)?.can_move(note) {
        return Err(DocError::BoardLocked);
    }
    set_removed(doc, note, true, now, "Tog bort en lapp")
}

pub fn restore_note(doc: &mut AutoCommit, note: NoteId, now: i64) -> Result<(), DocError> {
    set_removed(doc, note, false, now, "Återställde en lapp")
}

fn set_removed(doc: &mut AutoCommit, note: NoteId, removed: bool, now: i64, message: &str) -> Result<(), DocError> {
    commit_change(doc, now, message, |doc| {
        let obj = note_obj(doc, note)?;
        doc.put(&obj, "removed", removed)?;
        Ok(())
    })
}

/// One vote from `member` on `note`, within the member's limit.
pub fn vote(doc: &mut AutoCommit, note: NoteId, member: &str, now: i64) -> Result<(), DocError> {
    check_vote(&hydrate_board(doc)?, member).map_err(DocError::Vote)?;
    add_to_votes(doc, note, member, 1, now, "Röstade")
}

/// Takes one of `member`'s own votes on `note` back.
pub fn take_vote_back(doc: &mut AutoCommit, note: NoteId, member: &str, now: i64) -> Result<(), DocError> {
    check_take_back(&hydrate_board(doc)?, note, member).map_err(DocError::Vote)?;
    add_to_votes(doc, note, member, -1, now, "Tog tillbaka en röst")
}

fn add_to_votes(doc: &mut AutoCommit, note: NoteId, member: &str, by: i64, now: i64, message: &str) -> Result<(), DocError> {
    commit_change(doc, now, message, |doc| {
        let obj = note_obj(doc, note)?;
        let votes = match doc.get(&obj, "votes")? {
            Some((Value::Object(ObjType::Map), votes)) => votes,
            None => doc.put_object(&obj, "votes", ObjType::Map)?,
            Some((other, _)) => return Err(DocError::unreadable("a board", format!("votes is {other:?}"))),
        };
        match doc.get(&votes, member)? {
            Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Counter(_)) => doc.increment(&votes, member, by)?,
            // A member's first vote on this note. Two tablets of the same member doing this at
            // once make a conflict on the key, and one of the two first votes is kept.
            _ => doc.put(&votes, member, ScalarValue::counter(by.max(0)))?,
        }
        Ok(())
    })
}

/// Writes the timer after `change` ran on it (start, pause, extend, stop).
pub fn change_timer(doc: &mut AutoCommit, now: i64, message: &str, change: impl FnOnce(&mut BoardTimer)) -> Result<(), DocError> {
    let mut timer = hydrate_board(doc)?.timer;
    change(&mut timer);
    commit_change(doc, now, message, |doc| {
        // Field by field: a pause and an extension at once then both take effect.
        let obj = match doc.get(ROOT, "timer")? {
            Some((Value::Object(ObjType::Map), obj)) => obj,
            _ => doc.put_object(ROOT, "timer", ObjType::Map)?,
        };
        reconcile_prop(doc, &obj, "length_ms", timer.length_ms).map_err(|e| DocError::write("the timer", e))?;
        reconcile_prop(doc, &obj, "started_at_ms", timer.started_at_ms).map_err(|e| DocError::write("the timer", e))?;
        reconcile_prop(doc, &obj, "run_before_ms", timer.run_before_ms).map_err(|e| DocError::write("the timer", e))?;
        Ok(())
    })
}

/// One of the facilitator's switches on the board.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardSetting {
    Private(bool),
    Locked(bool),
    VoteLimit(u32),
    AnonymousVotes(bool),
    Facilitator(String),
    PromptLocked(PromptId, bool),
}

pub fn set(doc: &mut AutoCommit, setting: BoardSetting, now: i64) -> Result<(), DocError> {
    commit_change(doc, now, "Ändrade tavlans inställningar", |doc| {
        match setting {
            BoardSetting::Private(on) => doc.put(ROOT, "private", on)?,
            BoardSetting::Locked(on) => doc.put(ROOT, "locked", on)?,
            BoardSetting::VoteLimit(n) => doc.put(ROOT, "vote_limit", u64::from(n))?,
            BoardSetting::AnonymousVotes(on) => doc.put(ROOT, "anonymous_votes", on)?,
            BoardSetting::Facilitator(name) => doc.put(ROOT, "facilitator", name.trim())?,
            BoardSetting::PromptLocked(prompt, on) => {
                let obj = entry_obj(doc, PROMPTS, &prompt.to_string(), "prompt")?;
                doc.put(&obj, "locked", on)?;
            }
        }
        Ok(())
    })
}

/// A new breakout group, last.
pub fn add_group(doc: &mut AutoCommit, id: GroupId, name: &str, now: i64) -> Result<GroupId, DocError> {
    let board = hydrate_board(doc)?;
    let last = board.groups.last().map(|g| g.position.as_str());
    let group = Group { id, position: position::between(last, None).unwrap_or_default(), name: name.trim().into(), members: Vec::new() };
    commit_change(doc, now, format!("Lade till gruppen {}", group.name), |doc| {
        let groups = list_obj(doc, GROUPS)?;
        reconcile_prop(doc, &groups, id.to_string().as_str(), &group).map_err(|e| DocError::write("the group", e))
    })?;
    Ok(id)
}

/// Puts `member` in `group` (and out of any other), or in none.
pub fn join_group(doc: &mut AutoCommit, member: &str, group: Option<GroupId>, now: i64) -> Result<(), DocError> {
    let board = hydrate_board(doc)?;
    commit_change(doc, now, "Bytte grupp", |doc| {
        for g in &board.groups {
            let mut members: Vec<String> = g.members.iter().filter(|m| *m != member).cloned().collect();
            if Some(g.id) == group {
                members.push(member.to_string());
            }
            if members != g.members {
                let obj = entry_obj(doc, GROUPS, &g.id.to_string(), "group")?;
                reconcile_prop(doc, &obj, "members", &members).map_err(|e| DocError::write("the group", e))?;
            }
        }
        Ok(())
    })
}

/// A new prompt (column), last.
pub fn add_prompt(doc: &mut AutoCommit, id: PromptId, title: &str, quota: Option<u32>, now: i64) -> Result<PromptId, DocError> {
    let board = hydrate_board(doc)?;
    let last = board.prompts.last().map(|p| p.position.as_str());
    let prompt = Prompt { id, position: position::between(last, None).unwrap_or_default(), title: title.trim().into(), quota, locked: false };
    commit_change(doc, now, format!("Lade till frågan {}", prompt.title), |doc| {
        let prompts = list_obj(doc, PROMPTS)?;
        reconcile_prop(doc, &prompts, id.to_string().as_str(), &prompt).map_err(|e| DocError::write("the prompt", e))
    })?;
    Ok(id)
}

fn list_obj(doc: &mut AutoCommit, list: &'static str) -> Result<ObjId, DocError> {
    match doc.get(ROOT, list)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        None => Ok(doc.put_object(ROOT, list, ObjType::Map)?),
        Some((other, _)) => Err(DocError::unreadable("a board", format!("{list} is {other:?}"))),
    }
}

fn entry_obj(doc: &mut AutoCommit, list: &'static str, id: &str, what: &'static str) -> Result<ObjId, DocError> {
    let map = list_obj(doc, list)?;
    match doc.get(&map, id)? {
        Some((Value::Object(ObjType::Map), obj)) => Ok(obj),
        _ => Err(DocError::EntryNotFound { what, id: id.into() }),
    }
}

fn note_obj(doc: &mut AutoCommit, note: NoteId) -> Result<ObjId, DocError> {
    entry_obj(doc, NOTES, &note.to_string(), "note")
}
