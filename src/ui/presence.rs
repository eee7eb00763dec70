//! Presence in the meeting page: when the keyboard enters an agenda item (its row in the agenda
//! or its minutes), this device tells the others who is editing it; each item shows who else is
//! there now ("Anna skriver här"). The name is the person this member picked as themselves in
//! the council ("Det här är jag"), else the one given in Settings.

use leptos::prelude::*;
use radslag_protocol::DocumentId;
use wasm_bindgen::JsCast;

use super::{tr, with_ws};
use crate::i18n::Key;
use crate::model::ItemId;

/// Where this device keeps the member's name.
pub const MY_NAME_KEY: &str = "radslag.my-name";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Where this device keeps who the member is in council `council`.
fn me_key(council: DocumentId) -> String {
    format!("radslag.me.{council}")
}

/// The person this device's member picked as themselves in the open council, if any.
pub fn me() -> Option<crate::model::PersonId> {
    let council = with_ws(|ws| ws.council_id()).flatten()?;
    local_storage()?.get_item(&me_key(council)).ok().flatten()?.parse().ok()
}

/// Picks (or with `None`, forgets) who this device's member is in the open council.
pub fn set_me(person: Option<crate::model::PersonId>) {
    let (Some(council), Some(s)) = (with_ws(|ws| ws.council_id()).flatten(), local_storage()) else { return };
    let _ = match person {
        Some(p) => s.set_item(&me_key(council), &p.to_string()),
        None => s.remove_item(&me_key(council)),
    };
}

/// The member's name: the person picked in the open council, else the name given in Settings.
pub fn my_name() -> Option<String> {
    let picked = me().and_then(|id| {
        let council = with_ws(|ws| ws.council_id()).flatten()?;
        with_ws(|ws| ws.read(&council, |doc| crate::doc::council::hydrate_council(doc).ok()?.person(id).map(|p| p.name.clone())))??
    });
    picked.or_else(|| {
        local_storage()
            .and_then(|s| s.get_item(MY_NAME_KEY).ok().flatten())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
    })
}

/// The agenda item an element belongs to: its agenda row (`data-item`) or minutes (`data-minutes`).
fn item_of(target: Option<web_sys::EventTarget>) -> Option<ItemId> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let holder = element.closest("[data-item], [data-minutes]").ok().flatten()?;
    let id = holder.get_attribute("data-item").or_else(|| holder.get_attribute("data-minutes"))?;
    id.parse().ok()
}

/// Focus handlers for the meeting page: announce the item the keyboard is in, and take it back
/// when the keyboard leaves the items (or the page).
pub fn focus_tracker(
    id: DocumentId,
) -> (impl Fn(web_sys::FocusEvent) + Copy + Send + Sync + 'static, impl Fn(web_sys::FocusEvent) + Copy + Send + Sync + 'static) {
    let current = StoredValue::new(None::<ItemId>);
    let my = my_name().unwrap_or_else(|| tr(Key::UnknownMember).to_string());
    // Leaving the page (a link, the back button) takes the announcement back at once.
    on_cleanup({
        let my = my.clone();
        move || {
            with_ws(|ws| ws.announce(id, &my, None));
        }
    });
    let name = StoredValue::new(my);
    // The browser still sends focus events while the page is being torn down (the focused
    // field is removed), after these values are gone: then there is nothing left to do.
    let announce = move |item: Option<ItemId>| {
        if let Some(name) = name.try_get_value() {
            with_ws(|ws| ws.announce(id, &name, item));
        }
    };
    let entered = move |ev: web_sys::FocusEvent| {
        let item = item_of(ev.target());
        if item.is_some() && current.try_get_value().is_some_and(|c| c != item) {
            current.try_set_value(item);
            announce(item);
        }
    };
    let left = move |ev: web_sys::FocusEvent| {
        // Moving within the page is seen by `entered`; leaving the items altogether ends it.
        if item_of(ev.related_target()).is_none() && current.try_get_value().flatten().is_some() {
            current.try_set_value(None);
            announce(None);
        }
    };
    (entered, left)
}

/// "Anna skriver här": the others editing `item` now.
#[component]
pub fn EditingHere(id: DocumentId, item: ItemId) -> impl IntoView {
    let presence = with_ws(|ws| ws.presence());
    let names = Memo::new(move |_| presence.as_ref().map(|p| p.with(|t| t.get(&id).map(|t| t.editing(item)).unwrap_or_default())).unwrap_or_default());
    view! {
        <span class="editing-here" aria-live="polite">
            {move || {
                let names = names.get();
                (!names.is_empty()).then(|| format!("{} {}", names.join(", "), if names.len() == 1 { tr(Key::IsEditingHere) } else { tr(Key::AreEditingHere) }))
            }}
        </span>
    }
}
