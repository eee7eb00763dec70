//! Who may read and write, over real sockets: a connection without a valid credential is closed
//! before any sync, a council's documents stay out of another council's reach, a reader's
//! changes go nowhere while it still receives, a revoked device is cut off within a second,
//! pages of other origins are refused, invitations are counted, a damaged access file changes
//! nobody's access, and the admin commands of the real binary take a council from nothing to
//! syncing.

use std::time::{Duration, Instant};

use automerge::sync::{State as SyncState, SyncDoc};
use automerge::AutoCommit;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use futures::{SinkExt, StreamExt};
use http_body_util::BodyExt;
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{DocumentId, Message, PeerId};
use radslag_relay::access::file::AccessFile;
use radslag_relay::access::{prepare_device, prepare_invitation, Role};
use radslag_relay::{app, AppState};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};
use tower::ServiceExt;

use crate::support::{random_bytes, RelayProcess, TestClient, TestRelay, TIMEOUT};

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

// ---------------------------------------------------------------------------------------------
// Setting up councils and devices

/// A new council in the relay's store; returns its id.
async fn council(state: &AppState, name: &str) -> String {
    let id = DocumentId::from_bytes(random_bytes()).to_string();
    let (council, name) = (id.clone(), name.to_string());
    state.access().update(move |data| data.create_council(&council, &name, radslag_relay::access::now())).await.expect("store").expect("enforced").expect("council");
    id
}

/// A device of `role` in `council`, joined through an invitation; returns (device id, credential).
async fn device(state: &AppState, council: &str, role: Role) -> (String, String) {
    let now = radslag_relay::access::now();
    let (invitation, secret) = prepare_invitation(council, role, 1, Some(1), None, now).expect("random");
    let (new, credential) = prepare_device("surfplatta", "Uddevalla").expect("random");
    let hash = radslag_relay::access::secret::hash(&secret);
    let id = state
        .access()
        .update(move |data| {
            data.invite(invitation, now).expect("invite");
            data.join(&hash, new, now).map(|d| d.id.clone())
        })
        .await
        .expect("store")
        .expect("enforced")
        .expect("join");
    (id, credential)
}

fn with_credential(url: &str, credential: &str) -> String {
    format!("{url}?credential={credential}")
}

// ---------------------------------------------------------------------------------------------
// Raw sockets

async fn open(url: &str, origin: Option<&str>) -> Result<Socket, tokio_tungstenite::tungstenite::Error> {
    let mut request = url.into_client_request().expect("request");
    if let Some(origin) = origin {
        request.headers_mut().insert("origin", origin.parse().expect("header"));
    }
    tokio::time::timeout(TIMEOUT, tokio_tungstenite::connect_async(request)).await.expect("connect in time").map(|(ws, _)| ws)
}

/// Reads until the relay closes; the close code and reason, and whether anything came before.
async fn closed(ws: &mut Socket) -> (u16, String, usize) {
    let mut before = 0;
    let read = async {
        while let Some(frame) = ws.next().await {
            match frame {
                Ok(WsMessage::Close(Some(f))) => return (u16::from(f.code), f.reason.to_string(), before),
                Ok(WsMessage::Close(None)) | Err(_) => return (0, String::new(), before),
                Ok(_) => before += 1,
            }
        }
        (0, String::new(), before)
    };
    tokio::time::timeout(TIMEOUT, read).await.expect("the relay closes in time")
}

fn join_frame(name: &str) -> WsMessage {
    let join = Message::Join { sender: PeerId::new(name).expect("peer id"), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] };
    WsMessage::Binary(join.encode().into())
}

/// The next protocol message from the relay.
async fn next_message(ws: &mut Socket) -> Message {
    let read = async {
        loop {
            match ws.next().await {
                Some(Ok(WsMessage::Binary(bytes))) => return Message::decode(&bytes).expect("a message we can read"),
                Some(Ok(WsMessage::Close(frame))) => panic!("closed instead: {frame:?}"),
                Some(Ok(_)) => {}
                other => panic!("the socket ended: {other:?}"),
            }
        }
    };
    tokio::time::timeout(TIMEOUT, read).await.expect("a message in time")
}

