//! Rådslag, the app: a local-first workspace for councils, compiled to WebAssembly.
//!
//! `model` and `doc` are pure (native tests); the browser modules (storage, sync, ui) are only
//! built for wasm32.

pub mod doc;
pub mod model;
