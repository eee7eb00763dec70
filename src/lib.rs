//! Rådslag, the app: a local-first workspace for councils, compiled to WebAssembly.
//!
//! `model`, `doc`, `councils`, `access`, `i18n`, `problems` and `text_diff` are pure (native tests). The browser modules are built
//! for wasm32 only: `storage` (IndexedDB), `sync` (the runtime around the protocol core) and
//! `ui` (Leptos). [`start`] mounts the UI at once and opens the council from IndexedDB; the
//! network is never waited for.
//! `src/main.rs` is the entry point Trunk builds.

pub mod access;
pub mod councils;
pub mod doc;
pub mod i18n;
pub mod model;
pub mod problems;
pub mod text_diff;

#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Mounts the app and opens the council (called by `main` in the browser).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    start_with(storage::DATABASE_NAME);
}

/// Mounts the app on the IndexedDB database `database` (browser tests use a fresh one each).
#[cfg(target_arch = "wasm32")]
pub fn start_with(database: &str) {
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let ready = ui::Ready(RwSignal::new(None));
    leptos::mount::mount_to_body(move || view! { <ui::App ready=ready/> });
    let database = database.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let result = sync::Workspace::start(&database).await.map(|_| ());
        ready.0.set(Some(result));
    });
}
