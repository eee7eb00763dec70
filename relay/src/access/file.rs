//! `DATA/access.json`: read, and changed under the advisory lock `DATA/access.lock` by writing a
//! whole new file (temporary file, fsync, rename, fsync the folder), so the admin command line
//! and a running relay can both change it and a crash leaves the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{AccessData, FORMAT_VERSION};

pub const ACCESS_FILE: &str = "access.json";
pub const ACCESS_LOCK: &str = "access.lock";
/// Starts with a dot, as the document store's temporary files do, so no listing takes it.
const ACCESS_TEMP: &str = ".access.json.tmp";

/// How long a change waits for another process (the relay, a second admin command) to finish
/// its own: changes take milliseconds, so this only runs out when something is stuck.
const LOCK_WAIT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum AccessFileError {
    #[error("could not {what} {}: {source}", path.display())]
    Io { what: &'static str, path: PathBuf, source: io::Error },
    #[error("{} is not a readable access file ({source}); restore it from a backup, or fix the JSON by hand", path.display())]
    Unreadable { path: PathBuf, source: serde_json::Error },
    #[error("{} has format version {found}, newer than the {FORMAT_VERSION} this relay reads: run the newer relay", path.display())]
    Newer { path: PathBuf, found: u32 },
    #[error("{} has been locked by another process for {} s: is an admin command stuck?", path.display(), LOCK_WAIT.as_secs())]
    LockTimeout { path: PathBuf },
}

/// What identifies one version of the file on disk: a rename gives a new inode, a write a new
/// modification time and usually a new length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    inode: u64,
    modified: (i64, i64),
    len: u64,
}

/// The access file of one data folder.
#[derive(Debug, Clone)]
pub struct AccessFile {
    dir: PathBuf,
}

impl AccessFile {
    pub fn new(data_dir: &Path) -> Self {
        AccessFile { dir: data_dir.to_path_buf() }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(ACCESS_FILE)
    }

    /// The data as stored; a missing file is an empty store (a relay before its first council).
    pub fn load(&self) -> Result<AccessData, AccessFileError> {
        let path = self.path();
        let text = match fs::read(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(AccessData::new()),
            Err(source) => return Err(AccessFileError::Io { what: "read", path, source }),
        };
        let data: AccessData = serde_json::from_slice(&text).map_err(|source| AccessFileError::Unreadable { path: path.clone(), source })?;
        if data.version > FORMAT_VERSION {
            return Err(AccessFileError::Newer { path, found: data.version });
        }
        Ok(data)
    }

    /// The file's stamp now; `None` when it does not exist (yet).
    pub fn stamp(&self) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let m = fs::metadata(self.path()).ok()?;
        Some(Stamp { inode: m.ino(), modified: (m.mtime(), m.mtime_nsec()), len: m.size() })
    }

    /// Applies `change` to the data as stored now, under the lock, and stores the result if it
    /// differs. Returns what `change` returned and the data as stored afterwards.
    pub fn update<T>(&self, change: impl FnOnce(&mut AccessData) -> T) -> Result<(T, AccessData), AccessFileError> {
        self.update_stamped(change).map(|(result, data, _)| (result, data))
    }

    /// As [`AccessFile::update`], with the stamp of the file as it was left, read before the
    /// lock is released: a stamp read after might be of a change made by someone else since.
    pub fn update_stamped<T>(&self, change: impl FnOnce(&mut AccessData) -> T) -> Result<(T, AccessData, Option<Stamp>), AccessFileError> {
        fs::create_dir_all(&self.dir).map_err(|source| AccessFileError::Io { what: "create the data folder", path: self.dir.clone(), source })?;
        let _lock = self.lock()?;
        let mut data = self.load()?;
        let before = data.clone();
        let result = change(&mut data);
        if data != before {
            data.version = FORMAT_VERSION;
            self.write(&data)?;
        }
        Ok((result, data, self.stamp()))
    }

    /// Holds `access.lock` until the returned file is dropped.
    fn lock(&self) -> Result<File, AccessFileError> {
        let path = self.dir.join(ACCESS_LOCK);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| AccessFileError::Io { what: "open the lock file", path: path.clone(), source })?;
        let deadline = Instant::now() + LOCK_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
                Err(fs::TryLockError::WouldBlock) => return Err(AccessFileError::LockTimeout { path }),
                Err(fs::TryLockError::Error(source)) => return Err(AccessFileError::Io { what: "lock", path, source }),
            }
        }
    }

    fn write(&self, data: &AccessData) -> Result<(), AccessFileError> {
        let temp = self.dir.join(ACCESS_TEMP);
        let path = self.path();
        fn io<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> AccessFileError + 'a {
            move |source| AccessFileError::Io { what, path: path.to_path_buf(), source }
        }
        // Pretty: an administrator may have to read or mend it by hand.
        let mut text = serde_json::to_vec_pretty(data).map_err(|e| AccessFileError::Io { what: "encode", path: path.clone(), source: io::Error::other(e) })?;
        text.push(b'\n');
        let mut file = {
            use std::os::unix::fs::OpenOptionsExt;
            // Only hashes are in it, but who may connect is nobody else's business.
            OpenOptions::new().create(true).truncate(true).write(true).mode(0o600).open(&temp).map_err(io("create", &temp))?
        };
        file.write_all(&text).map_err(io("write", &temp))?;
        file.sync_all().map_err(io("fsync", &temp))?;
        drop(file);
        fs::rename(&temp, &path).map_err(io("rename the new access file to", &path))?;
        File::open(&self.dir).and_then(|dir| dir.sync_all()).map_err(io("fsync the folder", &self.dir))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_persist_and_a_missing_file_is_an_empty_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = AccessFile::new(dir.path());
        assert_eq!(file.load().expect("empty"), AccessData::new());
        assert_eq!(file.stamp(), None);
        let (created, data) = file.update(|d| d.create_council("root", "E-rådet", 5)).expect("update");
        assert!(created.is_ok());
        assert_eq!(file.load().expect("load"), data);
        let stamp = file.stamp().expect("written");
        let ((), _) = file.update(|_| ()).expect("no change");
        assert_eq!(file.stamp(), Some(stamp), "an update that changes nothing does not write");
        assert!(!dir.path().join(ACCESS_TEMP).exists());
    }

    #[test]
    fn writers_in_parallel_lose_no_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        AccessFile::new(dir.path()).update(|d| d.create_council("root", "E-rådet", 0)).expect("update").0.expect("council");
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let file = AccessFile::new(dir.path());
                std::thread::spawn(move || {
                    for n in 0..10 {
                        let new = crate::access::NewInvitation {
                            id: format!("{w}-{n}"),
                            secret_hash: format!("h{w}-{n}"),
                            council: "root".into(),
                            role: crate::access::Role::Reader,
                            expires: 1,
                            uses: None,
                            label: None,
                        };
                        file.update(|d| d.invite(new, 0).map(|_| ())).expect("update").0.expect("invite");
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().expect("writer");
        }
        assert_eq!(AccessFile::new(dir.path()).load().expect("load").invitations.len(), 40);
    }

    #[test]
    fn a_damaged_file_is_refused_with_what_to_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join(ACCESS_FILE), b"{ not json").expect("write");
        let e = AccessFile::new(dir.path()).load().expect_err("refused").to_string();
        assert!(e.contains("access.json") && e.contains("by hand"), "{e}");
    }
}
