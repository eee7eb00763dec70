//! Frames captured from the automerge-repo JavaScript reference implementation (by
//! tests/interop/capture.mjs, into tests/fixtures/) decode into the messages they are, re-encode
//! to frames that decode the same, and read in JavaScript as the same message the JavaScript
//! side wrote (tests/interop/decode_check.mjs, run with `node`).
//!
//! The JavaScript check needs `npm ci --prefix tests/interop` (run from the repository root);
//! without `node` on the machine it is skipped with a printed notice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use automerge::{sync, sync::SyncDoc, Automerge, ReadDoc};
use radslag_protocol::connection::{ConnectionAction, ConnectionState, ServerConnection};
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{DocumentId, Message, PeerId};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn interop_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop")
}

/// One line of manifest.txt: what capture.mjs saw in the frame, as cbor-x decoded it.
struct Expected {
    kind: String,
    sender: String,
    target: String,
    document: Option<DocumentId>,
    data_len: Option<usize>,
}

fn manifest() -> BTreeMap<String, Expected> {
    let text = std::fs::read_to_string(fixtures().join("manifest.txt")).expect("read manifest.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split(' ').collect();
            assert_eq!(f.len(), 6, "manifest line {line:?}");
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            let expected = Expected {
                kind: f[1].into(),
                sender: f[2].into(),
                target: f[3].into(),
                document: opt(f[4]).map(|d| DocumentId::parse(&d).expect("manifest document id")),
                data_len: opt(f[5]).map(|n| n.parse().expect("manifest data length")),
            };
            (f[0].to_string(), expected)
        })
        .collect()
}

fn load(name: &str) -> (Vec<u8>, Message) {
    let bytes = std::fs::read(fixtures().join(name)).unwrap_or_else(|e| panic!("read fixture {name}: {e}"));
    let msg = Message::decode(&bytes).unwrap_or_else(|e| panic!("{name} does not decode: {e}"));
    (bytes, msg)
}

fn p(s: &str) -> PeerId {
    PeerId::new(s).expect("peer id")
}

#[test]
fn every_captured_frame_decodes_to_what_the_javascript_side_sent() {
    let manifest = manifest();
    assert_eq!(manifest.len(), 10, "capture.mjs writes ten fixtures");
    for (name, want) in &manifest {
        let (_, msg) = load(name);
        assert_eq!(msg.type_name(), want.kind, "{name}");
        assert_eq!(msg.document(), want.document.as_ref(), "{name}");
        let (sender, target, data) = match &msg {
            Message::Join { sender, .. } => (Some(sender), None, None),
            Message::Peer { sender, target, .. } | Message::DocUnavailable { sender, target, .. } => (Some(sender), Some(target), None),
            Message::Request { sender, target, data, .. }
            | Message::Sync { sender, target, data, .. }
            | Message::Ephemeral { sender, target, data, .. } => (Some(sender), Some(target), Some(data)),
            Message::Error { sender, target, .. } => (sender.as_ref(), target.as_ref(), None),
            other => panic!("{name} decoded as {other:?}"),
        };
        assert_eq!(sender.map(PeerId::as_str).unwrap_or("-"), want.sender, "{name} sender");
        assert_eq!(target.map(PeerId::as_str).unwrap_or("-"), want.target, "{name} target");
        assert_eq!(data.map(Vec::len), want.data_len, "{name} data length");
        // Sync and request payloads are automerge sync messages our automerge reads.
        if let Message::Sync { data, .. } | Message::Request { data, .. } = &msg {
            sync::Message::decode(data).unwrap_or_else(|e| panic!("{name}: sync payload does not decode: {e}"));
        }
    }
}

#[test]
fn handshake_fields_match_the_reference() {
    // A JS client without storage writes `storageId: undefined` (CBOR simple value 23).
    let (_, join) = load("js-client-join.cbor");
    assert_eq!(
        join,
        Message::Join {
            sender: p("js-client-a"),
            metadata: PeerMetadata { storage_id: None, is_ephemeral: true },
            supported_versions: vec!["1".into()],
        }
    );
    let (_, peer) = load("js-server-peer.cbor");
    let Message::Peer { sender, target, metadata, selected_version } = peer else { panic!("not a peer message") };
    assert_eq!((sender, target, selected_version.as_str()), (p("js-server"), p("js-client-a"), "1"));
    assert!(!metadata.is_ephemeral, "the JS server has storage");
    assert!(metadata.storage_id.as_deref().is_some_and(|s| s.len() == 36), "storage id is a uuid: {metadata:?}");

    let (_, error) = load("js-server-error.cbor");
    assert_eq!(
        error,
        Message::Error { sender: Some(p("js-server")), target: Some(p("js-raw")), message: "unsupported protocol version".into() }
    );
}

