//! Whether the browser keeps this device's data when it runs short of space: Rådslag asks for
//! persistent storage (`navigator.storage.persist()`), and Settings says plainly what it got.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What the browser answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// The data stays until the member removes it.
    Granted,
    /// The browser may clear the data under storage pressure.
    Refused,
    /// This browser cannot be asked.
    Unsupported,
}

/// Asks the browser to keep the data (answered at once when it already decided).
pub async fn ask_to_persist() -> Persistence {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else { return Persistence::Unsupported };
    let asked = storage.persist();
    match asked {
        Ok(promise) => match JsFuture::from(promise).await {
            Ok(v) if v == JsValue::TRUE => Persistence::Granted,
            Ok(_) => Persistence::Refused,
            Err(_) => Persistence::Unsupported,
        },
        Err(_) => Persistence::Unsupported,
    }
}
