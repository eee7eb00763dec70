//! Every meeting of the council as this device has it, for the views across meetings
//! (attendance per municipality, the registers): each linked meeting document is opened (from
//! the device, else fetched from the server) and re-read whenever it changes.

use leptos::prelude::*;
use radslag_protocol::DocumentId;

use super::council::council_memo;
use super::with_ws;
use crate::doc::meeting::hydrate_meeting;
use crate::model::{Council, DocUrl, Meeting};

/// What the views across meetings read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CouncilMeetings {
    pub council: Option<Council>,
    /// The meetings on this device, with their document's URL and id.
    pub meetings: Vec<(DocUrl, DocumentId, Meeting)>,
    /// Linked meetings not on this device yet (being fetched) or unreadable.
    pub missing: usize,
}

impl CouncilMeetings {
    /// The meetings with their URLs, as `model::registers` and `model::attendance` take them.
    pub fn by_url(&self) -> Vec<(DocUrl, Meeting)> {
        self.meetings.iter().map(|(url, _, m)| (url.clone(), m.clone())).collect()
    }

    pub fn plain(&self) -> Vec<Meeting> {
        self.meetings.iter().map(|(_, _, m)| m.clone()).collect()
    }
}

/// The council and all its meetings, re-read when the council or any meeting changes.
pub fn council_meetings() -> Memo<CouncilMeetings> {
    let council = council_memo();
    Memo::new(move |_| {
        let Some(Ok(council)) = council.get() else { return CouncilMeetings::default() };
        let mut meetings = Vec::new();
        let mut missing = 0;
        for link in &council.meetings {
            let Ok(id) = DocumentId::parse(&link.url.0) else {
                missing += 1;
                continue;
            };
            let read = with_ws(|ws| {
                ws.ensure_open(id);
                ws.revision_signal(id).get();
                ws.read(&id, |doc| hydrate_meeting(doc).ok())
            })
            .flatten()
            .flatten();
            match read {
                Some(m) => meetings.push((link.url.clone(), id, m)),
                None => missing += 1,
            }
        }
        CouncilMeetings { council: Some(council), meetings, missing }
    })
}
