//! "Kommunikationsplan" (`#/communication`, seed 004): the plan's own document — purpose and
//! messages written together, target groups, goals and channels shown, activities as a date
//! list (coming first) with their status, and a new activity or message.

use automerge::{AutoCommit, ReadDoc};
use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::link_document;
use crate::doc::plan::communication::{add_activity, add_message, edit_activity, hydrate_communication_plan, splice_communication_text, ActivityEdit, CommunicationText, NewActivity};
use crate::doc::DocError;
use crate::i18n::Key;
use crate::model::plan::{ActivityStatus, Audience, CommunicationPlan, Priority};
use crate::model::{ActivityId, EntryId};
use crate::ui::council::council_memo;
use crate::ui::route::Route;
use crate::ui::text_field::CoTextField;
use crate::ui::{lang, tr, with_ws};

const STATUSES: [ActivityStatus; 4] = [ActivityStatus::Planned, ActivityStatus::Ongoing, ActivityStatus::Done, ActivityStatus::Cancelled];

fn status_key(s: ActivityStatus) -> Key {
    match s {
        ActivityStatus::Planned => Key::ActivityPlanned,
        ActivityStatus::Ongoing => Key::ActivityOngoing,
        ActivityStatus::Done => Key::ActivityDone,
        ActivityStatus::Cancelled => Key::ActivityCancelled,
    }
}

fn status_value(s: ActivityStatus) -> &'static str {
    match s {
        ActivityStatus::Planned => "planned",
        ActivityStatus::Ongoing => "ongoing",
        ActivityStatus::Done => "done",
        ActivityStatus::Cancelled => "cancelled",
    }
}

fn priority_name(p: Priority) -> &'static str {
    lang().pick(p.sv(), p.en())
}

/// The communication plan's document and how the page changes it.
#[derive(Clone, Copy)]
struct PlanContext {
    id: DocumentId,
    plan: Memo<Option<CommunicationPlan>>,
}

impl PlanContext {
    fn change<T>(&self, f: impl FnOnce(&mut AutoCommit, i64) -> Result<T, DocError>) -> Result<T, String> {
        with_ws(|ws| ws.change(self.id, f)).unwrap_or_else(|| Err(tr(Key::NotStarted).to_string()))
    }

    fn type_into(&self, text: CommunicationText, pos: usize, del: usize, insert: String) {
        let id = self.id;
        with_ws(|ws| {
            if let Err(e) = ws.type_text(id, move |doc| splice_communication_text(doc, text, pos, del, &insert)) {
                ws.problem(crate::problems::Problem::Said(e));
            }
        });
    }
}

#[component]
pub fn CommunicationPage() -> impl IntoView {
    let council = council_memo();
    let id = Memo::new(move |_| council.with(|c| c.as_ref().and_then(|c| c.as_ref().ok()).and_then(|c| c.plan.communication_plan.as_ref().and_then(link_document))));
    view! {
        <p><a href=Route::ActionPlan.href()>"← " {move || tr(Key::BackToActionPlan)}</a></p>
        {move || match id.get() {
            None => view! { <h1>{tr(Key::CommunicationPlan)}</h1><p class="help">{tr(Key::NoCommunicationPlan)}</p> }.into_any(),
            Some(id) => view! { <PlanView id=id/> }.into_any(),
        }}
    }
}

#[component]
fn PlanView(id: DocumentId) -> impl IntoView {
    with_ws(|ws| ws.ensure_open(id));
    let revision = with_ws(|ws| ws.revision_signal(id));
    let plan = Memo::new(move |_| {
        if let Some(r) = &revision {
            r.get();
        }
        with_ws(|ws| ws.read(&id, |doc| doc.keys(automerge::ROOT).next().is_some().then(|| hydrate_communication_plan(doc).ok()).flatten())).flatten().flatten()
    });
    let ctx = PlanContext { id, plan };
    provide_context(ctx);
    let title = Memo::new(move |_| plan.with(|p| p.as_ref().map(|p| p.title.clone()).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| tr(Key::CommunicationPlan).to_string())));
    let purpose = Signal::derive(move || plan.with(|p| p.as_ref().map(|p| CommunicationText::Purpose.of(p)).unwrap_or_default()));
    view! {
        <h1>{move || title.get()}</h1>
        <Show when=move || plan.with(Option::is_some) fallback=|| view! { <p class="loading" role="status">{move || tr(Key::FetchingInitiative)}</p> }>
            <section aria-labelledby="comm-purpose-h">
                <h2 id="comm-purpose-h">{move || tr(Key::CommunicationPurpose)}</h2>
                <CoTextField value=purpose label=Signal::derive(move || tr(Key::CommunicationPurpose).to_string()) multiline=true
                    on_splice=move |pos, del, ins| ctx.type_into(CommunicationText::Purpose, pos, del, ins)
                    on_commit=move || { with_ws(|ws| ws.flush_typing()); }/>
            </section>
            <Activities/>
            <TargetGroups/>
            <Goals/>
            <Messages/>
            <Channels/>
        </Show>
    }
}

