//! Storage: the small trait every backend implements (memory, IndexedDB, the relay's disk), the
//! key layout shared with automerge-repo, and the pure policy of which chunks to write and drop.

use std::collections::BTreeSet;

use automerge::{AutoCommit, Automerge, ChangeHash};
use sha2::{Digest, Sha256};

use crate::id::DocumentId;

/// A storage key: `[document id, "snapshot" | "incremental", hash]`, as automerge-repo lays it out.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct StorageKey(pub Vec<String>);

impl StorageKey {
    pub fn incremental(doc: &DocumentId, data: &[u8]) -> Self {
        StorageKey(vec![doc.to_string(), ChunkKind::Incremental.name().into(), hash_hex(data)])
    }

    /// A snapshot is keyed by the hash of its heads, so two writers of the same state agree.
    pub fn snapshot(doc: &DocumentId, heads: &[ChangeHash]) -> Self {
        let mut sorted: Vec<_> = heads.to_vec();
        sorted.sort();
        let joined: Vec<u8> = sorted.iter().flat_map(|h| h.0).collect();
        StorageKey(vec![doc.to_string(), ChunkKind::Snapshot.name().into(), hash_hex(&joined)])
    }

    /// All chunks of one document.
    pub fn document_prefix(doc: &DocumentId) -> Vec<String> {
        vec![doc.to_string()]
    }

    pub fn kind(&self) -> Option<ChunkKind> {
        match self.0.get(1).map(String::as_str) {
            Some("snapshot") => Some(ChunkKind::Snapshot),
            Some("incremental") => Some(ChunkKind::Incremental),
            _ => None,
        }
    }

    pub fn starts_with(&self, prefix: &[String]) -> bool {
        self.0.len() >= prefix.len() && self.0[..prefix.len()] == *prefix
    }
}

impl std::fmt::Display for StorageKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("/"))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChunkKind {
    Snapshot,
    Incremental,
}

impl ChunkKind {
    pub fn name(self) -> &'static str {
        match self {
            ChunkKind::Snapshot => "snapshot",
            ChunkKind::Incremental => "incremental",
        }
    }
}

fn hash_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// What went wrong in a storage backend: a [`StorageErrorKind`] a program can act on (the app
/// words its message to the user from it, in the user's language) and an English `message`
/// from the backend for logs and for whoever helps. `Display` is the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct StorageError {
    pub kind: StorageErrorKind,
    pub message: String,
}

/// Kinds of storage failure, told apart by what a person can do about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageErrorKind {
    /// The device is full or the browser's quota is used up.
    Full,
    /// Storage cannot be used at all (private browsing, permissions, a missing folder).
    Unavailable,
    /// The stored data was written by a newer version of the program.
    NewerVersion,
    /// Storage holds keys or data the backend cannot read.
    Unreadable,
    /// Reading (or opening) failed otherwise; trying again may work.
    ReadFailed,
    /// Writing failed otherwise; the write is tried again.
    WriteFailed,
    /// Anything else the backend reported.
    Other,
}

impl StorageError {
    pub fn new(kind: StorageErrorKind, message: impl Into<String>) -> Self {
        StorageError { kind, message: message.into() }
    }
    pub fn other(message: impl Into<String>) -> Self {
        Self::new(StorageErrorKind::Other, message)
    }
}

/// A dumb backend: it only loads, puts and removes keys. The policy lives in [`DocumentStore`].
///
/// Futures are not `Send` so IndexedDB (single-threaded wasm) can implement this trait.
#[allow(async_fn_in_trait)]
pub trait Storage {
    async fn load(&self, key: &StorageKey) -> Result<Option<Vec<u8>>, StorageError>;
    /// Done only when the data is durable (IndexedDB transaction complete; file fsynced).
    async fn put(&self, key: &StorageKey, data: &[u8]) -> Result<(), StorageError>;
    async fn remove(&self, key: &StorageKey) -> Result<(), StorageError>;
    /// Every key that starts with `prefix`, with its data, in key order.
    async fn load_range(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StorageError>;
}

/// Compact when the incremental chunks outgrow the snapshot they add to (and are worth a rewrite).
pub fn should_compact(snapshot_bytes: usize, incremental_bytes: usize, incremental_count: usize) -> bool {
    const MIN_CHUNKS_BEFORE_COMPACTING: usize = 10;
    incremental_count >= MIN_CHUNKS_BEFORE_COMPACTING && incremental_bytes > snapshot_bytes
}

/// A document as it came out of storage, with what could not be read.
pub struct LoadedDocument {
    pub doc: AutoCommit,
    /// Chunks that could not be read: the caller moves them aside and logs them.
    pub damaged: Vec<StorageKey>,
}

/// Tracks which chunks of one document this process loaded or wrote, so compaction only ever
/// deletes those (another tab or relay process may have written more).
#[derive(Default, Debug)]
pub struct DocumentStore {
    known_chunks: BTreeSet<StorageKey>,
    snapshot_bytes: usize,
    incremental_bytes: usize,
    incremental_count: usize,
    saved_heads: Vec<ChangeHash>,
}

impl DocumentStore {
    /// Loads every chunk of `doc_id`. A chunk that cannot be parsed is reported, not fatal.
    pub async fn load<S: Storage>(storage: &S, doc_id: &DocumentId) -> Result<(Self, LoadedDocument), StorageError> {
        let chunks = storage.load_range(&StorageKey::document_prefix(doc_id)).await?;
        let mut store = DocumentStore::default();
        let mut doc = AutoCommit::new();
        let mut damaged = Vec::new();
        // Snapshots first: incrementals usually depend on them.
        let (snapshots, incrementals): (Vec<_>, Vec<_>) =
            chunks.into_iter().partition(|(k, _)| k.kind() == Some(ChunkKind::Snapshot));
        for (key, data) in snapshots.into_iter().chain(incrementals) {
            let Some(kind) = key.kind() else { continue };
            // Parse on its own first so a damaged chunk cannot leave half its ops in `doc`;
            // missing dependencies only mean an incremental needs the chunks loaded around it.
            let opts = automerge::LoadOptions::new().on_partial_load(automerge::OnPartialLoad::Error);
            let readable = matches!(Automerge::load_with_options(&data, opts), Ok(_) | Err(automerge::AutomergeError::MissingDeps));
            if !readable || doc.load_incremental(&data).is_err() {
                damaged.push(key);
                continue;
            }
            match kind {
                ChunkKind::Snapshot => store.snapshot_bytes += data.len(),
                ChunkKind::Incremental => {
                    store.incremental_bytes += data.len();
                    store.incremental_count += 1;
                }
            }
            store.known_chunks.insert(key);
        }
        store.saved_heads = doc.get_heads();
        Ok((store, LoadedDocument { doc, damaged }))
    }

