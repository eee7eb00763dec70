//! Justering of the minutes: antecknat av, justerare, "Justera protokollet" (approving the exact
//! version shown), the lock that follows, "Öppna igen" with a reason, and "Ändrat efter justering".

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use crate::doc::approval::{approve_minutes, reopen_minutes, set_justerare, set_recorded_by};
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
}

#[component]
pub fn ApprovalSection(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let state = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => ApprovalState {
            recorded_by: m.recorded_by.clone().unwrap_or_default(),
            justerare: m.justerare.clone(),
            locked: m.locked,
            approved_by: m.valid_approvals().map(|a| a.by.clone()).collect(),
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
    let approve = move |_| {
        let names = state.with_untracked(|s| s.justerare.clone());
        if names.is_empty() {
            message.set(Some(tr(Key::NameJusterareFirst).to_string()));
            return;
        }
        let by = names.join(", ");
        let Some(heads) = with_ws(|ws| ws.heads(id)).flatten() else { return };
        let result = with_ws(|ws| ws.change(id, move |doc, now| approve_minutes(doc, EntryId::random(), &by, None, &heads, now)));
        message.set(result.and_then(Result::err));
    };
    let reopen = move |_| {
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            message.set(Some(tr(Key::ReasonRequired).to_string()));
            return;
        }
        let by = state.with_untracked(|s| if s.recorded_by.is_empty() { s.justerare.join(", ") } else { s.recorded_by.clone() });
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
            <p>
                <label>{move || tr(Key::RecordedBy)} " "
                    <input type="text" class="recorded-by" aria-label=move || tr(Key::RecordedBy) disabled=move || locked.get() prop:value=move || state.with(|s| s.recorded_by.clone())
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
            <Show when=move || locked.get()
                fallback=move || view! { <button class="approve" on:click=approve>{move || tr(Key::Approve)}</button> }>
                <p class="approved" role="status">{move || format!("{} {}", tr(Key::ApprovedBy), state.with(|s| s.approved_by.join(", ")))}</p>
                <p class="locked-note">{move || tr(Key::LockedNote)}</p>
                <p>
                    <label>{move || tr(Key::ReopenReason)} " "
                        <input type="text" class="reopen-reason" aria-label=move || tr(Key::ReopenReason) prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                    </label>
                    " " <button on:click=reopen>{move || tr(Key::Reopen)}</button>
                </p>
            </Show>
            <Show when=move || changed.get()>
                <p class="changed-after" role="status">{move || tr(Key::ChangedAfterApproval)}</p>
            </Show>
            {move || message.get().map(|m| view! { <p class="problem" role="alert">{m}</p> })}
        </section>
    }
}
