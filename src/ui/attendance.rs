//! Attendance (närvaro): on the meeting page, who attends and who sent regrets (förhindrade),
//! starting from the council's members; and attendance per municipality over a year, one page
//! away (`#/attendance`).

use chrono::Datelike;
use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::agenda::change;
use super::all_meetings::council_meetings;
use super::council::council_memo;
use super::meeting::MeetingState;
use super::route::Route;
use super::tr;
use crate::doc::meeting::{clear_attendance, set_attendance};
use crate::i18n::Key;
use crate::model::attendance::{attendance_by_organisation, attendance_sheet, Presence};
use crate::model::ids::AttendanceId;
use crate::model::meeting::Attendance;
use crate::model::MeetingKind;

fn presence_value(p: Option<Presence>) -> &'static str {
    match p {
        Some(Presence::Attending) => "attending",
        Some(Presence::Regrets) => "regrets",
        None => "",
    }
}

fn mark(id: DocumentId, row: Attendance, value: &str) {
    match value {
        "attending" => change(id, move |doc, now| set_attendance(doc, row, Presence::Attending, now)),
        "regrets" => change(id, move |doc, now| set_attendance(doc, row, Presence::Regrets, now)),
        _ => change(id, move |doc, now| clear_attendance(doc, row.id, now)),
    }
}

/// The meeting's attendance sheet: one row per member or recorded person, marked with a select.
#[component]
pub fn AttendanceSection(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let council = council_memo();
    let sheet = Memo::new(move |_| match (meeting.get(), council.get()) {
        (MeetingState::Ready(m), Some(Ok(c))) => attendance_sheet(&c, &m),
        _ => Vec::new(),
    });
    let count = move |p: Presence| sheet.with(|s| s.iter().filter(|(_, q)| *q == Some(p)).count());
    view! {
        <section class="attendance" aria-labelledby="attendance-h">
            <h2 id="attendance-h">{move || tr(Key::AttendanceHeading)}</h2>
            <p class="attendance-counts" role="status">
                {move || format!("{}: {} · {}: {}", tr(Key::Attendees), count(Presence::Attending), tr(Key::Absentees), count(Presence::Regrets))}
            </p>
            <table>
                <caption class="visually-hidden">{move || tr(Key::AttendanceHeading)}</caption>
                <thead><tr>
                    <th scope="col">{move || tr(Key::Name)}</th>
                    <th scope="col">{move || tr(Key::Organisation)}</th>
                    <th scope="col">{move || tr(Key::AttendanceHeading)}</th>
                </tr></thead>
                <tbody>
                    <For each=move || sheet.get() key=|(row, _)| row.id let:entry>
                        {
                            let (row, _) = entry;
                            let row_id = row.id;
                            // Read from the sheet, not captured: the row stays (and keeps the
                            // keyboard focus) while its mark changes.
                            let current = Memo::new(move |_| {
                                sheet.with(|s| s.iter().find(|(r, _)| r.id == row_id).map(|(_, p)| presence_value(*p)).unwrap_or(""))
                            });
                            let name = row.name.clone();
                            let (shown_name, organisation) = (row.name.clone(), row.organisation.clone());
                            view! {
                                <tr data-attendance=row_id.to_string()>
                                    <th scope="row">{shown_name}</th>
                                    <td>{organisation}</td>
                                    <td>
                                        <select aria-label=move || format!("{} {}", tr(Key::AttendanceHeading), name) prop:value=move || current.get()
                                            on:change=move |ev| mark(id, row.clone(), &event_target_value(&ev))>
                                            <option value="">{move || tr(Key::NotMarked)}</option>
                                            <option value="attending">{move || tr(Key::Attending)}</option>
                                            <option value="regrets">{move || tr(Key::Regrets)}</option>
                                        </select>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <AddGuest id=id/>
            <p><a href=Route::Attendance.href()>{move || tr(Key::AttendancePerMunicipality)}</a></p>
        </section>
    }
}

/// Someone who is not a member of the council (a guest, a speaker) attends.
#[component]
fn AddGuest(id: DocumentId) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let organisation = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            problem.set(true);
            return;
        }
        problem.set(false);
        let row = Attendance {
            id: AttendanceId::random(),
            name: n,
            organisation: organisation.get_untracked().trim().to_string(),
            person: None,
            organisation_id: None,
        };
        change(id, move |doc, now| set_attendance(doc, row, Presence::Attending, now));
        name.set(String::new());
        organisation.set(String::new());
    };
    view! {
        <form class="add-guest" on:submit=add>
            <label for="guest-name">{move || tr(Key::GuestName)}</label>
            <input id="guest-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="guest-org">{move || tr(Key::Organisation)}</label>
            <input id="guest-org" type="text" prop:value=move || organisation.get() on:input=move |ev| organisation.set(event_target_value(&ev))/>
            <button type="submit">{move || tr(Key::AddAttendee)}</button>
            <Show when=move || problem.get()>
                <p class="problem" role="alert">{move || tr(Key::GuestNameRequired)}</p>
            </Show>
        </form>
    }
}