#[component]
fn TargetGroups() -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    view! {
        <section aria-labelledby="comm-groups-h">
            <h2 id="comm-groups-h">{move || tr(Key::TargetGroups)}</h2>
            {Priority::ALL.into_iter().map(|p| view! {
                <h3>{move || priority_name(p)}</h3>
                <ul>
                    {move || ctx.plan.with(|plan| plan.as_ref().map(|plan| plan.target_groups_of(p).map(|g| {
                        let audience = match g.audience { Audience::Internal => Key::Internal, Audience::External => Key::External };
                        let description = g.description.as_str().to_string();
                        view! { <li><strong>{g.name.clone()}</strong> " (" {move || tr(audience)} ")" {(!description.is_empty()).then(|| view! { <span class="prewrap">" – " {description.clone()}</span> })}</li> }
                    }).collect_view()))}
                </ul>
            }).collect_view()}
        </section>
    }
}

#[component]
fn Goals() -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    view! {
        <section aria-labelledby="comm-goals-h">
            <h2 id="comm-goals-h">{move || tr(Key::CommunicationGoals)}</h2>
            <ul>
                {move || ctx.plan.with(|plan| plan.as_ref().map(|plan| plan.visible_goals().map(|g| {
                    let target = g.target_percent.map(|t| format!(" ({} {t} %)", tr(Key::Target)));
                    let measured = g.measured_by.as_str().to_string();
                    view! { <li><span class="prewrap">{g.text.as_str().to_string()}</span>{target}
                        {(!measured.is_empty()).then(|| view! { <br/><span class="help">{move || tr(Key::MeasuredBy)} ": " {measured.clone()}</span> })}</li> }
                }).collect_view()))}
            </ul>
        </section>
    }
}

#[component]
fn Messages() -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    let problem = RwSignal::new(None::<String>);
    view! {
        <section aria-labelledby="comm-messages-h">
            <h2 id="comm-messages-h">{move || tr(Key::Messages)}</h2>
            {Priority::ALL.into_iter().map(|p| {
                let ids = Memo::new(move |_| ctx.plan.with(|plan| plan.as_ref().map(|plan| plan.messages_for(p).map(|m| m.id).collect::<Vec<_>>()).unwrap_or_default()));
                let add = move |_| {
                    let id = EntryId::random();
                    match ctx.change(|doc, now| add_message(doc, id, p, "", now)) {
                        Ok(_) => { problem.set(None); crate::ui::agenda::focus_first_field(format!("[data-message='{id}']")); }
                        Err(e) => problem.set(Some(e)),
                    }
                };
                view! {
                    <h3>{move || priority_name(p)}</h3>
                    <ol class="line-list">
                        <For each=move || ids.get() key=|id| *id let:id>
                            {
                                let text = CommunicationText::Message(id);
                                let value = Signal::derive(move || ctx.plan.with(|plan| plan.as_ref().map(|plan| text.of(plan)).unwrap_or_default()));
                                let n = move || ids.with(|ids| ids.iter().position(|x| *x == id).map_or(0, |i| i + 1));
                                view! {
                                    <li data-message=id.to_string()>
                                        <CoTextField value=value label=Signal::derive(move || format!("{} {} – {}", tr(Key::Message), n(), priority_name(p))) multiline=true
                                            on_splice=move |pos, del, ins| ctx.type_into(text, pos, del, ins)
                                            on_commit=move || { with_ws(|ws| ws.flush_typing()); }/>
                                    </li>
                                }
                            }
                        </For>
                    </ol>
                    <button type="button" class="add" on:click=add>{move || format!("{} ({})", tr(Key::AddMessage), priority_name(p))}</button>
                }
            }).collect_view()}
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn Channels() -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    view! {
        <section aria-labelledby="comm-channels-h">
            <h2 id="comm-channels-h">{move || tr(Key::Channels)}</h2>
            <ul>
                {move || ctx.plan.with(|plan| plan.as_ref().map(|plan| plan.channels.iter().filter(|c| !c.deleted).map(|c| {
                    let description = c.description.as_str().to_string();
                    view! { <li><strong>{c.name.clone()}</strong> " – " {move || tr(Key::Responsible)} ": " {c.responsible.clone()}
                        {(!description.is_empty()).then(|| view! { <br/><span class="help prewrap">{description.clone()}</span> })}</li> }
                }).collect_view()))}
            </ul>
        </section>
    }
}

