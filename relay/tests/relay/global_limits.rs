//! The relay's global bounds, each with a reason the client is told: open connections, documents
//! in memory, and connections that went quiet (pinged, then dropped).

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{Message, PeerId};
use radslag_relay::Limits;
use crate::support::{TestClient, TestRelay, TIMEOUT};
use tokio_tungstenite::tungstenite::Message as WsMessage;

#[tokio::test]
async fn a_connection_over_the_limit_is_answered_503_with_the_reason() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_with(data.path(), Limits { max_connections: 2, ..Limits::default() }).await;
    let alice = TestClient::connect("alice", &relay.url());
    let bob = TestClient::connect("bob", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "n", 1);
    bob.find(id);
    bob.wait_for_value(id, "n", 1).await;
    assert_eq!(relay.state.open_connections(), 2);

    let refused = tokio_tungstenite::connect_async(relay.url()).await;
    match refused {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 503);
            let body = String::from_utf8_lossy(response.body().as_deref().unwrap_or_default()).to_string();
            assert!(body.contains("try again later"), "the reason: {body}");
        }
        other => panic!("a third connection should be refused with 503, got {other:?}"),
    }
    // The two members are not affected.
    alice.put(id, "n", 2);
    bob.wait_for_value(id, "n", 2).await;
    relay.stop().await;
}

#[tokio::test]
async fn a_document_over_the_memory_limit_is_refused_with_the_reason() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_with(data.path(), Limits { max_loaded_documents: 1, ..Limits::default() }).await;
    let alice = TestClient::connect("alice", &relay.url());
    let first = alice.create(|_| {});
    alice.put(first, "n", 1);
    alice.wait_saved_on_server(first).await;

    let bob = TestClient::connect("bob", &relay.url());
    let second = bob.create(|_| {});
    bob.put(second, "n", 1);
    bob.wait_until("told the relay is full", |b| b.problems().iter().any(|p| p.contains("documents open"))).await;
    // Alice's document is still served.
    let carol = TestClient::connect("carol", &relay.url());
    carol.find(first);
    carol.wait_for_value(first, "n", 1).await;
    relay.stop().await;
}

#[tokio::test]
async fn a_quiet_connection_is_pinged_and_dropped_while_a_listening_one_stays() {
    let data = tempfile::tempdir().expect("temp dir");
    let limits = Limits { ping_after: Duration::from_millis(200), pong_timeout: Duration::from_millis(300), ..Limits::default() };
    let relay = TestRelay::start_with(data.path(), limits).await;
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "n", 1);
    alice.wait_saved_on_server(id).await;

    // Joins, then stops reading: it never answers the relay's ping.
    let (ws, _) = tokio_tungstenite::connect_async(relay.url()).await.expect("connects");
    let (mut sink, mut stream) = ws.split();
    let join = Message::Join { sender: PeerId::new("sleeper").expect("peer"), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] };
    sink.send(WsMessage::Binary(join.encode().into())).await.expect("join sent");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let mut reason = None;
    let read = async {
        while let Some(frame) = stream.next().await {
            if let Ok(WsMessage::Close(Some(frame))) = frame {
                reason = Some(frame.reason.to_string());
                break;
            }
        }
    };
    tokio::time::timeout(TIMEOUT, read).await.expect("the quiet connection is closed");
    let reason = reason.unwrap_or_default();
    assert!(reason.contains("ping"), "the close says why: {reason:?}");

    // Alice's client answers pings (as browsers do) and is still connected and syncing.
    let bob = TestClient::connect("bob", &relay.url());
    bob.find(id);
    bob.wait_for_value(id, "n", 1).await;
    alice.put(id, "n", 2);
    bob.wait_for_value(id, "n", 2).await;
    assert!(alice.problems().is_empty(), "{:?}", alice.problems());
    relay.stop().await;
}
