//! The minutes (protokoll) of a meeting, written together during it: per agenda item notes,
//! discussion points, decisions and action items, with the open A items listed first.

pub mod approval;
pub mod entries;
pub mod item;

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::meeting::MeetingState;
use super::tr;
use crate::doc::minutes::open_work_items;
use crate::i18n::Key;
use crate::model::ItemKind;

/// Every agenda item that is not a break gets a minutes section, in agenda order.
#[component]
pub fn MinutesSection(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let items = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => m.visible_agenda().filter(|i| !matches!(i.kind, ItemKind::Break(_))).map(|i| i.id).collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    view! {
        <section class="minutes" aria-labelledby="minutes-h">
            <h2 id="minutes-h">{move || tr(Key::MinutesHeading)}</h2>
            <OpenWorkList meeting=meeting/>
            <For each=move || items.get() key=|item| *item let:item>
                <item::ItemMinutes id=id item=item meeting=meeting/>
            </For>
        </section>
    }
}

/// The A items (arbetsmoment) that still lack a decision or an action item.
#[component]
fn OpenWorkList(meeting: Memo<MeetingState>) -> impl IntoView {
    let open = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => open_work_items(&m)
            .into_iter()
            .map(|i| format!("{} {} – {}", tr(Key::Number), i.number, i.description.as_str()))
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    view! {
        <Show when=move || !open.with(Vec::is_empty)>
            <section class="open-work-list" aria-labelledby="open-work-h">
                <h3 id="open-work-h">{move || tr(Key::OpenWorkItems)}</h3>
                <ul>{move || open.get().into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            </section>
        </Show>
    }
}
