//! The relay's named limits (frame size, queue lengths, rates, timeouts) and the token bucket
//! that closes a flooding connection. Pure: the time is an argument.

use std::time::{Duration, Instant};

use radslag_protocol::wire::MAX_FRAME_BYTES;

/// Every bound the relay enforces, in one place. [`Limits::default`] is what the binary uses.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest WebSocket message (and frame) accepted; bigger closes with 1009.
    pub max_frame_bytes: usize,
    /// Largest frame before `join`: a stranger gets no more memory than a handshake needs.
    pub max_handshake_frame_bytes: usize,
    /// Largest `ephemeral` payload (presence); it is copied to every peer of the document.
    pub max_ephemeral_bytes: usize,
    /// Frames waiting to be written to one connection; a full queue closes that connection.
    pub outgoing_queue: usize,
    /// Bytes waiting to be written to one connection; more closes that connection.
    pub outgoing_queue_bytes: usize,
    /// Open WebSocket connections, all together; more are answered 503.
    pub max_connections: usize,
    /// Documents in memory, all together; a message for one more is refused until some leave.
    pub max_loaded_documents: usize,
    /// A joined connection that has sent nothing for this long is pinged...
    pub ping_after: std::time::Duration,
    /// ...and closed if it still sends nothing (not even the pong) for this long after.
    pub pong_timeout: std::time::Duration,
    /// Commands waiting for one document's actor; senders wait (back-pressure on that peer).
    pub document_inbox: usize,
    /// Sustained messages per second one connection may send, and the burst above it.
    pub messages_per_second: f64,
    pub message_burst: f64,
    /// Sustained bytes per second one connection may send, and the burst above it.
    pub bytes_per_second: f64,
    pub byte_burst: f64,
    /// Documents one connection may have open at once.
    pub documents_per_connection: usize,
    /// An HTTP connection that has not sent its request headers by then is closed.
    pub header_read_timeout: Duration,
    /// A connection that has not sent `join` by then is closed.
    pub handshake_timeout: Duration,
    /// A document with no peers and nothing unsaved leaves memory after this long.
    pub idle_unload: Duration,
    /// Wait before retrying a failed write.
    pub write_retry: Duration,
    /// How long a write to one socket may take before the connection is given up.
    pub socket_write_timeout: Duration,
    /// Largest body an `/access` endpoint reads (its JSON has a few short fields); more is 413.
    pub access_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_frame_bytes: MAX_FRAME_BYTES,
            max_handshake_frame_bytes: 4 * 1024,
            max_ephemeral_bytes: 2 * 1024,
            outgoing_queue: 1024,
            // One largest frame and then some: a first sync of a big document still fits.
            outgoing_queue_bytes: 2 * MAX_FRAME_BYTES,
            max_connections: 10_000,
            max_loaded_documents: 20_000,
            ping_after: Duration::from_secs(60),
            pong_timeout: Duration::from_secs(30),
            document_inbox: 256,
            messages_per_second: 1000.0,
            message_burst: 5000.0,
            bytes_per_second: 8.0 * 1024.0 * 1024.0,
            byte_burst: 2.0 * MAX_FRAME_BYTES as f64,
            documents_per_connection: 2_000,
            header_read_timeout: Duration::from_secs(10),
            handshake_timeout: Duration::from_secs(10),
            idle_unload: Duration::from_secs(60),
            write_retry: Duration::from_secs(1),
            socket_write_timeout: Duration::from_secs(30),
            access_body_bytes: 4 * 1024,
        }
    }
}

/// A token bucket: `rate` tokens per second, holding at most `burst`.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    pub fn new(rate: f64, burst: f64, now: Instant) -> Self {
        TokenBucket { rate, burst, tokens: burst, last: now }
    }

    /// Takes `cost` tokens if there are enough; false means the sender is over its limit.
    pub fn take(&mut self, cost: f64, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        if self.tokens >= cost {
            self.tokens -= cost;
            true
        } else {
            false
        }
    }
}

/// Both buckets of one connection: messages and bytes.
#[derive(Debug, Clone)]
pub struct RateLimit {
    messages: TokenBucket,
    bytes: TokenBucket,
}

impl RateLimit {
    pub fn new(limits: &Limits, now: Instant) -> Self {
        RateLimit {
            messages: TokenBucket::new(limits.messages_per_second, limits.message_burst, now),
            bytes: TokenBucket::new(limits.bytes_per_second, limits.byte_burst, now),
        }
    }

    /// Accounts one incoming frame of `len` bytes; `Err` says which limit it broke.
    pub fn admit(&mut self, len: usize, now: Instant) -> Result<(), &'static str> {
        if !self.messages.take(1.0, now) {
            return Err("too many messages per second");
        }
        if !self.bytes.take(len as f64, now) {
            return Err("too many bytes per second");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_the_rate_holds() {
        let t0 = Instant::now();
        let mut b = TokenBucket::new(10.0, 20.0, t0);
        assert!((0..20).all(|_| b.take(1.0, t0)), "the burst of 20 passes");
        assert!(!b.take(1.0, t0), "the 21st at the same instant is refused");
        let later = t0 + Duration::from_millis(500);
        assert!((0..5).all(|_| b.take(1.0, later)), "half a second refills 5");
        assert!(!b.take(1.0, later));
    }

    #[test]
    fn one_frame_of_the_largest_size_is_admitted() {
        let t0 = Instant::now();
        let mut r = RateLimit::new(&Limits::default(), t0);
        assert_eq!(r.admit(MAX_FRAME_BYTES, t0), Ok(()));
    }
}
