//! The running clock during the meeting (mötesklocka): the chair starts each agenda item as it
//! begins (its actual times are kept), sees how far behind plan the meeting is and when the rest
//! will start; "Visa för alla" and starting an item make it the current item, which this device
//! then shows and tablets that follow the chair move to (Under mötet). Closing the meeting names
//! the A items still open first.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::agenda::change;
use super::meeting::MeetingState;
use super::route::{replace, MeetingMode, Route};
use super::{tr, LangContext};
use crate::doc::meeting::{finish_agenda_item, set_current_item, set_meeting_status, start_agenda_item};
use crate::doc::minutes::open_work_items;
use crate::i18n::{Bilingual, Key, Lang};
use crate::model::running_clock::{running_clock, Progress};
use crate::model::{ClockTime, ItemId, ItemKind, MeetingStatus};

/// How often the clock re-reads the time of day: often enough for minutes, calm for screen readers.
const CLOCK_TICK_MS: u64 = 20_000;
const FOLLOW_KEY: &str = "radslag.follow-chair";

/// The time of day on this device.
fn time_of_day() -> ClockTime {
    let now = js_sys::Date::new_0();
    ClockTime::from_hm(now.get_hours() as u8, now.get_minutes() as u8).unwrap_or(ClockTime::MIDNIGHT)
}

/// One row of the clock table.
#[derive(Debug, Clone, PartialEq)]
struct ClockRow {
    id: ItemId,
    number: String,
    description: String,
    planned: String,
    expected: String,
    actual_end: String,
    progress: Progress,
    current: bool,
}

/// What the clock shows.
#[derive(Debug, Clone, PartialEq, Default)]
struct ClockView {
    summary: String,
    rows: Vec<ClockRow>,
    running: Option<ItemId>,
    next: Option<ItemId>,
    problem: Option<String>,
}

fn clock_view(meeting: &crate::model::Meeting, now: ClockTime, lang: Lang) -> ClockView {
    let clock = match running_clock(meeting, now) {
        Ok(c) => c,
        Err(e) => return ClockView { problem: Some(e.say(lang)), ..Default::default() },
    };
    let show = |t: Option<ClockTime>| t.map(|t| t.to_string()).unwrap_or_default();
    let mut summary = lang.pick(clock.sv(), clock.en());
    if let Some(end) = clock.expected_end {
        summary.push_str(&format!(" · {} {end}", tr(Key::ExpectedEnd)));
    }
    if let Some(over) = clock.over_end_minutes {
        summary.push_str(&format!(" ({over} {})", tr(Key::MinutesOverEnd)));
    }
    let rows: Vec<ClockRow> = meeting
        .visible_agenda()
        .zip(&clock.items)
        .map(|(item, c)| ClockRow {
            id: item.id,
            number: item.number.clone(),
            description: match item.kind {
                ItemKind::Break(b) => b.label().to_string(),
                _ => item.description.as_str().to_string(),
            },
            planned: show(c.planned_start),
            expected: show(c.expected_start),
            actual_end: show(c.actual_end),
            progress: c.progress,
            current: meeting.current_item == Some(item.id),
        })
        .collect();
    let next = rows.iter().find(|r| r.progress == Progress::Upcoming).map(|r| r.id);
    ClockView { summary, rows, running: clock.running, next, problem: None }
}

fn progress_key(p: Progress) -> Key {
    match p {
        Progress::Upcoming => Key::ProgressUpcoming,
        Progress::Running => Key::ProgressRunning,
        Progress::Done => Key::ProgressDone,
        Progress::Skipped => Key::ProgressSkipped,
    }
}

