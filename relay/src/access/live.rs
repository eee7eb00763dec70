//! The running relay's access control: a snapshot of `access.json` read under a lock per
//! connection (never per message), reloaded within [`POLL_EVERY`] of another process changing
//! the file, changes of its own (claims, joins, revocations) written through, and the live
//! connections of every device, so a revoked device is cut off at once.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError, RwLock, Weak};
use std::time::Duration;

use radslag_protocol::DocumentId;
use tokio::sync::watch;

use super::file::{AccessFile, AccessFileError, Stamp};
use super::{secret, AccessData, CredentialRefusal, DocumentAccess, Role};
use crate::link::{CloseRequest, Link};

/// How often the relay looks at the file's stamp for changes made by the admin command line.
pub const POLL_EVERY: Duration = Duration::from_millis(250);

/// A device's last sighting is written when it moved by this much: not a write per connection.
const LAST_SEEN_PRECISION_SECS: u64 = 600;

/// Whether the relay checks credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessMode {
    /// Anyone who reaches the relay reads and writes every document: development and tests.
    Open,
    /// A device credential is needed, and it reaches only its own council's documents.
    Enforced,
}

/// What a connection was granted when it was upgraded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    Open,
    Member(Member),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub device: String,
    pub council: String,
    pub role: Role,
}

impl Grant {
    /// Whether what this connection sends may change documents.
    pub fn may_write(&self) -> bool {
        match self {
            Grant::Open => true,
            Grant::Member(m) => m.role.may_write(),
        }
    }
}

/// The relay's access control, shared by every connection; cheap to clone.
#[derive(Clone)]
pub struct AccessControl {
    /// `None` in open mode.
    enforced: Option<Arc<Enforced>>,
}

/// The data as read, with the lookups a connection needs made once per reload.
struct Snapshot {
    data: Arc<AccessData>,
    /// Credential hash → device id.
    devices: HashMap<String, String>,
    /// Hashes of every invitation's secret.
    invitations: HashSet<String>,
}

impl Snapshot {
    fn new(data: AccessData) -> Self {
        let devices = data.devices.values().map(|d| (d.credential_hash.clone(), d.id.clone())).collect();
        let invitations = data.invitations.values().map(|i| i.secret_hash.clone()).collect();
        Snapshot { data: Arc::new(data), devices, invitations }
    }
}

struct Enforced {
    file: AccessFile,
    data: RwLock<Arc<Snapshot>>,
    /// The stamp of the file the snapshot was read from (or last written by us).
    stamp: Mutex<Option<Stamp>>,
    /// Device id → its open connections.
    live: Mutex<HashMap<String, Vec<Weak<Link>>>>,
    /// The file could not be read at the last poll: logged when that starts and ends.
    unreadable: Mutex<bool>,
    /// Held while the snapshot is refreshed (a reload, or a change of our own), so an older
    /// read of the file never replaces a newer one.
    refreshing: Mutex<()>,
}

impl AccessControl {
    /// Reads the access file now in enforced mode, so a damaged one stops the relay at start.
    pub fn new(mode: AccessMode, data_dir: &std::path::Path) -> Result<Self, AccessFileError> {
        if mode == AccessMode::Open {
            return Ok(AccessControl { enforced: None });
        }
        let file = AccessFile::new(data_dir);
        let stamp = file.stamp();
        let data = file.load()?;
        Ok(AccessControl {
            enforced: Some(Arc::new(Enforced {
                file,
                data: RwLock::new(Arc::new(Snapshot::new(data))),
                stamp: Mutex::new(stamp),
                live: Mutex::new(HashMap::new()),
                unreadable: Mutex::new(false),
                refreshing: Mutex::new(()),
            })),
        })
    }

    pub fn mode(&self) -> AccessMode {
        if self.enforced.is_some() {
            AccessMode::Enforced
        } else {
            AccessMode::Open
        }
    }

