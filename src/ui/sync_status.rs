//! The sync indicator: tells the truth about where the latest changes are — offline, syncing,
//! saved on this device, or saved on the server (only once the server confirmed them) — or
//! that the relay refuses this device, and why; and "Läsbehörighet" for a reader.

use leptos::prelude::*;
use radslag_protocol::client::{Connection, SaveState};

use super::{tr, with_ws};
use crate::access::AccessError;
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
    let refused = refused_now();
    let key = Signal::derive({
        let status = status.clone();
        move || if refused.get() { Some(Key::StatusNotSyncing) } else { status.as_ref().map(|s| status_key(s.get())) }
    });
    let class = move || match key.get() {
        Some(Key::StatusSavedOnServer) => "sync-status saved-server",
        Some(Key::StatusSavedOnDevice) => "sync-status saved-device",
        Some(Key::StatusOffline | Key::StatusNotSyncing) => "sync-status offline",
        Some(Key::StatusNotSaved) => "sync-status not-saved",
        _ => "sync-status busy",
    };
    // With the device saved but offline, say both: the offline state and that nothing is lost.
    let detail = move || {
        if let Some(why) = refusal_reason() {
            return Some(why);
        }
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

/// Whether the relay refuses this device in the open council (reactive).
fn refused_now() -> Signal<bool> {
    let refusal = with_ws(|ws| (ws.refusal(), ws.councils()));
    Signal::derive(move || {
        refusal.as_ref().is_some_and(|(r, c)| {
            let open = c.with(|c| c.current);
            r.with(|r| r.as_ref().is_some_and(|(council, _)| *council == open))
        })
    })
}

/// Why the relay refuses this device, in short, for the indicator's detail.
fn refusal_reason() -> Option<&'static str> {
    let (refusal, councils) = with_ws(|ws| (ws.refusal(), ws.councils()))?;
    let open = councils.with(|c| c.current);
    refusal.with(|r| match r {
        Some((council, why)) if *council == open => Some(tr(match why {
            AccessError::DeviceRevoked => Key::StatusRevoked,
            _ => Key::StatusNoAccess,
        })),
        _ => None,
    })
}

/// "Läsbehörighet" in the header while the open council gave this device read-only access.
#[component]
pub fn ReadOnlyTag() -> impl IntoView {
    let signals = with_ws(|ws| (ws.access(), ws.councils()));
    let reader = move || {
        signals.as_ref().is_some_and(|(a, c)| {
            let open = c.with(|c| c.current);
            open.is_some_and(|id| a.with(|a| a.of(id).is_some_and(|g| !g.role.may_write())))
        })
    };
    view! {
        <Show when=reader>
            <p class="read-only-tag" data-testid="read-only">{move || tr(Key::ReadOnlyTag)}</p>
        </Show>
    }
}
