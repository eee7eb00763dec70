//! The initiative page (`#/initiative/<id>`): the initiative's own document opened and read, its
//! details (name, phase, focus area, period) and co-written texts, then its parts below.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::lines::{LineList, LineSource};
use super::list::FocusAreaSelect;
use super::{focus_areas, initiative_memo, phase_name, phase_of_value, phase_value, InitiativeContext, InitiativeState};
use crate::doc::plan::initiative::{set_initiative_details, set_phase, splice_initiative_text, InitiativeDetails, InitiativeList, InitiativeText};
use crate::i18n::Key;
use crate::model::plan::{Initiative, Phase};
use crate::ui::council::council_memo;
use crate::ui::route::Route;
use crate::ui::text_field::CoTextField;
use crate::ui::tr;

#[component]
pub fn InitiativePage(id: DocumentId) -> impl IntoView {
    let state = initiative_memo(id);
    let initiative = Memo::new(move |_| match state.get() {
        InitiativeState::Ready(i) => Some(*i),
        _ => None,
    });
    let council_read = council_memo();
    let council = Memo::new(move |_| council_read.get().and_then(Result::ok));
    let ctx = InitiativeContext { id, initiative, council };
    provide_context(ctx);
    let ready = Memo::new(move |_| initiative.with(Option::is_some) && council.with(Option::is_some));
    let title = Memo::new(move |_| initiative.with(|i| i.as_ref().map(|i| i.name.as_str().to_string()).unwrap_or_default()));
    view! {
        <p><a href=Route::ActionPlan.href()>"← " {move || tr(Key::BackToActionPlan)}</a></p>
        {move || match state.get() {
            InitiativeState::Fetching => Some(view! { <h1>{tr(Key::Initiative)}</h1><p class="loading" role="status">{tr(Key::FetchingInitiative)}</p> }.into_any()),
            InitiativeState::Unavailable => Some(view! { <h1>{tr(Key::Initiative)}</h1><p class="problem" role="alert">{tr(Key::InitiativeUnavailable)}</p> }.into_any()),
            InitiativeState::Unreadable(e) => Some(view! { <h1>{tr(Key::Initiative)}</h1><p class="problem" role="alert">{e}</p> }.into_any()),
            InitiativeState::Ready(_) => None,
        }}
        <Show when=move || ready.get()>
            <article class="initiative">
                <h1>{move || { let t = title.get(); if t.trim().is_empty() { tr(Key::Initiative).to_string() } else { t } }}</h1>
                <InitiativeDetailsForm/>
                <InitiativeTextField text=InitiativeText::Overview label=Key::Overview/>
                <LineList source=LineSource::Initiative(InitiativeList::Scope) label=Key::InitiativeScope/>
                <LineList source=LineSource::Initiative(InitiativeList::Goals) label=Key::ProjectGoals/>
                <LineList source=LineSource::Initiative(InitiativeList::ShortTermBenefits) label=Key::ShortTermBenefits/>
                <LineList source=LineSource::Initiative(InitiativeList::LongTermBenefits) label=Key::LongTermBenefits/>
                <super::deliverables::Deliverables/>
                <super::participants::Participants/>
                <super::groups::Groups/>
                <super::status::StatusReports/>
            </article>
        </Show>
    }
}

/// One of the initiative's co-written texts under its own heading.
#[component]
fn InitiativeTextField(text: InitiativeText, label: Key) -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let value = Signal::derive(move || ctx.initiative.with(|i| i.as_ref().map(|i| text.of(i)).unwrap_or_default()));
    let heading = format!("initiative-{label:?}").to_lowercase();
    view! {
        <section aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{move || tr(label)}</h2>
            <CoTextField value=value label=Signal::derive(move || tr(label).to_string()) multiline=true
                on_splice=move |pos, del, ins| ctx.type_into(move |doc| splice_initiative_text(doc, text, pos, del, &ins))
                on_commit=move || ctx.commit()/>
        </section>
    }
}

