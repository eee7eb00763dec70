//! The councils this device knows (rådet på den här enheten): which root documents it has
//! opened, their names as last read, and which one is open. Pure, so it is tested natively;
//! `sync::workspace` keeps it in localStorage.

use radslag_protocol::DocumentId;

/// One council this device has opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownCouncil {
    pub id: DocumentId,
    /// Its name when last read; empty until its root document has arrived.
    pub name: String,
}

/// The device's councils, in the order they were first opened, and the open one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceCouncils {
    pub known: Vec<KnownCouncil>,
    pub current: Option<DocumentId>,
}

impl DeviceCouncils {
    /// Opens `id` (adding it if new) and makes it the current council.
    pub fn open(&mut self, id: DocumentId) {
        if !self.known.iter().any(|k| k.id == id) {
            self.known.push(KnownCouncil { id, name: String::new() });
        }
        self.current = Some(id);
    }

    /// Remembers the name a council's root document gives; true if it changed.
    pub fn name(&mut self, id: DocumentId, name: &str) -> bool {
        match self.known.iter_mut().find(|k| k.id == id) {
            Some(k) if k.name != name => {
                k.name = name.to_string();
                true
            }
            _ => false,
        }
    }

    /// The list as stored: the current council's id on the first line (or an empty line),
    /// then one "id<TAB>name" line per council.
    pub fn encode(&self) -> String {
        let mut out = self.current.map(|c| c.to_string()).unwrap_or_default();
        for k in &self.known {
            out.push('\n');
            out.push_str(&k.id.to_string());
            out.push('\t');
            out.push_str(&k.name.replace(['\n', '\t'], " "));
        }
        out
    }

    /// Reads a stored list; lines that cannot be read are skipped (a damaged entry must not
    /// lose the others).
    pub fn decode(text: &str) -> Self {
        let mut lines = text.lines();
        let current = lines.next().and_then(|l| DocumentId::parse(l.trim()).ok());
        let mut known = Vec::new();
        for line in lines {
            let (id, name) = line.split_once('\t').unwrap_or((line, ""));
            if let Ok(id) = DocumentId::parse(id.trim()) {
                if !known.iter().any(|k: &KnownCouncil| k.id == id) {
                    known.push(KnownCouncil { id, name: name.to_string() });
                }
            }
        }
        let current = current.filter(|c| known.iter().any(|k| k.id == *c));
        DeviceCouncils { known, current }
    }
}

/// The council id in a link someone shared: the app's `#/council/<id>` link, an
/// `automerge:<id>` URL, or the bare id.
pub fn council_in_link(text: &str) -> Option<DocumentId> {
    let t = text.trim();
    let id = t.rsplit_once("#/council/").map(|(_, id)| id).or_else(|| t.strip_prefix("automerge:")).unwrap_or(t);
    DocumentId::parse(id.trim_end_matches('/')).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> DocumentId {
        DocumentId::from_bytes([n; 16])
    }

    #[test]
    fn the_list_survives_storage_and_damage() {
        let mut d = DeviceCouncils::default();
        d.open(id(1));
        d.open(id(2));
        assert!(d.name(id(1), "Fyrbodals e-råd"));
        assert!(!d.name(id(1), "Fyrbodals e-råd"));
        d.open(id(1));
        assert_eq!(d.known.len(), 2);
        assert_eq!(d.current, Some(id(1)));
        let stored = d.encode();
        assert_eq!(DeviceCouncils::decode(&stored), d);
        let damaged = format!("{stored}\nnot-an-id\tX");
        assert_eq!(DeviceCouncils::decode(&damaged), d);
        assert_eq!(DeviceCouncils::decode(""), DeviceCouncils::default());
    }

    #[test]
    fn a_shared_link_names_its_council() {
        let c = id(7);
        assert_eq!(council_in_link(&format!("http://127.0.0.1:8080/#/council/{c}")), Some(c));
        assert_eq!(council_in_link(&format!(" automerge:{c} ")), Some(c));
        assert_eq!(council_in_link(&c.to_string()), Some(c));
        assert_eq!(council_in_link("https://example.org/"), None);
    }
}
