//! A meeting's workshop boards: links to them, and "Ny workshoptavla" from a template.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use crate::doc::board::create_board;
use crate::doc::council::add_board_link;
use crate::i18n::Key;
use crate::model::board::{new_board, Template};
use crate::model::board_votes::{board_markdown, board_result};
use crate::model::{BoardLink, DocUrl, PromptId};
use crate::ui::council::council_memo;
use crate::ui::route::{navigate, Route};
use crate::ui::{tr, with_ws};

/// The boards linked to `meeting`, as links; with `create`, the form for a new one; with
/// `results`, each board's most-voted notes (for Efter) and its Markdown download.
#[component]
pub fn BoardsOfMeeting(meeting: DocumentId, #[prop(optional)] create: bool, #[prop(optional)] results: bool) -> impl IntoView {
    let council = council_memo();
    let url = DocUrl(meeting.url());
    let boards = Memo::new(move |_| {
        council.with(|c| {
            c.as_ref().and_then(|c| c.as_ref().ok()).map(|c| c.boards.iter().filter(|b| b.meeting.as_ref() == Some(&url)).cloned().collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    view! {
        <section class="meeting-boards" aria-labelledby="meeting-boards-heading">
            <h2 id="meeting-boards-heading">{move || tr(Key::Boards)}</h2>
            {move || {
                let list = boards.get();
                if list.is_empty() {
                    view! { <p class="help">{tr(Key::NoBoardsYet)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="board-links">
                            {list.into_iter().filter_map(|b| DocumentId::parse(&b.url.0).ok().map(|id| view! {
                                <li>
                                    <a href=Route::Board(id).href()>{b.title.clone()}</a>
                                    {results.then(|| view! { <BoardResult id=id/> })}
                                </li>
                            })).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            {create.then(|| view! { <NewBoardForm meeting=meeting/> })}
        </section>
    }
}

#[component]
fn NewBoardForm(meeting: DocumentId) -> impl IntoView {
    let template = RwSignal::new(Template::ConsequenceAnalysis);
    let title = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = template.get_untracked();
        let board = new_board(t, &title.get_untracked(), Some(meeting.url()), t.prompts().iter().map(|_| PromptId::random()).collect::<Vec<_>>());
        let result = with_ws(|ws| {
            let council = ws.council_id().ok_or_else(|| tr(Key::NoCouncilOpen).to_string())?;
            let id = ws.create_document(|doc, now| create_board(doc, &board, now))?;
            let link = BoardLink { url: DocUrl(id.url()), title: board.title.clone(), meeting: Some(DocUrl(meeting.url())) };
            ws.change(council, |doc, now| add_board_link(doc, link, now))?;
            Ok::<_, String>(id)
        })
        .unwrap_or_else(|| Err(tr(Key::NotStarted).to_string()));
        match result {
            Ok(id) => navigate(Route::Board(id)),
            Err(e) => problem.set(Some(e)),
        }
    };
    view! {
        <form class="new-board" on:submit=create>
            <h3>{move || tr(Key::NewBoard)}</h3>
            <fieldset>
                <legend>{move || tr(Key::BoardTemplate)}</legend>
                {Template::ALL.into_iter().map(|t| view! {
                    <label class="check">
                        <input type="radio" name="board-template" value=t.key() prop:checked=move || template.get() == t on:change=move |_| template.set(t)/>
                        " " {move || tr(template_key(t))}
                    </label>
                }).collect_view()}
            </fieldset>
            <label for="new-board-title">{move || tr(Key::BoardTitle)}</label>
            <input id="new-board-title" type="text" placeholder=move || template.get().title() prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            <button type="submit" class="add">{move || tr(Key::CreateBoard)}</button>
            {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
        </form>
    }
}

fn template_key(t: Template) -> Key {
    match t {
        Template::ConsequenceAnalysis => Key::TemplateConsequences,
        Template::RisksAndActions => Key::TemplateRisks,
        Template::Blank => Key::TemplateBlank,
    }
}

/// A board's outcome for the minutes: the three most-voted notes of each prompt, and the whole
/// board as a Markdown file.
#[component]
fn BoardResult(id: DocumentId) -> impl IntoView {
    let state = super::board_memo(id);
    let problem = RwSignal::new(None::<String>);
    move || match state.get() {
        super::BoardState::Ready(board) => {
            let results = board_result(&board, Some(3));
            let file = format!("{}.md", crate::ui::export::file_stem(&board.title, "workshop"));
            let markdown = board_markdown(&board);
            view! {
                {results.into_iter().map(|r| view! {
                    <h3>{r.prompt}</h3>
                    {if r.notes.is_empty() {
                        view! { <p class="help">{tr(Key::NoNotesYet)}</p> }.into_any()
                    } else {
                        view! { <ol>{r.notes.into_iter().map(|(text, votes, _)| view! { <li><span class="prewrap">{text}</span> " (" {votes} ")"</li> }).collect_view()}</ol> }.into_any()
                    }}
                }).collect_view()}
                <button type="button" on:click=move |_| problem.set(crate::ui::export::download(&file, "text/markdown", markdown.as_bytes()).err())>{tr(Key::DownloadBoard)}</button>
                {move || problem.get().map(|e| view! { <p class="field-problem" role="alert">{e}</p> })}
            }.into_any()
        }
        _ => view! { <p class="loading">{tr(Key::FetchingBoard)}</p> }.into_any(),
    }
}
