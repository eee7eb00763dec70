//! Leverabler L1…Ln on the initiative page: each one's name (co-written), status and due date
//! (a bad date or one before the start is refused next to the field), moved, removed; a new one.

use leptos::prelude::*;

use super::InitiativeContext;
use crate::doc::plan::initiative::{add_deliverable, edit_deliverable, move_deliverable, set_deliverable_removed, splice_initiative_text, DeliverableEdit, InitiativeText, NewDeliverable};
use crate::i18n::Key;
use crate::model::plan::DeliverableStatus;
use crate::model::DeliverableId;
use crate::ui::text_field::CoTextField;
use crate::ui::{lang, tr};

const STATUSES: [DeliverableStatus; 3] = [DeliverableStatus::NotStarted, DeliverableStatus::Ongoing, DeliverableStatus::Done];

fn status_value(s: DeliverableStatus) -> &'static str {
    match s {
        DeliverableStatus::NotStarted => "not-started",
        DeliverableStatus::Ongoing => "ongoing",
        DeliverableStatus::Done => "done",
    }
}

fn status_of_value(v: &str) -> DeliverableStatus {
    STATUSES.into_iter().find(|s| status_value(*s) == v).unwrap_or_default()
}

pub(crate) fn status_name(s: DeliverableStatus) -> &'static str {
    lang().pick(s.sv(), s.en())
}

#[component]
pub(super) fn Deliverables() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let ids = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().map(|i| i.visible_deliverables().map(|d| d.id).collect::<Vec<_>>()).unwrap_or_default()));
    view! {
        <section class="deliverables" aria-labelledby="deliverables-h">
            <h2 id="deliverables-h">{move || tr(Key::Deliverables)}</h2>
            <ol class="deliverable-list">
                <For each=move || ids.get() key=|id| *id let:id>
                    <DeliverableRow id=id ids=ids/>
                </For>
            </ol>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="help">{move || tr(Key::NoDeliverablesYet)}</p>
            </Show>
            <NewDeliverableForm/>
        </section>
    }
}

