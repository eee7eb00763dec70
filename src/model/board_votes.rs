//! Dot-voting on a board (prickröstning): each member's limit, taking one's own votes back, and
//! the tally every device computes alike after merges.
//!
//! Votes are counters per member and note, so two members voting at once both count. Two offline
//! tablets of the same member can together spend more than the limit; after they merge, that
//! member's votes are counted in the board's order (prompt, then note order) up to the limit and
//! the rest are not counted — the same on every device — and the member is shown the overspend so
//! they can take votes back.

use std::collections::BTreeMap;

use super::board::{Board, Note, Viewer};
use super::{NoteId, PromptId};

/// Why a vote cannot be cast or taken back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("voting is not open on this board; the facilitator opens it")]
    Closed,
    #[error("you have used all your {limit} votes; take one back to vote for another note")]
    NoneLeft { limit: u32 },
    #[error("you have no vote on this note to take back")]
    NothingToTakeBack,
}

impl VoteError {
    pub fn sv(&self) -> String {
        match self {
            VoteError::Closed => "Röstningen är inte öppen på den här tavlan. Processledaren öppnar den.".into(),
            VoteError::NoneLeft { limit } => format!("Du har använt alla dina {limit} röster. Ta tillbaka en för att rösta på en annan lapp."),
            VoteError::NothingToTakeBack => "Du har ingen röst på den här lappen att ta tillbaka.".into(),
        }
    }
}

/// Votes `member` has cast on the board's current notes.
pub fn votes_used(board: &Board, member: &str) -> i64 {
    board.current_notes().map(|n| own_votes(n, member)).sum()
}

/// `member`'s votes on one note.
pub fn own_votes(note: &Note, member: &str) -> i64 {
    note.votes.get(member).copied().unwrap_or(0).max(0)
}

/// Votes `member` has left; negative after an overspend on two offline tablets.
pub fn votes_left(board: &Board, member: &str) -> i64 {
    i64::from(board.vote_limit) - votes_used(board, member)
}

pub fn check_vote(board: &Board, member: &str) -> Result<(), VoteError> {
    if board.vote_limit == 0 {
        return Err(VoteError::Closed);
    }
    if votes_left(board, member) <= 0 {
        return Err(VoteError::NoneLeft { limit: board.vote_limit });
    }
    Ok(())
}

pub fn check_take_back(board: &Board, note: NoteId, member: &str) -> Result<(), VoteError> {
    match board.note(note) {
        Some(n) if own_votes(n, member) > 0 => Ok(()),
        _ => Err(VoteError::NothingToTakeBack),
    }
}

/// The counted votes per note: each member's votes in the board's order up to the limit (all of
/// them while no limit is set).
pub fn counted_votes(board: &Board) -> BTreeMap<NoteId, i64> {
    let mut in_order: Vec<&Note> = board.current_notes().collect();
    let prompt_rank: BTreeMap<PromptId, usize> = board.prompts.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    in_order.sort_by(|a, b| {
        let ra = prompt_rank.get(&a.prompt).copied().unwrap_or(usize::MAX);
        let rb = prompt_rank.get(&b.prompt).copied().unwrap_or(usize::MAX);
        ra.cmp(&rb).then_with(|| a.position.cmp(&b.position)).then_with(|| a.id.cmp(&b.id))
    });
    let mut spent: BTreeMap<&str, i64> = BTreeMap::new();
    let mut counted = BTreeMap::new();
    for note in in_order {
        let mut total = 0;
        for (member, &v) in &note.votes {
            let v = v.max(0);
            let used = spent.entry(member.as_str()).or_insert(0);
            let allowed = if board.vote_limit == 0 { v } else { v.min(i64::from(board.vote_limit) - *used).max(0) };
            *used += allowed;
            total += allowed;
        }
        counted.insert(note.id, total);
    }
    counted
}

