//! Writing on the board: one column per prompt with the notes the member may see, the group's
//! quota ("2 av 3") and the form for a new note.

use leptos::prelude::*;

use super::note::NoteCard;
use super::BoardContext;
use crate::doc::board::add_note;
use crate::i18n::Key;
use crate::model::{NoteId, PromptId};
use crate::ui::{lang, tr};

#[component]
pub fn WriteView() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let prompts = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| b.prompts.iter().map(|p| p.id).collect::<Vec<_>>()).unwrap_or_default()));
    view! {
        <div class="board-prompts">
            <For each=move || prompts.get() key=|p| *p let:prompt>
                <PromptColumn prompt=prompt/>
            </For>
        </div>
    }
}

/// "2 av 3" (or "2 lappar" without a quota).
pub(super) fn quota_text(written: usize, quota: Option<u32>) -> String {
    match quota {
        Some(q) => lang().pick(format!("{written} av {q}"), format!("{written} of {q}")),
        None => lang().pick(format!("{written} lappar"), format!("{written} notes")),
    }
}

#[component]
fn PromptColumn(prompt: PromptId) -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let title = Memo::new(move |_| ctx.board.with(|b| b.as_ref().and_then(|b| b.prompt(prompt)).map(|p| p.title.clone()).unwrap_or_default()));
    let notes = Memo::new(move |_| {
        let viewer = ctx.viewer.get();
        ctx.board.with(|b| b.as_ref().map(|b| b.notes_under(prompt, &viewer).iter().map(|n| n.id).collect::<Vec<NoteId>>()).unwrap_or_default())
    });
    let quota = Memo::new(move |_| {
        let group = ctx.viewer.with(|v| v.group);
        ctx.board.with(|b| b.as_ref().map(|b| b.quota_state(prompt, group)))
    });
    let heading = format!("prompt-{prompt}");
    let labelled_by = heading.clone();
    view! {
        <section class="prompt" aria-labelledby=labelled_by>
            <h2 id=heading>{move || title.get()}</h2>
            {move || quota.get().map(|q| view! {
                <p class="quota" class:full=q.is_full()>{tr(Key::YourGroupHas)} " " {quota_text(q.written, q.quota)}</p>
            })}
            <ul class="notes" aria-label=move || format!("{} – {}", tr(Key::NotesUnder), title.get())>
                <For each=move || notes.get() key=|n| *n let:note>
                    <NoteCard note=note review=false/>
                </For>
            </ul>
            <NewNoteForm prompt=prompt title=title/>
        </section>
    }
}

/// A new note under `prompt`. A group past its quota is asked to choose first ("Lägg till ändå").
#[component]
fn NewNoteForm(prompt: PromptId, title: Memo<String>) -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let asking = RwSignal::new(false);
    let field = format!("new-note-{prompt}");
    let add = move |anyway: bool| {
        let full = ctx.board.with_untracked(|b| b.as_ref().is_some_and(|b| b.quota_state(prompt, ctx.viewer.get_untracked().group).is_full()));
        if full && !anyway {
            asking.set(true);
            return;
        }
        let text = draft.get_untracked();
        let viewer = ctx.viewer.get_untracked();
        match ctx.change(move |doc, now| add_note(doc, NoteId::random(), prompt, viewer.group, &text, &viewer.name, now).map(|_| ())) {
            Ok(()) => {
                draft.set(String::new());
                error.set(None);
                asking.set(false);
                ctx.announce.set(format!("{} {}", tr(Key::NoteAddedUnder), title.get_untracked()));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let quota_words = move || {
        let q = ctx.board.with(|b| b.as_ref().map(|b| b.quota_state(prompt, ctx.viewer.get().group)));
        q.map(|q| {
            let asked = q.quota.unwrap_or_default();
            lang().pick(
                format!("Ni har redan {} lappar här och frågan ber om {asked}. Välj de viktigaste – eller lägg till ändå.", q.written),
                format!("You already have {} notes here and the prompt asks for {asked}. Choose the most important – or add anyway.", q.written),
            )
        })
    };
    view! {
        <form class="new-note" on:submit=move |ev| { ev.prevent_default(); add(false); }>
            <label for=field.clone()>{move || tr(Key::NewNote)}</label>
            <textarea id=field rows="2" prop:value=move || draft.get() aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=move |ev| { draft.set(event_target_value(&ev)); error.set(None); }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    // Ctrl+Enter (Cmd+Enter) adds the note without leaving the keyboard.
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        add(false);
                    }
                }></textarea>
            <button type="submit" class="add">{move || tr(Key::AddNote)}</button>
            <Show when=move || asking.get()>
                <div class="confirm-close" role="alert">
                    <p>{quota_words}</p>
                    <button type="button" on:click=move |_| add(true)>{move || tr(Key::AddAnyway)}</button>
                    " " <button type="button" on:click=move |_| asking.set(false)>{move || tr(Key::Cancel)}</button>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </form>
    }
}
