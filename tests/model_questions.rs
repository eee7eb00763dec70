//! Questions raised to the council wait in the root document, survive concurrent additions, and
//! are pulled into a meeting's agenda in one step that records where they went.

use automerge::ActorId;
use radslag::doc::council::{add_question, hydrate_council, set_question_status, take_up_question, NewQuestion};
use radslag::doc::demo::demo_council;
use radslag::doc::meeting::hydrate_meeting;
use radslag::doc::DocError;
use radslag::model::{DocUrl, ItemId, ItemKind, QuestionId, QuestionStatus};

const NOW: i64 = 1_700_000_000;

#[test]
fn a_question_is_taken_up_on_an_agenda_and_marked() {
    let mut demo = demo_council();
    let me = ActorId::from(b"sara".as_slice());
    demo.hand_over(&me);
    let council = hydrate_council(&demo.root).unwrap();
    assert_eq!(council.questions.len(), 2, "seed 003's questions wait in the demo");
    let broadband = council.questions[0].id;
    assert_eq!(council.questions[0].from, "Bredbandssamordnaren");

    let url = DocUrl("automerge:demo2".into());
    let item = ItemId::random();
    let meeting_doc = &mut demo.meetings[1].doc;
    take_up_question(&mut demo.root, meeting_doc, broadband, &url, item, None, "4", "Sara", NOW).unwrap();

    let m = hydrate_meeting(meeting_doc).unwrap();
    let added = m.agenda_item(item).unwrap();
    assert_eq!((added.number.as_str(), added.kind, added.responsible.as_str()), ("4", ItemKind::Discussion, "Sara"));
    assert!(added.description.as_str().starts_with("Bredbandssamordnarens roll"));
    let q = hydrate_council(&demo.root).unwrap().questions[0].clone();
    assert_eq!((q.status, q.taken_up_in.as_ref(), q.agenda_item), (QuestionStatus::TakenUp, Some(&url), Some(item)));

    // Taking it up again says where it already is.
    let err = take_up_question(&mut demo.root, &mut demo.meetings[1].doc, broadband, &url, ItemId::random(), None, "5", "", NOW).unwrap_err();
    assert!(matches!(err, DocError::AlreadyTakenUp { .. }), "{err}");
    assert!(err.to_string().contains("automerge:demo2"));
}

#[test]
fn questions_added_at_once_both_wait_and_can_be_closed() {
    let mut anna = demo_council().root;
    anna.set_actor(ActorId::from(b"anna".as_slice()));
    let mut bo = anna.fork().with_actor(ActorId::from(b"bo".as_slice()));
    let q1 = add_question(&mut anna, QuestionId::random(), NewQuestion { text: "Fråga A".into(), from: "E-samhällsnätverket".into(), raised_on: "2020-10-01".into() }, NOW).unwrap();
    add_question(&mut bo, QuestionId::random(), NewQuestion { text: "Fråga B".into(), from: "Socialchefsnätverket".into(), raised_on: "2020-10-02".into() }, NOW).unwrap();
    anna.merge(&mut bo).unwrap();
    let c = hydrate_council(&anna).unwrap();
    assert_eq!(c.questions.len(), 4);
    set_question_status(&mut anna, q1, QuestionStatus::Closed, NOW).unwrap();
    let c = hydrate_council(&anna).unwrap();
    assert_eq!(c.questions.iter().find(|q| q.id == q1).unwrap().status, QuestionStatus::Closed);
    let err = set_question_status(&mut anna, QuestionId::random(), QuestionStatus::Closed, NOW).unwrap_err();
    assert!(matches!(err, DocError::EntryNotFound { what: "question", .. }));
}
