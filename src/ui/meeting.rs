//! The meeting page: when and where, who attends, and the agenda being written together.
//! Opens the meeting's document from this device, or fetches it from the server.

use automerge::{ReadDoc, ROOT};
use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::agenda::AgendaEditor;
use super::agenda_paste::PasteAgenda;
use super::attendance::AttendanceSection;
use super::export::ExportLinks;
use super::meeting_clock::{FollowChair, MeetingClock};
use super::minutes::approval::ApprovalSection;
use super::minutes::MinutesSection;
use super::route::Route;
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

#[component]
pub fn MeetingPage(id: DocumentId) -> impl IntoView {
    let meeting = meeting_memo(id);
    // The header re-renders only when these fields change, not on every keystroke in the agenda.
    let header = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => Some((m.title, m.date, m.start, m.end, m.place, m.video_link)),
        _ => None,
    });
    let locked = Memo::new(move |_| matches!(meeting.get(), MeetingState::Ready(m) if m.locked));
    let is_ready = Memo::new(move |_| matches!(meeting.get(), MeetingState::Ready(_)));
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
            <article class="meeting" on:focusin=focus_entered on:focusout=focus_left>
                {move || header.get().map(|(title, date, start, end, place, video)| view! {
                    <h1>{title}</h1>
                    <dl class="meeting-facts">
                        <dt>{tr(Key::Date)}</dt><dd>{date}</dd>
                        <dt>{tr(Key::Time)}</dt><dd>{start} "–" {end}</dd>
                        <dt>{tr(Key::Place)}</dt><dd>{place}</dd>
                        {video.map(|v| view! { <dt>"Video"</dt><dd><a href=v.clone()>{v.clone()}</a></dd> })}
                    </dl>
                })}
                <ExportLinks id=id meeting=meeting/>
                <FollowChair meeting=meeting/>
                // Approved minutes are locked: every agenda and minutes control is disabled
                // until someone reopens them (the change functions refuse too).
                <fieldset class="minutes-lock" disabled=move || locked.get()>
                    <AgendaEditor id=id meeting=meeting/>
                    <PasteAgenda id=id/>
                </fieldset>
                <fieldset class="minutes-lock" disabled=move || locked.get()>
                    <AttendanceSection id=id meeting=meeting/>
                </fieldset>
                <fieldset class="minutes-lock" disabled=move || locked.get()>
                    <MeetingClock id=id meeting=meeting/>
                    <MinutesSection id=id meeting=meeting/>
                </fieldset>
                <ApprovalSection id=id meeting=meeting/>
            </article>
        </Show>
    }
}
