//! The device's access to its councils at the relay: joining with an invitation, the stored
//! credentials (localStorage `radslag.access`, beside `radslag.councils`), the relay's
//! refusals of the sync connection, and the processledare's `/access` calls.

use std::rc::Rc;

use gloo_net::http::{Request, Response};
use leptos::prelude::*;
use radslag_protocol::client::ClientInput;
use radslag_protocol::DocumentId;
use serde::{Deserialize, Serialize};

use super::workspace::{local_storage, Workspace};
use crate::access::{http_url, refusal_of_close, sync_url_with, AccessError, DeviceAccess, Grant, Role};
use crate::i18n::{t, Key};
use crate::problems::Problem;

/// Where this device keeps its credentials, one line per council.
const ACCESS_KEY: &str = "radslag.access";

/// The device's credentials as stored (none before a first join).
pub(super) fn stored() -> DeviceAccess {
    local_storage()
        .and_then(|s| s.get_item(ACCESS_KEY).ok().flatten())
        .map(|text| DeviceAccess::decode(&text))
        .unwrap_or_default()
}

/// A device of the council, as the members page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DeviceView {
    pub id: String,
    pub role: String,
    pub name: String,
    pub organisation: String,
    pub last_seen: u64,
    pub revoked: bool,
}

/// An invitation of the council, as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InvitationView {
    pub id: String,
    pub role: String,
    pub expires: u64,
    pub uses_left: Option<u32>,
    pub label: Option<String>,
    pub revoked: bool,
}

/// A new invitation: its secret is shown this once.
#[derive(Debug, Clone, Deserialize)]
pub struct Invited {
    pub secret: String,
    pub council: String,
}

#[derive(Serialize)]
struct JoinRequest<'a> {
    invitation: &'a str,
    device_name: &'a str,
    organisation: &'a str,
}

#[derive(Deserialize)]
struct Joined {
    credential: String,
    council: String,
    role: String,
    device: String,
}

#[derive(Serialize)]
struct InviteRequest<'a> {
    role: &'a str,
    days: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    uses: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

/// The relay's `{"revoked": true}`.
#[derive(Deserialize)]
struct Revoked {}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    error: String,
    #[serde(default)]
    message: String,
}

fn network(e: gloo_net::Error) -> AccessError {
    AccessError::Network(e.to_string())
}

/// The relay's answer: its JSON on success, else the refusal it names.
async fn answer<T: serde::de::DeserializeOwned>(response: Result<Response, gloo_net::Error>) -> Result<T, AccessError> {
    let response = response.map_err(network)?;
    if response.ok() {
        return response.json::<T>().await.map_err(|e| AccessError::Other(e.to_string()));
    }
    let status = response.status();
    match response.json::<ErrorBody>().await {
        Ok(body) if !body.error.is_empty() => Err(AccessError::from_code(&body.error, &body.message)),
        _ => Err(AccessError::Other(format!("HTTP {status}"))),
    }
}

impl Workspace {
    /// The device's credentials (a signal: the header and the members page follow it).
    pub fn access(&self) -> ArcRwSignal<DeviceAccess> {
        self.access.clone()
    }

    /// Why the relay refuses this device's sync connection for the open council, if it does.
    /// (The council is the one open when it was refused, or none on a device without one.)
    pub fn refusal(&self) -> ArcRwSignal<Option<(Option<DocumentId>, AccessError)>> {
        self.refusal.clone()
    }

    /// The device's credential in the open council, if it joined with an invitation.
    pub fn grant(&self) -> Option<Grant> {
        let council = self.council_id()?;
        self.access.with_untracked(|a| a.of(council).cloned())
    }

    /// Whether the open council gave this device read-only access (then changes are refused).
    pub fn read_only(&self) -> bool {
        self.grant().is_some_and(|g| !g.role.may_write())
    }

    /// The message a refused change of a reader gets, or `None` when the device may write.
    pub(super) fn refuse_if_reader(&self) -> Option<String> {
        self.read_only().then(|| t(self.lang.get(), Key::ReaderRefusesChanges).to_string())
    }

    fn store_access(&self) {
        let text = self.access.with_untracked(DeviceAccess::encode);
        if let Some(s) = local_storage() {
            // A device that cannot store it still syncs now; it has to join again after a reload.
            let _ = s.set_item(ACCESS_KEY, &text);
        }
    }

    /// The sync address with the open council's credential, if the device has one.
    pub(super) fn sync_url(&self) -> String {
        let grant = self.grant();
        sync_url_with(&Self::relay_url(), grant.as_ref().map(|g| g.credential.as_str()))
    }