/// The notes under `prompt` that `viewer` sees, most votes first (ties keep the board's order).
pub fn ranked<'a>(board: &'a Board, prompt: PromptId, viewer: &Viewer) -> Vec<(&'a Note, i64)> {
    let counted = counted_votes(board);
    let mut notes: Vec<(&Note, i64)> = board.notes_under(prompt, viewer).into_iter().map(|n| (n, counted.get(&n.id).copied().unwrap_or(0))).collect();
    notes.sort_by(|a, b| b.1.cmp(&a.1));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::board::Prompt;
    use autosurgeon::Text;

    fn board(limit: u32) -> Board {
        let p = PromptId::derived("p");
        let notes = (0..3)
            .zip(crate::model::position::spread(3))
            .map(|(i, position)| Note {
                id: NoteId::derived(&format!("n{i}")),
                position,
                prompt: p,
                group: None,
                text: Text::with_value("x"),
                cluster: String::new(),
                votes: BTreeMap::new(),
                author: String::new(),
                removed: false,
            })
            .collect();
        Board { prompts: vec![Prompt { id: p, position: "a".into(), title: "P".into(), quota: None, locked: false }], notes, vote_limit: limit, ..Board::default() }
    }

    #[test]
    fn a_member_votes_up_to_the_limit_and_can_take_own_votes_back() {
        let mut b = board(2);
        assert_eq!(check_vote(&b, "Anna"), Ok(()));
        b.notes[0].votes.insert("Anna".into(), 2);
        assert_eq!(votes_left(&b, "Anna"), 0);
        assert_eq!(check_vote(&b, "Anna"), Err(VoteError::NoneLeft { limit: 2 }));
        assert_eq!(check_take_back(&b, b.notes[0].id, "Anna"), Ok(()));
        assert_eq!(check_take_back(&b, b.notes[1].id, "Anna"), Err(VoteError::NothingToTakeBack));
        assert_eq!(check_vote(&board(0), "Anna"), Err(VoteError::Closed));
    }

    #[test]
    fn an_overspend_from_two_offline_tablets_is_counted_up_to_the_limit_in_board_order() {
        let mut b = board(2);
        // One tablet voted on n0 and n1, the other (offline, same person) on n2: three votes.
        b.notes[0].votes.insert("Anna".into(), 1);
        b.notes[1].votes.insert("Anna".into(), 1);
        b.notes[2].votes.insert("Anna".into(), 1);
        b.notes[2].votes.insert("Bo".into(), 1);
        assert_eq!(votes_left(&b, "Anna"), -1);
        let counted = counted_votes(&b);
        assert_eq!(counted[&b.notes[0].id], 1);
        assert_eq!(counted[&b.notes[1].id], 1);
        assert_eq!(counted[&b.notes[2].id], 1, "Bo's vote counts, Anna's third does not");
        let ranked = ranked(&b, b.prompts[0].id, &Viewer::default());
        assert_eq!(ranked.iter().map(|(_, v)| *v).sum::<i64>(), 3);
    }

    #[test]
    fn most_voted_first() {
        let mut b = board(5);
        b.notes[2].votes.insert("Anna".into(), 3);
        b.notes[1].votes.insert("Bo".into(), 1);
        let order: Vec<NoteId> = ranked(&b, b.prompts[0].id, &Viewer::default()).into_iter().map(|(n, _)| n.id).collect();
        assert_eq!(order, vec![b.notes[2].id, b.notes[1].id, b.notes[0].id]);
    }
}

/// A prompt's outcome: its notes seen by everyone, most votes first.
#[derive(Clone, Debug, PartialEq)]
pub struct PromptResult {
    pub prompt: String,
    /// (text, counted votes, cluster heading)
    pub notes: Vec<(String, i64, String)>,
}

/// The board's result for the minutes and exports: per prompt, the `top` most-voted notes (all
/// notes when `top` is `None`), whatever private mode shows on a device.
pub fn board_result(board: &Board, top: Option<usize>) -> Vec<PromptResult> {
    let everyone = Viewer { name: board.facilitator.clone(), group: None };
    let mut all = board.clone();
    all.private = false;
    board
        .prompts
        .iter()
        .map(|p| {
            let ranked = ranked(&all, p.id, &everyone);
            let n = top.unwrap_or(ranked.len());
            PromptResult { prompt: p.title.clone(), notes: ranked.into_iter().take(n).map(|(note, v)| (note.text.as_str().trim().to_string(), v, note.cluster.clone())).collect() }
        })
        .collect()
}

/// The whole board as Markdown: exercise, goal, and every prompt's notes with their votes.
pub fn board_markdown(board: &Board) -> String {
    let md = super::export::md;
    let mut out = format!("# {}\n\n", md(&board.title));
    for (heading, text) in [("Beskrivning", board.exercise.as_str()), ("Mål", board.goal.as_str())] {
        if !text.trim().is_empty() {
            out.push_str(&format!("## {heading}\n\n{}\n\n", md(text.trim())));
        }
    }
    for result in board_result(board, None) {
        out.push_str(&format!("## {}\n\n", md(&result.prompt)));
        if result.notes.is_empty() {
            out.push_str("(inga lappar)\n\n");
            continue;
        }
        for (text, votes, cluster) in result.notes {
            let cluster = if cluster.is_empty() { String::new() } else { format!(" [{}]", md(&cluster)) };
            // A note's own line breaks stay inside its list item.
            let word = if votes == 1 { "röst" } else { "röster" };
            out.push_str(&format!("- {}{cluster} — {votes} {word}\n", md(&text).replace('\n', "\n  ")));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod result_tests {
    use super::*;
    use crate::model::board::Prompt;
    use autosurgeon::Text;

    #[test]
    fn the_result_ranks_every_groups_notes_even_in_private_mode_and_exports_as_markdown() {
        let p = PromptId::derived("p");
        let mut b = Board { title: "Konsekvensanalys".into(), prompts: vec![Prompt { id: p, position: "n".into(), title: "Tre fördelar".into(), quota: Some(3), locked: false }], private: true, ..Board::default() };
        for (i, (text, votes)) in [("Delade resurser", 1), ("Starkare röst", 3)].into_iter().enumerate() {
            b.notes.push(Note {
                id: NoteId::derived(text),
                position: format!("{}", ["b", "c"][i]),
                prompt: p,
                group: Some(crate::model::GroupId::derived(text)),
                text: Text::with_value(text),
                cluster: String::new(),
                votes: [("Anna".to_string(), votes)].into_iter().collect(),
                author: String::new(),
                removed: false,
            });
        }
        let r = board_result(&b, Some(1));
        assert_eq!(r[0].notes, vec![("Starkare röst".to_string(), 3, String::new())]);
        let md = board_markdown(&b);
        assert!(md.starts_with("# Konsekvensanalys\n"));
        assert!(md.contains("## Tre fördelar\n\n- Starkare röst — 3 röster\n- Delade resurser — 1 röst\n"), "{md}");
    }
}
