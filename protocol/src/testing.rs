//! An in-memory network for protocol tests: one relay built from the same pieces the real relay
//! uses ([`ServerConnection`] per connection, a [`DocSync`] per document) and any number of
//! [`ClientCore`]s, with storage that can be paused. No sockets, no sleeps: tests read as stories.

use std::collections::{BTreeMap, VecDeque};

use automerge::AutoCommit;
use futures::executor::block_on;

use crate::client::{ClientCore, ClientInput, ClientProblem, Connection, Millis, SaveState};
use crate::connection::{ConnectionAction, ServerConnection};
use crate::doc_sync::{DocInput, DocSync};
use crate::id::{DocumentId, PeerId};
use crate::storage::{DocumentStore, MemoryStorage, PendingWrite, Storage};
use crate::wire::{Message, PeerMetadata};

/// Index of a client in the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClientId(usize);

struct Client {
    core: ClientCore,
    storage: MemoryStorage,
    /// The relay connection this client's socket is attached to, if connected.
    conn: Option<usize>,
    /// Whether the network lets this client reach the relay.
    reachable: bool,
    problems: Vec<ClientProblem>,
    unavailable: Vec<DocumentId>,
}

enum Packet {
    ToRelay { conn: usize, bytes: Vec<u8> },
    ToClient { client: ClientId, conn: usize, bytes: Vec<u8> },
}

struct Relay {
    me: PeerId,
    storage: MemoryStorage,
    docs: BTreeMap<DocumentId, DocSync>,
    conns: BTreeMap<usize, (ServerConnection, ClientId)>,
    /// Writes handed out but not yet done, when storage is paused.
    paused: bool,
    pending_writes: Vec<(DocumentId, PendingWrite)>,
    running: bool,
}

/// The whole simulated world.
pub struct Network {
    now: Millis,
    relay: Relay,
    clients: Vec<Client>,
    packets: VecDeque<Packet>,
    next_conn: usize,
    seed: u64,
    /// Frames the relay has sent to clients; tests use it to reason about what was told.
    pub frames_from_relay: usize,
}

impl Default for Network {
    fn default() -> Self {
        Self::new()
    }
}

impl Network {
    pub fn new() -> Self {
        Network {
            now: 0,
            relay: Relay {
                me: PeerId::new("relay").unwrap_or_else(|_| unreachable!("literal id is valid")),
                storage: MemoryStorage::new(),
                docs: BTreeMap::new(),
                conns: BTreeMap::new(),
                paused: false,
                pending_writes: Vec::new(),
                running: true,
            },
            clients: Vec::new(),
            packets: VecDeque::new(),
            next_conn: 0,
            seed: 1,
            frames_from_relay: 0,
        }
    }

    fn next_bytes(&mut self) -> [u8; 16] {
        // A deterministic generator: tests must be repeatable.
        let mut out = [0u8; 16];
        for b in out.iter_mut() {
            self.seed = self.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            *b = (self.seed >> 33) as u8;
        }
        out
    }

    pub fn add_client(&mut self, name: &str) -> ClientId {
        let id = ClientId(self.clients.len());
        let me = PeerId::new(name).unwrap_or_else(|_| panic!("bad test peer name {name:?}"));
        self.clients.push(Client {
            core: ClientCore::new(me, format!("session-{name}"), self.now),
            storage: MemoryStorage::new(),
            conn: None,
            reachable: true,
            problems: Vec::new(),
            unavailable: Vec::new(),
        });
        self.tick();
        id
    }

    /// Lets simulated time pass and delivers everything until nothing moves.
    pub fn advance(&mut self, ms: Millis) {
        self.now += ms;
        self.tick();
    }

    fn tick(&mut self) {
        for i in 0..self.clients.len() {
            self.client_input(ClientId(i), ClientInput::Tick);
        }
        self.run_until_quiet();
    }

    /// Delivers packets until the network is quiet.
    pub fn run_until_quiet(&mut self) {
        let mut steps = 0;
        while let Some(p) = self.packets.pop_front() {
            steps += 1;
            assert!(steps < 100_000, "the network never went quiet: a sync loop?");
            match p {
                Packet::ToRelay { conn, bytes } => self.relay_frame(conn, bytes),
                Packet::ToClient { client, conn, bytes } => {
                    if self.clients[client.0].conn == Some(conn) {
                        self.client_input(client, ClientInput::Frame(bytes));
                    }
                }
            }
        }
    }

    /// Creates a document on `client` with `f` applied, returns its id.
    pub fn create(&mut self, client: ClientId, f: impl FnOnce(&mut AutoCommit)) -> DocumentId {
        let id = DocumentId::from_bytes(self.next_bytes());
        let mut doc = AutoCommit::new();
        f(&mut doc);
        self.client_input(client, ClientInput::Open { document: id, doc, store: DocumentStore::new_document() });
        self.run_until_quiet();
        id
    }

