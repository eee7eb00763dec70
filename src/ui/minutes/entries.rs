//! The lists under an item's minutes: discussion points, decisions and action items. Each entry
//! is co-written text; removing one keeps it restorable below the list.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::item::item_suffix;
use crate::doc::minutes::{self, ActionItemEdit, NewActionItem};
use crate::i18n::Key;
use crate::model::{ActionItemId, ActionStatus, AgendaItem, DecisionId, EntryId, ItemId};
use crate::model::time::{format_date, parse_date};
use crate::ui::agenda::{change, focus_first_field, type_into};
use crate::ui::text_field::CoTextField;
use crate::ui::{tr, with_ws};

/// One co-written entry with its remove button.
#[component]
fn TextEntry(
    entry: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_splice: impl Fn(usize, usize, String) + 'static,
    on_remove: impl Fn() + 'static,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <li data-entry=entry>
            <CoTextField multiline=true value=value label=label on_splice=on_splice
                on_commit=move || { with_ws(|ws| ws.flush_typing()); }/>
            {children.map(|c| c())}
            <button aria-label=move || format!("{} {}", tr(Key::Remove), label.get().to_lowercase()) on:click=move |_| on_remove()>"✕"</button>
        </li>
    }
}

/// Removed entries of one list, each with a restore button naming it.
fn removed_entries<T: Copy + Send + Sync + PartialEq + 'static>(
    what: Key,
    number: Memo<String>,
    removed: Memo<Vec<(T, String)>>,
    restore: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Show when=move || !removed.with(Vec::is_empty)>
            <ul class="removed-entries">
                {move || removed.get().into_iter().map(|(entry, text)| {
                    let label = format!("{} {} {}: {}", tr(Key::Restore), tr(what).to_lowercase(), item_suffix(&number.get()), text);
                    view! {
                        <li><s>{text.clone()}</s> " " <button aria-label=label on:click=move |_| restore(entry)>{tr(Key::Restore)}</button></li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// 1-based place of `entry` among `visible`, for its accessible name.
fn place<T: PartialEq + Send + Sync + 'static>(visible: Memo<Vec<T>>, entry: T) -> Memo<usize> {
    Memo::new(move |_| visible.with(|v| v.iter().position(|x| *x == entry).map(|i| i + 1).unwrap_or(0)))
}

fn text_of(row: Memo<Option<AgendaItem>>, f: impl Fn(&AgendaItem) -> Option<String> + Send + Sync + 'static) -> Memo<String> {
    Memo::new(move |_| row.with(|r| r.as_ref().and_then(&f).unwrap_or_default()))
}

#[component]
pub fn DiscussionPoints(id: DocumentId, item: ItemId, row: Memo<Option<AgendaItem>>, number: Memo<String>) -> impl IntoView {
    let visible = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.visible_discussion().map(|d| d.id).collect::<Vec<_>>()).unwrap_or_default()));
    let removed = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| r.discussion.iter().filter(|d| d.deleted).map(|d| (d.id, d.text.as_str().to_string())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let add = move |_| {
        let new = EntryId::random();
        change(id, move |doc, now| minutes::add_discussion_point(doc, item, new, "", now).map(|_| ()));
        focus_first_field(format!("[data-entry='{new}']"));
    };
    view! {
        <div class="entries discussion">
            <h4>{move || tr(Key::DiscussionPoints)}</h4>
            <ol>
                <For each=move || visible.get() key=|e| *e let:entry>
                    {
                        let index = place(visible, entry);
                        let text = text_of(row, move |r| r.discussion.iter().find(|d| d.id == entry).map(|d| d.text.as_str().to_string()));
                        let label = Signal::derive(move || format!("{} {} {}", tr(Key::DiscussionPoint), index.get(), item_suffix(&number.get())));
                        view! {
                            <TextEntry entry=entry.to_string() label=label value=text
                                on_splice=move |pos, del, s| type_into(id, move |doc| minutes::splice_discussion_point(doc, item, entry, pos, del, &s))
                                on_remove=move || change(id, move |doc, now| minutes::remove_discussion_point(doc, item, entry, now))/>
                        }
                    }
                </For>
            </ol>
            <button class="add" on:click=add>{move || format!("{} {}", tr(Key::AddDiscussionPoint), item_suffix(&number.get()))}</button>
            {removed_entries(Key::DiscussionPoint, number, removed, move |e| change(id, move |doc, now| minutes::restore_discussion_point(doc, item, e, now)))}
        </div>
    }
}

#[component]
pub fn Decisions(id: DocumentId, item: ItemId, row: Memo<Option<AgendaItem>>, number: Memo<String>) -> impl IntoView {
    let visible = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.visible_decisions().map(|d| d.id).collect::<Vec<_>>()).unwrap_or_default()));
    let removed = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| r.decisions.iter().filter(|d| d.deleted).map(|d| (d.id, d.text.as_str().to_string())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let add = move |_| {
        let new = DecisionId::random();
        change(id, move |doc, now| minutes::add_decision(doc, item, new, "", now).map(|_| ()));
        focus_first_field(format!("[data-entry='{new}']"));
    };
    view! {
        <div class="entries decisions">
            <h4>{move || tr(Key::Decisions)}</h4>
            <ol>
                <For each=move || visible.get() key=|e| *e let:entry>
                    {
                        let index = place(visible, entry);
                        let text = text_of(row, move |r| r.decisions.iter().find(|d| d.id == entry).map(|d| d.text.as_str().to_string()));
                        let label = Signal::derive(move || format!("{} {} {}", tr(Key::Decision), index.get(), item_suffix(&number.get())));
                        view! {
                            <TextEntry entry=entry.to_string() label=label value=text
                                on_splice=move |pos, del, s| type_into(id, move |doc| minutes::splice_decision(doc, item, entry, pos, del, &s))
                                on_remove=move || change(id, move |doc, now| minutes::remove_decision(doc, item, entry, now))/>
                        }
                    }
                </For>
            </ol>
            <button class="add" on:click=add>{move || format!("{} {}", tr(Key::AddDecision), item_suffix(&number.get()))}</button>
            {removed_entries(Key::Decision, number, removed, move |e| change(id, move |doc, now| minutes::restore_decision(doc, item, e, now)))}
        </div>
    }
}

