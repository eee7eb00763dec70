//! Interoperability with the automerge-repo JavaScript reference implementation, over real
//! sockets: JavaScript clients (tests/interop/peer.mjs) and our protocol client through the real
//! `radslag-relay` binary, and our protocol client against the JavaScript sync server
//! (`NodeWSServerAdapter`); and JavaScript clients with a device credential in the URL.
//!
//! Owns the native runner of `radslag_protocol::client::ClientCore` over tokio-tungstenite
//! used here ([`RustPeer`]), and a minimal server made of the protocol crate's server-side state
//! machines ([`ProtocolServer`]) that runs the same scenarios without the relay.
//!
//! Needs `node` and `npm ci --prefix tests/interop` (from the repository root). Without `node`
//! the tests print why and pass; without the npm packages they fail and say what to run.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use automerge::{transaction::Transactable, AutoCommit, ObjType, ReadDoc, ROOT};
use futures::{SinkExt, StreamExt};
use radslag_protocol::client::{ClientCore, ClientEffects, ClientInput, SaveState};
use radslag_protocol::connection::{ConnectionAction, ServerConnection};
use radslag_protocol::doc_sync::{DocInput, DocSync};
use radslag_protocol::storage::DocumentStore;
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{DocumentId, Message, PeerId};
use crate::support::RelayProcess;
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite;

/// How long any one condition may take before the test fails. Generous: CI machines are slow
/// and shared; passing runs take well under a second per step.
const TIMEOUT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// Preconditions

fn interop_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/interop")
}

/// Fails, saying what to install, when `node` or the packages are missing: a test that cannot
/// run must never pass as skipped.
fn node_ready() -> bool {
    assert!(
        Command::new("node").arg("--version").output().is_ok(),
        "`node` is not installed, so interoperability with automerge-repo (JavaScript) cannot be tested: install Node.js (scripts/radslag setup does)"
    );
    assert!(
        interop_dir().join("node_modules/@automerge/automerge-repo-network-websocket").is_dir(),
        "the JavaScript reference packages are not installed: run `npm ci --prefix tests/interop` from the repository root"
    );
    true
}

fn random_u64() -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
    h.finish()
}

// ---------------------------------------------------------------------------------------------
// Child processes, killed on drop

/// A child process whose stdout lines arrive on a channel and whose stderr is kept for failure
/// messages. Dropping it kills the process.
struct Proc {
    name: String,
    child: Child,
    stdin: Option<ChildStdin>,
    lines: mpsc::UnboundedReceiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Proc {
    fn spawn(name: &str, mut cmd: Command) -> Proc {
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("start {name}: {e}"));
        let (tx, lines) = mpsc::unbounded_channel();
        let stdout = child.stdout.take().expect("piped stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let err_buf = stderr.clone();
        let err_pipe = child.stderr.take().expect("piped stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(err_pipe).lines().map_while(Result::ok) {
                if let Ok(mut b) = err_buf.lock() {
                    b.push_str(&line);
                    b.push('\n');
                }
            }
        });
        let stdin = child.stdin.take();
        Proc { name: name.to_string(), child, stdin, lines, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Sends one command line (to peer.mjs).
    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").and_then(|_| stdin.flush()).unwrap_or_else(|e| panic!("write to {}: {e}\n{}", self.name, self.stderr()));
    }