/// Opens a socket with `credential` and joins as `name`.
async fn joined(url: &str, credential: &str, name: &str) -> Socket {
    let mut ws = open(&with_credential(url, credential), None).await.expect("upgrade");
    ws.send(join_frame(name)).await.expect("send join");
    assert!(matches!(next_message(&mut ws).await, Message::Peer { .. }), "the relay answers join with peer");
    ws
}

/// A first sync message for `id` from a peer that has nothing of it.
fn empty_sync_data() -> Vec<u8> {
    let mut doc = AutoCommit::new();
    let message = doc.sync().generate_sync_message(&mut SyncState::new()).expect("a first message");
    message.encode()
}

// ---------------------------------------------------------------------------------------------
// HTTP

async fn http(state: &AppState, method: &str, path: &str, bearer: Option<&str>, body: Option<Value>) -> (StatusCode, Value) {
    let mut request = Request::builder().method(method).uri(path).header("content-type", "application/json");
    if let Some(credential) = bearer {
        request = request.header("authorization", format!("Bearer {credential}"));
    }
    let body = body.map(|b| Body::from(b.to_string())).unwrap_or_else(Body::empty);
    let response = app(state.clone()).oneshot(request.body(body).expect("request")).await.expect("response");
    let status = response.status();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

async fn join_over_http(state: &AppState, invitation: &str) -> (StatusCode, Value) {
    http(state, "POST", "/access/join", None, Some(json!({ "invitation": invitation, "device_name": "surfplatta", "organisation": "Vänersborg" }))).await
}

// ---------------------------------------------------------------------------------------------
// The tests

#[tokio::test]
async fn a_connection_without_a_valid_credential_is_closed_before_any_sync() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let council = council(&relay.state, "E-rådet").await;
    let now = radslag_relay::access::now();
    let (expired, expired_secret) = prepare_invitation(&council, Role::Editor, 1, None, None, now - 2 * 86_400).expect("random");
    relay.state.access().update(move |data| data.invite(expired, now).map(|_| ())).await.expect("store").expect("enforced").expect("invite");

    for (what, url, code, reason) in [
        ("no credential", relay.url(), 4401, "credential-missing"),
        ("an empty credential", with_credential(&relay.url(), ""), 4401, "credential-missing"),
        ("a wrong credential", with_credential(&relay.url(), "c2VjcmV0LWJ1dC1ub3Qtb3Vycw"), 4401, "credential-unknown"),
        ("an expired invitation's secret", with_credential(&relay.url(), &expired_secret), 4401, "credential-unknown"),
    ] {
        let mut ws = open(&url, None).await.expect("the upgrade is accepted, so a browser can read the close code");
        // Whatever the client says, nothing is synced: it is closed with the reason first.
        let _ = ws.send(join_frame("stranger")).await;
        assert_eq!(closed(&mut ws).await, (code, reason.to_string(), 0), "{what}");
    }
    let (status, body) = join_over_http(&relay.state, &expired_secret).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::GONE, Some("invitation-expired")));

    // A device that has been revoked is told so.
    let (device, credential) = device(&relay.state, &council, Role::Editor).await;
    let c = council.clone();
    relay.state.access().update(move |data| data.revoke_device(&c, &device)).await.expect("store").expect("enforced").expect("revoke");
    let mut ws = open(&with_credential(&relay.url(), &credential), None).await.expect("upgrade");
    assert_eq!(closed(&mut ws).await, (4403, "device-revoked".to_string(), 0));
    relay.stop().await;
}

