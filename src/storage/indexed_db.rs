//! `IndexedDbStorage`: one database, one object store of chunks keyed by arrays of strings
//! (`[document, "snapshot" | "incremental", hash]`), over plain web-sys.
//!
//! Why not `indexed_db_futures`: its `commit()` reports an abort without the transaction's
//! `error`, and a quota failure shows up exactly that way (the put succeeds, the commit aborts
//! with `QuotaExceededError`). Reading `IDBTransaction.error` ourselves keeps that reason, and
//! the hand-written wrapper is smaller than the crate (every KB of wasm counts).

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures::channel::oneshot;
use js_sys::{Array, Uint8Array};
use radslag_protocol::storage::{Storage, StorageError, StorageErrorKind, StorageKey};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    DomException, IdbDatabase, IdbFactory, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest,
    IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The single object store: chunk bytes (`Uint8Array`) under array keys.
const STORE: &str = "chunks";
/// Bump with an upgrade step in `open_database` when the layout changes.
const SCHEMA_VERSION: u32 = 1;

/// A handle on one IndexedDB database. Cheap to create: the connection opens on first use, so
/// the conformance suite's synchronous `fresh()`/`reopen()` can make handles. Clones share the
/// connection; [`IndexedDbStorage::new`] with the same name is a new connection to the same data.
#[derive(Clone)]
pub struct IndexedDbStorage {
    name: String,
    db: Rc<RefCell<Option<IdbDatabase>>>,
}

impl IndexedDbStorage {
    pub fn new(name: impl Into<String>) -> Self {
        IndexedDbStorage { name: name.into(), db: Rc::new(RefCell::new(None)) }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Open the connection now (e.g. at start-up, to report private mode before anyone types).
    pub async fn open(&self) -> Result<(), StorageError> {
        self.database().await.map(|_| ())
    }

    /// Close this handle's connection (tests delete their database afterwards).
    pub fn close(&self) {
        if let Some(db) = self.db.borrow_mut().take() {
            db.close();
        }
    }

    /// Delete the whole database `name` (tests clean up with it).
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        let factory = factory()?;
        let req = factory.delete_database(name).map_err(|e| from_js(&e, Stage::Open))?;
        request_done(&req, Stage::Open).await.map(|_| ())
    }

    async fn database(&self) -> Result<IdbDatabase, StorageError> {
        if let Some(db) = self.db.borrow().as_ref() {
            return Ok(db.clone());
        }
        let db = open_database(&self.name).await?;
        // Two first uses may race; keep whichever connection landed first.
        let mut slot = self.db.borrow_mut();
        Ok(slot.get_or_insert(db).clone())
    }

    async fn transaction(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
        let db = self.database().await?;
        let tx = db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(|e| from_js(&e, Stage::Read))?;
        let store = tx.object_store(STORE).map_err(|e| from_js(&e, Stage::Read))?;
        Ok((tx, store))
    }
}

impl Storage for IndexedDbStorage {
    async fn load(&self, key: &StorageKey) -> Result<Option<Vec<u8>>, StorageError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly).await?;
        let req = store.get(&key_to_js(key)).map_err(|e| from_js(&e, Stage::Read))?;
        let value = request_done(&req, Stage::Read).await?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        bytes_from_js(&value).map(Some)
    }

    async fn put(&self, key: &StorageKey, data: &[u8]) -> Result<(), StorageError> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite).await?;
        let value = Uint8Array::from(data);
        store.put_with_key(&value, &key_to_js(key)).map_err(|e| from_js(&e, Stage::Write))?;
        // Done only when the transaction completes: a request's success is not durability.
        transaction_done(&tx, Stage::Write).await
    }

    async fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite).await?;
        store.delete(&key_to_js(key)).map_err(|e| from_js(&e, Stage::Write))?;
        transaction_done(&tx, Stage::Write).await
    }

    async fn load_range(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StorageError> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly).await?;
        let range = prefix_range(prefix)?;
        // Both requests in one transaction see the same snapshot, in the same key order.
        let keys_req = store.get_all_keys_with_key(&range).map_err(|e| from_js(&e, Stage::Read))?;
        let values_req = store.get_all_with_key(&range).map_err(|e| from_js(&e, Stage::Read))?;
        let keys: Array = request_done(&keys_req, Stage::Read).await?.unchecked_into();
        let values: Array = request_done(&values_req, Stage::Read).await?.unchecked_into();
        if keys.length() != values.length() {
            return Err(StorageError::new(StorageErrorKind::ReadFailed, "IndexedDB returned different numbers of keys and values"));
        }
        let mut out = Vec::with_capacity(keys.length() as usize);
        for (k, v) in keys.iter().zip(values.iter()) {
            out.push((key_from_js(&k)?, bytes_from_js(&v)?));
        }
        Ok(out)
    }
}

/// Where an error happened, for the message.
#[derive(Clone, Copy)]
enum Stage {
    Open,
    Read,
    Write,
}

fn factory() -> Result<IdbFactory, StorageError> {
    // Through the global object so this also works where there is no `window` (workers).
    let value = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB")).unwrap_or(JsValue::UNDEFINED);
    value.dyn_into::<IdbFactory>().map_err(|_| {
        StorageError::new(StorageErrorKind::Unavailable, "this browser has no IndexedDB")
    })
}