    /// Whether the relay has refused the open council's connection (then no socket is opened
    /// until something changes: a join, another council, a reload).
    pub(super) fn refused_now(&self) -> bool {
        let council = self.council_id();
        self.refusal.with_untracked(|r| r.as_ref().is_some_and(|(c, _)| *c == council))
    }

    /// The relay closed the sync connection with `code`: a refusal stops the reconnecting,
    /// is said as a problem, and a revoked device forgets its credential. Local data stays.
    pub(super) fn closed_by_relay(&self, code: u16) {
        let Some(refusal) = refusal_of_close(code) else { return };
        let council = self.council_id();
        if let (AccessError::DeviceRevoked, Some(council)) = (&refusal, council) {
            self.access.update(|a| {
                a.forget(council);
            });
            self.store_access();
        }
        self.problem(Problem::Access(refusal.clone()));
        self.refusal.set(Some((council, refusal)));
    }

    /// Connects again (with the open council's credential), forgetting an earlier refusal.
    pub(super) fn reconnect(self: &Rc<Self>) {
        self.refusal.set(None);
        self.drop_socket();
        self.handle(ClientInput::ConnectNow);
    }

    /// Exchanges the invitation `secret` of `council` for this device's credential, keeps it,
    /// and opens the council (syncing with the credential from now on).
    pub async fn join(self: &Rc<Self>, council: DocumentId, secret: &str, device_name: &str, organisation: &str) -> Result<Role, AccessError> {
        let url = http_url(&Self::relay_url(), "/access/join").ok_or_else(|| AccessError::Network(Self::relay_url()))?;
        let body = JoinRequest { invitation: secret, device_name: device_name.trim(), organisation: organisation.trim() };
        let request = Request::post(&url).json(&body).map_err(network)?;
        let joined: Joined = answer(request.send().await).await?;
        if DocumentId::parse(&joined.council).ok() != Some(council) {
            return Err(AccessError::Other(format!("the invitation is for council {}", joined.council)));
        }
        let role = Role::from_code(&joined.role).ok_or_else(|| AccessError::Other(format!("unknown role {}", joined.role)))?;
        self.access.update(|a| a.keep(Grant { council, role, device: joined.device, credential: joined.credential }));
        self.store_access();
        // Earlier refusals were about the device before it joined.
        self.problems.update(|p| p.retain(|p| !matches!(p, Problem::Access(_))));
        self.switch_council(council);
        self.reconnect();
        Ok(role)
    }

    /// An admin call to the relay with the open council's credential.
    fn admin_request(&self, get: bool, path: &str) -> Result<gloo_net::http::RequestBuilder, AccessError> {
        let grant = self.grant().ok_or(AccessError::NotAdmin)?;
        let url = http_url(&Self::relay_url(), path).ok_or_else(|| AccessError::Network(Self::relay_url()))?;
        let builder = if get { Request::get(&url) } else { Request::post(&url) };
        Ok(builder.header("Authorization", &format!("Bearer {}", grant.credential)))
    }

    /// The council's devices (`GET /access/devices`).
    pub async fn devices(&self) -> Result<Vec<DeviceView>, AccessError> {
        answer(self.admin_request(true, "/access/devices")?.send().await).await
    }

    /// The council's invitations (`GET /access/invitations`).
    pub async fn invitations(&self) -> Result<Vec<InvitationView>, AccessError> {
        answer(self.admin_request(true, "/access/invitations")?.send().await).await
    }

    /// Makes an invitation; its link is `<origin>/#/join/<council>/<secret>`.
    pub async fn create_invitation(&self, role: Role, days: u32, uses: Option<u32>, label: &str) -> Result<Invited, AccessError> {
        let label = Some(label.trim()).filter(|l| !l.is_empty());
        let body = InviteRequest { role: role.code(), days, uses, label };
        let request = self.admin_request(false, "/access/invitations")?.json(&body).map_err(network)?;
        answer(request.send().await).await
    }

    /// Revokes a device (`POST /access/devices/<id>/revoke`); its connections close at once.
    pub async fn revoke_device(&self, id: &str) -> Result<(), AccessError> {
        let path = format!("/access/devices/{id}/revoke");
        answer::<Revoked>(self.admin_request(false, &path)?.send().await).await.map(|_| ())
    }

    /// Withdraws an invitation (`POST /access/invitations/<id>/revoke`).
    pub async fn revoke_invitation(&self, id: &str) -> Result<(), AccessError> {
        let path = format!("/access/invitations/{id}/revoke");
        answer::<Revoked>(self.admin_request(false, &path)?.send().await).await.map(|_| ())
    }
}
