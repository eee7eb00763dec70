//! The board's shared timer: every tablet computes the time left from the document (start time,
//! length, time run), so all show the same; the facilitator starts, pauses, extends and resets it.
//! The last ten seconds are marked, and the end is announced to everyone, screen readers too.

use std::time::Duration;

use leptos::prelude::*;

use super::BoardContext;
use crate::doc::board::change_timer;
use crate::i18n::Key;
use crate::model::board_timer::{format_left, TimerState};
use crate::ui::tr;

/// Five minutes more, the usual "a little longer" in a workshop.
const EXTENSION_MS: i64 = 5 * 60_000;

/// Milliseconds on the board's clock (see `model::board_timer`): this device's clock.
pub(super) fn board_now() -> i64 {
    js_sys::Date::now() as i64
}

#[component]
pub fn BoardTimerView() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let now = RwSignal::new(board_now());
    // A quarter-second tick keeps the shown second within a beat of every other tablet.
    if let Ok(handle) = set_interval_with_handle(move || now.set(board_now()), Duration::from_millis(250)) {
        on_cleanup(move || handle.clear());
    }
    let state = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| b.timer.state(now.get()))));
    let running = Memo::new(move |_| matches!(state.get(), Some(TimerState::Running { .. })));
    let ended = Memo::new(move |_| state.get() == Some(TimerState::Ended));
    let final_seconds = Memo::new(move |_| state.get().is_some_and(TimerState::is_final_seconds));
    let problem = RwSignal::new(None::<String>);
    let act = move |message: &'static str, f: fn(&mut crate::model::board_timer::BoardTimer, i64)| {
        let at = board_now();
        let r = ctx.change(move |doc, now| change_timer(doc, now, message, |t| f(t, at)));
        problem.set(r.err());
    };
    view! {
        <section class="board-timer" aria-labelledby="board-timer-heading">
            <h2 id="board-timer-heading" class="visually-hidden">{move || tr(Key::TimerHeading)}</h2>
            <p class="timer-left" class:final=move || final_seconds.get() class:ended=move || ended.get()>
                <span role="timer" aria-label=move || tr(Key::TimeLeft)>{move || state.get().map(|s| format_left(s.left_ms())).unwrap_or_default()}</span>
                " " {move || tr(Key::TimeLeft)}
                {move || matches!(state.get(), Some(TimerState::Paused { .. })).then(|| view! { " · " {tr(Key::TimerPaused)} })}
            </p>
            // Put on the page only when it happens, so screen readers announce it then.
            <Show when=move || final_seconds.get()>
                <p class="visually-hidden" role="status">{move || tr(Key::TenSecondsLeft)}</p>
            </Show>
            <Show when=move || ended.get()>
                <p class="time-up" role="alert">{move || tr(Key::TimeUp)}</p>
            </Show>
            <Show when=move || ctx.is_facilitator()>
                <div class="timer-controls">
                    {move || if running.get() {
                        view! { <button type="button" on:click=move |_| act("Pausade tiden", |t, at| t.pause(at))>{tr(Key::PauseTimer)}</button> }.into_any()
                    } else {
                        view! { <button type="button" on:click=move |_| act("Startade tiden", |t, at| t.start(at))>{tr(Key::StartTimer)}</button> }.into_any()
                    }}
                    " " <button type="button" on:click=move |_| act("Förlängde tiden", |t, at| t.extend(EXTENSION_MS, at))>{move || tr(Key::ExtendTimer)}</button>
                    " " <button type="button" on:click=move |_| act("Nollställde tiden", |t, _| t.stop())>{move || tr(Key::ResetTimer)}</button>
                </div>
            </Show>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </section>
    }
}
