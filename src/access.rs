//! What this device may do in each council (behörighet): the credential it got by joining with
//! an invitation, its role, the join link's parts, and the relay's refusals worded for a person.
//! Pure, so it is tested natively; `sync::access` keeps it in localStorage and calls the relay.

use radslag_protocol::DocumentId;

use crate::i18n::{t, Key, Lang};

/// A device's role in one council, as the relay granted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Reads everything; the relay stores none of its changes.
    Reader,
    /// Reads, writes and creates.
    Editor,
    /// An editor who also invites and revokes devices.
    Admin,
}

impl Role {
    /// The relay's word for it (`"reader"`, `"editor"`, `"admin"`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code.trim() {
            "reader" => Some(Role::Reader),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Its name in the council's language: läsare, redaktör, processledare.
    pub fn key(self) -> Key {
        match self {
            Role::Reader => Key::RoleReader,
            Role::Editor => Key::RoleEditor,
            Role::Admin => Key::RoleAdmin,
        }
    }

    pub fn may_write(self) -> bool {
        self != Role::Reader
    }
}

/// The device's credential in one council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub council: DocumentId,
    pub role: Role,
    /// The relay's id of this device (shown on the members page as "this device").
    pub device: String,
    pub credential: String,
}

/// Every council this device holds a credential for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceAccess {
    pub grants: Vec<Grant>,
}

impl DeviceAccess {
    pub fn of(&self, council: DocumentId) -> Option<&Grant> {
        self.grants.iter().find(|g| g.council == council)
    }

    /// Keeps `grant`, replacing an older one for the same council.
    pub fn keep(&mut self, grant: Grant) {
        self.grants.retain(|g| g.council != grant.council);
        self.grants.push(grant);
    }

    /// Forgets the credential for `council` (revoked); true if there was one.
    pub fn forget(&mut self, council: DocumentId) -> bool {
        let before = self.grants.len();
        self.grants.retain(|g| g.council != council);
        self.grants.len() != before
    }

    /// As stored: one "council<TAB>role<TAB>device<TAB>credential" line per council.
    pub fn encode(&self) -> String {
        self.grants
            .iter()
            .map(|g| format!("{}\t{}\t{}\t{}", g.council, g.role.code(), clean(&g.device), clean(&g.credential)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Reads what `encode` wrote; a line that cannot be read is skipped, not the whole list.
    pub fn decode(text: &str) -> Self {
        let grants = text
            .lines()
            .filter_map(|line| {
                let mut parts = line.split('\t');
                let council = DocumentId::parse(parts.next()?.trim()).ok()?;
                let role = Role::from_code(parts.next()?)?;
                let device = parts.next()?.to_string();
                let credential = parts.next()?.trim().to_string();
                (!credential.is_empty()).then_some(Grant { council, role, device, credential })
            })
            .collect();
        DeviceAccess { grants }
    }
}

fn clean(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// The longest invitation code a link may carry (the relay's are 43 characters).
const MAX_CODE_LEN: usize = 64;

/// An invitation's secret code as it stands in a join link: base64url, at most 64 characters.
/// Fixed-size, so a route holding it stays `Copy`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct InvitationCode {
    bytes: [u8; MAX_CODE_LEN],
    len: u8,
}

impl InvitationCode {
    pub fn parse(text: &str) -> Option<InvitationCode> {
        let text = text.trim().trim_end_matches('/');
        let ok = !text.is_empty() && text.len() <= MAX_CODE_LEN && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return None;
        }
        let mut bytes = [0u8; MAX_CODE_LEN];
        bytes[..text.len()].copy_from_slice(text.as_bytes());
        Some(InvitationCode { bytes, len: text.len() as u8 })
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII was let in.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default()
    }
}

impl std::fmt::Debug for InvitationCode {
    /// A secret is never printed whole, not even in a debug log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "InvitationCode(…{} characters)", self.len)
    }
}

/// The council and invitation code in a join link `…#/join/<council>/<code>`.
pub fn join_in_link(text: &str) -> Option<(DocumentId, InvitationCode)> {
    let (_, rest) = text.trim().rsplit_once("#/join/")?;
    let (council, code) = rest.split_once('/')?;
    Some((DocumentId::parse(council).ok()?, InvitationCode::parse(code)?))
}

/// The relay's HTTP address for `path` from its sync address: `ws://h/sync` → `http://h/access/join`.
pub fn http_url(sync_url: &str, path: &str) -> Option<String> {
    let (scheme, rest) = sync_url.trim().split_once("://")?;
    let scheme = match scheme {
        "ws" => "http",
        "wss" => "https",
        _ => return None,
    };
    let host = rest.split(['/', '?', '#']).next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}{path}"))
}

/// The sync address with this council's credential, if the device has one.
pub fn sync_url_with(sync_url: &str, credential: Option<&str>) -> String {
    match credential {
        Some(c) => format!("{sync_url}{}credential={c}", if sync_url.contains('?') { '&' } else { '?' }),
        None => sync_url.to_string(),
    }
}

/// Why the relay refused a request or a connection, as the person at the device needs to hear it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessError {
    InvitationUnknown,
    InvitationRevoked,
    InvitationExpired,
    InvitationUsedUp,
    /// The relay found the request unreadable (e.g. an empty or too long name); its own words.
    BadRequest(String),
    /// The relay runs without access control: nothing to join, sync works without it.
    AccessControlOff,
    /// This device's credential is not (or no longer) accepted.
    CredentialUnknown,
    /// This device was revoked (spärrad) in the council.
    DeviceRevoked,
    /// Only a processledare (admin) may do this.
    NotAdmin,
    /// The relay could not be reached.
    Network(String),
    /// Any other answer; the relay's words.
    Other(String),
}

