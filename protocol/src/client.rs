//! The app's side of the protocol, sans-IO: one connection to a sync server, the handshake,
//! reconnect with backoff on a clock the caller passes in, and a [`DocSync`] per open document.
//! The browser's runtime (src/sync) only moves bytes and timers in and out of it.

use std::collections::BTreeMap;

use automerge::AutoCommit;

use crate::doc_sync::{DocEffects, DocInput, DocSync};
use crate::id::{DocumentId, PeerId};
use crate::storage::{DocumentStore, PendingWrite, StorageError, StorageKey};
use crate::wire::{Message, PeerMetadata, PROTOCOL_VERSION};

/// Milliseconds on the caller's clock (e.g. `Date.now()` or a test's virtual clock).
pub type Millis = u64;

/// The first wait before reconnecting; it doubles up to [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: Millis = 500;
pub const MAX_BACKOFF_MS: Millis = 15_000;

/// The state of the connection to the sync server, as the sync indicator shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// Not connected; a reconnect is planned at the given time.
    Offline { retry_at: Millis },
    /// The socket is opening or the handshake is under way.
    Connecting,
    Online,
}

/// How safe a document's local changes are, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SaveState {
    /// The device could not store the latest changes (quota, private mode): they live only in
    /// memory until a retry succeeds.
    NotSaved,
    /// Being written to this device.
    Saving,
    /// Stored on this device; the server has not confirmed it has everything.
    SavedOnDevice,
    /// The server confirmed heads that include every local change.
    SavedOnServer,
}

/// An input to the client.
#[derive(Debug)]
pub enum ClientInput {
    /// A document is open: its content as loaded from storage (empty if new or wanted).
    Open { document: DocumentId, doc: AutoCommit, store: DocumentStore },
    Close { document: DocumentId },
    /// The local document was changed through [`ClientCore::doc_mut`].
    LocalChange { document: DocumentId },
    WriteDone { document: DocumentId },
    WriteFailed { document: DocumentId, error: StorageError },
    /// The socket opened.
    SocketOpened,
    /// A binary frame arrived.
    Frame(Vec<u8>),
    /// The socket closed or failed.
    SocketClosed,
    /// Time passed; reconnect if it is due.
    Tick,
    /// The server's address or this device's credential changed: drop the connection (the
    /// runtime closes its socket) and connect again at once, with no backoff left over.
    ConnectNow,
    /// Send presence or other ephemeral data to the document's other peers.
    Ephemeral { document: DocumentId, data: Vec<u8> },
}

/// What the runtime must do after an input.
#[derive(Debug, Default)]
pub struct ClientEffects {
    /// Open a socket to the server.
    pub connect: bool,
    /// Close the socket (protocol error from the server).
    pub disconnect: bool,
    pub send: Vec<Vec<u8>>,
    pub writes: Vec<(DocumentId, PendingWrite)>,
    pub removes: Vec<StorageKey>,
    /// Documents whose content changed by a remote change: re-read them.
    pub changed: Vec<DocumentId>,
    /// Documents the server does not have either.
    pub unavailable: Vec<DocumentId>,
    pub ephemeral: Vec<(DocumentId, PeerId, Vec<u8>)>,
    /// The sync indicator may have changed.
    pub status_changed: bool,
    /// Something a person should read (a server error, a failed save).
    pub problems: Vec<ClientProblem>,
}

/// A sync or save failure a person should read. `Display` is English; the app words it in the
/// user's language from the variant, so the core stays free of UI languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientProblem {
    /// Saving on this device failed; the change stays in memory and is retried.
    #[error("{}", .0.message)]
    SaveFailed(StorageError),
    /// The server sent bytes that are not an automerge-repo message.
    #[error("The sync server sent a message we cannot read ({0}); reconnecting.")]
    UnreadableMessage(String),
    /// The server said something went wrong (its own words).
    #[error("The sync server reported an error: {0}")]
    ServerError(String),
    /// The server sent a change this document cannot take.
    #[error("The sync server sent a change we could not apply ({0}); reconnecting.")]
    UnappliableChange(String),
}

