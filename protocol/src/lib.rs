//! radslag-protocol: the automerge-repo sync protocol as pure state machines, shared by the
//! Rådslag app (in the browser) and the relay. No sockets, no files, no clock reads: runtimes
//! feed in inputs (a frame, a finished write, the time) and carry out the effects returned.
//!
//! - [`wire`]: the protocol's messages and their CBOR encoding.
//! - [`id`]: validated document and peer ids.
//! - [`doc_sync`]: one document's sync sessions with its peers, storing before telling.
//! - [`sync_check`]: bounds a peer's sync message before automerge reads it.
//! - [`connection`]: the relay's handshake per connection.
//! - [`client`]: the app's connection to a sync server, with reconnect backoff.
//! - [`storage`]: the storage trait, key layout and compaction policy.
//! - [`conformance`]: the storage conformance suite every backend runs (feature `testing`).
//! - [`testing`]: an in-memory network of peers for protocol tests (feature `testing`).

pub mod client;
#[cfg(feature = "testing")]
pub mod conformance;
pub mod connection;
pub mod doc_sync;
pub mod id;
pub mod storage;
pub mod sync_check;
#[cfg(feature = "testing")]
pub mod testing;
pub mod wire;

pub use id::{DocumentId, IdError, PeerId};
pub use wire::{DecodeError, Message};
