//! "Uppdragshandling": the mandate written together — background, purpose, scope and summary as
//! co-written texts (per-character merge), goals, focus areas and rules of conduct as lists,
//! follow-up reports with their dates, and the version history a new version adds a row to.

use leptos::prelude::*;

use super::details::Field;
use super::{change_council, type_into_council, Outcome, SetupPage};
use crate::doc::council_setup::{add_entry, add_follow_up, add_mandate_version, remove_entry, set_follow_up_due, splice_entry, splice_mandate, EntryList, MandateText};
use crate::i18n::Key;
use crate::model::{Council, EntryId, MandateVersion};
use crate::ui::route::Route;
use crate::ui::text_field::CoTextField;
use crate::ui::{tr, with_ws};

#[component]
pub fn MandatePage() -> impl IntoView {
    view! {
        <SetupPage title=Key::Mandate page=|council| view! {
            <p><a href=Route::MandatePrint.href()>{move || tr(Key::PrintMandate)}</a></p>
            <MandateTextField council=council text=MandateText::Background label=Key::Background/>
            <MandateTextField council=council text=MandateText::Purpose label=Key::Purpose/>
            <EntryListEditor council=council list=EntryList::Goals label=Key::Goals/>
            <MandateTextField council=council text=MandateText::Scope label=Key::Scope/>
            <EntryListEditor council=council list=EntryList::FocusAreas label=Key::FocusAreas/>
            <MandateTextField council=council text=MandateText::Summary label=Key::MandateSummary/>
            <EntryListEditor council=council list=EntryList::RulesOfConduct label=Key::RulesOfConduct/>
            <FollowUp council=council/>
            <VersionHistory council=council/>
        }/>
    }
}

fn commit() {
    with_ws(|ws| ws.flush_typing());
}

/// One of the mandate's texts, written together.
#[component]
fn MandateTextField(council: Memo<Council>, text: MandateText, label: Key) -> impl IntoView {
    let value = Signal::derive(move || council.with(|c| text.of(c)));
    let id = format!("mandate-{label:?}").to_lowercase();
    view! {
        <section class="mandate-text" aria-labelledby=id.clone()>
            <h2 id=id.clone()>{move || tr(label)}</h2>
            <CoTextField value=value label=Signal::derive(move || tr(label).to_string()) multiline=true
                on_splice=move |pos, del, ins| type_into_council(move |doc| splice_mandate(doc, text, pos, del, &ins))
                on_commit=commit/>
        </section>
    }
}

