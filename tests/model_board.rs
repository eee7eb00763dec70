//! Workshop boards: groups writing at once keep every note, votes cast at once add up within
//! each member's limit, a move and an edit of the same note both survive, and the timer's
//! pause and extension merge.

use automerge::{ActorId, AutoCommit};
use radslag::doc::board::{
    add_group, add_note, change_timer, create_board, hydrate_board, join_group, move_note, remove_note, set, splice_note, step_note, take_vote_back, vote,
    BoardSetting,
};
use radslag::doc::{commit_typing, DocError};
use radslag::model::board::{new_board, NoteError, Template, Viewer, MAX_NOTE_CHARS};
use radslag::model::board_timer::TimerState;
use radslag::model::board_votes::{counted_votes, votes_left, VoteError};
use radslag::model::{GroupId, NoteId, PromptId};

const NOW: i64 = 1_600_000_000;

fn board_doc() -> (AutoCommit, Vec<PromptId>) {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(b"facilitator".as_slice()));
    let ids: Vec<PromptId> = (0..3).map(|_| PromptId::random()).collect();
    let board = new_board(Template::ConsequenceAnalysis, "", None, ids.clone());
    create_board(&mut doc, &board, NOW).unwrap();
    (doc, ids)
}

fn fork(doc: &mut AutoCommit, actor: &str) -> AutoCommit {
    doc.fork().with_actor(ActorId::from(actor.as_bytes()))
}

#[test]
fn three_groups_writing_at_once_keep_every_note() {
    let (mut doc, prompts) = board_doc();
    let groups: Vec<GroupId> = ["Grupp 1", "Grupp 2", "Grupp 3"].iter().map(|n| add_group(&mut doc, GroupId::random(), n, NOW).unwrap()).collect();
    let mut tablets: Vec<AutoCommit> = (0..3).map(|i| fork(&mut doc, &format!("tablet{i}"))).collect();
    for (i, t) in tablets.iter_mut().enumerate() {
        for p in &prompts {
            add_note(t, NoteId::random(), *p, Some(groups[i]), &format!("grupp {i} skriver"), "x", NOW).unwrap();
        }
    }
    for t in &mut tablets {
        doc.merge(t).unwrap();
    }
    let board = hydrate_board(&doc).unwrap();
    assert_eq!(board.title, "Konsekvensanalys");
    assert_eq!(board.current_notes().count(), 9);
    for (i, g) in groups.iter().enumerate() {
        let q = board.quota_state(prompts[0], Some(*g));
        assert_eq!((q.written, q.quota), (1, Some(3)), "group {i}");
    }
}

#[test]
fn votes_cast_at_once_add_up_and_each_members_limit_holds_after_the_merge() {
    let (mut doc, prompts) = board_doc();
    set(&mut doc, BoardSetting::VoteLimit(2), NOW).unwrap();
    let a = add_note(&mut doc, NoteId::random(), prompts[1], None, "Starkare röst gentemot regionen", "x", NOW).unwrap();
    let b = add_note(&mut doc, NoteId::random(), prompts[1], None, "Delade resurser", "x", NOW).unwrap();
    vote(&mut doc, a, "Anna", NOW).unwrap();
    let mut t1 = fork(&mut doc, "anna-tablet");
    let mut t2 = fork(&mut doc, "anna-phone");
    let mut t3 = fork(&mut doc, "bo");
    // Anna has one vote left on each of her two offline devices and spends it on both.
    vote(&mut t1, a, "Anna", NOW).unwrap();
    vote(&mut t2, b, "Anna", NOW).unwrap();
    vote(&mut t3, a, "Bo", NOW).unwrap();
    vote(&mut t3, a, "Bo", NOW).unwrap();
    assert!(matches!(vote(&mut t3, a, "Bo", NOW), Err(DocError::Vote(VoteError::NoneLeft { limit: 2 }))));
    for t in [&mut t1, &mut t2, &mut t3] {
        doc.merge(t).unwrap();
    }
    let board = hydrate_board(&doc).unwrap();
    assert_eq!(board.note(a).unwrap().votes["Anna"], 2, "the counter adds both of Anna's votes on note a");
    assert_eq!(board.note(a).unwrap().votes["Bo"], 2);
    assert_eq!(votes_left(&board, "Anna"), -1, "Anna overspent by one, and is shown it");
    let counted = counted_votes(&board);
    assert_eq!(counted[&a] + counted[&b], 4, "Anna's two and Bo's two count; Anna's third does not");
    // She takes one back and is within her limit again.
    take_vote_back(&mut doc, b, "Anna", NOW).unwrap();
    assert_eq!(votes_left(&hydrate_board(&doc).unwrap(), "Anna"), 0);
    assert!(matches!(take_vote_back(&mut doc, b, "Anna", NOW), Err(DocError::Vote(VoteError::NothingToTakeBack))));
}