/// Attendance per municipality over a year: meetings present, people attending, regrets.
#[component]
pub fn AttendancePage() -> impl IntoView {
    let all = council_meetings();
    let this_year = js_sys::Date::new_0().get_full_year() as i32;
    // By default the newest year with attendance recorded (planned meetings have none yet).
    let newest_year = Memo::new(move |_| {
        all.with(|a| {
            a.meetings
                .iter()
                .filter(|(_, _, m)| !m.attendees.is_empty() || !m.absentees.is_empty())
                .filter_map(|(_, _, m)| crate::model::time::parse_date(&m.date).ok())
                .map(|d| d.year())
                .max()
        })
    });
    let chosen = RwSignal::new(None::<i32>);
    let year = Memo::new(move |_| chosen.get().or(newest_year.get()).unwrap_or(this_year));
    let only_council = RwSignal::new(true);
    let summary = Memo::new(move |_| {
        all.with(|a| {
            a.council.as_ref().map(|c| {
                let kind = only_council.get().then_some(MeetingKind::EradsMote);
                attendance_by_organisation(&a.plain(), c, year.get(), kind)
            })
        })
    });
    let missing = Memo::new(move |_| all.with(|a| a.missing));
    view! {
        <p><a href=Route::Council.href()>"← " {move || tr(Key::BackToCouncil)}</a></p>
        <h1>{move || tr(Key::AttendancePerMunicipality)}</h1>
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <label for="att-year">{move || tr(Key::Year)}</label>
            <input id="att-year" type="number" min="1900" max="9999" prop:value=move || year.get().to_string()
                on:change=move |ev| chosen.set(event_target_value(&ev).trim().parse().ok())/>
            <label>
                <input type="checkbox" prop:checked=move || only_council.get() on:change=move |ev| only_council.set(event_target_checked(&ev))/>
                " " {move || tr(Key::OnlyCouncilMeetings)}
            </label>
        </form>
        <Show when=move || { missing.get() > 0 }>
            <p class="loading" role="status">{move || format!("{} {}", tr(Key::MeetingsBeingFetched), missing.get())}</p>
        </Show>
        {move || summary.get().map(|s| view! {
            <p role="status">{format!("{} {}", tr(Key::MeetingsCounted), s.meetings)}</p>
            <table class="attendance-summary">
                <caption>{format!("{} {}", tr(Key::AttendancePerMunicipality), year.get())}</caption>
                <thead><tr>
                    <th scope="col">{tr(Key::Organisation)}</th>
                    <th scope="col" class="num">{tr(Key::MeetingsPresent)}</th>
                    <th scope="col" class="num">{tr(Key::Attendances)}</th>
                    <th scope="col" class="num">{tr(Key::Absentees)}</th>
                </tr></thead>
                <tbody>
                    {s.rows.into_iter().map(|r| view! {
                        <tr class:absent=r.meetings_present == 0>
                            <th scope="row">{r.organisation}</th>
                            <td class="num">{r.meetings_present}</td>
                            <td class="num">{r.attendances}</td>
                            <td class="num">{r.regrets}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}
