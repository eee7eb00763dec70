//! The relay's side of one WebSocket connection before and after the handshake: a client must
//! `join` first; we answer `peer`; after that only document messages addressed to us pass.

use crate::id::PeerId;
use crate::wire::{Message, PeerMetadata, PROTOCOL_VERSION};

/// Where a connection is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionState {
    AwaitingJoin,
    Joined(PeerId),
    Closed,
}

/// What the runtime does with one incoming message.
#[derive(Debug, PartialEq)]
pub enum ConnectionAction {
    /// Send this reply on the connection (the `peer` answer to a `join`).
    Reply(Message),
    /// Hand this document message to its document's session.
    ToDocument(Message),
    /// Ignore it (a message type we do not act on).
    Ignore,
    /// The peer said `leave`: close the connection normally.
    Left,
    /// Send `error` with this text, then close the connection.
    Close(String),
}

/// The handshake and addressing rules for one connection, sans-IO.
pub struct ServerConnection {
    me: PeerId,
    metadata: PeerMetadata,
    state: ConnectionState,
}

impl ServerConnection {
    pub fn new(me: PeerId, metadata: PeerMetadata) -> Self {
        ServerConnection { me, metadata, state: ConnectionState::AwaitingJoin }
    }

    pub fn state(&self) -> &ConnectionState {
        &self.state
    }

    pub fn peer(&self) -> Option<&PeerId> {
        match &self.state {
            ConnectionState::Joined(p) => Some(p),
            _ => None,
        }
    }

    pub fn handle(&mut self, msg: Message) -> ConnectionAction {
        match (&self.state, msg) {
            (ConnectionState::Closed, _) => ConnectionAction::Ignore,
            (ConnectionState::AwaitingJoin, Message::Join { sender, supported_versions, .. }) => {
                if !supported_versions.iter().any(|v| v == PROTOCOL_VERSION) {
                    self.state = ConnectionState::Closed;
                    return ConnectionAction::Close(format!(
                        "unsupported protocol versions {supported_versions:?}; this relay speaks \"{PROTOCOL_VERSION}\""
                    ));
                }
                self.state = ConnectionState::Joined(sender.clone());
                ConnectionAction::Reply(Message::Peer {
                    sender: self.me.clone(),
                    target: sender,
                    metadata: self.metadata.clone(),
                    selected_version: PROTOCOL_VERSION.to_string(),
                })
            }
            (ConnectionState::AwaitingJoin, other) => {
                self.state = ConnectionState::Closed;
                ConnectionAction::Close(format!("expected \"join\" first, got \"{}\"", other.type_name()))
            }
            (ConnectionState::Joined(_), Message::Join { .. }) => {
                self.state = ConnectionState::Closed;
                ConnectionAction::Close("\"join\" sent twice on one connection".into())
            }
            (ConnectionState::Joined(_), Message::Leave { .. }) => {
                self.state = ConnectionState::Closed;
                ConnectionAction::Left
            }
            (ConnectionState::Joined(peer), msg @ (Message::Sync { .. } | Message::Request { .. } | Message::DocUnavailable { .. } | Message::Ephemeral { .. })) => {
                let (sender, target) = match &msg {
                    Message::Sync { sender, target, .. }
                    | Message::Request { sender, target, .. }
                    | Message::DocUnavailable { sender, target, .. }
                    | Message::Ephemeral { sender, target, .. } => (sender, target),
                    _ => unreachable!("matched above"),
                };
                if sender != peer && matches!(msg, Message::Ephemeral { .. }) {
                    // automerge-repo peers pass on every ephemeral message they receive to their
                    // other peers, keeping the original sender: so a client echoes back what we
                    // forwarded to it. We already delivered it; drop the echo, trust nothing in it.
                    return ConnectionAction::Ignore;
                }
                if sender != peer {
                    let why = format!("message claims to be from {sender} but this connection joined as {peer}");
                    self.state = ConnectionState::Closed;
                    return ConnectionAction::Close(why);
                }
                if *target != self.me {
                    // Addressed to someone else: this relay does not route between peers by id.
                    return ConnectionAction::Ignore;
                }
                ConnectionAction::ToDocument(msg)
            }
            (ConnectionState::Joined(_), Message::Error { .. }) => {
                self.state = ConnectionState::Closed;
                ConnectionAction::Close("peer reported an error".into())
            }
            (ConnectionState::Joined(_), _) => ConnectionAction::Ignore,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::DocumentId;

    fn p(s: &str) -> PeerId {
        PeerId::new(s).expect("peer id")
    }

    #[test]
    fn join_is_answered_with_peer_and_then_documents_pass() {
        let mut c = ServerConnection::new(p("relay"), PeerMetadata::default());
        let reply = c.handle(Message::Join { sender: p("alice"), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] });
        assert!(matches!(reply, ConnectionAction::Reply(Message::Peer { ref target, .. }) if *target == p("alice")));
        let sync = Message::Sync { sender: p("alice"), target: p("relay"), document: DocumentId::from_bytes([1; 16]), data: vec![] };
        assert_eq!(c.handle(sync.clone()), ConnectionAction::ToDocument(sync));
    }

    #[test]
    fn a_message_before_join_closes() {
        let mut c = ServerConnection::new(p("relay"), PeerMetadata::default());
        let sync = Message::Sync { sender: p("alice"), target: p("relay"), document: DocumentId::from_bytes([1; 16]), data: vec![] };
        assert!(matches!(c.handle(sync), ConnectionAction::Close(_)));
    }

    #[test]
    fn a_forged_sender_closes() {
        let mut c = ServerConnection::new(p("relay"), PeerMetadata::default());
        c.handle(Message::Join { sender: p("alice"), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] });
        let forged = Message::Sync { sender: p("bob"), target: p("relay"), document: DocumentId::from_bytes([1; 16]), data: vec![] };
        assert!(matches!(c.handle(forged), ConnectionAction::Close(_)));
    }

    #[test]
    fn an_ephemeral_echo_from_a_javascript_peer_is_dropped_not_a_reason_to_close() {
        let mut c = ServerConnection::new(p("relay"), PeerMetadata::default());
        c.handle(Message::Join { sender: p("alice"), metadata: PeerMetadata::default(), supported_versions: vec!["1".into()] });
        // automerge-repo's DocSynchronizer re-sends bob's presence with bob as sender.
        let echo = Message::Ephemeral {
            sender: p("bob"),
            target: p("relay"),
            document: DocumentId::from_bytes([1; 16]),
            count: 1,
            session: "s".into(),
            data: vec![0x60],
        };
        assert_eq!(c.handle(echo), ConnectionAction::Ignore);
        assert_eq!(c.state(), &ConnectionState::Joined(p("alice")));
    }

    #[test]
    fn an_unknown_version_closes() {
        let mut c = ServerConnection::new(p("relay"), PeerMetadata::default());
        let join = Message::Join { sender: p("alice"), metadata: PeerMetadata::default(), supported_versions: vec!["9".into()] };
        assert!(matches!(c.handle(join), ConnectionAction::Close(_)));
    }
}
