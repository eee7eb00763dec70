//! Justering of the minutes: the meeting's number and diarienummer, antecknat av, justerare,
//! "Justera som <namn>" for each justerare (approving the exact version shown), the lock that
//! follows the first approval, "Öppna igen" with a reason, and "Ändrat efter justering".

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use crate::doc::approval::{approve_minutes, reopen_minutes, set_diary_number, set_justerare, set_meeting_number, set_recorded_by};
use crate::model::meeting::next_meeting_number;
use crate::ui::all_meetings::council_meetings;
use crate::i18n::Key;
use crate::model::EntryId;
use crate::ui::agenda::change;
use crate::ui::meeting::MeetingState;
use crate::ui::{tr, with_ws};

/// Names written in one field, separated by commas.
fn names_in(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// Who the approval and lock fields show; re-read with the meeting.
#[derive(Debug, Clone, PartialEq, Default)]
struct ApprovalState {
    recorded_by: String,
    justerare: Vec<String>,
    locked: bool,
    approved_by: Vec<String>,
    number: Option<u32>,
    diary_number: String,
    /// "2026-11-24 10:12 UTC — Anna: skäl", oldest first.
    reopenings: Vec<String>,
    kind: Option<crate::model::MeetingKind>,
}

#[component]
pub fn ApprovalSection(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let state = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => ApprovalState {
            recorded_by: m.recorded_by.clone().unwrap_or_default(),
            justerare: m.justerare.clone(),
            locked: m.locked,
            approved_by: m.valid_approvals().map(|a| a.by.clone()).collect(),
            number: m.number,
            diary_number: m.diary_number.clone().unwrap_or_default(),
            reopenings: m
                .reopenings
                .iter()
                .map(|r| {
                    let at = chrono::DateTime::from_timestamp(r.at, 0).map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default();
                    format!("{at} — {}: {}", r.by, r.reason)
                })
                .collect(),
            kind: Some(m.kind),
        },
        _ => ApprovalState::default(),
    });
    let locked = Memo::new(move |_| state.with(|s| s.locked));
    let changed = Memo::new(move |_| {
        meeting.track();
        locked.get() && with_ws(|ws| ws.changed_after_approval(id)).unwrap_or(false)
    });
    // What went wrong with the last approve or reopen, said next to the buttons.
    let message = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    // Each named justerare approves for themselves, the version on their screen.
    let approve_as = move |name: String| {
        let Some(heads) = with_ws(|ws| ws.heads(id)).flatten() else { return };
        let result = with_ws(|ws| ws.change(id, move |doc, now| approve_minutes(doc, EntryId::random(), &name, None, &heads, now)));
        message.set(result.and_then(Result::err));
    };
    let waiting = Memo::new(move |_| state.with(|s| s.justerare.iter().filter(|j| !s.approved_by.contains(j)).cloned().collect::<Vec<_>>()));
    let all = council_meetings();
    let proposed_number = Memo::new(move |_| {
        let kind = state.with(|s| s.kind)?;
        Some(all.with(|a| next_meeting_number(&a.plain(), kind)))
    });
    let reopen = move |_| {
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            message.set(Some(tr(Key::ReasonRequired).to_string()));
            return;
        }
        // Who reopens is the member at this device (their name from Settings); without one, the
        // secretary (antecknat av) answers for the minutes.
        let by = crate::ui::presence::my_name().unwrap_or_else(|| {
            state.with_untracked(|s| if s.recorded_by.is_empty() { s.justerare.join(", ") } else { s.recorded_by.clone() })
        });
        let result = with_ws(|ws| ws.change(id, move |doc, now| reopen_minutes(doc, EntryId::random(), &by, &why, now)));
        match result {
            Some(Err(e)) => message.set(Some(e)),
            _ => {
                message.set(None);
                reason.set(String::new());
            }
        }
    };
    view! {
        <section class="approval" aria-labelledby="approval-h">
            <h2 id="approval-h">{move || tr(Key::Approval)}</h2>
            // Registry data: editable also when the minutes are locked.
            <p class="registry">
                <label>{move || tr(Key::MeetingNumber)} " "
                    <input type="number" min="1" class="meeting-number" aria-label=move || tr(Key::MeetingNumber)
                        prop:value=move || state.with(|s| s.number.map(|n| n.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            match text.trim() {
                                "" => change(id, move |doc, now| set_meeting_number(doc, None, now)),
                                t => match t.parse::<u32>() {
                                    Ok(n) if n > 0 => change(id, move |doc, now| set_meeting_number(doc, Some(n), now)),
                                    _ => message.set(Some(tr(Key::BadMeetingNumber).to_string())),
                                },
                            }
                        }/>
                </label>
                {move || match (state.with(|s| s.number), proposed_number.get()) {
                    (None, Some(n)) => Some(view! {
                        " " <button on:click=move |_| change(id, move |doc, now| set_meeting_number(doc, Some(n), now))>
                            {format!("{} {n}", tr(Key::UseNextNumber))}
                        </button>
                    }),
                    _ => None,
                }}
            </p>
            <p class="registry">
                <label>{move || tr(Key::DiaryNumber)} " "
                    <input type="text" class="diary-number" aria-label=move || tr(Key::DiaryNumber)
                        prop:value=move || state.with(|s| s.diary_number.clone())
                        on:change=move |ev| {
                            let text = event_target_value(&ev).trim().to_string();
                            change(id, move |doc, now| set_diary_number(doc, (!text.is_empty()).then_some(text), now));
                        }/>
                </label>
            </p>
            <p>
                <label>{move || tr(Key::RecordedBy)} " "
                    <input type="text" class="recorded-by" list=crate::ui::meeting::PEOPLE_LIST aria-label=move || tr(Key::RecordedBy) disabled=move || locked.get() prop:value=move || state.with(|s| s.recorded_by.clone())
                        on:change=move |ev| {
                            let name = event_target_value(&ev).trim().to_string();
                            change(id, move |doc, now| set_recorded_by(doc, (!name.is_empty()).then_some(name), now));
                        }/>
                </label>
            </p>
            <p>
                <label>{move || tr(Key::Justerare)} " "
                    <input type="text" class="justerare" aria-label=move || tr(Key::Justerare) aria-describedby="justerare-help" disabled=move || locked.get()
                        prop:value=move || state.with(|s| s.justerare.join(", "))
                        on:change=move |ev| {
                            let names = names_in(&event_target_value(&ev));
                            change(id, move |doc, now| set_justerare(doc, names, now));
                        }/>
                </label>
                " " <span id="justerare-help" class="help">{move || tr(Key::JusterareHelp)}</span>
            </p>
            <Show when=move || state.with(|s| s.justerare.is_empty())>
                <p class="help">{move || tr(Key::NameJusterareFirst)}</p>
            </Show>
            <div class="approve-buttons">
                <For each=move || waiting.get() key=|name| name.clone() let:name>
                    {
                        let label = format!("{} {}", tr(Key::ApproveAs), name);
                        view! { <button class="approve" on:click=move |_| approve_as(name.clone())>{label}</button> }
                    }
                </For>
            </div>
            <Show when=move || state.with(|s| !s.approved_by.is_empty())>
                <p class="approved" role="status">{move || format!("{} {}", tr(Key::ApprovedBy), state.with(|s| s.approved_by.join(", ")))}</p>
            </Show>
            <Show when=move || locked.get() && !waiting.with(Vec::is_empty)>
                <p class="waiting" role="status">{move || format!("{} {}", tr(Key::WaitingFor), waiting.get().join(", "))}</p>
            </Show>
            <Show when=move || locked.get()>
                <p class="locked-note">{move || tr(Key::LockedNote)}</p>
                <p>
                    <label>{move || tr(Key::ReopenReason)} " "
                        <input type="text" class="reopen-reason" aria-label=move || tr(Key::ReopenReason) prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                    </label>
                    " " <button on:click=reopen>{move || tr(Key::Reopen)}</button>
                </p>
            </Show>
            <Show when=move || state.with(|s| !s.reopenings.is_empty())>
                <h3 id="reopenings-h">{move || tr(Key::ReopeningsHeading)}</h3>
                <ul aria-labelledby="reopenings-h" class="reopenings">
                    {move || state.with(|s| s.reopenings.clone()).into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            </Show>
            <Show when=move || changed.get()>
                <p class="changed-after" role="status">{move || tr(Key::ChangedAfterApproval)}</p>
            </Show>
            {move || message.get().map(|m| view! { <p class="problem" role="alert">{m}</p> })}
        </section>
    }
}
