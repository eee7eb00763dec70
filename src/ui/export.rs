//! Out of the app, from the meeting page: the print views of the notice and the minutes, the
//! same as Markdown files, and the meeting as an `.ics` file for a calendar. Files are made on
//! this device from the document (no server needed) and handed to the browser as downloads.

use std::cell::RefCell;

use leptos::prelude::*;
use radslag_protocol::DocumentId;
use wasm_bindgen::JsCast;

use super::council::council_memo;
use super::meeting::MeetingState;
use super::route::Route;
use super::{lang, tr};
use crate::i18n::{Bilingual, Key};
use crate::model::export::{meeting_ics, minutes_markdown, notice_markdown};
use crate::sync::now_secs;

thread_local! {
    // The last download's object URL: kept until the next one, so the browser can still read it.
    static LAST_DOWNLOAD: RefCell<Option<gloo_file::ObjectUrl>> = const { RefCell::new(None) };
}

/// Hands `content` to the browser as a file called `name`.
/// A plain file name part from a title: "Dalslands e-råd" → "dalslands-e-rad"; `fallback`
/// when nothing of it is left.
pub(crate) fn file_stem(title: &str, fallback: &str) -> String {
    let plain: String = title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let parts: Vec<&str> = plain.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { fallback.to_string() } else { parts.join("-") }
}

pub(crate) fn download(name: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    let blob = gloo_file::Blob::new_with_options(content, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no link")?.dyn_into().map_err(|_| "no link")?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    LAST_DOWNLOAD.with(|last| *last.borrow_mut() = Some(url));
    Ok(())
}

#[component]
pub fn ExportLinks(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let council = council_memo();
    let problem = RwSignal::new(None::<String>);
    let export = move |what: Key| {
        let MeetingState::Ready(m) = meeting.get_untracked() else { return };
        let council_name = council.get_untracked().and_then(Result::ok).map(|c| c.name).unwrap_or_default();
        let result = match what {
            Key::DownloadNotice => download(&format!("kallelse-{}.md", m.date), "text/markdown", notice_markdown(&m, &council_name).as_bytes()),
            Key::DownloadMinutes => download(&format!("minnesanteckningar-{}.md", m.date), "text/markdown", minutes_markdown(&m, &council_name).as_bytes()),
            _ => match meeting_ics(&m, &id.url(), &council_name, now_secs()) {
                Ok(ics) => download(&format!("mote-{}.ics", m.date), "text/calendar", ics.as_bytes()),
                Err(e) => Err(format!("{} {}", tr(Key::CalendarFileFailed), e.say(lang()))),
            },
        };
        problem.set(result.err());
    };
    view! {
        <nav class="export-links no-print" aria-label=move || tr(Key::OutOfTheApp)>
            <a href=Route::NoticePrint(id).href()>{move || tr(Key::PrintNotice)}</a>
            <a href=Route::MinutesPrint(id).href()>{move || tr(Key::PrintMinutes)}</a>
            <button on:click=move |_| export(Key::DownloadNotice)>{move || tr(Key::DownloadNotice)}</button>
            <button on:click=move |_| export(Key::DownloadMinutes)>{move || tr(Key::DownloadMinutes)}</button>
            <button on:click=move |_| export(Key::AddToCalendar)>{move || tr(Key::AddToCalendar)}</button>
            {move || problem.get().map(|p| view! { <p class="problem" role="alert">{p}</p> })}
        </nav>
    }
}
