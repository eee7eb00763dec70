//! The relay's disk store: the shared storage conformance suite, damaged chunks moved aside,
//! keys from the wire that must never become paths.

use automerge::{transaction::Transactable, AutoCommit, ReadDoc, ROOT};
use futures::executor::block_on;
use radslag_protocol::conformance::run_all;
use radslag_protocol::storage::{DocumentStore, Storage, StorageKey};
use radslag_protocol::DocumentId;
use radslag_relay::DiskStore;

#[test]
fn the_disk_store_passes_the_storage_conformance_suite() {
    let root = tempfile::tempdir().expect("temp dir");
    let counter = std::cell::Cell::new(0);
    let fresh = || {
        counter.set(counter.get() + 1);
        DiskStore::open(root.path().join(format!("store{}", counter.get()))).expect("open store")
    };
    let reopen = |s: &DiskStore| DiskStore::open(s.root()).expect("reopen store");
    block_on(run_all(fresh, reopen)).expect("the disk store conforms");
}

#[test]
fn a_put_leaves_only_the_chunk_no_temporary_file() {
    let root = tempfile::tempdir().expect("temp dir");
    let store = DiskStore::open(root.path()).expect("open store");
    let key = StorageKey(vec!["doc".into(), "incremental".into(), "abc123".into()]);
    block_on(store.put(&key, b"data")).expect("put");
    let names: Vec<String> = std::fs::read_dir(root.path().join("doc/incremental"))
        .expect("chunk folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["abc123".to_string()]);
}

#[test]
fn a_damaged_chunk_is_moved_aside_and_the_rest_still_loads() {
    let root = tempfile::tempdir().expect("temp dir");
    let store = DiskStore::open(root.path()).expect("open store");
    let id = DocumentId::from_bytes([9; 16]);
    let mut doc = AutoCommit::new();
    let mut saved = DocumentStore::new_document();
    for i in 0..3i64 {
        doc.put(ROOT, format!("k{i}"), i).expect("put");
        doc.commit();
        block_on(saved.save(&store, &id, doc.document())).expect("save");
    }
    // Garbage in a chunk of its own, as a torn or corrupted file would look.
    let garbage = StorageKey::incremental(&id, b"garbage");
    std::fs::write(root.path().join(garbage.0.join("/")), b"\x85\x6f\x4a\x83 not automerge").expect("write garbage");

    let (_, mut loaded) = block_on(DocumentStore::load(&store, &id)).expect("load");
    assert_eq!(loaded.damaged, vec![garbage.clone()], "the garbage chunk is reported");
    assert_eq!(loaded.doc.get_heads(), doc.get_heads(), "every good chunk still loads");
    assert!(loaded.doc.get(ROOT, "k2").expect("read").is_some());

    let moved_to = store.move_aside(&garbage).expect("move aside");
    assert!(moved_to.starts_with(root.path().join("damaged")), "moved into damaged/: {}", moved_to.display());
    assert_eq!(std::fs::read(&moved_to).expect("read moved"), b"\x85\x6f\x4a\x83 not automerge");
    let (_, mut again) = block_on(DocumentStore::load(&store, &id)).expect("load again");
    assert!(again.damaged.is_empty(), "after moving it aside the document loads cleanly");
    assert_eq!(again.doc.get_heads(), doc.get_heads());
}

#[test]
fn keys_that_could_escape_the_data_folder_are_refused() {
    let root = tempfile::tempdir().expect("temp dir");
    let store = DiskStore::open(root.path().join("data")).expect("open store");
    let bad: Vec<Vec<&str>> = vec![
        vec!["..", "snapshot", "x"],
        vec!["doc", "..", "x"],
        vec!["doc", "snapshot", "../../escape"],
        vec!["/etc", "snapshot", "x"],
        vec!["doc", "snapshot", ""],
        vec!["damaged", "snapshot", "x"],
        vec!["doc", "snapshot"],
        vec!["a", "b", "c", "d"],
    ];
    for parts in bad {
        let key = StorageKey(parts.iter().map(|s| s.to_string()).collect());
        assert!(block_on(store.put(&key, b"x")).is_err(), "put {parts:?} was accepted");
        assert!(block_on(store.load(&key)).is_err(), "load {parts:?} was accepted");
    }
    assert!(!root.path().join("escape").exists());
    assert!(block_on(store.load_range(&["..".to_string()])).is_err());
}
