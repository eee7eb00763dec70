//! Planning meetings on the council page: the "Nytt möte" form (with the meeting rules' warnings
//! in words before anything is created) and "Planera året" (a proposed year, created in one step).

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::{lang, tr, with_ws};
use crate::doc::council::{add_meeting_link, hydrate_council};
use crate::doc::meeting::create_meeting;
use crate::i18n::Key;
use crate::model::meeting_rules::{check_meeting, kind_en, kind_sv, plan_year, MeetingRules, RuleWarning, YearPlanRules};
use crate::model::{DocUrl, Meeting, MeetingKind, MeetingLink};

/// Today on this device (local calendar), from the browser's clock.
pub(crate) fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or_default()
}

fn warning_text(w: &RuleWarning) -> String {
    lang().pick(w.sv(), w.en())
}

fn kind_text(kind: MeetingKind) -> &'static str {
    lang().pick(kind_sv(kind), kind_en(kind))
}

/// "e-rådsmöte" → "E-rådsmöte", for a title.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

const KINDS: [(MeetingKind, &str); 3] =
    [(MeetingKind::EradsMote, "erad"), (MeetingKind::Beredningsmote, "beredning"), (MeetingKind::Workshop, "workshop")];

/// The council's meeting links and rules as the root document holds them now (none and the
/// standard rules if unreadable).
fn council_links() -> (Vec<MeetingLink>, MeetingRules) {
    with_ws(|ws| {
        let id = ws.council_id()?;
        ws.read(&id, |doc| hydrate_council(doc).map(|c| (c.meetings, c.rules)).unwrap_or_default())
    })
    .flatten()
    .unwrap_or_default()
}

/// Warnings that make a meeting impossible to create (rather than merely against the rules).
fn blocks(w: &RuleWarning) -> bool {
    matches!(w, RuleWarning::UnreadableDate { .. } | RuleWarning::BadTimes { .. })
}

/// Creates each meeting as its own document and links it from the council's root document.
fn create_all(meetings: &[Meeting]) -> Result<usize, String> {
    let mut made = 0;
    for m in meetings {
        let result = with_ws(|ws| {
            let id = ws.create_document(|doc, now| create_meeting(doc, m, now))?;
            let link = MeetingLink { url: DocUrl(id.url()), title: m.title.clone(), date: m.date.clone(), kind: m.kind };
            ws.change(ws.council_id().ok_or_else(|| tr(Key::NoCouncilOpen).to_string())?, |doc, now| add_meeting_link(doc, link, now))
        })
        .unwrap_or_else(|| Err("The workspace has not started.".into()));
        result?;
        made += 1;
    }
    Ok(made)
}

#[component]
pub fn PlanMeetings() -> impl IntoView {
    view! {
        <div class="plan-meetings">
            <NewMeetingForm/>
            <PlanYear/>
        </div>
    }
}