    /// Opens a document the client does not have locally: it asks the server for it.
    pub fn find(&mut self, client: ClientId, id: DocumentId) {
        let (store, loaded) = block_on(DocumentStore::load(&self.clients[client.0].storage, &id)).unwrap_or_else(|e| panic!("{e}"));
        self.client_input(client, ClientInput::Open { document: id, doc: loaded.doc, store });
        self.run_until_quiet();
    }

    /// Changes a document on `client` locally.
    pub fn change(&mut self, client: ClientId, id: DocumentId, f: impl FnOnce(&mut AutoCommit)) {
        let doc = self.clients[client.0].core.doc_mut(&id).unwrap_or_else(|| panic!("document not open on client"));
        f(doc);
        self.client_input(client, ClientInput::LocalChange { document: id });
        self.run_until_quiet();
    }

    /// Edits without committing or telling the core, as typing does before its pause ends.
    pub fn type_pending(&mut self, client: ClientId, id: DocumentId, f: impl FnOnce(&mut AutoCommit)) {
        let doc = self.clients[client.0].core.doc_mut(&id).unwrap_or_else(|| panic!("document not open on client"));
        f(doc);
    }

    /// The typing pause ends: commit, then tell the core (as the app's runtime does).
    pub fn end_typing(&mut self, client: ClientId, id: DocumentId) {
        if let Some(doc) = self.clients[client.0].core.doc_mut(&id) {
            doc.commit();
        }
        self.client_input(client, ClientInput::LocalChange { document: id });
        self.run_until_quiet();
    }

    pub fn doc(&self, client: ClientId, id: &DocumentId) -> &AutoCommit {
        self.clients[client.0].core.doc(id).unwrap_or_else(|| panic!("document not open on client"))
    }

    pub fn save_state(&self, client: ClientId, id: &DocumentId) -> Option<SaveState> {
        self.clients[client.0].core.save_state(id)
    }

    pub fn connection(&self, client: ClientId) -> Connection {
        self.clients[client.0].core.connection()
    }

    pub fn unavailable(&self, client: ClientId) -> &[DocumentId] {
        &self.clients[client.0].unavailable
    }

    pub fn problems(&self, client: ClientId) -> &[ClientProblem] {
        &self.clients[client.0].problems
    }

    /// Cuts the client off (its socket closes) until [`Network::reconnect`].
    pub fn go_offline(&mut self, client: ClientId) {
        self.clients[client.0].reachable = false;
        self.drop_socket(client);
        self.run_until_quiet();
    }

    pub fn reconnect(&mut self, client: ClientId) {
        self.clients[client.0].reachable = true;
        // Backoff is at most MAX_BACKOFF_MS: waiting that long always reconnects.
        self.advance(crate::client::MAX_BACKOFF_MS);
    }

    fn drop_socket(&mut self, client: ClientId) {
        if let Some(conn) = self.clients[client.0].conn.take() {
            self.relay_connection_closed(conn);
            self.client_input(client, ClientInput::SocketClosed);
        }
    }

    /// Holds the relay's storage writes until [`Network::resume_relay_storage`].
    pub fn pause_relay_storage(&mut self) {
        self.relay.paused = true;
    }

    pub fn resume_relay_storage(&mut self) {
        self.relay.paused = false;
        for (id, write) in std::mem::take(&mut self.relay.pending_writes) {
            self.relay_write(id, write);
        }
        self.run_until_quiet();
    }

    /// Kills the relay: everything not in its storage is gone; every socket closes.
    pub fn kill_relay(&mut self) {
        self.relay.running = false;
        self.relay.docs.clear();
        self.relay.pending_writes.clear();
        self.relay.paused = false;
        let conns: Vec<(usize, ClientId)> = self.relay.conns.iter().map(|(c, (_, cl))| (*c, *cl)).collect();
        self.relay.conns.clear();
        for (_, client) in conns {
            if self.clients[client.0].conn.take().is_some() {
                self.client_input(client, ClientInput::SocketClosed);
            }
        }
        self.packets.retain(|p| matches!(p, Packet::ToClient { .. }));
        self.run_until_quiet();
    }

    pub fn start_relay(&mut self) {
        self.relay.running = true;
    }

