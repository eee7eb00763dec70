//! One storage conformance suite, written once and run against every backend: memory (here),
//! IndexedDB (browser tests) and the relay's disk store. Each check returns a readable failure.

use automerge::{transaction::Transactable, AutoCommit, ReadDoc, ROOT};

use crate::id::DocumentId;
use crate::storage::{ChunkKind, DocumentStore, Storage, StorageKey};

fn doc_id(n: u8) -> DocumentId {
    DocumentId::from_bytes([n; 16])
}

fn key(parts: &[&str]) -> StorageKey {
    StorageKey(parts.iter().map(|s| s.to_string()).collect())
}

macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Runs every check against a fresh, empty backend made by `fresh`.
/// `reopen` must give a new handle on the same data (a reload), to prove persistence.
pub async fn run_all<S: Storage>(fresh: impl Fn() -> S, reopen: impl Fn(&S) -> S) -> Result<(), String> {
    put_then_load(&fresh()).await.map_err(|e| format!("put_then_load: {e}"))?;
    load_missing_is_none(&fresh()).await.map_err(|e| format!("load_missing_is_none: {e}"))?;
    overwrite_replaces(&fresh()).await.map_err(|e| format!("overwrite_replaces: {e}"))?;
    remove_removes(&fresh()).await.map_err(|e| format!("remove_removes: {e}"))?;
    range_is_by_prefix(&fresh()).await.map_err(|e| format!("range_is_by_prefix: {e}"))?;
    let s = fresh();
    document_survives_reload(&s, &reopen).await.map_err(|e| format!("document_survives_reload: {e}"))?;
    let s = fresh();
    compaction_keeps_everything(&s, &reopen).await.map_err(|e| format!("compaction_keeps_everything: {e}"))?;
    Ok(())
}

async fn put_then_load<S: Storage>(s: &S) -> Result<(), String> {
    let k = key(&["a", "incremental", "1"]);
    s.put(&k, b"hello").await.map_err(|e| e.to_string())?;
    let got = s.load(&k).await.map_err(|e| e.to_string())?;
    check!(got.as_deref() == Some(&b"hello"[..]), "loaded {got:?}, expected b\"hello\"");
    Ok(())
}

async fn load_missing_is_none<S: Storage>(s: &S) -> Result<(), String> {
    let got = s.load(&key(&["nobody", "snapshot", "x"])).await.map_err(|e| e.to_string())?;
    check!(got.is_none(), "a key never written loaded as {got:?}");
    Ok(())
}

async fn overwrite_replaces<S: Storage>(s: &S) -> Result<(), String> {
    let k = key(&["a", "snapshot", "h"]);
    s.put(&k, b"one").await.map_err(|e| e.to_string())?;
    s.put(&k, b"two").await.map_err(|e| e.to_string())?;
    let got = s.load(&k).await.map_err(|e| e.to_string())?;
    check!(got.as_deref() == Some(&b"two"[..]), "after two puts loaded {got:?}");
    Ok(())
}

async fn remove_removes<S: Storage>(s: &S) -> Result<(), String> {
    let k = key(&["a", "incremental", "gone"]);
    s.put(&k, b"x").await.map_err(|e| e.to_string())?;
    s.remove(&k).await.map_err(|e| e.to_string())?;
    check!(s.load(&k).await.map_err(|e| e.to_string())?.is_none(), "removed key still loads");
    s.remove(&k).await.map_err(|e| format!("removing a missing key failed: {e}"))?;
    Ok(())
}

async fn range_is_by_prefix<S: Storage>(s: &S) -> Result<(), String> {
    for k in [["doc1", "incremental", "a"], ["doc1", "snapshot", "b"], ["doc10", "incremental", "c"], ["doc2", "incremental", "d"]] {
        s.put(&key(&k), k[2].as_bytes()).await.map_err(|e| e.to_string())?;
    }
    let got = s.load_range(&["doc1".to_string()]).await.map_err(|e| e.to_string())?;
    let keys: Vec<String> = got.iter().map(|(k, _)| k.to_string()).collect();
    check!(
        keys.len() == 2 && keys.contains(&"doc1/incremental/a".into()) && keys.contains(&"doc1/snapshot/b".into()),
        "range [doc1] gave {keys:?}; expected doc1's two chunks and not doc10's"
    );
    let got = s.load_range(&["doc1".to_string(), "snapshot".to_string()]).await.map_err(|e| e.to_string())?;
    check!(got.len() == 1 && got[0].1 == b"b", "range [doc1, snapshot] gave {} chunks", got.len());
    Ok(())
}

async fn document_survives_reload<S: Storage>(s: &S, reopen: &impl Fn(&S) -> S) -> Result<(), String> {
    let id = doc_id(1);
    let mut doc = AutoCommit::new();
    let mut store = DocumentStore::new_document();
    for i in 0..3 {
        doc.put(ROOT, format!("k{i}"), i as i64).map_err(|e| e.to_string())?;
        doc.commit();
        store.save(s, &id, doc.document()).await.map_err(|e| e.to_string())?;
    }
    let again = reopen(s);
    let (_, mut loaded) = DocumentStore::load(&again, &id).await.map_err(|e| e.to_string())?;
    check!(loaded.damaged.is_empty(), "reload found damaged chunks {:?}", loaded.damaged);
    check!(loaded.doc.get_heads() == doc.get_heads(), "reloaded heads differ from saved heads");
    check!(loaded.doc.get(ROOT, "k2").map_err(|e| e.to_string())?.is_some(), "last edit missing after reload");
    Ok(())
}

async fn compaction_keeps_everything<S: Storage>(s: &S, reopen: &impl Fn(&S) -> S) -> Result<(), String> {
    let id = doc_id(2);
    let mut doc = AutoCommit::new();
    let mut store = DocumentStore::new_document();
    let text = doc.put_object(ROOT, "text", automerge::ObjType::Text).map_err(|e| e.to_string())?;
    let mut compacted = false;
    for i in 0..40 {
        doc.splice_text(&text, i, 0, "x").map_err(|e| e.to_string())?;
        doc.commit();
        if let Some(w) = store.next_write(&id, doc.document()) {
            compacted |= w.kind == ChunkKind::Snapshot;
            s.put(&w.key, &w.data).await.map_err(|e| e.to_string())?;
            for old in store.wrote(&w) {
                s.remove(&old).await.map_err(|e| e.to_string())?;
            }
        }
    }
    check!(compacted, "40 small saves never compacted into a snapshot");
    let chunks = s.load_range(&StorageKey::document_prefix(&id)).await.map_err(|e| e.to_string())?;
    check!(chunks.len() < 20, "after compaction {} chunks remain", chunks.len());
    let (_, mut loaded) = DocumentStore::load(&reopen(s), &id).await.map_err(|e| e.to_string())?;
    check!(loaded.doc.get_heads() == doc.get_heads(), "compacted document lost changes");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStorage;

    #[test]
    fn memory_storage_conforms() {
        futures::executor::block_on(run_all(MemoryStorage::new, |s| s.clone())).expect("memory storage conforms");
    }
}
