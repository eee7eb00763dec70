//! "Säkerhetskopia": the open council exported as one file (every document, with its history),
//! and a file imported on any device, merged with what is there. Works offline: the file is
//! made from and read into this device's documents.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Outcome;
use crate::i18n::Key;
use crate::ui::route::{self, Route};
use crate::ui::{tr, with_ws};

/// A file name from the council's name: "Dalslands e-råd" → "dalslands-e-rad.radslag".
fn file_name(council: &str) -> String {
    format!("{}.radslag", crate::ui::export::file_stem(council, "rad"))
}

/// "Exportera rådet" on the council's details page.
#[component]
pub fn ExportCouncil(name: Signal<String>) -> impl IntoView {
    let outcome = RwSignal::new(None);
    let export = move |_| {
        let Some(ws) = with_ws(|ws| ws.clone()) else { return };
        let name = name.get_untracked();
        wasm_bindgen_futures::spawn_local(async move {
            let result = ws.export_council().await.and_then(|bytes| {
                crate::ui::export::download(&file_name(&name), "application/octet-stream", &bytes)?;
                Ok(format!("{} ({} kB)", tr(Key::CouncilExported), bytes.len().div_ceil(1024)))
            });
            outcome.set(Some(result));
        });
    };
    view! {
        <section aria-labelledby="backup-h">
            <h2 id="backup-h">{move || tr(Key::Backup)}</h2>
            <p class="help">{move || tr(Key::BackupHelp)}</p>
            <button type="button" on:click=export>{move || tr(Key::ExportCouncil)}</button>
            <Outcome outcome=outcome/>
        </section>
    }
}

/// "Importera ett råd från fil" on the start page.
#[component]
pub fn ImportCouncil() -> impl IntoView {
    let outcome = RwSignal::new(None);
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let Some(ws) = with_ws(|ws| ws.clone()) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    outcome.set(Some(Err(tr(Key::FileUnreadable).to_string())));
                    return;
                }
            };
            match ws.import_council(&bytes).await {
                Ok(_) => route::replace(Route::Council),
                Err(e) => outcome.set(Some(Err(e))),
            }
        });
    };
    view! {
        <section aria-labelledby="import-council-h">
            <h2 id="import-council-h">{move || tr(Key::ImportCouncil)}</h2>
            <p class="help" id="import-council-help">{move || tr(Key::ImportCouncilHelp)}</p>
            <label for="import-council-file">{move || tr(Key::BackupFile)}</label>
            <input id="import-council-file" type="file" accept=".radslag" aria-describedby="import-council-help" on:change=import/>
            <Outcome outcome=outcome/>
        </section>
    }
}
