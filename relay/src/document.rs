//! One document's actor: it loads the document from disk, owns the protocol's `DocSync` and the
//! connections subscribed to this document, writes changes durably before anything reflecting
//! them is sent, and leaves memory when nobody has had it open for a while.
//!
//! Each connection gets its own sync session, named after the connection and not after the
//! peer id it declares, so a second client claiming a member's peer id cannot take over that
//! member's session. A panic inside the sync code (automerge) is caught here: the document is
//! reloaded from disk, the peer whose message caused it is dropped, and the others go on.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use radslag_protocol::doc_sync::{DocEffects, DocInput, DocSync};
use radslag_protocol::storage::{DocumentStore, PendingWrite, StorageError, StorageKey};
use radslag_protocol::{DocumentId, Message, PeerId};
use tokio::sync::mpsc;
use tokio::task::{JoinError, JoinHandle};
use tokio::time::{sleep_until, Instant};

use crate::link::{close_code, Command, Subscriber};
use crate::disk::DiskStore;
use crate::state::AppState;

/// The relay holds as many documents in memory as it may (`Limits::max_loaded_documents`).
#[derive(Debug, thiserror::Error)]
#[error("the relay has {0} documents open, as many as it may; try again later")]
pub struct TooManyDocuments(pub usize);

/// Hands `command` to the document's actor, starting the actor if the document is not loaded.
/// Waits if the actor's inbox is full (back-pressure on the sending connection only).
pub async fn deliver(state: &AppState, id: DocumentId, mut command: Command) -> Result<(), TooManyDocuments> {
    // A second try covers an actor that ended (shutdown, panic) after we took its sender.
    for _ in 0..2 {
        let sender = {
            let mut registry = state.registry();
            match registry.get(&id) {
                Some(sender) => sender.clone(),
                None => {
                    let max = state.limits().max_loaded_documents;
                    if registry.len() >= max {
                        return Err(TooManyDocuments(max));
                    }
                    let (tx, rx) = mpsc::channel(state.limits().document_inbox);
                    registry.insert(id, tx.clone());
                    let actor = Actor::new(state.clone(), id);
                    state.tasks().spawn(actor.run(rx));
                    tx
                }
            }
        };
        match sender.send(command).await {
            Ok(()) => return Ok(()),
            Err(mpsc::error::SendError(back)) => {
                command = back;
                let mut registry = state.registry();
                if registry.get(&id).is_some_and(|s| s.same_channel(&sender)) {
                    registry.remove(&id);
                }
            }
        }
    }
    tracing::warn!(document = %id, "a message for this document was dropped: its actor is not running");
    Ok(())
}

/// Hands `command` to the document's actor if the document is loaded (a document that left
/// memory has no subscribers to forget).
pub async fn notify_if_loaded(state: &AppState, id: DocumentId, command: Command) {
    let sender = state.registry().get(&id).cloned();
    if let Some(sender) = sender {
        let _ = sender.send(command).await;
    }
}

/// What woke the actor.
enum Event {
    Command(Option<Command>),
    WriteFinished(Result<Result<(), StorageError>, JoinError>),
    RetryWrite,
    Idle,
    ShutdownBegan,
}

struct Actor {
    id: DocumentId,
    state: AppState,
    disk: Arc<DiskStore>,
    /// `None` when the document could not be loaded: then it answers `doc-unavailable` and
    /// never writes, so nothing on disk is touched until a later load succeeds.
    sync: Option<DocSync>,
    /// Every subscribed connection, under the session id the sync core knows it by.
    subscribers: HashMap<PeerId, Subscriber>,
    /// Set when the sync code panicked: the document is reloaded before anything else.
    reload: bool,
    write: Option<JoinHandle<Result<(), StorageError>>>,
    retry_at: Option<Instant>,
    /// Writes fail now (a full disk, say): logged when that starts and ends, not every retry.
    write_failing: bool,
    last_activity: Instant,
    stopping: bool,
}

impl Actor {
    fn new(state: AppState, id: DocumentId) -> Self {
        let disk = state.disk().clone();
        Actor {
            id,
            state,
            disk,
            sync: None,
            subscribers: HashMap::new(),
            reload: false,
            write: None,
            retry_at: None,
            write_failing: false,
            last_activity: Instant::now(),
            stopping: false,
        }
    }

