//! One WebSocket connection: its reader task (rate limit, decode on this task, the protocol's
//! `ServerConnection` handshake, routing to document actors), its writer with a bounded
//! outgoing queue, and how it is closed — always alone, with a code and a logged reason. Each
//! document a connection names is checked once against its device's council ([`Grant`]).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket};
use futures::stream::{SplitSink, SplitStream};
use futures::{SinkExt, StreamExt};
use radslag_protocol::connection::{ConnectionAction, ServerConnection};
use radslag_protocol::wire::DecodeError;
use radslag_protocol::{DocumentId, Message};
use tokio::sync::{mpsc, watch};
use tokio::time::{sleep_until, timeout};

use crate::access::live::Grant;
use crate::access::DocumentAccess;
use crate::document;
use crate::limits::RateLimit;
use crate::link::{close_code, CloseRequest, Command, Link, Outgoing, Subscriber};
use crate::state::AppState;

/// How long the writer tries to deliver the final frames and the close frame.
const CLOSING_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// A WebSocket close reason may be at most 123 bytes.
const MAX_CLOSE_REASON_BYTES: usize = 123;

/// Closes an upgraded WebSocket whose credential was refused, before anything else is said.
/// It counts as a connection while it closes, so refused ones cannot pile up unbounded.
pub async fn refuse(state: AppState, mut socket: WebSocket, code: u16, reason: String) {
    let _running = state.tasks().token();
    let _counted = state.count_connection();
    let close = WsMessage::Close(Some(CloseFrame { code, reason: truncate_reason(&reason).to_string().into() }));
    let _ = timeout(CLOSING_TIMEOUT, async {
        socket.send(close).await?;
        // Wait for the client's answering close frame (or anything) so the close reaches it.
        let _ = socket.next().await;
        Ok::<_, axum::Error>(())
    })
    .await;
}

/// Runs one upgraded WebSocket, granted `grant`, until it closes.
pub async fn run(state: AppState, socket: WebSocket, grant: Grant) {
    // Keeps shutdown waiting until this connection has told its documents it is gone.
    let _running = state.tasks().token();
    let _counted = state.count_connection();
    let limits = state.limits().clone();
    let (out_tx, out_rx) = mpsc::channel(limits.outgoing_queue);
    let (close_tx, close_rx) = watch::channel(None);
    let link = Link::new(state.next_connection_id(), out_tx, close_tx, limits.outgoing_queue_bytes).read_only(!grant.may_write());
    let link = Arc::new(link);
    state.access().register(&grant, &link);
    state.access().seen(&grant);
    match &grant {
        Grant::Open => tracing::debug!(connection = link.id(), "connection opened"),
        Grant::Member(m) => tracing::debug!(connection = link.id(), device = m.device, council = m.council, role = m.role.as_str(), "connection opened"),
    }
    let (sink, stream) = socket.split();
    let writer = tokio::spawn(write_loop(sink, out_rx, close_rx.clone(), link.clone(), limits.socket_write_timeout));

    let mut reader = Reader {
        handshake: ServerConnection::new(state.me().clone(), state.metadata().clone()),
        rate: RateLimit::new(&limits, Instant::now()),
        documents: HashSet::new(),
        refused: HashSet::new(),
        grant,
        state: state.clone(),
        link: link.clone(),
    };
    reader.read_loop(stream, close_rx).await;
    // The reader stops only once a close is requested or the socket ended; make sure the
    // writer stops too.
    link.close(CloseRequest { code: close_code::NORMAL, reason: "the connection ended".into(), flush: false });
    if let Err(e) = writer.await {
        tracing::warn!(connection = link.id(), "the connection's writer failed: {e}");
    }
    if let Some(peer) = reader.handshake.peer().cloned() {
        for id in reader.documents {
            document::notify_if_loaded(&state, id, Command::PeerGone { peer: peer.clone(), connection: link.id() }).await;
        }
        tracing::info!(connection = link.id(), %peer, "peer disconnected");
    }
}

struct Reader {
    handshake: ServerConnection,
    rate: RateLimit,
    /// Documents this connection sent messages for; each is told when it closes.
    documents: HashSet<DocumentId>,
    /// Documents of other councils this connection asked for: answered without asking again.
    refused: HashSet<DocumentId>,
    grant: Grant,
    state: AppState,
    link: Arc<Link>,
}

/// Whether the reader goes on after a frame.
enum Next {
    Continue,
    Stop,
}

