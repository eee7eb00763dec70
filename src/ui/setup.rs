//! The council's own data, set up in the app: its details and meeting rules (`details`), the
//! mandate (`mandate`), organisations (`organisations`), people and who this device's member is
//! (`people`), roles and who holds them (`roles`), and the mandate and staffing plan laid out
//! for print (`print`), and the council as one backup file (`backup`). Each page reads the open council and calls `doc::council_setup`.

pub mod backup;
pub mod details;
pub mod mandate;
pub mod organisations;
pub mod people;
pub mod print;
pub mod roles;

use automerge::AutoCommit;
use leptos::prelude::*;

use super::council::council_memo;
use super::route::Route;
use super::{tr, with_ws};
use crate::doc::DocError;
use crate::i18n::Key;
use crate::model::Council;

/// Makes a change to the open council's root document; the message says what went wrong.
pub(crate) fn change_council<T>(f: impl FnOnce(&mut AutoCommit, i64) -> Result<T, DocError>) -> Result<T, String> {
    with_ws(|ws| match ws.council_id() {
        Some(id) => ws.change(id, f),
        None => Err(tr(Key::NoCouncilOpen).to_string()),
    })
    .unwrap_or_else(|| Err(tr(Key::NotStarted).to_string()))
}

/// Typing into a co-written text of the open council (committed after a pause).
pub(crate) fn type_into_council(f: impl FnOnce(&mut AutoCommit) -> Result<(), DocError>) {
    with_ws(|ws| {
        let result = match ws.council_id() {
            Some(id) => ws.type_text(id, f),
            None => Err(tr(Key::NoCouncilOpen).to_string()),
        };
        if let Err(e) = result {
            ws.problem(crate::problems::Problem::Said(e));
        }
    });
}

/// The outcome of the last action on a form: a confirmation, or what to fix.
#[component]
pub(crate) fn Outcome(outcome: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    view! {
        <div class="outcome" role="status" aria-live="polite">
            {move || outcome.get().map(|o| match o {
                Ok(msg) => view! { <p class="done">{msg}</p> }.into_any(),
                Err(e) => view! { <p class="problem">{e}</p> }.into_any(),
            })}
        </div>
    }
}

/// A setup page's frame: its heading, the way back, and the council once it is read.
#[component]
pub(crate) fn SetupPage<V: IntoView + 'static>(title: Key, page: impl Fn(Memo<Council>) -> V + Send + Sync + Copy + 'static) -> impl IntoView {
    let council = council_memo();
    let loaded = Memo::new(move |_| council.with(|c| c.as_ref().map(|r| r.as_ref().map(|_| ()).map_err(Clone::clone))));
    let shown = Memo::new(move |_| council.get().and_then(Result::ok).unwrap_or_else(|| Council::new("", "")));
    view! {
        <p><a href=Route::Council.href()>"← " {move || tr(Key::BackToCouncil)}</a></p>
        <h1>{move || tr(title)}</h1>
        {move || match loaded.get() {
            None => view! { <p class="loading" role="status">{tr(Key::FetchingCouncil)}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
            Some(Ok(())) => page(shown).into_any(),
        }}
    }
}

/// What was removed (organisations, people, roles), each with "Återställ" to put it back.
#[component]
pub(crate) fn RemovedList<Id: Copy + Send + Sync + 'static>(
    heading: Key,
    heading_id: &'static str,
    items: Memo<Vec<(Id, String)>>,
    restore: fn(&mut AutoCommit, Id, i64) -> Result<(), DocError>,
) -> impl IntoView {
    let outcome = RwSignal::new(None);
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section aria-labelledby=heading_id>
                <h2 id=heading_id>{move || tr(heading)}</h2>
                <ul>
                    {move || items.get().into_iter().map(|(id, name)| view! {
                        <li>{name.clone()} " "
                            <button type="button" aria-label=format!("{} {name}", tr(Key::Restore))
                                on:click=move |_| outcome.set(change_council(|doc, now| restore(doc, id, now)).err().map(Err))>
                                {tr(Key::Restore)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
                <Outcome outcome=outcome/>
            </section>
        </Show>
    }
}