impl AccessError {
    /// From the relay's `{"error": code, "message"}` answer.
    pub fn from_code(code: &str, message: &str) -> AccessError {
        match code {
            "invitation-unknown" => AccessError::InvitationUnknown,
            "invitation-revoked" => AccessError::InvitationRevoked,
            "invitation-expired" => AccessError::InvitationExpired,
            "invitation-used-up" => AccessError::InvitationUsedUp,
            "bad-request" | "body-too-large" => AccessError::BadRequest(message.to_string()),
            "access-control-off" => AccessError::AccessControlOff,
            "credential-missing" | "credential-unknown" => AccessError::CredentialUnknown,
            "device-revoked" => AccessError::DeviceRevoked,
            "not-admin" => AccessError::NotAdmin,
            _ => AccessError::Other(if message.is_empty() { code.to_string() } else { message.to_string() }),
        }
    }

    pub fn say(&self, lang: Lang) -> String {
        let key = match self {
            AccessError::InvitationUnknown => Key::InvitationUnknown,
            AccessError::InvitationRevoked => Key::InvitationRevoked,
            AccessError::InvitationExpired => Key::InvitationExpired,
            AccessError::InvitationUsedUp => Key::InvitationUsedUp,
            AccessError::BadRequest(detail) => return format!("{} ({detail})", t(lang, Key::JoinBadRequest)),
            AccessError::AccessControlOff => Key::AccessControlOff,
            AccessError::CredentialUnknown => Key::CredentialUnknown,
            AccessError::DeviceRevoked => Key::DeviceRevoked,
            AccessError::NotAdmin => Key::NotAdmin,
            AccessError::Network(detail) => return format!("{} ({detail})", t(lang, Key::RelayUnreachable)),
            AccessError::Other(detail) => return format!("{} ({detail})", t(lang, Key::RelayRefused)),
        };
        t(lang, key).to_string()
    }
}

/// Why the relay closed the sync connection, from its close code, if it was a refusal.
pub fn refusal_of_close(code: u16) -> Option<AccessError> {
    match code {
        4401 => Some(AccessError::CredentialUnknown),
        4403 => Some(AccessError::DeviceRevoked),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> DocumentId {
        DocumentId::from_bytes([n; 16])
    }

    #[test]
    fn credentials_survive_storage_and_damage() {
        let mut a = DeviceAccess::default();
        a.keep(Grant { council: id(1), role: Role::Admin, device: "d1".into(), credential: "abc-_1".into() });
        a.keep(Grant { council: id(2), role: Role::Reader, device: "d2".into(), credential: "xyz".into() });
        a.keep(Grant { council: id(1), role: Role::Editor, device: "d3".into(), credential: "new".into() });
        assert_eq!(a.grants.len(), 2);
        assert_eq!(a.of(id(1)).map(|g| g.role), Some(Role::Editor));
        let stored = a.encode();
        assert_eq!(DeviceAccess::decode(&stored), a);
        assert_eq!(DeviceAccess::decode(&format!("{stored}\nnonsense\t\t")), a);
        assert!(a.forget(id(2)));
        assert!(!a.forget(id(2)));
        assert_eq!(a.of(id(2)), None);
    }

    #[test]
    fn a_join_link_names_council_and_secret() {
        let c = id(9);
        let found = |link: String| join_in_link(&link).map(|(c, code)| (c, code.as_str().to_string()));
        assert_eq!(found(format!("https://r.example/#/join/{c}/AbC-_9")), Some((c, "AbC-_9".to_string())));
        assert_eq!(found(format!(" #/join/{c}/s3cret/ ")), Some((c, "s3cret".to_string())));
        assert_eq!(InvitationCode::parse(&"a".repeat(65)), None);
        assert_eq!(join_in_link(&format!("https://r.example/#/join/{c}/")), None);
        assert_eq!(join_in_link(&format!("https://r.example/#/join/{c}/a b")), None);
        assert_eq!(join_in_link(&format!("https://r.example/#/council/{c}")), None);
    }

    #[test]
    fn the_relays_http_address_follows_its_sync_address() {
        assert_eq!(http_url("ws://127.0.0.1:8080/sync", "/access/join").as_deref(), Some("http://127.0.0.1:8080/access/join"));
        assert_eq!(http_url("wss://radslag.example/sync?x=1", "/access/me").as_deref(), Some("https://radslag.example/access/me"));
        assert_eq!(http_url("http://x/sync", "/a"), None);
        assert_eq!(sync_url_with("ws://h/sync", Some("c1")), "ws://h/sync?credential=c1");
        assert_eq!(sync_url_with("ws://h/sync?a=b", Some("c1")), "ws://h/sync?a=b&credential=c1");
        assert_eq!(sync_url_with("ws://h/sync", None), "ws://h/sync");
    }

    #[test]
    fn every_refusal_is_said_in_both_languages() {
        for code in ["invitation-unknown", "invitation-revoked", "invitation-expired", "invitation-used-up", "device-revoked", "not-admin", "credential-unknown"] {
            let e = AccessError::from_code(code, "");
            assert!(!matches!(e, AccessError::Other(_)), "{code}");
            assert_ne!(e.say(Lang::Sv), e.say(Lang::En));
        }
        assert_eq!(AccessError::from_code("invitation-expired", "").say(Lang::Sv), "Inbjudan har gått ut. Be den som bjöd in dig om en ny.");
        assert_eq!(refusal_of_close(4403), Some(AccessError::DeviceRevoked));
        assert_eq!(refusal_of_close(1006), None);
    }
}