impl Reader {
    async fn read_loop(&mut self, mut stream: SplitStream<WebSocket>, mut close_rx: watch::Receiver<Option<CloseRequest>>) {
        let mut shutdown = self.state.shutdown_signal();
        let limits = self.state.limits().clone();
        let handshake_deadline = tokio::time::Instant::now() + limits.handshake_timeout;
        let mut last_heard = tokio::time::Instant::now();
        let mut pinged: Option<tokio::time::Instant> = None;
        loop {
            let joined = self.handshake.peer().is_some();
            let quiet_deadline = match pinged {
                None => last_heard + limits.ping_after,
                Some(at) => at + limits.pong_timeout,
            };
            let frame = tokio::select! {
                biased;
                _ = close_rx.wait_for(Option::is_some) => return,
                _ = shutdown.wait_for(|stopping| *stopping) => {
                    self.link.close(CloseRequest { code: close_code::GOING_AWAY, reason: "the relay is shutting down".into(), flush: true });
                    return;
                }
                _ = sleep_until(handshake_deadline), if !joined => {
                    let why = format!("no \"join\" within {} s", self.state.limits().handshake_timeout.as_secs());
                    self.fail(close_code::POLICY_VIOLATION, why);
                    return;
                }
                _ = sleep_until(quiet_deadline), if joined => {
                    if pinged.is_some() {
                        let why = format!("no answer to a ping within {} s", limits.pong_timeout.as_secs());
                        self.link.close(CloseRequest { code: close_code::GOING_AWAY, reason: why, flush: false });
                        return;
                    }
                    self.link.ping();
                    pinged = Some(tokio::time::Instant::now());
                    continue;
                }
                frame = stream.next() => frame,
            };
            last_heard = tokio::time::Instant::now();
            pinged = None;
            let next = match frame {
                None => Next::Stop,
                Some(Err(e)) => self.read_error(e),
                Some(Ok(WsMessage::Binary(bytes))) => self.frame(bytes).await,
                Some(Ok(WsMessage::Text(_))) => {
                    self.fail(close_code::UNSUPPORTED_DATA, "text frames are not part of the protocol: send binary CBOR".into());
                    Next::Stop
                }
                Some(Ok(WsMessage::Close(_))) => Next::Stop,
                Some(Ok(WsMessage::Ping(_) | WsMessage::Pong(_))) => Next::Continue,
            };
            if let Next::Stop = next {
                return;
            }
        }
    }

    fn read_error(&self, e: axum::Error) -> Next {
        let text = e.to_string();
        // tungstenite reports a message over `max_message_size` as a capacity error.
        if text.contains("Space limit exceeded") || text.contains("too long") || text.contains("too big") {
            self.fail(close_code::MESSAGE_TOO_BIG, format!("frame larger than the {} bytes allowed", self.state.limits().max_frame_bytes));
        } else {
            tracing::debug!(connection = self.link.id(), "reading from the socket failed: {text}");
        }
        Next::Stop
    }

    async fn frame(&mut self, bytes: Bytes) -> Next {
        if let Err(why) = self.rate.admit(bytes.len(), Instant::now()) {
            self.fail(close_code::POLICY_VIOLATION, format!("flood: {why}"));
            return Next::Stop;
        }
        let before_join = self.state.limits().max_handshake_frame_bytes;
        if self.handshake.peer().is_none() && bytes.len() > before_join {
            self.fail(close_code::MESSAGE_TOO_BIG, format!("a frame before \"join\" may be at most {before_join} bytes"));
            return Next::Stop;
        }
        let message = match Message::decode(&bytes) {
            Ok(m) => m,
            Err(e) => {
                let code = match e {
                    DecodeError::TooLarge(_) => close_code::MESSAGE_TOO_BIG,
                    _ => close_code::POLICY_VIOLATION,
                };
                self.fail(code, format!("unreadable message: {e}"));
                return Next::Stop;
            }
        };
        match self.handshake.handle(message) {
            ConnectionAction::Reply(reply) => {
                if let Some(peer) = self.handshake.peer() {
                    tracing::info!(connection = self.link.id(), %peer, "peer joined");
                }
                self.link.send(reply.encode());
                Next::Continue
            }
            ConnectionAction::Ignore => Next::Continue,
            ConnectionAction::Left => {
                self.link.close(CloseRequest { code: close_code::NORMAL, reason: "peer left".into(), flush: true });
                Next::Stop
            }
            ConnectionAction::Close(why) => {
                self.fail(close_code::POLICY_VIOLATION, why);
                Next::Stop
            }
            ConnectionAction::ToDocument(message) => self.route_to_document(message).await,
        }
    }

