//! The relay's disk store: chunks at `DIR/<doc id>/<snapshot|incremental>/<hex hash>`, written
//! durably (temporary file, fsync, rename, fsync the folder), or, for writes the journal already
//! holds durably, without the fsyncs; every key is checked first.
//!
//! The methods are synchronous (call them from `spawn_blocking`); [`Storage`] is implemented on
//! top so the protocol's `DocumentStore` and the conformance suite can use the same store.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use radslag_protocol::storage::{Storage, StorageError, StorageErrorKind, StorageKey};

/// Where chunks that could not be read are moved, inside the data folder.
pub const DAMAGED_DIR: &str = "damaged";

/// The longest key part we accept (document ids are under 40 characters, hashes 64).
pub const MAX_KEY_PART_LEN: usize = 128;

/// Every key has exactly these parts: document, kind, hash.
const KEY_PARTS: usize = 3;

/// The lock file a running relay holds in its data folder. The dot keeps it out of listings.
pub const LOCK_FILE: &str = ".lock";

/// How long a starting relay waits for the lock: a relay stopped in this process (tests restart
/// one) holds it until its journal's last checkpoint is done.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Temporary files start with this, which no valid key part does, so listings skip them.
const TEMP_PREFIX: &str = ".tmp-";

/// A folder of document chunks.
#[derive(Debug)]
pub struct DiskStore {
    root: PathBuf,
    temp_counter: AtomicU64,
    /// The data folder's lock once [`DiskStore::lock`] took it; released when the store is
    /// dropped, i.e. after its last user (the journal's threads) is done.
    lock: Mutex<Option<File>>,
}

impl DiskStore {
    /// Opens (creating if needed) the store at `root`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StorageError> {
        let root = root.into();
        fs::create_dir_all(&root).map_err(|e| io_error(&format!("could not create the data folder {}", root.display()), e))?;
        Ok(DiskStore { root, temp_counter: AtomicU64::new(0), lock: Mutex::new(None) })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes the data folder's lock, so that a second relay on the same folder refuses to start
    /// instead of replaying and deleting the first one's journal. The store keeps it for as long
    /// as it lives, and the returned file is one more handle on it (the lock lasts until both
    /// are closed). Again on the same store, it returns another handle without waiting.
    ///
    /// Opening a store does not lock: a store only read, or opened twice by the storage
    /// conformance suite, needs no lock; the journal takes it before it touches a segment.
    pub fn lock(&self) -> Result<File, StorageError> {
        let mut held = self.lock.lock().unwrap_or_else(PoisonError::into_inner);
        let file = match held.as_ref() {
            Some(file) => file,
            None => held.insert(self.acquire_lock()?),
        };
        let path = self.root.join(LOCK_FILE);
        file.try_clone().map_err(|e| io_error(&format!("could not hold the lock file {}", path.display()), e))
    }

