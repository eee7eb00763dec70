//! Förbered: before the meeting, the agenda editor, an agenda pasted from Word, who is
//! coming, and the notice (kallelse) to print or download.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::{locked, MeetingState};
use crate::ui::agenda::AgendaEditor;
use crate::ui::agenda_paste::PasteAgenda;
use crate::ui::attendance::AttendanceSection;
use crate::ui::export::ExportLinks;

#[component]
pub fn PrepareMode(id: DocumentId, meeting: Memo<MeetingState>) -> impl IntoView {
    let locked = locked(meeting);
    view! {
        <ExportLinks id=id meeting=meeting/>
        // Approved minutes are locked: every agenda and minutes control is disabled until
        // someone reopens them.
        <fieldset class="minutes-lock" disabled=move || locked.get()>
            <AgendaEditor id=id meeting=meeting/>
            <PasteAgenda id=id/>
        </fieldset>
        <fieldset class="minutes-lock" disabled=move || locked.get()>
            <AttendanceSection id=id meeting=meeting/>
        </fieldset>
        <crate::ui::board::of_meeting::BoardsOfMeeting meeting=id create=true/>
    }
}