    async fn route_to_document(&mut self, message: Message) -> Next {
        let (Some(id), Some(peer)) = (message.document().copied(), self.handshake.peer().cloned()) else {
            return Next::Continue;
        };
        let max_ephemeral = self.state.limits().max_ephemeral_bytes;
        if let Message::Ephemeral { data, .. } = &message {
            if data.len() > max_ephemeral {
                // Every peer of the document would get a copy.
                self.fail(close_code::POLICY_VIOLATION, format!("an ephemeral message may carry at most {max_ephemeral} bytes"));
                return Next::Stop;
            }
        }
        if !self.documents.contains(&id) {
            if self.refused.contains(&id) {
                return self.unavailable(&message, &peer);
            }
            let max = self.state.limits().documents_per_connection;
            if self.documents.len() + self.refused.len() >= max {
                self.fail(close_code::POLICY_VIOLATION, format!("more than {max} documents open on one connection"));
                return Next::Stop;
            }
            match self.decide(&id, &message).await {
                Ok(DocumentAccess::Allowed | DocumentAccess::Claim) => {}
                Ok(DocumentAccess::Refused) => {
                    self.refused.insert(id);
                    return self.unavailable(&message, &peer);
                }
                // Not remembered: an editor may create it a moment later.
                Ok(DocumentAccess::Missing) => return self.unavailable(&message, &peer),
                Err(why) => {
                    self.fail(close_code::TRY_AGAIN_LATER, why);
                    return Next::Stop;
                }
            }
            self.documents.insert(id);
        }
        let from = Subscriber { peer, link: self.link.clone() };
        if let Err(full) = document::deliver(&self.state, id, Command::FromPeer { from, message }).await {
            self.link.fail(self.state.me(), self.handshake.peer(), close_code::TRY_AGAIN_LATER, full.to_string());
            return Next::Stop;
        }
        Next::Continue
    }

    /// What this connection's device may do with `id`; an unowned document it may create
    /// becomes its council's, durably, before any message reaches it.
    async fn decide(&self, id: &DocumentId, message: &Message) -> Result<DocumentAccess, String> {
        let access = self.state.access();
        match access.document_access(&self.grant, id) {
            // A document is created by syncing it; presence for a document nobody has
            // claims nothing (and writes nothing to the access file).
            DocumentAccess::Claim if !matches!(message, Message::Sync { .. } | Message::Request { .. }) => Ok(DocumentAccess::Missing),
            DocumentAccess::Claim => access.claim(&self.grant, id).await.map_err(|e| {
                tracing::error!(document = %id, "could not record which council owns a new document: {e}");
                format!("the relay could not record document {id} as your council's; try again later")
            }),
            decided => Ok(decided),
        }
    }

    /// Answers a sync or request for a document this device may not have as automerge-repo
    /// does for a document nobody has; other messages for it are dropped.
    fn unavailable(&self, message: &Message, peer: &radslag_protocol::PeerId) -> Next {
        if let Message::Sync { document, .. } | Message::Request { document, .. } = message {
            let reply = Message::DocUnavailable { sender: self.state.me().clone(), target: peer.clone(), document: *document };
            self.link.send(reply.encode());
        }
        Next::Continue
    }

    fn fail(&self, code: u16, reason: String) {
        self.link.fail(self.state.me(), self.handshake.peer(), code, reason);
    }
}

async fn write_loop(
    mut sink: SplitSink<WebSocket, WsMessage>,
    mut out: mpsc::Receiver<Outgoing>,
    mut close_rx: watch::Receiver<Option<CloseRequest>>,
    link: Arc<Link>,
    write_timeout: std::time::Duration,
) {
    loop {
        let frame = tokio::select! {
            biased;
            _ = close_rx.wait_for(Option::is_some) => break,
            frame = out.recv() => frame,
        };
        let message = match frame {
            None => break,
            Some(Outgoing::Frame(frame)) => {
                link.written(frame.len());
                WsMessage::Binary(frame)
            }
            Some(Outgoing::Ping) => WsMessage::Ping(Bytes::new()),
        };
        let sent = tokio::select! {
            biased;
            _ = close_rx.wait_for(Option::is_some) => break,
            sent = timeout(write_timeout, sink.send(message)) => sent,
        };
        match sent {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                link.close(CloseRequest { code: close_code::NORMAL, reason: format!("writing to the socket failed: {e}"), flush: false });
                return;
            }
            Err(_) => {
                link.close(CloseRequest {
                    code: close_code::TRY_AGAIN_LATER,
                    reason: format!("the client did not read for {} s", write_timeout.as_secs()),
                    flush: false,
                });
                return;
            }
        }
    }
    let request = close_rx.borrow().clone();
    let Some(request) = request else { return };
    let closing = async {
        if request.flush {
            while let Ok(queued) = out.try_recv() {
                if let Outgoing::Frame(frame) = queued {
                    sink.send(WsMessage::Binary(frame)).await?;
                }
            }
        }
        let reason = truncate_reason(&request.reason);
        sink.send(WsMessage::Close(Some(CloseFrame { code: request.code, reason: reason.into() }))).await?;
        sink.close().await
    };
    // The client may be gone already or not reading: that is fine, the socket is dropped anyway.
    let _ = timeout(CLOSING_TIMEOUT, closing).await;
}

fn truncate_reason(reason: &str) -> &str {
    if reason.len() <= MAX_CLOSE_REASON_BYTES {
        return reason;
    }
    let mut end = MAX_CLOSE_REASON_BYTES;
    while !reason.is_char_boundary(end) {
        end -= 1;
    }
    &reason[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_reasons_are_cut_at_a_character_boundary() {
        assert_eq!(truncate_reason("short"), "short");
        let long = "å".repeat(100);
        let cut = truncate_reason(&long);
        assert!(cut.len() <= MAX_CLOSE_REASON_BYTES && cut.chars().all(|c| c == 'å'));
    }
}