/// The app's sync client.
pub struct ClientCore {
    me: PeerId,
    connection: Connection,
    server: Option<PeerId>,
    failures: u32,
    docs: BTreeMap<DocumentId, DocSync>,
    ephemeral_count: u64,
    session: String,
    now: Millis,
}

impl ClientCore {
    /// `me` and `session` come from the caller (random ids); `now` from its clock.
    pub fn new(me: PeerId, session: String, now: Millis) -> Self {
        ClientCore { me, connection: Connection::Offline { retry_at: now }, server: None, failures: 0, docs: BTreeMap::new(), ephemeral_count: 0, session, now }
    }

    pub fn me(&self) -> &PeerId {
        &self.me
    }

    pub fn connection(&self) -> Connection {
        self.connection
    }

    pub fn doc(&self, id: &DocumentId) -> Option<&AutoCommit> {
        self.docs.get(id).map(DocSync::doc)
    }

    /// Change a document locally, then send [`ClientInput::LocalChange`].
    pub fn doc_mut(&mut self, id: &DocumentId) -> Option<&mut AutoCommit> {
        self.docs.get_mut(id).map(DocSync::doc_mut)
    }

    pub fn is_open(&self, id: &DocumentId) -> bool {
        self.docs.contains_key(id)
    }

    pub fn save_state(&self, id: &DocumentId) -> Option<SaveState> {
        let d = self.docs.get(id)?;
        Some(if d.write_failed() {
            SaveState::NotSaved
        } else if !d.is_saved() {
            SaveState::Saving
        } else if self.server.as_ref().is_some_and(|s| d.peer_has_everything(s)) {
            SaveState::SavedOnServer
        } else {
            SaveState::SavedOnDevice
        })
    }

    /// The worst save state over all open documents: what the sync indicator shows.
    pub fn overall_save_state(&self) -> SaveState {
        self.docs.keys().filter_map(|id| self.save_state(id)).min().unwrap_or(SaveState::SavedOnDevice)
    }

    /// When the runtime should next send [`ClientInput::Tick`], if ever.
    pub fn next_tick(&self) -> Option<Millis> {
        match self.connection {
            Connection::Offline { retry_at } => Some(retry_at),
            _ => None,
        }
    }

    pub fn handle(&mut self, now: Millis, input: ClientInput) -> ClientEffects {
        self.now = now;
        let mut fx = ClientEffects::default();
        match input {
            ClientInput::Open { document, doc, store } => {
                let mut sync = DocSync::new(document, self.me.clone(), doc, store);
                if let Some(server) = &self.server {
                    let e = sync.handle(DocInput::AddPeer(server.clone()));
                    self.absorb(document, e, &mut fx);
                }
                self.docs.insert(document, sync);
                let e = self.doc_input(document, DocInput::LocalChange);
                self.absorb(document, e, &mut fx);
                fx.status_changed = true;
            }
            ClientInput::Close { document } => {
                self.docs.remove(&document);
            }
            ClientInput::LocalChange { document } => {
                let e = self.doc_input(document, DocInput::LocalChange);
                self.absorb(document, e, &mut fx);
                fx.status_changed = true;
            }
            ClientInput::WriteDone { document } => {
                let e = self.doc_input(document, DocInput::WriteDone);
                self.absorb(document, e, &mut fx);
                fx.status_changed = true;
            }
            ClientInput::WriteFailed { document, error } => {
                let e = self.doc_input(document, DocInput::WriteFailed);
                self.absorb(document, e, &mut fx);
                fx.problems.push(ClientProblem::SaveFailed(error));
                fx.status_changed = true;
            }
            ClientInput::SocketOpened => {
                self.connection = Connection::Connecting;
                let join = Message::Join {
                    sender: self.me.clone(),
                    metadata: PeerMetadata { storage_id: None, is_ephemeral: false },
                    supported_versions: vec![PROTOCOL_VERSION.to_string()],
                };
                fx.send.push(join.encode());
                fx.status_changed = true;
            }
            ClientInput::Frame(bytes) => self.receive(bytes, &mut fx),
            ClientInput::SocketClosed => self.lost_connection(&mut fx),
            ClientInput::ConnectNow => {
                self.lost_connection(&mut fx);
                self.failures = 0;
                self.connection = Connection::Connecting;
                fx.connect = true;
            }
            ClientInput::Tick => {
                // A failed save is retried on the same clock as reconnects.
                let failed: Vec<DocumentId> = self.docs.iter().filter(|(_, d)| d.write_failed()).map(|(id, _)| *id).collect();
                for id in failed {
                    let e = self.doc_input(id, DocInput::RetryWrite);
                    self.absorb(id, e, &mut fx);
                }
                if let Connection::Offline { retry_at } = self.connection {
                    if now >= retry_at {
                        self.connection = Connection::Connecting;
                        fx.connect = true;
                        fx.status_changed = true;
                    }
                }
            }
            ClientInput::Ephemeral { document, data } => {
                if let Some(server) = &self.server {
                    self.ephemeral_count += 1;
                    let msg = Message::Ephemeral {
                        sender: self.me.clone(),
                        target: server.clone(),
                        document,
                        count: self.ephemeral_count,
                        session: self.session.clone(),
                        data,
                    };
                    fx.send.push(msg.encode());
                }
            }
        }
        fx
    }

