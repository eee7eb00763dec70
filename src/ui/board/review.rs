//! The review (genomgång): every group's notes per prompt, most votes first, gathered under the
//! headings (kluster) the room gives them. While private mode is on, a group still sees only its
//! own notes here too; the facilitator ends it for the review.

use leptos::prelude::*;

use super::note::{NoteCard, CLUSTERS_LIST};
use super::BoardContext;
use crate::i18n::Key;
use crate::model::board_votes::ranked;
use crate::model::{NoteId, PromptId};
use crate::ui::tr;

#[component]
pub fn ReviewView() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let prompts = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| b.prompts.iter().map(|p| p.id).collect::<Vec<_>>()).unwrap_or_default()));
    let clusters = Memo::new(move |_| {
        ctx.board.with(|b| {
            let mut c: Vec<String> = b.as_ref().map(|b| b.current_notes().map(|n| n.cluster.clone()).filter(|c| !c.is_empty()).collect()).unwrap_or_default();
            c.sort();
            c.dedup();
            c
        })
    });
    view! {
        <datalist id=CLUSTERS_LIST>{move || clusters.get().into_iter().map(|c| view! { <option value=c/> }).collect_view()}</datalist>
        <Show when=move || ctx.board.with(|b| b.as_ref().is_some_and(|b| b.private))>
            <p class="help">{move || tr(Key::PrivateStillOn)}</p>
        </Show>
        <div class="board-review">
            <For each=move || prompts.get() key=|p| *p let:prompt>
                <ReviewPrompt prompt=prompt/>
            </For>
        </div>
    }
}

#[component]
fn ReviewPrompt(prompt: PromptId) -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let title = Memo::new(move |_| ctx.board.with(|b| b.as_ref().and_then(|b| b.prompt(prompt)).map(|p| p.title.clone()).unwrap_or_default()));
    // Clusters in the order of their best-voted note; notes without a heading last.
    let groups = Memo::new(move |_| {
        let viewer = ctx.viewer.get();
        ctx.board.with(|b| {
            let Some(b) = b.as_ref() else { return Vec::new() };
            let mut out: Vec<(String, Vec<NoteId>)> = Vec::new();
            for (note, _) in ranked(b, prompt, &viewer) {
                match out.iter_mut().find(|(c, _)| *c == note.cluster) {
                    Some((_, ids)) => ids.push(note.id),
                    None => out.push((note.cluster.clone(), vec![note.id])),
                }
            }
            out.sort_by_key(|(c, _)| c.is_empty());
            out
        })
    });
    let heading = format!("review-{prompt}");
    let labelled_by = heading.clone();
    view! {
        <section class="prompt" aria-labelledby=labelled_by>
            <h2 id=heading>{move || title.get()}</h2>
            {move || {
                let g = groups.get();
                if g.is_empty() {
                    view! { <p class="help">{tr(Key::NoNotesYet)}</p> }.into_any()
                } else {
                    g.into_iter().map(|(cluster, notes)| view! {
                        <h3>{if cluster.is_empty() { tr(Key::Unclustered).to_string() } else { cluster }}</h3>
                        <ol class="notes">
                            {notes.into_iter().map(|n| view! { <NoteCard note=n review=true/> }).collect_view()}
                        </ol>
                    }).collect_view().into_any()
                }
            }}
        </section>
    }
}
