//! One document's sync session with all its peers, as a state machine: inputs in, effects out.
//! It keeps the relay's first promise, store before telling: while a change is not yet durable,
//! nothing that reflects it is sent, and inputs that arrive during a write wait and then share
//! the next write (group commit).

use std::collections::{BTreeMap, VecDeque};

use automerge::{sync, sync::SyncDoc, AutoCommit, ChangeHash};

use crate::id::{DocumentId, PeerId};
use crate::storage::{DocumentStore, PendingWrite, StorageKey};
use crate::wire::Message;

/// An input to a document's session.
#[derive(Debug)]
pub enum DocInput {
    /// A `request`, `sync`, `doc-unavailable` or `ephemeral` message from a peer.
    FromPeer(Message),
    /// Start syncing this document with `peer` (we offer it, or ask for it if we have nothing).
    AddPeer(PeerId),
    /// The peer disconnected: forget its sync state.
    RemovePeer(PeerId),
    /// The local document was changed through [`DocSync::doc_mut`].
    LocalChange,
    /// The write handed out in [`DocEffects::write`] is durable.
    WriteDone,
    /// The write failed: the change stays unsaved and unsent; the runtime may retry with
    /// [`DocInput::RetryWrite`].
    WriteFailed,
    RetryWrite,
}

/// What the runtime must do after an input.
#[derive(Debug, Default)]
pub struct DocEffects {
    pub send: Vec<Message>,
    /// Write this chunk durably, then send [`DocInput::WriteDone`].
    pub write: Option<PendingWrite>,
    /// Chunks made redundant by a durable snapshot; safe to delete.
    pub remove: Vec<StorageKey>,
    /// The document's content changed: views should re-read it.
    pub changed: bool,
    /// A peer sent a message we could not apply; the runtime should disconnect it.
    pub bad_peer: Option<(PeerId, String)>,
    /// The peer told us it does not have the document either.
    pub unavailable_from: Vec<PeerId>,
}

struct PeerSync {
    state: sync::State,
    /// The peer's confirmed heads include every change we have (as of the last input).
    confirmed: bool,
    /// Set once we told this peer we do not have the document, so we say it once.
    told_unavailable: bool,
    /// The peer asked with `request`: it has nothing and waits for us.
    requested: bool,
    /// The peer said something: it gets a sync message at the next chance to send.
    due: bool,
    /// Our heads as carried by the last message we sent this peer: what it knows we have.
    told: Vec<ChangeHash>,
}

/// A document and its sync sessions with every peer that has it open.
pub struct DocSync {
    id: DocumentId,
    me: PeerId,
    doc: AutoCommit,
    store: DocumentStore,
    peers: BTreeMap<PeerId, PeerSync>,
    write_in_flight: Option<PendingWrite>,
    write_failed: bool,
    /// Peer messages that arrived while a write was in flight.
    backlog: VecDeque<Message>,
    /// The document's heads after the last input. Status questions read this rather than the
    /// document, because asking an `AutoCommit` for its heads commits pending typing.
    heads: Vec<ChangeHash>,
    /// The document changed: every peer gets a sync message at the next chance to send. Without
    /// a change only the peers that spoke are answered, so a change with thirty peers costs
    /// thirty sync messages, not thirty for each of their thirty acknowledgements.
    all_due: bool,
}

impl DocSync {
    pub fn new(id: DocumentId, me: PeerId, doc: AutoCommit, store: DocumentStore) -> Self {
        let mut sync = DocSync {
            id,
            me,
            doc,
            store,
            peers: BTreeMap::new(),
            write_in_flight: None,
            write_failed: false,
            backlog: VecDeque::new(),
            heads: Vec::new(),
            all_due: false,
        };
        sync.refresh();
        sync
    }

    pub fn id(&self) -> &DocumentId {
        &self.id
    }

    /// The document, for reading (hydrating) it.
    pub fn doc(&self) -> &AutoCommit {
        &self.doc
    }

    /// Change the document locally, then send [`DocInput::LocalChange`].
    pub fn doc_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    pub fn peers(&self) -> impl Iterator<Item = &PeerId> {
        self.peers.keys()
    }

    pub fn has_peer(&self, peer: &PeerId) -> bool {
        self.peers.contains_key(peer)
    }

