//! The council page: the next meeting first, then the council's meetings ("Nytt möte" one button
//! away), questions raised, links to its setup, and what it is for (mandate), its organisations
//! and who holds which role. Read from the open council's root document.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::route::Route;
use super::{tr, with_ws};
use crate::doc::council::hydrate_council;
use crate::i18n::Key;
use crate::model::{Council, MeetingLink};

/// The open council as its root document holds it now; follows a switch to another council and
/// re-reads whenever the document changes. `None` while no council is open or it is still
/// coming; an error when it cannot be read, or the server does not have it.
pub(crate) fn council_memo() -> Memo<Option<Result<Council, String>>> {
    let councils = with_ws(|ws| ws.councils());
    let unavailable = with_ws(|ws| ws.unavailable());
    let read = Memo::new(move |_| {
        let id = councils.as_ref()?.with(|c| c.current)?;
        with_ws(|ws| ws.revision_signal(id))?.get();
        let read = with_ws(|ws| ws.read(&id, |doc| (automerge::ReadDoc::keys(doc, automerge::ROOT).next().is_some()).then(|| hydrate_council(doc).map_err(|e| super::say(&e))))).flatten().flatten();
        match read {
            None if unavailable.as_ref().is_some_and(|u| u.with(|u| u.contains(&id))) => Some(Err(tr(Key::CouncilUnavailable).to_string())),
            other => other.map(|r| r.map(|c| (id, c))),
        }
    });
    // The start page lists councils by name: keep the device's list up to date. An effect, not
    // the memo, writes it, since a memo that sets signals re-runs what reads them mid-update.
    Effect::new(move |_| {
        read.with(|r| {
            if let Some(Ok((id, c))) = r {
                with_ws(|ws| ws.remember_council_name(*id, &c.name));
            }
        })
    });
    Memo::new(move |_| read.get().map(|r| r.map(|(_, c)| c)))
}

#[component]
pub fn CouncilPage() -> impl IntoView {
    let council = council_memo();
    let open = with_ws(|ws| ws.councils());
    let has_council = Memo::new(move |_| open.as_ref().is_some_and(|c| c.with(|c| c.current.is_some())));
    // Only opening and failing swap the page; a change to the council re-renders the parts that
    // show it, so the planning form keeps what is typed and its outcome (and keyboard focus).
    let loaded = Memo::new(move |_| council.with(|c| c.as_ref().map(|r| r.as_ref().map(|_| ()).map_err(Clone::clone))));
    let shown = Memo::new(move |_| council.get().and_then(Result::ok));
    move || match (has_council.get(), loaded.get()) {
        (false, _) => view! { <super::start::StartPage/> }.into_any(),
        (true, None) => view! { <p class="loading" role="status">{tr(Key::FetchingCouncil)}</p> }.into_any(),
        (true, Some(Err(e))) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
        (true, Some(Ok(()))) => view! { <CouncilView council=shown/> }.into_any(),
    }
}

#[component]
fn CouncilView(council: Memo<Option<Council>>) -> impl IntoView {
    let planning = RwSignal::new(false);
    view! {
        <article class="council">
            {move || council.get().map(|c| view! {
                <h1>{c.name}</h1>
                <p class="subtitle">{c.organisation} {(!c.period_start.is_empty() || !c.period_end.is_empty()).then(|| format!(" · {} – {}", c.period_start, c.period_end))}</p>
            })}
            {move || council.get().map(|c| view! { <NextMeeting meetings=c.meetings/> })}
            <section aria-labelledby="meetings-h">
                <h2 id="meetings-h">{move || tr(Key::Meetings)}</h2>
                // Planning is one button away, not a form in the way of the meetings.
                <button type="button" class="primary" aria-expanded=move || planning.get().to_string() on:click=move |_| planning.update(|p| *p = !*p)>
                    {move || tr(Key::NewMeeting)}
                </button>
                <Show when=move || planning.get()>
                    <super::plan::PlanMeetings/>
                </Show>
                {move || council.get().map(|c| view! { <MeetingList meetings=c.meetings/> })}
                <p><a href=Route::Attendance.href()>{move || tr(Key::AttendancePerMunicipality)}</a></p>
            </section>
            <super::questions::Questions/>
            <ActionPlanLinks council=council/>
            <CouncilSetupLinks/>
            {move || council.get().map(|c| view! { <AboutCouncil council=c/> })}
        </article>
    }
}

/// The first meeting from today on, at the top of the page: what a member opening the app wants.
#[component]
fn NextMeeting(meetings: Vec<MeetingLink>) -> impl IntoView {
    let today = crate::model::time::format_date(super::plan::today());
    let next = meetings.into_iter().filter(|m| m.date >= today).min_by(|a, b| a.date.cmp(&b.date));
    view! {
        <section class="next-meeting" aria-labelledby="next-h">
            <h2 id="next-h">{move || tr(Key::NextMeeting)}</h2>
            {match next {
                Some(m) => {
                    let href = DocumentId::parse(&m.url.0).map(|id| Route::Meeting(id).href()).unwrap_or_default();
                    view! { <p class="next"><a href=href><span class="date">{m.date.clone()}</span> " " {m.title.clone()}</a></p> }.into_any()
                }
                None => view! { <p>{move || tr(Key::NoUpcomingMeeting)}</p> }.into_any(),
            }}
        </section>
    }
}

/// The action plan: how many initiatives, and the way to them and the portfolio.
#[component]
fn ActionPlanLinks(council: Memo<Option<Council>>) -> impl IntoView {
    let count = Memo::new(move |_| council.with(|c| c.as_ref().map_or(0, |c| c.plan.initiatives.len())));
    view! {
        <section class="plan-links" aria-labelledby="action-plan-h">
            <h2 id="action-plan-h">{move || tr(Key::ActionPlan)}</h2>
            <ul>
                <li><a href=Route::ActionPlan.href()>{move || format!("{} ({})", tr(Key::Initiatives), count.get())}</a></li>
                <li><a href=Route::Portfolio.href()>{move || tr(Key::Portfolio)}</a></li>
                <li><a href=Route::Risks.href()>{move || tr(Key::Risks)}</a></li>
                <li><a href=Route::Communication.href()>{move || tr(Key::CommunicationPlan)}</a></li>
                <li><a href=Route::Money.href()>{move || tr(Key::CostSplit)}</a></li>
            </ul>
        </section>
    }
}

/// Where the council's own data is set up.
#[component]
fn CouncilSetupLinks() -> impl IntoView {
    view! {
        <nav class="setup-links" aria-labelledby="setup-h">
            <h2 id="setup-h">{move || tr(Key::CouncilSetup)}</h2>
            <ul>
                <li><a href=Route::CouncilSettings.href()>{move || tr(Key::CouncilDetailsAndRules)}</a></li>
                <li><a href=Route::Mandate.href()>{move || tr(Key::Mandate)}</a></li>
                <li><a href=Route::Organisations.href()>{move || tr(Key::Organisations)}</a></li>
                <li><a href=Route::People.href()>{move || tr(Key::People)}</a></li>
                <li><a href=Route::Roles.href()>{move || tr(Key::Roles)}</a></li>
            </ul>
        </nav>
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
    let organisations: Vec<_> = organisations.into_iter().filter(|o| !o.removed).collect();
    let roles: Vec<_> = roles.into_iter().filter(|r| !r.removed).collect();
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
                        let names: Vec<String> = r.holders.iter().filter(|h| h.to.is_empty()).map(|h| person_name(h.person)).filter(|n| !n.is_empty()).collect();
                        view! { <tr><td>{r.title}</td><td>{names.join(", ")}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
