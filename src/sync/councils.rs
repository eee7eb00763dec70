//! Which council is open on this device: creating one, joining one by its link, opening the
//! demo (built the first time, identically on every device), and switching between them. The
//! list lives in localStorage; each council's documents have ids of their own, so they stay
//! apart in IndexedDB and on the relay.

use std::rc::Rc;

use leptos::prelude::*;
use radslag_protocol::storage::DocumentStore;
use radslag_protocol::DocumentId;

use super::workspace::{local_storage, Workspace};
use crate::councils::{DeviceCouncils, KnownCouncil};
use crate::doc::{self, demo, demo_plan};

/// Where this device keeps its list of councils.
const COUNCILS_KEY: &str = "radslag.councils";

/// The device's councils as stored (none on a first start).
pub(super) fn stored() -> DeviceCouncils {
    local_storage()
        .and_then(|s| s.get_item(COUNCILS_KEY).ok().flatten())
        .map(|text| DeviceCouncils::decode(&text))
        .unwrap_or_default()
}

impl Workspace {
    /// The open council's root document, if one is open.
    pub fn council_id(&self) -> Option<DocumentId> {
        self.councils.with_untracked(|c| c.current)
    }

    /// The device's councils and the open one (a signal: the header and the start page follow it).
    pub fn councils(&self) -> ArcRwSignal<DeviceCouncils> {
        self.councils.clone()
    }

    fn store_councils(&self) {
        let text = self.councils.with_untracked(DeviceCouncils::encode);
        if let Some(s) = local_storage() {
            // A device that cannot store it still works now; it asks again on the next start.
            let _ = s.set_item(COUNCILS_KEY, &text);
        }
    }

    /// Opens council `id` from this device, else from the server, and makes it the open one.
    pub fn switch_council(self: &Rc<Self>, id: DocumentId) {
        if id == demo::ROOT {
            let ws = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = ws.open_council(id).await {
                    ws.problem(crate::problems::Problem::Said(e));
                }
            });
        } else {
            self.ensure_open(id);
        }
        let before = self.grant().map(|g| g.credential);
        self.councils.update(|c| c.open(id));
        self.store_councils();
        // Another council's credential (or none): sync with what this council gave the device.
        if self.grant().map(|g| g.credential) != before || self.refusal.with_untracked(Option::is_some) {
            self.reconnect();
        }
    }

    /// Remembers the name a council's root document gives, for the list of councils.
    pub fn remember_council_name(&self, id: DocumentId, name: &str) {
        if self.councils.with_untracked(|c| c.known.iter().any(|k: &KnownCouncil| k.id == id && k.name != name)) {
            self.councils.update(|c| {
                c.name(id, name);
            });
            self.store_councils();
        }
    }

    /// Creates a council (a new root document with a fresh id) and opens it.
    pub fn create_council(self: &Rc<Self>, name: &str, organisation: &str) -> Result<DocumentId, String> {
        let id = self.create_document_here(|doc, now| doc::council_setup::create_new_council(doc, name, organisation, now))?;
        let before = self.grant().map(|g| g.credential);
        self.councils.update(|c| {
            c.open(id);
            c.name(id, name.trim());
        });
        self.store_councils();
        if before.is_some() || self.refusal.with_untracked(Option::is_some) {
            self.reconnect();
        }
        Ok(id)
    }

    /// Opens a council's root from this device. The demo is built the first time, identically
    /// on every device, so copies made offline merge without duplicates.
    pub(super) async fn open_council(self: &Rc<Self>, id: DocumentId) -> Result<(), String> {
        if self.is_open(&id) {
            return Ok(());
        }
        let (store, mut loaded) = self.load(id).await?;
        if !loaded.is_empty() || id != demo::ROOT {
            self.open_loaded(id, loaded, store);
            return Ok(());
        }
        let mut demo = doc::demo::demo_council();
        let urls: Vec<doc::DocUrl> = demo.meetings.iter().map(|m| doc::DocUrl(demo::meeting_id(m.key).url())).collect();
        demo.link_meetings(&urls).map_err(|e| e.to_string())?;
        demo.hand_over(&self.actor);
        for (m, url) in demo.meetings.into_iter().zip(&urls) {
            let mid = DocumentId::parse(&url.0).map_err(|e| e.to_string())?;
            self.open_demo_document(mid, m.doc).await?;
        }
        for b in demo.boards {
            self.open_demo_document(doc::demo_boards::board_id(b.key), b.doc).await?;
        }
        // The action plan's documents, under ids derived from their keys like the meetings'.
        for d in demo.plan_documents {
            self.open_demo_document(demo_plan::plan_document_id(d.key), d.doc).await?;
        }
        self.open_loaded(id, demo.root, DocumentStore::new_document());
        Ok(())
    }
}

impl Workspace {
    /// Opens one of the demo's documents: what this device already has of it, else the one
    /// just built (identical on every device).
    async fn open_demo_document(self: &Rc<Self>, id: DocumentId, built: automerge::AutoCommit) -> Result<(), String> {
        let (store, mut existing) = self.load(id).await?;
        if existing.is_empty() {
            self.open_loaded(id, built, store);
        } else {
            self.open_loaded(id, existing, store);
        }
        Ok(())
    }
}

/// A council's backup: exported from what this device has, imported by merging.
impl Workspace {
    /// The open council and every document it links (meetings, initiatives, the communication
    /// plan), as one backup file. Documents not open yet are opened from this device first.
    pub async fn export_council(self: &Rc<Self>) -> Result<Vec<u8>, String> {
        let root = self.council_id().ok_or_else(|| self.not_open())?;
        self.flush_typing();
        let ids = self.read(&root, |doc| doc::backup::council_documents(root, doc)).ok_or_else(|| self.not_open())?;
        let mut documents = Vec::new();
        for id in ids {
            if !self.is_open(&id) {
                let (store, loaded) = self.load(id).await?;
                if !self.is_open(&id) {
                    self.open_loaded(id, loaded, store);
                }
            }
            if let Some(bytes) = self.save_document(&id) {
                documents.push((id, bytes));
            }
        }
        Ok(doc::backup::CouncilBackup { root, documents }.encode())
    }

    /// Reads a backup file and merges every document in it with what this device has (nothing
    /// here is replaced), then opens its council. Refused whole if the file is not a backup.
    pub async fn import_council(self: &Rc<Self>, file: &[u8]) -> Result<DocumentId, String> {
        let backup = doc::backup::CouncilBackup::decode(file).map_err(|e| crate::i18n::Bilingual::say(&e, self.lang.get()))?;
        for (id, saved) in &backup.documents {
            if self.is_open(id) {
                self.change(*id, |doc, _| doc::backup::merge_saved(doc, saved).map_err(|e| doc::DocError::Unreadable { expected: "a backup", detail: e.to_string() }))?;
            } else {
                let (store, mut loaded) = self.load(*id).await?;
                doc::backup::merge_saved(&mut loaded.0, saved).map_err(|e| crate::i18n::Bilingual::say(&e, self.lang.get()))?;
                self.open_loaded(*id, loaded, store);
            }
        }
        self.switch_council(backup.root);
        Ok(backup.root)
    }
}
