//! Who may read and write: councils, invitations, devices and which council owns each document
//! ([`AccessData`], kept in `DATA/access.json`), and the pure decisions on them. Time is an
//! argument and secrets arrive hashed, so every rule here is tested without files or clocks.
//!
//! The file and its lock are [`file`]; the running relay's view of it (reloads, revocation of
//! live connections) is [`live`]; the HTTP endpoints are [`http`]; secrets are [`secret`].

pub mod file;
pub mod http;
pub mod live;
pub mod secret;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Seconds since the Unix epoch.
pub type Timestamp = u64;

/// What a device may do in its council's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Receives every document of the council; nothing it sends is stored or forwarded.
    Reader,
    /// Reads and writes the council's documents, and creates new ones.
    Editor,
    /// An editor who also invites and revokes (the `/access` endpoints).
    Admin,
}

impl Role {
    pub fn may_write(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "reader" => Ok(Role::Reader),
            "editor" => Ok(Role::Editor),
            "admin" => Ok(Role::Admin),
            other => Err(format!("unknown role {other:?}: use reader, editor or admin")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Council {
    /// The council's root automerge document id (bs58check), which is also its id here.
    pub id: String,
    pub name: String,
    pub created: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    /// Public id, for listing and revoking; says nothing about the secret.
    pub id: String,
    pub council: String,
    /// SHA-256 of the secret, hex. The secret itself is never stored.
    pub secret_hash: String,
    pub role: Role,
    pub created: Timestamp,
    pub expires: Timestamp,
    /// `None`: any number of devices may join with it until it expires.
    pub uses_left: Option<u32>,
    pub label: Option<String>,
    pub revoked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    /// Public id, for listing and revoking.
    pub id: String,
    pub council: String,
    /// SHA-256 of the device's credential, hex.
    pub credential_hash: String,
    pub role: Role,
    pub name: String,
    pub organisation: String,
    pub created: Timestamp,
    pub last_seen: Timestamp,
    pub revoked: bool,
    /// The invitation it joined with.
    pub invitation: String,
}

/// Everything the access store holds; the JSON of `access.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessData {
    pub version: u32,
    pub councils: BTreeMap<String, Council>,
    pub invitations: BTreeMap<String, Invitation>,
    pub devices: BTreeMap<String, Device>,
    /// Document id → the council that owns it. A council's root is its own from creation.
    pub documents: BTreeMap<String, String>,
}

/// The version of the file's layout this relay writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Why an invitation cannot be exchanged; the `error` of `POST /access/join`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JoinRefusal {
    #[error("invitation-unknown")]
    Unknown,
    #[error("invitation-revoked")]
    Revoked,
    #[error("invitation-expired")]
    Expired,
    #[error("invitation-used-up")]
    UsedUp,
}

/// Why a WebSocket is refused before any sync; the close reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CredentialRefusal {
    #[error("credential-missing")]
    Missing,
    #[error("credential-unknown")]
    Unknown,
    #[error("device-revoked")]
    Revoked,
}

impl CredentialRefusal {
    /// The WebSocket close code: 4401 for "who are you?", 4403 for "no longer welcome" (codes
    /// 4000–4999 are the application's own, RFC 6455 7.4.2).
    pub fn close_code(self) -> u16 {
        match self {
            CredentialRefusal::Missing | CredentialRefusal::Unknown => 4401,
            CredentialRefusal::Revoked => 4403,
        }
    }
}

/// What a device may do with one document, decided once per connection and document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentAccess {
    /// The council's own document.
    Allowed,
    /// Nobody owns it yet and this device may create: it becomes the device's council's.
    Claim,
    /// Another council's: answered `doc-unavailable`, and never touched.
    Refused,
    /// Nobody owns it and the device is a reader, who may not create: answered
    /// `doc-unavailable` for now (an editor may create it a moment later).
    Missing,
}