#[tokio::test]
async fn another_councils_document_is_unavailable_by_sync_and_by_request() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let ours = council(&relay.state, "Fyrbodals e-råd").await;
    let theirs = council(&relay.state, "Ett annat råd").await;
    let (_, alice_key) = device(&relay.state, &ours, Role::Editor).await;
    let (_, mallory_key) = device(&relay.state, &theirs, Role::Admin).await;

    let alice = TestClient::connect("alice", &with_credential(&relay.url(), &alice_key));
    let id = alice.create(|_| {});
    alice.put(id, "secret plans", 1);
    alice.wait_saved_on_server(id).await;
    assert_eq!(relay.state.access().snapshot().documents.get(&id.to_string()), Some(&ours), "a new document becomes its creator's council's");

    let mut mallory = joined(&relay.url(), &mallory_key, "mallory").await;
    let relay_peer = PeerId::new(radslag_relay::RELAY_PEER_ID).expect("peer id");
    let me = PeerId::new("mallory").expect("peer id");
    for (what, document) in [("alice's document", id), ("alice's council's root", DocumentId::parse(&ours).expect("id"))] {
        for request in [true, false] {
            let data = empty_sync_data();
            let (sender, target) = (me.clone(), relay_peer.clone());
            let message = if request { Message::Request { sender, target, document, data } } else { Message::Sync { sender, target, document, data } };
            mallory.send(WsMessage::Binary(message.encode().into())).await.expect("send");
            match next_message(&mut mallory).await {
                Message::DocUnavailable { document: answered, .. } => assert_eq!(answered, document, "{what}"),
                other => panic!("{what} (request: {request}): expected doc-unavailable, got {}", other.type_name()),
            }
        }
    }
    assert_eq!(relay.state.loaded_documents(), 1, "only alice's document is in memory: the other council's root was never loaded");
    // Mallory's own council's root is hers to sync.
    let root = DocumentId::parse(&theirs).expect("id");
    let message = Message::Request { sender: me.clone(), target: relay_peer.clone(), document: root, data: empty_sync_data() };
    mallory.send(WsMessage::Binary(message.encode().into())).await.expect("send");
    let answer = next_message(&mut mallory).await;
    assert!(matches!(answer, Message::Sync { .. } | Message::DocUnavailable { .. }), "her own root is answered by the document: {}", answer.type_name());
    assert_eq!(relay.state.access().snapshot().documents.get(&id.to_string()), Some(&ours), "still alice's council's");
    relay.stop().await;
}

#[tokio::test]
async fn a_readers_changes_are_dropped_while_it_still_receives_everything() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let council = council(&relay.state, "E-rådet").await;
    let (_, editor_key) = device(&relay.state, &council, Role::Editor).await;
    let (_, reader_key) = device(&relay.state, &council, Role::Reader).await;
    let url = |key: &str| with_credential(&relay.url(), key);

    let alice = TestClient::connect("alice", &url(&editor_key));
    let id = alice.create(|_| {});
    alice.put(id, "n", 1);
    alice.wait_saved_on_server(id).await;

    let reader = TestClient::connect("reader", &url(&reader_key));
    reader.find(id);
    reader.wait_for_value(id, "n", 1).await;
    reader.put(id, "vandalised", 1);
    reader.put(id, "n", 666);
    for n in 2..=4 {
        let key = format!("later {n}");
        alice.put(id, &key, n);
        reader.wait_for_value(id, &key, n).await;
    }
    alice.wait_saved_on_server(id).await;

    // A member who connects afterwards has everything alice wrote and nothing the reader did.
    let (_, carol_key) = device(&relay.state, &council, Role::Editor).await;
    let carol = TestClient::connect("carol", &url(&carol_key));
    carol.find(id);
    carol.wait_until("alice's heads", |c| c.heads(id) == alice.heads(id)).await;
    assert_eq!((carol.get(id, "n"), carol.get(id, "later 4"), carol.get(id, "vandalised")), (Some(1), Some(4), None));
    assert_eq!(alice.get(id, "vandalised"), None, "nothing the reader sent was forwarded");

    // A reader cannot create a document.
    let made = reader.create(|_| {});
    reader.put(made, "n", 1);
    let mut probe = joined(&relay.url(), &reader_key, "reader-probe").await;
    let message = Message::Request {
        sender: PeerId::new("reader-probe").expect("peer"),
        target: PeerId::new(radslag_relay::RELAY_PEER_ID).expect("peer"),
        document: made,
        data: empty_sync_data(),
    };
    probe.send(WsMessage::Binary(message.encode().into())).await.expect("send");
    assert!(matches!(next_message(&mut probe).await, Message::DocUnavailable { .. }));
    assert!(!relay.state.access().snapshot().documents.contains_key(&made.to_string()), "nobody owns what a reader tried to make");
    assert!(!data.path().join(made.to_string()).exists(), "nothing of it is stored");
    relay.stop().await;
}

