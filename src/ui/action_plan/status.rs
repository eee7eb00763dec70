//! Statusrapporter on the initiative page: the current period's four lists (slutförda, pågående,
//! problemställningar, kommande) written together, "Ny period" carrying pågående and kommande
//! forward, and the earlier periods read-only.

use leptos::prelude::*;

use super::lines::{LineList, LineSource};
use super::InitiativeContext;
use crate::doc::plan::status::start_period;
use crate::i18n::Key;
use crate::model::plan::{StatusList, StatusReport};
use crate::model::StatusReportId;
use crate::ui::tr;

pub(crate) fn list_key(list: StatusList) -> Key {
    match list {
        StatusList::Completed => Key::StatusCompleted,
        StatusList::Ongoing => Key::StatusOngoing,
        StatusList::Problems => Key::StatusProblems,
        StatusList::Upcoming => Key::StatusUpcoming,
    }
}

fn period_text(r: &StatusReport) -> String {
    format!("{} – {}", r.period_start, r.period_end)
}

#[component]
pub(super) fn StatusReports() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let current = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().and_then(|i| i.latest_status()).map(|r| (r.id, period_text(r)))));
    let earlier = Memo::new(move |_| {
        ctx.initiative.with(|i| {
            let Some(i) = i.as_ref() else { return Vec::new() };
            let latest = i.latest_status().map(|r| r.id);
            let mut rest: Vec<StatusReport> = i.status_reports.iter().filter(|r| Some(r.id) != latest).cloned().collect();
            rest.sort_by(|a, b| b.period_start.cmp(&a.period_start));
            rest
        })
    });
    view! {
        <section class="status-reports" aria-labelledby="status-h">
            <h2 id="status-h">{move || tr(Key::StatusReport)}</h2>
            {move || match current.get() {
                None => view! { <p class="help">{tr(Key::NoStatusYet)}</p> }.into_any(),
                Some((id, period)) => view! {
                    <p class="status-period">{tr(Key::Period)} ": " {period}</p>
                    <div class="status-lists">
                        {StatusList::ALL.into_iter().map(|list| view! { <LineList source=LineSource::Status(id, list) label=list_key(list) sub=true/> }).collect_view()}
                    </div>
                }.into_any(),
            }}
            <NewPeriodForm/>
            <Show when=move || !earlier.with(Vec::is_empty)>
                <h3>{move || tr(Key::EarlierPeriods)}</h3>
                {move || earlier.get().into_iter().map(|r| view! { <EarlierPeriod report=r/> }).collect_view()}
            </Show>
        </section>
    }
}

/// An earlier period's report, read-only.
#[component]
fn EarlierPeriod(report: StatusReport) -> impl IntoView {
    let period = period_text(&report);
    view! {
        <details class="earlier-period">
            <summary>{tr(Key::Period)} " " {period}</summary>
            {StatusList::ALL.into_iter().map(|list| {
                let texts = report.texts(list);
                view! {
                    <h4>{move || tr(list_key(list))}</h4>
                    {if texts.is_empty() {
                        view! { <p class="help">{move || tr(Key::Nothing)}</p> }.into_any()
                    } else {
                        view! { <ul>{texts.into_iter().map(|t| view! { <li class="prewrap">{t}</li> }).collect_view()}</ul> }.into_any()
                    }}
                }
            }).collect_view()}
        </details>
    }
}

/// "Ny period": its dates; pågående and kommande come along from the current period.
#[component]
fn NewPeriodForm() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ctx.change(|doc, now| start_period(doc, StatusReportId::random(), &start.get_untracked(), &end.get_untracked(), now)) {
            Ok(_) => {
                problem.set(None);
                start.set(String::new());
                end.set(String::new());
                open.set(false);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>{move || tr(Key::NewPeriod)}</button>
        <Show when=move || open.get()>
            <form class="setup-form" aria-labelledby="new-period-h" on:submit=create novalidate>
                <h3 id="new-period-h">{move || tr(Key::NewPeriod)}</h3>
                <p class="help">{move || tr(Key::NewPeriodHelp)}</p>
                <label for="np-start">{move || format!("{} ({})", tr(Key::StatusPeriodStart), tr(Key::DateFormat))}</label>
                <input id="np-start" type="text" inputmode="numeric" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))
                    aria-invalid=move || problem.with(Option::is_some).then_some("true") aria-describedby="np-problem"/>
                <label for="np-end">{move || format!("{} ({})", tr(Key::StatusPeriodEnd), tr(Key::DateFormat))}</label>
                <input id="np-end" type="text" inputmode="numeric" prop:value=move || end.get() on:input=move |ev| end.set(event_target_value(&ev))
                    aria-describedby="np-problem"/>
                <div id="np-problem">{move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
                <button type="submit" class="primary">{move || tr(Key::StartPeriod)}</button>
            </form>
        </Show>
    }
}
