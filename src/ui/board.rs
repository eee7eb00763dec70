//! The workshop board page (workshoptavla): the groups write notes under the prompts (`#/board/<id>`)
//! and the room reviews them together (`#/board/<id>/genomgang`). Its parts: `note` (one sticky
//! note), `prompt` (a column and its new-note form), `timer`, `groups`, `facilitator`, `review`,
//! and `of_meeting` (a meeting's boards and "Ny workshoptavla").

mod facilitator;
mod groups;
mod note;
mod presence;
pub mod of_meeting;
mod prompt;
mod review;
mod timer;

use std::collections::BTreeMap;

use automerge::ReadDoc;
use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::route::Route;
use super::{tr, with_ws};
use crate::doc::board::hydrate_board;
use crate::i18n::Key;
use crate::model::board::{Board, Viewer};
use crate::model::board_votes::counted_votes;
use crate::model::NoteId;

/// A board as the page sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardState {
    Fetching,
    Unavailable,
    Unreadable(String),
    Ready(Board),
}

/// The board in document `id`, re-read on every change to it.
pub fn board_memo(id: DocumentId) -> Memo<BoardState> {
    with_ws(|ws| ws.ensure_open(id));
    let revision = with_ws(|ws| ws.revision_signal(id));
    let unavailable = with_ws(|ws| ws.unavailable());
    Memo::new(move |_| {
        if let Some(r) = &revision {
            r.get();
        }
        let read = with_ws(|ws| ws.read(&id, |doc| doc.keys(automerge::ROOT).next().is_some().then(|| hydrate_board(doc).map_err(|e| super::say(&e))))).flatten().flatten();
        match read {
            Some(Ok(b)) => BoardState::Ready(b),
            Some(Err(e)) => BoardState::Unreadable(e),
            None if unavailable.as_ref().is_some_and(|u| u.with(|u| u.contains(&id))) => BoardState::Unavailable,
            None => BoardState::Fetching,
        }
    })
}

/// What every part of the page reads: the board, who is looking, the counted votes, and a
/// place to announce what happened (a move, a vote) to screen readers.
#[derive(Clone, Copy)]
pub(crate) struct BoardContext {
    pub id: DocumentId,
    pub board: Memo<Option<Board>>,
    pub viewer: Memo<Viewer>,
    /// The member's name on this device; `None` until they say it.
    pub me: RwSignal<Option<String>>,
    pub counted: Memo<BTreeMap<NoteId, i64>>,
    pub announce: RwSignal<String>,
}

impl BoardContext {
    /// Runs a change on the board; its refusal is announced and returned for showing by the control.
    pub fn change(&self, f: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<(), crate::doc::DocError>) -> Result<(), String> {
        with_ws(|ws| ws.change(self.id, f)).unwrap_or_else(|| Err(tr(Key::NotStarted).to_string()))
    }

    pub fn is_facilitator(&self) -> bool {
        let viewer = self.viewer.get();
        self.board.with(|b| b.as_ref().is_some_and(|b| b.facilitator.is_empty() || viewer.is_facilitator(b)))
    }
}

#[component]
pub fn BoardPage(id: DocumentId, review: bool) -> impl IntoView {
    let state = board_memo(id);
    let board = Memo::new(move |_| match state.get() {
        BoardState::Ready(b) => Some(b),
        _ => None,
    });
    let me = RwSignal::new(super::presence::my_name());
    let viewer = Memo::new(move |_| {
        let name = me.get().unwrap_or_default();
        let group = board.with(|b| b.as_ref().and_then(|b| b.group_of(&name)));
        Viewer { name, group }
    });
    let counted = Memo::new(move |_| board.with(|b| b.as_ref().map(counted_votes).unwrap_or_default()));
    let ctx = BoardContext { id, board, viewer, me, counted, announce: RwSignal::new(String::new()) };
    provide_context(ctx);
    let title = Memo::new(move |_| board.with(|b| b.as_ref().map(|b| b.title.clone()).unwrap_or_default()));
    let (focus_entered, focus_left) = presence::track(ctx);
    let back = Memo::new(move |_| {
        board.with(|b| b.as_ref().and_then(|b| b.meeting.as_deref().and_then(|m| DocumentId::parse(m).ok()))).map_or(Route::Council, Route::Meeting)
    });
    view! {
        <p><a href=move || back.get().href()>"← " {move || if back.get() == Route::Council { tr(Key::BackToCouncil) } else { tr(Key::BackToMeeting) }}</a></p>
        {move || match state.get() {
            BoardState::Fetching => Some(view! { <p class="loading" role="status">{tr(Key::FetchingBoard)}</p> }.into_any()),
            BoardState::Unavailable => Some(view! { <p class="problem" role="alert">{tr(Key::BoardUnavailable)}</p> }.into_any()),
            BoardState::Unreadable(e) => Some(view! { <p class="problem" role="alert">{e}</p> }.into_any()),
            BoardState::Ready(_) => None,
        }}
        <Show when=move || board.with(Option::is_some)>
            <article class="board" on:focusin=focus_entered on:focusout=focus_left>
                <h1>{move || title.get()}</h1>
                <BoardIntro/>
                <nav class="mode-switch" aria-label=move || tr(Key::BoardModes)>
                    <ul>
                        <li><a href=Route::Board(id).href() aria-current=(!review).then_some("page")>{move || tr(Key::WriteMode)}</a></li>
                        <li><a href=Route::BoardReview(id).href() aria-current=review.then_some("page")>{move || tr(Key::ReviewMode)}</a></li>
                    </ul>
                </nav>
                <timer::BoardTimerView/>
                <groups::WhoAndWhichGroup/>
                <presence::OnTheBoard/>
                {if review { view! { <review::ReviewView/> }.into_any() } else { view! { <prompt::WriteView/> }.into_any() }}
                <facilitator::FacilitatorPanel/>
                <p class="visually-hidden" role="status" aria-live="polite">{move || ctx.announce.get()}</p>
            </article>
        </Show>
    }
}

/// The exercise and its goal, as the facilitator wrote them.
#[component]
fn BoardIntro() -> impl IntoView {
    let ctx = expect_context::<BoardContext>();
    let texts = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map(|b| (b.exercise.as_str().to_string(), b.goal.as_str().to_string(), b.method.clone())).unwrap_or_default()));
    view! {
        <div class="board-intro">
            {move || {
                let (exercise, goal, method) = texts.get();
                view! {
                    {(!exercise.trim().is_empty()).then(|| view! { <h2>{tr(Key::Exercise)}</h2><p class="prewrap">{exercise.clone()}</p> })}
                    {(!goal.trim().is_empty()).then(|| view! { <h2>{tr(Key::Goal)}</h2><p class="prewrap">{goal.clone()}</p> })}
                    {(!method.trim().is_empty()).then(|| view! { <p class="subtitle">{tr(Key::Method)} ": " {method.clone()}</p> })}
                }
            }}
        </div>
    }
}
