//! A whole council exported as one file and imported on another device: everything arrives,
//! and importing merges with what is there instead of replacing it.

use automerge::{ActorId, AutoCommit};
use radslag::doc::backup::{council_documents, merge_saved, BackupError, CouncilBackup};
use radslag::doc::council::hydrate_council;
use radslag::doc::council_setup::{add_person, PersonForm};
use radslag::doc::demo::{self, demo_council};
use radslag::doc::meeting::hydrate_meeting;
use radslag::doc::DocUrl;
use radslag::model::PersonId;
use radslag_protocol::DocumentId;

const NOW: i64 = 1_700_000_000;

/// The demo as a device holds it: root and meetings, linked by their ids.
fn device() -> (AutoCommit, Vec<(DocumentId, AutoCommit)>) {
    let mut demo = demo_council();
    let ids: Vec<DocumentId> = demo.meetings.iter().map(|m| demo::meeting_id(m.key)).collect();
    let urls: Vec<DocUrl> = ids.iter().map(|id| DocUrl(id.url())).collect();
    demo.link_meetings(&urls).unwrap();
    demo.hand_over(&ActorId::from(b"anna".as_slice()));
    let meetings = ids.into_iter().zip(demo.meetings.into_iter().map(|m| m.doc)).collect();
    (demo.root, meetings)
}

#[test]
fn a_council_moves_to_another_device_and_merges_with_what_is_there() {
    let (mut root, mut meetings) = device();
    let ids = council_documents(demo::ROOT, &root);
    assert_eq!(ids.len(), 11, "the root, its two meetings, two workshop boards, five initiatives and the communication plan: {ids:?}");
    let mut documents = vec![(demo::ROOT, root.save())];
    documents.extend(meetings.iter_mut().map(|(id, doc)| (*id, doc.save())));
    let file = CouncilBackup { root: demo::ROOT, documents }.encode();

    // A device that has the council already, with a person added since: the import keeps both.
    let mut other = root.fork();
    other.set_actor(ActorId::from(b"per".as_slice()));
    add_person(&mut other, PersonId::random(), PersonForm { name: "Ny Person".into(), ..PersonForm::default() }, NOW).unwrap();
    add_person(&mut root, PersonId::random(), PersonForm { name: "Efter exporten".into(), ..PersonForm::default() }, NOW).unwrap();

    let backup = CouncilBackup::decode(&file).unwrap();
    assert_eq!(backup.root, demo::ROOT);
    assert_eq!(backup.documents.len(), 3);
    let (_, saved_root) = &backup.documents[0];
    merge_saved(&mut other, saved_root).unwrap();
    let c = hydrate_council(&other).unwrap();
    assert!(c.people.iter().any(|p| p.name == "Ny Person"), "what the device had is kept");
    assert!(c.people.iter().any(|p| p.name == "Henrik Röste"), "what the backup had arrives");
    assert!(!c.people.iter().any(|p| p.name == "Efter exporten"), "only what was exported");

    // A fresh device gets every meeting whole.
    for (id, saved) in &backup.documents[1..] {
        let mut empty = AutoCommit::new();
        merge_saved(&mut empty, saved).unwrap();
        let m = hydrate_meeting(&empty).unwrap();
        let original = meetings.iter().find(|(i, _)| i == id).map(|(_, d)| hydrate_meeting(d).unwrap()).unwrap();
        assert_eq!(m, original);
    }
}

#[test]
fn a_wrong_or_damaged_file_is_refused_in_words() {
    assert_eq!(CouncilBackup::decode(b"PK\x03\x04 a zip file"), Err(BackupError::NotABackup));
    let (mut root, _) = device();
    let file = CouncilBackup { root: demo::ROOT, documents: vec![(demo::ROOT, root.save())] }.encode();
    let cut = &file[..file.len() / 2];
    let err = CouncilBackup::decode(cut).unwrap_err();
    assert!(matches!(err, BackupError::Damaged(_)), "{err:?}");
    assert!(radslag::i18n::Bilingual::sv(&err).starts_with("Säkerhetskopian är skadad"));
    let other = DocumentId::from_bytes([9; 16]);
    let no_root = CouncilBackup { root: other, documents: vec![(demo::ROOT, root.save())] }.encode();
    assert_eq!(CouncilBackup::decode(&no_root), Err(BackupError::NoCouncil));
}
