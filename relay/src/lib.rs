//! radslag-relay: stores council documents on disk and syncs them between members over the
//! automerge-repo WebSocket protocol. axum and tokio around the sans-IO `radslag-protocol` core.
//!
//! # The control loop
//!
//! 1. [`app`] routes `GET /sync` to a WebSocket upgrade (frame size bounded), `GET /healthz` to
//!    "ok", and everything else to the built app under `--static`.
//! 2. Each WebSocket gets its own task ([`connection`]). It checks each frame against the
//!    connection's rate limit, decodes it *on that task* (`Message::decode`), and runs the
//!    protocol's `ServerConnection` handshake (`join` → `peer`). Document messages go to that
//!    document's actor through a bounded channel. Outgoing frames come back through a bounded
//!    queue; a connection whose queue is full, or that floods or sends garbage, is closed alone.
//! 3. Each document in use has an actor task ([`document`]) that owns the protocol's `DocSync`
//!    and the connections subscribed to that document. It feeds inputs in and carries effects
//!    out: a `write` goes to the [`journal`], which appends the writes of every document waiting
//!    at that moment and makes them durable with one fdatasync (then writes the chunk files for
//!    reading; a checkpoint syncs them later). Only when the write is durable does `WriteDone`
//!    let the core send sync messages — store before telling. Messages arriving meanwhile wait
//!    in the core and share the next write (group commit per document, and across documents in
//!    the journal). A document with no peers and nothing unsaved leaves
//!    memory after [`Limits::idle_unload`].
//! 4. Shutdown (SIGTERM, Ctrl-C, or the future given to [`serve`]) stops accepting, closes every
//!    connection with "going away", lets every actor finish its write, then returns.

pub mod connection;
pub mod disk;
pub mod document;
pub mod journal;
pub mod limits;
pub mod static_files;

use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::ws::WebSocketUpgrade;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use radslag_protocol::storage::StorageError;
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{DocumentId, PeerId};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio_util::task::TaskTracker;

pub use disk::DiskStore;
pub use limits::Limits;

/// The peer id the relay announces in its `peer` answers.
pub const RELAY_PEER_ID: &str = "radslag-relay";

/// What went wrong starting or running the relay, with a message a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    #[error("the data folder cannot be used: {0}")]
    Storage(#[from] StorageError),
    #[error("could not listen on {addr}: {source}")]
    Listen { addr: String, source: std::io::Error },
}

/// How the relay is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub static_dir: Option<PathBuf>,
    pub limits: Limits,
}

/// Shared by every connection and actor: the disk store, the registry of document actors, and
/// the shutdown signal.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    me: PeerId,
    metadata: PeerMetadata,
    disk: Arc<DiskStore>,
    journal: journal::Journal,
    static_dir: Option<PathBuf>,
    limits: Limits,
    /// The actor of every document in memory. An actor removes itself when it goes idle.
    registry: Mutex<HashMap<DocumentId, mpsc::Sender<document::Command>>>,
    tasks: TaskTracker,
    shutdown: watch::Sender<bool>,
    next_connection: std::sync::atomic::AtomicU64,
    /// WebSocket connections open now.
    connections: Arc<std::sync::atomic::AtomicUsize>,
}

/// Counts one open connection for as long as it lives.
pub struct ConnectionCount(Arc<std::sync::atomic::AtomicUsize>);

impl Drop for ConnectionCount {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl AppState {
    pub fn new(config: Config) -> Result<Self, RelayError> {
        let disk = Arc::new(DiskStore::open(&config.data_dir)?);
        // Replays what a crash left in the journal before any document is loaded.
        let journal = journal::Journal::start(disk.clone())?;
        let me = PeerId::new(RELAY_PEER_ID).map_err(|e| StorageError::other(e.to_string()))?;
        Ok(AppState {
            inner: Arc::new(Inner {
                me,
                metadata: PeerMetadata { storage_id: None, is_ephemeral: false },
                disk,
                journal,
                static_dir: config.static_dir,
                limits: config.limits,
                registry: Mutex::new(HashMap::new()),
                tasks: TaskTracker::new(),
                shutdown: watch::channel(false).0,
                next_connection: std::sync::atomic::AtomicU64::new(1),
                connections: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
            }),
        })
    }

    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    pub fn me(&self) -> &PeerId {
        &self.inner.me
    }

    pub fn disk(&self) -> &Arc<DiskStore> {
        &self.inner.disk
    }

    pub fn journal(&self) -> &journal::Journal {
        &self.inner.journal
    }

    /// How many documents are in memory now.
    pub fn loaded_documents(&self) -> usize {
        self.registry().len()
    }