    /// The relay's view of a document as stored (what survives a crash).
    pub fn relay_stored(&self, id: &DocumentId) -> AutoCommit {
        block_on(DocumentStore::load(&self.relay.storage, id)).map(|(_, l)| l.doc).unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn relay_storage(&self) -> &MemoryStorage {
        &self.relay.storage
    }

    fn client_input(&mut self, client: ClientId, input: ClientInput) {
        let now = self.now;
        let fx = self.clients[client.0].core.handle(now, input);
        let c = &mut self.clients[client.0];
        c.problems.extend(fx.problems);
        c.unavailable.extend(fx.unavailable);
        if fx.disconnect {
            self.drop_socket(client);
        }
        for bytes in fx.send {
            if let Some(conn) = self.clients[client.0].conn {
                self.packets.push_back(Packet::ToRelay { conn, bytes });
            }
        }
        for (id, write) in fx.writes {
            let storage = self.clients[client.0].storage.clone();
            let result = block_on(storage.put(&write.key, &write.data));
            let input = match result {
                Ok(()) => ClientInput::WriteDone { document: id },
                Err(error) => ClientInput::WriteFailed { document: id, error },
            };
            self.client_input(client, input);
        }
        for key in fx.removes {
            let _ = block_on(self.clients[client.0].storage.remove(&key));
        }
        if fx.connect {
            if self.relay.running && self.clients[client.0].reachable {
                let conn = self.next_conn;
                self.next_conn += 1;
                self.clients[client.0].conn = Some(conn);
                self.relay.conns.insert(conn, (ServerConnection::new(self.relay.me.clone(), PeerMetadata::default()), client));
                self.client_input(client, ClientInput::SocketOpened);
            } else {
                self.client_input(client, ClientInput::SocketClosed);
            }
        }
    }

    fn relay_frame(&mut self, conn: usize, bytes: Vec<u8>) {
        let Some((sc, client)) = self.relay.conns.get_mut(&conn) else { return };
        let client = *client;
        let msg = match Message::decode(&bytes) {
            Ok(m) => m,
            Err(_) => return self.relay_close(conn, client),
        };
        match sc.handle(msg) {
            ConnectionAction::Reply(m) => self.to_client(conn, client, m),
            ConnectionAction::Ignore => {}
            ConnectionAction::Close(_) | ConnectionAction::Left => self.relay_close(conn, client),
            ConnectionAction::ToDocument(m) => {
                let Some(id) = m.document().copied() else { return };
                let me = self.relay.me.clone();
                let storage = self.relay.storage.clone();
                let doc = self.relay.docs.entry(id).or_insert_with(|| {
                    let (store, loaded) = block_on(DocumentStore::load(&storage, &id)).unwrap_or_else(|e| panic!("{e}"));
                    DocSync::new(id, me, loaded.doc, store)
                });
                let fx = doc.handle(DocInput::FromPeer(m));
                self.relay_effects(id, fx);
            }
        }
    }

    fn relay_effects(&mut self, id: DocumentId, fx: crate::doc_sync::DocEffects) {
        for m in fx.send {
            let target = match &m {
                Message::Sync { target, .. } | Message::Request { target, .. } | Message::DocUnavailable { target, .. } | Message::Ephemeral { target, .. } => target.clone(),
                _ => continue,
            };
            let found = self.relay.conns.iter().find(|(_, (sc, _))| sc.peer() == Some(&target)).map(|(c, (_, cl))| (*c, *cl));
            if let Some((conn, client)) = found {
                self.to_client(conn, client, m);
            }
        }
        for key in fx.remove {
            let _ = block_on(self.relay.storage.remove(&key));
        }
        if let Some(write) = fx.write {
            if self.relay.paused {
                self.relay.pending_writes.push((id, write));
            } else {
                self.relay_write(id, write);
            }
        }
    }

    fn relay_write(&mut self, id: DocumentId, write: PendingWrite) {
        if !self.relay.running {
            return;
        }
        let result = block_on(self.relay.storage.put(&write.key, &write.data));
        let input = if result.is_ok() { DocInput::WriteDone } else { DocInput::WriteFailed };
        if let Some(doc) = self.relay.docs.get_mut(&id) {
            let fx = doc.handle(input);
            self.relay_effects(id, fx);
        }
    }

    fn relay_connection_closed(&mut self, conn: usize) {
        if let Some((sc, _)) = self.relay.conns.remove(&conn) {
            if let Some(peer) = sc.peer().cloned() {
                let ids: Vec<DocumentId> = self.relay.docs.keys().copied().collect();
                for id in ids {
                    if let Some(doc) = self.relay.docs.get_mut(&id) {
                        let fx = doc.handle(DocInput::RemovePeer(peer.clone()));
                        self.relay_effects(id, fx);
                    }
                }
            }
        }
    }

    fn relay_close(&mut self, conn: usize, client: ClientId) {
        self.relay_connection_closed(conn);
        if self.clients[client.0].conn == Some(conn) {
            self.clients[client.0].conn = None;
            self.client_input(client, ClientInput::SocketClosed);
        }
    }

    fn to_client(&mut self, conn: usize, client: ClientId, m: Message) {
        self.frames_from_relay += 1;
        self.packets.push_back(Packet::ToClient { client, conn, bytes: m.encode() });
    }
}