    /// The data as the relay sees it now (empty in open mode).
    pub fn snapshot(&self) -> Arc<AccessData> {
        match &self.enforced {
            Some(e) => e.snapshot(),
            None => Arc::new(AccessData::new()),
        }
    }

    /// Who a credential (as given, not hashed) belongs to.
    pub fn authenticate(&self, credential: Option<&str>) -> Result<Grant, CredentialRefusal> {
        let Some(enforced) = &self.enforced else { return Ok(Grant::Open) };
        let credential = credential.filter(|c| !c.is_empty());
        if credential.is_some_and(|c| c.len() > secret::MAX_SECRET_LEN) {
            return Err(CredentialRefusal::Unknown);
        }
        let hash = credential.map(secret::hash).ok_or(CredentialRefusal::Missing)?;
        let snapshot = enforced.current();
        let device = snapshot.devices.get(&hash).and_then(|id| snapshot.data.devices.get(id)).ok_or(CredentialRefusal::Unknown)?;
        snapshot.data.may_connect(device)?;
        Ok(Grant::Member(Member { device: device.id.clone(), council: device.council.clone(), role: device.role }))
    }

    /// False when no invitation has this secret's hash for sure (the file has not changed since
    /// it was read), so a stream of made-up invitations costs a lookup, not a read of the file.
    pub fn invitation_may_exist(&self, secret_hash: &str) -> bool {
        let Some(enforced) = &self.enforced else { return false };
        enforced.current().invitations.contains(secret_hash) || enforced.file.stamp() != *enforced.stamp.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What `grant` may do with `document`.
    pub fn document_access(&self, grant: &Grant, document: &DocumentId) -> DocumentAccess {
        match (grant, &self.enforced) {
            (Grant::Member(m), Some(e)) => e.snapshot().document_access(&m.council, m.role, &document.to_string()),
            _ => DocumentAccess::Allowed,
        }
    }

    /// Records an unowned `document` as `grant`'s council's (durably, before it is touched).
    pub async fn claim(&self, grant: &Grant, document: &DocumentId) -> Result<DocumentAccess, AccessFileError> {
        let Grant::Member(m) = grant.clone() else { return Ok(DocumentAccess::Allowed) };
        let document = document.to_string();
        let decided = self.update(move |data| data.claim(&m.council, m.role, &document)).await?;
        Ok(decided.unwrap_or(DocumentAccess::Allowed))
    }

    /// Applies `change` to the stored data (under the file's lock, off the async threads), takes
    /// the result as the new snapshot and closes connections of devices no longer allowed.
    /// `None` in open mode, where there is nothing to change.
    pub async fn update<T: Send + 'static>(&self, change: impl FnOnce(&mut AccessData) -> T + Send + 'static) -> Result<Option<T>, AccessFileError> {
        let Some(enforced) = self.enforced.clone() else { return Ok(None) };
        let worker = enforced.clone();
        let result = tokio::task::spawn_blocking(move || {
            let _one_at_a_time = worker.refreshing.lock().unwrap_or_else(PoisonError::into_inner);
            let (result, data, stamp) = worker.file.update_stamped(change)?;
            worker.replace(data, stamp);
            Ok::<_, AccessFileError>(result)
        })
        .await
        .map_err(|e| AccessFileError::Io { what: "update", path: enforced.file.path(), source: std::io::Error::other(e.to_string()) })??;
        Ok(Some(result))
    }