    fn registry(&self) -> MutexGuard<'_, HashMap<DocumentId, mpsc::Sender<document::Command>>> {
        // A panic while holding this lock cannot leave the map half-changed (single inserts and
        // removes), so a poisoned lock is still usable.
        self.inner.registry.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many WebSocket connections are open now.
    pub fn open_connections(&self) -> usize {
        self.inner.connections.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn count_connection(&self) -> ConnectionCount {
        self.inner.connections.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        ConnectionCount(self.inner.connections.clone())
    }

    fn next_connection_id(&self) -> u64 {
        self.inner.next_connection.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.inner.shutdown.subscribe()
    }

    fn is_shutting_down(&self) -> bool {
        *self.inner.shutdown.borrow()
    }

    /// Tells every connection and actor to finish.
    pub fn begin_shutdown(&self) {
        self.inner.shutdown.send_replace(true);
    }

    /// Waits until every connection and actor task has ended (after [`AppState::begin_shutdown`]).
    pub async fn wait_for_tasks(&self) {
        self.inner.tasks.close();
        self.inner.tasks.wait().await;
    }
}

/// The relay's routes; tests build it without a server.
pub fn app(state: AppState) -> Router {
    let router = Router::new().route("/sync", get(sync_socket)).route("/healthz", get(|| async { "ok" }));
    let router = match &state.inner.static_dir {
        Some(dir) => router.fallback_service(static_files::service(dir)),
        None => router,
    };
    router.layer(tower_http::trace::TraceLayer::new_for_http()).with_state(state)
}

/// Per-connection WebSocket buffers (see [`sync_socket`]).
const SOCKET_READ_BUFFER_BYTES: usize = 16 * 1024;
const SOCKET_WRITE_BUFFER_BYTES: usize = 8 * 1024;

async fn sync_socket(State(state): State<AppState>, ws: WebSocketUpgrade) -> Response {
    if state.is_shutting_down() {
        return (axum::http::StatusCode::SERVICE_UNAVAILABLE, "the relay is shutting down").into_response();
    }
    let most = state.limits().max_connections;
    if state.open_connections() >= most {
        tracing::warn!("refused a connection: {most} are open, the most allowed");
        let why = format!("the relay has {most} connections open, as many as it takes; try again later");
        return (axum::http::StatusCode::SERVICE_UNAVAILABLE, why).into_response();
    }
    let max = state.limits().max_frame_bytes;
    ws.max_message_size(max)
        .max_frame_size(max)
        // The 128 KiB defaults are allocated per connection up front: a thousand members would
        // cost 250 MB before anyone typed. Sync messages are small; big ones still fit, in steps.
        .read_buffer_size(SOCKET_READ_BUFFER_BYTES)
        .write_buffer_size(SOCKET_WRITE_BUFFER_BYTES)
        .on_failed_upgrade(|e| tracing::warn!("a WebSocket upgrade failed: {e}"))
        .on_upgrade(move |socket| connection::run(state, socket))
}

/// Serves `state` on `listener` (with `TCP_NODELAY` on every accepted socket) until `shutdown`
/// completes, then closes connections and waits for every document to be saved.
///
/// Each HTTP connection is served by hyper directly (as axum::serve would) so that reading the
/// request headers has a deadline: a client that never finishes them is dropped.
pub async fn serve(listener: TcpListener, state: AppState, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<(), RelayError> {
    let router = app(state.clone());
    let http = TaskTracker::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut shutdown => break,
        };
        let tcp = match accepted {
            Ok((tcp, _)) => tcp,
            Err(e) => {
                // Out of file descriptors, say: wait instead of spinning, as axum does.
                tracing::warn!("could not accept a connection: {e}");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!("could not set TCP_NODELAY on an accepted socket: {e}");
        }
        http.spawn(serve_http(tcp, router.clone(), state.clone()));
    }
    tracing::info!("shutting down: closing connections and saving documents");
    state.begin_shutdown();
    http.close();
    state.wait_for_tasks().await;
    // Connections still reading headers or finishing a response get a moment, not forever.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), http.wait()).await;
    Ok(())
}

/// One HTTP connection: requests (and a WebSocket upgrade) until it ends or the relay stops.
async fn serve_http(tcp: tokio::net::TcpStream, router: Router, state: AppState) {
    use tower::Service;
    let service = hyper::service::service_fn(move |request: axum::http::Request<hyper::body::Incoming>| {
        let mut router = router.clone();
        async move { router.call(request.map(axum::body::Body::new)).await }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(state.limits().header_read_timeout);
    let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(tcp), service).with_upgrades();
    let mut connection = std::pin::pin!(connection);
    let mut stopping = state.shutdown_signal();
    let mut told = false;
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!("an HTTP connection ended with an error: {e}");
                }
                return;
            }
            _ = stopping.wait_for(|stop| *stop), if !told => {
                told = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