    /// A store for a document that has never been saved.
    pub fn new_document() -> Self {
        DocumentStore::default()
    }

    /// Heads of the state that is known to be in storage.
    pub fn saved_heads(&self) -> &[ChangeHash] {
        &self.saved_heads
    }

    /// Whether storage holds exactly the state with these heads.
    pub fn is_saved_at(&self, heads: &[ChangeHash]) -> bool {
        let mut heads = heads.to_vec();
        heads.sort();
        let mut saved = self.saved_heads.clone();
        saved.sort();
        heads == saved
    }

    /// Whether `doc` has changes storage does not have yet.
    pub fn has_unsaved(&self, doc: &Automerge) -> bool {
        let mut heads = doc.get_heads();
        heads.sort();
        let mut saved = self.saved_heads.clone();
        saved.sort();
        heads != saved
    }

    /// The chunk that would bring storage up to `doc`: `None` when nothing is unsaved.
    /// Writing it and then calling [`DocumentStore::wrote`] is the caller's job, so a runtime
    /// can batch the write (group commit) and hold messages back until it is durable.
    pub fn next_write(&self, doc_id: &DocumentId, doc: &Automerge) -> Option<PendingWrite> {
        if !self.has_unsaved(doc) {
            return None;
        }
        let heads = doc.get_heads();
        if self.should_compact_after_next_write() {
            let data = doc.save();
            let key = StorageKey::snapshot(doc_id, &heads);
            let replaces = self.known_chunks.iter().filter(|k| **k != key).cloned().collect();
            return Some(PendingWrite { key, data, heads, kind: ChunkKind::Snapshot, replaces });
        }
        let data = doc.save_after(&self.saved_heads);
        let key = StorageKey::incremental(doc_id, &data);
        Some(PendingWrite { key, data, heads, kind: ChunkKind::Incremental, replaces: Vec::new() })
    }

    fn should_compact_after_next_write(&self) -> bool {
        should_compact(self.snapshot_bytes, self.incremental_bytes, self.incremental_count)
    }

    /// Records that `write` is durable; returns the chunks that may now be removed.
    pub fn wrote(&mut self, write: &PendingWrite) -> Vec<StorageKey> {
        self.saved_heads = write.heads.clone();
        match write.kind {
            ChunkKind::Incremental => {
                self.incremental_bytes += write.data.len();
                self.incremental_count += 1;
            }
            ChunkKind::Snapshot => {
                for k in &write.replaces {
                    self.known_chunks.remove(k);
                }
                self.snapshot_bytes = write.data.len();
                self.incremental_bytes = 0;
                self.incremental_count = 0;
            }
        }
        self.known_chunks.insert(write.key.clone());
        write.replaces.clone()
    }

    /// Writes what is unsaved (one chunk), then removes what a snapshot replaced.
    pub async fn save<S: Storage>(&mut self, storage: &S, doc_id: &DocumentId, doc: &Automerge) -> Result<bool, StorageError> {
        let Some(write) = self.next_write(doc_id, doc) else { return Ok(false) };
        storage.put(&write.key, &write.data).await?;
        for old in self.wrote(&write) {
            storage.remove(&old).await?;
        }
        Ok(true)
    }
}

/// One chunk to write; see [`DocumentStore::next_write`].
#[derive(Debug, Clone)]
pub struct PendingWrite {
    pub key: StorageKey,
    pub data: Vec<u8>,
    pub heads: Vec<ChangeHash>,
    pub kind: ChunkKind,
    /// For a snapshot: the chunks it makes redundant, removable once it is durable.
    pub replaces: Vec<StorageKey>,
}

/// An in-memory backend: the reference for the conformance suite and the protocol tests.
#[derive(Default, Clone)]
pub struct MemoryStorage {
    inner: std::rc::Rc<std::cell::RefCell<std::collections::BTreeMap<StorageKey, Vec<u8>>>>,
}

impl MemoryStorage {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn keys(&self) -> Vec<StorageKey> {
        self.inner.borrow().keys().cloned().collect()
    }
}

impl Storage for MemoryStorage {
    async fn load(&self, key: &StorageKey) -> Result<Option<Vec<u8>>, StorageError> {
        Ok(self.inner.borrow().get(key).cloned())
    }
    async fn put(&self, key: &StorageKey, data: &[u8]) -> Result<(), StorageError> {
        self.inner.borrow_mut().insert(key.clone(), data.to_vec());
        Ok(())
    }
    async fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.inner.borrow_mut().remove(key);
        Ok(())
    }
    async fn load_range(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StorageError> {
        Ok(self
            .inner
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }
}