    /// Whether the last look at the access file found it unreadable (the rules read before
    /// still apply until it is mended).
    pub fn file_is_unreadable(&self) -> bool {
        self.enforced.as_ref().is_some_and(|e| *e.unreadable.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Remembers `link` as a live connection of the device, so that revoking it closes it.
    pub fn register(&self, grant: &Grant, link: &Arc<Link>) {
        let (Some(enforced), Grant::Member(m)) = (&self.enforced, grant) else { return };
        let mut live = enforced.live.lock().unwrap_or_else(PoisonError::into_inner);
        let links = live.entry(m.device.clone()).or_default();
        links.retain(|l| l.strong_count() > 0);
        links.push(Arc::downgrade(link));
        drop(live);
        // Revoked between the check at the upgrade and now: close it here.
        let data = enforced.snapshot();
        if data.devices.get(&m.device).is_none_or(|d| data.may_connect(d).is_err()) {
            let refusal = CredentialRefusal::Revoked;
            link.close(CloseRequest { code: refusal.close_code(), reason: refusal.to_string(), flush: false });
        }
    }

    /// Notes that the device connected; written only when its last sighting is old.
    pub fn seen(&self, grant: &Grant) {
        let (Some(enforced), Grant::Member(m)) = (&self.enforced, grant) else { return };
        let now = super::now();
        let stale = enforced.snapshot().devices.get(&m.device).is_some_and(|d| now.saturating_sub(d.last_seen) >= LAST_SEEN_PRECISION_SECS);
        if !stale {
            return;
        }
        let (control, device) = (self.clone(), m.device.clone());
        tokio::spawn(async move {
            if let Err(e) = control.update(move |data| data.touch(&device, now, LAST_SEEN_PRECISION_SECS)).await {
                tracing::warn!("could not note when a device was last seen: {e}");
            }
        });
    }

    /// Reloads the file whenever another process changed it, until `shutdown`.
    pub async fn watch(self, mut shutdown: watch::Receiver<bool>) {
        let Some(enforced) = self.enforced else { return };
        loop {
            tokio::select! {
                _ = tokio::time::sleep(POLL_EVERY) => {}
                _ = shutdown.wait_for(|stop| *stop) => return,
            }
            let worker = enforced.clone();
            match tokio::task::spawn_blocking(move || worker.reload_if_changed()).await {
                Ok(()) => {}
                Err(e) => tracing::error!("reading the access file failed: {e}"),
            }
        }
    }
}

impl Enforced {
    fn current(&self) -> Arc<Snapshot> {
        self.data.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn snapshot(&self) -> Arc<AccessData> {
        self.current().data.clone()
    }

    fn replace(&self, data: AccessData, stamp: Option<Stamp>) {
        *self.data.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(Snapshot::new(data));
        *self.stamp.lock().unwrap_or_else(PoisonError::into_inner) = stamp;
        self.cut_off_revoked();
    }

    fn reload_if_changed(&self) {
        let _one_at_a_time = self.refreshing.lock().unwrap_or_else(PoisonError::into_inner);
        let now = self.file.stamp();
        if now == *self.stamp.lock().unwrap_or_else(PoisonError::into_inner) {
            return;
        }
        match self.file.load() {
            Ok(data) => {
                if std::mem::take(&mut *self.unreadable.lock().unwrap_or_else(PoisonError::into_inner)) {
                    tracing::info!("the access file is readable again");
                }
                tracing::info!("the access file changed; reloaded it");
                self.replace(data, now);
            }
            Err(e) => {
                // Keep the last good snapshot: a half-edited file must not let anyone in or out.
                let mut unreadable = self.unreadable.lock().unwrap_or_else(PoisonError::into_inner);
                if !std::mem::replace(&mut *unreadable, true) {
                    tracing::error!("{e}; still using the access rules read before");
                }
            }
        }
    }

    /// Closes every live connection whose device may no longer connect.
    fn cut_off_revoked(&self) {
        let data = self.snapshot();
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        live.retain(|device, links| {
            links.retain(|l| l.strong_count() > 0);
            let allowed = data.devices.get(device).is_some_and(|d| data.may_connect(d).is_ok());
            if !allowed {
                let refusal = CredentialRefusal::Revoked;
                for link in links.iter().filter_map(Weak::upgrade) {
                    link.close(CloseRequest { code: refusal.close_code(), reason: refusal.to_string(), flush: false });
                }
                links.clear();
            }
            !links.is_empty()
        });
    }
}
