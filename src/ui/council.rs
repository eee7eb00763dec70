//! The council page: what the council is for (mandate), its meetings, its organisations with
//! population, and who holds which role. Read from the council's root document.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::route::Route;
use super::{tr, with_ws};
use crate::doc::council::hydrate_council;
use crate::i18n::Key;
use crate::model::{Council, MeetingLink};

/// The council as the root document holds it now; re-read whenever the document changes.
pub(crate) fn council_memo() -> Memo<Option<Result<Council, String>>> {
    let id = with_ws(|ws| ws.council_id());
    let revision = id.and_then(|id| with_ws(|ws| ws.revision_signal(id)));
    Memo::new(move |_| {
        revision.as_ref()?.get();
        let id = id?;
        with_ws(|ws| ws.read(&id, |doc| hydrate_council(doc).map_err(|e| super::say(&e)))).flatten()
    })
}

#[component]
pub fn CouncilPage() -> impl IntoView {
    let council = council_memo();
    // Only opening and failing swap the page; a change to the council re-renders the parts that
    // show it, so the planning form keeps what is typed and its outcome (and keyboard focus).
    let loaded = Memo::new(move |_| council.with(|c| c.as_ref().map(|r| r.as_ref().map(|_| ()).map_err(Clone::clone))));
    let shown = Memo::new(move |_| council.get().and_then(Result::ok));
    move || match loaded.get() {
        None => view! { <p class="loading">{tr(Key::Loading)}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
        Some(Ok(())) => view! { <CouncilView council=shown/> }.into_any(),
    }
}

#[component]
fn CouncilView(council: Memo<Option<Council>>) -> impl IntoView {
    view! {
        <article class="council">
            {move || council.get().map(|c| view! {
                <h1>{c.name}</h1>
                <p class="subtitle">{c.organisation} " · " {c.period_start} " – " {c.period_end}</p>
            })}
            <section aria-labelledby="meetings-h">
                <h2 id="meetings-h">{move || tr(Key::Meetings)}</h2>
                <super::plan::PlanMeetings/>
                {move || council.get().map(|c| view! { <MeetingList meetings=c.meetings/> })}
                <p><a href=Route::Attendance.href()>{move || tr(Key::AttendancePerMunicipality)}</a></p>
            </section>
            <super::questions::Questions/>
            {move || council.get().map(|c| view! { <AboutCouncil council=c/> })}
        </article>
    }
}

/// The council's meetings, newest first, each a link to its page.
#[component]
fn MeetingList(mut meetings: Vec<MeetingLink>) -> impl IntoView {
    meetings.sort_by(|a, b| b.date.cmp(&a.date));
    if meetings.is_empty() {
        return view! { <p>{move || tr(Key::NoMeetings)}</p> }.into_any();
    }
    view! {
        <ul class="meeting-list">
            {meetings.into_iter().map(|m| {
                let href = DocumentId::parse(&m.url.0).map(|id| Route::Meeting(id).href()).unwrap_or_default();
                view! { <li><a href=href><span class="date">{m.date.clone()}</span> " " {m.title.clone()}</a></li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// What the council is for, its organisations with population, and who holds which role.
#[component]
fn AboutCouncil(council: Council) -> impl IntoView {
    let Council { mandate, organisations, people, roles, .. } = council;
    let total: u64 = organisations.iter().filter_map(|o| o.population).map(u64::from).sum();
    let person_name = move |id| people.iter().find(|p| p.id == id).map(|p| p.name.clone()).unwrap_or_default();
    let list = |entries: Vec<crate::model::Entry>| {
        entries.into_iter().map(|e| view! { <li>{e.text.as_str().to_string()}</li> }).collect_view()
    };
    view! {
        <section aria-labelledby="purpose-h">
            <h2 id="purpose-h">{move || tr(Key::Purpose)}</h2>
            <p>{mandate.purpose.as_str().to_string()}</p>
            <h3>{move || tr(Key::Goals)}</h3>
            <ul>{list(mandate.goals)}</ul>
            <h3>{move || tr(Key::FocusAreas)}</h3>
            <ul class="tags">{list(mandate.focus_areas)}</ul>
            <h3>{move || tr(Key::RulesOfConduct)}</h3>
            <ul>{list(mandate.rules_of_conduct)}</ul>
        </section>
        <section aria-labelledby="orgs-h">
            <h2 id="orgs-h">{move || tr(Key::Organisations)}</h2>
            <table>
                <thead><tr><th scope="col">{move || tr(Key::Name)}</th><th scope="col" class="num">{move || tr(Key::Population)}</th></tr></thead>
                <tbody>
                    {organisations.into_iter().map(|o| view! {
                        <tr><td>{o.name}</td><td class="num">{o.population.map(|p| p.to_string()).unwrap_or_default()}</td></tr>
                    }).collect_view()}
                </tbody>
                <tfoot><tr><th scope="row">{move || tr(Key::Total)}</th><td class="num">{total.to_string()}</td></tr></tfoot>
            </table>
        </section>
        <section aria-labelledby="roles-h">
            <h2 id="roles-h">{move || tr(Key::PeopleAndRoles)}</h2>
            <table>
                <thead><tr><th scope="col">{move || tr(Key::Role)}</th><th scope="col">{move || tr(Key::Holders)}</th></tr></thead>
                <tbody>
                    {roles.into_iter().map(|r| {
                        let names: Vec<String> = r.holders.iter().map(|h| person_name(*h)).filter(|n| !n.is_empty()).collect();
                        view! { <tr><td>{r.title}</td><td>{names.join(", ")}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
