//! "Kostnadsfördelning" (`#/money`): a sum split over all municipalities or one initiative's
//! participating ones by population (`model::plan::cost_split`), and a pasted split table read
//! and checked against it, every disagreement named with its row. Nothing here is saved.

use automerge::ReadDoc;
use leptos::prelude::*;

use super::link_document;
use crate::doc::plan::initiative::hydrate_initiative;
use crate::i18n::Key;
use crate::model::plan::cost_split::{check_pasted_split, parse_split_table, split_over};
use crate::model::plan::money::{format_kronor, format_percent, parse_kronor};
use crate::model::plan::CostSplit;
use crate::model::{Council, OrganisationId, OrganisationKind};
use crate::ui::setup::SetupPage;
use crate::ui::{say, tr, with_ws};

#[component]
pub fn MoneyPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::CostSplit page=|council| view! {
            <SplitBySum council=council/>
            <CheckPasted/>
        }/>
    }
}

/// The municipalities a split is over: every one, or an initiative's participating ones.
fn participants(council: &Council, over: &str) -> Vec<OrganisationId> {
    let all = || council.current_organisations().filter(|o| o.kind == OrganisationKind::Municipality).map(|o| o.id).collect();
    let Some(link) = council.plan.initiatives.iter().find(|l| l.url.0 == over) else { return all() };
    let Some(id) = link_document(&link.url) else { return Vec::new() };
    with_ws(|ws| {
        ws.ensure_open(id);
        ws.revision_signal(id).get();
        ws.read(&id, |doc| doc.keys(automerge::ROOT).next().is_some().then(|| hydrate_initiative(doc).ok()).flatten())
    })
    .flatten()
    .flatten()
    .map(|i| i.participating())
    .unwrap_or_default()
}

#[component]
fn SplitBySum(council: Memo<Council>) -> impl IntoView {
    let over = RwSignal::new(String::new());
    let sum = RwSignal::new(String::new());
    let initiatives = Memo::new(move |_| council.with(|c| c.plan.initiatives.iter().map(|l| (l.url.0.clone(), l.name.clone())).collect::<Vec<_>>()));
    let result = Memo::new(move |_| {
        let text = sum.get();
        if text.trim().is_empty() {
            return None;
        }
        let over = over.get();
        Some(parse_kronor(&text).and_then(|total| council.with(|c| split_over(c, &participants(c, &over), total))).map_err(|e| say(&e)))
    });
    view! {
        <section aria-labelledby="split-h">
            <h2 id="split-h">{move || tr(Key::SplitASum)}</h2>
            <div class="plan-filter">
                <div class="plan-field">
                    <label for="split-over">{move || tr(Key::SplitOver)}</label>
                    <select id="split-over" on:change=move |ev| over.set(event_target_value(&ev))>
                        <option value="">{move || tr(Key::AllMunicipalities)}</option>
                        {move || initiatives.get().into_iter().map(|(url, name)| view! { <option value=url>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="plan-field">
                    <label for="split-sum">{move || tr(Key::SumInKronor)}</label>
                    <input id="split-sum" type="text" inputmode="numeric" prop:value=move || sum.get() on:input=move |ev| sum.set(event_target_value(&ev)) aria-describedby="split-problem"/>
                </div>
            </div>
            <div id="split-problem">{move || match result.get() {
                Some(Err(e)) => Some(view! { <p class="field-problem" role="alert">{e}</p> }),
                _ => None,
            }}</div>
            {move || match result.get() {
                Some(Ok(split)) => Some(view! { <SplitTable split=split/> }),
                _ => None,
            }}
        </section>
    }
}

#[component]
fn SplitTable(split: CostSplit) -> impl IntoView {
    view! {
        <table class="portfolio-table">
            <caption class="visually-hidden">{move || tr(Key::SplitASum)}</caption>
            <thead><tr>
                <th scope="col">{move || tr(Key::Municipality)}</th>
                <th scope="col" class="num">{move || tr(Key::Population)}</th>
                <th scope="col" class="num">{move || tr(Key::Share)}</th>
                <th scope="col" class="num">{move || tr(Key::Cost)}</th>
            </tr></thead>
            <tbody>
                {split.shares.iter().map(|s| view! {
                    <tr>
                        <th scope="row">{s.name.clone()}</th>
                        <td class="num" data-label=move || tr(Key::Population)>{s.population.to_string()}</td>
                        <td class="num" data-label=move || tr(Key::Share)>{format_percent(s.hundredths)}</td>
                        <td class="num" data-label=move || tr(Key::Cost)>{format_kronor(s.kronor)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
            <tfoot><tr>
                <th scope="row">{move || tr(Key::Total)}</th>
                <td class="num" data-label=move || tr(Key::Population)>{split.population.to_string()}</td>
                <td class="num" data-label=move || tr(Key::Share)>{format_percent(if split.shares.is_empty() { 0 } else { 10_000 })}</td>
                <td class="num" data-label=move || tr(Key::Cost)>{format_kronor(split.total)}</td>
            </tr></tfoot>
        </table>
    }
}

/// A split table pasted from Word or a spreadsheet, read and checked row by row.
#[component]
fn CheckPasted() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let outcome = Memo::new(move |_| {
        let t = text.get();
        if t.trim().is_empty() {
            return None;
        }
        let pasted = parse_split_table(&t);
        let unread: Vec<String> = pasted.problems.iter().map(say).collect();
        let checked = check_pasted_split(&pasted, None).map(|c| c.disagreements.iter().map(say).collect::<Vec<_>>()).map_err(|e| say(&e));
        Some((unread, checked))
    });
    view! {
        <section aria-labelledby="paste-split-h">
            <h2 id="paste-split-h">{move || tr(Key::CheckPastedSplit)}</h2>
            <p class="help" id="paste-split-help">{move || tr(Key::CheckPastedSplitHelp)}</p>
            <label for="paste-split">{move || tr(Key::PastedTable)}</label>
            <textarea id="paste-split" rows="8" aria-describedby="paste-split-help" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div role="status" aria-live="polite">
                {move || outcome.get().map(|(unread, checked)| view! {
                    {(!unread.is_empty()).then(|| view! { <ul class="field-problem">{unread.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul> })}
                    {match checked {
                        Err(e) => view! { <p class="field-problem">{e}</p> }.into_any(),
                        Ok(d) if d.is_empty() => view! { <p class="done">{tr(Key::SplitAgrees)}</p> }.into_any(),
                        Ok(d) => view! {
                            <p>{format!("{} {}", d.len(), tr(Key::Disagreements))}</p>
                            <ul class="field-problem">{d.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                        }.into_any(),
                    }}
                })}
            </div>
        </section>
    }
}
