//! What a connection and the document actors it talks to hand each other: the connection's
//! [`Link`] (queue a frame with bounded memory, or ask it to close with a code and a reason),
//! the close codes, and the [`Command`]s a document actor's inbox takes. `document` needs only
//! these from the connection side, so it does not import `connection` (which calls into it).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Bytes;
use radslag_protocol::{Message, PeerId};
use tokio::sync::{mpsc, watch};

/// WebSocket close codes the relay uses (RFC 6455, section 7.4.1).
pub mod close_code {
    pub const NORMAL: u16 = 1000;
    pub const GOING_AWAY: u16 = 1001;
    /// A text frame: the protocol is binary CBOR.
    pub const UNSUPPORTED_DATA: u16 = 1003;
    /// A frame we could not read, a protocol violation, a flood.
    pub const POLICY_VIOLATION: u16 = 1008;
    pub const MESSAGE_TOO_BIG: u16 = 1009;
    /// The client reads too slowly: its outgoing queue is full.
    pub const TRY_AGAIN_LATER: u16 = 1013;
}

/// Why and how a connection is being closed.
#[derive(Debug, Clone)]
pub struct CloseRequest {
    pub code: u16,
    pub reason: String,
    /// Deliver what is already queued (e.g. an `error` message) before the close frame.
    pub flush: bool,
}

/// What the writer sends: a protocol frame, or a ping to see whether a quiet client is there.
#[derive(Debug)]
pub enum Outgoing {
    Frame(Bytes),
    Ping,
}

/// The handle other tasks hold on a connection: queue a frame, or ask it to close.
#[derive(Debug)]
pub struct Link {
    id: u64,
    out: mpsc::Sender<Outgoing>,
    close: watch::Sender<Option<CloseRequest>>,
    /// Bytes queued and not yet written, bounded by `max_queued_bytes`.
    queued_bytes: AtomicUsize,
    max_queued_bytes: usize,
    /// A reader's connection: the documents' actors store and forward nothing it sends.
    read_only: bool,
}

impl Link {
    pub fn new(id: u64, out: mpsc::Sender<Outgoing>, close: watch::Sender<Option<CloseRequest>>, max_queued_bytes: usize) -> Self {
        Link { id, out, close, queued_bytes: AtomicUsize::new(0), max_queued_bytes, read_only: false }
    }

    /// The same link for a device that may only read.
    pub fn read_only(mut self, read_only: bool) -> Self {
        self.read_only = read_only;
        self
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    /// Queues a frame without waiting. A full queue (in frames or in bytes) means the client
    /// does not keep up: the connection is closed rather than let it hold anyone else up.
    pub fn send(&self, frame: Vec<u8>) {
        let len = frame.len();
        let before = self.queued_bytes.fetch_add(len, Ordering::Relaxed);
        if before + len > self.max_queued_bytes && before > 0 {
            self.queued_bytes.fetch_sub(len, Ordering::Relaxed);
            return self.too_slow(format!("the client reads too slowly: more than {} bytes wait for it", self.max_queued_bytes));
        }
        match self.out.try_send(Outgoing::Frame(Bytes::from(frame))) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(_)) => {
                self.queued_bytes.fetch_sub(len, Ordering::Relaxed);
                self.too_slow("the client reads too slowly: its outgoing queue is full".into());
            }
            // The connection is already gone; its actors hear of it through `PeerGone`.
            Err(mpsc::error::TrySendError::Closed(_)) => {}
        }
    }

    fn too_slow(&self, reason: String) {
        self.close(CloseRequest { code: close_code::TRY_AGAIN_LATER, reason, flush: false });
    }

    /// Asks a quiet client for a pong (best effort: a full queue has its own remedy).
    pub(crate) fn ping(&self) {
        let _ = self.out.try_send(Outgoing::Ping);
    }

    /// The writer wrote a frame of `len` bytes.
    pub(crate) fn written(&self, len: usize) {
        self.queued_bytes.fetch_sub(len, Ordering::Relaxed);
    }

    /// Sends an `error` message with `reason`, then closes with `code`.
    pub fn fail(&self, me: &PeerId, peer: Option<&PeerId>, code: u16, reason: String) {
        let error = Message::Error { sender: Some(me.clone()), target: peer.cloned(), message: reason.clone() };
        // Best effort: if the queue is full the close below still happens.
        let _ = self.out.try_send(Outgoing::Frame(Bytes::from(error.encode())));
        self.close(CloseRequest { code, reason, flush: true });
    }

    /// Asks the connection to close; the first request wins and is logged.
    pub fn close(&self, request: CloseRequest) {
        let id = self.id;
        self.close.send_if_modified(|current| {
            if current.is_some() {
                return false;
            }
            match request.code {
                close_code::NORMAL | close_code::GOING_AWAY => {
                    tracing::debug!(connection = id, code = request.code, "closing: {}", request.reason)
                }
                _ => tracing::warn!(connection = id, code = request.code, "closing the connection: {}", request.reason),
            }
            *current = Some(request);
            true
        });
    }
}

