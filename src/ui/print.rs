//! Print views of a meeting (`#/meeting/<id>/kallelse`, `#/meeting/<id>/protokoll`): the notice
//! with its agenda and the minutes, laid out like the council's own documents (seed 002) from
//! `model::export::meeting_document`, in the documents' language (Swedish). The app's chrome is
//! hidden when printing (style: `@media print`).

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::council::council_memo;
use super::meeting::{meeting_memo, MeetingState};
use super::route::Route;
use super::tr;
use crate::i18n::Key;
use crate::model::export::{meeting_document, type_legend, MeetingDocument};

/// Which document to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// Kallelse: information and agenda.
    Notice,
    /// Minnesanteckningar: everything.
    Minutes,
}

#[component]
pub fn PrintPage(id: DocumentId, printed: Printed) -> impl IntoView {
    let meeting = meeting_memo(id);
    let council = council_memo();
    let council_name = Memo::new(move |_| council.get().and_then(Result::ok).map(|c| c.name).unwrap_or_default());
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // Back to where printing is offered: the notice under Förbered, the minutes under Efter.
    let back = match printed {
        Printed::Notice => Route::MeetingIn(id, crate::model::meeting_mode::MeetingMode::Prepare),
        Printed::Minutes => Route::MeetingIn(id, crate::model::meeting_mode::MeetingMode::After),
    };
    view! {
        <p class="no-print print-actions">
            <a href=back.href()>"← " {move || tr(Key::BackToMeeting)}</a>
            " " <button on:click=print>{move || tr(Key::Print)}</button>
        </p>
        {move || match meeting.get() {
            MeetingState::Ready(m) => {
                let title = m.title.clone();
                let doc = meeting_document(&m);
                view! { <PrintedMeeting printed=printed title=title council=council_name.get() doc=doc/> }.into_any()
            }
            MeetingState::Fetching => view! { <p class="loading" role="status">{tr(Key::FetchingMeeting)}</p> }.into_any(),
            MeetingState::Unavailable => view! { <p class="problem" role="alert">{tr(Key::MeetingUnavailable)}</p> }.into_any(),
            MeetingState::Unreadable(e) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
        }}
    }
}

fn people_table(heading: &'static str, rows: Vec<(String, String)>) -> impl IntoView {
    (!rows.is_empty()).then(|| view! {
        <h2>{heading}</h2>
        <table class="print-table">
            <thead><tr><th scope="col">"Namn"</th><th scope="col">"Kommun/Organisation"</th></tr></thead>
            <tbody>{rows.into_iter().map(|(n, o)| view! { <tr><td>{n}</td><td>{o}</td></tr> }).collect_view()}</tbody>
        </table>
    })
}

fn list(heading: &'static str, lines: Vec<String>) -> impl IntoView {
    (!lines.is_empty()).then(|| view! {
        <p class="print-list-heading"><strong>{heading}</strong></p>
        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
    })
}

#[component]
fn PrintedMeeting(printed: Printed, title: String, council: String, doc: MeetingDocument) -> impl IntoView {
    let MeetingDocument { information, attendees, absentees, agenda, sections, recorded_by, approved_by } = doc;
    let minutes = printed == Printed::Minutes;
    view! {
        <article class="print-doc" lang="sv">
            <h1>{if minutes { "Minnesanteckningar".to_string() } else { format!("Kallelse: {title}") }}</h1>
            <p class="print-council">{council}</p>
            <h2>"Information om möte"</h2>
            <table class="print-table print-information">
                <tbody>{information.into_iter().map(|(label, value)| view! { <tr><th scope="row">{label}</th><td>{value}</td></tr> }).collect_view()}</tbody>
            </table>
            {minutes.then(|| view! { {people_table("Deltagare", attendees)} {people_table("Förhindrade", absentees)} })}
            <h2>"Dagordning"</h2>
            <p class="print-legend">{type_legend()}</p>
            <table class="print-table print-agenda">
                <thead><tr>
                    <th scope="col">"Punkt"</th><th scope="col">"Typ"</th><th scope="col">"Beskrivning"</th>
                    <th scope="col">"Ansvarig"</th><th scope="col">"Ca tid"</th>
                </tr></thead>
                <tbody>
                    {agenda.into_iter().map(|r| view! {
                        <tr><td>{r.number}</td><td>{r.kind}</td><td class="pre">{r.description}</td><td>{r.responsible}</td><td>{r.start}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {minutes.then(|| view! {
                {sections.into_iter().map(|s| view! {
                    <section class="print-item">
                        <h3>{s.heading}</h3>
                        {(!s.notes.is_empty()).then(|| view! { <p class="pre">{s.notes}</p> })}
                        {list("Gruppen diskuterade följande", s.discussion)}
                        {list("Beslut", s.decisions)}
                        {list("Åtgärder", s.actions)}
                    </section>
                }).collect_view()}
                {recorded_by.map(|by| view! { <p class="print-signature"><strong>"Antecknat av"</strong><br/>{by}</p> })}
                {approved_by.map(|by| view! { <p class="print-signature"><strong>"Justerat av"</strong><br/>{by}</p> })}
            })}
        </article>
    }
}
