//! Under mötet: one agenda item at a time, large — its description and minutes (notes,
//! discussion points, decisions, action items) — then the next item and the clock. Previous
//! and next by buttons, PageUp/PageDown (Alt+PageUp/PageDown inside a text field) or a swipe;
//! the item stands in the URL, and following the chair moves it.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::{locked, MeetingState};
use crate::i18n::Key;
use crate::model::meeting_mode::{neighbours, place_of, shown_item};
use crate::model::{AgendaItem, ItemId, ItemKind};
use crate::ui::meeting_clock::{FollowChair, MeetingClock};
use crate::ui::minutes::item::ItemMinutes;
use crate::ui::route::{replace, MeetingMode, Route};
use crate::ui::tr;

/// How far a finger must travel sideways, in CSS pixels, for a swipe to change the item.
const SWIPE_PX: i32 = 60;

/// "Punkt 5 – Workshop", or a break's word.
fn title_of(item: &AgendaItem) -> String {
    match item.kind {
        ItemKind::Break(b) => b.label().to_string(),
        _ => format!("{} {} – {}", tr(Key::Number), item.number, item.description.as_str().lines().next().unwrap_or_default()),
    }
}

/// What the stepper shows around the item on screen.
#[derive(Debug, Clone, PartialEq, Default)]
struct Around {
    previous: Option<(ItemId, String)>,
    next: Option<(ItemId, String)>,
    /// The next item's title, for "Därefter".
    next_title: Option<String>,
    place: Option<(usize, usize)>,
    /// The item the chair shows everyone, when it is another one.
    chair: Option<(ItemId, String)>,
}

