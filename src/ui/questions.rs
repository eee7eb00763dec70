//! Questions raised to the council (frågor som lyfts) on the council page: they wait in a list,
//! anyone can add one, and a waiting question can be pulled into a meeting's agenda — the item is
//! added to that meeting and the question then links to it.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::agenda::next_number;
use super::all_meetings::council_meetings;
use super::plan::today;
use super::route::Route;
use super::{tr, with_ws};
use crate::doc::council::{add_question, mark_question_taken_up, question_agenda_item, NewQuestion};
use crate::doc::meeting::add_agenda_item;
use crate::i18n::Key;
use crate::model::time::format_date;
use crate::model::{BreakKind, ItemId, ItemKind, QuestionId, QuestionStatus};

/// Adds the question's item to the meeting's agenda, then marks the question taken up. If the
/// second step fails the item stays (nothing typed is lost) and the message says so.
fn take_up(question: QuestionId, meeting: DocumentId) -> Result<(), String> {
    with_ws(|ws| {
        let council = ws.council_id().ok_or_else(|| tr(Key::NoCouncilOpen).to_string())?;
        // Numbered after the others, placed before a closing AVSLUT.
        let (number, after) = ws
            .read(&meeting, |doc| {
                crate::doc::meeting::hydrate_meeting(doc).map(|m| {
                    let after = m.visible_agenda().filter(|i| i.kind != ItemKind::Break(BreakKind::Avslut)).last().map(|i| i.id);
                    (next_number(&m.agenda), after)
                })
            })
            .ok_or_else(|| tr(Key::MeetingNotHereYet).to_string())?
            .map_err(|e| super::say(&e))?;
        let fields = ws
            .read(&council, |doc| question_agenda_item(doc, question, &number, ""))
            .ok_or_else(|| tr(Key::MeetingNotHereYet).to_string())?
            .map_err(|e| super::say(&e))?;
        let item = ItemId::random();
        ws.change(meeting, move |doc, now| add_agenda_item(doc, item, after, fields, now).map(|_| ()))?;
        let url = crate::model::DocUrl(meeting.url());
        ws.change(council, move |doc, now| mark_question_taken_up(doc, question, &url, item, now))
    })
    .unwrap_or_else(|| Err("The workspace has not started.".into()))
}