/// The activity plan as a date list: coming activities first, earlier ones after.
#[component]
fn Activities() -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    let today = crate::model::time::format_date(crate::ui::plan::today());
    let split = Memo::new(move |_| {
        ctx.plan.with(|plan| {
            let Some(plan) = plan.as_ref() else { return (Vec::new(), Vec::new()) };
            let all: Vec<(ActivityId, String)> = plan.activity_plan().into_iter().map(|a| (a.id, a.date.clone())).collect();
            let (coming, past): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, d)| d.is_empty() || *d >= today);
            (coming.into_iter().map(|(id, _)| id).collect::<Vec<_>>(), past.into_iter().rev().map(|(id, _)| id).collect::<Vec<_>>())
        })
    });
    view! {
        <section aria-labelledby="comm-activities-h">
            <h2 id="comm-activities-h">{move || tr(Key::ComingActivities)}</h2>
            <Show when=move || split.with(|s| s.0.is_empty())>
                <p class="help">{move || tr(Key::NoComingActivities)}</p>
            </Show>
            <ol class="activity-list">
                <For each=move || split.get().0 key=|id| *id let:id><ActivityRow id=id/></For>
            </ol>
            <NewActivityForm/>
            <Show when=move || !split.with(|s| s.1.is_empty())>
                <h3>{move || tr(Key::EarlierActivities)}</h3>
                <ol class="activity-list">
                    <For each=move || split.get().1 key=|id| *id let:id><ActivityRow id=id/></For>
                </ol>
            </Show>
        </section>
    }
}

#[component]
fn ActivityRow(id: ActivityId) -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    let facts = Memo::new(move |_| {
        ctx.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let a = plan.activities.iter().find(|a| a.id == id)?;
            let channel = a.channel.and_then(|c| plan.channel(c)).map(|c| c.name.clone()).unwrap_or_default();
            Some((a.date.clone(), a.name.as_str().to_string(), channel, a.status))
        })
    });
    let problem = RwSignal::new(None::<String>);
    let select_id = format!("activity-status-{id}");
    view! {
        <li class="activity">
            {move || facts.get().map(|(date, name, channel, _)| view! {
                <span class="date">{if date.is_empty() { tr(Key::NoDateYet).to_string() } else { date }}</span>
                " " <strong>{name}</strong>
                {(!channel.is_empty()).then(|| view! { <span class="help">" · " {channel}</span> })}
            })}
            <label for=select_id.clone()>{move || format!("{} – {}", tr(Key::ActivityStatus), facts.with(|f| f.as_ref().map(|f| f.1.clone()).unwrap_or_default()))}</label>
            <select id=select_id on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(s) = STATUSES.into_iter().find(|s| status_value(*s) == v) {
                    problem.set(ctx.change(|doc, now| edit_activity(doc, id, ActivityEdit { status: Some(s), ..Default::default() }, now)).err());
                }
            }>
                {STATUSES.into_iter().map(|s| view! { <option value=status_value(s) selected=move || facts.with(|f| f.as_ref().is_some_and(|f| f.3 == s))>{move || tr(status_key(s))}</option> }).collect_view()}
            </select>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </li>
    }
}

#[component]
fn NewActivityForm() -> impl IntoView {
    let ctx = expect_context::<PlanContext>();
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = NewActivity { name: name.get_untracked(), date: date.get_untracked(), ..Default::default() };
        match ctx.change(|doc, now| add_activity(doc, ActivityId::random(), fields, now)) {
            Ok(_) => {
                problem.set(None);
                name.set(String::new());
                date.set(String::new());
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="new-activity-h" on:submit=add novalidate>
            <h3 id="new-activity-h">{move || tr(Key::NewActivity)}</h3>
            <label for="na-name">{move || tr(Key::ActivityName)}</label>
            <input id="na-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="na-date">{move || format!("{} ({})", tr(Key::Date), tr(Key::DateFormat))}</label>
            <input id="na-date" type="text" inputmode="numeric" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) aria-describedby="na-problem"/>
            <div id="na-problem">{move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}</div>
            <button type="submit">{move || tr(Key::AddActivity)}</button>
        </form>
    }
}
