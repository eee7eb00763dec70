//! Persistence on this device: the IndexedDB backend of `radslag_protocol::storage::Storage`.
//!
//! Invariant: only this module touches IndexedDB. A write is done only when its transaction
//! completes; every request error, transaction error and abort becomes a `StorageError` whose
//! kind says what a person can do (the app words it: `problems::storage_failure`).

mod indexed_db;
mod persistence;

pub use indexed_db::IndexedDbStorage;
pub use persistence::{ask_to_persist, Persistence};

/// The database the app uses; tests use their own unique names.
pub const DATABASE_NAME: &str = "radslag";