/// What the caller supplies to record a new device: fresh ids and the credential's hash.
#[derive(Debug, Clone)]
pub struct NewDevice {
    pub id: String,
    pub credential_hash: String,
    pub name: String,
    pub organisation: String,
}

/// What the caller supplies to record a new invitation.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub id: String,
    pub secret_hash: String,
    pub council: String,
    pub role: Role,
    pub expires: Timestamp,
    pub uses: Option<u32>,
    pub label: Option<String>,
}

/// A change the store refused, worded for the person at the command line or the admin page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    #[error("there is no council {0}: `radslag-relay admin council-list` lists them")]
    NoCouncil(String),
    #[error("a council with the id {0} exists already")]
    CouncilExists(String),
    #[error("the document {0} belongs to another council, so it cannot be this council's root")]
    DocumentTaken(String),
    #[error("there is no invitation {0} in this council")]
    NoInvitation(String),
    #[error("there is no device {0} in this council")]
    NoDevice(String),
}

/// A new invitation to `council` valid for `days` from `now`, and its secret (shown once).
pub fn prepare_invitation(
    council: &str,
    role: Role,
    days: u32,
    uses: Option<u32>,
    label: Option<String>,
    now: Timestamp,
) -> Result<(NewInvitation, String), secret::NoRandomness> {
    let secret = secret::new_secret()?;
    let invitation = NewInvitation {
        id: secret::new_id()?,
        secret_hash: secret::hash(&secret),
        council: council.into(),
        role,
        expires: now + u64::from(days) * 86_400,
        uses,
        label,
    };
    Ok((invitation, secret))
}

/// A new device record and its credential (given to the device once, then only its hash kept).
pub fn prepare_device(name: &str, organisation: &str) -> Result<(NewDevice, String), secret::NoRandomness> {
    let credential = secret::new_secret()?;
    let device = NewDevice { id: secret::new_id()?, credential_hash: secret::hash(&credential), name: name.into(), organisation: organisation.into() };
    Ok((device, credential))
}

