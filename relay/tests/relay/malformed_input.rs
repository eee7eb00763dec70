//! Bad input closes only the connection that sent it: random bytes, truncated CBOR, wrong field
//! types, a text frame, a message before `join`, an oversized frame, a flood. Meanwhile two good
//! clients keep syncing through the same relay.

use ciborium::Value;
use futures::{SinkExt, StreamExt};
use radslag_protocol::wire::{PeerMetadata, MAX_FRAME_BYTES};
use radslag_protocol::{DocumentId, Message, PeerId};
use crate::support::{TestClient, TestRelay, TIMEOUT};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// What the offender saw before its connection ended.
#[derive(Debug, Default)]
struct Ending {
    close_code: Option<u16>,
    close_reason: String,
    error_message: Option<String>,
}

/// What a bad client does after (optionally) joining.
enum Offence {
    Frames { join_first: bool, frames: Vec<WsMessage> },
    Flood { frames: usize },
}

fn cbor(value: Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::into_writer(&value, &mut out).expect("encode CBOR");
    out
}

fn join_frame(name: &str) -> WsMessage {
    let join = Message::Join {
        sender: PeerId::new(name).expect("peer id"),
        metadata: PeerMetadata::default(),
        supported_versions: vec!["1".into()],
    };
    WsMessage::Binary(join.encode().into())
}

/// Runs the offence on its own socket and returns how the relay ended it.
async fn offend(url: &str, offence: Offence) -> Ending {
    // The client must be able to read a frame as large as it may send, and to send it.
    let config = WebSocketConfig::default().max_message_size(Some(64 << 20)).max_frame_size(Some(64 << 20));
    let (ws, _) = tokio_tungstenite::connect_async_with_config(url, Some(config), false).await.expect("offender connects");
    let (mut sink, mut stream) = ws.split();
    let frames = match offence {
        Offence::Frames { join_first, frames } => {
            let mut all = Vec::new();
            if join_first {
                all.push(join_frame("offender"));
            }
            all.extend(frames);
            all
        }
        Offence::Flood { frames } => {
            let other = WsMessage::Binary(cbor(Value::Map(vec![(Value::Text("type".into()), Value::Text("chatter".into()))])).into());
            std::iter::once(join_frame("offender")).chain(std::iter::repeat_n(other, frames)).collect()
        }
    };
    // Send from a task of its own: the relay may close while we are still sending.
    let sender = tokio::spawn(async move {
        for frame in frames {
            if sink.send(frame).await.is_err() {
                break;
            }
        }
        sink
    });
    let mut ending = Ending::default();
    let read = async {
        while let Some(frame) = stream.next().await {
            match frame {
                Ok(WsMessage::Binary(bytes)) => {
                    if let Ok(Message::Error { message, .. }) = Message::decode(&bytes) {
                        ending.error_message = Some(message);
                    }
                }
                Ok(WsMessage::Close(frame)) => {
                    if let Some(f) = frame {
                        ending.close_code = Some(u16::from(f.code));
                        ending.close_reason = f.reason.to_string();
                    }
                    break;
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    };
    tokio::time::timeout(TIMEOUT, read).await.expect("the relay closes the offending connection in time");
    sender.abort();
    ending
}

/// Two good clients sync one document; the offence runs while they keep editing; afterwards
/// they still converge. Returns how the offender was closed.
async fn only_the_offender_is_closed(offence: Offence) -> Ending {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start(data.path()).await;
    let alice = TestClient::connect("alice", &relay.url());
    let bob = TestClient::connect("bob", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "n", 0);
    bob.find(id);
    bob.wait_for_value(id, "n", 0).await;

    let url = relay.url();
    let attack = tokio::spawn(async move { offend(&url, offence).await });
    for n in 1..=5 {
        alice.put(id, "n", n);
        bob.wait_for_value(id, "n", n).await;
    }
    let ending = attack.await.expect("offender task");

    // After the offender is gone the good clients still sync both ways.
    bob.put(id, "from bob", 1);
    alice.wait_for_value(id, "from bob", 1).await;
    alice.wait_until("same heads as bob", |a| a.heads(id) == bob.heads(id)).await;
    assert!(alice.problems().is_empty() && bob.problems().is_empty(), "{:?} {:?}", alice.problems(), bob.problems());
    relay.stop().await;
    ending
}

fn assert_closed(ending: &Ending, code: CloseCode, reason_has: &str) {
    assert_eq!(ending.close_code, Some(u16::from(code)), "close code; ending: {ending:?}");
    assert!(ending.close_reason.contains(reason_has), "close reason {:?} should mention {reason_has:?}", ending.close_reason);
}

#[tokio::test]
async fn random_bytes_close_the_sender() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Binary(bytes.into())] }).await;
    assert_closed(&ending, CloseCode::Policy, "unreadable message");
    assert!(ending.error_message.is_some(), "an error message precedes the close: {ending:?}");
}

