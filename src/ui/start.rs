//! The start page: the councils on this device, and the three ways to another — "Skapa ett
//! råd", "Gå med via inbjudan" (an invitation or a council's link) and "Öppna demorådet". A first start shows
//! only this; the demo is never mixed with a real council.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::route::{self, Route};
use super::{say, tr, with_ws};
use crate::access::join_in_link;
use crate::councils::council_in_link;
use crate::doc::demo;
use crate::i18n::Key;
use crate::model::council_setup::{self, Named};

#[component]
pub fn StartPage() -> impl IntoView {
    let councils = with_ws(|ws| ws.councils());
    let current = {
        let councils = councils.clone();
        Memo::new(move |_| councils.as_ref().and_then(|c| c.with(|c| c.current)))
    };
    let known = Memo::new(move |_| councils.as_ref().map(|c| c.with(|c| c.known.clone())).unwrap_or_default());
    view! {
        <h1>{move || tr(Key::WelcomeHeading)}</h1>
        <p class="subtitle">{move || tr(Key::WelcomeText)}</p>
        <Show when=move || !known.with(Vec::is_empty)>
            <section aria-labelledby="known-h">
                <h2 id="known-h">{move || tr(Key::CouncilsOnThisDevice)}</h2>
                <ul class="council-list">
                    {move || known.get().into_iter().map(|k| {
                        let name = if k.id == demo::ROOT {
                            tr(Key::DemoCouncil).to_string()
                        } else if k.name.is_empty() {
                            tr(Key::UnnamedCouncil).to_string()
                        } else {
                            k.name.clone()
                        };
                        let is_current = current.get() == Some(k.id);
                        view! {
                            <li>
                                <a href=Route::OpenCouncil(k.id).href() aria-current=is_current.then_some("true")>{name}</a>
                                {is_current.then(|| view! { " " <span class="tag">{tr(Key::OpenNow)}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <div class="start-choices">
            <CreateCouncil/>
            <JoinCouncil/>
            <section aria-labelledby="demo-h">
                <h2 id="demo-h">{move || tr(Key::OpenDemo)}</h2>
                <p>{move || tr(Key::DemoHelp)}</p>
                <a class="button" href=Route::Demo.href()>{move || tr(Key::OpenDemo)}</a>
            </section>
            <super::setup::backup::ImportCouncil/>
        </div>
    }
}

/// "Skapa ett råd": a name and the organisation that runs it; everything else comes later.
#[component]
fn CreateCouncil() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Checked here too, so the message stands beside the form before anything is made.
        if let Err(e) = council_setup::name(&name.get_untracked(), Named::Council) {
            problem.set(Some(say(&e)));
            return;
        }
        match with_ws(|ws| ws.create_council(&name.get_untracked(), &organisation.get_untracked())) {
            Some(Ok(_)) => route::replace(Route::CouncilSettings),
            Some(Err(e)) => problem.set(Some(e)),
            None => problem.set(Some(tr(Key::NotStarted).to_string())),
        }
    };
    view! {
        <form class="create-council" aria-labelledby="create-h" on:submit=create novalidate>
            <h2 id="create-h">{move || tr(Key::CreateCouncil)}</h2>
            <label for="cc-name">{move || tr(Key::CouncilName)}</label>
            <input id="cc-name" type="text" required aria-describedby="cc-problem" prop:value=move || name.get()
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                on:input=move |ev| { name.set(event_target_value(&ev)); problem.set(None); }/>
            <label for="cc-org">{move || tr(Key::CouncilOrganisation)}</label>
            <input id="cc-org" type="text" prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev))/>
            <p id="cc-problem" role="alert">{move || problem.get().map(|p| view! { <span class="problem">{p}</span> })}</p>
            <button type="submit" class="primary">{move || tr(Key::CreateCouncil)}</button>
        </form>
    }
}

/// "Gå med via inbjudan": an invitation link goes to "Gå med i rådet"; a council's plain link
/// (or id) opens it here.
#[component]
fn JoinCouncil() -> impl IntoView {
    let link = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let join = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = link.get_untracked();
        if let Some((id, code)) = join_in_link(&text) {
            route::replace(Route::Join(id, code));
            return;
        }
        match council_in_link(&text) {
            Some(id) => route::replace(Route::OpenCouncil(id)),
            None => problem.set(Some(tr(Key::NotAJoinLink).to_string())),
        }
    };
    view! {
        <form class="join-council" aria-labelledby="join-h" on:submit=join novalidate>
            <h2 id="join-h">{move || tr(Key::JoinCouncil)}</h2>
            <label for="jc-link">{move || tr(Key::CouncilLink)}</label>
            <input id="jc-link" type="text" aria-describedby="jc-help jc-problem" prop:value=move || link.get()
                on:input=move |ev| { link.set(event_target_value(&ev)); problem.set(None); }/>
            <p id="jc-help" class="help">{move || tr(Key::CouncilLinkHelp)}</p>
            <p id="jc-problem" role="alert">{move || problem.get().map(|p| view! { <span class="problem">{p}</span> })}</p>
            <button type="submit">{move || tr(Key::JoinCouncil)}</button>
        </form>
    }
}

/// `#/demo` and `#/council/<id>`: open that council on this device, then show its page.
#[component]
pub fn OpenCouncil(id: DocumentId) -> impl IntoView {
    with_ws(|ws| ws.switch_council(id));
    route::replace(Route::Council);
    view! { <p class="loading" role="status">{move || tr(Key::FetchingCouncil)}</p> }
}