#[component]
pub fn DuringMode(id: DocumentId, meeting: Memo<MeetingState>, asked: Memo<Option<ItemId>>) -> impl IntoView {
    let locked = locked(meeting);
    let shown = Memo::new(move |_| meeting.with(|m| match m {
        MeetingState::Ready(m) => shown_item(m, asked.get()),
        _ => None,
    }));
    // The item on screen and whether it is a break (a break has no minutes).
    let shown_kind = Memo::new(move |_| {
        let item = shown.get()?;
        meeting.with(|m| match m {
            MeetingState::Ready(m) => m.agenda_item(item).map(|i| (item, matches!(i.kind, ItemKind::Break(_)))),
            _ => None,
        })
    });
    let around = Memo::new(move |_| {
        let Some(item) = shown.get() else { return Around::default() };
        meeting.with(|m| {
            let MeetingState::Ready(m) = m else { return Around::default() };
            let number = |i: ItemId| m.agenda_item(i).map(|a| (i, a.number.clone()));
            let (previous, next) = neighbours(m, item);
            Around {
                previous: previous.and_then(number),
                next: next.and_then(number),
                next_title: next.and_then(|n| m.agenda_item(n)).map(title_of),
                place: place_of(m, item),
                chair: m.current_item.filter(|c| *c != item).and_then(|c| m.agenda_item(c).map(|a| (c, title_of(a)))),
            }
        })
    });
    // "Under mötet" with no item names the one it opened on, so that item stays on screen
    // (a reload, or the chair moving on, changes it only for those who follow the chair).
    Effect::new(move |_| {
        if let (None, Some(item)) = (asked.get(), shown.get()) {
            replace(Route::MeetingIn(id, MeetingMode::During(Some(item))));
        }
    });
    // Set by a step this page took, so only such a step looks after the keyboard.
    let stepped = StoredValue::new(false);
    let go = move |item: Option<ItemId>| {
        if let Some(item) = item {
            stepped.set_value(true);
            replace(Route::MeetingIn(id, MeetingMode::During(Some(item))));
        }
    };
    Effect::new(move |_| {
        shown.track();
        if stepped.get_value() {
            stepped.set_value(false);
            request_animation_frame(keep_focus_on_a_step);
        }
    });
    let previous = move || go(around.with_untracked(|a| a.previous.as_ref().map(|p| p.0)));
    let next = move || go(around.with_untracked(|a| a.next.as_ref().map(|n| n.0)));

    // PageUp/PageDown move between items, except inside a text field, where they move the
    // text; there Alt+PageUp/PageDown do. Arrow keys are never taken.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let forward = match ev.key().as_str() {
            "PageDown" => true,
            "PageUp" => false,
            _ => return,
        };
        if !ev.alt_key() && in_text_field() {
            return;
        }
        ev.prevent_default();
        if forward { next() } else { previous() }
    });
    on_cleanup(move || keys.remove());

    // A sideways swipe on the item (touch only; `touch-action: pan-y` keeps it from the browser).
    let swipe_from = StoredValue::new(None::<(i32, i32)>);
    let pointer_down = move |ev: leptos::ev::PointerEvent| {
        swipe_from.set_value((ev.pointer_type() == "touch").then(|| (ev.client_x(), ev.client_y())));
    };
    let pointer_up = move |ev: leptos::ev::PointerEvent| {
        let Some((x, y)) = swipe_from.get_value() else { return };
        swipe_from.set_value(None);
        let (dx, dy) = (ev.client_x() - x, ev.client_y() - y);
        if dx.abs() >= SWIPE_PX && dx.abs() > 2 * dy.abs() {
            if dx < 0 { next() } else { previous() }
        }
    };

    let number_of = |p: &Option<(ItemId, String)>| p.as_ref().map(|(_, n)| format!(": {} {n}", tr(Key::Number).to_lowercase())).unwrap_or_default();
    // The arrows are decoration: the names are the words alone.
    let previous_name = move || format!("{}{}", tr(Key::StepPrevious), around.with(|a| number_of(&a.previous)));
    let next_name = move || format!("{}{}", tr(Key::StepNext), around.with(|a| number_of(&a.next)));
    view! {
        <div class="item-stepper no-print">
            <button class="step previous" aria-keyshortcuts="PageUp Alt+PageUp" aria-label=previous_name disabled=move || around.with(|a| a.previous.is_none())
                on:click=move |_| previous()>
                <span aria-hidden="true">"← "</span>{previous_name}
            </button>
            <p class="step-place" role="status">{move || around.with(|a| a.place.map(|(n, of)| format!("{} {n} {} {of}", tr(Key::Number), tr(Key::Of))).unwrap_or_default())}</p>
            <button class="step next" aria-keyshortcuts="PageDown Alt+PageDown" aria-label=next_name disabled=move || around.with(|a| a.next.is_none())
                on:click=move |_| next()>
                {next_name}<span aria-hidden="true">" →"</span>
            </button>
        </div>
        <div class="follow-row no-print">
            <FollowChair id=id meeting=meeting/>
            {move || around.with(|a| a.chair.clone()).map(|(item, title)| view! {
                <p class="chair-shows">{tr(Key::ChairShows)} " "
                    <a href=Route::MeetingIn(id, MeetingMode::During(Some(item))).href()>{title}</a></p>
            })}
        </div>
        <p class="help step-help">{move || tr(Key::StepHelp)}</p>
        <div class="shown-item" on:pointerdown=pointer_down on:pointerup=pointer_up>
            <fieldset class="minutes-lock" disabled=move || locked.get()>
                {move || match shown_kind.get() {
                    None => view! { <p>{tr(Key::NoAgendaYet)}</p> }.into_any(),
                    Some((item, true)) => view! { <BreakShown item=item meeting=meeting/> }.into_any(),
                    Some((item, false)) => view! { <ItemMinutes id=id item=item meeting=meeting large=true/> }.into_any(),
                }}
            </fieldset>
        </div>
        {move || around.with(|a| a.next_title.clone()).map(|title| view! {
            <p class="then-next"><span class="then-label">{tr(Key::ThenNext)} ": "</span>{title}</p>
        })}
        <fieldset class="minutes-lock" disabled=move || locked.get()>
            <MeetingClock id=id meeting=meeting/>
        </fieldset>
        <crate::ui::board::of_meeting::BoardsOfMeeting meeting=id/>
    }
}

/// A break (FIKA, PAUS, AVSLUT) on screen: its word, no minutes.
#[component]
fn BreakShown(item: ItemId, meeting: Memo<MeetingState>) -> impl IntoView {
    let label = Memo::new(move |_| meeting.with(|m| match m {
        MeetingState::Ready(m) => m.agenda_item(item).map(|i| i.kind.label().to_string()).unwrap_or_default(),
        _ => String::new(),
    }));
    view! {
        <section class="item-minutes break-shown" data-minutes=item.to_string() aria-labelledby=format!("minutes-{item}")>
            <h2 id=format!("minutes-{item}") class="item-title">{move || label.get()}</h2>
        </section>
    }
}

/// Whether the keyboard is in a field where PageUp/PageDown move the text or the choice.
fn in_text_field() -> bool {
    document().active_element().is_some_and(|el| match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(el.get_attribute("type").as_deref(), Some("checkbox" | "radio" | "button")),
        _ => false,
    })
}

/// At the first or last item its step button is disabled, which drops the keyboard to the
/// page: give it to the other step button, so PageUp/PageDown and Enter go on working.
fn keep_focus_on_a_step() {
    use wasm_bindgen::JsCast;
    let lost = document().active_element().is_none_or(|el| {
        el.tag_name().eq_ignore_ascii_case("body") || (el.class_list().contains("step") && el.has_attribute("disabled"))
    });
    if !lost {
        return;
    }
    let enabled = document()
        .query_selector(".item-stepper button.step:not([disabled])")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = enabled {
        let _ = button.focus();
    }
}
