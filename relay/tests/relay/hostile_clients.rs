//! One hostile client hurts only itself. Against the relay binary as shipped (the release
//! profile when `scripts/radslag test` runs this with `RADSLAG_RELAY_BIN`): sync data that
//! made automerge panic, which in a release build aborted the relay for everyone. And a second
//! connection that claims a member's peer id does not take over that member's sync session.

use std::path::PathBuf;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{DocumentId, Message, PeerId};
use crate::support::{RelayProcess, TestClient, TestRelay, TIMEOUT};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// The relay binary under test: the one `RADSLAG_RELAY_BIN` names, else this build's.
fn relay_binary() -> PathBuf {
    match std::env::var_os("RADSLAG_RELAY_BIN") {
        Some(bin) => PathBuf::from(bin),
        None => PathBuf::from(env!("CARGO_BIN_EXE_radslag-relay")),
    }
}

/// How the relay answered a hostile message: the `error` it sent and the close reason.
#[derive(Debug, Default)]
struct Answer {
    error: Option<String>,
    close_reason: Option<String>,
}

/// Joins as `attacker`, sends one `sync` message carrying `data` for `document`, and reads
/// until the relay closes the connection.
async fn send_hostile_sync(url: &str, document: DocumentId, data: Vec<u8>) -> Answer {
    let (ws, _) = tokio_tungstenite::connect_async(url).await.expect("the attacker connects");
    let (mut sink, mut stream) = ws.split();
    let attacker = PeerId::new("attacker").expect("peer id");
    let join = Message::Join { sender: attacker.clone(), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] };
    sink.send(WsMessage::Binary(join.encode().into())).await.expect("join sent");
    let mut answer = Answer::default();
    let read = async {
        let mut relay = None;
        while let Some(frame) = stream.next().await {
            match frame {
                Ok(WsMessage::Binary(bytes)) => match Message::decode(&bytes) {
                    Ok(Message::Peer { sender, .. }) if relay.is_none() => {
                        let sync = Message::Sync { sender: attacker.clone(), target: sender.clone(), document, data: data.clone() };
                        relay = Some(sender);
                        sink.send(WsMessage::Binary(sync.encode().into())).await.expect("hostile sync sent");
                    }
                    Ok(Message::Error { message, .. }) => answer.error = Some(message),
                    _ => {}
                },
                Ok(WsMessage::Close(frame)) => {
                    answer.close_reason = frame.map(|f| f.reason.to_string());
                    break;
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
    };
    tokio::time::timeout(TIMEOUT, read).await.expect("the relay answers the hostile message in time");
    answer
}

/// `GET /healthz` over a plain socket: the body, or the error.
async fn health(addr: &str) -> Result<String, String> {
    let mut tcp = tokio::net::TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    tcp.write_all(b"GET /healthz HTTP/1.0\r\nHost: relay\r\n\r\n").await.map_err(|e| e.to_string())?;
    let mut response = String::new();
    tcp.read_to_string(&mut response).await.map_err(|e| e.to_string())?;
    Ok(response)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_data_that_panicked_automerge_is_refused_and_the_relay_keeps_serving() {
    let bin = relay_binary();
    eprintln!("testing the relay binary {}", bin.display());
    let data = tempfile::tempdir().expect("temp dir");
    let mut relay = RelayProcess::start_binary(&bin, data.path());
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "n", 1);
    alice.wait_saved_on_server(id).await;
    let head = alice.heads(id)[0];

    // 1 entry × 0 bits × 7 probes: automerge divides by zero checking a change against it.
    let bloom = vec![0x42, 0x00, 0x00, 0x01, 0x00, 0x03, 0x01, 0x00, 0x07, 0x00];
    // The same change asked for twice: automerge panics collecting it ("MissingOps").
    let mut twice = vec![0x43, 0x00, 0x02];
    twice.extend(head.0);
    twice.extend(head.0);
    twice.extend([0x00, 0x00]);
    for (what, hostile) in [("the Bloom filter without bits", bloom), ("a need list naming one change twice", twice)] {
        let answer = send_hostile_sync(&relay.url(), id, hostile).await;
        let said = format!("{answer:?}");
        assert!(said.contains("refused sync message"), "{what}: the attacker is told why it is refused: {said}");
        assert!(relay.child.try_wait().expect("relay status").is_none(), "{what}: the relay is still running");
        let healthz = health(&relay.addr).await.expect("/healthz answers");
        assert!(healthz.ends_with("ok"), "{what}: /healthz says ok: {healthz}");
    }

    // Members still sync the same document, both the one connected all along and a new one.
    let bob = TestClient::connect("bob", &relay.url());
    bob.find(id);
    bob.wait_for_value(id, "n", 1).await;
    alice.put(id, "n", 2);
    bob.wait_for_value(id, "n", 2).await;
    assert!(alice.problems().is_empty() && bob.problems().is_empty(), "{:?} {:?}", alice.problems(), bob.problems());
    relay.kill();
}

#[tokio::test]
async fn a_second_connection_claiming_a_members_peer_id_does_not_take_over_their_session() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start(data.path()).await;
    let member = PeerId::new("member-anna").expect("peer id");
    let anna = TestClient::connect_as("anna", member.clone(), &relay.url());
    let id = anna.create(|_| {});
    anna.put(id, "n", 0);
    anna.wait_saved_on_server(id).await;

    let impostor = TestClient::connect_as("impostor", member, &relay.url());
    impostor.find(id);
    impostor.wait_for_value(id, "n", 0).await;

    // A change from a third member reaches Anna, not only the newest claimant of her id.
    let carl = TestClient::connect("carl", &relay.url());
    carl.find(id);
    carl.wait_for_value(id, "n", 0).await;
    carl.put(id, "n", 7);
    anna.wait_for_value(id, "n", 7).await;
    impostor.wait_for_value(id, "n", 7).await;
    // And Anna's own changes still reach the others.
    anna.put(id, "from anna", 1);
    carl.wait_for_value(id, "from anna", 1).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(anna.problems().is_empty(), "{:?}", anna.problems());
    relay.stop().await;
}
