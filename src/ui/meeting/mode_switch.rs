//! The switch between a meeting's modes: three links (Förbered, Under mötet, Efter), the open
//! one marked `aria-current="page"`, each a full touch target.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use crate::i18n::Key;
use crate::ui::route::{MeetingMode, Route};
use crate::ui::tr;

const MODES: [(MeetingMode, Key); 3] = [
    (MeetingMode::Prepare, Key::ModePrepare),
    (MeetingMode::During(None), Key::ModeDuring),
    (MeetingMode::After, Key::ModeAfter),
];

#[component]
pub fn ModeSwitch(id: DocumentId, mode: Memo<MeetingMode>) -> impl IntoView {
    view! {
        <nav class="mode-switch no-print" aria-label=move || tr(Key::MeetingModes)>
            <ul>
                {MODES.into_iter().map(|(target, key)| {
                    let open = move || mode.with(|m| m.same_tab(&target));
                    view! {
                        <li><a href=Route::MeetingIn(id, target).href() class:open=open
                            aria-current=move || open().then_some("page")>{move || tr(key)}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