#[tokio::test]
async fn a_revoked_device_is_cut_off_within_a_second() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let council = council(&relay.state, "E-rådet").await;
    let (_, admin_key) = device(&relay.state, &council, Role::Admin).await;
    let (by_cli, cli_key) = device(&relay.state, &council, Role::Editor).await;
    let (by_http, http_key) = device(&relay.state, &council, Role::Editor).await;
    let mut first = joined(&relay.url(), &cli_key, "first").await;
    let mut second = joined(&relay.url(), &http_key, "second").await;

    // As `radslag-relay admin revoke-device` does: another writer of the file, which the relay
    // notices by polling.
    let c = council.clone();
    let started = Instant::now();
    AccessFile::new(data.path()).update(move |d| d.revoke_device(&c, &by_cli)).expect("file").0.expect("revoke");
    assert_eq!(closed(&mut first).await.0, 4403);
    assert!(started.elapsed() < Duration::from_secs(1), "closed after {:?}", started.elapsed());

    let started = Instant::now();
    let (status, _) = http(&relay.state, "POST", &format!("/access/devices/{by_http}/revoke"), Some(&admin_key), None).await;
    assert_eq!(status, StatusCode::OK);
    let (code, reason, _) = closed(&mut second).await;
    assert_eq!((code, reason.as_str()), (4403, "device-revoked"));
    assert!(started.elapsed() < Duration::from_secs(1), "closed after {:?}", started.elapsed());
    relay.stop().await;
}

#[tokio::test]
async fn pages_of_other_origins_are_refused_the_relays_own_and_listed_ones_pass() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &["https://app.example.org"]).await;
    let council = council(&relay.state, "E-rådet").await;
    let (_, key) = device(&relay.state, &council, Role::Editor).await;
    let url = with_credential(&relay.url(), &key);

    match open(&url, Some("https://evil.example")).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => assert_eq!(response.status(), StatusCode::FORBIDDEN),
        other => panic!("a page of another origin must be refused before the upgrade: {:?}", other.map(|_| ())),
    }
    // The listed origin's pages may also call the /access endpoints (CORS); others get no leave.
    for (origin, allowed) in [("https://app.example.org", true), ("https://evil.example", false)] {
        let request = Request::builder()
            .method("OPTIONS")
            .uri("/access/join")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .body(Body::empty())
            .expect("request");
        let response = app(relay.state.clone()).oneshot(request).await.expect("response");
        let leave = response.headers().get("access-control-allow-origin").and_then(|v| v.to_str().ok()).map(str::to_string);
        assert_eq!(leave.as_deref(), allowed.then_some(origin), "{origin}");
    }
    for origin in [format!("http://{}", relay.addr), "https://app.example.org".to_string()] {
        let mut ws = open(&url, Some(&origin)).await.unwrap_or_else(|e| panic!("{origin} is allowed: {e}"));
        ws.send(join_frame("page")).await.expect("send");
        assert!(matches!(next_message(&mut ws).await, Message::Peer { .. }), "{origin}");
    }
    relay.stop().await;
}

