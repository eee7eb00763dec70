//! The facilitator's switches (processledarens inställningar): who runs the board, private mode,
//! locking, votes per person and anonymous votes, and a new prompt. Others see who runs it.

use leptos::prelude::*;

use super::BoardContext;
use crate::doc::board::{add_prompt, set, BoardSetting};
use crate::i18n::Key;
use crate::model::PromptId;
use crate::ui::tr;

#[component]
pub fn FacilitatorPanel() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let facilitator = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| b.facilitator.clone()).unwrap_or_default()));
    let problem = RwSignal::new(None::<String>);
    let apply = move |setting: BoardSetting| problem.set(ctx.change(move |doc, now| set(doc, setting, now)).err());
    let take_lead = move |_| {
        let name = ctx.viewer.get_untracked().name;
        if name.is_empty() {
            problem.set(Some(tr(Key::NameYourselfFirst).to_string()));
        } else {
            apply(BoardSetting::Facilitator(name));
        }
    };
    view! {
        <section class="facilitator" aria-labelledby="facilitator-heading">
            <h2 id="facilitator-heading">{move || tr(Key::Facilitator)}</h2>
            {move || {
                let f = facilitator.get();
                if f.is_empty() {
                    view! {
                        <p class="help">{tr(Key::NoFacilitatorYet)}</p>
                        <button type="button" on:click=take_lead>{tr(Key::IFacilitate)}</button>
                    }.into_any()
                } else {
                    view! { <p>{tr(Key::FacilitatorIs)} " " <strong>{f}</strong></p> }.into_any()
                }
            }}
            <Show when=move || ctx.is_facilitator() && !facilitator.get().is_empty()>
                <Switches apply=apply/>
                <NewPrompt/>
            </Show>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn Switches(apply: impl Fn(BoardSetting) + Copy + Send + Sync + 'static) -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let read = move |f: fn(&crate::model::board::Board) -> bool| ctx.board.with(|b| b.as_ref().is_some_and(f));
    let limit = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map_or(0, |b| b.vote_limit)));
    let bad_limit = RwSignal::new(false);
    let set_limit = move |text: String| match text.trim().parse::<u32>() {
        Ok(n) if n <= 99 => {
            bad_limit.set(false);
            apply(BoardSetting::VoteLimit(n));
        }
        _ => bad_limit.set(true),
    };
    view! {
        <div class="switches">
            <label class="check"><input type="checkbox" prop:checked=move || read(|b| b.private)
                on:change=move |ev| apply(BoardSetting::Private(event_target_checked(&ev)))/> " " {move || tr(Key::PrivateMode)}</label>
            <label class="check"><input type="checkbox" prop:checked=move || read(|b| b.locked)
                on:change=move |ev| apply(BoardSetting::Locked(event_target_checked(&ev)))/> " " {move || tr(Key::LockBoard)}</label>
            <label class="check"><input type="checkbox" prop:checked=move || read(|b| b.anonymous_votes)
                on:change=move |ev| apply(BoardSetting::AnonymousVotes(event_target_checked(&ev)))/> " " {move || tr(Key::AnonymousVotes)}</label>
            <label for="vote-limit">{move || tr(Key::VoteLimit)}</label>
            <input id="vote-limit" type="text" inputmode="numeric" class="short" prop:value=move || limit.get().to_string()
                aria-invalid=move || bad_limit.get().then_some("true") aria-describedby="vote-limit-problem"
                on:change=move |ev| set_limit(event_target_value(&ev))/>
            <p id="vote-limit-problem" class="field-problem" role="alert" hidden=move || !bad_limit.get()>{move || tr(Key::VoteLimitProblem)}</p>
        </div>
    }
}

/// A further prompt (column), with an optional quota.
#[component]
fn NewPrompt() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let title = RwSignal::new(String::new());
    let quota = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked();
        if t.trim().is_empty() {
            problem.set(Some(tr(Key::PromptTitleFirst).to_string()));
            return;
        }
        let q = quota.get_untracked();
        let q = match q.trim() {
            "" => None,
            n => match n.parse::<u32>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    problem.set(Some(tr(Key::QuotaProblem).to_string()));
                    return;
                }
            },
        };
        match ctx.change(move |doc, now| add_prompt(doc, PromptId::random(), &t, q, now).map(|_| ())) {
            Ok(()) => {
                title.set(String::new());
                quota.set(String::new());
                problem.set(None);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="new-prompt" on:submit=add>
            <h3>{move || tr(Key::AddPrompt)}</h3>
            <label for="new-prompt-title">{move || tr(Key::PromptTitle)}</label>
            <input id="new-prompt-title" type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            <label for="new-prompt-quota">{move || tr(Key::PromptQuota)}</label>
            <input id="new-prompt-quota" type="text" inputmode="numeric" class="short" prop:value=move || quota.get() on:input=move |ev| quota.set(event_target_value(&ev))/>
            <button type="submit" class="add">{move || tr(Key::AddPrompt)}</button>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </form>
    }
}