    /// True when every local change (as of the last input) is in storage.
    pub fn is_saved(&self) -> bool {
        self.write_in_flight.is_none() && self.store.is_saved_at(&self.heads)
    }

    pub fn write_failed(&self) -> bool {
        self.write_failed
    }

    /// True when `peer` has confirmed heads that include every change we have.
    pub fn peer_has_everything(&self, peer: &PeerId) -> bool {
        self.peers.get(peer).is_some_and(|p| p.confirmed)
    }

    /// The document's heads as of the last input.
    pub fn heads(&self) -> &[ChangeHash] {
        &self.heads
    }

    /// Re-reads the heads and which peers have everything; run after every input.
    /// Only the cheap test (every head of ours is among theirs): when a peer is ahead of us, its
    /// changes are on their way, and the test passes once they have arrived.
    fn refresh(&mut self) {
        self.heads = self.doc.get_heads();
        for peer in self.peers.values_mut() {
            peer.confirmed = peer.state.their_heads.as_ref().is_some_and(|theirs| self.heads.iter().all(|h| theirs.contains(h)));
        }
    }

    pub fn handle(&mut self, input: DocInput) -> DocEffects {
        let fx = self.handle_input(input);
        self.refresh();
        fx
    }

    fn handle_input(&mut self, input: DocInput) -> DocEffects {
        let mut fx = DocEffects::default();
        match input {
            DocInput::FromPeer(msg) => {
                if self.write_in_flight.is_some() {
                    self.backlog.push_back(msg);
                    return fx;
                }
                self.apply(msg, &mut fx);
            }
            DocInput::AddPeer(peer) => {
                self.peers.entry(peer).or_insert_with(new_peer).due = true;
            }
            DocInput::RemovePeer(peer) => {
                self.peers.remove(&peer);
                self.backlog.retain(|m| sender_of(m) != Some(&peer));
            }
            DocInput::LocalChange => self.all_due = true,
            DocInput::WriteDone => {
                // Sends were held while the write was in flight.
                self.all_due = true;
                if let Some(write) = self.write_in_flight.take() {
                    fx.remove = self.store.wrote(&write);
                }
                self.write_failed = false;
                // Everything that queued behind the write is applied now and shares one write.
                while let Some(msg) = self.backlog.pop_front() {
                    self.apply(msg, &mut fx);
                }
            }
            DocInput::WriteFailed => {
                self.write_in_flight = None;
                self.write_failed = true;
                return fx;
            }
            DocInput::RetryWrite => {
                self.write_failed = false;
                self.all_due = true;
            }
        }
        self.write_or_send(&mut fx);
        fx
    }

    fn apply(&mut self, msg: Message, fx: &mut DocEffects) {
        match msg {
            Message::Sync { sender, data, .. } | Message::Request { sender, data, .. } => {
                if let Err(e) = crate::sync_check::check_sync_message(&data) {
                    fx.bad_peer = Some((sender, format!("refused sync message: {e}")));
                    return;
                }
                let parsed = match sync::Message::decode(&data) {
                    Ok(m) => m,
                    Err(e) => {
                        fx.bad_peer = Some((sender, format!("unreadable sync message: {e}")));
                        return;
                    }
                };
                let before = self.doc.get_heads();
                let peer = self.peers.entry(sender.clone()).or_insert_with(new_peer);
                peer.due = true;
                if let Err(e) = self.doc.sync().receive_sync_message(&mut peer.state, parsed) {
                    fx.bad_peer = Some((sender.clone(), format!("sync message could not be applied: {e}")));
                    self.peers.remove(&sender);
                    return;
                }
                if self.doc.get_heads() != before {
                    fx.changed = true;
                    self.all_due = true;
                }
            }
            Message::DocUnavailable { sender, .. } => {
                self.peers.entry(sender.clone()).or_insert_with(new_peer).due = true;
                fx.unavailable_from.push(sender);
            }
            Message::Ephemeral { sender, document, count, session, data, .. } => {
                // Presence is forwarded, never stored.
                for other in self.peers.keys().filter(|p| **p != sender) {
                    fx.send.push(Message::Ephemeral {
                        sender: sender.clone(),
                        target: other.clone(),
                        document,
                        count,
                        session: session.clone(),
                        data: data.clone(),
                    });
                }
                self.peers.entry(sender).or_insert_with(new_peer);
            }
            _ => {}
        }
    }