    fn acquire_lock(&self) -> Result<File, StorageError> {
        let path = self.root.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| io_error(&format!("could not open the lock file {}", path.display()), e))?;
        let deadline = std::time::Instant::now() + LOCK_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(StorageError::other(format!(
                        "the data folder {} is already used by another relay (its lock file {} is held): stop that relay or choose another --data folder",
                        self.root.display(),
                        path.display()
                    )))
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_error(&format!("could not lock {}", path.display()), e)),
            }
        }
    }

    /// Whether `key` is one this store accepts (three parts, each a valid key part).
    pub fn check_key(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.path_of(key).map(|_| ())
    }

    /// The file a key is stored in, after checking every part.
    fn path_of(&self, key: &StorageKey) -> Result<PathBuf, StorageError> {
        check_key_parts(key)?;
        let mut path = self.root.clone();
        path.extend(&key.0);
        Ok(path)
    }

    pub fn load_sync(&self, key: &StorageKey) -> Result<Option<Vec<u8>>, StorageError> {
        let path = self.path_of(key)?;
        match fs::read(&path) {
            Ok(data) => Ok(Some(data)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_error(&format!("could not read {}", path.display()), e)),
        }
    }

    /// Writes `data` under `key`; returns only when it is durable.
    pub fn put_sync(&self, key: &StorageKey, data: &[u8]) -> Result<(), StorageError> {
        self.put(key, data, true)
    }

    /// Writes `data` under `key` for reading, without making it durable: for writes the
    /// journal already holds durably (see `journal`), whose checkpoint syncs them.
    pub fn put_unsynced(&self, key: &StorageKey, data: &[u8]) -> Result<(), StorageError> {
        self.put(key, data, false)
    }

    fn put(&self, key: &StorageKey, data: &[u8], durable: bool) -> Result<(), StorageError> {
        let path = self.path_of(key)?;
        let folder = path.parent().ok_or_else(|| StorageError::other(format!("storage key {key} has no folder")))?;
        self.create_folders(folder)?;
        let n = self.temp_counter.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!("{TEMP_PREFIX}{}-{n}", std::process::id()));
        let write = || -> io::Result<()> {
            let mut file = OpenOptions::new().write(true).create_new(true).open(&temp)?;
            file.write_all(data)?;
            if durable {
                file.sync_all()?;
            }
            drop(file);
            // The rename keeps a half-written file from ever being read under the key.
            fs::rename(&temp, &path)?;
            if durable {
                sync_folder(folder)?;
            }
            Ok(())
        };
        write().map_err(|e| {
            let _ = fs::remove_file(&temp);
            io_error(&format!("could not store {}", path.display()), e)
        })
    }

    pub fn remove_sync(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.remove(key, true)
    }

    /// Deletes a chunk without waiting for the deletion to be durable: for chunks a durable
    /// snapshot replaced, which would only be redundant if they came back after a crash.
    pub fn remove_unsynced(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.remove(key, false)
    }

    fn remove(&self, key: &StorageKey, durable: bool) -> Result<(), StorageError> {
        let path = self.path_of(key)?;
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io_error(&format!("could not delete {}", path.display()), e)),
        }
        if !durable {
            return Ok(());
        }
        if let Some(folder) = path.parent() {
            sync_folder(folder).map_err(|e| io_error(&format!("could not sync {}", folder.display()), e))?;
        }
        Ok(())
    }

    /// Every stored key starting with `prefix`, with its data, in key order.
    pub fn load_range_sync(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StorageError> {
        if prefix.len() > KEY_PARTS {
            return Ok(Vec::new());
        }
        for part in prefix {
            check_part(part)?;
        }
        // Walk only below the prefix's folder, then filter the (at most three) levels.
        let mut found = Vec::new();
        let mut start = self.root.clone();
        start.extend(prefix);
        self.walk(&start, prefix.to_vec(), &mut found)?;
        found.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(found)
    }

    fn walk(&self, dir: &Path, parts: Vec<String>, found: &mut Vec<(StorageKey, Vec<u8>)>) -> Result<(), StorageError> {
        if parts.len() == KEY_PARTS {
            if let Some(data) = self.load_sync(&StorageKey(parts.clone()))? {
                found.push((StorageKey(parts), data));
            }
            return Ok(());
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound || e.kind() == io::ErrorKind::NotADirectory => return Ok(()),
            Err(e) => return Err(io_error(&format!("could not list {}", dir.display()), e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&format!("could not list {}", dir.display()), e))?;
            // Names that are not valid key parts (temporary files, the damaged folder) are skipped.
            let Some(name) = entry.file_name().to_str().map(str::to_string) else { continue };
            if check_part(&name).is_err() {
                continue;
            }
            let mut next = parts.clone();
            next.push(name);
            self.walk(&entry.path(), next, found)?;
        }
        Ok(())
    }

    /// Moves a chunk that could not be read to `DIR/damaged/<doc>/<kind>-<hash>-<time>`, so the
    /// document loads without it and a person can still inspect it. Returns where it went.
    pub fn move_aside(&self, key: &StorageKey) -> Result<PathBuf, StorageError> {
        let from = self.path_of(key)?;
        let folder = self.root.join(DAMAGED_DIR).join(&key.0[0]);
        self.create_folders(&folder)?;
        let millis = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        let to = folder.join(format!("{}-{}-{millis}", key.0[1], key.0[2]));
        let mv = || -> io::Result<()> {
            fs::rename(&from, &to)?;
            sync_folder(&folder)?;
            if let Some(parent) = from.parent() {
                sync_folder(parent)?;
            }
            Ok(())
        };
        mv().map_err(|e| io_error(&format!("could not move the damaged chunk {} aside", from.display()), e))?;
        Ok(to)
    }

    /// `create_dir_all`, then fsync each parent of a folder it created, so the folder survives
    /// a crash along with the files put in it.
    fn create_folders(&self, folder: &Path) -> Result<(), StorageError> {
        if folder.is_dir() {
            return Ok(());
        }
        let mut missing = Vec::new();
        let mut cur = folder;
        while !cur.exists() {
            missing.push(cur.to_path_buf());
            match cur.parent() {
                Some(p) => cur = p,
                None => break,
            }
        }
        fs::create_dir_all(folder).map_err(|e| io_error(&format!("could not create {}", folder.display()), e))?;
        for created in missing.iter().rev() {
            if let Some(parent) = created.parent() {
                sync_folder(parent).map_err(|e| io_error(&format!("could not sync {}", parent.display()), e))?;
            }
        }
        Ok(())
    }
}

