//! Settings: the member's name (shown to the others while editing), the language, which sync
//! server this device talks to, whether the browser keeps this device's data, and the way to
//! the council's members and invitations.

use leptos::prelude::*;

use super::{tr, with_ws, LangContext};
use crate::i18n::{Key, Lang};
use crate::sync::Workspace;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let LangContext(lang) = expect_context::<LangContext>();
    let current = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("radslag.relay-url").ok().flatten())
        .unwrap_or_default();
    let url = RwSignal::new(current);
    let message = RwSignal::new(None::<(bool, Key)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = with_ws(|ws| ws.set_relay_url(&url.get_untracked()));
        message.set(Some(match result {
            Some(Ok(())) => (true, Key::Saved),
            _ => (false, Key::BadRelayUrl),
        }));
    };
    let name = RwSignal::new(super::presence::my_name().unwrap_or_default());
    let name_saved = RwSignal::new(false);
    let council = super::council::council_memo();
    let members = Memo::new(move |_| {
        council.get().and_then(Result::ok).map(|c| c.people.into_iter().map(|p| p.name).collect::<Vec<_>>()).unwrap_or_default()
    });
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let n = name.get_untracked().trim().to_string();
            let _ = if n.is_empty() { s.remove_item(super::presence::MY_NAME_KEY) } else { s.set_item(super::presence::MY_NAME_KEY, &n) };
            name_saved.set(true);
        }
    };
    view! {
        <h1>{move || tr(Key::Settings)}</h1>
        <form class="settings" on:submit=save_name>
            <label for="my-name">{move || tr(Key::MyName)}</label>
            <input id="my-name" type="text" list="council-members" autocomplete="name" aria-describedby="my-name-help"
                prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); name_saved.set(false); }/>
            <datalist id="council-members">{move || members.get().into_iter().map(|n| view! { <option value=n/> }).collect_view()}</datalist>
            <p id="my-name-help" class="help">{move || tr(Key::MyNameHelp)}</p>
            <button type="submit">{move || tr(Key::Save)}</button>
            <Show when=move || name_saved.get()>
                <p class="ok" role="status">{move || tr(Key::NameSaved)}</p>
            </Show>
        </form>
        <form class="settings" on:submit=save>
            <label for="relay-url">{move || tr(Key::RelayUrl)}</label>
            <input id="relay-url" type="url" placeholder=Workspace::relay_url() aria-describedby="relay-help"
                prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
            <p id="relay-help" class="help">{move || tr(Key::RelayUrlHelp)}</p>
            <button type="submit">{move || tr(Key::Save)}</button>
            {move || message.get().map(|(ok, key)| view! {
                <p class=if ok { "ok" } else { "problem" } role=if ok { "status" } else { "alert" }>{tr(key)}</p>
            })}
        </form>
        <StoragePersistence/>
        <p><a href=super::route::Route::Members.href()>{move || tr(Key::MembersPage)}</a></p>
        <fieldset class="settings">
            <legend>{move || tr(Key::Language)}</legend>
            <label><input type="radio" name="lang" prop:checked=move || lang.get() == Lang::Sv on:change=move |_| lang.set(Lang::Sv)/>" Svenska"</label>
            <label><input type="radio" name="lang" prop:checked=move || lang.get() == Lang::En on:change=move |_| lang.set(Lang::En)/>" English"</label>
        </fieldset>
    }
}

/// What the browser promised about keeping this device's data.
#[component]
fn StoragePersistence() -> impl IntoView {
    use crate::storage::{ask_to_persist, Persistence};
    let answer = RwSignal::new(None::<Persistence>);
    wasm_bindgen_futures::spawn_local(async move {
        let got = ask_to_persist().await;
        answer.try_set(Some(got));
    });
    view! {
        <section class="settings" aria-labelledby="storage-h">
            <h2 id="storage-h">{move || tr(Key::StorageOnDevice)}</h2>
            <p role="status">{move || answer.get().map(|a| tr(match a {
                Persistence::Granted => Key::StoragePersistent,
                Persistence::Refused => Key::StorageMayBeCleared,
                Persistence::Unsupported => Key::StorageUnknown,
            }))}</p>
        </section>
    }
}
