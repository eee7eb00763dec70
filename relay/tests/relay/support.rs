//! Test support for the relay over real sockets: an in-process relay on a port the system
//! picked, the `radslag-relay` binary as a child process (it says which port it got), and `TestClient`, the protocol's `ClientCore` run
//! over a tokio-tungstenite socket with in-memory storage and a virtual clock.
#![allow(dead_code)]

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, VecDeque};
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use automerge::{transaction::Transactable, AutoCommit, ReadDoc, ScalarValue, ROOT};
use futures::{SinkExt, StreamExt};
use radslag_protocol::client::{ClientCore, ClientInput, Millis, SaveState};
use radslag_protocol::storage::{DocumentStore, Storage, StorageError, StorageKey};
use radslag_protocol::{DocumentId, PeerId};
use radslag_relay::{AccessMode, AppState, Config, Limits, RelayError};
use tokio::sync::{mpsc, oneshot, Notify};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message as WsMessage;

/// How long any one condition may take before a test fails. Generous on purpose: passing runs
/// take a fraction of a second per step, shared CI machines are slow.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub fn random_bytes() -> [u8; 16] {
    let mut out = [0u8; 16];
    for chunk in out.chunks_mut(8) {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    out
}

/// Waits until `cond` holds, checking again whenever `changed` fires (and at least every 20 ms),
/// or fails the test after [`TIMEOUT`] naming what it waited for.
pub async fn wait_for(what: &str, changed: Option<&Notify>, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if cond() {
            return;
        }
        assert!(Instant::now() < deadline, "timed out after {TIMEOUT:?} waiting for: {what}");
        match changed {
            Some(n) => {
                let _ = tokio::time::timeout(Duration::from_millis(20), n.notified()).await;
            }
            None => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The relay in this process

/// A relay served by this test's runtime on a random port of 127.0.0.1.
pub struct TestRelay {
    pub addr: SocketAddr,
    pub state: AppState,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<Result<(), RelayError>>,
}

impl TestRelay {
    pub async fn start(data: &Path) -> TestRelay {
        Self::start_with(data, Limits::default()).await
    }

    pub async fn start_with(data: &Path, limits: Limits) -> TestRelay {
        let config = Config { data_dir: data.to_path_buf(), static_dir: None, limits, access: AccessMode::Open, allowed_origins: Vec::new() };
        Self::start_config(config).await
    }

    /// A relay that checks credentials, with `origins` allowed besides its own.
    pub async fn start_enforced(data: &Path, origins: &[&str]) -> TestRelay {
        let origins = origins.iter().map(|o| o.to_string()).collect();
        let config = Config { data_dir: data.to_path_buf(), static_dir: None, limits: Limits::default(), access: AccessMode::Enforced, allowed_origins: origins };
        Self::start_config(config).await
    }

    pub async fn start_config(config: Config) -> TestRelay {
        let state = AppState::new(config).expect("relay state");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a random port");
        let addr = listener.local_addr().expect("local address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(radslag_relay::serve(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        TestRelay { addr, state, stop: Some(stop), task }
    }

    pub fn url(&self) -> String {
        format!("ws://{}/sync", self.addr)
    }

    /// Shuts the relay down gracefully and waits until every document is saved.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let result = tokio::time::timeout(TIMEOUT, &mut self.task).await.expect("relay stops in time");
        result.expect("relay task").expect("relay ran without error");
    }
}

// ---------------------------------------------------------------------------------------------
// The relay binary

/// What the relay prints on stdout once it listens (relay/src/main.rs), before the address.
const LISTENING: &str = "listening on http://";

/// The real `radslag-relay` binary, started with `--listen 127.0.0.1:0`: the system picks the
/// port and the relay says which on stdout, so nothing races for a free port. Its log (stderr)
/// is kept.
pub struct RelayProcess {
    pub child: Child,
    /// `127.0.0.1:PORT`, as the relay printed it.
    pub addr: String,
    /// Everything the relay logged, line by line.
    log: Arc<Mutex<Vec<String>>>,
}

impl RelayProcess {
    pub fn start(data: &Path) -> RelayProcess {
        Self::start_binary(Path::new(env!("CARGO_BIN_EXE_radslag-relay")), data)
    }

    /// The relay binary at `bin` (e.g. the release build).
    pub fn start_binary(bin: &Path, data: &Path) -> RelayProcess {
        Self::start_prepared(bin, data, |_| {})
    }

    /// As [`RelayProcess::start_binary`], with `prepare` applied to the command first. The
    /// relay runs `--open` (anyone may sync), as every test not about access control wants.
    pub fn start_prepared(bin: &Path, data: &Path, prepare: impl FnOnce(&mut Command)) -> RelayProcess {
        Self::start_mode(bin, data, true, prepare)
    }

    /// The relay binary checking credentials (its default), with `args` added. It logs at
    /// debug level, so a test can see that no secret reaches even the most detailed log.
    pub fn start_enforced(data: &Path, args: &[&str]) -> RelayProcess {
        Self::start_mode(Path::new(env!("CARGO_BIN_EXE_radslag-relay")), data, false, |c| {
            c.args(args).env("RUST_LOG", "debug,automerge=warn");
        })
    }

    fn start_mode(bin: &Path, data: &Path, open: bool, prepare: impl FnOnce(&mut Command)) -> RelayProcess {
        let mut command = Command::new(bin);
        // Before `prepare`, which may set its own.
        command.env("RUST_LOG", "info");
        prepare(&mut command);
        if open {
            command.arg("--open");
        }
        let mut child = command
            .args(["--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", bin.display()));
        let stdout = child.stdout.take().expect("relay stdout");
        let stderr = child.stderr.take().expect("relay stderr");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        // Both pipes are read to the end, so the relay never blocks on a full one.
        let kept = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                match line.strip_prefix(LISTENING) {
                    Some(addr) => {
                        let _ = addr_tx.send(addr.trim().to_string());
                    }
                    None => kept.lock().expect("log lock").push(line),
                }
            }
        });
        let kept = log.clone();
        let log_reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                kept.lock().expect("log lock").push(line);
            }
        });
        // The relay says where it listens only after the journal is replayed. The channel
        // closes without an address when the relay exits first.
        let addr = match addr_rx.recv_timeout(TIMEOUT) {
            Ok(addr) => addr,
            Err(why) => {
                let _ = child.kill();
                let status = child.wait().map(|s| s.to_string()).unwrap_or_else(|e| e.to_string());
                let _ = log_reader.join();
                let said = log.lock().expect("log lock").join("\n");
                let why = match why {
                    std::sync::mpsc::RecvTimeoutError::Timeout => format!("within {TIMEOUT:?}"),
                    std::sync::mpsc::RecvTimeoutError::Disconnected => format!("before it exited ({status})"),
                };
                panic!("{} did not print `{LISTENING}…` {why}; its log:\n{said}", bin.display())
            }
        };
        RelayProcess { child, addr, log }
    }

    /// The lines the relay has logged so far that contain `needle`.
    pub fn lines_with(&self, needle: &str) -> Vec<String> {
        self.log.lock().expect("log lock").iter().filter(|l| l.contains(needle)).cloned().collect()
    }

    pub fn url(&self) -> String {
        format!("ws://{}/sync", self.addr)
    }

    /// SIGKILL: no shutdown, no flushing; only what is on disk survives.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL the relay");
        self.child.wait().expect("reap the relay");
    }
}

