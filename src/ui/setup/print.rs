//! The mandate (uppdragshandling) and the staffing plan (bemanningsplan) laid out for print in
//! the order of seed 000: commissioner and recipient, version history, the description of the
//! assignment, its period, the organisation with who holds each role, and the follow-up.
//! Printed documents are in Swedish, as the council files them.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::model::{Council, Entry, Role};
use crate::ui::council::council_memo;
use crate::ui::route::Route;
use crate::ui::tr;

fn print_now() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

fn lines(entries: &[Entry]) -> impl IntoView {
    let items: Vec<String> = entries.iter().map(|e| e.text.as_str().to_string()).filter(|t| !t.trim().is_empty()).collect();
    (!items.is_empty()).then(|| view! { <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> })
}

fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n").filter(|p| !p.trim().is_empty()).map(|p| view! { <p>{p.trim().to_string()}</p> }).collect_view()
}

/// "Henrik Röste" or "Titti Andersson, Fyrbodals kommunalförbund" for each current holder.
fn held_by(c: &Council, role: &Role) -> String {
    role.holders
        .iter()
        .filter(|h| h.to.is_empty())
        .filter_map(|h| c.person(h.person))
        .map(|p| match p.organisation.and_then(|o| c.organisation(o)) {
            Some(o) => format!("{}, {}", p.name, o.name),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn PrintFrame(back: Route, children: ChildrenFn) -> impl IntoView {
    let council = council_memo();
    view! {
        <p class="no-print print-actions">
            <a href=back.href()>"← " {move || tr(Key::Back)}</a>
            " " <button on:click=move |_| print_now()>{move || tr(Key::Print)}</button>
        </p>
        {move || match council.get() {
            Some(Ok(_)) => children().into_any(),
            Some(Err(e)) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
            None => view! { <p class="loading" role="status">{tr(Key::FetchingCouncil)}</p> }.into_any(),
        }}
    }
}

#[component]
pub fn MandatePrint() -> impl IntoView {
    let council = council_memo();
    let c = move || council.get().and_then(Result::ok).unwrap_or_else(|| Council::new("", ""));
    view! {
        <PrintFrame back=Route::Mandate>
            {move || {
                let c = c();
                let m = c.mandate.clone();
                let period = (!c.period_start.is_empty() || !c.period_end.is_empty())
                    .then(|| format!("Uppdragets tidsplan är från och med {} fram till {}.", c.period_start, c.period_end));
                view! {
                    <article class="printed mandate-print" lang="sv">
                        <h1>{c.name.clone()}</h1>
                        <p class="subtitle">"Uppdragshandling"</p>
                        <h2>"Uppdragsgivare"</h2><p>{c.commissioner.clone()}</p>
                        <h2>"Uppdragsmottagare"</h2><p>{c.recipient.clone()}</p>
                        <h2>"Dokumentstyrning"</h2>
                        <h3>"Versionshistorik"</h3>
                        <table class="print-table">
                            <thead><tr><th scope="col">"Datum"</th><th scope="col">"Version"</th><th scope="col">"Utfärdare"</th><th scope="col">"Förändringsorsak"</th></tr></thead>
                            <tbody>{m.version_history.iter().map(|v| view! { <tr><td>{v.date.clone()}</td><td>{v.version.clone()}</td><td>{v.issued_by.clone()}</td><td>{v.reason.clone()}</td></tr> }).collect_view()}</tbody>
                        </table>
                        <h2>"Uppdragsbeskrivning"</h2>
                        <h3>"Bakgrund"</h3>{paragraphs(m.background.as_str())}
                        <h3>"Syfte"</h3>{paragraphs(m.purpose.as_str())}
                        <h3>"Mål"</h3>{lines(&m.goals)}
                        <h3>"Avgränsning"</h3>{paragraphs(m.scope.as_str())}
                        <h3>"Ämnesområden"</h3>{lines(&m.focus_areas)}
                        <h3>"Sammanfattning av uppdraget"</h3>{paragraphs(m.summary.as_str())}
                        <h3>"Förhållningsregler"</h3>{lines(&m.rules_of_conduct)}
                        {period.map(|p| view! { <h3>"Tidplan för uppdraget"</h3><p>{p}</p> })}
                        <StaffingTable council=c.clone()/>
                        <h2>"Uppföljning"</h2>
                        {m.follow_up.iter().map(|r| view! {
                            <h3>{r.name.clone()} {(!r.due.is_empty()).then(|| format!(" ({})", r.due))}</h3>
                            {lines(&r.contents)}
                        }).collect_view()}
                    </article>
                }
            }}
        </PrintFrame>
    }
}

#[component]
fn StaffingTable(council: Council) -> impl IntoView {
    let rows: Vec<(String, String)> = council.current_roles().map(|r| (r.title.clone(), held_by(&council, r))).collect();
    view! {
        <h2>"Bemanningsplan"</h2>
        <table class="print-table">
            <thead><tr><th scope="col">"Roll"</th><th scope="col">"Bemannas av"</th></tr></thead>
            <tbody>{rows.into_iter().map(|(r, h)| view! { <tr><td>{r}</td><td>{h}</td></tr> }).collect_view()}</tbody>
        </table>
    }
}

/// The staffing plan alone: each role, its responsibilities and powers, and who holds it.
#[component]
pub fn StaffingPrint() -> impl IntoView {
    let council = council_memo();
    view! {
        <PrintFrame back=Route::Roles>
            {move || {
                let c = council.get().and_then(Result::ok).unwrap_or_else(|| Council::new("", ""));
                view! {
                    <article class="printed" lang="sv">
                        <h1>{c.name.clone()}</h1>
                        <StaffingTable council=c.clone()/>
                        <h2>"Roller och ansvar"</h2>
                        {c.current_roles().map(|r| view! {
                            <h3>{r.title.clone()} {r.seats.map(|s| format!(" ({s} {})", if s == 1 { "plats" } else { "platser" }))}</h3>
                            {(!r.responsibilities.is_empty()).then(|| view! { <h4>"Ansvar"</h4> })}
                            {lines(&r.responsibilities)}
                            {(!r.powers.is_empty()).then(|| view! { <h4>"Befogenheter"</h4> })}
                            {lines(&r.powers)}
                        }).collect_view()}
                    </article>
                }
            }}
        </PrintFrame>
    }
}
