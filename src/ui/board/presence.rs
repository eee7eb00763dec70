//! Who is on the board now and which note each is writing in: announced as automerge-repo
//! ephemeral messages (never stored), like presence in a meeting. Being on the board is
//! announced as "editing" the board itself, so the others list the member even between notes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::BoardContext;
use crate::i18n::Key;
use crate::model::{ItemId, NoteId};
use crate::ui::{tr, with_ws};

/// The presence "item" that means "on this board", not in a note.
fn on_board(ctx: &BoardContext) -> ItemId {
    ItemId(uuid::Uuid::from_bytes(*ctx.id.as_bytes()))
}

/// The presence item for a note (its id is a uuid too).
pub(super) fn note_item(note: NoteId) -> ItemId {
    ItemId(note.0)
}

/// The note an element belongs to (`data-note` on its card).
fn note_of(target: Option<web_sys::EventTarget>) -> Option<NoteId> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    element.closest("[data-note]").ok().flatten()?.get_attribute("data-note")?.parse().ok()
}

/// Announces this member on the board while the page is open, and the note the keyboard is in;
/// returns the focus handlers for the board's element.
pub(super) fn track(ctx: BoardContext) -> (impl Fn(web_sys::FocusEvent) + Copy + 'static, impl Fn(web_sys::FocusEvent) + Copy + 'static) {
    let announce = move |item: Option<ItemId>| {
        if let Some(name) = ctx.me.try_get_untracked().flatten() {
            with_ws(|ws| ws.announce(ctx.id, &name, item));
        }
    };
    // Once the member has a name, and again when it changes.
    Effect::new(move |_| {
        if ctx.me.get().is_some() {
            announce(Some(on_board(&ctx)));
        }
    });
    let id = ctx.id;
    let me = ctx.me;
    on_cleanup(move || {
        if let Some(name) = me.try_get_untracked().flatten() {
            with_ws(|ws| ws.announce(id, &name, None));
        }
    });
    let entered = move |ev: web_sys::FocusEvent| announce(Some(note_of(ev.target()).map_or_else(|| on_board(&ctx), note_item)));
    let left = move |ev: web_sys::FocusEvent| {
        if note_of(ev.related_target()).is_none() {
            announce(Some(on_board(&ctx)));
        }
    };
    (entered, left)
}

/// "På tavlan nu: Anna (Grupp 1), Bo (Grupp 2)".
#[component]
pub fn OnTheBoard() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let presence = with_ws(|ws| ws.presence());
    let names = Memo::new(move |_| {
        let mut names: Vec<String> = presence.as_ref().map(|p| p.with(|t| t.get(&ctx.id).map(|t| t.everyone()).unwrap_or_default())).unwrap_or_default();
        if let Some(me) = ctx.me.get() {
            if !names.contains(&me) {
                names.push(me);
                names.sort();
            }
        }
        ctx.board.with(|b| {
            names
                .into_iter()
                .map(|n| match b.as_ref().and_then(|b| b.group_of(&n)).and_then(|g| b.as_ref()?.group(g).map(|g| g.name.clone())) {
                    Some(group) => format!("{n} ({group})"),
                    None => n,
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p class="on-the-board" aria-live="polite">
            <span class="then-label">{move || tr(Key::OnTheBoardNow)} ": "</span>
            {move || names.get().join(", ")}
        </p>
    }
}

/// "Bo skriver här" on a note someone else is writing in.
#[component]
pub fn WritingHere(note: NoteId) -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    view! { <crate::ui::presence::EditingHere id=ctx.id item=note_item(note)/> }
}
