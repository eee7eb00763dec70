//! Browser test: the whole app mounted in headless Chromium on a fresh IndexedDB database, with
//! no sync server (it shows Offline). Checks what a member sees first: the demo council with both
//! meetings, a meeting's agenda, adding an item, and switching the language.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p radslag --target wasm32-unknown-unknown --test web_ui`

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;

use web_support::{all, as_a_first_visit, document, find, text, wait_for};

#[wasm_bindgen_test]
async fn a_member_opens_the_demo_council_adds_an_agenda_item_and_switches_language() {
    // Swedish is the default for a device that never chose; the page opens on the council
    // overview, as a member's first visit does.
    as_a_first_visit();
    radslag::start_with(&format!("radslag-ui-test-{}", uuid::Uuid::new_v4()));

    // The council overview, from the device (the demo, built on first start).
    wait_for("the council's name as the page heading", || find("h1", "Fyrbodals e-råd")).await;
    let first = wait_for("a link to the meeting of 2019-04-04", || find("a", "2019-04-04")).await;
    wait_for("a link to the meeting of 2020-09-10", || find("a", "2020-09-10")).await;
    let status = wait_for("the sync indicator", || all("[role=status][data-testid=sync-status]").into_iter().next()).await;
    assert!(
        ["Offline", "Synkar…", "Sparat på enheten"].iter().any(|s| text(&status).contains(s)),
        "with no sync server the indicator said {:?}",
        text(&status)
    );

    // The meeting's agenda, under Förbered (an approved meeting opens on Efter).
    first.click();
    wait_for("the mode switch's Förbered link", || find("nav.mode-switch a", "Förbered")).await.click();
    let rows = wait_for("the agenda rows", || {
        let n = all("table.agenda-table tbody tr").len();
        (n > 0).then_some(n)
    })
    .await;
    let headers: Vec<String> = all("table.agenda-table thead th").iter().map(text).collect();
    for h in ["Punkt", "Typ", "Beskrivning", "Ansvarig", "Ca tid"] {
        assert!(headers.iter().any(|x| x == h), "agenda headers {headers:?} lack {h}");
    }

    // Add an item: a new row, with its own labelled description field, focused for typing.
    find("button", "Lägg till punkt").expect("the add button").click();
    wait_for("one more agenda row", || (all("table.agenda-table tbody tr").len() == rows + 1).then_some(())).await;
    let labels: Vec<String> =
        all("table.agenda-table textarea").iter().filter_map(|e| e.get_attribute("aria-label")).collect();
    assert_eq!(labels.len(), rows + 1, "every row has a description field: {labels:?}");
    assert!(labels.iter().all(|l| l.starts_with("Beskrivning")), "description labels: {labels:?}");

    // Paste an agenda: two readable rows become items, the unreadable one is shown with its line.
    let paste: web_sys::HtmlTextAreaElement = all("textarea.paste")
        .into_iter()
        .next()
        .and_then(|e| e.dyn_into().ok())
        .expect("the paste field");
    paste.set_value("10\tI\tUppföljning av handlingsplanen\tAlla\t13.00\n11\tX\tOkänd typ\tAlla\t13.10\n12\tD\tNästa möte\tAlla\t13.20");
    // Leptos listens for input on the document, so the event must bubble as a typed one does.
    let input = document().create_event("Event").expect("an event");
    input.init_event_with_bubbles("input", true);
    paste.dispatch_event(&input).expect("dispatched");
    wait_for("the paste button to be enabled", || find("button", "Lägg till inklistrade punkter").filter(|b| !b.has_attribute("disabled")))
        .await
        .click();
    wait_for("two pasted rows", || (all("table.agenda-table tbody tr").len() == rows + 3).then_some(())).await;
    let problems: Vec<String> = all(".paste-problems [role=alert] li").iter().map(text).collect();
    assert_eq!(problems.len(), 1, "one row could not be read: {problems:?}");
    assert!(problems[0].starts_with("Rad 2:") && problems[0].contains("Okänd typ"), "the problem names its line and row: {problems:?}");
    let rows = rows + 2;

    // Switch to English: the page's words follow, the data does not change.
    find("button", "English").expect("the language switch").click();
    wait_for("the add button in English", || find("button", "Add item")).await;
    wait_for("English agenda headers", || find("th", "Description")).await;
    let status = text(&all("[data-testid=sync-status]")[0]);
    assert!(
        ["Offline", "Syncing…", "Saved on this device"].iter().any(|s| status.contains(s)),
        "the indicator did not switch to English: {status:?}"
    );
    assert_eq!(all("table.agenda-table tbody tr").len(), rows + 1);
    assert_eq!(document().document_element().and_then(|e| e.get_attribute("lang")).as_deref(), Some("en"));
}
