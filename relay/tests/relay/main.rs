//! The relay's tests over real sockets, processes and disks, as one test binary: each file
//! below was its own binary, and linking eleven copies of tokio, axum and automerge cost more
//! than running them. One module per behaviour; `support` has what they share (the relay in
//! process and as a child process, and `TestClient`).
//!
//! `cargo test -p radslag-relay --test relay MODULE::` runs one module, e.g. `hostile_clients::`
//! against the shipped binary (`RADSLAG_RELAY_BIN`).

mod support;

mod access;
mod data_folder;
mod disk_full;
mod disk_store;
mod global_limits;
mod hostile_clients;
mod interop_js;
mod journal_faults;
mod malformed_input;
mod sigkill;
mod slow_headers;
mod sync_over_sockets;