#[component]
fn NewMeetingForm() -> impl IntoView {
    let kind = RwSignal::new(MeetingKind::EradsMote);
    let date = RwSignal::new(String::new());
    let start = RwSignal::new("13:00".to_string());
    let end = RwSignal::new("16:00".to_string());
    // New meetings start at the council's default place and video link.
    let rules = council_links().1;
    let place = RwSignal::new(rules.default_place);
    let video = RwSignal::new(rules.default_video_link);
    let outcome = RwSignal::new(None::<Result<String, String>>);

    let meeting = move || {
        let k = kind.get();
        let d = date.get().trim().to_string();
        let mut m = Meeting::new(format!("{} {d}", capitalised(kind_sv(k))), k, d, start.get().trim(), end.get().trim());
        m.place = place.get().trim().to_string();
        let v = video.get().trim().to_string();
        m.video_link = (!v.is_empty()).then_some(v);
        m
    };
    let warnings = Memo::new(move |_| {
        let (links, rules) = council_links();
        check_meeting(&meeting(), &links, today(), &rules)
    });

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let m = meeting();
        let ws = warnings.get_untracked();
        if ws.iter().any(blocks) {
            outcome.set(Some(Err(tr(Key::FixDateAndTimesFirst).to_string())));
            return;
        }
        match create_all(std::slice::from_ref(&m)) {
            Ok(_) => {
                outcome.set(Some(Ok(format!("{} {}", tr(Key::Created), m.title))));
                date.set(String::new());
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };

    view! {
        <form class="new-meeting" aria-labelledby="new-meeting-h" on:submit=create>
            <h3 id="new-meeting-h">{move || tr(Key::NewMeeting)}</h3>
            <label for="nm-kind">{move || tr(Key::MeetingKind)}</label>
            <select id="nm-kind" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some((k, _)) = KINDS.iter().find(|(_, code)| *code == v) {
                    kind.set(*k);
                }
            }>
                {KINDS.iter().map(|(k, code)| {
                    let k = *k;
                    view! { <option value=*code selected=move || kind.get() == k>{move || kind_text(k)}</option> }
                }).collect_view()}
            </select>
            <label for="nm-date">{move || tr(Key::Date)}</label>
            // Text, not the browser's date picker: it reads the Swedish way (2019-04-04) and takes
            // the digits in that order whatever the browser's language; the rules say a bad date.
            <input id="nm-date" type="text" inputmode="numeric" autocomplete="off" placeholder=move || tr(Key::DateFormat)
                prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) on:change=move |ev| date.set(event_target_value(&ev))/>
            <label for="nm-start">{move || tr(Key::MeetingStart)}</label>
            <input id="nm-start" type="text" inputmode="numeric" autocomplete="off" placeholder="13:00" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))/>
            <label for="nm-end">{move || tr(Key::MeetingEnd)}</label>
            <input id="nm-end" type="text" inputmode="numeric" autocomplete="off" placeholder="16:00" prop:value=move || end.get() on:input=move |ev| end.set(event_target_value(&ev))/>
            <label for="nm-place">{move || tr(Key::Place)}</label>
            <input id="nm-place" type="text" prop:value=move || place.get() on:input=move |ev| place.set(event_target_value(&ev))/>
            <label for="nm-video">{move || tr(Key::VideoLink)}</label>
            <input id="nm-video" type="url" prop:value=move || video.get() on:input=move |ev| video.set(event_target_value(&ev))/>
            <div class="rule-warnings" role="status" aria-live="polite">
                {move || {
                    let ws = warnings.get();
                    if ws.is_empty() {
                        view! { <p>{tr(Key::KeepsMeetingRules)}</p> }.into_any()
                    } else {
                        view! {
                            <p>{tr(Key::BeforeYouCreate)}</p>
                            <ul>{ws.iter().map(|w| view! { <li class="rule-warning">{warning_text(w)}</li> }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
            </div>
            <button type="submit">{move || tr(Key::CreateMeeting)}</button>
            {move || outcome.get().map(|o| match o {
                Ok(msg) => view! { <p class="done" role="status">{msg}</p> }.into_any(),
                Err(e) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
            })}
        </form>
    }
}

#[component]
fn PlanYear() -> impl IntoView {
    let year = RwSignal::new((today().year() + 1).to_string());
    let proposal = RwSignal::new(None::<Vec<Meeting>>);
    let outcome = RwSignal::new(None::<Result<String, String>>);

    let propose = move |_| {
        outcome.set(None);
        match year.get_untracked().trim().parse::<i32>() {
            Ok(y) if (1900..=9999).contains(&y) => proposal.set(Some(plan_year(&YearPlanRules::for_council(y, &council_links().1)))),
            _ => {
                proposal.set(None);
                outcome.set(Some(Err(tr(Key::YearFourDigits).to_string())));
            }
        }
    };
    let confirm = move |_| {
        let Some(meetings) = proposal.get_untracked() else { return };
        match create_all(&meetings) {
            Ok(n) => {
                proposal.set(None);
                outcome.set(Some(Ok(format!("{} {n} {}.", tr(Key::Created), tr(Key::MeetingsCount)))));
            }
            Err(e) => outcome.set(Some(Err(e))),
        }
    };

    view! {
        <section class="plan-year" aria-labelledby="plan-year-h">
            <h3 id="plan-year-h">{move || tr(Key::YearPlan)}</h3>
            <label for="py-year">{move || tr(Key::Year)}</label>
            <input id="py-year" type="number" min="1900" max="9999" prop:value=move || year.get() on:input=move |ev| year.set(event_target_value(&ev))/>
            <button type="button" on:click=propose>{move || tr(Key::PlanTheYear)}</button>
            {move || proposal.get().map(|meetings| {
                let n = meetings.len();
                // Each proposed meeting is checked against the council's meetings and the rest of the proposal.
                let (links, rules) = council_links();
                let existing: Vec<Meeting> = links.into_iter().map(|l| Meeting::new(l.title, l.kind, l.date, "", "")).collect();
                let today = today();
                let checked: Vec<(Meeting, Vec<RuleWarning>)> = meetings.iter().enumerate().map(|(i, m)| {
                    let others: Vec<Meeting> = existing.iter().cloned()
                        .chain(meetings.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, o)| o.clone()))
                        .collect();
                    (m.clone(), check_meeting(m, &others, today, &rules))
                }).collect();
                view! {
                    <div class="year-proposal">
                        <p>{tr(Key::Proposal)}</p>
                        <ul>
                            {checked.into_iter().map(|(m, warnings)| view! {
                                <li>
                                    <span class="date">{m.date.clone()}</span> " " {m.start.clone()} "–" {m.end.clone()} " " {kind_text(m.kind)}
                                    {(!warnings.is_empty()).then(|| view! {
                                        <ul class="rule-warnings">{warnings.iter().map(|w| view! { <li class="rule-warning">{warning_text(w)}</li> }).collect_view()}</ul>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                        <button type="button" on:click=confirm>{format!("{} {n} {}", tr(Key::CreateAll), tr(Key::MeetingsCount))}</button>
                        <button type="button" on:click=move |_| proposal.set(None)>{tr(Key::Cancel)}</button>
                    </div>
                }
            })}
            {move || outcome.get().map(|o| match o {
                Ok(msg) => view! { <p class="done" role="status">{msg}</p> }.into_any(),
                Err(e) => view! { <p class="problem" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
