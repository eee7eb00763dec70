//! "Organisationer": the council's municipalities and other bodies with kind and population —
//! added, changed in place, removed and put back — and the demo's fourteen municipalities
//! imported in one step.

use leptos::prelude::*;

use super::details::Field;
use super::{change_council, Outcome, RemovedList, SetupPage};
use crate::doc::council_setup::{add_organisation, import_demo_municipalities, set_organisation_removed, update_organisation, OrganisationForm};
use crate::i18n::Key;
use crate::model::{Council, OrganisationId, OrganisationKind};
use crate::ui::tr;

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::Organisations page=|council| view! {
            <OrganisationTable council=council/>
            <AddOrganisation/>
            <ImportMunicipalities/>
            <RemovedOrganisations council=council/>
        }/>
    }
}

fn kind_key(kind: OrganisationKind) -> Key {
    match kind {
        OrganisationKind::Municipality => Key::Municipality,
        OrganisationKind::Other => Key::OtherOrganisation,
    }
}

/// A select of the two kinds of organisation.
#[component]
fn KindSelect(id: String, label: Signal<String>, kind: RwSignal<OrganisationKind>, #[prop(optional)] on_change: Option<Callback<()>>) -> impl IntoView {
    view! {
        <select id=id aria-label=move || label.get() on:change=move |ev| {
            kind.set(if event_target_value(&ev) == "other" { OrganisationKind::Other } else { OrganisationKind::Municipality });
            if let Some(f) = on_change { f.run(()); }
        }>
            <option value="municipality" selected=move || kind.get() == OrganisationKind::Municipality>{move || tr(Key::Municipality)}</option>
            <option value="other" selected=move || kind.get() == OrganisationKind::Other>{move || tr(Key::OtherOrganisation)}</option>
        </select>
    }
}

