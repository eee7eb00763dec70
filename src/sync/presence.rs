//! Presence: who is editing which agenda item, sent as automerge-repo `ephemeral` messages
//! (never stored); this device's announcement is repeated while it stands.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::prelude::*;
use radslag_protocol::client::ClientInput;
use radslag_protocol::DocumentId;

use super::workspace::{now_ms, Workspace};
use crate::model::presence::{Announcement, PresenceTable, HEARTBEAT_MS};
use crate::model::ItemId;

/// Presence: who is editing which agenda item (see `model::presence`).
impl Workspace {
    /// Who else is editing what, per document.
    pub fn presence(&self) -> ArcRwSignal<BTreeMap<DocumentId, PresenceTable>> {
        self.presence.clone()
    }

    /// Tells the others in `document` that `name` edits `item` now (`None`: nothing any more).
    pub fn announce(self: &Rc<Self>, document: DocumentId, name: &str, item: Option<ItemId>) {
        let announcement = Announcement { name: name.to_string(), item };
        let previous = self.announced.borrow_mut().take();
        if item.is_none() && previous.as_ref().is_none_or(|(d, _, _)| *d != document) {
            // Nothing announced here, so nothing to take back.
            *self.announced.borrow_mut() = previous;
            return;
        }
        if item.is_some() {
            *self.announced.borrow_mut() = Some((document, announcement.clone(), now_ms()));
        }
        self.handle(ClientInput::Ephemeral { document, data: announcement.encode() });
    }

    /// Repeats this device's announcement now and then, and forgets those gone quiet.
    pub(super) fn presence_tick(self: &Rc<Self>) {
        let now = now_ms();
        let due = self.announced.borrow().as_ref().filter(|(_, _, at)| now.saturating_sub(*at) >= HEARTBEAT_MS).map(|(d, a, _)| (*d, a.clone()));
        if let Some((document, announcement)) = due {
            *self.announced.borrow_mut() = Some((document, announcement.clone(), now));
            self.handle(ClientInput::Ephemeral { document, data: announcement.encode() });
        }
        let stale = self.presence.with_untracked(|tables| tables.values().any(|t| t.clone().expire(now)));
        if stale {
            self.presence.update(|tables| {
                for t in tables.values_mut() {
                    t.expire(now);
                }
            });
        }
    }
}

