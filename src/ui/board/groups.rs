//! Who is writing and for which group: the member's name (asked once, kept on the device as in
//! settings) and the breakout group they join; the facilitator adds groups.

use leptos::prelude::*;

use super::BoardContext;
use crate::doc::board::{add_group, join_group};
use crate::i18n::Key;
use crate::model::GroupId;
use crate::ui::tr;

#[component]
pub fn WhoAndWhichGroup() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    view! {
        <section class="board-who" aria-labelledby="board-who-heading">
            <h2 id="board-who-heading" class="visually-hidden">{move || tr(Key::WhoWrites)}</h2>
            {move || match ctx.me.get() {
                None => view! { <NameFirst/> }.into_any(),
                Some(_) => view! { <GroupPicker/> }.into_any(),
            }}
        </section>
    }
}

/// Asks the member's name before they write or vote, and keeps it on the device.
#[component]
fn NameFirst() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            problem.set(true);
            return;
        }
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.set_item(crate::ui::presence::MY_NAME_KEY, &n);
        }
        ctx.me.set(Some(n));
    };
    view! {
        <form class="name-first" on:submit=save>
            <label for="board-my-name">{move || tr(Key::MyName)}</label>
            <input id="board-my-name" type="text" autocomplete="name" aria-describedby="board-my-name-help"
                aria-invalid=move || problem.get().then_some("true")
                prop:value=move || name.get() on:input=move |ev| { name.set(event_target_value(&ev)); problem.set(false); }/>
            <button type="submit">{move || tr(Key::Save)}</button>
            <p id="board-my-name-help" class="help">{move || tr(Key::BoardNameHelp)}</p>
            <Show when=move || problem.get()>
                <p class="field-problem" role="alert">{move || tr(Key::NameYourselfFirst)}</p>
            </Show>
        </form>
    }
}

#[component]
fn GroupPicker() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let groups = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| b.groups.iter().map(|g| (g.id, g.name.clone())).collect::<Vec<_>>()).unwrap_or_default()));
    let new_group = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let join = move |group: Option<GroupId>| {
        let name = ctx.viewer.get_untracked().name;
        let r = ctx.change(move |doc, now| join_group(doc, &name, group, now));
        problem.set(r.err());
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_group.get_untracked();
        if name.trim().is_empty() {
            problem.set(Some(tr(Key::GroupNameFirst).to_string()));
            return;
        }
        match ctx.change(move |doc, now| add_group(doc, GroupId::random(), &name, now).map(|_| ())) {
            Ok(()) => {
                new_group.set(String::new());
                problem.set(None);
            }
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <p class="board-me">{move || tr(Key::YouAre)} " " <strong>{move || ctx.me.get().unwrap_or_default()}</strong></p>
        <label class="group-pick">{move || tr(Key::YourGroup)} " "
            <select on:change=move |ev| join(event_target_value(&ev).parse::<GroupId>().ok())>
                <option value="" selected=move || ctx.viewer.with(|v| v.group.is_none())>{move || tr(Key::NoGroup)}</option>
                {move || groups.get().into_iter().map(|(g, name)| view! {
                    <option value=g.to_string() selected=move || ctx.viewer.with(|v| v.group == Some(g))>{name}</option>
                }).collect_view()}
            </select>
        </label>
        <Show when=move || ctx.is_facilitator()>
            <form class="add-group" on:submit=add>
                <label for="board-new-group">{move || tr(Key::GroupName)}</label>
                <input id="board-new-group" type="text" prop:value=move || new_group.get() on:input=move |ev| new_group.set(event_target_value(&ev))/>
                <button type="submit" class="add">{move || tr(Key::AddGroup)}</button>
            </form>
        </Show>
        {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
    }
}