    /// Waits for the next stdout line starting with `word `, returning the rest.
    async fn expect(&mut self, word: &str) -> String {
        let prefix = format!("{word} ");
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            match tokio::time::timeout_at(deadline, self.lines.recv()).await {
                Ok(Some(line)) => {
                    if let Some(rest) = line.strip_prefix(&prefix) {
                        return rest.to_string();
                    }
                }
                Ok(None) => {
                    // Give the stderr reader a moment to drain before reporting.
                    let _ = self.child.wait();
                    panic!("{} exited before printing `{word} …`:\n{}", self.name, self.stderr());
                }
                Err(_) => panic!("{} did not print `{word} …` within {TIMEOUT:?}:\n{}", self.name, self.stderr()),
            }
        }
    }

    /// One command to peer.mjs and its answer.
    async fn ask(&mut self, command: &str, answer: &str) -> String {
        self.send(command);
        self.expect(answer).await
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn node_peer(name: &str, args: &[&str]) -> Proc {
    let mut cmd = Command::new("node");
    cmd.arg(interop_dir().join("peer.mjs")).args(args).current_dir(interop_dir());
    Proc::spawn(name, cmd)
}

/// The real relay (started as every relay test starts it: [`RelayProcess`]) with its own data
/// folder, removed on drop after the relay is killed.
struct Relay {
    url: String,
    proc: RelayProcess,
    data: tempfile::TempDir,
}

impl Relay {
    fn start() -> Relay {
        Self::start_on(tempfile::tempdir().expect("create relay data dir"))
    }

    fn start_on(data: tempfile::TempDir) -> Relay {
        let proc = RelayProcess::start(data.path());
        Relay { url: proc.url(), proc, data }
    }

    /// Kills the relay and starts it again on the same data folder (on a new port).
    fn restart(self) -> Relay {
        let Relay { proc, data, .. } = self;
        proc.kill();
        Self::start_on(data)
    }
}

// ---------------------------------------------------------------------------------------------
// The protocol crate's server side over a real WebSocket, without the relay

/// A minimal sync server made only of `radslag_protocol`'s server-side state machines, with
/// documents in memory and every write acknowledged at once. Aborted on drop.
struct ProtocolServer {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

struct Shared {
    me: PeerId,
    docs: HashMap<DocumentId, DocSync>,
    conns: HashMap<PeerId, mpsc::UnboundedSender<Vec<u8>>>,
}

impl ProtocolServer {
    async fn start() -> ProtocolServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("ws://{}/sync", listener.local_addr().expect("local addr"));
        let me = PeerId::new("protocol-server").expect("peer id");
        let shared = Arc::new(Mutex::new(Shared { me, docs: HashMap::new(), conns: HashMap::new() }));
        let task = tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                tokio::spawn(serve_connection(tcp, shared.clone()));
            }
        });
        ProtocolServer { url, task }
    }
}

impl Drop for ProtocolServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve_connection(tcp: TcpStream, shared: Arc<Mutex<Shared>>) {
    let Ok(ws) = tokio_tungstenite::accept_async(tcp).await else { return };
    let (mut sink, mut stream) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
    let writer = tokio::spawn(async move {
        while let Some(frame) = rx.recv().await {
            if sink.send(tungstenite::Message::Binary(frame.into())).await.is_err() {
                break;
            }
        }
        let _ = sink.close().await;
    });
    let me = shared.lock().expect("lock").me.clone();
    let mut conn = ServerConnection::new(me.clone(), PeerMetadata { storage_id: Some("protocol-server-storage".into()), is_ephemeral: false });
    while let Some(Ok(frame)) = stream.next().await {
        let tungstenite::Message::Binary(bytes) = frame else { continue };
        trace(|| format!("server <- {:?}", Message::decode(&bytes).map(|m| summary(&m))));
        let action = match Message::decode(&bytes) {
            Ok(msg) => conn.handle(msg),
            Err(e) => ConnectionAction::Close(e.to_string()),
        };
        match action {
            ConnectionAction::Reply(msg) => {
                if let Some(peer) = conn.peer() {
                    shared.lock().expect("lock").conns.insert(peer.clone(), tx.clone());
                }
                let _ = tx.send(msg.encode());
            }
            ConnectionAction::ToDocument(msg) => shared.lock().expect("lock").deliver(msg),
            ConnectionAction::Ignore => {}
            ConnectionAction::Left => break,
            ConnectionAction::Close(why) => {
                let _ = tx.send(Message::Error { sender: Some(me.clone()), target: conn.peer().cloned(), message: why }.encode());
                break;
            }
        }
    }
    if let Some(peer) = conn.peer().cloned() {
        let mut s = shared.lock().expect("lock");
        s.conns.remove(&peer);
        for doc in s.docs.values_mut() {
            doc.handle(DocInput::RemovePeer(peer.clone()));
        }
    }
    drop(tx);
    let _ = writer.await;
}