#[tokio::test]
async fn an_invitation_is_exchanged_as_often_as_it_may_and_admins_manage_it_over_http() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let council = council(&relay.state, "E-rådet").await;
    let (_, admin_key) = device(&relay.state, &council, Role::Admin).await;
    let (_, editor_key) = device(&relay.state, &council, Role::Editor).await;

    let (status, body) = http(&relay.state, "POST", "/access/invitations", Some(&editor_key), Some(json!({ "role": "reader", "days": 3 }))).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::FORBIDDEN, Some("not-admin")));
    let (status, body) = http(&relay.state, "GET", "/access/devices", None, None).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("credential-missing")));

    let invite = json!({ "role": "reader", "days": 3, "uses": 1, "label": "till Åmål" });
    let (status, made) = http(&relay.state, "POST", "/access/invitations", Some(&admin_key), Some(invite)).await;
    assert_eq!(status, StatusCode::OK, "{made}");
    let secret = made["secret"].as_str().expect("secret").to_string();
    assert_eq!((made["council"].as_str(), made["role"].as_str(), made["uses_left"].as_u64()), (Some(council.as_str()), Some("reader"), Some(1)));

    let (status, joined) = join_over_http(&relay.state, &secret).await;
    assert_eq!(status, StatusCode::OK, "{joined}");
    assert_eq!((joined["council"].as_str(), joined["role"].as_str()), (Some(council.as_str()), Some("reader")));
    let credential = joined["credential"].as_str().expect("credential");
    assert_ne!(credential, secret, "the device gets a credential of its own");
    let (status, again) = join_over_http(&relay.state, &secret).await;
    assert_eq!((status, again["error"].as_str()), (StatusCode::GONE, Some("invitation-used-up")));
    let (status, unknown) = join_over_http(&relay.state, "not-an-invitation").await;
    assert_eq!((status, unknown["error"].as_str()), (StatusCode::NOT_FOUND, Some("invitation-unknown")));

    // The new device connects; the admin sees it and the invitation, never a secret or a hash.
    let mut ws = joined_socket(&relay.url(), credential).await;
    let (_, devices) = http(&relay.state, "GET", "/access/devices", Some(&admin_key), None).await;
    assert_eq!(devices.as_array().map(Vec::len), Some(3), "{devices}");
    let (_, invitations) = http(&relay.state, "GET", "/access/invitations", Some(&admin_key), None).await;
    let listed = invitations.to_string();
    assert!(!listed.contains(&secret) && !listed.contains("hash") && !devices.to_string().contains("hash"), "{listed} {devices}");

    // A revoked invitation is refused; so is a body too big to be a join.
    let (status, body) = http(&relay.state, "POST", "/access/invitations", Some(&admin_key), Some(json!({ "role": "editor", "days": 1 }))).await;
    assert_eq!(status, StatusCode::OK);
    let (id, secret) = (body["id"].as_str().expect("id"), body["secret"].as_str().expect("secret"));
    let (status, _) = http(&relay.state, "POST", &format!("/access/invitations/{id}/revoke"), Some(&admin_key), None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = join_over_http(&relay.state, secret).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::GONE, Some("invitation-revoked")));
    let huge = json!({ "invitation": secret, "device_name": "x".repeat(10_000) });
    let (status, _) = http(&relay.state, "POST", "/access/join", None, Some(huge)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    ws.close(None).await.expect("close");
    relay.stop().await;
}

async fn joined_socket(url: &str, credential: &str) -> Socket {
    joined(url, credential, "new-device").await
}

// ---------------------------------------------------------------------------------------------
// The admin command line, end to end

pub(crate) fn admin(data: &std::path::Path, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_radslag-relay"))
        .arg("admin")
        .arg("--data")
        .arg(data)
        .args(["--base-url", "https://radslag.example"])
        .args(args)
        .output()
        .expect("run radslag-relay admin");
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout).to_string(), String::from_utf8_lossy(&output.stderr).to_string());
    assert!(output.status.success(), "admin {args:?} failed: {stderr}");
    stdout
}

/// The secret of the invitation link in `printed`, checking the link's form.
pub(crate) fn link_secret(printed: &str, council: &str) -> String {
    let prefix = format!("https://radslag.example/#/join/{council}/");
    let line = printed.lines().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("no link {prefix}… in:\n{printed}"));
    line[prefix.len()..].trim().to_string()
}

