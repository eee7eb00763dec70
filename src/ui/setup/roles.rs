//! "Roller": the council's roles (Ordförande, Vice ordförande …) with seats, responsibilities
//! and powers, and who holds each from one date to another — the staffing plan as data.

use leptos::prelude::*;

use super::details::Field;
use super::mandate::EntryListEditor;
use super::{change_council, Outcome, RemovedList, SetupPage};
use crate::doc::council_setup::{add_role, add_role_holder, remove_role_holder, set_holder_period, set_role_removed, update_role, EntryList};
use crate::i18n::Key;
use crate::model::{Council, EntryId, PersonId, RoleId};
use crate::ui::route::Route;
use crate::ui::tr;

#[component]
pub fn RolesPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::Roles page=|council| {
            let ids = Memo::new(move |_| council.with(|c| c.current_roles().map(|r| r.id).collect::<Vec<_>>()));
            view! {
                <p><a href=Route::StaffingPrint.href()>{move || tr(Key::PrintStaffingPlan)}</a></p>
                <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p>{move || tr(Key::NoRolesYet)}</p> }>
                    <For each=move || ids.get() key=|id| *id let:id>
                        <RoleCard council=council id=id/>
                    </For>
                </Show>
                <AddRole/>
                <RemovedRoles council=council/>
            }
        }/>
    }
}

#[component]
fn RoleCard(council: Memo<Council>, id: RoleId) -> impl IntoView {
    let role = Memo::new(move |_| council.with(|c| c.roles.iter().find(|r| r.id == id).cloned()));
    let title = RwSignal::new(String::new());
    let seats = RwSignal::new(String::new());
    let co_opted = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(r) = role.get() {
            title.set(r.title);
            seats.set(r.seats.map(|s| s.to_string()).unwrap_or_default());
            co_opted.set(r.co_opted);
        }
    });
    let outcome = RwSignal::new(None);
    let save = move || outcome.set(change_council(|doc, now| update_role(doc, id, &title.get_untracked(), &seats.get_untracked(), co_opted.get_untracked(), now)).err().map(Err));
    let shown = Signal::derive(move || role.get().map(|r| r.title).unwrap_or_default());
    let heading_id = format!("role-{id}");
    view! {
        <section class="role-card" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{move || shown.get()}</h2>
            <div class="role-fields">
                <label>{move || tr(Key::RoleTitle)}
                    <input type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) on:change=move |_| save()/>
                </label>
                <label>{move || tr(Key::Seats)}
                    <input type="number" min="1" prop:value=move || seats.get() on:input=move |ev| seats.set(event_target_value(&ev)) on:change=move |_| save()/>
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || co_opted.get() on:change=move |ev| { co_opted.set(event_target_checked(&ev)); save(); }/>
                    " " {move || tr(Key::CoOpted)}
                </label>
            </div>
            <Outcome outcome=outcome/>
            <Holders council=council role=id title=shown/>
            <EntryListEditor council=council list=EntryList::Responsibilities(id) label=Key::Responsibilities context=shown/>
            <EntryListEditor council=council list=EntryList::Powers(id) label=Key::Powers context=shown/>
            <button type="button" aria-label=move || format!("{} {}", tr(Key::RemoveRole), shown.get())
                on:click=move |_| outcome.set(change_council(|doc, now| set_role_removed(doc, id, true, now)).err().map(Err))>
                {move || tr(Key::RemoveRole)}
            </button>
        </section>
    }
}