/// Name (co-written), phase, focus area and period. The council's link follows a rename, a
/// new phase or focus area.
#[component]
fn InitiativeDetailsForm() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let current = move || ctx.initiative.with_untracked(|i| i.as_ref().map(InitiativeDetails::of).unwrap_or_default());
    let focus = RwSignal::new(current().focus_area);
    let start = RwSignal::new(current().start);
    let end = RwSignal::new(current().end);
    let phase = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().map(|i| i.phase).unwrap_or_default()));
    // Someone else's change to these fields shows here; typing elsewhere in the initiative
    // leaves what this member is typing alone (the memo only changes with the details).
    let details = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().map(InitiativeDetails::of)));
    Effect::new(move |_| {
        if let Some(d) = details.get() {
            focus.set(d.focus_area);
            start.set(d.start);
            end.set(d.end);
        }
    });
    let name = Signal::derive(move || ctx.initiative.with(|i| i.as_ref().map(|i: &Initiative| i.name.as_str().to_string()).unwrap_or_default()));
    let phase_problem = RwSignal::new(None::<String>);
    let period_problem = RwSignal::new(None::<String>);
    let save_details = move || {
        let details = InitiativeDetails { focus_area: focus.get_untracked(), phase: phase.get_untracked(), start: start.get_untracked(), end: end.get_untracked() };
        match ctx.change(|doc, now| set_initiative_details(doc, details, now)) {
            Ok(()) => {
                period_problem.set(None);
                ctx.refresh_link();
            }
            Err(e) => period_problem.set(Some(e)),
        }
    };
    let change_phase = move |value: String| {
        let Some(p) = phase_of_value(&value) else { return };
        match ctx.change(|doc, now| set_phase(doc, p, now)) {
            Ok(()) => {
                phase_problem.set(None);
                ctx.refresh_link();
            }
            Err(e) => phase_problem.set(Some(e)),
        }
    };
    // The focus select writes its signal; saving follows.
    Effect::new(move |prev: Option<String>| {
        let f = focus.get();
        if prev.as_ref().is_some_and(|p| *p != f) && ctx.initiative.with_untracked(|i| i.as_ref().is_some_and(|i| i.focus_area != f)) {
            save_details();
        }
        f
    });
    view! {
        <section class="initiative-details" aria-labelledby="details-h">
            <h2 id="details-h">{move || tr(Key::InitiativeDetails)}</h2>
            <div class="plan-field">
                <p class="field-label" aria-hidden="true">{move || tr(Key::InitiativeName)}</p>
                <div>
                    <CoTextField value=name label=Signal::derive(move || tr(Key::InitiativeName).to_string())
                        on_splice=move |pos, del, ins| ctx.type_into(move |doc| splice_initiative_text(doc, InitiativeText::Name, pos, del, &ins))
                        on_commit=move || { ctx.commit(); ctx.refresh_link(); }/>
                </div>
            </div>
            <div class="plan-field">
                <label for="initiative-phase">{move || tr(Key::Phase)}</label>
                <select id="initiative-phase" on:change=move |ev| change_phase(event_target_value(&ev))>
                    {Phase::ALL.into_iter().map(|p| view! {
                        <option value=phase_value(p) selected=move || phase.get() == p>{move || phase_name(p)}</option>
                    }).collect_view()}
                </select>
                {move || phase_problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
            </div>
            <div class="plan-field">
                <label for="initiative-focus">{move || tr(Key::FocusArea)}</label>
                <FocusAreaSelect id="initiative-focus" areas=Signal::derive(move || ctx.council.with(|c| c.as_ref().map(focus_areas).unwrap_or_default())) value=focus/>
            </div>
            <div class="plan-field">
                <label for="initiative-start">{move || format!("{} ({})", tr(Key::StartDate), tr(Key::DateFormat))}</label>
                <input id="initiative-start" type="text" inputmode="numeric" prop:value=move || start.get()
                    aria-describedby="initiative-period-problem"
                    on:input=move |ev| start.set(event_target_value(&ev)) on:change=move |_| save_details()/>
            </div>
            <div class="plan-field">
                <label for="initiative-end">{move || format!("{} ({})", tr(Key::End), tr(Key::DateFormat))}</label>
                <input id="initiative-end" type="text" inputmode="numeric" prop:value=move || end.get()
                    aria-describedby="initiative-period-problem"
                    on:input=move |ev| end.set(event_target_value(&ev)) on:change=move |_| save_details()/>
            </div>
            <div id="initiative-period-problem">{move || period_problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
        </section>
    }
}
