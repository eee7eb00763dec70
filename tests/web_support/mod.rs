//! What the browser tests share: finding elements by selector and text, and waiting on a
//! condition (polling, never a fixed sleep).

#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

pub fn all(selector: &str) -> Vec<Element> {
    let list = document().query_selector_all(selector).expect("valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The first element matching `selector` whose text contains `needle`.
pub fn find(selector: &str, needle: &str) -> Option<HtmlElement> {
    all(selector).into_iter().find(|e| text(e).contains(needle)).and_then(|e| e.dyn_into().ok())
}

/// Waits until `check` gives a value; fails after ten seconds with what was awaited and what
/// the page showed.
pub async fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    for _ in 0..200 {
        if let Some(v) = check() {
            return v;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    let page = document().body().map(|b| b.inner_text()).unwrap_or_default();
    panic!("timed out waiting for {what}; the page shows:\n{page}");
}

/// A first visit that opens the demo council (`#/demo`, as "Öppna demorådet" on the start page
/// does): no language chosen on this device (so Swedish) and no council known, before the app
/// is started.
pub fn as_a_first_visit() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item("radslag.lang");
        let _ = s.remove_item("radslag.councils");
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash("/demo");
    }
}
