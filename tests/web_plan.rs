//! Browser test: planning meetings on the council page. A date one week away shows the notice
//! warning in words before anything is created; the "Nytt möte" form then creates the meeting,
//! which appears in the council's meeting list; "Planera året" proposes and creates a year.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p radslag --target wasm32-unknown-unknown --test web_plan`

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;

use web_support::{all, as_a_first_visit, document, find, text, wait_for};

/// Types `value` into the input labelled by a `<label for=id>`, as a user would.
fn type_into(id: &str, value: &str) {
    let label = all(&format!("label[for={id}]"));
    assert_eq!(label.len(), 1, "the field {id} has a label");
    let input: HtmlInputElement = document().get_element_by_id(id).and_then(|e| e.dyn_into().ok()).expect("the field");
    input.set_value(value);
    let ev = document().create_event("Event").expect("an event");
    ev.init_event_with_bubbles("input", true);
    input.dispatch_event(&ev).expect("dispatched");
}

/// The local date `days` from today, as YYYY-MM-DD.
fn date_in(days: u32) -> String {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

#[wasm_bindgen_test]
async fn a_member_plans_a_meeting_and_a_year() {
    as_a_first_visit();
    radslag::start_with(&format!("radslag-plan-test-{}", uuid::Uuid::new_v4()));
    wait_for("the council's name", || find("h1", "Fyrbodals e-råd")).await;
    // Planning is one button away on the council page.
    wait_for("the new meeting button", || find("button", "Nytt möte")).await.click();
    wait_for("the new meeting form", || find("h3", "Nytt möte")).await;
    for id in ["nm-kind", "nm-date", "nm-start", "nm-end", "nm-place", "nm-video"] {
        assert_eq!(all(&format!("label[for={id}]")).len(), 1, "{id} has a label");
    }

    // A date one week away: the notice should already have gone out.
    let date = date_in(7);
    type_into("nm-date", &date);
    type_into("nm-place", "Vänersborg");
    wait_for("the notice warning", || find(".rule-warnings li", "Kallelsen skulle ha skickats senast")).await;

    find("button", "Skapa mötet").expect("the create button").click();
    let link = wait_for("the new meeting in the list", || find("ul.meeting-list a", &date)).await;
    assert!(text(&link).contains("E-rådsmöte"), "the link names the kind: {:?}", text(&link));

    // A year: proposed, listed, then created in one step.
    let before = all("ul.meeting-list li").len();
    type_into("py-year", "2031");
    find("button", "Planera året").expect("the plan button").click();
    let proposed = wait_for("the proposal", || {
        let n = all(".year-proposal > ul > li").len();
        (n > 0).then_some(n)
    })
    .await;
    assert_eq!(proposed, 12, "six e-rådsmöten with a beredningsmöte each");
    let warned: Vec<String> = all(".year-proposal .rule-warning").iter().map(text).collect();
    assert!(warned.is_empty(), "the standard year keeps the rules: {warned:?}");
    find(".year-proposal button", "Skapa alla").expect("the confirm button").click();
    wait_for("the year's meetings in the list", || (all("ul.meeting-list li").len() == before + 12).then_some(())).await;
    assert!(find("ul.meeting-list a", "2031-02-20").is_some(), "the third Thursday of February 2031 is listed");
}
