//! Paste an agenda (klistra in dagordning): a table copied from Word or the seeds becomes agenda
//! items in one change; every row that could not be read is listed with its line and reason.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::agenda::change;
use super::{tr, with_ws, LangContext};
use crate::doc::council::hydrate_council;
use crate::doc::meeting::add_agenda_items;
use crate::i18n::Key;
use crate::model::agenda_import::{parse_agenda, RowProblem};
use crate::model::ItemId;

/// The council's people's names, so a pasted row's "Ansvarig" is recognised.
fn council_names() -> Vec<String> {
    with_ws(|ws| {
        ws.read(&ws.council_id()?, |doc| hydrate_council(doc).map(|c| c.current_people().map(|p| p.name.clone()).collect()).unwrap_or_default())
    })
    .flatten()
    .unwrap_or_default()
}

#[component]
pub fn PasteAgenda(id: DocumentId) -> impl IntoView {
    let LangContext(lang) = expect_context::<LangContext>();
    let text = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<RowProblem>::new());
    let notices = RwSignal::new(Vec::<RowProblem>::new());
    let added = RwSignal::new(None::<usize>);
    let add = move |_| {
        let names = council_names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let import = parse_agenda(&text.get_untracked(), &names);
        let count = import.items.len();
        if count > 0 {
            let items: Vec<_> = import.items.into_iter().map(|item| (ItemId::random(), item)).collect();
            change(id, move |doc, now| add_agenda_items(doc, None, items, now).map(|_| ()));
        }
        // Only the rows that were not added stay in the field, to be fixed and added again.
        text.set(import.problems.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n"));
        added.set(Some(count));
        problems.set(import.problems);
        notices.set(import.notices);
    };
    let say = move |p: &RowProblem| {
        let lang = lang.get();
        lang.pick(format!("{} — ”{}”", p.sv(), p.text), format!("{} — “{}”", p.en(), p.text))
    };
    view! {
        <section class="paste-agenda" aria-labelledby="paste-h">
            <h3 id="paste-h">{move || tr(Key::PasteAgenda)}</h3>
            <p id="paste-help" class="help">{move || tr(Key::PasteAgendaHelp)}</p>
            <textarea class="paste" rows="4" aria-label=move || tr(Key::PasteAgenda) aria-describedby="paste-help"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button on:click=add disabled=move || text.with(|t| t.trim().is_empty())>{move || tr(Key::AddPastedItems)}</button>
            {move || added.get().map(|n| view! { <p role="status">{tr(Key::ItemsAdded)} " " {n}</p> })}
            <Show when=move || !problems.with(Vec::is_empty)>
                <div class="paste-problems">
                    <h4 id="paste-problems-h">{move || tr(Key::RowsNotRead)}</h4>
                    <ul role="alert" aria-labelledby="paste-problems-h">
                        {move || problems.get().iter().map(|p| view! { <li>{say(p)}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            <Show when=move || !notices.with(Vec::is_empty)>
                <div class="paste-notices">
                    <h4>{move || tr(Key::RowNotices)}</h4>
                    <ul role="status">{move || notices.get().iter().map(|p| view! { <li>{say(p)}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </section>
    }
}