#[test]
fn a_move_and_an_edit_of_the_same_note_both_survive() {
    let (mut doc, prompts) = board_doc();
    let n = add_note(&mut doc, NoteId::random(), prompts[0], None, "Mer samverkan", "x", NOW).unwrap();
    let mut mover = fork(&mut doc, "mover");
    let mut writer = fork(&mut doc, "writer");
    let to = hydrate_board(&mover).unwrap().position_last_under(prompts[2]);
    move_note(&mut mover, n, prompts[2], to, NOW).unwrap();
    splice_note(&mut writer, n, 0, 0, "Mycket ").unwrap();
    commit_typing(&mut writer, NOW);
    doc.merge(&mut mover).unwrap();
    doc.merge(&mut writer).unwrap();
    let board = hydrate_board(&doc).unwrap();
    let note = board.note(n).unwrap();
    assert_eq!(note.prompt, prompts[2]);
    assert_eq!(note.text.as_str(), "Mycket Mer samverkan");
}

#[test]
fn notes_step_in_order_and_a_locked_board_refuses_moves() {
    let (mut doc, prompts) = board_doc();
    let ids: Vec<NoteId> = ["ett", "två", "tre"].iter().map(|t| add_note(&mut doc, NoteId::random(), prompts[0], None, t, "x", NOW).unwrap()).collect();
    assert!(step_note(&mut doc, ids[2], -1, &Viewer::default(), NOW).unwrap());
    let order: Vec<String> = hydrate_board(&doc).unwrap().notes_under(prompts[0], &Viewer::default()).iter().map(|n| n.text.as_str().to_string()).collect();
    assert_eq!(order, ["ett", "tre", "två"]);
    assert!(!step_note(&mut doc, ids[0], -1, &Viewer::default(), NOW).unwrap(), "the first note cannot go higher");
    set(&mut doc, BoardSetting::Locked(true), NOW).unwrap();
    assert!(matches!(step_note(&mut doc, ids[1], -1, &Viewer::default(), NOW), Err(DocError::BoardLocked)));
    assert!(matches!(remove_note(&mut doc, ids[1], NOW), Err(DocError::BoardLocked)));
}

#[test]
fn an_empty_or_overlong_note_is_refused_and_nothing_is_written() {
    let (mut doc, prompts) = board_doc();
    let heads = doc.get_heads();
    assert!(matches!(add_note(&mut doc, NoteId::random(), prompts[0], None, "  ", "x", NOW), Err(DocError::Note(NoteError::Empty))));
    let long = "x".repeat(MAX_NOTE_CHARS + 5);
    let err = add_note(&mut doc, NoteId::random(), prompts[0], None, &long, "x", NOW).unwrap_err();
    assert!(err.to_string().contains(&(MAX_NOTE_CHARS + 5).to_string()), "{err}");
    assert_eq!(doc.get_heads(), heads);
}

#[test]
fn the_timer_merges_a_pause_and_an_extension_made_at_once() {
    let (mut doc, _) = board_doc();
    let start = 1_000_000;
    change_timer(&mut doc, NOW, "Startade tiden", |t| t.start(start)).unwrap();
    let mut a = fork(&mut doc, "a");
    let mut b = fork(&mut doc, "b");
    change_timer(&mut a, NOW, "Pausade tiden", |t| t.pause(start + 5 * 60_000)).unwrap();
    change_timer(&mut b, NOW, "Förlängde tiden", |t| t.extend(5 * 60_000, start + 5 * 60_000)).unwrap();
    doc.merge(&mut a).unwrap();
    doc.merge(&mut b).unwrap();
    let timer = hydrate_board(&doc).unwrap().timer;
    // Paused after 5 of (20 + 5) minutes, whichever tablet looks, however much later.
    assert_eq!(timer.state(start + 60 * 60_000), TimerState::Paused { left_ms: 20 * 60_000 });
}

#[test]
fn a_member_is_in_one_group_at_a_time() {
    let (mut doc, _) = board_doc();
    let g1 = add_group(&mut doc, GroupId::random(), "Grupp 1", NOW).unwrap();
    let g2 = add_group(&mut doc, GroupId::random(), "Grupp 2", NOW).unwrap();
    join_group(&mut doc, "Anna", Some(g1), NOW).unwrap();
    join_group(&mut doc, "Anna", Some(g2), NOW).unwrap();
    let board = hydrate_board(&doc).unwrap();
    assert_eq!(board.group_of("Anna"), Some(g2));
    assert!(board.group(g1).unwrap().members.is_empty());
}
