//! "Rådets uppgifter och mötesregler": the council's name, organisation, commissioner, funder and
//! period, and the rules the meeting planning checks (notice, beredning, meetings a year, the
//! default place and video link).

use leptos::prelude::*;

use super::{change_council, Outcome, SetupPage};
use crate::doc::council_setup::{set_council_details, set_meeting_rules, CouncilDetails};
use crate::i18n::Key;
use crate::model::council_setup::{number, RuleNumber};
use crate::model::meeting_rules::MeetingRules;
use crate::model::Council;
use crate::ui::route::Route;
use crate::ui::{say, tr, with_ws};

#[component]
pub fn CouncilSettingsPage() -> impl IntoView {
    view! {
        <SetupPage title=Key::CouncilDetailsAndRules page=|council| view! {
            <ShareLink/>
            <DetailsForm council=council/>
            <RulesForm council=council/>
            <super::backup::ExportCouncil name=Signal::derive(move || council.with(|c| c.name.clone()))/>
        }/>
    }
}

/// The council's link, for the other members to open it (until invitations exist).
#[component]
fn ShareLink() -> impl IntoView {
    let link = with_ws(|ws| ws.council_id()).flatten().map(|id| {
        let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let base = here.split('#').next().unwrap_or_default().to_string();
        format!("{base}{}", Route::OpenCouncil(id).href())
    });
    view! {
        <section aria-labelledby="share-h">
            <h2 id="share-h">{move || tr(Key::CouncilLink)}</h2>
            <p class="help" id="share-help">{move || tr(Key::ShareLinkHelp)}</p>
            <input type="text" readonly aria-labelledby="share-h" aria-describedby="share-help" data-testid="council-link" prop:value=link.unwrap_or_default()/>
        </section>
    }
}

/// A labelled text input bound to a signal.
#[component]
pub(crate) fn Field(id: &'static str, label: Key, value: RwSignal<String>, #[prop(optional)] kind: Option<&'static str>) -> impl IntoView {
    view! {
        <label for=id>{move || tr(label)}</label>
        <input id=id type=kind.unwrap_or("text") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
    }
}

#[component]
fn DetailsForm(council: Memo<Council>) -> impl IntoView {
    // The form starts from the document and keeps what is typed until saved.
    let now = council.with_untracked(CouncilDetails::of);
    let name = RwSignal::new(now.name);
    let organisation = RwSignal::new(now.organisation);
    let commissioner = RwSignal::new(now.commissioner);
    let recipient = RwSignal::new(now.recipient);
    let funder = RwSignal::new(now.funder);
    let start = RwSignal::new(now.period_start);
    let end = RwSignal::new(now.period_end);
    let outcome = RwSignal::new(None);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let details = CouncilDetails {
            name: name.get_untracked(),
            organisation: organisation.get_untracked(),
            commissioner: commissioner.get_untracked(),
            recipient: recipient.get_untracked(),
            funder: funder.get_untracked(),
            period_start: start.get_untracked(),
            period_end: end.get_untracked(),
        };
        outcome.set(Some(change_council(|doc, now| set_council_details(doc, details, now)).map(|_| tr(Key::SavedInCouncil).to_string())));
    };
    view! {
        <form class="setup-form" aria-labelledby="details-h" on:submit=save novalidate>
            <h2 id="details-h">{move || tr(Key::CouncilDetails)}</h2>
            <Field id="cd-name" label=Key::CouncilName value=name/>
            <Field id="cd-org" label=Key::CouncilOrganisation value=organisation/>
            <Field id="cd-commissioner" label=Key::Commissioner value=commissioner/>
            <Field id="cd-recipient" label=Key::Recipient value=recipient/>
            <Field id="cd-funder" label=Key::Funder value=funder/>
            <Field id="cd-start" label=Key::PeriodStart value=start kind="date"/>
            <Field id="cd-end" label=Key::PeriodEnd value=end kind="date"/>
            <button type="submit">{move || tr(Key::Save)}</button>
            <Outcome outcome=outcome/>
        </form>
    }
}

#[component]
fn RulesForm(council: Memo<Council>) -> impl IntoView {
    let now = council.with_untracked(|c| c.rules.clone());
    let notice = RwSignal::new(now.notice_days.to_string());
    let beredning = RwSignal::new(now.beredning_days.to_string());
    let per_year = RwSignal::new(now.meetings_per_year.to_string());
    let place = RwSignal::new(now.default_place);
    let video = RwSignal::new(now.default_video_link);
    let outcome = RwSignal::new(None);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let rules = (|| {
            Ok::<_, crate::model::council_setup::SetupError>(MeetingRules {
                notice_days: number(&notice.get_untracked(), RuleNumber::NoticeDays)?,
                beredning_days: number(&beredning.get_untracked(), RuleNumber::BeredningDays)?,
                meetings_per_year: number(&per_year.get_untracked(), RuleNumber::MeetingsPerYear)?,
                default_place: place.get_untracked(),
                default_video_link: video.get_untracked(),
            })
        })();
        outcome.set(Some(match rules {
            Ok(rules) => change_council(|doc, now| set_meeting_rules(doc, rules, now)).map(|_| tr(Key::SavedInCouncil).to_string()),
            Err(e) => Err(say(&e)),
        }));
    };
    view! {
        <form class="setup-form" aria-labelledby="rules-h" on:submit=save novalidate>
            <h2 id="rules-h">{move || tr(Key::MeetingRulesHeading)}</h2>
            <p class="help">{move || tr(Key::MeetingRulesHelp)}</p>
            <Field id="mr-notice" label=Key::NoticeDays value=notice kind="number"/>
            <Field id="mr-beredning" label=Key::BeredningDays value=beredning kind="number"/>
            <Field id="mr-per-year" label=Key::MeetingsPerYear value=per_year kind="number"/>
            <Field id="mr-place" label=Key::DefaultPlace value=place/>
            <Field id="mr-video" label=Key::DefaultVideoLink value=video kind="url"/>
            <button type="submit">{move || tr(Key::Save)}</button>
            <Outcome outcome=outcome/>
        </form>
    }
}
