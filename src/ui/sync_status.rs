//! The sync indicator: tells the truth about where the latest changes are — offline, syncing,
//! saved on this device, or saved on the server (only once the server confirmed them).

use leptos::prelude::*;
use radslag_protocol::client::{Connection, SaveState};

use super::{tr, with_ws};
use crate::i18n::Key;
use crate::sync::SyncView;

/// The words for a sync state: the worst of connection and save state wins.
pub fn status_key(view: SyncView) -> Key {
    match (view.save, view.connection) {
        (SaveState::NotSaved, _) => Key::StatusNotSaved,
        (SaveState::Saving, _) => Key::StatusSaving,
        (SaveState::SavedOnServer, Connection::Online) => Key::StatusSavedOnServer,
        (_, Connection::Online) => Key::StatusSyncing,
        (SaveState::SavedOnDevice | SaveState::SavedOnServer, Connection::Connecting) => Key::StatusConnecting,
        (_, Connection::Offline { .. }) => Key::StatusOffline,
    }
}

#[component]
pub fn SyncStatus() -> impl IntoView {
    let status = with_ws(|ws| ws.status());
    let key = Signal::derive({
        let status = status.clone();
        move || status.as_ref().map(|s| status_key(s.get()))
    });
    let class = move || match key.get() {
        Some(Key::StatusSavedOnServer) => "sync-status saved-server",
        Some(Key::StatusSavedOnDevice) => "sync-status saved-device",
        Some(Key::StatusOffline) => "sync-status offline",
        Some(Key::StatusNotSaved) => "sync-status not-saved",
        _ => "sync-status busy",
    };
    // With the device saved but offline, say both: the offline state and that nothing is lost.
    let detail = move || {
        status.as_ref().and_then(|s| {
            let v = s.get();
            (matches!(v.connection, Connection::Offline { .. }) && v.save >= SaveState::SavedOnDevice)
                .then(|| tr(Key::StatusSavedOnDevice))
        })
    };
    view! {
        <p class=class role="status" aria-live="polite" aria-label=move || tr(Key::SyncStatus) data-testid="sync-status">
            <span class="dot" aria-hidden="true"></span>
            <span class="state">{move || key.get().map(tr).unwrap_or("")}</span>
            {move || detail().map(|d| view! { <span class="detail">" · " {d}</span> })}
        </p>
    }
}