#[tokio::test]
async fn truncated_cbor_closes_the_sender() {
    let sync = Message::Sync {
        sender: PeerId::new("offender").expect("peer"),
        target: PeerId::new(radslag_relay::RELAY_PEER_ID).expect("peer"),
        document: DocumentId::from_bytes([5; 16]),
        data: vec![0x42; 200],
    };
    let bytes = sync.encode();
    let cut = bytes[..bytes.len() / 2].to_vec();
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Binary(cut.into())] }).await;
    assert_closed(&ending, CloseCode::Policy, "not valid CBOR");
}

#[tokio::test]
async fn wrong_field_types_close_the_sender() {
    let frame = cbor(Value::Map(vec![
        (Value::Text("type".into()), Value::Text("sync".into())),
        (Value::Text("senderId".into()), Value::Text("offender".into())),
        (Value::Text("targetId".into()), Value::Text(radslag_relay::RELAY_PEER_ID.into())),
        (Value::Text("documentId".into()), Value::Integer(12.into())),
        (Value::Text("data".into()), Value::Text("not bytes".into())),
    ]));
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Binary(frame.into())] }).await;
    assert_closed(&ending, CloseCode::Policy, "documentId");
}

#[tokio::test]
async fn a_document_id_that_is_a_path_closes_the_sender() {
    let frame = cbor(Value::Map(vec![
        (Value::Text("type".into()), Value::Text("sync".into())),
        (Value::Text("senderId".into()), Value::Text("offender".into())),
        (Value::Text("targetId".into()), Value::Text(radslag_relay::RELAY_PEER_ID.into())),
        (Value::Text("documentId".into()), Value::Text("../../../etc/passwd".into())),
        (Value::Text("data".into()), Value::Bytes(vec![])),
    ]));
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Binary(frame.into())] }).await;
    assert_closed(&ending, CloseCode::Policy, "document id");
}

#[tokio::test]
async fn a_text_frame_closes_the_sender() {
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Text("{\"type\":\"join\"}".into())] }).await;
    assert_closed(&ending, CloseCode::Unsupported, "binary");
}

#[tokio::test]
async fn a_message_before_join_closes_the_sender() {
    let sync = Message::Sync {
        sender: PeerId::new("offender").expect("peer"),
        target: PeerId::new(radslag_relay::RELAY_PEER_ID).expect("peer"),
        document: DocumentId::from_bytes([5; 16]),
        data: vec![],
    };
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: false, frames: vec![WsMessage::Binary(sync.encode().into())] }).await;
    assert_closed(&ending, CloseCode::Policy, "join");
}

#[tokio::test]
async fn an_oversized_frame_closes_the_sender() {
    let big = vec![0u8; MAX_FRAME_BYTES + 1];
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Binary(big.into())] }).await;
    assert_closed(&ending, CloseCode::Size, "larger than");
}

#[tokio::test]
async fn a_flood_closes_the_sender() {
    let ending = only_the_offender_is_closed(Offence::Flood { frames: 50_000 }).await;
    assert_closed(&ending, CloseCode::Policy, "flood");
}

#[tokio::test]
async fn a_large_frame_before_join_closes_the_sender() {
    // A stranger who has not joined gets no more than a handshake needs.
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: false, frames: vec![WsMessage::Binary(vec![0xa0; 8 * 1024].into())] }).await;
    assert_closed(&ending, CloseCode::Size, "before \"join\"");
}

#[tokio::test]
async fn an_ephemeral_message_larger_than_presence_needs_closes_the_sender() {
    // It would be copied to every member of the document.
    let ephemeral = Message::Ephemeral {
        sender: PeerId::new("offender").expect("peer"),
        target: PeerId::new(radslag_relay::RELAY_PEER_ID).expect("peer"),
        document: DocumentId::from_bytes([5; 16]),
        count: 1,
        session: "s".into(),
        data: vec![7; 64 * 1024],
    };
    let ending = only_the_offender_is_closed(Offence::Frames { join_first: true, frames: vec![WsMessage::Binary(ephemeral.encode().into())] }).await;
    assert_closed(&ending, CloseCode::Policy, "ephemeral");
}
