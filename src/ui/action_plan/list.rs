//! "Handlingsplan" (`#/plan`): the council's initiatives from the root's links — name, phase and
//! focus area, filterable by focus area — each a link to its page, and "Ny insats".

use leptos::prelude::*;

use super::{focus_areas, link_document, phase_name};
use crate::doc::plan::council::add_initiative_link;
use crate::doc::plan::initiative::create_initiative;
use crate::i18n::Key;
use crate::model::plan::{Initiative, InitiativeLink};
use crate::model::{Council, DocUrl, InitiativeId};
use crate::ui::route::{navigate, Route};
use crate::ui::setup::SetupPage;
use crate::ui::{tr, with_ws};

#[component]
pub fn ActionPlanPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::ActionPlan page=|council| view! {
            <ul class="plan-links">
                <li><a href=Route::Portfolio.href()>{move || tr(Key::Portfolio)}</a></li>
                <li><a href=Route::Risks.href()>{move || tr(Key::Risks)}</a></li>
                <li><a href=Route::Communication.href()>{move || tr(Key::CommunicationPlan)}</a></li>
                <li><a href=Route::Money.href()>{move || tr(Key::CostSplit)}</a></li>
            </ul>
            <InitiativeList council=council/>
            <NewInitiative council=council/>
        }/>
    }
}

/// A select of the focus areas, "Alla" first when `all` is given.
#[component]
pub(crate) fn FocusAreaSelect(id: &'static str, areas: Signal<Vec<String>>, value: RwSignal<String>, #[prop(optional)] all: Option<Key>) -> impl IntoView {
    view! {
        <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
            {all.map(|k| view! { <option value="" selected=move || value.get().is_empty()>{move || tr(k)}</option> })}
            {move || areas.get().into_iter().map(|a| {
                let shown = a.clone();
                let selected = a.clone();
                view! { <option value=a selected=move || value.get() == selected>{shown}</option> }
            }).collect_view()}
        </select>
    }
}

#[component]
fn InitiativeList(council: Memo<Council>) -> impl IntoView {
    let focus = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let f = focus.get();
        council.with(|c| c.plan.initiatives.iter().filter(|l| f.is_empty() || l.focus_area == f).cloned().collect::<Vec<InitiativeLink>>())
    });
    view! {
        <section aria-labelledby="initiatives-h">
            <h2 id="initiatives-h">{move || tr(Key::Initiatives)}</h2>
            <div class="plan-filter">
                <label for="plan-focus">{move || tr(Key::FilterByFocusArea)}</label>
                <FocusAreaSelect id="plan-focus" areas=Signal::derive(move || council.with(focus_areas)) value=focus all=Key::AllFocusAreas/>
            </div>
            <p class="help" role="status">{move || format!("{} {}", shown.with(Vec::len), tr(Key::InitiativesShown))}</p>
            <ul class="initiative-list">
                {move || shown.get().into_iter().map(|l| {
                    let href = link_document(&l.url).map(|id| Route::Initiative(id).href()).unwrap_or_default();
                    view! {
                        <li>
                            <a href=href>{l.name.clone()}</a>
                            <span class="initiative-facts">
                                <span class="phase">{move || phase_name(l.phase)}</span>
                                {(!l.focus_area.is_empty()).then(|| view! { " · " <span>{l.focus_area.clone()}</span> })}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || shown.with(Vec::is_empty)>
                <p>{move || tr(Key::NoInitiativesYet)}</p>
            </Show>
        </section>
    }
}

/// "Ny insats": a new initiative document, linked from the council, then its page.
#[component]
fn NewInitiative(council: Memo<Council>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let focus = RwSignal::new(council.with_untracked(|c| focus_areas(c).into_iter().next().unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let initiative = Initiative::new(InitiativeId::random(), &name.get_untracked(), &focus.get_untracked());
        let result = with_ws(|ws| {
            let council = ws.council_id().ok_or_else(|| tr(Key::NoCouncilOpen).to_string())?;
            let id = ws.create_document(|doc, now| create_initiative(doc, &initiative, now))?;
            let link = InitiativeLink::of(DocUrl(id.url()), &initiative);
            ws.change(council, |doc, now| add_initiative_link(doc, link, now))?;
            Ok::<_, String>(id)
        })
        .unwrap_or_else(|| Err(tr(Key::NotStarted).to_string()));
        match result {
            Ok(id) => navigate(Route::Initiative(id)),
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="new-initiative-h" on:submit=create novalidate>
            <h2 id="new-initiative-h">{move || tr(Key::NewInitiative)}</h2>
            <label for="ni-name">{move || tr(Key::InitiativeName)}</label>
            <input id="ni-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                aria-invalid=move || problem.with(Option::is_some).then_some("true") aria-describedby="ni-problem"/>
            <div id="ni-problem">{move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
            <label for="ni-focus">{move || tr(Key::FocusArea)}</label>
            <FocusAreaSelect id="ni-focus" areas=Signal::derive(move || council.with(focus_areas)) value=focus/>
            <button type="submit" class="primary">{move || tr(Key::CreateInitiative)}</button>
        </form>
    }
}
