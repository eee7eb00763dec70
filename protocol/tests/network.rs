//! Protocol stories in the in-memory network: Alice creates, Bob connects, Bob finds; peers go
//! offline and come back; the relay stores before it tells and survives a crash.

use automerge::{transaction::Transactable, AutoCommit, ObjType, ReadDoc, ROOT};
use radslag_protocol::client::{Connection, SaveState};
use radslag_protocol::testing::Network;

fn set(doc: &mut AutoCommit, key: &str, value: &str) {
    doc.put(ROOT, key, value).expect("put");
    doc.commit();
}

fn get(doc: &AutoCommit, key: &str) -> Option<String> {
    doc.get(ROOT, key).expect("get").map(|(v, _)| v.into_string().unwrap_or_default().to_string())
}

fn text(doc: &AutoCommit) -> String {
    let (_, id) = doc.get(ROOT, "text").expect("get").expect("text exists");
    doc.text(&id).expect("text")
}

fn splice(doc: &mut AutoCommit, pos: usize, insert: &str) {
    let id = match doc.get(ROOT, "text").expect("get") {
        Some((_, id)) => id,
        None => doc.put_object(ROOT, "text", ObjType::Text).expect("text"),
    };
    doc.splice_text(&id, pos, 0, insert).expect("splice");
    doc.commit();
}

#[test]
fn alice_creates_bob_connects_bob_finds() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let doc = net.create(alice, |d| set(d, "title", "E-rådsmöte 2019-04-04"));
    let bob = net.add_client("bob");
    net.find(bob, doc);
    assert_eq!(get(net.doc(bob, &doc), "title").as_deref(), Some("E-rådsmöte 2019-04-04"));
}

#[test]
fn live_edits_reach_the_other_peer() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    let doc = net.create(alice, |d| splice(d, 0, "Dagordning"));
    net.find(bob, doc);
    net.change(bob, doc, |d| splice(d, 0, "Förslag: "));
    net.change(alice, doc, |d| splice(d, 19, " 2019"));
    assert_eq!(text(net.doc(alice, &doc)), "Förslag: Dagordning 2019");
    assert_eq!(text(net.doc(bob, &doc)), text(net.doc(alice, &doc)));
}

#[test]
fn a_peer_offline_for_a_while_merges_back_without_losing_anything() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    let doc = net.create(alice, |d| splice(d, 0, "Anteckningar"));
    net.find(bob, doc);
    net.go_offline(bob);
    assert!(matches!(net.connection(bob), Connection::Offline { .. }));
    net.change(bob, doc, |d| splice(d, 0, "Bob: "));
    net.change(alice, doc, |d| splice(d, 12, " (Alice)"));
    assert_eq!(net.save_state(bob, &doc), Some(SaveState::SavedOnDevice), "offline edits are on the device, not the server");
    net.reconnect(bob);
    assert_eq!(net.connection(bob), Connection::Online);
    assert_eq!(text(net.doc(bob, &doc)), "Bob: Anteckningar (Alice)");
    assert_eq!(text(net.doc(alice, &doc)), text(net.doc(bob, &doc)));
    assert_eq!(net.save_state(bob, &doc), Some(SaveState::SavedOnServer));
}

#[test]
fn both_offline_and_the_relay_gone_everything_converges_when_it_returns() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    let doc = net.create(alice, |d| set(d, "a", "1"));
    net.find(bob, doc);
    net.kill_relay();
    net.change(alice, doc, |d| set(d, "a", "2"));
    net.change(bob, doc, |d| set(d, "b", "3"));
    net.start_relay();
    net.advance(radslag_protocol::client::MAX_BACKOFF_MS);
    for c in [alice, bob] {
        assert_eq!(get(net.doc(c, &doc), "a").as_deref(), Some("2"));
        assert_eq!(get(net.doc(c, &doc), "b").as_deref(), Some("3"));
        assert_eq!(net.save_state(c, &doc), Some(SaveState::SavedOnServer));
    }
}

#[test]
fn the_relay_tells_no_one_before_the_change_is_stored() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    let doc = net.create(alice, |d| set(d, "v", "first"));
    net.find(bob, doc);
    net.pause_relay_storage();
    net.change(alice, doc, |d| set(d, "v", "second"));
    assert_eq!(get(net.doc(bob, &doc), "v").as_deref(), Some("first"), "bob must not see an unstored change");
    assert_eq!(net.save_state(alice, &doc), Some(SaveState::SavedOnDevice), "not on the server until stored");
    net.resume_relay_storage();
    assert_eq!(get(net.doc(bob, &doc), "v").as_deref(), Some("second"));
    assert_eq!(net.save_state(alice, &doc), Some(SaveState::SavedOnServer));
}

#[test]
fn saved_on_the_server_survives_a_relay_crash() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let doc = net.create(alice, |d| set(d, "v", "x"));
    for i in 0..20 {
        net.change(alice, doc, |d| set(d, "v", &format!("edit {i}")));
        assert_eq!(net.save_state(alice, &doc), Some(SaveState::SavedOnServer));
        net.kill_relay();
        assert_eq!(get(&net.relay_stored(&doc), "v"), Some(format!("edit {i}")), "acknowledged edit {i} lost");
        net.start_relay();
        net.advance(radslag_protocol::client::MAX_BACKOFF_MS);
    }
}