/// `POST /access/join` over a plain socket to the relay process.
pub(crate) fn post_join(addr: &str, invitation: &str, name: &str) -> Value {
    use std::io::{Read, Write};
    let body = json!({ "invitation": invitation, "device_name": name, "organisation": "Trollhättan" }).to_string();
    let mut tcp = std::net::TcpStream::connect(addr).expect("connect");
    let request = format!("POST /access/join HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
    tcp.write_all(request.as_bytes()).expect("send");
    let mut response = String::new();
    tcp.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").expect("an HTTP response");
    assert!(head.starts_with("HTTP/1.1 200"), "{response}");
    serde_json::from_str(body).expect("JSON")
}

#[tokio::test]
async fn the_admin_commands_take_a_council_from_nothing_to_syncing() {
    let data = tempfile::tempdir().expect("temp dir");
    for help in [&["--help"][..], &["council-create", "--help"], &["invite", "--help"], &["revoke-device", "--help"]] {
        assert!(admin(data.path(), help).contains("Usage"), "{help:?}");
    }
    let printed = admin(data.path(), &["council-create", "--name", "Fyrbodals e-råd"]);
    let council = printed.split_whitespace().nth(1).expect("the council's id").to_string();
    DocumentId::parse(&council).expect("a document id");
    let first_admin = link_secret(&printed, &council);
    assert!(admin(data.path(), &["council-list"]).contains("Fyrbodals e-råd"));

    let relay = RelayProcess::start_enforced(data.path(), &[]);
    let admin_device = post_join(&relay.addr, &first_admin, "ordförandens dator");
    assert_eq!(admin_device["role"], "admin");
    // Invited while the relay runs: the relay reads the new invitation from the file.
    let printed = admin(data.path(), &["invite", "--council", &council, "--role", "editor", "--days", "1", "--uses", "1"]);
    let editor_device = post_join(&relay.addr, &link_secret(&printed, &council), "sekreterarens platta");
    assert_eq!(editor_device["council"].as_str(), Some(council.as_str()));
    assert!(admin(data.path(), &["invitations", "--council", &council]).contains("used up"));

    let chair = TestClient::connect("chair", &with_credential(&relay.url(), admin_device["credential"].as_str().expect("credential")));
    let editor_key = editor_device["credential"].as_str().expect("credential").to_string();
    let secretary = TestClient::connect("secretary", &with_credential(&relay.url(), &editor_key));
    let id = chair.create(|_| {});
    chair.put(id, "agenda items", 5);
    secretary.find(id);
    secretary.wait_for_value(id, "agenda items", 5).await;

    let listed = admin(data.path(), &["devices", "--council", &council]);
    let device = editor_device["device"].as_str().expect("device id");
    assert!(listed.contains(device) && listed.contains("sekreterarens platta"), "{listed}");
    let mut live = joined(&relay.url(), &editor_key, "secretary-2").await;
    admin(data.path(), &["revoke-device", device]);
    assert_eq!(closed(&mut live).await.0, 4403, "the running relay cuts the revoked device off");
    let mut again = open(&with_credential(&relay.url(), &editor_key), None).await.expect("upgrade");
    assert_eq!(closed(&mut again).await.1, "device-revoked");
    assert!(!relay.lines_with("/sync").is_empty(), "the debug log names requests (so the next check means something)");
    assert!(relay.lines_with(&editor_key).is_empty() && relay.lines_with(&first_admin).is_empty(), "no secret is logged");
    assert!(relay.lines_with("credential=").is_empty(), "no query string is logged");
}

#[tokio::test]
async fn a_damaged_access_file_keeps_the_rules_read_before() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let council = council(&relay.state, "E-rådet").await;
    let (_, key) = device(&relay.state, &council, Role::Editor).await;
    let path = data.path().join(radslag_relay::access::file::ACCESS_FILE);
    let good = std::fs::read(&path).expect("the access file");
    std::fs::write(&path, b"{ half-edited").expect("damage it");
    crate::support::wait_for("the relay to find the access file damaged", None, || relay.state.access().file_is_unreadable()).await;
    // By the rules read before: the member still connects, a stranger is still refused.
    let _member = joined(&relay.url(), &key, "member").await;
    let mut stranger = open(&with_credential(&relay.url(), "bm90LWEtbWVtYmVy"), None).await.expect("upgrade");
    assert_eq!(closed(&mut stranger).await.0, 4401);
    std::fs::write(&path, good).expect("mend it");
    crate::support::wait_for("the relay to read the mended file", None, || !relay.state.access().file_is_unreadable()).await;
    relay.stop().await;
}

#[tokio::test]
async fn a_council_that_exists_in_the_app_already_is_registered_by_its_root_id() {
    let data = tempfile::tempdir().expect("temp dir");
    let root = DocumentId::from_bytes(random_bytes()).to_string();
    let printed = admin(data.path(), &["council-create", "--name", "Befintligt råd", "--id", &format!("automerge:{root}")]);
    assert!(printed.starts_with(&format!("council {root} ")), "{printed}");
    let relay = TestRelay::start_enforced(data.path(), &[]).await;
    let (_, key) = device(&relay.state, &root, Role::Reader).await;
    // The root is the council's from the start, and the council's devices connect.
    assert_eq!(relay.state.access().snapshot().documents.get(&root), Some(&root));
    let _reader = joined(&relay.url(), &key, "reader").await;
    relay.stop().await;
}