/// A connection subscribed to a document, under the peer id it joined with.
#[derive(Debug, Clone)]
pub struct Subscriber {
    pub peer: PeerId,
    pub link: Arc<Link>,
}

/// What connections tell a document's actor.
#[derive(Debug)]
pub enum Command {
    /// A document message from a peer (already decoded and checked by the handshake).
    FromPeer { from: Subscriber, message: Message },
    /// The connection closed.
    PeerGone { peer: PeerId, connection: u64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_outgoing_queue_closes_that_connection_instead_of_waiting() {
        let (out, _rx) = mpsc::channel(1);
        let (close, close_rx) = watch::channel(None);
        let link = Link::new(7, out, close, 1 << 20);
        link.send(vec![1]);
        assert!(close_rx.borrow().is_none(), "one frame fits");
        link.send(vec![2]);
        let request = close_rx.borrow().clone().expect("the second frame overflows and closes");
        assert_eq!(request.code, close_code::TRY_AGAIN_LATER);
        assert!(!request.flush, "a slow reader is not sent the backlog first");
    }

    #[test]
    fn a_queue_over_its_bytes_closes_that_connection() {
        let (out, _rx) = mpsc::channel(100);
        let (close, close_rx) = watch::channel(None);
        let link = Link::new(9, out, close, 1000);
        link.send(vec![0; 600]);
        assert!(close_rx.borrow().is_none(), "600 of 1000 bytes fit");
        link.send(vec![0; 600]);
        let request = close_rx.borrow().clone().expect("1200 bytes waiting close the connection");
        assert_eq!(request.code, close_code::TRY_AGAIN_LATER);
        assert!(request.reason.contains("1000 bytes"), "{}", request.reason);
    }

    #[test]
    fn one_frame_larger_than_the_byte_bound_still_goes_to_a_reader_that_keeps_up() {
        let (out, _rx) = mpsc::channel(100);
        let (close, close_rx) = watch::channel(None);
        let link = Link::new(10, out, close, 1000);
        link.send(vec![0; 5000]);
        assert!(close_rx.borrow().is_none(), "an empty queue takes one big frame");
    }

    #[test]
    fn the_first_close_request_wins() {
        let (out, _rx) = mpsc::channel(4);
        let (close, close_rx) = watch::channel(None);
        let link = Link::new(8, out, close, 1 << 20);
        link.close(CloseRequest { code: close_code::POLICY_VIOLATION, reason: "flood".into(), flush: true });
        link.close(CloseRequest { code: close_code::NORMAL, reason: "ended".into(), flush: false });
        assert_eq!(close_rx.borrow().as_ref().map(|r| r.code), Some(close_code::POLICY_VIOLATION));
    }
}