    async fn run(mut self, mut inbox: mpsc::Receiver<Command>) {
        self.load().await;
        let mut shutdown = self.state.shutdown_signal();
        loop {
            if self.reload {
                self.reload().await;
            }
            if self.stopping && self.subscribers.is_empty() && self.write.is_none() && self.saved_or_given_up() {
                self.leave_registry(&inbox, true);
                break;
            }
            let idle_at = self.idle().then(|| self.last_activity + self.state.limits().idle_unload);
            let far = Instant::now() + std::time::Duration::from_secs(86_400);
            let event = tokio::select! {
                command = inbox.recv() => Event::Command(command),
                result = wait_for_write(&mut self.write) => Event::WriteFinished(result),
                _ = sleep_until(self.retry_at.unwrap_or(far)), if self.retry_at.is_some() => Event::RetryWrite,
                _ = sleep_until(idle_at.unwrap_or(far)), if idle_at.is_some() && !self.stopping => Event::Idle,
                _ = shutdown.wait_for(|stopping| *stopping), if !self.stopping => Event::ShutdownBegan,
            };
            match event {
                Event::Command(Some(command)) => {
                    self.last_activity = Instant::now();
                    self.command(command);
                }
                // Every sender is gone: only possible when the registry dropped us.
                Event::Command(None) => break,
                Event::WriteFinished(result) => {
                    self.write = None;
                    self.write_finished(result);
                }
                Event::RetryWrite => {
                    self.retry_at = None;
                    self.input(DocInput::RetryWrite);
                }
                Event::Idle => {
                    if self.leave_registry(&inbox, false) {
                        tracing::debug!(document = %self.id, "unloaded: no peers and everything saved");
                        break;
                    }
                    // Someone is about to send us something: stay.
                    self.last_activity = Instant::now();
                }
                Event::ShutdownBegan => self.stopping = true,
            }
        }
    }

    async fn load(&mut self) {
        let disk = self.disk.clone();
        let id = self.id;
        let loaded = tokio::task::spawn_blocking(move || {
            let (store, loaded) = futures::executor::block_on(DocumentStore::load(&*disk, &id))?;
            let moved: Vec<(StorageKey, Result<std::path::PathBuf, StorageError>)> =
                loaded.damaged.iter().map(|key| (key.clone(), disk.move_aside(key))).collect();
            Ok::<_, StorageError>((store, loaded.doc, moved))
        })
        .await;
        match loaded {
            Ok(Ok((store, doc, moved))) => {
                for (key, result) in moved {
                    match result {
                        Ok(to) => tracing::warn!(document = %id, "the chunk {key} could not be read; moved it to {}", to.display()),
                        Err(e) => tracing::error!(document = %id, "the chunk {key} could not be read and not be moved aside: {e}"),
                    }
                }
                self.sync = Some(DocSync::new(id, self.state.me().clone(), doc, store));
            }
            Ok(Err(e)) => tracing::error!(document = %id, "could not load the document: {e}"),
            Err(e) => tracing::error!(document = %id, "loading the document failed: {e}"),
        }
    }

    fn command(&mut self, command: Command) {
        match command {
            Command::FromPeer { from, message } => {
                if self.sync.is_none() {
                    // Could not load: say so rather than sync an empty document over a real one.
                    if matches!(message, Message::Sync { .. } | Message::Request { .. }) {
                        let reply = Message::DocUnavailable { sender: self.state.me().clone(), target: from.peer.clone(), document: self.id };
                        from.link.send(reply.encode());
                    }
                    return;
                }
                let Some(session) = session_of(from.link.id()) else { return };
                tracing::trace!(document = %self.id, peer = %from.peer, connection = from.link.id(), "received {}", message.type_name());
                let message = if from.link.is_read_only() {
                    match self.read_only(message) {
                        Ok(message) => message,
                        Err(why) => return from.link.fail(self.state.me(), Some(&from.peer), close_code::POLICY_VIOLATION, why),
                    }
                } else {
                    message
                };
                self.subscribers.entry(session.clone()).or_insert(from);
                let Some(message) = readdressed(message, Some(&session), None) else { return };
                self.input(DocInput::FromPeer(message));
            }
            Command::PeerGone { connection, .. } => {
                let Some(session) = session_of(connection) else { return };
                if self.subscribers.remove(&session).is_some() {
                    self.input(DocInput::RemovePeer(session));
                }
            }
        }
    }