#[component]
pub fn MeetingClock(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let LangContext(lang) = expect_context::<LangContext>();
    let now = RwSignal::new(time_of_day());
    if let Ok(handle) = set_interval_with_handle(move || now.set(time_of_day()), std::time::Duration::from_millis(CLOCK_TICK_MS)) {
        on_cleanup(move || handle.clear());
    }
    let view_state = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => clock_view(&m, now.get(), lang.get()),
        _ => ClockView::default(),
    });
    let number_of = move |item: Option<ItemId>| {
        view_state.with(|v| item.and_then(|i| v.rows.iter().find(|r| r.id == i)).map(|r| r.number.clone()).unwrap_or_default())
    };
    let start = move |item: ItemId| {
        let at = time_of_day();
        now.set(at);
        change(id, move |doc, t| start_agenda_item(doc, item, at, t));
        show_here(id, item);
    };
    let finish = move |item: ItemId| {
        let at = time_of_day();
        now.set(at);
        change(id, move |doc, t| finish_agenda_item(doc, item, at, t));
    };
    let confirm_close = RwSignal::new(false);
    let open_work = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => open_work_items(&m).into_iter().map(|i| i.number.clone()).collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    let close = move |force: bool| {
        if !force && !open_work.with(Vec::is_empty) {
            confirm_close.set(true);
            return;
        }
        confirm_close.set(false);
        if let Some(running) = view_state.with_untracked(|v| v.running) {
            finish(running);
        }
        change(id, move |doc, t| set_meeting_status(doc, MeetingStatus::Held, t));
    };
    let held = Memo::new(move |_| matches!(meeting.get(), MeetingState::Ready(m) if m.status >= MeetingStatus::Held));
    view! {
        <section class="meeting-clock" aria-labelledby="clock-h">
            <h2 id="clock-h">{move || tr(Key::MeetingClock)}</h2>
            <p class="clock-summary" role="status">{move || view_state.with(|v| v.problem.clone().unwrap_or_else(|| v.summary.clone()))}</p>
            <div class="clock-controls">
                // The buttons stay put while their labels change, so the keyboard stays on them.
                <button class="start-item" disabled=move || view_state.with(|v| v.next.is_none())
                    on:click=move |_| if let Some(n) = view_state.with_untracked(|v| v.next) { start(n) }>
                    {move || {
                        let (running, next) = view_state.with(|v| (v.running, v.next));
                        if running.is_some() { tr(Key::NextItem).to_string() } else { format!("{} {}", tr(Key::StartItem), number_of(next)) }
                    }}
                </button>
                <button class="finish-item" disabled=move || view_state.with(|v| v.running.is_none())
                    on:click=move |_| if let Some(r) = view_state.with_untracked(|v| v.running) { finish(r) }>
                    {move || format!("{} {}", tr(Key::FinishItem), number_of(view_state.with(|v| v.running)))}
                </button>
                <Show when=move || !held.get()>
                    <button on:click=move |_| close(false)>{move || tr(Key::CloseMeeting)}</button>
                </Show>
            </div>
            <Show when=move || confirm_close.get()>
                <div class="confirm-close" role="alert">
                    <p>{move || format!("{} {}", tr(Key::OpenWorkBeforeClose), open_work.get().join(", "))}</p>
                    <button on:click=move |_| close(true)>{move || tr(Key::CloseAnyway)}</button>
                    <button on:click=move |_| confirm_close.set(false)>{move || tr(Key::Cancel)}</button>
                </div>
            </Show>
            <Show when=move || held.get()>
                <p class="meeting-held" role="status">{move || tr(Key::MeetingHeld)}</p>
            </Show>
            <table class="clock-table">
                <caption class="visually-hidden">{move || tr(Key::MeetingClock)}</caption>
                <thead><tr>
                    <th scope="col">{move || tr(Key::Number)}</th>
                    <th scope="col">{move || tr(Key::Description)}</th>
                    <th scope="col">{move || tr(Key::Planned)}</th>
                    <th scope="col">{move || tr(Key::StartsOrStarted)}</th>
                    <th scope="col">{move || tr(Key::Ended)}</th>
                    <th scope="col">{move || tr(Key::Status)}</th>
                    <th scope="col">{move || tr(Key::ShowToAll)}</th>
                </tr></thead>
                <tbody>
                    <For each=move || view_state.with(|v| v.rows.iter().map(|r| r.id).collect::<Vec<_>>()) key=|id| *id let:item>
                        <ClockTableRow id=id item=item view_state=view_state/>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// One item on the clock; its cells follow the clock, the row (and a focused button) stays.
#[component]
fn ClockTableRow(id: DocumentId, item: ItemId, view_state: Memo<ClockView>) -> impl IntoView {
    let row = Memo::new(move |_| view_state.with(|v| v.rows.iter().find(|r| r.id == item).cloned()));
    let cell = move |f: fn(&ClockRow) -> String| move || row.with(|r| r.as_ref().map(f).unwrap_or_default());
    let current = move || row.with(|r| r.as_ref().is_some_and(|r| r.current));
    view! {
        <tr class:current=current aria-current=move || current().then_some("true")>
            <td>{cell(|r| r.number.clone())}</td>
            <th scope="row"><a href=Route::MeetingIn(id, MeetingMode::During(Some(item))).href()>{cell(|r| r.description.clone())}</a></th>
            <td>{cell(|r| r.planned.clone())}</td>
            <td>{cell(|r| r.expected.clone())}</td>
            <td>{cell(|r| r.actual_end.clone())}</td>
            <td>{move || row.with(|r| r.as_ref().map(|r| {
                let mut text = tr(progress_key(r.progress)).to_string();
                if r.current {
                    text.push_str(&format!(" · {}", tr(Key::ShownToAll)));
                }
                text
            }).unwrap_or_default())}</td>
            <td><button aria-label=move || format!("{} {}", tr(Key::ShowToAll), row.with(|r| r.as_ref().map(|r| r.number.clone()).unwrap_or_default()))
                aria-pressed=move || if current() { "true" } else { "false" }
                on:click=move |_| {
                    change(id, move |doc, t| set_current_item(doc, Some(item), t));
                    show_here(id, item);
                }>{move || tr(Key::Show)}</button></td>
        </tr>
    }
}

/// The chair sees what they show everyone: this device moves to `item` too.
fn show_here(id: DocumentId, item: ItemId) {
    replace(Route::MeetingIn(id, MeetingMode::During(Some(item))));
}

/// "Följ ordföranden" on this device: when the chair's current item changes, show it here —
/// unless this person is typing somewhere, which must never be interrupted (the page then
/// names the chair's item as a link instead).
#[component]
pub fn FollowChair(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let initial = storage.as_ref().and_then(|s| s.get_item(FOLLOW_KEY).ok().flatten()).is_some_and(|v| v == "1");
    let follow = RwSignal::new(initial);
    let current = Memo::new(move |_| meeting.with(|m| match m {
        MeetingState::Ready(m) => m.current_item,
        _ => None,
    }));
    // Only a change moves the page: a reload stays on the item its URL names.
    Effect::new(move |before: Option<(Option<ItemId>, bool)>| {
        let now = (current.get(), follow.get());
        if let (Some(before), (Some(item), true)) = (before, now) {
            if before != now && !typing() {
                show_here(id, item);
            }
        }
        now
    });
    view! {
        <label class="follow-chair">
            <input type="checkbox" prop:checked=move || follow.get() on:change=move |ev| {
                let on = event_target_checked(&ev);
                follow.set(on);
                if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                    let _ = s.set_item(FOLLOW_KEY, if on { "1" } else { "0" });
                }
            }/>
            " " {move || tr(Key::FollowChair)}
        </label>
    }
}

/// Whether this person is writing in the item's minutes right now.
fn typing() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    document.active_element().is_some_and(|el| {
        let tag = el.tag_name().to_ascii_lowercase();
        (tag == "textarea" || tag == "input") && el.closest(".item-minutes, .agenda").ok().flatten().is_some()
    })
}