/// Now, in seconds since the Unix epoch (a clock before 1970 reads as 1970).
pub fn now() -> Timestamp {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

impl AccessData {
    pub fn new() -> Self {
        AccessData { version: FORMAT_VERSION, ..AccessData::default() }
    }

    pub fn create_council(&mut self, id: &str, name: &str, now: Timestamp) -> Result<(), ChangeError> {
        if self.councils.contains_key(id) {
            return Err(ChangeError::CouncilExists(id.into()));
        }
        if self.documents.get(id).is_some_and(|owner| owner != id) {
            return Err(ChangeError::DocumentTaken(id.into()));
        }
        self.councils.insert(id.into(), Council { id: id.into(), name: name.into(), created: now });
        self.documents.insert(id.into(), id.into());
        Ok(())
    }

    pub fn invite(&mut self, new: NewInvitation, now: Timestamp) -> Result<&Invitation, ChangeError> {
        if !self.councils.contains_key(&new.council) {
            return Err(ChangeError::NoCouncil(new.council));
        }
        let invitation = Invitation {
            id: new.id.clone(),
            council: new.council,
            secret_hash: new.secret_hash,
            role: new.role,
            created: now,
            expires: new.expires,
            uses_left: new.uses,
            label: new.label,
            revoked: false,
        };
        Ok(self.invitations.entry(new.id).or_insert(invitation))
    }

    /// Exchanges an invitation (by its secret's hash) for a new device, counting one use.
    pub fn join(&mut self, secret_hash: &str, new: NewDevice, now: Timestamp) -> Result<&Device, JoinRefusal> {
        let invitation = self.invitations.values_mut().find(|i| i.secret_hash == secret_hash).ok_or(JoinRefusal::Unknown)?;
        if invitation.revoked {
            return Err(JoinRefusal::Revoked);
        }
        if now >= invitation.expires {
            return Err(JoinRefusal::Expired);
        }
        // A council removed from the file by hand leaves its invitations without a council.
        if !self.councils.contains_key(&invitation.council) {
            return Err(JoinRefusal::Unknown);
        }
        match invitation.uses_left {
            Some(0) => return Err(JoinRefusal::UsedUp),
            Some(n) => invitation.uses_left = Some(n - 1),
            None => {}
        }
        let device = Device {
            id: new.id.clone(),
            council: invitation.council.clone(),
            credential_hash: new.credential_hash,
            role: invitation.role,
            name: new.name,
            organisation: new.organisation,
            created: now,
            last_seen: now,
            revoked: false,
            invitation: invitation.id.clone(),
        };
        Ok(self.devices.entry(new.id).or_insert(device))
    }

    /// The device a credential (by its hash) belongs to, if it may connect.
    pub fn authenticate(&self, credential_hash: Option<&str>) -> Result<&Device, CredentialRefusal> {
        let hash = credential_hash.ok_or(CredentialRefusal::Missing)?;
        let device = self.devices.values().find(|d| d.credential_hash == hash).ok_or(CredentialRefusal::Unknown)?;
        self.may_connect(device)?;
        Ok(device)
    }

    /// Whether `device` may connect still: not revoked, and its council still registered.
    pub fn may_connect(&self, device: &Device) -> Result<(), CredentialRefusal> {
        if device.revoked || !self.councils.contains_key(&device.council) {
            return Err(CredentialRefusal::Revoked);
        }
        Ok(())
    }

    /// Whether a device of `council` with `role` may sync `document`.
    pub fn document_access(&self, council: &str, role: Role, document: &str) -> DocumentAccess {
        match self.documents.get(document) {
            Some(owner) if owner == council => DocumentAccess::Allowed,
            Some(_) => DocumentAccess::Refused,
            None if role.may_write() => DocumentAccess::Claim,
            None => DocumentAccess::Missing,
        }
    }

    /// Records `document` as `council`'s unless it has an owner already; returns the decision
    /// as it stands afterwards (another council may have claimed it first).
    pub fn claim(&mut self, council: &str, role: Role, document: &str) -> DocumentAccess {
        match self.document_access(council, role, document) {
            DocumentAccess::Claim => {
                self.documents.insert(document.into(), council.into());
                DocumentAccess::Allowed
            }
            decided => decided,
        }
    }

    pub fn revoke_invitation(&mut self, council: &str, id: &str) -> Result<(), ChangeError> {
        match self.invitations.get_mut(id) {
            Some(i) if i.council == council => {
                i.revoked = true;
                Ok(())
            }
            _ => Err(ChangeError::NoInvitation(id.into())),
        }
    }

    pub fn revoke_device(&mut self, council: &str, id: &str) -> Result<(), ChangeError> {
        match self.devices.get_mut(id) {
            Some(d) if d.council == council => {
                d.revoked = true;
                Ok(())
            }
            _ => Err(ChangeError::NoDevice(id.into())),
        }
    }

    /// The council an invitation or a device id belongs to, for commands that name only the id.
    pub fn council_of(&self, id: &str) -> Option<&str> {
        self.invitations.get(id).map(|i| i.council.as_str()).or_else(|| self.devices.get(id).map(|d| d.council.as_str()))
    }

    pub fn invitations_of<'a>(&'a self, council: &'a str) -> impl Iterator<Item = &'a Invitation> + 'a {
        self.invitations.values().filter(move |i| i.council == council)
    }

    pub fn devices_of<'a>(&'a self, council: &'a str) -> impl Iterator<Item = &'a Device> + 'a {
        self.devices.values().filter(move |d| d.council == council)
    }

    /// Marks a device seen; false when its last sighting is recent enough not to write for.
    pub fn touch(&mut self, device: &str, now: Timestamp, precision: u64) -> bool {
        match self.devices.get_mut(device) {
            Some(d) if now.saturating_sub(d.last_seen) >= precision => {
                d.last_seen = now;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u64 = 86_400;

    fn council_with_invitation(role: Role, uses: Option<u32>) -> AccessData {
        let mut data = AccessData::new();
        data.create_council("root", "E-rådet", 0).expect("council");
        let new = NewInvitation { id: "i1".into(), secret_hash: "s1".into(), council: "root".into(), role, expires: DAY, uses, label: None };
        data.invite(new, 0).expect("invitation");
        data
    }

    fn device(n: u32) -> NewDevice {
        NewDevice { id: format!("d{n}"), credential_hash: format!("c{n}"), name: "surfplatta".into(), organisation: "Uddevalla".into() }
    }

    #[test]
    fn an_invitation_is_used_up_expires_and_can_be_revoked() {
        let mut data = council_with_invitation(Role::Editor, Some(1));
        assert_eq!(data.join("s1", device(1), 10).map(|d| d.role), Ok(Role::Editor));
        assert_eq!(data.join("s1", device(2), 10).err(), Some(JoinRefusal::UsedUp));
        assert_eq!(data.join("nope", device(3), 10).err(), Some(JoinRefusal::Unknown));

        let mut data = council_with_invitation(Role::Reader, None);
        assert!(data.join("s1", device(1), 10).is_ok() && data.join("s1", device(2), 10).is_ok(), "unlimited uses");
        assert_eq!(data.join("s1", device(3), DAY).err(), Some(JoinRefusal::Expired));
        data.revoke_invitation("root", "i1").expect("revoke");
        assert_eq!(data.join("s1", device(4), 10).err(), Some(JoinRefusal::Revoked));
    }

    #[test]
    fn a_credential_names_its_device_until_revoked() {
        let mut data = council_with_invitation(Role::Editor, None);
        data.join("s1", device(1), 10).expect("join");
        assert_eq!(data.authenticate(None).err(), Some(CredentialRefusal::Missing));
        assert_eq!(data.authenticate(Some("wrong")).err(), Some(CredentialRefusal::Unknown));
        assert_eq!(data.authenticate(Some("s1")).err(), Some(CredentialRefusal::Unknown), "an invitation is not a credential");
        assert_eq!(data.authenticate(Some("c1")).map(|d| d.id.as_str()), Ok("d1"));
        assert_eq!(data.revoke_device("other council", "d1"), Err(ChangeError::NoDevice("d1".into())));
        data.revoke_device("root", "d1").expect("revoke");
        assert_eq!(data.authenticate(Some("c1")).err(), Some(CredentialRefusal::Revoked));
    }

    #[test]
    fn documents_belong_to_one_council_and_readers_cannot_create() {
        let mut data = AccessData::new();
        data.create_council("a", "A", 0).expect("a");
        data.create_council("b", "B", 0).expect("b");
        let check = |data: &AccessData, council, role, doc, expected| assert_eq!(data.document_access(council, role, doc), expected, "{council} {role:?} {doc}");
        check(&data, "a", Role::Reader, "a", DocumentAccess::Allowed);
        check(&data, "a", Role::Admin, "b", DocumentAccess::Refused);
        check(&data, "a", Role::Reader, "new", DocumentAccess::Missing);
        check(&data, "a", Role::Editor, "new", DocumentAccess::Claim);
        assert_eq!(data.claim("a", Role::Editor, "new"), DocumentAccess::Allowed);
        assert_eq!(data.claim("b", Role::Editor, "new"), DocumentAccess::Refused, "the first claim wins");
        check(&data, "a", Role::Reader, "new", DocumentAccess::Allowed);
        assert_eq!(data.create_council("new", "C", 0), Err(ChangeError::DocumentTaken("new".into())));
    }

    #[test]
    fn last_seen_is_written_only_when_it_moved_enough() {
        let mut data = council_with_invitation(Role::Editor, None);
        data.join("s1", device(1), 10).expect("join");
        assert!(!data.touch("d1", 20, 600));
        assert!(data.touch("d1", 700, 600));
        assert_eq!(data.devices["d1"].last_seen, 700);
    }
}
