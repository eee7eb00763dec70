//! The agenda editor (dagordning): numbered items with type, description, responsible and
//! length; start times follow from the lengths. Add, edit, reorder and remove (recoverably),
//! every control reachable by keyboard and named for screen readers.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::meeting::MeetingState;
use super::text_field::CoTextField;
use super::{tr, with_ws, LangContext};
use crate::doc::meeting::{self as meeting_doc, AgendaItemEdit, NewAgendaItem};
use crate::i18n::{Bilingual, Key};
use crate::model::time::ClockTime;
use crate::model::agenda_timing::schedule_meeting;
use crate::model::{AgendaItem, BreakKind, ItemId, ItemKind};

/// Every item type, in the order the picker lists them, with its stored value.
const KINDS: &[(ItemKind, Key, &str)] = &[
    (ItemKind::Information, Key::KindInformation, "I"),
    (ItemKind::Discussion, Key::KindDiscussion, "D"),
    (ItemKind::Work, Key::KindWork, "A"),
    (ItemKind::Break(BreakKind::Fika), Key::KindFika, "FIKA"),
    (ItemKind::Break(BreakKind::Paus), Key::KindPaus, "PAUS"),
    (ItemKind::Break(BreakKind::Avslut), Key::KindAvslut, "AVSLUT"),
];

fn kind_from_value(value: &str) -> Option<ItemKind> {
    KINDS.iter().find(|(_, _, v)| *v == value).map(|(k, _, _)| *k)
}

/// Runs a change on the meeting document; a failure is shown as a problem, not lost.
pub(crate) fn change(id: DocumentId, f: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<(), crate::doc::DocError>) {
    with_ws(|ws| {
        if let Err(e) = ws.change(id, f) {
            ws.problem(crate::problems::Problem::Said(e));
        }
    });
}

/// Applies typing to the meeting document; a failure (e.g. locked minutes) is shown as a problem.
pub(crate) fn type_into(id: DocumentId, f: impl FnOnce(&mut automerge::AutoCommit) -> Result<(), crate::doc::DocError>) {
    with_ws(|ws| {
        if let Err(e) = ws.type_text(id, f) {
            ws.problem(crate::problems::Problem::Said(e));
        }
    });
}

/// After the next render, puts the keyboard in the first field inside `selector`.
pub(crate) fn focus_first_field(selector: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let field = document()
            .query_selector(&format!("{selector} textarea, {selector} input"))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = field {
            let _ = el.focus();
        }
    });
}

fn edit(id: DocumentId, item: ItemId, edit: AgendaItemEdit) {
    change(id, move |doc, now| meeting_doc::edit_agenda_item_fields(doc, item, edit, now));
}

fn no_edit() -> AgendaItemEdit {
    AgendaItemEdit { number: None, kind: None, responsible: None, start: None, duration_minutes: None }
}