    /// Either start a write (and hold every send) or, when all is durable, sync with peers.
    fn write_or_send(&mut self, fx: &mut DocEffects) {
        if self.write_in_flight.is_some() || self.write_failed {
            return;
        }
        if let Some(write) = self.store.next_write(&self.id, self.doc.document()) {
            self.write_in_flight = Some(write.clone());
            fx.write = Some(write);
            return;
        }
        let our_heads = self.doc.get_heads();
        let have_nothing = our_heads.is_empty();
        let all = std::mem::take(&mut self.all_due);
        for (peer, sync) in self.peers.iter_mut() {
            if !std::mem::take(&mut sync.due) && !all {
                continue;
            }
            if have_nothing && sync.state.their_heads.as_ref().is_some_and(|h| h.is_empty()) {
                // Neither side has the document: say so once instead of syncing emptiness.
                if !sync.told_unavailable {
                    sync.told_unavailable = true;
                    fx.send.push(Message::DocUnavailable { sender: self.me.clone(), target: peer.clone(), document: self.id });
                }
                continue;
            }
            if sync.state.their_heads.as_deref() == Some(&our_heads[..]) && sync.told != our_heads {
                // The peer reached our heads on its own (its change crossed our last message),
                // so automerge sees nothing to send; but the peer learns that we have its change
                // only from a message of ours, and its "saved on the server" waits for that.
                sync.state.last_sent_heads.clear();
            } else if nothing_to_say(&sync.state, &our_heads) {
                continue;
            }
            if let Some(msg) = self.doc.sync().generate_sync_message(&mut sync.state) {
                sync.told.clone_from(&our_heads);
                let data = msg.encode();
                fx.send.push(if have_nothing && !sync.requested {
                    sync.requested = true;
                    Message::Request { sender: self.me.clone(), target: peer.clone(), document: self.id, data }
                } else {
                    Message::Sync { sender: self.me.clone(), target: peer.clone(), document: self.id, data }
                });
            }
        }
    }
}

/// True when automerge's `generate_sync_message` would return `None` for this peer: it has
/// answered, holds exactly our heads, which we already sent, and needs nothing. Checked first
/// because automerge builds a Bloom filter and a change set before finding that out, and every
/// change brings an acknowledgement from each of a document's peers.
fn nothing_to_say(state: &sync::State, our_heads: &[ChangeHash]) -> bool {
    state.have_responded
        && state.last_sent_heads == our_heads
        && state.their_heads.as_deref() == Some(our_heads)
        && state.their_need.as_ref().is_none_or(Vec::is_empty)
}

fn new_peer() -> PeerSync {
    PeerSync { state: sync::State::new(), confirmed: false, told_unavailable: false, requested: false, due: true, told: Vec::new() }
}