#[component]
fn DeliverableRow(id: DeliverableId, ids: Memo<Vec<DeliverableId>>) -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let deliverable = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().and_then(|i| i.deliverables.iter().find(|d| d.id == id).cloned())));
    let position = Memo::new(move |_| ids.with(|ids| ids.iter().position(|i| *i == id)));
    // What names the deliverable in labels: its code ("L1"), else its place in the list.
    let code = Memo::new(move |_| {
        let code = deliverable.with(|d| d.as_ref().map(|d| d.code.clone()).unwrap_or_default());
        if code.trim().is_empty() { position.get().map_or(0, |p| p + 1).to_string() } else { code }
    });
    let status = Memo::new(move |_| deliverable.with(|d| d.as_ref().map(|d| d.status).unwrap_or_default()));
    let name = Signal::derive(move || ctx.initiative.with(|i| i.as_ref().map(|i| InitiativeText::DeliverableName(id).of(i)).unwrap_or_default()));
    let due = RwSignal::new(deliverable.with_untracked(|d| d.as_ref().map(|d| d.due.clone()).unwrap_or_default()));
    // Only a change of the due date itself replaces what is in the field (not typing in the name).
    let saved_due = Memo::new(move |_| deliverable.with(|d| d.as_ref().map(|d| d.due.clone())));
    Effect::new(move |_| {
        if let Some(d) = saved_due.get() {
            due.set(d);
        }
    });
    let problem = RwSignal::new(None::<String>);
    let due_problem = RwSignal::new(None::<String>);
    let label = move |key: Key| format!("{} {}", tr(key), code.get());
    let step = move |by: isize| {
        let Some(p) = position.get_untracked() else { return };
        if let Some(to) = p.checked_add_signed(by).filter(|t| *t < ids.with_untracked(Vec::len)) {
            problem.set(ctx.change(|doc, now| move_deliverable(doc, id, to, now)).err());
        }
    };
    let due_id = format!("due-{id}");
    let due_problem_id = format!("due-problem-{id}");
    let status_id = format!("status-{id}");
    view! {
        <li class="deliverable" data-deliverable=id.to_string()>
            <div class="plan-field wide">
                <p class="field-label" aria-hidden="true">{move || format!("{} {}", code.get(), tr(Key::DeliverableName))}</p>
                <CoTextField value=name label=Signal::derive(move || format!("{} {}", code.get(), tr(Key::DeliverableName)))
                    on_splice=move |pos, del, ins| ctx.type_into(move |doc| splice_initiative_text(doc, InitiativeText::DeliverableName(id), pos, del, &ins))
                    on_commit=move || ctx.commit()/>
            </div>
            <div class="plan-field">
                <label for=status_id.clone()>{move || label(Key::DeliverableStatus)}</label>
                <select id=status_id on:change=move |ev| {
                    let s = status_of_value(&event_target_value(&ev));
                    problem.set(ctx.change(|doc, now| edit_deliverable(doc, id, DeliverableEdit { status: Some(s), ..Default::default() }, now)).err());
                }>
                    {STATUSES.into_iter().map(|s| view! { <option value=status_value(s) selected=move || status.get() == s>{move || status_name(s)}</option> }).collect_view()}
                </select>
            </div>
            <div class="plan-field">
                <label for=due_id.clone()>{move || format!("{} ({})", label(Key::DueBy), tr(Key::DateFormat))}</label>
                <input id=due_id type="text" inputmode="numeric" prop:value=move || due.get()
                    aria-invalid=move || due_problem.with(Option::is_some).then_some("true") aria-describedby=due_problem_id.clone()
                    on:input=move |ev| due.set(event_target_value(&ev))
                    on:change=move |_| {
                        let typed = due.get_untracked();
                        due_problem.set(ctx.change(|doc, now| edit_deliverable(doc, id, DeliverableEdit { due: Some(typed), ..Default::default() }, now)).err());
                    }/>
                <div id=due_problem_id>{move || due_problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
            </div>
            <div class="line-actions">
                <button type="button" aria-label=move || format!("{} {}", tr(Key::MoveUp), code.get()) disabled=move || position.get() == Some(0) on:click=move |_| step(-1)>"↑"</button>
                <button type="button" aria-label=move || format!("{} {}", tr(Key::MoveDown), code.get()) disabled=move || position.get().map(|p| p + 1) == Some(ids.with(Vec::len)) on:click=move |_| step(1)>"↓"</button>
                <button type="button" aria-label=move || format!("{} {}", tr(Key::Remove), code.get())
                    on:click=move |_| problem.set(ctx.change(|doc, now| set_deliverable_removed(doc, id, true, now)).err())>{move || tr(Key::Remove)}</button>
            </div>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </li>
    }
}

#[component]
fn NewDeliverableForm() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let name = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = NewDeliverable { name: name.get_untracked(), due: due.get_untracked(), ..Default::default() };
        match ctx.change(|doc, now| add_deliverable(doc, DeliverableId::random(), fields, now)) {
            Ok(_) => {
                problem.set(None);
                name.set(String::new());
                due.set(String::new());
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="new-deliverable-h" on:submit=add novalidate>
            <h3 id="new-deliverable-h">{move || tr(Key::NewDeliverable)}</h3>
            <label for="nd-name">{move || tr(Key::DeliverableName)}</label>
            <input id="nd-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="nd-due">{move || format!("{} ({})", tr(Key::DueBy), tr(Key::DateFormat))}</label>
            <input id="nd-due" type="text" inputmode="numeric" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))
                aria-invalid=move || problem.with(Option::is_some).then_some("true") aria-describedby="nd-problem"/>
            <div id="nd-problem">{move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
            <button type="submit">{move || tr(Key::AddDeliverable)}</button>
        </form>
    }
}
