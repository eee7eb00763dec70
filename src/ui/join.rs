//! "Gå med i rådet" (`#/join/<council>/<code>`): the device gets a name and an organisation,
//! exchanges the invitation for its credential and opens the council; every refusal is said
//! beside the button, and a council already on the device can be opened as it is.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::route::{self, Route};
use super::{lang, tr, with_ws};
use crate::access::{AccessError, InvitationCode};
use crate::i18n::Key;

#[component]
pub fn JoinPage(id: DocumentId, code: InvitationCode) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<AccessError>);
    let missing_name = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let councils = with_ws(|ws| ws.councils());
    let on_device = Memo::new(move |_| councils.as_ref().is_some_and(|c| c.with(|c| c.known.iter().any(|k| k.id == id))));
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if name.with_untracked(|n| n.trim().is_empty()) {
            missing_name.set(true);
            return;
        }
        let Some(ws) = with_ws(|ws| ws.clone()) else { return };
        busy.set(true);
        problem.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let result = ws.join(id, code.as_str(), &name.get_untracked(), &organisation.get_untracked()).await;
            busy.try_set(false);
            match result {
                Ok(_) => route::replace(Route::Council),
                Err(e) => {
                    problem.try_set(Some(e));
                }
            }
        });
    };
    let said = move || {
        if missing_name.get() {
            Some(tr(Key::DeviceNameMissing).to_string())
        } else {
            problem.get().map(|e| e.say(lang()))
        }
    };
    view! {
        <h1>{move || tr(Key::JoinHeading)}</h1>
        <p class="subtitle">{move || tr(Key::JoinIntro)}</p>
        <form class="settings join-form" aria-labelledby="join-form-h" on:submit=join novalidate>
            <h2 id="join-form-h" class="visually-hidden">{move || tr(Key::JoinHeading)}</h2>
            <label for="join-device">{move || tr(Key::DeviceName)}</label>
            <input id="join-device" type="text" required maxlength="100" aria-describedby="join-device-help join-problem"
                aria-invalid=move || missing_name.get().then_some("true")
                prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); missing_name.set(false); }/>
            <p id="join-device-help" class="help">{move || tr(Key::DeviceNameHelp)}</p>
            <label for="join-org">{move || tr(Key::DeviceOrganisation)}</label>
            <input id="join-org" type="text" maxlength="100" autocomplete="organization"
                prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev))/>
            <p id="join-problem" role="alert">{move || said().map(|p| view! { <span class="problem">{p}</span> })}</p>
            <button type="submit" class="primary" aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { tr(Key::Joining) } else { tr(Key::JoinButton) }}
            </button>
        </form>
        <Show when=move || on_device.get()>
            <p><a class="button" href=Route::OpenCouncil(id).href()>{move || tr(Key::ContinueOffline)}</a></p>
        </Show>
    }
}
