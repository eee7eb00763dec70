//! "Riskanalys" (`#/risks`): the plan's risks in the council's root — threat, vulnerability and
//! consequence written together, scores 1–5, owner, measures — and the 5×5 matrix as a table
//! whose cells name their risks (readable without colour; each name a button to the risk).

use leptos::prelude::*;

use crate::doc::plan::council::{add_risk, add_risk_measure, set_risk_owner, set_risk_removed, set_risk_scores, splice_plan_text, NewRisk, PlanText};
use crate::i18n::Key;
use crate::model::plan::line::visible;
use crate::model::plan::risk::{risk_matrix, RiskLevel};
use crate::model::plan::Risk;
use crate::model::{Council, EntryId, PersonId, RiskId};
use crate::ui::setup::{change_council, type_into_council, SetupPage};
use crate::ui::text_field::CoTextField;
use crate::ui::{lang, tr, with_ws};

#[component]
pub fn RisksPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::Risks page=|council| view! {
            <RiskMatrixTable council=council/>
            <RiskList council=council/>
            <NewRiskForm council=council/>
        }/>
    }
}

fn level_name(level: RiskLevel) -> &'static str {
    lang().pick(level.sv(), level.en())
}

fn level_class(level: RiskLevel) -> &'static str {
    match level {
        RiskLevel::Low => "level-low",
        RiskLevel::Medium => "level-medium",
        RiskLevel::High => "level-high",
    }
}

