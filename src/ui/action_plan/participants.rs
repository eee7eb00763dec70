//! Deltagande kommuner on the initiative page: a checkbox for each of the council's
//! municipalities (a map of them is still to come; the list is what a keyboard and a screen
//! reader need anyway).

use leptos::prelude::*;

use super::InitiativeContext;
use crate::doc::plan::initiative::set_participating;
use crate::i18n::Key;
use crate::model::{OrganisationId, OrganisationKind};
use crate::ui::tr;

#[component]
pub(super) fn Participants() -> impl IntoView {
    let ctx = expect_context::<InitiativeContext>();
    let municipalities = Memo::new(move |_| {
        ctx.council.with(|c| {
            c.as_ref()
                .map(|c| c.current_organisations().filter(|o| o.kind == OrganisationKind::Municipality).map(|o| (o.id, o.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let taking_part = Memo::new(move |_| ctx.initiative.with(|i| i.as_ref().map(|i| i.participating()).unwrap_or_default()));
    let count = Memo::new(move |_| taking_part.with(Vec::len));
    let problem = RwSignal::new(None::<String>);
    let set = move |org: OrganisationId, on: bool| {
        let Some(council) = ctx.council.get_untracked() else { return };
        problem.set(ctx.change(|doc, now| set_participating(doc, &council, org, on, now)).err());
    };
    view! {
        <section class="participants" aria-labelledby="participants-h">
            <h2 id="participants-h">{move || tr(Key::ParticipatingMunicipalities)}</h2>
            <p class="help">{move || format!("{} {} {}. {}", count.get(), tr(Key::Of), municipalities.with(Vec::len), tr(Key::MapComesLater))}</p>
            <fieldset class="checkbox-grid">
                <legend class="visually-hidden">{move || tr(Key::ParticipatingMunicipalities)}</legend>
                <For each=move || municipalities.get() key=|(id, name)| (*id, name.clone()) let:m>
                    {
                        let (id, name) = m;
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || taking_part.with(|t| t.contains(&id))
                                    on:change=move |ev| set(id, event_target_checked(&ev))/>
                                " " {name}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </section>
    }
}
