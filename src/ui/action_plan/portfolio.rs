//! "Portfölj" (`#/portfolio`): every initiative in one table — phase, latest status period, open
//! problems, deliverables done of all and the next due date — filtered by focus area and
//! municipality. Each initiative's document is opened and re-read for it.

use automerge::ReadDoc;
use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::list::FocusAreaSelect;
use super::{focus_areas, link_document, phase_name};
use crate::doc::plan::initiative::hydrate_initiative;
use crate::i18n::Key;
use crate::model::plan::line::visible;
use crate::model::plan::{DeliverableStatus, Initiative, Phase};
use crate::model::{Council, OrganisationId, OrganisationKind};
use crate::ui::route::Route;
use crate::ui::setup::SetupPage;
use crate::ui::{tr, with_ws};

/// One row of the table, from the root's link and (once open) the initiative's document.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: Option<DocumentId>,
    name: String,
    focus_area: String,
    phase: Phase,
    /// `None` while the document is still coming.
    facts: Option<Facts>,
}

#[derive(Debug, Clone, PartialEq)]
struct Facts {
    period: Option<String>,
    problems: usize,
    done: usize,
    total: usize,
    next_due: Option<String>,
    municipalities: Vec<OrganisationId>,
}

fn facts(i: &Initiative) -> Facts {
    let latest = i.latest_status();
    let delivered: Vec<_> = i.visible_deliverables().collect();
    Facts {
        period: latest.map(|r| format!("{} – {}", r.period_start, r.period_end)),
        problems: latest.map_or(0, |r| visible(&r.problems).filter(|l| !l.text.as_str().trim().is_empty()).count()),
        done: delivered.iter().filter(|d| d.status == DeliverableStatus::Done).count(),
        total: delivered.len(),
        next_due: delivered.iter().filter(|d| d.status != DeliverableStatus::Done && !d.due.is_empty()).map(|d| d.due.clone()).min(),
        municipalities: i.participating(),
    }
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::Portfolio page=|council| view! {
            <p><a href=Route::ActionPlan.href()>{move || tr(Key::ActionPlan)}</a></p>
            <PortfolioTable council=council/>
        }/>
    }
}

#[component]
fn PortfolioTable(council: Memo<Council>) -> impl IntoView {
    let docs = Memo::new(move |_| council.with(|c| c.plan.initiatives.iter().filter_map(|l| link_document(&l.url)).collect::<Vec<_>>()));
    // Open every initiative's document (from the device, else the server).
    Effect::new(move |_| {
        for id in docs.get() {
            with_ws(|ws| ws.ensure_open(id));
        }
    });
    let rows = Memo::new(move |_| {
        council.with(|c| {
            c.plan
                .initiatives
                .iter()
                .map(|l| {
                    let id = link_document(&l.url);
                    let facts = id.and_then(|id| {
                        with_ws(|ws| ws.revision_signal(id))?.get();
                        with_ws(|ws| ws.read(&id, |doc| doc.keys(automerge::ROOT).next().is_some().then(|| hydrate_initiative(doc).ok()).flatten())).flatten().flatten()
                    });
                    Row { id, name: l.name.clone(), focus_area: l.focus_area.clone(), phase: l.phase, facts: facts.as_ref().map(self::facts) }
                })
                .collect::<Vec<_>>()
        })
    });
    let focus = RwSignal::new(String::new());
    let municipality = RwSignal::new(String::new());
    let municipalities = Memo::new(move |_| council.with(|c| c.current_organisations().filter(|o| o.kind == OrganisationKind::Municipality).map(|o| (o.id, o.name.clone())).collect::<Vec<_>>()));
    let shown = Memo::new(move |_| {
        let f = focus.get();
        let m = municipality.get();
        rows.get()
            .into_iter()
            .filter(|r| f.is_empty() || r.focus_area == f)
            .filter(|r| m.is_empty() || r.facts.as_ref().is_some_and(|x| x.municipalities.iter().any(|o| o.to_string() == m)))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="plan-filter">
            <div class="plan-field">
                <label for="pf-focus">{move || tr(Key::FilterByFocusArea)}</label>
                <FocusAreaSelect id="pf-focus" areas=Signal::derive(move || council.with(focus_areas)) value=focus all=Key::AllFocusAreas/>
            </div>
            <div class="plan-field">
                <label for="pf-municipality">{move || tr(Key::FilterByMunicipality)}</label>
                <select id="pf-municipality" prop:value=move || municipality.get() on:change=move |ev| municipality.set(event_target_value(&ev))>
                    <option value="">{move || tr(Key::AllMunicipalities)}</option>
                    {move || municipalities.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                </select>
            </div>
        </div>
        <p class="help" role="status">{move || format!("{} {}", shown.with(Vec::len), tr(Key::InitiativesShown))}</p>
        <table class="portfolio-table">
            <caption class="visually-hidden">{move || tr(Key::Portfolio)}</caption>
            <thead><tr>
                <th scope="col">{move || tr(Key::Initiative)}</th>
                <th scope="col">{move || tr(Key::Phase)}</th>
                <th scope="col">{move || tr(Key::LatestStatus)}</th>
                <th scope="col" class="num">{move || tr(Key::OpenProblems)}</th>
                <th scope="col" class="num">{move || tr(Key::DeliverablesDone)}</th>
                <th scope="col">{move || tr(Key::NextDue)}</th>
            </tr></thead>
            <tbody>
                {move || shown.get().into_iter().map(|r| {
                    let href = r.id.map(|id| Route::Initiative(id).href()).unwrap_or_default();
                    let f = r.facts.clone();
                    view! {
                        <tr>
                            <th scope="row" data-label=move || tr(Key::Initiative)><a href=href>{r.name.clone()}</a>
                                {(!r.focus_area.is_empty()).then(|| view! { <span class="subtitle">{r.focus_area.clone()}</span> })}</th>
                            <td data-label=move || tr(Key::Phase)>{move || phase_name(r.phase)}</td>
                            {match f {
                                None => view! { <td colspan="4" class="loading">{move || tr(Key::FetchingInitiative)}</td> }.into_any(),
                                Some(f) => view! {
                                    <td data-label=move || tr(Key::LatestStatus)>{f.period.clone().unwrap_or_else(|| tr(Key::NoStatusYet).to_string())}</td>
                                    <td class="num" data-label=move || tr(Key::OpenProblems)>{f.problems}</td>
                                    <td class="num" data-label=move || tr(Key::DeliverablesDone)>{format!("{} / {}", f.done, f.total)}</td>
                                    <td data-label=move || tr(Key::NextDue)>{f.next_due.clone().unwrap_or_else(|| "–".into())}</td>
                                }.into_any(),
                            }}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