/// Who holds the role, each from one date to another, and giving it to someone.
#[component]
fn Holders(council: Memo<Council>, role: RoleId, title: Signal<String>) -> impl IntoView {
    let holders = Memo::new(move |_| {
        council.with(|c| {
            c.roles.iter().find(|r| r.id == role).map(|r| {
                r.holders.iter().map(|h| (h.id, c.person(h.person).map(|p| p.name.clone()).unwrap_or_default(), h.from.clone(), h.to.clone())).collect::<Vec<_>>()
            }).unwrap_or_default()
        })
    });
    let people = Memo::new(move |_| council.with(|c| c.current_people().map(|p| (p.id, p.name.clone())).collect::<Vec<_>>()));
    let person = RwSignal::new(None::<PersonId>);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let outcome = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = person.get_untracked() else {
            outcome.set(Some(Err(tr(Key::PickAPerson).to_string())));
            return;
        };
        match change_council(|doc, now| add_role_holder(doc, role, EntryId::random(), p, &from.get_untracked(), &to.get_untracked(), now)) {
            Ok(()) => {
                person.set(None);
                from.set(String::new());
                to.set(String::new());
                outcome.set(None);
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    let select_id = format!("rh-person-{role}");
    let from_id = format!("rh-from-{role}");
    let to_id = format!("rh-to-{role}");
    view! {
        <h3>{move || format!("{} – {}", tr(Key::Holders), title.get())}</h3>
        <ul class="holders">
            {move || holders.get().into_iter().map(|(hid, name, f, t)| {
                let row_outcome = RwSignal::new(None);
                let (from_now, to_now) = (RwSignal::new(f), RwSignal::new(t));
                let save = move || row_outcome.set(change_council(|doc, now| set_holder_period(doc, role, hid, &from_now.get_untracked(), &to_now.get_untracked(), now)).err().map(Err));
                let n = name.clone();
                let n2 = name.clone();
                let n3 = name.clone();
                view! {
                    <li>
                        <span class="holder-name">{name.clone()}</span>
                        <label>{move || tr(Key::From)}
                            <input type="text" inputmode="numeric" autocomplete="off" placeholder=move || tr(Key::DateFormat) aria-label=move || format!("{} ({n})", tr(Key::From)) prop:value=move || from_now.get() on:change=move |ev| { from_now.set(event_target_value(&ev)); save(); }/>
                        </label>
                        <label>{move || tr(Key::To)}
                            <input type="text" inputmode="numeric" autocomplete="off" placeholder=move || tr(Key::DateFormat) aria-label=move || format!("{} ({n2})", tr(Key::To)) prop:value=move || to_now.get() on:change=move |ev| { to_now.set(event_target_value(&ev)); save(); }/>
                        </label>
                        <button type="button" aria-label=move || format!("{} {n3}", tr(Key::Remove))
                            on:click=move |_| row_outcome.set(change_council(|doc, now| remove_role_holder(doc, role, hid, now)).err().map(Err))>
                            {move || tr(Key::Remove)}
                        </button>
                        <Outcome outcome=row_outcome/>
                    </li>
                }
            }).collect_view()}
        </ul>
        <form class="setup-form add-holder" on:submit=add novalidate>
            <label for=select_id.clone()>{move || format!("{} ({})", tr(Key::GiveRoleTo), title.get())}</label>
            <select id=select_id on:change=move |ev| person.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || person.get().is_none()>{move || tr(Key::PickAPerson)}</option>
                {move || people.get().into_iter().map(|(pid, name)| view! {
                    <option value=pid.to_string() selected=move || person.get() == Some(pid)>{name}</option>
                }).collect_view()}
            </select>
            <label for=from_id.clone()>{move || tr(Key::From)}</label>
            <input id=from_id type="text" inputmode="numeric" autocomplete="off" placeholder=move || tr(Key::DateFormat) prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
            <label for=to_id.clone()>{move || tr(Key::To)}</label>
            <input id=to_id type="text" inputmode="numeric" autocomplete="off" placeholder=move || tr(Key::DateFormat) prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev))/>
            <button type="submit">{move || format!("{} ({})", tr(Key::GiveRole), title.get())}</button>
            <Outcome outcome=outcome/>
        </form>
    }
}

#[component]
fn AddRole() -> impl IntoView {
    let title = RwSignal::new(String::new());
    let seats = RwSignal::new(String::new());
    let outcome = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        match change_council(|doc, now| add_role(doc, RoleId::random(), &title.get_untracked(), &seats.get_untracked(), now)) {
            Ok(()) => {
                title.set(String::new());
                seats.set(String::new());
                outcome.set(Some(Ok(format!("{} {t}.", tr(Key::Added)))));
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="add-role-h" on:submit=add novalidate>
            <h2 id="add-role-h">{move || tr(Key::AddRole)}</h2>
            <Field id="ar-title" label=Key::RoleTitle value=title/>
            <Field id="ar-seats" label=Key::Seats value=seats kind="number"/>
            <button type="submit">{move || tr(Key::AddRole)}</button>
            <Outcome outcome=outcome/>
        </form>
    }
}

#[component]
fn RemovedRoles(council: Memo<Council>) -> impl IntoView {
    let removed = Memo::new(move |_| council.with(|c| c.roles.iter().filter(|r| r.removed).map(|r| (r.id, r.title.clone())).collect::<Vec<_>>()));
    view! {
        <RemovedList heading=Key::RemovedRoles heading_id="removed-roles-h" items=removed
            restore=|doc, id, now| set_role_removed(doc, id, false, now)/>
    }
}