async fn open_database(name: &str) -> Result<IdbDatabase, StorageError> {
    let factory = factory()?;
    let req: IdbOpenDbRequest = factory.open_with_u32(name, SCHEMA_VERSION).map_err(|e| from_js(&e, Stage::Open))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(req) = ev.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()) else { return };
        let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) else { return };
        if !db.object_store_names().contains(STORE) {
            // A failure here aborts the upgrade, which the open request reports as its error.
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request_done(&req, Stage::Open).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = result?.dyn_into().map_err(|_| {
        StorageError::new(StorageErrorKind::ReadFailed, "opening IndexedDB gave no database")
    })?;
    // Another tab upgrading the schema asks us to let go; the next use reopens.
    let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new({
        let db = db.clone();
        move |_| db.close()
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget(); // Lives as long as the connection.
    Ok(db)
}

/// Waits for a request's `success` or `error`, then reads its result or error.
async fn request_done(req: &IdbRequest, stage: Stage) -> Result<JsValue, StorageError> {
    let ok = event_once(|cb| req.set_onsuccess(cb), |cb| req.set_onerror(cb)).await;
    if ok {
        req.result().map_err(|e| from_js(&e, stage))
    } else {
        Err(match req.error() {
            Ok(Some(e)) => from_dom(&e, stage),
            _ => message_for("UnknownError", "", stage),
        })
    }
}

/// Waits for a transaction's `complete` (Ok) or `abort` (its `error`, e.g. QuotaExceededError).
/// An `error` event is always followed by `abort`, so listening to abort catches both.
async fn transaction_done(tx: &IdbTransaction, stage: Stage) -> Result<(), StorageError> {
    let ok = event_once(|cb| tx.set_oncomplete(cb), |cb| tx.set_onabort(cb)).await;
    if ok {
        Ok(())
    } else {
        Err(match tx.error() {
            Some(e) => from_dom(&e, stage),
            None => message_for("AbortError", "", stage),
        })
    }
}

/// Sets a success and a failure handler, waits for the first to fire, then removes both.
/// The closures live in this future, which the runtime always drives to completion.
fn event_once<'a>(
    set_ok: impl Fn(Option<&js_sys::Function>) + 'a,
    set_err: impl Fn(Option<&js_sys::Function>) + 'a,
) -> impl Future<Output = bool> + 'a {
    let (sender, receiver) = oneshot::channel::<bool>();
    let sender = Rc::new(RefCell::new(Some(sender)));
    let fire = |value: bool| {
        let sender = sender.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(s) = sender.borrow_mut().take() {
                let _ = s.send(value);
            }
        })
    };
    let on_ok = fire(true);
    let on_err = fire(false);
    set_ok(Some(on_ok.as_ref().unchecked_ref()));
    set_err(Some(on_err.as_ref().unchecked_ref()));
    async move {
        let result = receiver.await.unwrap_or(false);
        set_ok(None);
        set_err(None);
        drop((on_ok, on_err));
        result
    }
}

fn key_to_js(key: &StorageKey) -> JsValue {
    key.0.iter().map(|p| JsValue::from_str(p)).collect::<Array>().into()
}

fn key_from_js(value: &JsValue) -> Result<StorageKey, StorageError> {
    let parts: Array = value.clone().dyn_into().map_err(|_| unreadable_key())?;
    parts.iter().map(|p| p.as_string().ok_or_else(unreadable_key)).collect::<Result<Vec<_>, _>>().map(StorageKey)
}

fn unreadable_key() -> StorageError {
    StorageError::new(StorageErrorKind::Unreadable, "IndexedDB holds a key that is not a list of strings")
}

/// Every key that starts with `prefix`: from `[...prefix]` up to `[...prefix, []]`. IndexedDB
/// orders arrays element by element and any array above any string, so `[]` after the prefix
/// bounds exactly the keys whose next element is a string.
fn prefix_range(prefix: &[String]) -> Result<IdbKeyRange, StorageError> {
    let lower: Array = prefix.iter().map(|p| JsValue::from_str(p)).collect();
    let upper = lower.slice(0, lower.length());
    upper.push(&Array::new());
    IdbKeyRange::bound(&lower, &upper).map_err(|e| from_js(&e, Stage::Read))
}

fn bytes_from_js(value: &JsValue) -> Result<Vec<u8>, StorageError> {
    if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<js_sys::ArrayBuffer>() {
        Ok(Uint8Array::new(value).to_vec())
    } else {
        Err(StorageError::new(StorageErrorKind::Unreadable, "IndexedDB holds a value that is not bytes"))
    }
}

fn from_js(value: &JsValue, stage: Stage) -> StorageError {
    match value.dyn_ref::<DomException>() {
        Some(e) => from_dom(e, stage),
        None => {
            let detail = value.as_string().or_else(|| value.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())));
            message_for("UnknownError", &detail.unwrap_or_default(), stage)
        }
    }
}

fn from_dom(e: &DomException, stage: Stage) -> StorageError {
    message_for(&e.name(), &e.message(), stage)
}

/// The kind of an IndexedDB failure (the app words it from the kind: `problems::storage_failure`)
/// and the browser's own name and message, for whoever helps.
fn message_for(name: &str, detail: &str, stage: Stage) -> StorageError {
    let kind = match (name, stage) {
        ("QuotaExceededError", _) => StorageErrorKind::Full,
        ("InvalidStateError" | "SecurityError" | "NotAllowedError" | "UnknownError", Stage::Open) => StorageErrorKind::Unavailable,
        ("VersionError", _) => StorageErrorKind::NewerVersion,
        (_, Stage::Open | Stage::Read) => StorageErrorKind::ReadFailed,
        (_, Stage::Write) => StorageErrorKind::WriteFailed,
    };
    let message = if detail.is_empty() { name.to_string() } else { format!("{name}: {detail}") };
    StorageError::new(kind, message)
}
