//! The browser's runtime for the protocol core. `workspace` owns the open documents and carries
//! out the core's effects (IndexedDB, the WebSocket, timers); `presence` is who edits what;
//! `access` the device's credentials and the relay's `/access` calls.
//!
//! The workspace is one per page and lives in a thread-local (see [`workspace()`]): Leptos views
//! are `'static` closures that cannot borrow it, and the browser has one thread.

mod access;
mod councils;
mod presence;
mod workspace;

pub use access::{DeviceView, InvitationView, Invited};
pub use workspace::{now_secs, workspace, SyncView, Workspace};