#[test]
fn ephemeral_fields_match_the_reference() {
    let (_, msg) = load("js-client-ephemeral.cbor");
    let Message::Ephemeral { count, session, data, .. } = msg else { panic!("not ephemeral") };
    assert_eq!(count, 1, "first ephemeral message of the session");
    assert!(!session.is_empty());
    // The payload is the CBOR of `{ cursor: 3, name: "alice" }` as the JS repo encodes it.
    let value: ciborium::Value = ciborium::from_reader(data.as_slice()).expect("payload is CBOR");
    let map = value.as_map().expect("payload is a map");
    let get = |k: &str| map.iter().find(|(key, _)| key.as_text() == Some(k)).map(|(_, v)| v.clone());
    assert_eq!(get("cursor"), Some(ciborium::Value::Integer(3.into())));
    assert_eq!(get("name"), Some(ciborium::Value::Text("alice".into())));
}

#[test]
fn a_javascript_peers_echo_of_presence_is_dropped_without_closing_its_connection() {
    // Bob's repo passed alice's ephemeral message back to the server with alice as sender.
    let (_, echo) = load("js-client-ephemeral-echo.cbor");
    let (_, original) = load("js-client-ephemeral.cbor");
    assert_eq!(echo, original, "the echo is alice's message unchanged");
    let mut bob = ServerConnection::new(p("js-server"), PeerMetadata::default());
    bob.handle(Message::Join { sender: p("js-client-b"), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] });
    assert_eq!(bob.handle(echo), ConnectionAction::Ignore);
    assert_eq!(bob.state(), &ConnectionState::Joined(p("js-client-b")));
}

#[test]
fn a_captured_sync_payload_carries_the_javascript_document() {
    let (_, msg) = load("js-server-sync-with-changes.cbor");
    let Message::Sync { data, .. } = msg else { panic!("not sync") };
    let mut doc = Automerge::new();
    let mut state = sync::State::new();
    doc.receive_sync_message(&mut state, sync::Message::decode(&data).expect("sync payload"))
        .expect("our automerge applies the JS sync message");
    // automerge-repo 2 writes JavaScript strings as collaborative text objects.
    let (title, title_id) = doc.get(automerge::ROOT, "title").expect("read title").expect("title is set");
    assert_eq!(title, automerge::Value::Object(automerge::ObjType::Text), "title is text");
    assert_eq!(doc.text(&title_id).expect("read text"), "Budget 2025");
    let (_, items) = doc.get(automerge::ROOT, "items").expect("read items").expect("items is set");
    assert_eq!(doc.length(&items), 2);
}

#[test]
fn our_reencoding_decodes_the_same_in_rust() {
    for name in manifest().keys() {
        let (_, msg) = load(name);
        let ours = msg.encode();
        assert_eq!(Message::decode(&ours).as_ref(), Ok(&msg), "{name} after re-encoding");
    }
}

#[test]
fn our_encoding_reads_in_javascript_as_the_reference_message() {
    if Command::new("node").arg("--version").output().is_err() {
        println!("SKIPPED: `node` is not installed, so our encoding was not checked against automerge-repo's decoder");
        return;
    }
    let interop = interop_dir();
    assert!(
        interop.join("node_modules/@automerge/automerge-repo").is_dir(),
        "the JavaScript reference packages are not installed: run `npm ci --prefix tests/interop` from the repository root"
    );
    let out_dir = std::env::temp_dir().join(format!("radslag-js-captured-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("temp dir");
    let mut args = Vec::new();
    for name in manifest().keys() {
        let (_, msg) = load(name);
        let ours = out_dir.join(name);
        std::fs::write(&ours, msg.encode()).expect("write our encoding");
        args.push(fixtures().join(name));
        args.push(ours);
    }
    let output = Command::new("node")
        .arg(interop.join("decode_check.mjs"))
        .args(&args)
        .current_dir(&interop)
        .output()
        .expect("run node");
    let _ = std::fs::remove_dir_all(&out_dir);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "automerge-repo reads our encoding differently:\n{stdout}\n{stderr}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with("same ")).count(), 10, "{stdout}");
}
