//! One sticky note: its co-written text, its votes, and the buttons that move it. Every action
//! is a button or a select (no drag needed, no hover-only control), and moves are announced.

use leptos::prelude::*;

use super::BoardContext;
use crate::doc::board::{move_note, remove_note, set_cluster, splice_note, step_note, take_vote_back, vote};
use crate::i18n::Key;
use crate::model::board_votes::own_votes;
use crate::model::{NoteId, PromptId};
use crate::ui::text_field::CoTextField;
use crate::ui::{lang, tr, with_ws};

/// The datalist of the board's cluster headings, offered when a note gets one in the review.
pub(super) const CLUSTERS_LIST: &str = "board-clusters";

#[component]
pub fn NoteCard(note: NoteId, review: bool) -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let id = ctx.id;
    let text = Memo::new(move |_| ctx.board.with(|b| b.as_ref().and_then(|b| b.note(note)).map(|n| n.text.as_str().to_string()).unwrap_or_default()));
    let facts = Memo::new(move |_| {
        let viewer = ctx.viewer.get();
        ctx.board.with(|b| {
            let b = b.as_ref()?;
            let n = b.note(note)?;
            let list = b.notes_under(n.prompt, &viewer);
            let index = list.iter().position(|x| x.id == note).map_or(0, |i| i + 1);
            let prompt = b.prompt(n.prompt).map(|p| p.title.clone()).unwrap_or_default();
            let group = n.group.and_then(|g| b.group(g)).map(|g| g.name.clone());
            let voters = (!b.anonymous_votes)
                .then(|| n.votes.iter().filter(|(_, v)| **v > 0).map(|(m, v)| if *v > 1 { format!("{m} ({v})") } else { m.clone() }).collect::<Vec<_>>().join(", "))
                .unwrap_or_default();
            Some(NoteFacts {
                index,
                count: list.len(),
                prompt_id: n.prompt,
                prompt,
                group,
                mine: own_votes(n, &viewer.name),
                voting_open: b.vote_limit > 0,
                can_move: b.can_move(note),
                cluster: n.cluster.clone(),
                voters,
            })
        })
    });
    let votes = Memo::new(move |_| ctx.counted.with(|c| c.get(&note).copied().unwrap_or(0)));
    let label = Signal::derive(move || facts.with(|f| f.as_ref().map(|f| format!("{} {} {} {}", tr(Key::Note), f.index, tr(Key::Under), f.prompt)).unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let report = move |r: Result<(), String>, done: Option<String>| match r {
        Ok(()) => {
            problem.set(None);
            if let Some(d) = done {
                ctx.announce.set(d);
            }
        }
        Err(e) => {
            ctx.announce.set(e.clone());
            problem.set(Some(e));
        }
    };
    let member = move || ctx.viewer.get_untracked().name;
    let cast = move |_| {
        let name = member();
        if name.is_empty() {
            report(Err(tr(Key::NameYourselfFirst).to_string()), None);
            return;
        }
        report(ctx.change(move |doc, now| vote(doc, note, &name, now)), Some(format!("{}: {}", tr(Key::Voted), label.get_untracked())));
    };
    let take_back = move |_| {
        let name = member();
        report(ctx.change(move |doc, now| take_vote_back(doc, note, &name, now)), Some(format!("{}: {}", tr(Key::VoteTakenBack), label.get_untracked())));
    };
    let step = move |by: i32| {
        let viewer = ctx.viewer.get_untracked();
        let r = with_ws(|ws| ws.change(id, move |doc, now| step_note(doc, note, by, &viewer, now).map(|_| ()))).unwrap_or(Ok(()));
        report(r, Some(format!("{} {}", label.get_untracked(), if by < 0 { tr(Key::MovedUp) } else { tr(Key::MovedDown) })));
        refocus(note, by);
    };
    let move_to = move |target: PromptId| {
        let title = ctx.board.with_untracked(|b| b.as_ref().and_then(|b| b.prompt(target)).map(|p| p.title.clone()).unwrap_or_default());
        let r = ctx.change(move |doc, now| {
            let position = crate::doc::board::hydrate_board(doc)?.position_last_under(target);
            move_note(doc, note, target, position, now)
        });
        report(r, Some(format!("{} {title}", tr(Key::NoteMovedTo))));
    };
    let remove = move |_| report(ctx.change(move |doc, now| remove_note(doc, note, now)), Some(tr(Key::NoteRemoved).to_string()));
    let prompts = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| b.prompts.iter().map(|p| (p.id, p.title.clone())).collect::<Vec<_>>()).unwrap_or_default()));
    view! {
        <li class="note" data-note=note.to_string()>
            <CoTextField multiline=true value=text label=label class="note-text"
                on_splice=move |pos, del, s| crate::ui::agenda::type_into(id, move |doc| splice_note(doc, note, pos, del, &s))
                on_commit=move || { with_ws(|ws| ws.flush_typing()); }/>
            <super::presence::WritingHere note=note/>
            {move || facts.get().map(|f| view! {
                <p class="note-meta">
                    {f.group.clone().map(|g| view! { <span class="note-group">{g}</span> " · " })}
                    <span class="note-votes">{vote_words(votes.get())}</span>
                    {(!f.voters.is_empty()).then(|| view! { " (" {f.voters.clone()} ")" })}
                </p>
            })}
            <div class="note-actions">
                {move || facts.get().map(|f| view! {
                    {f.voting_open.then(|| view! {
                        <button type="button" on:click=cast aria-label=format!("{} – {}", tr(Key::Vote), label.get_untracked())>{tr(Key::Vote)}</button>
                    })}
                    {(f.mine > 0).then(|| view! {
                        <button type="button" on:click=take_back aria-label=format!("{} – {}", tr(Key::TakeVoteBack), label.get_untracked())>{tr(Key::TakeVoteBack)}</button>
                    })}
                    {(f.can_move && !review).then(|| view! {
                        <button type="button" class="step-up" disabled=f.index <= 1 on:click=move |_| step(-1) aria-label=format!("{} – {}", tr(Key::MoveUp), label.get_untracked())>"↑"</button>
                        <button type="button" class="step-down" disabled=f.index >= f.count on:click=move |_| step(1) aria-label=format!("{} – {}", tr(Key::MoveDown), label.get_untracked())>"↓"</button>
                    })}
                    {f.can_move.then(|| {
                        let current = f.prompt_id;
                        view! {
                            <label class="move-to">{tr(Key::MoveTo)} " "
                                <select on:change=move |ev| {
                                    if let Ok(target) = event_target_value(&ev).parse::<PromptId>() {
                                        if target != current {
                                            move_to(target);
                                        }
                                    }
                                }>
                                    {prompts.get_untracked().into_iter().map(|(p, t)| view! { <option value=p.to_string() selected=p == current>{t}</option> }).collect_view()}
                                </select>
                            </label>
                            <button type="button" on:click=remove aria-label=format!("{} – {}", tr(Key::Remove), label.get_untracked())>{tr(Key::Remove)}</button>
                        }
                    })}
                    {review.then(|| {
                        let cluster = f.cluster.clone();
                        view! {
                            <label class="cluster">{tr(Key::Cluster)} " "
                                <input type="text" list=CLUSTERS_LIST value=cluster
                                    on:change=move |ev| {
                                        let heading = event_target_value(&ev);
                                        report(ctx.change(move |doc, now| set_cluster(doc, note, &heading, now)), None);
                                    }/>
                            </label>
                        }
                    })}
                })}
            </div>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </li>
    }
}

/// Gives the keyboard back to the moved note's step button (moving a node in the page drops focus);
/// at the top or bottom, to the other one.
fn refocus(note: NoteId, by: i32) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let (first, other) = if by < 0 { ("step-up", "step-down") } else { ("step-down", "step-up") };
        for class in [first, other] {
            let button = document()
                .query_selector(&format!("li[data-note=\"{note}\"] button.{class}:not([disabled])"))
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(b) = button {
                let _ = b.focus();
                return;
            }
        }
    });
}

#[derive(Clone, Debug, PartialEq)]
struct NoteFacts {
    index: usize,
    count: usize,
    prompt_id: PromptId,
    prompt: String,
    group: Option<String>,
    mine: i64,
    voting_open: bool,
    can_move: bool,
    cluster: String,
    voters: String,
}

fn vote_words(n: i64) -> String {
    match n {
        1 => lang().pick("1 röst".to_string(), "1 vote".to_string()),
        n => lang().pick(format!("{n} röster"), format!("{n} votes")),
    }
}
