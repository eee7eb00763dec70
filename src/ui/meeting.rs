//! The meeting page: when and where, the switch between its modes (Förbered, Under mötet,
//! Efter; each its own URL) and the mode shown. Opens the meeting's document from this device,
//! or fetches it from the server.

mod after;
mod during;
mod mode_switch;
mod prepare;

use automerge::{ReadDoc, ROOT};
use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::route::{replace, MeetingMode, Route, RouteDetail};
use super::{tr, with_ws};
use crate::doc::meeting::hydrate_meeting;
use crate::i18n::Key;
use crate::model::meeting::Meeting;

/// What the page can show of a meeting document right now.
#[derive(Debug, Clone, PartialEq)]
pub enum MeetingState {
    /// Not on this device yet; asked the server.
    Fetching,
    /// Neither here nor on the server.
    Unavailable,
    Ready(Meeting),
    Unreadable(String),
}

/// The meeting in document `id`, re-read whenever the document changes.
pub fn meeting_memo(id: DocumentId) -> Memo<MeetingState> {
    with_ws(|ws| ws.ensure_open(id));
    let revision = with_ws(|ws| ws.revision_signal(id));
    let unavailable = with_ws(|ws| ws.unavailable());
    Memo::new(move |_| {
        if let Some(r) = &revision {
            r.get();
        }
        let read = with_ws(|ws| {
            ws.read(&id, |doc| {
                if doc.keys(ROOT).next().is_none() {
                    None
                } else {
                    Some(hydrate_meeting(doc).map_err(|e| super::say(&e)))
                }
            })
        })
        .flatten()
        .flatten();
        match read {
            Some(Ok(m)) => MeetingState::Ready(m),
            Some(Err(e)) => MeetingState::Unreadable(e),
            None if unavailable.as_ref().is_some_and(|u| u.with(|u| u.contains(&id))) => MeetingState::Unavailable,
            None => MeetingState::Fetching,
        }
    })
}

/// Which tab of the mode switch is open; items under the meeting aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Prepare,
    During,
    After,
}

#[component]
pub fn MeetingPage(id: DocumentId) -> impl IntoView {
    let meeting = meeting_memo(id);
    // The header re-renders only when these fields change, not on every keystroke in the agenda.
    let header = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => Some((m.title, m.date, m.start, m.end, m.place, m.video_link)),
        _ => None,
    });
    let is_ready = Memo::new(move |_| matches!(meeting.get(), MeetingState::Ready(_)));
    let RouteDetail(detail) = expect_context::<RouteDetail>();
    // The mode the URL names; a bare meeting link names none. While the URL already names
    // another page (this one is about to go), the last mode stands.
    let asked = Memo::new(move |last: Option<&Option<MeetingMode>>| match detail.get() {
        Route::MeetingIn(m, mode) if m == id => Some(mode),
        Route::Meeting(m) if m == id => None,
        _ => last.copied().flatten(),
    });
    let mode = Memo::new(move |_| {
        asked.get().unwrap_or_else(|| match meeting.get() {
            MeetingState::Ready(m) => MeetingMode::default_for(&m),
            _ => MeetingMode::Prepare,
        })
    });
    // A bare link becomes the mode it opened, so a reload or a copied link lands there again.
    Effect::new(move |_| {
        if detail.get() == Route::Meeting(id) && is_ready.get() {
            replace(Route::MeetingIn(id, mode.get_untracked()));
        }
    });
    let tab = Memo::new(move |_| match mode.get() {
        MeetingMode::Prepare => Tab::Prepare,
        MeetingMode::During(_) => Tab::During,
        MeetingMode::After => Tab::After,
    });
    let asked_item = Memo::new(move |_| match mode.get() {
        MeetingMode::During(item) => item,
        _ => None,
    });
    // Another mode starts at the top of the page, below the switch.
    Effect::new(move |previous: Option<Tab>| {
        let now = tab.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        now
    });
    let (focus_entered, focus_left) = super::presence::focus_tracker(id);
    view! {
        <p><a href=Route::Council.href()>"← " {move || tr(Key::BackToCouncil)}</a></p>
        {move || match meeting.get() {
            MeetingState::Fetching => Some(view! { <p class="loading" role="status">{tr(Key::FetchingMeeting)}</p> }.into_any()),
            MeetingState::Unavailable => Some(view! { <p class="problem" role="alert">{tr(Key::MeetingUnavailable)}</p> }.into_any()),
            MeetingState::Unreadable(e) => Some(view! { <p class="problem" role="alert">{e}</p> }.into_any()),
            MeetingState::Ready(_) => None,
        }}
        <Show when=move || is_ready.get()>
            <article class="meeting" class:during=move || tab.get() == Tab::During on:focusin=focus_entered on:focusout=focus_left>
                {move || header.get().map(|(title, date, start, end, place, video)| view! {
                    <h1>{title}</h1>
                    <dl class="meeting-facts">
                        <dt>{tr(Key::Date)}</dt><dd>{date}</dd>
                        <dt>{tr(Key::Time)}</dt><dd>{start} "–" {end}</dd>
                        {(!place.is_empty()).then(|| view! { <dt>{tr(Key::Place)}</dt><dd>{place.clone()}</dd> })}
                        {video.map(|v| {
                            // Only http(s) becomes a link: a `javascript:` link typed into the
                            // meeting would otherwise run in every member's browser.
                            let link = crate::model::links::web_link(&v).map(str::to_owned);
                            view! { <dt>"Video"</dt><dd>{match link {
                                Some(href) => view! { <a href=href.clone()>{href.clone()}</a> }.into_any(),
                                None => view! { <span>{v.clone()}</span> }.into_any(),
                            }}</dd> }
                        })}
                    </dl>
                })}
                <PeopleOfCouncil/>
                <mode_switch::ModeSwitch id=id mode=mode/>
                {move || match tab.get() {
                    Tab::Prepare => view! { <prepare::PrepareMode id=id meeting=meeting/> }.into_any(),
                    Tab::During => view! { <during::DuringMode id=id meeting=meeting asked=asked_item/> }.into_any(),
                    Tab::After => view! { <after::AfterMode id=id meeting=meeting/> }.into_any(),
                }}
            </article>
        </Show>
    }
}

/// The id of the list of the council's people that name fields offer (`list=` on the input):
/// who does an action item, who keeps the minutes, who approves them.
pub(crate) const PEOPLE_LIST: &str = "council-people";

/// The council's people as suggestions for the meeting's name fields; a name not in the list can
/// still be typed (a guest, someone not yet added).
#[component]
fn PeopleOfCouncil() -> impl IntoView {
    let council = super::council::council_memo();
    let names = Memo::new(move |_| {
        council.with(|c| c.as_ref().and_then(|c| c.as_ref().ok()).map(|c| c.current_people().map(|p| p.name.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    view! { <datalist id=PEOPLE_LIST>{move || names.get().into_iter().map(|n| view! { <option value=n/> }).collect_view()}</datalist> }
}

/// Whether approved minutes lock the agenda and minutes now (the change functions refuse too).
fn locked(meeting: Memo<MeetingState>) -> Memo<bool> {
    Memo::new(move |_| matches!(meeting.get(), MeetingState::Ready(m) if m.locked))
}