    /// A reader's message with its changes taken out (see `read_only`).
    fn read_only(&mut self, message: Message) -> Result<Message, String> {
        let Some(sync) = self.sync.as_mut() else { return Ok(message) };
        let heads = sync.heads().to_vec();
        let strip = |data: Vec<u8>, sync: &mut DocSync| crate::read_only::strip(&data, sync.doc_mut().document(), &heads).map(|s| s.unwrap_or(data));
        Ok(match message {
            Message::Sync { sender, target, document, data } => Message::Sync { sender, target, document, data: strip(data, sync)? },
            Message::Request { sender, target, document, data } => Message::Request { sender, target, document, data: strip(data, sync)? },
            other => other,
        })
    }

    fn input(&mut self, input: DocInput) {
        let Some(sync) = self.sync.as_mut() else { return };
        let culprit = match &input {
            DocInput::FromPeer(message) => message_sender(message).cloned(),
            _ => None,
        };
        // The sync session is thrown away if this panics, so no broken state is used again.
        match catch_unwind(AssertUnwindSafe(|| sync.handle(input))) {
            Ok(effects) => self.effects(effects),
            Err(panic) => self.sync_code_panicked(culprit, panic_text(&panic)),
        }
    }

    /// The sync code panicked: drop the peer whose message caused it, forget the in-memory
    /// document (nothing in it that is not on disk was acknowledged to anyone) and reload it.
    fn sync_code_panicked(&mut self, culprit: Option<PeerId>, why: String) {
        tracing::error!(document = %self.id, "the sync code failed ({why}); reloading the document from disk");
        if let Some(subscriber) = culprit.and_then(|session| self.subscribers.remove(&session)) {
            let reason = format!("your message for document {} could not be handled; reconnect to try again", self.id);
            subscriber.link.fail(self.state.me(), Some(&subscriber.peer), close_code::POLICY_VIOLATION, reason);
        }
        self.sync = None;
        self.reload = true;
    }

    async fn reload(&mut self) {
        self.reload = false;
        // A write already handed to the journal finishes first, so the reload reads it.
        if let Some(write) = self.write.take() {
            let failed = match write.await {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(e.to_string()),
                Err(e) => Some(e.to_string()),
            };
            if let Some(e) = failed {
                tracing::warn!(document = %self.id, "a write under way when the sync code failed did not finish: {e}");
            }
        }
        self.retry_at = None;
        self.load().await;
        // Every remaining member starts a fresh session, which catches them up from disk.
        let sessions: Vec<PeerId> = self.subscribers.keys().cloned().collect();
        for session in sessions {
            self.input(DocInput::AddPeer(session));
        }
    }

    fn effects(&mut self, effects: DocEffects) {
        for message in effects.send {
            let target = match &message {
                Message::Sync { target, .. }
                | Message::Request { target, .. }
                | Message::DocUnavailable { target, .. }
                | Message::Ephemeral { target, .. } => target,
                _ => continue,
            };
            let Some(subscriber) = self.subscribers.get(target) else { continue };
            // Back from session ids to the peer ids the members declared.
            let from = message_sender(&message).and_then(|s| self.subscribers.get(s)).map(|s| s.peer.clone());
            let (peer, link) = (subscriber.peer.clone(), subscriber.link.clone());
            tracing::trace!(document = %self.id, %peer, connection = link.id(), "sending {}", message.type_name());
            if let Some(message) = readdressed(message, from.as_ref(), Some(&peer)) {
                link.send(message.encode());
            }
        }
        if let Some(write) = effects.write {
            self.start_write(write);
        }
        if !effects.remove.is_empty() {
            let disk = self.disk.clone();
            let id = self.id;
            let keys = effects.remove;
            self.state.tasks().spawn_blocking(move || {
                for key in keys {
                    // A chunk left behind is redundant, not harmful: log and go on.
                    if let Err(e) = disk.remove_unsynced(&key) {
                        tracing::warn!(document = %id, "could not delete the compacted chunk {key}: {e}");
                    }
                }
            });
        }
        if let Some((session, why)) = effects.bad_peer {
            if let Some(subscriber) = self.subscribers.get(&session) {
                subscriber.link.fail(self.state.me(), Some(&subscriber.peer), close_code::POLICY_VIOLATION, why);
            }
        }
    }