    fn receive(&mut self, bytes: Vec<u8>, fx: &mut ClientEffects) {
        let msg = match Message::decode(&bytes) {
            Ok(m) => m,
            Err(e) => {
                fx.problems.push(ClientProblem::UnreadableMessage(e.to_string()));
                fx.disconnect = true;
                self.lost_connection(fx);
                return;
            }
        };
        match msg {
            Message::Peer { sender, .. } => {
                self.connection = Connection::Online;
                self.failures = 0;
                self.server = Some(sender.clone());
                let ids: Vec<DocumentId> = self.docs.keys().copied().collect();
                for id in ids {
                    let e = self.doc_input(id, DocInput::AddPeer(sender.clone()));
                    self.absorb(id, e, fx);
                }
                fx.status_changed = true;
            }
            Message::Error { message, .. } => {
                fx.problems.push(ClientProblem::ServerError(message));
                fx.disconnect = true;
                self.lost_connection(fx);
            }
            msg @ (Message::Sync { .. } | Message::Request { .. } | Message::DocUnavailable { .. } | Message::Ephemeral { .. }) => {
                let Some(id) = msg.document().copied() else { return };
                if let Message::Ephemeral { sender, data, .. } = &msg {
                    fx.ephemeral.push((id, sender.clone(), data.clone()));
                    return;
                }
                if !self.docs.contains_key(&id) {
                    return; // Not open here: the server only answers what we asked for.
                }
                let e = self.doc_input(id, DocInput::FromPeer(msg));
                self.absorb(id, e, fx);
                fx.status_changed = true;
            }
            _ => {}
        }
    }

    fn lost_connection(&mut self, fx: &mut ClientEffects) {
        if let Some(server) = self.server.take() {
            let ids: Vec<DocumentId> = self.docs.keys().copied().collect();
            for id in ids {
                let _ = self.doc_input(id, DocInput::RemovePeer(server.clone()));
            }
        }
        let wait = FIRST_BACKOFF_MS.saturating_mul(1u64 << self.failures.min(10)).min(MAX_BACKOFF_MS);
        self.failures = self.failures.saturating_add(1);
        self.connection = Connection::Offline { retry_at: self.now + wait };
        fx.status_changed = true;
    }

    fn doc_input(&mut self, id: DocumentId, input: DocInput) -> DocEffects {
        match self.docs.get_mut(&id) {
            Some(d) => d.handle(input),
            None => DocEffects::default(),
        }
    }

    fn absorb(&mut self, id: DocumentId, e: DocEffects, fx: &mut ClientEffects) {
        fx.send.extend(e.send.iter().map(Message::encode));
        if let Some(w) = e.write {
            fx.writes.push((id, w));
        }
        fx.removes.extend(e.remove);
        if e.changed {
            fx.changed.push(id);
        }
        if !e.unavailable_from.is_empty() {
            fx.unavailable.push(id);
        }
        if let Some((_, why)) = e.bad_peer {
            fx.problems.push(ClientProblem::UnappliableChange(why.to_string()));
            fx.disconnect = true;
            self.lost_connection(fx);
        }
    }
}
