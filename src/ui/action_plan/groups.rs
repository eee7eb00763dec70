//! Grupper on the initiative page (styrgrupp, projektgrupp): each group's members, picked from
//! the council's people and taken out again; a new group.

use leptos::prelude::*;

use super::InitiativeContext;
use crate::doc::plan::initiative::{add_group, add_group_member, remove_group_member, set_group_removed};
use crate::i18n::Key;
use crate::model::plan::GroupKind;
use crate::model::{GroupId, PersonId};
use crate::ui::tr;

fn kind_key(kind: GroupKind) -> Key {
    match kind {
        GroupKind::Steering => Key::SteeringGroup,
        GroupKind::Project => Key::ProjectGroup,
        GroupKind::Other => Key::OtherGroup,
    }
}

fn kind_value(kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Steering => "steering",
        GroupKind::Project => "project",
        GroupKind::Other => "other",
    }
}

const KINDS: [GroupKind; 3] = [GroupKind::Steering, GroupKind::Project, GroupKind::Other];

#[component]
pub(super) fn Groups() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let ids = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().map(|i| i.groups.iter().filter(|g| !g.deleted).map(|g| g.id).collect::<Vec<_>>()).unwrap_or_default()));
    view! {
        <section class="groups" aria-labelledby="groups-h">
            <h2 id="groups-h">{move || tr(Key::Groups)}</h2>
            <For each=move || ids.get() key=|id| *id let:id>
                <GroupView id=id/>
            </For>
            <NewGroupForm/>
        </section>
    }
}

#[component]
fn GroupView(id: GroupId) -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let group = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().and_then(|i| i.groups.iter().find(|g| g.id == id).cloned())));
    let title = Memo::new(move |_| group.with(|g| g.as_ref().map(|g| g.name.clone()).unwrap_or_default()));
    let members = Memo::new(move |_| {
        let people = ctx.council.with(|c| c.as_ref().map(|c| c.people.iter().map(|p| (p.id, p.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
        group.with(|g| {
            g.as_ref()
                .map(|g| g.current_members().map(|m| (m.person, people.iter().find(|(p, _)| *p == m.person).map(|(_, n)| n.clone()).unwrap_or_default(), m.note.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let candidates = Memo::new(move |_| {
        let inside: Vec<PersonId> = members.with(|m| m.iter().map(|(p, _, _)| *p).collect());
        ctx.council.with(|c| c.as_ref().map(|c| c.current_people().filter(|p| !inside.contains(&p.id)).map(|p| (p.id, p.name.clone())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let chosen = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(person) = candidates.with_untracked(|c| c.iter().find(|(p, _)| p.to_string() == chosen.get_untracked()).map(|(p, _)| *p)) else {
            problem.set(Some(tr(Key::ChoosePersonFirst).to_string()));
            return;
        };
        let Some(council) = ctx.council.get_untracked() else { return };
        match ctx.change(|doc, now| add_group_member(doc, &council, id, person, "", now)) {
            Ok(()) => {
                problem.set(None);
                chosen.set(String::new());
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    let heading_id = format!("group-{id}");
    let labelled_by = heading_id.clone();
    let select_id = format!("group-add-{id}");
    let select_for = select_id.clone();
    view! {
        <div class="group" role="group" aria-labelledby=labelled_by>
            <h3 id=heading_id>{move || title.get()} " (" {move || members.with(Vec::len)} ")"</h3>
            <ul class="members">
                {move || members.get().into_iter().map(|(person, name, note)| {
                    let label_name = name.clone();
                    view! {
                        <li>
                            <span>{name}{(!note.is_empty()).then(|| format!(" – {note}"))}</span>
                            <button type="button" aria-label=move || format!("{} {} {} {}", tr(Key::Remove), label_name, tr(Key::From), title.get())
                                on:click=move |_| problem.set(ctx.change(|doc, now| remove_group_member(doc, id, person, now)).err())>{move || tr(Key::Remove)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=add novalidate>
                <label for=select_for>{move || format!("{} {}", tr(Key::AddMemberTo), title.get())}</label>
                <select id=select_id prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="">{move || tr(Key::ChoosePerson)}</option>
                    {move || candidates.get().into_iter().map(|(p, n)| view! { <option value=p.to_string()>{n}</option> }).collect_view()}
                </select>
                <button type="submit">{move || tr(Key::AddMember)}</button>
                <button type="button" aria-label=move || format!("{} {}", tr(Key::RemoveGroup), title.get())
                    on:click=move |_| problem.set(ctx.change(|doc, now| set_group_removed(doc, id, true, now)).err())>{move || tr(Key::RemoveGroup)}</button>
            </form>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </div>
    }
}

#[component]
fn NewGroupForm() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let kind = RwSignal::new(GroupKind::Steering);
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ctx.change(|doc, now| add_group(doc, GroupId::random(), kind.get_untracked(), &name.get_untracked(), now)) {
            Ok(_) => {
                problem.set(None);
                name.set(String::new());
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="new-group-h" on:submit=add novalidate>
            <h3 id="new-group-h">{move || tr(Key::NewGroup)}</h3>
            <label for="ng-kind">{move || tr(Key::GroupKind)}</label>
            <select id="ng-kind" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(k) = KINDS.into_iter().find(|k| kind_value(*k) == v) { kind.set(k); }
            }>
                {KINDS.into_iter().map(|k| view! { <option value=kind_value(k) selected=move || kind.get() == k>{move || tr(kind_key(k))}</option> }).collect_view()}
            </select>
            <label for="ng-name">{move || tr(Key::GroupName)}</label>
            <input id="ng-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <button type="submit">{move || tr(Key::AddGroup)}</button>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </form>
    }
}
