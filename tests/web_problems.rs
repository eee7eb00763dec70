//! Browser test: a problem under the views (here a damaged piece of the council's document on
//! this device) is told in Swedish, re-worded when the member switches to English, and the rest
//! of the council still opens.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p radslag --target wasm32-unknown-unknown --test web_problems`

#![cfg(target_arch = "wasm32")]

use radslag::storage::IndexedDbStorage;
use radslag::doc::demo;
use radslag_protocol::storage::{Storage, StorageKey};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web_support;

use web_support::{all, as_a_first_visit, find, text, wait_for};

#[wasm_bindgen_test]
async fn a_damaged_piece_on_the_device_is_told_in_the_members_language() {
    as_a_first_visit();
    // A piece of the council's document that is not Automerge at all, as a broken write or a
    // stray extension could leave it.
    let name = format!("radslag-problems-test-{}", uuid::Uuid::new_v4());
    let storage = IndexedDbStorage::new(name.clone());
    let key = StorageKey(vec![demo::ROOT.to_string(), "incremental".into(), "00".repeat(32)]);
    storage.put(&key, b"not an automerge change").await.expect("the damaged piece is stored");
    storage.close();

    radslag::start_with(&name);

    shown_problem("1 skadade del(ar) av ett dokument gick inte att läsa på enheten").await;
    // The council still opens: the damaged piece is skipped, the demo fills the rest.
    wait_for("the council's name as the page heading", || find("h1", "Fyrbodals e-råd")).await;

    // Switching language re-words the problem already on screen.
    find("button", "English").expect("the language switch").click();
    shown_problem("1 damaged piece(s) of a document could not be read on this device").await;

    // Closing the list clears it.
    find("button", "Close").expect("the close button").click();
    wait_for("no problem list", || all(".problems").is_empty().then_some(())).await;
    as_a_first_visit();
}

/// Waits until the problem list shows a line starting with `start`.
async fn shown_problem(start: &str) {
    wait_for(&format!("the problem \"{start}…\""), || {
        all(".problems[role=alert] li").into_iter().find(|li| text(li).starts_with(start))
    })
    .await;
}
