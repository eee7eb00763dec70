//! The UI: the app shell (header, language switch, sync indicator, problems) and the page the
//! URL names. One folder per thing the user sees; views read documents through signals and
//! call `doc::` change functions through the workspace — never a second copy of the truth.

pub mod action_plan;
pub mod agenda;
pub mod all_meetings;
pub mod agenda_paste;
pub mod attendance;
pub mod board;
pub mod council;
pub mod export;
pub mod join;
pub mod meeting;
pub mod meeting_clock;
pub mod members;
pub mod minutes;
pub mod plan;
pub mod presence;
pub mod print;
pub mod questions;
pub mod registers;
pub mod route;
pub mod settings;
pub mod setup;
pub mod start;
pub mod sync_status;
pub mod text_field;

use std::rc::Rc;

use leptos::prelude::*;

use crate::i18n::{t, Bilingual, Key, Lang};
use crate::sync::{workspace, Workspace};
use route::Route;

const LANG_KEY: &str = "radslag.lang";

/// The language signal every view reads.
#[derive(Clone, Copy)]
pub struct LangContext(pub RwSignal<Lang>);

/// The text for `key` in the current language (reactive). Outside the view tree (a task that
/// finishes after its page is gone) it is the default language, never a panic.
pub fn tr(key: Key) -> &'static str {
    t(lang(), key)
}

/// The current language (reactive), for texts built from values rather than keys.
pub fn lang() -> Lang {
    use_context::<LangContext>().map(|LangContext(l)| l.get()).unwrap_or_default()
}

/// An error in the current language (reactive).
pub fn say(e: &impl Bilingual) -> String {
    e.say(lang())
}

/// Runs `f` with the workspace; does nothing before the workspace has started.
pub fn with_ws<T>(f: impl FnOnce(&Rc<Workspace>) -> T) -> Option<T> {
    workspace().map(|ws| f(&ws))
}

fn stored_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

fn store_lang(lang: Lang) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Whether the workspace has opened: `None` while opening, `Some(Err)` if it could not.
#[derive(Clone, Copy)]
pub struct Ready(pub RwSignal<Option<Result<(), String>>>);

#[component]
pub fn App(ready: Ready) -> impl IntoView {
    let lang = RwSignal::new(stored_lang());
    store_lang(lang.get_untracked());
    provide_context(LangContext(lang));
    let route = route::provide_route();
    // The workspace says refused changes in the UI's language.
    Effect::new(move |_| {
        let l = lang.get();
        if ready.0.get().is_some_and(|r| r.is_ok()) {
            with_ws(|ws| ws.set_language(l));
        }
    });
    let switch_language = move |_| {
        let next = lang.get_untracked().other();
        lang.set(next);
        store_lang(next);
    };
    view! {
        <header class="app-header">
            <a class="app-name" href=Route::Council.href()>{move || tr(Key::AppName)}</a>
            <nav aria-label=move || tr(Key::MainNav)>
                <a href=Route::Council.href()>{move || tr(Key::Council)}</a>
                <a href=Route::ActionPlan.href()>{move || tr(Key::ActionPlan)}</a>
                <a href=Route::Registers.href()>{move || tr(Key::Registers)}</a>
                <a href=Route::Start.href()>{move || tr(Key::SwitchCouncil)}</a>
                <a href=Route::Settings.href()>{move || tr(Key::Settings)}</a>
            </nav>
            {move || ready.0.get().is_some_and(|r| r.is_ok()).then(|| view! { <sync_status::SyncStatus/> <sync_status::ReadOnlyTag/> })}
            <button class="lang" lang=move || lang.get().other().code() aria-label=move || tr(Key::SwitchLanguageLabel) on:click=switch_language>
                {move || tr(Key::SwitchLanguage)}
            </button>
        </header>
        {move || ready.0.get().is_some_and(|r| r.is_ok()).then(|| view! { <Problems/> })}
        <main id="main">
            {move || match ready.0.get() {
                None => view! { <p class="loading">{tr(Key::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
                Some(Ok(())) => match route.get() {
                    Route::Council => view! { <council::CouncilPage/> }.into_any(),
                    Route::Meeting(id) | Route::MeetingIn(id, _) => view! { <meeting::MeetingPage id=id/> }.into_any(),
                    Route::NoticePrint(id) => view! { <print::PrintPage id=id printed=print::Printed::Notice/> }.into_any(),
                    Route::MinutesPrint(id) => view! { <print::PrintPage id=id printed=print::Printed::Minutes/> }.into_any(),
                    Route::Settings => view! { <settings::SettingsPage/> }.into_any(),
                    Route::Attendance => view! { <attendance::AttendancePage/> }.into_any(),
                    Route::Registers => view! { <registers::RegistersPage/> }.into_any(),
                    Route::Start => view! { <start::StartPage/> }.into_any(),
                    Route::Demo => view! { <start::OpenCouncil id=crate::doc::demo::ROOT/> }.into_any(),
                    Route::OpenCouncil(id) => view! { <start::OpenCouncil id=id/> }.into_any(),
                    Route::CouncilSettings => view! { <setup::details::CouncilSettingsPage/> }.into_any(),
                    Route::Mandate => view! { <setup::mandate::MandatePage/> }.into_any(),
                    Route::MandatePrint => view! { <setup::print::MandatePrint/> }.into_any(),
                    Route::Organisations => view! { <setup::organisations::OrganisationsPage/> }.into_any(),
                    Route::People => view! { <setup::people::PeoplePage/> }.into_any(),
                    Route::Roles => view! { <setup::roles::RolesPage/> }.into_any(),
                    Route::StaffingPrint => view! { <setup::print::StaffingPrint/> }.into_any(),
                    Route::Board(id) => view! { <board::BoardPage id=id review=false/> }.into_any(),
                    Route::BoardReview(id) => view! { <board::BoardPage id=id review=true/> }.into_any(),
                    // Invitations and members (issue 17)
                    Route::Join(id, code) => view! { <join::JoinPage id=id code=code/> }.into_any(),
                    Route::Members => view! { <members::MembersPage/> }.into_any(),
                    Route::ActionPlan => view! { <action_plan::list::ActionPlanPage/> }.into_any(),
                    Route::Initiative(id) => view! { <action_plan::InitiativePage id=id/> }.into_any(),
                    Route::Portfolio => view! { <action_plan::portfolio::PortfolioPage/> }.into_any(),
                    Route::Risks => view! { <action_plan::risks::RisksPage/> }.into_any(),
                    Route::Communication => view! { <action_plan::communication::CommunicationPage/> }.into_any(),
                    Route::Money => view! { <action_plan::money::MoneyPage/> }.into_any(),
                    Route::NotFound => view! {
                        <h1>{move || tr(Key::NotFound)}</h1>
                        <p><a href=Route::Council.href()>"← " {move || tr(Key::BackToCouncil)}</a></p>
                    }.into_any(),
                },
            }}
        </main>
    }
}

/// Problems a person should read: failed saves, server errors, damaged data.
#[component]
fn Problems() -> impl IntoView {
    let problems = with_ws(|ws| ws.problems());
    let list = Signal::derive(move || problems.as_ref().map(|p| p.get()).unwrap_or_default());
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <div class="problems" role="alert">
                <ul>{move || {
                    let lang = lang();
                    list.get().into_iter().map(|p| view! { <li>{p.say(lang)}</li> }).collect_view()
                }}</ul>
                <button on:click=move |_| { with_ws(|ws| ws.dismiss_problems()); }>{move || tr(Key::Dismiss)}</button>
            </div>
        </Show>
    }
}