    fn start_write(&mut self, write: PendingWrite) {
        let journal = self.state.journal().clone();
        tracing::trace!(document = %self.id, bytes = write.data.len(), "writing {}", write.key);
        self.write = Some(tokio::spawn(async move { journal.put(write.key, write.data).await }));
    }

    fn write_finished(&mut self, result: Result<Result<(), StorageError>, JoinError>) {
        let error = match result {
            Ok(Ok(())) => {
                if std::mem::take(&mut self.write_failing) {
                    tracing::info!(document = %self.id, "changes are stored again");
                }
                return self.input(DocInput::WriteDone);
            }
            Ok(Err(e)) => e.to_string(),
            Err(e) => format!("the write task failed: {e}"),
        };
        let retry = self.state.limits().write_retry;
        if self.stopping {
            tracing::error!(document = %self.id, "could not store changes while shutting down: {error}; they were not acknowledged to anyone");
        } else {
            if std::mem::replace(&mut self.write_failing, true) {
                tracing::debug!(document = %self.id, "could not store changes: {error}; retrying in {} ms", retry.as_millis());
            } else {
                tracing::error!(document = %self.id, "could not store changes: {error}; retrying every {} ms", retry.as_millis());
            }
            self.retry_at = Some(Instant::now() + retry);
        }
        self.input(DocInput::WriteFailed);
    }

    fn saved_or_given_up(&mut self) -> bool {
        match self.sync.as_mut() {
            None => true,
            Some(sync) => sync.is_saved() || sync.write_failed(),
        }
    }

    /// No peers, no write under way, nothing unsaved: the document may leave memory.
    fn idle(&mut self) -> bool {
        self.subscribers.is_empty() && self.write.is_none() && self.retry_at.is_none() && self.sync.as_ref().is_none_or(DocSync::is_saved)
    }

    /// Removes this actor from the registry if no connection holds or is using its sender and
    /// its inbox is empty (or unconditionally when `force`). Returns whether it left.
    ///
    /// Connections take a sender only under the registry lock, so once the registry's sender is
    /// the only one and the inbox is empty, no message can still arrive.
    fn leave_registry(&self, inbox: &mpsc::Receiver<Command>, force: bool) -> bool {
        let mut registry = self.state.registry();
        match registry.get(&self.id) {
            Some(sender) if force || (sender.strong_count() == 1 && inbox.is_empty()) => {
                registry.remove(&self.id);
                true
            }
            Some(_) => false,
            None => true,
        }
    }
}

async fn wait_for_write(write: &mut Option<JoinHandle<Result<(), StorageError>>>) -> Result<Result<(), StorageError>, JoinError> {
    match write.as_mut() {
        Some(handle) => handle.await,
        None => std::future::pending().await,
    }
}

/// The sync core's name for one connection's session with this document.
fn session_of(connection: u64) -> Option<PeerId> {
    // "c" and digits: always a valid peer id, so `None` does not happen.
    PeerId::new(format!("c{connection}")).ok()
}

/// The peer a document message comes from.
fn message_sender(message: &Message) -> Option<&PeerId> {
    match message {
        Message::Sync { sender, .. } | Message::Request { sender, .. } | Message::DocUnavailable { sender, .. } | Message::Ephemeral { sender, .. } => Some(sender),
        _ => None,
    }
}

/// `message` with its sender and/or target replaced; `None` for messages that are not about a
/// document (the handshake routes only document messages here).
fn readdressed(message: Message, new_sender: Option<&PeerId>, new_target: Option<&PeerId>) -> Option<Message> {
    let pick = |new: Option<&PeerId>, old: PeerId| new.cloned().unwrap_or(old);
    Some(match message {
        Message::Sync { sender, target, document, data } => Message::Sync { sender: pick(new_sender, sender), target: pick(new_target, target), document, data },
        Message::Request { sender, target, document, data } => {
            Message::Request { sender: pick(new_sender, sender), target: pick(new_target, target), document, data }
        }
        Message::DocUnavailable { sender, target, document } => {
            Message::DocUnavailable { sender: pick(new_sender, sender), target: pick(new_target, target), document }
        }
        Message::Ephemeral { sender, target, document, count, session, data } => {
            Message::Ephemeral { sender: pick(new_sender, sender), target: pick(new_target, target), document, count, session, data }
        }
        _ => return None,
    })
}

/// What a caught panic said, for the log.
fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}