/// A risk's short name: the start of its threat.
fn short_name(r: &Risk) -> String {
    let t = r.threat.as_str().trim();
    let short: String = t.chars().take(60).collect();
    if short.is_empty() {
        tr(Key::UnnamedRisk).to_string()
    } else if short.len() < t.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Puts the keyboard on the risk's first field.
fn focus_risk(id: RiskId) {
    crate::ui::agenda::focus_first_field(format!("[data-risk='{id}']"));
}

/// Sannolikhet (rows, 5 at the top) × konsekvens (columns); each cell its level and its risks.
#[component]
fn RiskMatrixTable(council: Memo<Council>) -> impl IntoView {
    let risks = Memo::new(move |_| council.with(|c| c.plan.visible_risks().cloned().collect::<Vec<_>>()));
    view! {
        <section aria-labelledby="matrix-h">
            <h2 id="matrix-h">{move || tr(Key::RiskMatrix)}</h2>
            <p class="help">{move || tr(Key::RiskMatrixHelp)}</p>
            <table class="risk-matrix">
                <caption class="visually-hidden">{move || tr(Key::RiskMatrix)}</caption>
                <thead><tr>
                    <td></td>
                    {(1..=5u32).map(|c| view! { <th scope="col">{move || format!("{} {c}", tr(Key::Consequence))}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {(1..=5u32).rev().map(|p| view! {
                        <tr>
                            <th scope="row">{move || format!("{} {p}", tr(Key::Probability))}</th>
                            {(1..=5u32).map(|c| {
                                let level = RiskLevel::of(p * c);
                                view! {
                                    <td class=level_class(level)>
                                        <span class="level">{move || level_name(level)}</span>
                                        {move || risks.with(|rs| {
                                            let m = risk_matrix(rs);
                                            m.cell(p, c).iter().filter_map(|id| rs.iter().find(|r| r.id == *id)).map(|r| {
                                                let id = r.id;
                                                let name = short_name(r);
                                                view! { <button type="button" class="risk-in-cell" on:click=move |_| focus_risk(id)>{name}</button> }
                                            }).collect_view()
                                        })}
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn RiskList(council: Memo<Council>) -> impl IntoView {
    let ids = Memo::new(move |_| council.with(|c| c.plan.visible_risks().map(|r| r.id).collect::<Vec<_>>()));
    view! {
        <section aria-labelledby="risks-h">
            <h2 id="risks-h">{move || tr(Key::RiskList)}</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="help">{move || tr(Key::NoRisksYet)}</p>
            </Show>
            <ol class="risk-list">
                <For each=move || ids.get() key=|id| *id let:id>
                    <RiskCard council=council id=id/>
                </For>
            </ol>
        </section>
    }
}

fn commit() {
    with_ws(|ws| ws.flush_typing());
}

/// A score select 1–5.
#[component]
fn ScoreSelect(id: String, label: Signal<String>, value: Memo<u32>, on_pick: impl Fn(u32) + 'static) -> impl IntoView {
    view! {
        <label for=id.clone()>{move || label.get()}</label>
        <select id=id on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse::<u32>() { on_pick(n); } }>
            {(1..=5u32).map(|n| view! { <option value=n.to_string() selected=move || value.get() == n>{n.to_string()}</option> }).collect_view()}
        </select>
    }
}

#[component]
fn RiskCard(council: Memo<Council>, id: RiskId) -> impl IntoView {
    let risk = Memo::new(move |_| council.with(|c| c.plan.risks.iter().find(|r| r.id == id).cloned()));
    let name = Memo::new(move |_| risk.with(|r| r.as_ref().map(short_name).unwrap_or_default()));
    let probability = Memo::new(move |_| risk.with(|r| r.as_ref().map_or(1, |r| r.probability)));
    let impact = Memo::new(move |_| risk.with(|r| r.as_ref().map_or(1, |r| r.impact)));
    let owner = Memo::new(move |_| risk.with(|r| r.as_ref().and_then(|r| r.owner)).map(|p| p.to_string()).unwrap_or_default());
    let people = Memo::new(move |_| council.with(|c| c.current_people().map(|p| (p.id, p.name.clone())).collect::<Vec<_>>()));
    let measures = Memo::new(move |_| risk.with(|r| r.as_ref().map(|r| visible(&r.measures).map(|l| l.id).collect::<Vec<_>>()).unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let text = move |t: PlanText| {
        Signal::derive(move || {
            risk.with(|r| {
                let Some(r) = r.as_ref() else { return String::new() };
                match t {
                    PlanText::RiskThreat(_) => r.threat.as_str().to_string(),
                    PlanText::RiskVulnerability(_) => r.vulnerability.as_str().to_string(),
                    PlanText::RiskConsequence(_) => r.consequence.as_str().to_string(),
                    PlanText::RiskMeasure(_, m) => r.measures.iter().find(|l| l.id == m).map(|l| l.text.as_str().to_string()).unwrap_or_default(),
                    PlanText::BudgetWhat(_) => String::new(),
                }
            })
        })
    };
    let field = move |t: PlanText, key: Key| {
        view! {
            <div class="plan-field wide">
                <p class="field-label" aria-hidden="true">{move || tr(key)}</p>
                <CoTextField value=text(t) label=Signal::derive(move || format!("{} – {}", tr(key), name.get())) multiline=true
                    on_splice=move |pos, del, ins| type_into_council(move |doc| splice_plan_text(doc, t, pos, del, &ins))
                    on_commit=commit/>
            </div>
        }
    };
    let set_scores = move |p: u32, c: u32| problem.set(change_council(|doc, now| set_risk_scores(doc, id, &p.to_string(), &c.to_string(), now)).err());
    let level = Memo::new(move |_| RiskLevel::of(probability.get() * impact.get()));
    let owner_id = format!("owner-{id}");
    view! {
        <li class="risk-card" data-risk=id.to_string()>
            {field(PlanText::RiskThreat(id), Key::Threat)}
            {field(PlanText::RiskVulnerability(id), Key::Vulnerability)}
            {field(PlanText::RiskConsequence(id), Key::RiskConsequence)}
            <div class="risk-scores">
                <div class="plan-field">
                    <ScoreSelect id=format!("p-{id}") label=Signal::derive(move || format!("{} (1–5)", tr(Key::Probability))) value=probability
                        on_pick=move |n| set_scores(n, impact.get_untracked())/>
                </div>
                <div class="plan-field">
                    <ScoreSelect id=format!("c-{id}") label=Signal::derive(move || format!("{} (1–5)", tr(Key::Consequence))) value=impact
                        on_pick=move |n| set_scores(probability.get_untracked(), n)/>
                </div>
                <p class="risk-level">{move || format!("{}: {} ({})", tr(Key::RiskLevel), level_name(level.get()), probability.get() * impact.get())}</p>
                <div class="plan-field">
                    <label for=owner_id.clone()>{move || tr(Key::RiskOwner)}</label>
                    <select id=owner_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let person = people.with_untracked(|ps| ps.iter().find(|(p, _)| p.to_string() == v).map(|(p, _)| *p));
                        problem.set(change_council(|doc, now| set_risk_owner(doc, id, person, now)).err());
                    }>
                        <option value="" selected=move || owner.get().is_empty()>{move || tr(Key::NoOwner)}</option>
                        {move || people.get().into_iter().map(|(p, n): (PersonId, String)| {
                            let v = p.to_string();
                            let sel = v.clone();
                            view! { <option value=v selected=move || owner.get() == sel>{n}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <h3>{move || tr(Key::Measures)}</h3>
            <ol class="measures">
                <For each=move || measures.get() key=|m| *m let:m>
                    {
                        let n = move || measures.with(|ms| ms.iter().position(|x| *x == m).map_or(0, |p| p + 1));
                        view! {
                            <li>
                                <CoTextField value=text(PlanText::RiskMeasure(id, m)) label=Signal::derive(move || format!("{} {} – {}", tr(Key::Measure), n(), name.get())) multiline=true
                                    on_splice=move |pos, del, ins| type_into_council(move |doc| splice_plan_text(doc, PlanText::RiskMeasure(id, m), pos, del, &ins))
                                    on_commit=commit/>
                            </li>
                        }
                    }
                </For>
            </ol>
            <div class="line-actions">
                <button type="button" aria-label=move || format!("{} – {}", tr(Key::AddMeasure), name.get())
                    on:click=move |_| {
                        let m = EntryId::random();
                        match change_council(|doc, now| add_risk_measure(doc, id, m, "", now)) {
                            Ok(()) => { problem.set(None); crate::ui::agenda::focus_first_field(format!("[data-risk='{id}'] .measures li:last-child")); }
                            Err(e) => problem.set(Some(e)),
                        }
                    }>{move || tr(Key::AddMeasure)}</button>
                <button type="button" aria-label=move || format!("{} – {}", tr(Key::RemoveRisk), name.get())
                    on:click=move |_| problem.set(change_council(|doc, now| set_risk_removed(doc, id, true, now)).err())>{move || tr(Key::RemoveRisk)}</button>
            </div>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </li>
    }
}

#[component]
fn NewRiskForm(council: Memo<Council>) -> impl IntoView {
    let _ = council;
    let threat = RwSignal::new(String::new());
    let probability = RwSignal::new(String::new());
    let impact = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = NewRisk { threat: threat.get_untracked(), probability: probability.get_untracked(), impact: impact.get_untracked(), ..Default::default() };
        if fields.threat.trim().is_empty() {
            problem.set(Some(tr(Key::ThreatFirst).to_string()));
            return;
        }
        let id = RiskId::random();
        match change_council(|doc, now| add_risk(doc, id, fields, &[], now)) {
            Ok(_) => {
                problem.set(None);
                threat.set(String::new());
                probability.set(String::new());
                impact.set(String::new());
                focus_risk(id);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="new-risk-h" on:submit=add novalidate>
            <h2 id="new-risk-h">{move || tr(Key::NewRisk)}</h2>
            <label for="nr-threat">{move || tr(Key::Threat)}</label>
            <input id="nr-threat" type="text" prop:value=move || threat.get() on:input=move |ev| threat.set(event_target_value(&ev))/>
            <label for="nr-p">{move || format!("{} (1–5)", tr(Key::Probability))}</label>
            <input id="nr-p" type="text" inputmode="numeric" prop:value=move || probability.get() on:input=move |ev| probability.set(event_target_value(&ev)) aria-describedby="nr-problem"/>
            <label for="nr-c">{move || format!("{} (1–5)", tr(Key::Consequence))}</label>
            <input id="nr-c" type="text" inputmode="numeric" prop:value=move || impact.get() on:input=move |ev| impact.set(event_target_value(&ev)) aria-describedby="nr-problem"/>
            <div id="nr-problem">{move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
            <button type="submit">{move || tr(Key::AddRisk)}</button>
        </form>
    }
}