#[component]
pub fn Questions() -> impl IntoView {
    let all = council_meetings();
    let questions = Memo::new(move |_| all.with(|a| a.council.as_ref().map(|c| c.questions.clone()).unwrap_or_default()));
    // Meetings to take a question up in: upcoming ones first (soonest first), then past ones
    // (latest first).
    let meetings = Memo::new(move |_| {
        let today = format_date(today());
        all.with(|a| {
            let mut links = a.council.as_ref().map(|c| c.meetings.clone()).unwrap_or_default();
            links.sort_by(|x, y| match (x.date < today, y.date < today) {
                (false, false) => x.date.cmp(&y.date),
                (true, true) => y.date.cmp(&x.date),
                (past, _) => past.cmp(&!past),
            });
            links.into_iter().filter_map(|l| DocumentId::parse(&l.url.0).ok().map(|id| (id, format!("{} {}", l.date, l.title)))).collect::<Vec<_>>()
        })
    });
    let meeting_name = move |url: &crate::model::DocUrl| {
        all.with(|a| a.council.as_ref().and_then(|c| c.meetings.iter().find(|m| m.url == *url)).map(|m| format!("{} {}", m.date, m.title)))
            .unwrap_or_else(|| url.0.clone())
    };
    let ids = Memo::new(move |_| questions.with(|qs| qs.iter().map(|q| q.id).collect::<Vec<_>>()));
    let text = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<String, String>>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked().trim().to_string();
        if t.is_empty() {
            message.set(Some(Err(tr(Key::WriteTheQuestion).to_string())));
            return;
        }
        let fields = NewQuestion { text: t, from: from.get_untracked().trim().to_string(), raised_on: format_date(today()) };
        let result = with_ws(|ws| match ws.council_id() {
            Some(council) => ws.change(council, move |doc, now| add_question(doc, QuestionId::random(), fields, now).map(|_| ())),
            None => Err(tr(Key::NoCouncilOpen).to_string()),
        });
        match result {
            Some(Ok(())) => {
                text.set(String::new());
                from.set(String::new());
                message.set(Some(Ok(tr(Key::QuestionAdded).to_string())));
            }
            Some(Err(e)) => message.set(Some(Err(e))),
            None => {}
        }
    };
    view! {
        <section class="questions" aria-labelledby="questions-h">
            <h2 id="questions-h">{move || tr(Key::QuestionsRaised)}</h2>
            <ul class="question-list">
                <For each=move || ids.get() key=|id| *id let:qid>
                    {
                        let q = Memo::new(move |_| questions.with(|qs| qs.iter().find(|q| q.id == qid).cloned()));
                        let chosen = RwSignal::new(None::<DocumentId>);
                        let take = move |_| {
                            let Some(meeting) = chosen.get_untracked().or_else(|| meetings.with_untracked(|m| m.first().map(|(id, _)| *id))) else {
                                message.set(Some(Err(tr(Key::NoMeetingToTakeUp).to_string())));
                                return;
                            };
                            message.set(Some(take_up(qid, meeting).map(|()| tr(Key::QuestionTakenUp).to_string())));
                        };
                        let text = move || q.with(|q| q.as_ref().map(|q| q.text.as_str().to_string()).unwrap_or_default());
                        view! {
                            <li data-question=qid.to_string()>
                                <p class="question-text">{text}</p>
                                <p class="question-meta">
                                    {move || q.with(|q| q.as_ref().map(|q| {
                                        let mut parts = Vec::new();
                                        if !q.from.is_empty() { parts.push(format!("{} {}", tr(Key::From), q.from)); }
                                        if !q.raised_on.is_empty() { parts.push(q.raised_on.clone()); }
                                        parts.join(" · ")
                                    }).unwrap_or_default())}
                                </p>
                                {move || q.get().map(|q| match (q.status, q.taken_up_in.clone()) {
                                    (QuestionStatus::TakenUp, Some(url)) => {
                                        let href = DocumentId::parse(&url.0).map(|id| Route::Meeting(id).href()).unwrap_or_default();
                                        view! { <p class="question-status">{tr(Key::OnTheAgendaOf)} " " <a href=href>{meeting_name(&url)}</a></p> }.into_any()
                                    }
                                    (QuestionStatus::Closed, _) => view! { <p class="question-status">{tr(Key::QuestionClosed)}</p> }.into_any(),
                                    _ => {
                                        let select_id = format!("take-up-{qid}");
                                        view! {
                                            <p class="question-status">{tr(Key::QuestionWaiting)}</p>
                                            <p class="take-up">
                                                <label for=select_id.clone()>{tr(Key::TakeUpIn)}</label>
                                                <select id=select_id on:change=move |ev| chosen.set(DocumentId::parse(&event_target_value(&ev)).ok())>
                                                    {meetings.get().into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                                                </select>
                                                " " <button aria-label=format!("{}: {}", tr(Key::PutOnAgenda), text()) on:click=take>{tr(Key::PutOnAgenda)}</button>
                                            </p>
                                        }.into_any()
                                    }
                                })}
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="new-question" on:submit=add>
                <h3>{move || tr(Key::RaiseQuestion)}</h3>
                <label for="q-text">{move || tr(Key::Question)}</label>
                <textarea id="q-text" rows="3" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <label for="q-from">{move || tr(Key::From)}</label>
                <input id="q-from" type="text" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev))/>
                <button type="submit">{move || tr(Key::AddQuestion)}</button>
            </form>
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="done" role="status">{t}</p> }.into_any(),
                Err(e) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