/// The next free item number: one more than the highest whole number on the agenda.
pub(crate) fn next_number(items: &[AgendaItem]) -> String {
    let highest = items
        .iter()
        .filter(|i| !i.deleted)
        .filter_map(|i| i.number.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (highest + 1).to_string()
}

#[component]
pub fn AgendaEditor(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let visible = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => m.visible_agenda().map(|i| i.id).collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    let removed = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => m.removed_agenda().map(|i| (i.id, i.number.clone(), i.description.as_str().to_string())).collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    // Start times and timing problems, recomputed when items move or lengths change.
    let LangContext(lang) = expect_context::<LangContext>();
    let timing = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => match schedule_meeting(&m) {
            Ok(s) => {
                let numbers: Vec<&str> = m.visible_agenda().map(|i| i.number.as_str()).collect();
                let starts: Vec<Option<String>> = s.slots.iter().map(|slot| slot.start.map(|t| t.to_string())).collect();
                let issues: Vec<String> = s
                    .issues
                    .iter()
                    .map(|i| lang.get().pick(i.sv(&numbers), i.en(&numbers)))
                    .collect();
                (starts, issues)
            }
            Err(e) => (Vec::new(), vec![e.say(lang.get())]),
        },
        _ => (Vec::new(), Vec::new()),
    });
    let add = move |_| {
        let number = match meeting.get_untracked() {
            MeetingState::Ready(m) => next_number(&m.agenda),
            _ => return,
        };
        let fields = NewAgendaItem {
            number,
            kind: ItemKind::Information,
            description: String::new(),
            responsible: String::new(),
            start: None,
            duration_minutes: Some(15),
        };
        let new_id = ItemId::random();
        change(id, move |doc, now| meeting_doc::add_agenda_item(doc, new_id, None, fields, now).map(|_| ()));
        // Put the keyboard where the person will type next.
        request_animation_frame(move || {
            let selector = format!("[data-item='{}'] .description", new_id);
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <section class="agenda" aria-labelledby="agenda-h">
            <h2 id="agenda-h">{move || tr(Key::Agenda)}</h2>
            <table class="agenda-table">
                <thead>
                    <tr>
                        <th scope="col">{move || tr(Key::Number)}</th>
                        <th scope="col">{move || tr(Key::Type)}</th>
                        <th scope="col">{move || tr(Key::Description)}</th>
                        <th scope="col">{move || tr(Key::Responsible)}</th>
                        <th scope="col">{move || tr(Key::Start)}</th>
                        <th scope="col">{move || tr(Key::Minutes)}</th>
                        <th scope="col">{move || tr(Key::Actions)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || visible.get() key=|item| *item let:item>
                        <AgendaRow id=id item=item meeting=meeting visible=visible timing=timing/>
                    </For>
                </tbody>
            </table>
            {move || {
                let issues = timing.with(|(_, issues)| issues.clone());
                (!issues.is_empty()).then(|| view! {
                    <div class="timing-issues" role="status">
                        <h3>{tr(Key::TimingProblems)}</h3>
                        <ul>{issues.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <button class="add" on:click=add>{move || tr(Key::AddItem)}</button>
            <Show when=move || !removed.with(Vec::is_empty)>
                <section class="removed" aria-labelledby="removed-h">
                    <h3 id="removed-h">{move || tr(Key::RemovedItems)}</h3>
                    <ul>
                        {move || removed.get().into_iter().map(|(item, number, description)| {
                            let label = format!("{} {} {}", tr(Key::Restore), number, description);
                            view! {
                                <li>
                                    <span>{number.clone()} " " {description.clone()}</span>
                                    <button aria-label=label on:click=move |_| change(id, move |doc, now| meeting_doc::restore_agenda_item(doc, item, now))>
                                        {tr(Key::Restore)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            </Show>
        </section>
    }
}

#[component]
fn AgendaRow(
    id: DocumentId,
    item: ItemId,
    meeting: Memo<MeetingState>,
    visible: Memo<Vec<ItemId>>,
    timing: Memo<(Vec<Option<String>>, Vec<String>)>,
) -> impl IntoView {
    let row = Memo::new(move |_| match meeting.get() {
        MeetingState::Ready(m) => m.agenda_item(item).cloned(),
        _ => None,
    });
    let index = Memo::new(move |_| visible.with(|v| v.iter().position(|x| *x == item)));
    let count = Memo::new(move |_| visible.with(Vec::len));
    let number = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.number.clone()).unwrap_or_default()));
    let kind_value = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.kind.label()).unwrap_or("I")));
    let description = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.description.as_str().to_string()).unwrap_or_default()));
    let responsible = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.responsible.clone()).unwrap_or_default()));
    let duration = Memo::new(move |_| row.with(|r| r.as_ref().and_then(|r| r.duration_minutes).map(|d| d.to_string()).unwrap_or_default()));
    let start = Memo::new(move |_| {
        let i = index.get()?;
        timing.with(|(starts, _)| starts.get(i).cloned().flatten())
    });
    let fixed_start = Memo::new(move |_| row.with(|r| r.as_ref().and_then(|r| r.start.clone()).unwrap_or_default()));
    let bad_start = RwSignal::new(false);
    let name = move |key: Key| format!("{} {}", tr(key), number.get());
    let move_to = move |delta: isize| {
        let Some(i) = index.get_untracked() else { return };
        let target = i as isize + delta;
        if target < 0 || target as usize >= count.get_untracked() {
            return;
        }
        change(id, move |doc, now| meeting_doc::move_agenda_item(doc, item, target as usize, now));
        // The row moved in the DOM, which drops focus: give it back to the same button so a
        // keyboard user can keep pressing it.
        request_animation_frame(move || focus_move_button(item, delta < 0));
    };
    view! {
        <tr data-item=item.to_string()>
            <td data-label=move || tr(Key::Number)>
                <input class="number" type="text" size="3" aria-label=move || name(Key::Number) prop:value=move || number.get()
                    on:change=move |ev| edit(id, item, AgendaItemEdit { number: Some(event_target_value(&ev).trim().to_string()), ..no_edit() })/>
            </td>
            <td data-label=move || tr(Key::Type)>
                <select aria-label=move || format!("{} {} {}", tr(Key::Type), tr(Key::Number).to_lowercase(), number.get()) prop:value=move || kind_value.get()
                    on:change=move |ev| {
                        if let Some(kind) = kind_from_value(&event_target_value(&ev)) {
                            edit(id, item, AgendaItemEdit { kind: Some(kind), ..no_edit() });
                        }
                    }>
                    {KINDS.iter().map(|(_, key, value)| view! { <option value=*value selected=move || kind_value.get() == *value>{move || tr(*key)}</option> }).collect_view()}
                </select>
            </td>
            <td data-label=move || tr(Key::Description)>
                <CoTextField class="description".to_string() multiline=true value=description
                    label=Signal::derive(move || format!("{} {} {}", tr(Key::Description), tr(Key::Number).to_lowercase(), number.get()))
                    on_splice=move |pos, del, text| type_into(id, move |doc| meeting_doc::splice_agenda_description(doc, item, pos, del, &text))
                    on_commit=move || { with_ws(|ws| ws.flush_typing()); }/>
                <super::presence::EditingHere id=id item=item/>
            </td>
            <td data-label=move || tr(Key::Responsible)>
                <input type="text" aria-label=move || format!("{} {} {}", tr(Key::Responsible), tr(Key::Number).to_lowercase(), number.get()) prop:value=move || responsible.get()
                    on:change=move |ev| edit(id, item, AgendaItemEdit { responsible: Some(event_target_value(&ev).trim().to_string()), ..no_edit() })/>
            </td>
            <td class="start" data-label=move || tr(Key::Start)>
                // Empty: the item follows the one before (its computed time is the placeholder).
                <input class="fixed-start" type="text" inputmode="numeric" size="5"
                    aria-label=move || format!("{} {} {}", tr(Key::Start), tr(Key::Number).to_lowercase(), number.get())
                    aria-describedby=format!("start-help-{item}")
                    placeholder=move || start.get().unwrap_or_default() prop:value=move || fixed_start.get()
                    on:change=move |ev| {
                        let text = event_target_value(&ev).trim().to_string();
                        if text.is_empty() {
                            bad_start.set(false);
                            edit(id, item, AgendaItemEdit { start: Some(None), ..no_edit() });
                        } else if let Ok(at) = ClockTime::parse(&text) {
                            bad_start.set(false);
                            edit(id, item, AgendaItemEdit { start: Some(Some(at.to_string())), ..no_edit() });
                        } else {
                            bad_start.set(true);
                        }
                    }/>
                <span id=format!("start-help-{item}") class="visually-hidden">{move || tr(Key::FixedStartHelp)}</span>
                <Show when=move || bad_start.get()>
                    <span class="problem" role="alert">{move || tr(Key::BadStartTime)}</span>
                </Show>
            </td>
            <td data-label=move || tr(Key::Minutes)>
                <input class="duration" type="number" min="0" max="600" aria-label=move || format!("{} {} {}", tr(Key::Minutes), tr(Key::Number).to_lowercase(), number.get()) prop:value=move || duration.get()
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        let minutes = text.trim().parse::<u32>().ok();
                        edit(id, item, AgendaItemEdit { duration_minutes: Some(minutes), ..no_edit() });
                    }/>
            </td>
            <td class="actions" data-label=move || tr(Key::Actions)>
                <button data-move="up" aria-label=move || name(Key::MoveUp) disabled=move || index.get() == Some(0) on:click=move |_| move_to(-1)>"↑"</button>
                <button data-move="down" aria-label=move || name(Key::MoveDown) disabled=move || index.get().map(|i| i + 1 >= count.get()).unwrap_or(true) on:click=move |_| move_to(1)>"↓"</button>
                <button aria-label=move || name(Key::Remove) on:click=move |_| change(id, move |doc, now| meeting_doc::remove_agenda_item(doc, item, now))>"✕"</button>
            </td>
        </tr>
    }
}

/// Focuses the row's move button in direction `up`, or the other one once the row reached the
/// end and that button is disabled.
fn focus_move_button(item: ItemId, up: bool) {
    use wasm_bindgen::JsCast;
    let pick = |which: &str| {
        document()
            .query_selector(&format!("[data-item='{item}'] button[data-move='{which}']"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (first, second) = if up { ("up", "down") } else { ("down", "up") };
    let target = match pick(first) {
        Some(b) if !b.has_attribute("disabled") => Some(b),
        _ => pick(second),
    };
    if let Some(b) = target {
        let _ = b.focus();
    }
}
