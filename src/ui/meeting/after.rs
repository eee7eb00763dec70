//! Efter: after the meeting, the minutes of every item at once (still editable until
//! justering), justering itself, and the print views and downloads.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::{locked, MeetingState};
use crate::ui::export::ExportLinks;
use crate::ui::minutes::approval::ApprovalSection;
use crate::ui::minutes::MinutesSection;

#[component]
pub fn AfterMode(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let locked = locked(meeting);
    view! {
        <ExportLinks id=id meeting=meeting/>
        <fieldset class="minutes-lock" disabled=move || locked.get()>
            <MinutesSection id=id meeting=meeting/>
        </fieldset>
        <ApprovalSection id=id meeting=meeting/>
        <crate::ui::board::of_meeting::BoardsOfMeeting meeting=id results=true/>
    }
}