fn sender_of(m: &Message) -> Option<&PeerId> {
    match m {
        Message::Sync { sender, .. }
        | Message::Request { sender, .. }
        | Message::DocUnavailable { sender, .. }
        | Message::Ephemeral { sender, .. } => Some(sender),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::{transaction::Transactable, ROOT};

    /// Wherever the shortcut says "nothing to say", automerge agrees: syncing two documents
    /// that both keep changing, every state the shortcut skips would have produced no message.
    #[test]
    fn the_shortcut_skips_only_what_automerge_would_not_send() {
        let mut a = AutoCommit::new();
        let mut b = AutoCommit::new();
        let (mut sa, mut sb) = (sync::State::new(), sync::State::new());
        let mut skipped = 0;
        for round in 0..60 {
            if round % 3 == 0 {
                a.put(ROOT, format!("a{round}"), round).expect("put");
            }
            if round % 5 == 0 {
                b.put(ROOT, format!("b{round}"), round).expect("put");
            }
            for _ in 0..4 {
                skipped += step(&mut a, &mut sa, &mut b, &mut sb, round);
                skipped += step(&mut b, &mut sb, &mut a, &mut sa, round);
            }
        }
        assert_eq!(a.get_heads(), b.get_heads());
        assert!(skipped > 0, "the shortcut never applied");
    }

    /// The interleaving the registers e2e test caught under load: the relay's message and the
    /// member's change cross, and the member's next message (no changes, heads equal to the
    /// relay's after the write) arrives while the relay is writing. The member must still hear
    /// that the relay has its change, or its indicator never says "saved on the server".
    #[test]
    fn a_member_whose_change_crossed_our_message_still_hears_we_have_it() {
        let doc = DocumentId::from_bytes([7; 16]);
        let relay_id = PeerId::new("relay").expect("peer id");
        let member_id = PeerId::new("member").expect("peer id");
        let mut seed = AutoCommit::new();
        seed.put(ROOT, "title", "E-råd").expect("put");
        let mut relay = DocSync::new(doc, relay_id.clone(), seed.fork(), DocumentStore::new_document());
        let mut member = DocSync::new(doc, member_id.clone(), seed, DocumentStore::new_document());

        /// Feeds `input` to `side`, completing any write at once; returns what it sends.
        fn step(side: &mut DocSync, input: DocInput) -> Vec<Message> {
            let mut fx = side.handle(input);
            let mut sent = std::mem::take(&mut fx.send);
            if fx.write.is_some() {
                sent.extend(side.handle(DocInput::WriteDone).send);
            }
            sent
        }
        fn deliver(to: &mut DocSync, m: &Message) -> Vec<Message> {
            step(to, DocInput::FromPeer(m.clone()))
        }
        /// Passes messages back and forth until neither side has more to say.
        fn settle(relay: &mut DocSync, member: &mut DocSync, mut to_member: Vec<Message>, mut to_relay: Vec<Message>) {
            for _ in 0..20 {
                let next_relay: Vec<Message> = to_member.iter().flat_map(|m| deliver(member, m)).collect();
                let next_member: Vec<Message> = to_relay.iter().flat_map(|m| deliver(relay, m)).collect();
                to_member = next_member;
                to_relay = next_relay;
                if to_member.is_empty() && to_relay.is_empty() {
                    return;
                }
            }
            panic!("the two sides never went quiet");
        }

        let to_member = step(&mut relay, DocInput::AddPeer(member_id.clone()));
        let to_relay = step(&mut member, DocInput::AddPeer(relay_id.clone()));
        settle(&mut relay, &mut member, to_member, to_relay);
        assert!(member.peer_has_everything(&relay_id), "in sync to begin with");

        // The relay has a message on its way to the member (here: after a change of its own)...
        relay.doc_mut().put(ROOT, "place", "Vänersborg").expect("put");
        let crossing = step(&mut relay, DocInput::LocalChange);
        assert_eq!(crossing.len(), 1);
        // ...while the member makes a change and sends it; the relay starts writing it.
        member.doc_mut().put(ROOT, "date", "2019-04-04").expect("put");
        let change = step(&mut member, DocInput::LocalChange);
        assert_eq!(change.len(), 1);
        let fx = relay.handle(DocInput::FromPeer(change[0].clone()));
        assert!(fx.write.is_some(), "the relay writes the member's change");
        // The crossing message reaches the member, whose answer reaches the relay mid-write.
        let answer = deliver(&mut member, &crossing[0]);
        for m in &answer {
            assert!(relay.handle(DocInput::FromPeer(m.clone())).send.is_empty(), "nothing leaves mid-write");
        }
        let after_write = relay.handle(DocInput::WriteDone).send;
        settle(&mut relay, &mut member, after_write, Vec::new());
        assert_eq!(member.heads(), relay.heads());
        assert!(member.peer_has_everything(&relay_id), "the member never heard that the relay has its change");
    }

    /// One message from `from` to `to`, unless the shortcut skips it (then checks automerge
    /// would not have sent one). Returns 1 if skipped.
    fn step(from: &mut AutoCommit, state: &mut sync::State, to: &mut AutoCommit, their_state: &mut sync::State, round: i32) -> usize {
        let heads = from.get_heads();
        if nothing_to_say(state, &heads) {
            let mut probe = state.clone();
            assert!(from.sync().generate_sync_message(&mut probe).is_none(), "round {round}: the shortcut skipped a message");
            return 1;
        }
        if let Some(msg) = from.sync().generate_sync_message(state) {
            to.sync().receive_sync_message(their_state, msg).expect("applied");
        }
        0
    }
}
