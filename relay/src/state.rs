//! What every connection and document actor shares: the relay's [`AppState`] (disk store,
//! journal, limits, access control, the registry of document actors, the shutdown signal), how it is set up
//! ([`Config`]), and what can go wrong doing so ([`RelayError`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use radslag_protocol::storage::StorageError;
use radslag_protocol::wire::PeerMetadata;
use radslag_protocol::{DocumentId, PeerId};
use tokio::sync::{mpsc, watch};
use tokio_util::task::TaskTracker;

use crate::access::file::AccessFileError;
use crate::access::live::{AccessControl, AccessMode};
use crate::disk::DiskStore;
use crate::journal;
use crate::limits::Limits;
use crate::link::Command;

/// The peer id the relay announces in its `peer` answers.
pub const RELAY_PEER_ID: &str = "radslag-relay";

/// What went wrong starting or running the relay, with a message a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum RelayError {
    #[error("the data folder cannot be used: {0}")]
    Storage(#[from] StorageError),
    #[error("the access rules cannot be read: {0}")]
    Access(#[from] AccessFileError),
    #[error("could not listen on {addr}: {source}")]
    Listen { addr: String, source: std::io::Error },
}

/// How the relay is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub static_dir: Option<PathBuf>,
    pub limits: Limits,
    /// Whether a device credential is needed (the binary's default) or anyone may sync (`--open`).
    pub access: AccessMode,
    /// Browser origins, besides the relay's own, whose pages may open `/sync` (`--allow-origin`).
    pub allowed_origins: Vec<String>,
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
    access: AccessControl,
    allowed_origins: Vec<String>,
    /// The actor of every document in memory. An actor removes itself when it goes idle.
    registry: Mutex<HashMap<DocumentId, mpsc::Sender<Command>>>,
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
        let access = AccessControl::new(config.access, &config.data_dir)?;
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
                access,
                allowed_origins: config.allowed_origins,
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

    pub fn access(&self) -> &AccessControl {
        &self.inner.access
    }

    pub(crate) fn allowed_origins(&self) -> &[String] {
        &self.inner.allowed_origins
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

    /// Every connection and actor task, so shutdown can wait for them.
    pub(crate) fn tasks(&self) -> &TaskTracker {
        &self.inner.tasks
    }

    /// What the relay says about itself in its `peer` answers.
    pub(crate) fn metadata(&self) -> &PeerMetadata {
        &self.inner.metadata
    }

    pub(crate) fn static_dir(&self) -> Option<&std::path::Path> {
        self.inner.static_dir.as_deref()
    }

    /// How many documents are in memory now.
    pub fn loaded_documents(&self) -> usize {
        self.registry().len()
    }

    pub(crate) fn registry(&self) -> MutexGuard<'_, HashMap<DocumentId, mpsc::Sender<Command>>> {
        // A panic while holding this lock cannot leave the map half-changed (single inserts and
        // removes), so a poisoned lock is still usable.
        self.inner.registry.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// How many WebSocket connections are open now.
    pub fn open_connections(&self) -> usize {
        self.inner.connections.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub(crate) fn count_connection(&self) -> ConnectionCount {
        self.inner.connections.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        ConnectionCount(self.inner.connections.clone())
    }

    pub(crate) fn next_connection_id(&self) -> u64 {
        self.inner.next_connection.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    pub(crate) fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.inner.shutdown.subscribe()
    }

    pub(crate) fn is_shutting_down(&self) -> bool {
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