#[component]
pub fn ActionItems(id: DocumentId, item: ItemId, row: Memo<Option<AgendaItem>>, number: Memo<String>) -> impl IntoView {
    let visible = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.visible_action_items().map(|a| a.id).collect::<Vec<_>>()).unwrap_or_default()));
    let removed = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| r.action_items.iter().filter(|a| a.deleted).map(|a| (a.id, a.what.as_str().to_string())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let add = move |_| {
        let new = ActionItemId::random();
        change(id, move |doc, now| minutes::add_action_item(doc, item, new, NewActionItem::default(), now).map(|_| ()));
        focus_first_field(format!("[data-entry='{new}']"));
    };
    let edit = move |action: ActionItemId, edit: ActionItemEdit| change(id, move |doc, now| minutes::edit_action_item(doc, item, action, edit, now));
    view! {
        <div class="entries action-items">
            <h4>{move || tr(Key::ActionItems)}</h4>
            <ol>
                <For each=move || visible.get() key=|e| *e let:entry>
                    {
                        let index = place(visible, entry);
                        let what = text_of(row, move |r| r.action_items.iter().find(|a| a.id == entry).map(|a| a.what.as_str().to_string()));
                        let who = text_of(row, move |r| r.action_items.iter().find(|a| a.id == entry).map(|a| a.who.clone()));
                        let due = text_of(row, move |r| r.action_items.iter().find(|a| a.id == entry).and_then(|a| a.due.clone()));
                        let done = Memo::new(move |_| row.with(|r| r.as_ref().and_then(|r| r.action_items.iter().find(|a| a.id == entry)).is_some_and(|a| a.status == ActionStatus::Done)));
                        let label = Signal::derive(move || format!("{} {} {}", tr(Key::ActionItem), index.get(), item_suffix(&number.get())));
                        let sub = move |key: Key| format!("{} {}", tr(key), label.get().to_lowercase());
                        let bad_due = RwSignal::new(false);
                        view! {
                            <TextEntry entry=entry.to_string() label=label value=what
                                on_splice=move |pos, del, s| type_into(id, move |doc| minutes::splice_action_item(doc, item, entry, pos, del, &s))
                                on_remove=move || change(id, move |doc, now| minutes::remove_action_item(doc, item, entry, now))>
                                <input type="text" class="who" list=crate::ui::meeting::PEOPLE_LIST aria-label=move || sub(Key::Who) prop:value=move || who.get()
                                    on:change=move |ev| edit(entry, ActionItemEdit { who: Some(event_target_value(&ev).trim().to_string()), ..Default::default() })/>
                                // A text field, not the browser's date picker: the date reads the
                                // Swedish way (2019-04-04) whatever the browser's language.
                                <input type="text" class="due" inputmode="numeric" aria-label=move || sub(Key::Due) prop:value=move || due.get()
                                    placeholder=move || tr(Key::DateFormat) aria-invalid=move || bad_due.get().then_some("true")
                                    on:change=move |ev| {
                                        let text = event_target_value(&ev).trim().to_string();
                                        if text.is_empty() {
                                            bad_due.set(false);
                                            edit(entry, ActionItemEdit { due: Some(None), ..Default::default() });
                                        } else if let Ok(date) = parse_date(&text) {
                                            bad_due.set(false);
                                            edit(entry, ActionItemEdit { due: Some(Some(format_date(date))), ..Default::default() });
                                        } else {
                                            bad_due.set(true);
                                        }
                                    }/>
                                <Show when=move || bad_due.get()>
                                    <span class="problem" role="alert">{move || tr(Key::BadDate)}</span>
                                </Show>
                                <label class="action-done">
                                    <input type="checkbox" aria-label=move || sub(Key::StatusDone) prop:checked=move || done.get()
                                        on:change=move |ev| {
                                            let status = if event_target_checked(&ev) { ActionStatus::Done } else { ActionStatus::Open };
                                            change(id, move |doc, now| minutes::set_action_item_status(doc, item, entry, status, now));
                                        }/>
                                    " " {move || tr(Key::StatusDone)}
                                </label>
                            </TextEntry>
                        }
                    }
                </For>
            </ol>
            <button class="add" on:click=add>{move || format!("{} {}", tr(Key::AddActionItem), item_suffix(&number.get()))}</button>
            {removed_entries(Key::ActionItem, number, removed, move |e| change(id, move |doc, now| minutes::restore_action_item(doc, item, e, now)))}
        </div>
    }
}