/// A key part is 1 to [`MAX_KEY_PART_LEN`] characters of `[A-Za-z0-9._-]`, does not start with a
/// dot (so never `.`, `..` or a temporary file) and is not the damaged folder's name.
pub fn check_part(part: &str) -> Result<(), StorageError> {
    let ok = !part.is_empty()
        && part.len() <= MAX_KEY_PART_LEN
        && !part.starts_with('.')
        && part != DAMAGED_DIR
        && part.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        let shown: String = part.chars().take(40).collect();
        Err(StorageError::other(format!("refused the storage key part {shown:?}: only letters, digits, '.', '_' and '-' are allowed")))
    }
}

/// Whether `key` has exactly the parts a stored chunk's key has: document, kind, hash, each a
/// valid key part. Needs no store: the journal checks the records it replays with it.
pub fn check_key_parts(key: &StorageKey) -> Result<(), StorageError> {
    if key.0.len() != KEY_PARTS {
        return Err(StorageError::other(format!("storage key {key} has {} parts; keys have {KEY_PARTS}", key.0.len())));
    }
    key.0.iter().try_for_each(|part| check_part(part))
}

pub(crate) fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

pub(crate) fn io_error(what: &str, e: io::Error) -> StorageError {
    let kind = match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => StorageErrorKind::Full,
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => StorageErrorKind::Unavailable,
        _ => StorageErrorKind::Other,
    };
    StorageError::new(kind, format!("{what}: {e}"))
}

impl Storage for DiskStore {
    async fn load(&self, key: &StorageKey) -> Result<Option<Vec<u8>>, StorageError> {
        self.load_sync(key)
    }
    async fn put(&self, key: &StorageKey, data: &[u8]) -> Result<(), StorageError> {
        self.put_sync(key, data)
    }
    async fn remove(&self, key: &StorageKey) -> Result<(), StorageError> {
        self.remove_sync(key)
    }
    async fn load_range(&self, prefix: &[String]) -> Result<Vec<(StorageKey, Vec<u8>)>, StorageError> {
        self.load_range_sync(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_parts_are_checked() {
        let check = |part: &str, ok: bool| assert_eq!(check_part(part).is_ok(), ok, "{part:?}");
        check("4NMNnkMhL8jXrdJ9jamS58PAVdXu", true);
        check("incremental", true);
        check("a1b2-c3_d4.e5", true);
        check("", false);
        check(".", false);
        check("..", false);
        check(".tmp-1-2", false);
        check("a/b", false);
        check("a\\b", false);
        check("a\0b", false);
        check("damaged", false);
        check("ö", false);
        check(&"x".repeat(MAX_KEY_PART_LEN + 1), false);
    }
}