/// A list of co-written lines (goals, focus areas, rules, a role's responsibilities…).
#[component]
pub(crate) fn EntryListEditor(council: Memo<Council>, list: EntryList, label: Key, #[prop(optional)] context: Option<Signal<String>>) -> impl IntoView {
    let ids = Memo::new(move |_| council.with(|c| list.of(c).into_iter().map(|e| e.id).collect::<Vec<_>>()));
    let outcome = RwSignal::new(None);
    let heading = move || match context {
        Some(c) => format!("{} – {}", tr(label), c.get()),
        None => tr(label).to_string(),
    };
    let add = move |_| {
        let id = EntryId::random();
        match change_council(|doc, now| add_entry(doc, list, id, "", now)) {
            Ok(()) => crate::ui::agenda::focus_first_field(format!("[data-entry='{id}']")),
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    view! {
        <section class="entry-list">
            <h3>{heading}</h3>
            <ol>
                <For each=move || ids.get() key=|id| *id let:id>
                    {
                        let value = Signal::derive(move || council.with(|c| list.of(c).into_iter().find(|e| e.id == id).map(|e| e.text.as_str().to_string()).unwrap_or_default()));
                        let position = move || ids.with(|ids| ids.iter().position(|i| *i == id).map(|p| p + 1).unwrap_or(0));
                        view! {
                            <li data-entry=id.to_string()>
                                <CoTextField value=value label=Signal::derive(move || format!("{} {}", heading(), position())) multiline=true
                                    on_splice=move |pos, del, ins| type_into_council(move |doc| splice_entry(doc, list, id, pos, del, &ins))
                                    on_commit=commit/>
                                <button type="button" aria-label=move || format!("{} {} {}", tr(Key::Remove), heading(), position())
                                    on:click=move |_| outcome.set(change_council(|doc, now| remove_entry(doc, list, id, now)).err().map(Err))>
                                    {move || tr(Key::Remove)}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
            <button type="button" on:click=add>{move || format!("{} ({})", tr(Key::AddLine), heading())}</button>
            <Outcome outcome=outcome/>
        </section>
    }
}

/// Uppföljning: the reports the council delivers, each with a date and what it contains.
#[component]
fn FollowUp(council: Memo<Council>) -> impl IntoView {
    let reports = Memo::new(move |_| council.with(|c| c.mandate.follow_up.iter().map(|r| (r.id, r.name.clone())).collect::<Vec<_>>()));
    let name = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let outcome = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match change_council(|doc, now| add_follow_up(doc, EntryId::random(), &name.get_untracked(), &due.get_untracked(), now)) {
            Ok(()) => {
                name.set(String::new());
                due.set(String::new());
                outcome.set(None);
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    view! {
        <section aria-labelledby="follow-up-h">
            <h2 id="follow-up-h">{move || tr(Key::FollowUp)}</h2>
            <For each=move || reports.get() key=|r| r.clone() let:report>
                {
                    let (id, title) = report;
                    let date = Memo::new(move |_| council.with(|c| c.mandate.follow_up.iter().find(|r| r.id == id).map(|r| r.due.clone()).unwrap_or_default()));
                    let row_outcome = RwSignal::new(None);
                    let title_for_label = title.clone();
                    view! {
                        <div class="follow-up">
                            <label>{move || format!("{} – {}", title_for_label, tr(Key::DueDate))}
                                <input type="text" inputmode="numeric" autocomplete="off" placeholder=move || tr(Key::DateFormat) prop:value=move || date.get()
                                    on:change=move |ev| row_outcome.set(change_council(|doc, now| set_follow_up_due(doc, id, &event_target_value(&ev), now)).err().map(Err))/>
                            </label>
                            <Outcome outcome=row_outcome/>
                            <EntryListEditor council=council list=EntryList::FollowUpContents(id) label=Key::ReportContents context=Signal::derive(move || title.clone())/>
                        </div>
                    }
                }
            </For>
            <form class="setup-form" on:submit=add novalidate aria-labelledby="add-report-h">
                <h3 id="add-report-h">{move || tr(Key::AddReport)}</h3>
                <Field id="fu-name" label=Key::ReportName value=name/>
                <Field id="fu-due" label=Key::DueDate value=due kind="date"/>
                <button type="submit">{move || tr(Key::AddReport)}</button>
                <Outcome outcome=outcome/>
            </form>
        </section>
    }
}

/// Versionshistorik: a row per issued version.
#[component]
fn VersionHistory(council: Memo<Council>) -> impl IntoView {
    let rows = Memo::new(move |_| council.with(|c| c.mandate.version_history.clone()));
    let date = RwSignal::new(String::new());
    let version = RwSignal::new(String::new());
    let issued_by = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let outcome = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let row = MandateVersion { id: EntryId::random(), date: date.get_untracked(), version: version.get_untracked(), issued_by: issued_by.get_untracked(), reason: reason.get_untracked() };
        match change_council(|doc, now| add_mandate_version(doc, row, now)) {
            Ok(()) => {
                for s in [date, version, issued_by, reason] {
                    s.set(String::new());
                }
                outcome.set(Some(Ok(tr(Key::VersionAdded).to_string())));
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };
    view! {
        <section aria-labelledby="versions-h">
            <h2 id="versions-h">{move || tr(Key::VersionHistory)}</h2>
            <table class="setup-table">
                <thead><tr>
                    <th scope="col">{move || tr(Key::Date)}</th><th scope="col">{move || tr(Key::Version)}</th>
                    <th scope="col">{move || tr(Key::IssuedBy)}</th><th scope="col">{move || tr(Key::ChangeReason)}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! {
                        <tr><td>{r.date}</td><td>{r.version}</td><td>{r.issued_by}</td><td>{r.reason}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <form class="setup-form" on:submit=add novalidate aria-labelledby="add-version-h">
                <h3 id="add-version-h">{move || tr(Key::AddVersion)}</h3>
                <Field id="mv-date" label=Key::Date value=date kind="date"/>
                <Field id="mv-version" label=Key::Version value=version/>
                <Field id="mv-issued" label=Key::IssuedBy value=issued_by/>
                <Field id="mv-reason" label=Key::ChangeReason value=reason/>
                <button type="submit">{move || tr(Key::AddVersion)}</button>
                <Outcome outcome=outcome/>
            </form>
        </section>
    }
}