impl Drop for RelayProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// ---------------------------------------------------------------------------------------------
// Clients

/// A client's storage: a map in memory, as `MemoryStorage` but shareable across threads.
#[derive(Default)]
struct MapStorage(BTreeMap<StorageKey, Vec<u8>>);

impl Storage for MapStorage {
    async fn load(&self, key: &StorageKey) -> Result<Option<Vec<u8>>, StorageError> {
        Ok(self.0.get(key).cloned())
    }
    async fn put(&self, _: &StorageKey, _: &[u8]) -> Result<(), StorageError> {
        Err(StorageError::other("read-only view"))
    }
    async fn remove(&self, _: &StorageKey) -> Result<(), StorageError> {
        Err(StorageError::other("read-only view"))
    }
    async fn load_range(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StorageError> {
        Ok(self.0.iter().filter(|(k, _)| k.starts_with(prefix)).map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}

struct Inner {
    core: ClientCore,
    /// The virtual clock: it jumps to the next reconnect time instead of waiting for it.
    now: Millis,
    storage: MapStorage,
    url: String,
    reachable: bool,
    want_connect: bool,
    drop_socket: bool,
    out: Option<mpsc::UnboundedSender<Vec<u8>>>,
    problems: Vec<String>,
}

impl Inner {
    fn input(&mut self, input: ClientInput) {
        let mut queue = VecDeque::from([input]);
        while let Some(input) = queue.pop_front() {
            let fx = self.core.handle(self.now, input);
            self.problems.extend(fx.problems.iter().map(ToString::to_string));
            for frame in fx.send {
                if let Some(out) = &self.out {
                    let _ = out.send(frame);
                }
            }
            for (document, write) in fx.writes {
                self.storage.0.insert(write.key.clone(), write.data.clone());
                queue.push_back(ClientInput::WriteDone { document });
            }
            for key in fx.removes {
                self.storage.0.remove(&key);
            }
            if fx.disconnect {
                self.out = None;
                self.drop_socket = true;
            }
            if fx.connect {
                self.want_connect = true;
            }
        }
    }
}

/// The app's sync client (`ClientCore`) over a real WebSocket, driven by its own task.
pub struct TestClient {
    pub name: String,
    inner: Arc<Mutex<Inner>>,
    /// Wakes the driver (go offline, new URL).
    wake: Arc<Notify>,
    /// Fires after every input, for [`TestClient::wait_until`].
    changed: Arc<Notify>,
    task: JoinHandle<()>,
}

impl TestClient {
    pub fn connect(name: &str, url: &str) -> TestClient {
        let me = PeerId::new(format!("{name}-{:x}", random_bytes()[0])).expect("peer id");
        Self::connect_as(name, me, url)
    }

    /// A client that declares the peer id `me` (which another client may also claim).
    pub fn connect_as(name: &str, me: PeerId, url: &str) -> TestClient {
        let inner = Arc::new(Mutex::new(Inner {
            core: ClientCore::new(me, format!("session-{name}"), 0),
            now: 0,
            storage: MapStorage::default(),
            url: url.to_string(),
            reachable: true,
            want_connect: false,
            drop_socket: false,
            out: None,
            problems: Vec::new(),
        }));
        let wake = Arc::new(Notify::new());
        let changed = Arc::new(Notify::new());
        let task = tokio::spawn(drive(inner.clone(), wake.clone(), changed.clone()));
        TestClient { name: name.to_string(), inner, wake, changed, task }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().expect("client lock")
    }

    fn input(&self, input: ClientInput) {
        self.lock().input(input);
        self.changed.notify_waiters();
    }

    /// Creates a document with `f` applied; returns its id.
    pub fn create(&self, f: impl FnOnce(&mut AutoCommit)) -> DocumentId {
        let id = DocumentId::from_bytes(random_bytes());
        let mut doc = AutoCommit::new();
        f(&mut doc);
        self.input(ClientInput::Open { document: id, doc, store: DocumentStore::new_document() });
        id
    }

    /// Opens a document from this client's storage (empty if it has none: then it asks the relay).
    pub fn find(&self, id: DocumentId) {
        let mut inner = self.lock();
        let (store, loaded) = futures::executor::block_on(DocumentStore::load(&inner.storage, &id)).expect("load from memory");
        inner.input(ClientInput::Open { document: id, doc: loaded.doc, store });
        drop(inner);
        self.changed.notify_waiters();
    }

    pub fn change(&self, id: DocumentId, f: impl FnOnce(&mut AutoCommit)) {
        let mut inner = self.lock();
        f(inner.core.doc_mut(&id).expect("document open on this client"));
        inner.input(ClientInput::LocalChange { document: id });
        drop(inner);
        self.changed.notify_waiters();
    }

    /// Sets `key` to `value` in the document's root.
    pub fn put(&self, id: DocumentId, key: &str, value: i64) {
        self.change(id, |doc| {
            doc.put(ROOT, key, value).expect("put");
            doc.commit();
        });
    }

    pub fn get(&self, id: DocumentId, key: &str) -> Option<i64> {
        let inner = self.lock();
        let doc = inner.core.doc(&id)?;
        match doc.get(ROOT, key).ok()?? {
            (automerge::Value::Scalar(s), _) => match s.as_ref() {
                ScalarValue::Int(i) => Some(*i),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn heads(&self, id: DocumentId) -> Vec<automerge::ChangeHash> {
        let mut inner = self.lock();
        let mut heads = inner.core.doc_mut(&id).map(|d| d.get_heads()).unwrap_or_default();
        heads.sort();
        heads
    }

    pub fn save_state(&self, id: DocumentId) -> Option<SaveState> {
        self.lock().core.save_state(&id)
    }

    pub fn problems(&self) -> Vec<String> {
        self.lock().problems.clone()
    }

    /// Waits until `cond` holds for this client's core.
    pub async fn wait_until(&self, what: &str, mut cond: impl FnMut(&TestClient) -> bool) {
        let what = format!("{}: {what}", self.name);
        wait_for(&what, Some(&self.changed), || cond(self)).await;
    }

    /// Waits until `key` reads `value` here.
    pub async fn wait_for_value(&self, id: DocumentId, key: &str, value: i64) {
        self.wait_until(&format!("{key} = {value}"), |c| c.get(id, key) == Some(value)).await;
    }

    /// Waits until the relay confirmed it has every change of the document.
    pub async fn wait_saved_on_server(&self, id: DocumentId) {
        self.wait_until("saved on the server", |c| c.save_state(id) == Some(SaveState::SavedOnServer)).await;
    }

    /// Cuts the network: the socket is dropped and reconnects fail until [`TestClient::go_online`].
    pub fn go_offline(&self) {
        let mut inner = self.lock();
        inner.reachable = false;
        inner.drop_socket = true;
        drop(inner);
        self.wake.notify_one();
    }

    pub fn go_online(&self) {
        self.lock().reachable = true;
        self.wake.notify_one();
    }

    /// Points the client at another relay address (a restarted relay on a new port).
    pub fn set_url(&self, url: &str) {
        self.lock().url = url.to_string();
    }
}

impl Drop for TestClient {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The client's runtime: connect when the core says so, move frames, advance the virtual clock.
async fn drive(inner: Arc<Mutex<Inner>>, wake: Arc<Notify>, changed: Arc<Notify>) {
    let input = |i: ClientInput| {
        inner.lock().expect("client lock").input(i);
        changed.notify_waiters();
    };
    loop {
        let (want, reachable, url) = {
            let mut g = inner.lock().expect("client lock");
            let want = std::mem::take(&mut g.want_connect);
            (want, g.reachable, g.url.clone())
        };
        if !want {
            // Offline: jump the virtual clock to the planned reconnect after a short real pause.
            let _ = tokio::time::timeout(Duration::from_millis(10), wake.notified()).await;
            let mut g = inner.lock().expect("client lock");
            if let Some(at) = g.core.next_tick() {
                g.now = g.now.max(at);
                g.input(ClientInput::Tick);
                drop(g);
                changed.notify_waiters();
            }
            continue;
        }
        if !reachable {
            input(ClientInput::SocketClosed);
            continue;
        }
        let ws = match tokio_tungstenite::connect_async(url.as_str()).await {
            Ok((ws, _)) => ws,
            Err(_) => {
                input(ClientInput::SocketClosed);
                continue;
            }
        };
        let (mut sink, mut stream) = ws.split();
        let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
        {
            let mut g = inner.lock().expect("client lock");
            g.out = Some(tx);
            g.drop_socket = false;
            g.input(ClientInput::SocketOpened);
        }
        changed.notify_waiters();
        let writer = tokio::spawn(async move {
            while let Some(frame) = rx.recv().await {
                if sink.send(WsMessage::Binary(frame.into())).await.is_err() {
                    break;
                }
            }
            let _ = sink.close().await;
        });
        loop {
            if inner.lock().expect("client lock").drop_socket {
                break;
            }
            tokio::select! {
                frame = stream.next() => match frame {
                    Some(Ok(WsMessage::Binary(bytes))) => input(ClientInput::Frame(bytes.to_vec())),
                    Some(Ok(WsMessage::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => {}
                },
                _ = wake.notified() => {}
            }
        }
        writer.abort();
        {
            let mut g = inner.lock().expect("client lock");
            g.out = None;
            g.drop_socket = false;
        }
        // When the core itself asked to disconnect it already counted the loss; a second
        // `SocketClosed` only lengthens the backoff, which the virtual clock skips anyway.
        input(ClientInput::SocketClosed);
    }
}
