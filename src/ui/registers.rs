//! The registers across all the council's meetings (`#/registers`): the action-item list
//! (åtgärdslista) with overdue items marked in words, each markable done here, and the decisions
//! register (beslutsregister); both filtered by person, municipality and status.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::agenda::change;
use super::all_meetings::council_meetings;
use super::plan::today;
use super::route::Route;
use super::tr;
use crate::doc::minutes::set_action_item_status;
use crate::i18n::Key;
use crate::model::ids::{OrganisationId, PersonId};
use crate::model::registers::{action_items_register, decisions_register, ActionFilter, DecisionFilter, Origin};
use crate::model::ActionStatus;

fn meeting_href(origin: &Origin) -> String {
    DocumentId::parse(&origin.meeting_url.0).map(|id| Route::Meeting(id).href()).unwrap_or_default()
}

/// "2019-04-04 · punkt 7 – Val av beredning", linking to the meeting.
#[component]
fn OriginLink(origin: Origin) -> impl IntoView {
    let href = meeting_href(&origin);
    view! {
        <a href=href>{origin.meeting_date.clone()}</a>
        {format!(" · {} {} – {}", tr(Key::Number).to_lowercase(), origin.item_number, origin.item_description)}
    }
}

#[component]
pub fn RegistersPage() -> impl IntoView {
    let all = council_meetings();
    let person = RwSignal::new(None::<PersonId>);
    let organisation = RwSignal::new(None::<OrganisationId>);
    let status = RwSignal::new(None::<ActionStatus>);
    let overdue_only = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let people = Memo::new(move |_| {
        all.with(|a| a.council.as_ref().map(|c| c.people.iter().map(|p| (p.id, p.name.clone())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let organisations = Memo::new(move |_| {
        all.with(|a| a.council.as_ref().map(|c| c.organisations.iter().map(|o| (o.id, o.name.clone())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let actions = Memo::new(move |_| {
        let filter = ActionFilter { person: person.get(), organisation: organisation.get(), status: status.get(), overdue_only: overdue_only.get() };
        all.with(|a| a.council.as_ref().map(|c| action_items_register(&a.by_url(), c, &filter, today())).unwrap_or_default())
    });
    let decisions = Memo::new(move |_| {
        let text = search.get();
        let filter = DecisionFilter { search: (!text.trim().is_empty()).then_some(text), year: None, person: person.get() };
        all.with(|a| a.council.as_ref().map(|c| decisions_register(&a.by_url(), c, &filter)).unwrap_or_default())
    });
    let missing = Memo::new(move |_| all.with(|a| a.missing));
    let status_value = |s: Option<ActionStatus>| match s {
        None => "",
        Some(ActionStatus::Open) => "open",
        Some(ActionStatus::Done) => "done",
    };
    view! {
        <h1>{move || tr(Key::Registers)}</h1>
        <form class="filters" aria-label=move || tr(Key::Filters) on:submit=|ev| ev.prevent_default()>
            <label for="reg-person">{move || tr(Key::Person)}</label>
            <select id="reg-person" on:change=move |ev| person.set(event_target_value(&ev).parse::<PersonId>().ok())>
                <option value="">{move || tr(Key::Everyone)}</option>
                {move || people.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            <label for="reg-org">{move || tr(Key::Organisation)}</label>
            <select id="reg-org" on:change=move |ev| organisation.set(event_target_value(&ev).parse::<OrganisationId>().ok())>
                <option value="">{move || tr(Key::AllOrganisations)}</option>
                {move || organisations.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            <label for="reg-status">{move || tr(Key::Status)}</label>
            <select id="reg-status" prop:value=move || status_value(status.get()) on:change=move |ev| status.set(match event_target_value(&ev).as_str() {
                "open" => Some(ActionStatus::Open),
                "done" => Some(ActionStatus::Done),
                _ => None,
            })>
                <option value="">{move || tr(Key::AnyStatus)}</option>
                <option value="open">{move || tr(Key::StatusOpen)}</option>
                <option value="done">{move || tr(Key::StatusDone)}</option>
            </select>
            <label><input type="checkbox" prop:checked=move || overdue_only.get() on:change=move |ev| overdue_only.set(event_target_checked(&ev))/>
                " " {move || tr(Key::OverdueOnly)}</label>
        </form>
        <Show when=move || { missing.get() > 0 }>
            <p class="loading" role="status">{move || format!("{} {}", tr(Key::MeetingsBeingFetched), missing.get())}</p>
        </Show>
        <section aria-labelledby="actions-h">
            <h2 id="actions-h">{move || tr(Key::ActionItemList)}</h2>
            <p role="status" class="register-count">{move || format!("{} {}", actions.with(Vec::len), tr(Key::ActionItemsShown))}</p>
            <table class="register actions-register">
                <caption class="visually-hidden">{move || tr(Key::ActionItemList)}</caption>
                <thead><tr>
                    <th scope="col">{move || tr(Key::ActionItem)}</th>
                    <th scope="col">{move || tr(Key::Who)}</th>
                    <th scope="col">{move || tr(Key::Due)}</th>
                    <th scope="col">{move || tr(Key::Status)}</th>
                    <th scope="col">{move || tr(Key::Meeting)}</th>
                </tr></thead>
                <tbody>
                    {move || actions.get().into_iter().map(|e| {
                        let doc = DocumentId::parse(&e.origin.meeting_url.0).ok();
                        let (item, action, done) = (e.origin.item, e.id, e.status == ActionStatus::Done);
                        let label = format!("{}: {}", tr(Key::StatusDone), e.what);
                        view! {
                            <tr class:overdue=e.overdue class:done=done>
                                <th scope="row">{e.what.clone()}</th>
                                <td>{e.who.clone()}</td>
                                <td>{e.due.map(|d| d.to_string()).unwrap_or_default()}</td>
                                <td>
                                    <label>
                                        <input type="checkbox" aria-label=label prop:checked=done disabled=doc.is_none()
                                            on:change=move |ev| {
                                                let next = if event_target_checked(&ev) { ActionStatus::Done } else { ActionStatus::Open };
                                                if let Some(doc) = doc {
                                                    change(doc, move |d, now| set_action_item_status(d, item, action, next, now));
                                                }
                                            }/>
                                        " " {if done { tr(Key::StatusDone) } else { tr(Key::StatusOpen) }}
                                    </label>
                                    {e.overdue.then(|| view! { " " <strong class="overdue-flag">{tr(Key::Overdue)}</strong> })}
                                </td>
                                <td><OriginLink origin=e.origin.clone()/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section aria-labelledby="decisions-h">
            <h2 id="decisions-h">{move || tr(Key::DecisionRegister)}</h2>
            <label for="reg-search">{move || tr(Key::SearchDecisions)}</label>
            <input id="reg-search" type="search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
            <p role="status" class="register-count">{move || format!("{} {}", decisions.with(Vec::len), tr(Key::DecisionsShown))}</p>
            <table class="register decisions-register">
                <caption class="visually-hidden">{move || tr(Key::DecisionRegister)}</caption>
                <thead><tr>
                    <th scope="col">{move || tr(Key::Decision)}</th>
                    <th scope="col">{move || tr(Key::Meeting)}</th>
                </tr></thead>
                <tbody>
                    {move || decisions.get().into_iter().map(|d| view! {
                        <tr>
                            <th scope="row">{d.text.clone()}</th>
                            <td><OriginLink origin=d.origin.clone()/></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