#[component]
fn OrganisationTable(council: Memo<Council>) -> impl IntoView {
    let ids = Memo::new(move |_| council.with(|c| c.current_organisations().map(|o| o.id).collect::<Vec<_>>()));
    let total = Memo::new(move |_| council.with(Council::municipal_population));
    view! {
        <section aria-labelledby="orgs-h">
            <h2 id="orgs-h">{move || tr(Key::OrganisationsOfCouncil)}</h2>
            <Show when=move || !ids.with(Vec::is_empty) fallback=|| view! { <p>{move || tr(Key::NoOrganisationsYet)}</p> }>
                <table class="setup-table">
                    <thead><tr>
                        <th scope="col">{move || tr(Key::Name)}</th>
                        <th scope="col">{move || tr(Key::OrganisationKindLabel)}</th>
                        <th scope="col" class="num">{move || tr(Key::Population)}</th>
                        <th scope="col"><span class="visually-hidden">{move || tr(Key::RowActions)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>
                            <OrganisationRow council=council id=id/>
                        </For>
                    </tbody>
                    <tfoot><tr><th scope="row">{move || tr(Key::TotalMunicipalPopulation)}</th><td></td><td class="num">{move || total.get().to_string()}</td><td></td></tr></tfoot>
                </table>
            </Show>
        </section>
    }
}

/// One organisation, its fields saved as each is changed.
#[component]
fn OrganisationRow(council: Memo<Council>, id: OrganisationId) -> impl IntoView {
    let org = Memo::new(move |_| council.with(|c| c.organisation(id).cloned()));
    let current = move || org.get_untracked();
    let name = RwSignal::new(current().map(|o| o.name).unwrap_or_default());
    let kind = RwSignal::new(current().map(|o| o.kind).unwrap_or(OrganisationKind::Municipality));
    let population = RwSignal::new(current().and_then(|o| o.population).map(|p| p.to_string()).unwrap_or_default());
    // Someone else's change shows here; what this member is typing is not overwritten until then.
    Effect::new(move |_| {
        if let Some(o) = org.get() {
            name.set(o.name);
            kind.set(o.kind);
            population.set(o.population.map(|p| p.to_string()).unwrap_or_default());
        }
    });
    let outcome = RwSignal::new(None);
    let save = move || {
        let form = OrganisationForm { name: name.get_untracked(), kind: kind.get_untracked(), population: population.get_untracked() };
        match change_council(|doc, now| update_organisation(doc, id, form, now)) {
            Ok(()) => outcome.set(None),
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    let label = move |key: Key| Signal::derive(move || format!("{} {}", tr(key), name.get()));
    view! {
        <tr>
            <td data-label=move || tr(Key::Name)>
                <input type="text" aria-label=move || format!("{} ({})", tr(Key::Name), org.get().map(|o| o.name).unwrap_or_default()) prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) on:change=move |_| save()/>
            </td>
            <td data-label=move || tr(Key::OrganisationKindLabel)>
                <KindSelect id=format!("ok-{id}") label=label(Key::OrganisationKindLabel) kind=kind on_change=Callback::new(move |_| save())/>
            </td>
            <td class="num" data-label=move || tr(Key::Population)>
                <input type="text" inputmode="numeric" aria-label=move || label(Key::Population).get() prop:value=move || population.get()
                    on:input=move |ev| population.set(event_target_value(&ev)) on:change=move |_| save()/>
                <Outcome outcome=outcome/>
            </td>
            <td>
                <button type="button" aria-label=move || label(Key::Remove).get()
                    on:click=move |_| { if let Err(e) = change_council(|doc, now| set_organisation_removed(doc, id, true, now)) { outcome.set(Some(Err(e))); } }>
                    {move || tr(Key::Remove)}
                </button>
            </td>
        </tr>
    }
}

#[component]
fn AddOrganisation() -> impl IntoView {
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(OrganisationKind::Municipality);
    let population = RwSignal::new(String::new());
    let outcome = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = OrganisationForm { name: name.get_untracked(), kind: kind.get_untracked(), population: population.get_untracked() };
        let added = form.name.trim().to_string();
        match change_council(|doc, now| add_organisation(doc, OrganisationId::random(), form, now)) {
            Ok(()) => {
                outcome.set(Some(Ok(format!("{} {added}.", tr(Key::Added)))));
                name.set(String::new());
                population.set(String::new());
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    view! {
        <form class="setup-form" aria-labelledby="add-org-h" on:submit=add novalidate>
            <h2 id="add-org-h">{move || tr(Key::AddOrganisation)}</h2>
            <Field id="ao-name" label=Key::Name value=name/>
            <label for="ao-kind">{move || tr(Key::OrganisationKindLabel)}</label>
            <KindSelect id="ao-kind".into() label=Signal::derive(move || tr(Key::OrganisationKindLabel).to_string()) kind=kind/>
            <Field id="ao-population" label=Key::Population value=population/>
            <button type="submit">{move || tr(Key::AddOrganisation)}</button>
            <Outcome outcome=outcome/>
        </form>
    }
}

#[component]
fn ImportMunicipalities() -> impl IntoView {
    let outcome = RwSignal::new(None);
    let import = move |_| {
        outcome.set(Some(
            change_council(|doc, now| import_demo_municipalities(doc, OrganisationId::random, now))
                .map(|n| format!("{} {n} {}.", tr(Key::Imported), tr(Key::MunicipalitiesCount))),
        ));
    };
    view! {
        <section aria-labelledby="import-h">
            <h2 id="import-h">{move || tr(Key::ImportMunicipalities)}</h2>
            <p class="help">{move || tr(Key::ImportMunicipalitiesHelp)}</p>
            <button type="button" on:click=import>{move || tr(Key::ImportMunicipalities)}</button>
            <Outcome outcome=outcome/>
        </section>
    }
}

#[component]
fn RemovedOrganisations(council: Memo<Council>) -> impl IntoView {
    let removed = Memo::new(move |_| council.with(|c| c.organisations.iter().filter(|o| o.removed).map(|o| (o.id, format!("{} ({})", o.name, tr(kind_key(o.kind))))).collect::<Vec<_>>()));
    view! {
        <RemovedList heading=Key::RemovedOrganisations heading_id="removed-orgs-h" items=removed
            restore=|doc, id, now| set_organisation_removed(doc, id, false, now)/>
    }
}
