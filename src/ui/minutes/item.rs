//! The minutes of one agenda item: heading "Punkt N – beskrivning", notes, and its lists; in
//! the overview (Efter) among the others, under the meeting (Under mötet) alone and large.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::entries::{ActionItems, Decisions, DiscussionPoints};
use crate::doc::meeting as meeting_doc;
use crate::i18n::Key;
use crate::model::{AgendaItem, ItemId};
use crate::ui::agenda::type_into;
use crate::ui::meeting::MeetingState;
use crate::ui::text_field::CoTextField;
use crate::ui::tr;

/// "punkt N", appended to every accessible name in the item's minutes.
pub fn item_suffix(number: &str) -> String {
    format!("{} {}", tr(Key::Number).to_lowercase(), number)
}

#[component]
pub fn ItemMinutes(
    id: DocumentId,
    item: ItemId,
    meeting: Memo<MeetingState>,
    /// Under mötet: the one item on screen, its heading a level up and large.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let row: Memo<Option<AgendaItem>> = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => m.agenda_item(item).cloned(),
        _ => None,
    });
    let number = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.number.clone()).unwrap_or_default()));
    // Large, the heading is the description's first line and the rest stands under it.
    let heading = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| {
            let description = r.description.as_str();
            let title = if large { description.lines().next().unwrap_or_default() } else { description };
            format!("{} {} – {}", tr(Key::Number), r.number, title)
        }).unwrap_or_default())
    });
    let rest = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| r.description.as_str().lines().skip(1).collect::<Vec<_>>().join("\n")).unwrap_or_default())
    });
    let notes = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.notes.as_str().to_string()).unwrap_or_default()));
    let open_work = Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(AgendaItem::is_open_work)));
    let current = Memo::new(move |_| matches!(meeting.get(), MeetingState::Ready(m) if m.current_item == Some(item)));
    let heading_id = format!("minutes-{item}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="item-minutes" class:current=move || current.get() aria-current=move || current.get().then_some("true")
            data-minutes=item.to_string() aria-labelledby=labelled_by>
            {if large {
                view! {
                    <h2 id=heading_id class="item-title">{move || heading.get()}</h2>
                    <Show when=move || !rest.with(String::is_empty)>
                        <p class="item-description">{move || rest.get()}</p>
                    </Show>
                }.into_any()
            } else {
                view! { <h3 id=heading_id>{move || heading.get()}</h3> }.into_any()
            }}
            <crate::ui::presence::EditingHere id=id item=item/>
            <Show when=move || open_work.get()>
                <p class="open-work">{move || tr(Key::OpenWorkItem)}</p>
            </Show>
            <CoTextField class="notes".to_string() multiline=true value=notes
                label=Signal::derive(move || format!("{} {}", tr(Key::Notes), item_suffix(&number.get())))
                on_splice=move |pos, del, text| type_into(id, move |doc| meeting_doc::splice_agenda_notes(doc, item, pos, del, &text))
                on_commit=move || { crate::ui::with_ws(|ws| ws.flush_typing()); }/>
            <DiscussionPoints id=id item=item row=row number=number/>
            <Decisions id=id item=item row=row number=number/>
            <ActionItems id=id item=item row=row number=number/>
        </section>
    }
}
