//! "Personer": the council's people with organisation, e-mail and phone — added, changed in
//! place, removed (still named in old minutes) and put back — and "Det här är jag", which this
//! device's member picks so their presence carries their name.

use leptos::prelude::*;

use super::details::Field;
use super::{change_council, Outcome, RemovedList, SetupPage};
use crate::doc::council_setup::{add_person, set_person_removed, update_person, PersonForm};
use crate::i18n::Key;
use crate::model::{Council, OrganisationId, Person, PersonId};
use crate::ui::presence::{me, set_me};
use crate::ui::tr;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <SetupPage title=Key::People page=|council| view! {
            <PeopleTable council=council/>
            <AddPerson council=council/>
            <RemovedPeople council=council/>
        }/>
    }
}

/// A select of the council's organisations (or none).
#[component]
fn OrganisationSelect(id: String, label: Signal<String>, council: Memo<Council>, value: RwSignal<Option<OrganisationId>>, #[prop(optional)] on_change: Option<Callback<()>>) -> impl IntoView {
    let options = Memo::new(move |_| council.with(|c| c.current_organisations().map(|o| (o.id, o.name.clone())).collect::<Vec<_>>()));
    view! {
        <select id=id aria-label=move || label.get() on:change=move |ev| {
            value.set(event_target_value(&ev).parse().ok());
            if let Some(f) = on_change { f.run(()); }
        }>
            <option value="" selected=move || value.get().is_none()>{move || tr(Key::NoOrganisation)}</option>
            {move || options.get().into_iter().map(|(oid, name)| view! {
                <option value=oid.to_string() selected=move || value.get() == Some(oid)>{name}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
fn PeopleTable(council: Memo<Council>) -> impl IntoView {
    let ids = Memo::new(move |_| council.with(|c| c.current_people().map(|p| p.id).collect::<Vec<_>>()));
    let me = RwSignal::new(me());
    view! {
        <section aria-labelledby="people-h">
            <h2 id="people-h">{move || tr(Key::PeopleOfCouncil)}</h2>
            <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p>{move || tr(Key::NoPeopleYet)}</p> }>
                <table class="setup-table">
                    <thead><tr>
                        <th scope="col">{move || tr(Key::Name)}</th>
                        <th scope="col">{move || tr(Key::Organisation)}</th>
                        <th scope="col">{move || tr(Key::Email)}</th>
                        <th scope="col">{move || tr(Key::Phone)}</th>
                        <th scope="col"><span class="visually-hidden">{move || tr(Key::RowActions)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>
                            <PersonRow council=council id=id me=me/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

fn form_of(p: &Person) -> PersonForm {
    PersonForm { name: p.name.clone(), organisation: p.organisation, email: p.email.clone(), phone: p.phone.clone() }
}

/// One person, each field saved as it is changed.
#[component]
fn PersonRow(council: Memo<Council>, id: PersonId, me: RwSignal<Option<PersonId>>) -> impl IntoView {
    let person = Memo::new(move |_| council.with(|c| c.person(id).cloned()));
    let start = person.get_untracked().as_ref().map(form_of).unwrap_or_default();
    let name = RwSignal::new(start.name);
    let organisation = RwSignal::new(start.organisation);
    let email = RwSignal::new(start.email);
    let phone = RwSignal::new(start.phone);
    Effect::new(move |_| {
        if let Some(p) = person.get() {
            name.set(p.name);
            organisation.set(p.organisation);
            email.set(p.email);
            phone.set(p.phone);
        }
    });
    let outcome = RwSignal::new(None);
    let save = move || {
        let form = PersonForm { name: name.get_untracked(), organisation: organisation.get_untracked(), email: email.get_untracked(), phone: phone.get_untracked() };
        outcome.set(change_council(|doc, now| update_person(doc, id, form, now)).err().map(Err));
    };
    let shown = move || person.get().map(|p| p.name).unwrap_or_default();
    let label = move |key: Key| Signal::derive(move || format!("{} ({})", tr(key), shown()));
    let input = move |key: Key, value: RwSignal<String>, kind: &'static str| view! {
        <input type=kind aria-label=move || label(key).get() prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev)) on:change=move |_| save()/>
    };
    view! {
        <tr>
            <td data-label=move || tr(Key::Name)>{input(Key::Name, name, "text")} <Outcome outcome=outcome/></td>
            <td data-label=move || tr(Key::Organisation)>
                <OrganisationSelect id=format!("po-{id}") label=label(Key::Organisation) council=council value=organisation on_change=Callback::new(move |_| save())/>
            </td>
            <td data-label=move || tr(Key::Email)>{input(Key::Email, email, "email")}</td>
            <td data-label=move || tr(Key::Phone)>{input(Key::Phone, phone, "tel")}</td>
            <td class="row-actions">
                <button type="button" aria-pressed=move || (me.get() == Some(id)).to_string() aria-label=move || format!("{} ({})", tr(Key::ThisIsMe), shown())
                    on:click=move |_| { let next = (me.get_untracked() != Some(id)).then_some(id); set_me(next); me.set(next); }>
                    {move || tr(Key::ThisIsMe)}
                </button>
                <button type="button" aria-label=move || label(Key::Remove).get()
                    on:click=move |_| outcome.set(change_council(|doc, now| set_person_removed(doc, id, true, now)).err().map(Err))>
                    {move || tr(Key::Remove)}
                </button>
            </td>
        </tr>
    }
}

#[component]
fn AddPerson(council: Memo<Council>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(None);
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let outcome = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = PersonForm { name: name.get_untracked(), organisation: organisation.get_untracked(), email: email.get_untracked(), phone: phone.get_untracked() };
        let added = form.name.trim().to_string();
        match change_council(|doc, now| add_person(doc, PersonId::random(), form, now)) {
            Ok(()) => {
                outcome.set(Some(Ok(format!("{} {added}.", tr(Key::Added)))));
                name.set(String::new());
                email.set(String::new());
                phone.set(String::new());
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="add-person-h" on:submit=add novalidate>
            <h2 id="add-person-h">{move || tr(Key::AddPerson)}</h2>
            <Field id="ap-name" label=Key::Name value=name/>
            <label for="ap-org">{move || tr(Key::Organisation)}</label>
            <OrganisationSelect id="ap-org".into() label=Signal::derive(move || tr(Key::Organisation).to_string()) council=council value=organisation/>
            <Field id="ap-email" label=Key::Email value=email kind="email"/>
            <Field id="ap-phone" label=Key::Phone value=phone kind="tel"/>
            <button type="submit">{move || tr(Key::AddPerson)}</button>
            <Outcome outcome=outcome/>
        </form>
    }
}

#[component]
fn RemovedPeople(council: Memo<Council>) -> impl IntoView {
    let removed = Memo::new(move |_| council.with(|c| c.people.iter().filter(|p| p.removed).map(|p| (p.id, p.name.clone())).collect::<Vec<_>>()));
    view! {
        <RemovedList heading=Key::RemovedPeople heading_id="removed-people-h" items=removed
            restore=|doc, id, now| set_person_removed(doc, id, false, now)/>
    }
}
