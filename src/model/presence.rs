//! Presence (närvaro i dokumentet): who is editing which agenda item right now. Each device
//! announces itself over the sync connection as an automerge-repo `ephemeral` message — never
//! stored — and the others keep a table that forgets anyone not heard from for a while.
//!
//! The payload is CBOR, as automerge-repo peers send theirs; anything that is not a Rådslag
//! announcement (another app's presence, garbage) is ignored. Time is passed in.

use std::collections::BTreeMap;

use ciborium::Value;

use super::ids::ItemId;

/// Marks our payloads among other ephemeral messages on the same document.
const TAG: &str = "radslag/presence/1";
/// An entry not refreshed for this long is gone (the device left, slept or lost its network).
pub const EXPIRY_MS: u64 = 15_000;
/// How often a device editing something repeats its announcement.
pub const HEARTBEAT_MS: u64 = 5_000;

/// What one device says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// The member's name as they gave it.
    pub name: String,
    /// The agenda item they are editing; `None`: not editing anything (or leaving).
    pub item: Option<ItemId>,
}

impl Announcement {
    pub fn encode(&self) -> Vec<u8> {
        let mut map = vec![
            (Value::Text("type".into()), Value::Text(TAG.into())),
            (Value::Text("name".into()), Value::Text(self.name.clone())),
        ];
        if let Some(item) = self.item {
            map.push((Value::Text("item".into()), Value::Text(item.to_string())));
        }
        let mut out = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = ciborium::into_writer(&Value::Map(map), &mut out);
        out
    }

    /// The announcement in `bytes`, or `None` if they are not one of ours.
    pub fn decode(bytes: &[u8]) -> Option<Announcement> {
        let Value::Map(map) = ciborium::from_reader::<Value, _>(bytes).ok()? else { return None };
        let field = |name: &str| map.iter().find(|(k, _)| k.as_text() == Some(name)).and_then(|(_, v)| v.as_text());
        if field("type")? != TAG {
            return None;
        }
        let name = field("name")?.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return None;
        }
        let item = match field("item") {
            Some(text) => Some(text.parse().ok()?),
            None => None,
        };
        Some(Announcement { name: name.to_string(), item })
    }
}

/// Who is where in one document, by peer (device), with when each was last heard from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PresenceTable {
    peers: BTreeMap<String, (Announcement, u64)>,
}

impl PresenceTable {
    /// Takes in what `peer` said at `now_ms`. Returns whether anything shown changed.
    pub fn heard(&mut self, peer: &str, announcement: Announcement, now_ms: u64) -> bool {
        if announcement.item.is_none() {
            return self.peers.remove(peer).is_some();
        }
        let changed = self.peers.get(peer).is_none_or(|(a, _)| *a != announcement);
        self.peers.insert(peer.to_string(), (announcement, now_ms));
        changed
    }

    /// Forgets peers not heard from within [`EXPIRY_MS`]. Returns whether any were forgotten.
    pub fn expire(&mut self, now_ms: u64) -> bool {
        let before = self.peers.len();
        self.peers.retain(|_, (_, at)| now_ms.saturating_sub(*at) < EXPIRY_MS);
        self.peers.len() != before
    }

    /// The names of everyone announced here (editing something or only present), sorted, once each.
    pub fn everyone(&self) -> Vec<String> {
        let mut names: Vec<String> = self.peers.values().map(|(a, _)| a.name.clone()).collect();
        names.sort();
        names.dedup();
        names
    }

    /// The names of those editing `item`, sorted, each once.
    pub fn editing(&self, item: ItemId) -> Vec<String> {
        let mut names: Vec<String> =
            self.peers.values().filter(|(a, _)| a.item == Some(item)).map(|(a, _)| a.name.clone()).collect();
        names.sort();
        names.dedup();
        names
    }
}