/// Prints to stderr when INTEROP_TRACE is set: for finding out why a scenario stalls.
fn trace(line: impl FnOnce() -> String) {
    if std::env::var_os("INTEROP_TRACE").is_some() {
        eprintln!("{}", line());
    }
}

fn summary(m: &Message) -> String {
    match m {
        Message::Sync { sender, target, data, .. } | Message::Request { sender, target, data, .. } => {
            let heads = automerge::sync::Message::decode(data).map(|s| (s.heads.len(), s.changes.len()));
            format!("{} {sender}->{target} {:?} (heads, changes)={heads:?}", m.type_name(), m.document())
        }
        other => format!("{} {:?}", other.type_name(), other.document()),
    }
}

impl Shared {
    fn deliver(&mut self, msg: Message) {
        let Some(id) = msg.document().copied() else { return };
        let Shared { me, docs, conns } = self;
        let doc = docs.entry(id).or_insert_with(|| DocSync::new(id, me.clone(), AutoCommit::new(), DocumentStore::new_document()));
        let mut pending = vec![DocInput::FromPeer(msg)];
        while let Some(input) = pending.pop() {
            let fx = doc.handle(input);
            if fx.write.is_some() {
                pending.push(DocInput::WriteDone);
            }
            for out in fx.send {
                let target = match &out {
                    Message::Sync { target, .. }
                    | Message::Request { target, .. }
                    | Message::DocUnavailable { target, .. }
                    | Message::Ephemeral { target, .. } => target,
                    _ => continue,
                };
                trace(|| format!("server -> {} (connected: {})", summary(&out), conns.contains_key(target)));
                if let Some(conn) = conns.get(target) {
                    let _ = conn.send(out.encode());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Our protocol client over a real WebSocket

/// `ClientCore` driven over tokio-tungstenite, the way the app's runtime drives it: a task
/// feeds every frame from the server in as it arrives, so sync rounds complete while the test
/// waits on a JavaScript peer. Writes are acknowledged at once (this peer keeps documents in
/// memory only), like a browser tab with working storage. Dropping it closes the connection.
struct RustPeer {
    inner: Arc<Mutex<Inner>>,
    reader: tokio::task::JoinHandle<()>,
    writer: tokio::task::JoinHandle<()>,
}

struct Inner {
    core: ClientCore,
    started: Instant,
    out: mpsc::UnboundedSender<Vec<u8>>,
    problems: Vec<String>,
    /// Ephemeral messages received: (document, sender, data).
    heard: Vec<(DocumentId, PeerId, Vec<u8>)>,
    unavailable: Vec<DocumentId>,
    /// Why the connection ended, if it did.
    closed: Option<String>,
}

impl Inner {
    /// Feeds one input and carries out every effect, including the inputs effects lead to.
    fn input(&mut self, input: ClientInput) {
        let mut pending = vec![input];
        while let Some(input) = pending.pop() {
            let now = self.started.elapsed().as_millis() as u64;
            let fx: ClientEffects = self.core.handle(now, input);
            for frame in fx.send {
                let _ = self.out.send(frame);
            }
            for (document, _write) in fx.writes {
                pending.push(ClientInput::WriteDone { document });
            }
            self.problems.extend(fx.problems.iter().map(ToString::to_string));
            self.heard.extend(fx.ephemeral);
            self.unavailable.extend(fx.unavailable);
            if fx.disconnect {
                self.closed = Some(format!("our client dropped the connection: {:?}", self.problems));
            }
        }
    }
}

impl RustPeer {
    async fn connect(url: &str) -> RustPeer {
        let me = PeerId::new(format!("rust-{:x}", random_u64())).expect("peer id");
        let mut core = ClientCore::new(me, format!("{:x}", random_u64()), 0);
        let fx = core.handle(0, ClientInput::Tick);
        assert!(fx.connect, "a new client connects on its first tick");
        let (socket, _) = match tokio::time::timeout(TIMEOUT, tokio_tungstenite::connect_async(url)).await {
            Ok(Ok(connected)) => connected,
            Ok(Err(e)) => panic!("connect to {url}: {e}"),
            Err(_) => panic!("connecting to {url} timed out"),
        };
        let (mut sink, mut stream) = socket.split();
        let (out, mut outgoing) = mpsc::unbounded_channel::<Vec<u8>>();
        let inner = Arc::new(Mutex::new(Inner {
            core,
            started: Instant::now(),
            out,
            problems: Vec::new(),
            heard: Vec::new(),
            unavailable: Vec::new(),
            closed: None,
        }));
        let writer = tokio::spawn(async move {
            while let Some(frame) = outgoing.recv().await {
                if sink.send(tungstenite::Message::Binary(frame.into())).await.is_err() {
                    break;
                }
            }
        });
        let shared = inner.clone();
        let reader = tokio::spawn(async move {
            let why = loop {
                match stream.next().await {
                    Some(Ok(tungstenite::Message::Binary(bytes))) => shared.lock().expect("lock").input(ClientInput::Frame(bytes.to_vec())),
                    Some(Ok(tungstenite::Message::Close(reason))) => break format!("the server closed the connection: {reason:?}"),
                    Some(Ok(_)) => {} // ping/pong are tungstenite's; text is not part of the protocol
                    Some(Err(e)) => break format!("socket error: {e}"),
                    None => break "the server closed the connection".to_string(),
                }
            };
            let mut inner = shared.lock().expect("lock");
            inner.closed.get_or_insert(why);
        });
        let peer = RustPeer { inner, reader, writer };
        peer.input(ClientInput::SocketOpened);
        peer.until("the server's `peer` answer", |i| i.core.connection() == radslag_protocol::client::Connection::Online).await;
        peer
    }

    fn input(&self, input: ClientInput) {
        self.inner.lock().expect("lock").input(input);
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        f(&mut self.inner.lock().expect("lock"))
    }

    /// Waits until `done` holds, polling while the reader task feeds frames in.
    async fn until(&self, what: &str, done: impl Fn(&mut Inner) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            {
                let mut inner = self.inner.lock().expect("lock");
                if done(&mut inner) {
                    return;
                }
                if let Some(why) = &inner.closed {
                    panic!("waiting for {what}: {why}; problems: {:?}", inner.problems);
                }
                if Instant::now() > deadline {
                    panic!("our client did not see {what} within {TIMEOUT:?}; problems: {:?}", inner.problems);
                }
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    fn me(&self) -> String {
        self.with(|i| i.core.me().as_str().to_string())
    }

    /// Creates a document `{title: <text>, items: [..]}` as a JavaScript peer would, with text
    /// objects for strings.
    fn create(&self, title: &str) -> DocumentId {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&random_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&random_u64().to_le_bytes());
        let id = DocumentId::from_bytes(bytes);
        let mut doc = AutoCommit::new();
        let t = doc.put_object(ROOT, "title", ObjType::Text).expect("title");
        doc.splice_text(&t, 0, 0, title).expect("title text");
        let items = doc.put_object(ROOT, "items", ObjType::List).expect("items");
        for (i, item) in ["minutes", "agenda"].into_iter().enumerate() {
            let o = doc.insert_object(&items, i, ObjType::Text).expect("item");
            doc.splice_text(&o, 0, 0, item).expect("item text");
        }
        doc.commit();
        self.input(ClientInput::Open { document: id, doc, store: DocumentStore::new_document() });
        id
    }

    /// Sets a scalar string field, as the app does for plain values.
    fn set(&self, id: &DocumentId, field: &str, value: &str) {
        self.with(|i| {
            let doc = i.core.doc_mut(id).expect("document open");
            doc.put(ROOT, field, value).expect("put");
            doc.commit();
            i.input(ClientInput::LocalChange { document: *id });
        });
    }

    async fn saved_on_server(&self, id: &DocumentId) {
        self.until("the server confirm it has our changes", |i| i.core.save_state(id) == Some(SaveState::SavedOnServer)).await;
    }

    /// Opens a document (asking the server for it if we do not have it) and waits until `field`
    /// reads `value`.
    async fn find(&self, id: &DocumentId, field: &str, value: &str) {
        self.with(|i| {
            if !i.core.is_open(id) {
                i.input(ClientInput::Open { document: *id, doc: AutoCommit::new(), store: DocumentStore::new_document() });
            }
        });
        self.until(&format!("{field} = {value:?} in {id}"), |i| i.core.doc(id).and_then(|d| read_string(d, field)).as_deref() == Some(value)).await;
    }

    /// Sends `text` as an ephemeral message (CBOR text, like `handle.broadcast("…")` in JS).
    fn broadcast(&self, id: &DocumentId, text: &str) {
        self.input(ClientInput::Ephemeral { document: *id, data: cbor_text(text) });
    }

    /// Waits for an ephemeral message on `id` whose data is the CBOR text `text`; returns its sender.
    async fn hear(&self, id: &DocumentId, text: &str) -> String {
        let want = cbor_text(text);
        let matches = |i: &Inner| i.heard.iter().find(|(d, _, data)| d == id && *data == want).map(|(_, from, _)| from.as_str().to_string());
        self.until(&format!("ephemeral {text:?} on {id}"), |i| matches(i).is_some()).await;
        self.with(|i| matches(i)).expect("heard")
    }

    fn read(&self, id: &DocumentId, field: &str) -> Option<String> {
        self.with(|i| i.core.doc(id).and_then(|d| read_string(d, field)))
    }

    fn items(&self, id: &DocumentId) -> Option<usize> {
        self.with(|i| i.core.doc(id).and_then(|d| list_len(d, "items")))
    }
}

impl Drop for RustPeer {
    fn drop(&mut self) {
        self.reader.abort();
        self.writer.abort();
    }
}

/// A root field as a string, whether it is a text object (as JavaScript writes strings) or a
/// scalar string.
fn read_string(doc: &AutoCommit, field: &str) -> Option<String> {
    match doc.get(ROOT, field).ok()?? {
        (automerge::Value::Object(ObjType::Text), id) => doc.text(&id).ok(),
        (automerge::Value::Scalar(s), _) => s.as_str().map(str::to_string),
        _ => None,
    }
}

/// A short string as CBOR (major type 3), what cbor-x writes for a JS string.
fn cbor_text(text: &str) -> Vec<u8> {
    assert!(text.len() < 24, "only short strings are encoded here");
    let mut out = vec![0x60 | text.len() as u8];
    out.extend_from_slice(text.as_bytes());
    out
}

fn list_len(doc: &AutoCommit, field: &str) -> Option<usize> {
    match doc.get(ROOT, field).ok()?? {
        (automerge::Value::Object(ObjType::List), id) => Some(doc.length(&id)),
        _ => None,
    }
}

fn parse_url(url: &str) -> DocumentId {
    DocumentId::parse(url).unwrap_or_else(|e| panic!("automerge-repo printed a url we cannot parse ({url}): {e}"))
}

// ---------------------------------------------------------------------------------------------
// a. JavaScript clients and our client through our relay

/// Two JavaScript clients share a document through the server at `url`; a third finds it after
/// both are gone.
async fn js_clients_share_a_document(server_url: &str) -> String {
    let mut alice = node_peer("js client alice", &["client", server_url]);
    let alice_id = alice.expect("peer").await;
    let url = alice.ask("create Budget 2025", "created").await;

    // A second JavaScript client finds it by URL, sees the content, and answers.
    let mut bob = node_peer("js client bob", &["client", server_url]);
    let found = bob.ask(&format!("find {url}"), "found").await;
    assert!(found.contains(r#""title":"Budget 2025""#), "bob saw {found}");
    assert!(found.contains(r#""items":["roads","schools","parks"]"#), "bob saw {found}");
    bob.ask(&format!("set {url} reply seen by bob"), "set").await;
    alice.ask(&format!("wait {url} reply seen by bob"), "saw").await;
    // Presence: ephemeral messages pass between the two, never stored.
    alice.ask(&format!("broadcast {url} alice is here"), "broadcast").await;
    assert_eq!(bob.ask(&format!("heard {url} alice is here"), "heard").await, alice_id);
    // Bob's repo echoes alice's presence back to the server; the connection must survive it.
    bob.ask(&format!("set {url} after presence still syncing"), "set").await;
    alice.ask(&format!("wait {url} after presence still syncing"), "saw").await;

    // With both JavaScript clients gone, the relay still serves the document from its store.
    drop(alice);
    drop(bob);
    let mut carol = node_peer("js client carol", &["client", server_url]);
    let found = carol.ask(&format!("find {url}"), "found").await;
    assert!(found.contains(r#""reply":"seen by bob""#), "carol saw {found}");
    url
}

/// A JavaScript client and our client share documents both ways through the server at `url`.
async fn js_and_rust_clients_share_documents(server_url: &str) {
    // JavaScript creates, we find, change it, and JavaScript sees our change.
    let mut js = node_peer("js client", &["client", server_url]);
    let js_id = js.expect("peer").await;
    let url = js.ask("create Minutes of March", "created").await;
    let id = parse_url(&url);
    let ours = RustPeer::connect(server_url).await;
    ours.find(&id, "title", "Minutes of March").await;
    assert_eq!(ours.items(&id), Some(3), "roads, schools, parks");
    ours.set(&id, "reply", "seen by rust");
    ours.saved_on_server(&id).await;
    js.ask(&format!("wait {url} reply seen by rust"), "saw").await;
    // Presence both ways.
    ours.broadcast(&id, "rust is here");
    assert_eq!(js.ask(&format!("heard {url} rust is here"), "heard").await, ours.me());
    js.ask(&format!("broadcast {url} js is here"), "broadcast").await;
    assert_eq!(ours.hear(&id, "js is here").await.as_str(), js_id);

    // We create, the relay confirms, and a JavaScript client that connects later finds it.
    let mine = ours.create("Agenda from Rust");
    ours.saved_on_server(&mine).await;
    drop(ours);
    let mut late = node_peer("late js client", &["client", server_url]);
    let found = late.ask(&format!("find {}", mine.url()), "found").await;
    assert!(found.contains(r#""title":"Agenda from Rust""#), "the JS client saw {found}");
    assert!(found.contains(r#""items":["minutes","agenda"]"#), "the JS client saw {found}");

    // And a change from JavaScript reaches a live Rust client.
    let ours = RustPeer::connect(server_url).await;
    ours.find(&mine, "title", "Agenda from Rust").await;
    late.ask(&format!("set {} reply seen by js", mine.url()), "set").await;
    ours.find(&mine, "reply", "seen by js").await;
    assert_eq!(ours.read(&mine, "reply").as_deref(), Some("seen by js"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn js_clients_sync_through_our_relay() {
    if !node_ready() {
        return;
    }
    let relay = Relay::start();
    let url = js_clients_share_a_document(&relay.url).await;

    // After a restart of the relay on the same data directory, a JS client still finds it.
    let relay = relay.restart();
    let mut dave = node_peer("js client dave", &["client", &relay.url]);
    let found = dave.ask(&format!("find {url}"), "found").await;
    assert!(found.contains(r#""title":"Budget 2025""#) && found.contains(r#""reply":"seen by bob""#), "after a restart dave saw {found}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn js_client_and_our_client_sync_both_ways_through_our_relay() {
    if !node_ready() {
        return;
    }
    let relay = Relay::start();
    js_and_rust_clients_share_documents(&relay.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn js_clients_with_a_credential_in_the_url_sync_through_a_relay_that_checks_credentials() {
    if !node_ready() {
        return;
    }
    use crate::access::{admin, link_secret, post_join};
    let data = tempfile::tempdir().expect("create relay data dir");
    let printed = admin(data.path(), &["council-create", "--name", "Budgetrådet"]);
    let council = printed.split_whitespace().nth(1).expect("the council's id").to_string();
    let relay = RelayProcess::start_enforced(data.path(), &[]);
    let joined = post_join(&relay.addr, &link_secret(&printed, &council), "node");
    let credential = joined["credential"].as_str().expect("credential");
    // automerge-repo's WebSocketClientAdapter takes the URL as it is, query and all.
    let url = js_clients_share_a_document(&format!("{}?credential={credential}", relay.url())).await;
    assert_eq!(owner_of(data.path(), &url), Some(council), "the document JavaScript created is the council's");
}

/// The council that owns the document at `url`, as the access file says.
fn owner_of(data: &Path, url: &str) -> Option<String> {
    let store = radslag_relay::access::file::AccessFile::new(data).load().expect("access file");
    store.documents.get(&parse_url(url).to_string()).cloned()
}

/// The control for the two tests above: the same scenarios pass with the JavaScript sync server
/// in the relay's place, so a failure there is the relay's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_scenarios_pass_through_the_javascript_server() {
    if !node_ready() {
        return;
    }
    let mut server = node_peer("js server", &["server"]);
    let url = format!("ws://127.0.0.1:{}/sync", server.expect("listening").await);
    js_clients_share_a_document(&url).await;
    js_and_rust_clients_share_documents(&url).await;
}

/// The protocol crate's server side alone (`ServerConnection` + `DocSync`, documents in memory)
/// passes the same scenarios: tells a protocol fault from a relay fault.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_scenarios_pass_through_the_protocol_crates_server_side() {
    if !node_ready() {
        return;
    }
    let server = ProtocolServer::start().await;
    js_clients_share_a_document(&server.url).await;
    js_and_rust_clients_share_documents(&server.url).await;
}

// ---------------------------------------------------------------------------------------------
// b. Our client against the JavaScript sync server

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_client_syncs_with_the_javascript_server() {
    if !node_ready() {
        return;
    }
    let mut server = node_peer("js server", &["server"]);
    let port = server.expect("listening").await;
    let ws = format!("ws://127.0.0.1:{port}");

    // We create and sync; the server's own repo has our content.
    let ours = RustPeer::connect(&ws).await;
    let mine = ours.create("Council budget");
    ours.saved_on_server(&mine).await;
    let seen = server.ask(&format!("find {}", mine.url()), "found").await;
    assert!(seen.contains(r#""title":"Council budget""#), "the JS server saw {seen}");
    assert!(seen.contains(r#""items":["minutes","agenda"]"#), "the JS server saw {seen}");

    // A later change is confirmed and reaches a JavaScript client of the same server.
    ours.set(&mine, "status", "adopted");
    ours.saved_on_server(&mine).await;
    let mut js = node_peer("js client", &["client", &ws]);
    js.ask(&format!("wait {} status adopted", mine.url()), "saw").await;

    // The server's repo creates a document; we find it by URL.
    let theirs = parse_url(&server.ask("create Created in JavaScript", "created").await);
    ours.find(&theirs, "title", "Created in JavaScript").await;
    assert_eq!(ours.items(&theirs), Some(3));

    // Live: the JavaScript client changes our document, we see it.
    js.ask(&format!("set {} note from js", mine.url()), "set").await;
    ours.find(&mine, "note", "from js").await;
    let problems = ours.with(|i| i.problems.clone());
    assert!(problems.is_empty(), "problems: {problems:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_javascript_server_says_unavailable_for_a_document_nobody_has() {
    if !node_ready() {
        return;
    }
    let mut server = node_peer("js server", &["server"]);
    let port = server.expect("listening").await;
    let ours = RustPeer::connect(&format!("ws://127.0.0.1:{port}")).await;
    let nobody = DocumentId::from_bytes([0x5a; 16]);
    ours.input(ClientInput::Open { document: nobody, doc: AutoCommit::new(), store: DocumentStore::new_document() });
    ours.until("doc-unavailable from the JavaScript server", |i| i.unavailable.contains(&nobody)).await;
}
