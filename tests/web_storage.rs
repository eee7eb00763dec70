//! Browser test: `IndexedDbStorage` against the storage conformance suite every backend runs,
//! plus a document saved, reloaded through a new connection, and compacted. Each run uses fresh
//! databases with unique names and deletes them afterwards.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p radslag --target wasm32-unknown-unknown --test web_storage`

#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ReadDoc, ROOT};
use radslag::storage::IndexedDbStorage;
use radslag_protocol::storage::{ChunkKind, DocumentStore, Storage, StorageKey};
use radslag_protocol::DocumentId;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Hands out storages on unique databases and deletes them all at the end.
#[derive(Default, Clone)]
struct Databases(Rc<RefCell<Vec<IndexedDbStorage>>>);

impl Databases {
    fn fresh(&self) -> IndexedDbStorage {
        let s = IndexedDbStorage::new(format!("radslag-test-{}", uuid::Uuid::new_v4()));
        self.0.borrow_mut().push(s.clone());
        s
    }

    /// A new connection to the same database: what a reload of the page gets.
    fn reopen(&self, s: &IndexedDbStorage) -> IndexedDbStorage {
        let again = IndexedDbStorage::new(s.name());
        self.0.borrow_mut().push(again.clone());
        again
    }

    async fn delete_all(&self) {
        let all: Vec<IndexedDbStorage> = self.0.borrow_mut().drain(..).collect();
        for s in &all {
            s.close();
        }
        let mut names: Vec<String> = all.iter().map(|s| s.name().to_string()).collect();
        names.dedup();
        for name in names {
            IndexedDbStorage::delete_database(&name).await.expect("test database deleted");
        }
    }
}

#[wasm_bindgen_test]
async fn indexed_db_passes_the_storage_conformance_suite() {
    let dbs = Databases::default();
    let result = radslag_protocol::conformance::run_all(|| dbs.fresh(), |s| dbs.reopen(s)).await;
    dbs.delete_all().await;
    if let Err(e) = result {
        panic!("IndexedDB storage does not conform: {e}");
    }
}

#[wasm_bindgen_test]
async fn a_document_saved_in_many_steps_reloads_whole_and_compacted() {
    let dbs = Databases::default();
    let storage = dbs.fresh();
    let id = DocumentId::from_bytes([42; 16]);
    let mut doc = AutoCommit::new();
    let mut store = DocumentStore::new_document();
    let text = doc.put_object(ROOT, "beskrivning", automerge::ObjType::Text).expect("text created");
    // Fourteen small saves: past the compaction threshold, so a snapshot replaces them.
    let words = "Information om projektet Digitala möten från processledaren och en fråga om bredband till gruppen";
    let mut snapshots = 0;
    for (i, word) in words.split(' ').enumerate() {
        doc.splice_text(&text, doc.length(&text), 0, &format!("{word} ")).expect("typed");
        doc.put(ROOT, "steg", i as i64).expect("put");
        doc.commit();
        let write = store.next_write(&id, doc.document()).expect("something to save");
        if write.kind == ChunkKind::Snapshot {
            snapshots += 1;
        }
        storage.put(&write.key, &write.data).await.expect("saved on the device");
        for old in store.wrote(&write) {
            storage.remove(&old).await.expect("replaced chunk removed");
        }
    }
    let kinds: Vec<Option<ChunkKind>> = storage
        .load_range(&StorageKey::document_prefix(&id))
        .await
        .expect("chunks listed")
        .iter()
        .map(|(k, _)| k.kind())
        .collect();

    let reloaded = dbs.reopen(&storage);
    let (_, mut loaded) = DocumentStore::load(&reloaded, &id).await.expect("reloaded");
    let heads_match = loaded.doc.get_heads() == doc.get_heads();
    let text_back = loaded
        .doc
        .get(ROOT, "beskrivning")
        .ok()
        .flatten()
        .and_then(|(_, obj)| loaded.doc.text(&obj).ok());
    dbs.delete_all().await;

    assert!(snapshots > 0, "fourteen saves never compacted: {kinds:?}");
    assert!(kinds.len() < 14, "compaction left {} chunks: {kinds:?}", kinds.len());
    assert!(loaded.damaged.is_empty(), "damaged chunks after reload: {:?}", loaded.damaged);
    assert!(heads_match, "the reloaded document's heads differ from what was saved");
    assert_eq!(text_back, Some(format!("{words} ")));
}

#[wasm_bindgen_test]
async fn a_new_database_is_empty_and_other_documents_stay_apart() {
    let dbs = Databases::default();
    let storage = dbs.fresh();
    let a = DocumentId::from_bytes([1; 16]);
    let b = DocumentId::from_bytes([2; 16]);
    let empty = storage.load_range(&StorageKey::document_prefix(&a)).await.expect("listed");
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "titel", "Möte för e-råd").expect("put");
    doc.commit();
    DocumentStore::new_document().save(&storage, &b, doc.document()).await.expect("saved");
    let still_empty = storage.load_range(&StorageKey::document_prefix(&a)).await.expect("listed");
    let (_, mut loaded) = DocumentStore::load(&dbs.reopen(&storage), &b).await.expect("loaded");
    let title = loaded.doc.get(ROOT, "titel").ok().flatten().map(|(v, _)| v.as_str().map(str::to_owned));
    let (mut saved_heads, mut loaded_heads) = (doc.get_heads(), loaded.doc.get_heads());
    dbs.delete_all().await;

    assert!(empty.is_empty(), "a fresh database had chunks: {empty:?}");
    assert!(still_empty.is_empty(), "saving document b put chunks under a: {still_empty:?}");
    assert_eq!(title, Some(Some("Möte för e-råd".to_string())));
    // Heads as sets: the order of heads is not part of a document's state.
    saved_heads.sort();
    loaded_heads.sort();
    assert_eq!(loaded_heads, saved_heads, "the reloaded document's heads differ from what was saved");
}
