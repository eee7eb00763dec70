//! Settings: the language and which sync server this device talks to.

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
    view! {
        <h1>{move || tr(Key::Settings)}</h1>
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
        <fieldset class="settings">
            <legend>{move || tr(Key::Language)}</legend>
            <label><input type="radio" name="lang" prop:checked=move || lang.get() == Lang::Sv on:change=move |_| lang.set(Lang::Sv)/>" Svenska"</label>
            <label><input type="radio" name="lang" prop:checked=move || lang.get() == Lang::En on:change=move |_| lang.set(Lang::En)/>" English"</label>
        </fieldset>
    }
}