#[test]
fn changes_that_arrive_during_a_write_share_the_next_write() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    let doc = net.create(alice, |d| set(d, "n", "0"));
    net.find(bob, doc);
    let before = net.relay_storage().keys().len();
    net.pause_relay_storage();
    for i in 1..=5 {
        net.change(alice, doc, |d| set(d, "a", &i.to_string()));
        net.change(bob, doc, |d| set(d, "b", &i.to_string()));
    }
    net.resume_relay_storage();
    let writes = net.relay_storage().keys().len() - before;
    assert!(writes <= 2, "ten changes during one write took {writes} further writes");
    assert_eq!(get(net.doc(bob, &doc), "a").as_deref(), Some("5"));
    assert_eq!(get(net.doc(alice, &doc), "b").as_deref(), Some("5"));
}

#[test]
fn a_document_nobody_has_is_reported_unavailable() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let missing = radslag_protocol::DocumentId::from_bytes([9; 16]);
    net.find(alice, missing);
    assert_eq!(net.unavailable(alice), &[missing]);
}

#[test]
fn a_requester_gets_the_document_once_someone_uploads_it() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    // Bob asks first, for a document only Alice has and has not shared yet.
    let doc = radslag_protocol::DocumentId::from_bytes([4; 16]);
    net.go_offline(alice);
    net.find(bob, doc);
    assert_eq!(net.unavailable(bob), &[doc]);
    net.find(alice, doc);
    net.change(alice, doc, |x| set(x, "k", "v"));
    net.reconnect(alice);
    assert_eq!(get(net.doc(bob, &doc), "k").as_deref(), Some("v"));
}

#[test]
fn backoff_grows_and_is_capped() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    net.go_offline(alice);
    let mut last = 0;
    for _ in 0..8 {
        let Connection::Offline { retry_at } = net.connection(alice) else { panic!("should be offline") };
        assert!(retry_at >= last);
        last = retry_at;
        net.advance(radslag_protocol::client::MAX_BACKOFF_MS);
    }
    let Connection::Offline { retry_at } = net.connection(alice) else { panic!("should be offline") };
    assert!(retry_at - 8 * radslag_protocol::client::MAX_BACKOFF_MS <= radslag_protocol::client::MAX_BACKOFF_MS * 2);
}

#[test]
fn typing_in_progress_is_not_committed_by_asking_for_the_save_state() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let doc = net.create(alice, |d| splice(d, 0, "Dagordning"));
    net.type_pending(alice, doc, |d| {
        let (_, text) = d.get(ROOT, "text").expect("get").expect("text");
        d.splice_text(&text, 10, 0, " 2020").expect("splice");
    });
    assert_eq!(net.save_state(alice, &doc), Some(SaveState::SavedOnServer), "the state as of the last input");
    assert!(net.doc(alice, &doc).pending_ops() > 0, "asking for the save state committed the typing");
    net.end_typing(alice, doc);
    assert_eq!(net.save_state(alice, &doc), Some(SaveState::SavedOnServer));
}

#[test]
fn typing_committed_by_a_remote_change_is_still_saved_and_sent() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let bob = net.add_client("bob");
    let doc = net.create(alice, |d| splice(d, 0, "Dagordning"));
    net.find(bob, doc);
    net.type_pending(alice, doc, |d| {
        let (_, text) = d.get(ROOT, "text").expect("get").expect("text");
        d.splice_text(&text, 0, 0, "Ny ").expect("splice");
    });
    // Bob's change reaches Alice mid-typing: applying it commits her pending typing.
    net.change(bob, doc, |d| set(d, "title", "Möte"));
    net.end_typing(alice, doc);
    assert_eq!(text(net.doc(bob, &doc)), "Ny Dagordning");
    assert_eq!(net.save_state(alice, &doc), Some(SaveState::SavedOnServer));
}

#[test]
fn one_change_among_many_peers_costs_messages_in_proportion_to_the_peers() {
    let mut net = Network::new();
    let alice = net.add_client("alice");
    let doc = net.create(alice, |d| set(d, "v", "0"));
    let others: Vec<_> = (0..10).map(|i| net.add_client(&format!("peer{i}"))).collect();
    for &c in &others {
        net.find(c, doc);
    }
    let before = net.frames_from_relay;
    net.change(alice, doc, |d| set(d, "v", "1"));
    let sent = net.frames_from_relay - before;
    for &c in &others {
        assert_eq!(get(net.doc(c, &doc), "v").as_deref(), Some("1"));
    }
    // Each of the 11 peers hears of the change and is answered once or twice more.
    assert!(sent <= 3 * 11, "one change cost {sent} messages from the relay");
}

#[test]
fn connect_now_forgets_the_backoff() {
    use radslag_protocol::client::{ClientCore, ClientInput, FIRST_BACKOFF_MS};
    let mut core = ClientCore::new(radslag_protocol::PeerId::new("alice".to_string()).expect("peer id"), "s".into(), 0);
    for _ in 0..6 {
        core.handle(0, ClientInput::SocketClosed);
    }
    let Connection::Offline { retry_at } = core.connection() else { panic!("should be offline") };
    assert!(retry_at > 10 * FIRST_BACKOFF_MS, "the backoff grew: {retry_at}");
    // A new credential or address: connect at once, and a later loss starts the backoff over.
    let fx = core.handle(0, ClientInput::ConnectNow);
    assert!(fx.connect);
    assert_eq!(core.connection(), Connection::Connecting);
    core.handle(0, ClientInput::SocketClosed);
    assert_eq!(core.connection(), Connection::Offline { retry_at: FIRST_BACKOFF_MS });
}
