//! The `/access` endpoints: a device exchanges an invitation for its credential
//! (`POST /access/join`), and an admin device manages its council's invitations and devices
//! (`Authorization: Bearer <credential>`). Bodies are small JSON, bounded; errors are JSON
//! `{"error": "<code>", "message": "<words>"}` with a 4xx status.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::live::{Grant, Member};
use super::{prepare_device, prepare_invitation, CredentialRefusal, Device, Invitation, JoinRefusal, Role};
use crate::state::AppState;

/// The longest device name, organisation or invitation label accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest an invitation made over HTTP may stay valid.
pub const MAX_INVITATION_DAYS: u32 = 365;

/// The endpoints; pages of `--allow-origin` origins may call them from their own origin
/// (CORS). Pages the relay serves itself need no such leave.
pub fn routes(state: &AppState) -> Router<AppState> {
    let origins: Vec<axum::http::HeaderValue> = state.allowed_origins().iter().filter_map(|o| o.trim().trim_end_matches('/').parse().ok()).collect();
    let cors = tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::AllowOrigin::list(origins))
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
        .max_age(std::time::Duration::from_secs(600));
    Router::new()
        .route("/join", post(join))
        .route("/me", get(me))
        .route("/invitations", get(list_invitations).post(create_invitation))
        .route("/invitations/{id}/revoke", post(revoke_invitation))
        .route("/devices", get(list_devices))
        .route("/devices/{id}/revoke", post(revoke_device))
        .layer(DefaultBodyLimit::max(state.limits().access_body_bytes))
        .layer(cors)
}

/// An answer that went wrong, as JSON.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into() }
    }

    fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!("an /access request failed: {e}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "relay-failed", "the relay could not store the change; try again later")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.code, "message": self.message }))).into_response()
    }
}

impl From<JoinRefusal> for ApiError {
    fn from(refusal: JoinRefusal) -> Self {
        let (status, message) = match refusal {
            JoinRefusal::Unknown => (StatusCode::NOT_FOUND, "no such invitation: check the link, or ask for a new one"),
            JoinRefusal::Revoked => (StatusCode::GONE, "this invitation was withdrawn: ask the council's administrator for a new one"),
            JoinRefusal::Expired => (StatusCode::GONE, "this invitation has expired: ask the council's administrator for a new one"),
            JoinRefusal::UsedUp => (StatusCode::GONE, "this invitation has been used as often as it may: ask for a new one"),
        };
        let code = match refusal {
            JoinRefusal::Unknown => "invitation-unknown",
            JoinRefusal::Revoked => "invitation-revoked",
            JoinRefusal::Expired => "invitation-expired",
            JoinRefusal::UsedUp => "invitation-used-up",
        };
        ApiError::new(status, code, message)
    }
}

type Answer<T> = Result<Json<T>, ApiError>;

fn parse<T: serde::de::DeserializeOwned>(body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Result<T, ApiError> {
    let body = body.map_err(|e| {
        let status = e.status();
        let code = if status == StatusCode::PAYLOAD_TOO_LARGE { "body-too-large" } else { "bad-request" };
        ApiError::new(status, code, format!("the body could not be read: {e}"))
    })?;
    serde_json::from_slice(&body).map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "bad-request", format!("the body is not the JSON expected: {e}")))
}

/// A short text field: trimmed, at most [`MAX_NAME_CHARS`].
fn short_text(field: &str, text: &str, required: bool) -> Result<String, ApiError> {
    let text = text.trim();
    if required && text.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "bad-request", format!("{field} is empty")));
    }
    if text.chars().count() > MAX_NAME_CHARS || text.chars().any(char::is_control) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "bad-request", format!("{field} must be at most {MAX_NAME_CHARS} characters, without control characters")));
    }
    Ok(text.to_string())
}

fn open_mode() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "access-control-off", "this relay runs with --open: anyone may sync, no credential is needed")
}

/// The device named by `Authorization: Bearer <credential>`.
fn member(state: &AppState, headers: &HeaderMap) -> Result<Member, ApiError> {
    let credential = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).map(str::trim);
    match state.access().authenticate(credential) {
        Ok(Grant::Member(m)) => Ok(m),
        Ok(Grant::Open) => Err(open_mode()),
        Err(refusal) => {
            let status = if refusal == CredentialRefusal::Revoked { StatusCode::FORBIDDEN } else { StatusCode::UNAUTHORIZED };
            Err(ApiError::new(status, refusal_code(refusal), "send the device's credential as `Authorization: Bearer <credential>`"))
        }
    }
}

fn refusal_code(refusal: CredentialRefusal) -> &'static str {
    match refusal {
        CredentialRefusal::Missing => "credential-missing",
        CredentialRefusal::Unknown => "credential-unknown",
        CredentialRefusal::Revoked => "device-revoked",
    }
}

fn admin(state: &AppState, headers: &HeaderMap) -> Result<Member, ApiError> {
    let m = member(state, headers)?;
    if m.role != Role::Admin {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "not-admin", "only an admin device of the council may do this"));
    }
    Ok(m)
}

#[derive(Deserialize)]
struct JoinRequest {
    invitation: String,
    device_name: String,
    #[serde(default)]
    organisation: String,
}

#[derive(Serialize)]
struct Joined {
    credential: String,
    council: String,
    role: Role,
    device: String,
}

async fn join(State(state): State<AppState>, body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Answer<Joined> {
    if state.access().mode() == super::live::AccessMode::Open {
        return Err(open_mode());
    }
    let request: JoinRequest = parse(body)?;
    let name = short_text("device_name", &request.device_name, true)?;
    let organisation = short_text("organisation", &request.organisation, false)?;
    if request.invitation.len() > super::secret::MAX_SECRET_LEN {
        return Err(JoinRefusal::Unknown.into());
    }
    let hash = super::secret::hash(&request.invitation);
    if !state.access().invitation_may_exist(&hash) {
        return Err(JoinRefusal::Unknown.into());
    }
    let (device, credential) = prepare_device(&name, &organisation).map_err(ApiError::internal)?;
    let now = super::now();
    let joined = state.access().update(move |data| data.join(&hash, device, now).map(|d| (d.council.clone(), d.role, d.id.clone()))).await;
    let (council, role, device) = joined.map_err(ApiError::internal)?.ok_or_else(open_mode)??;
    tracing::info!(council, device, role = role.as_str(), "a device joined with an invitation");
    Ok(Json(Joined { credential, council, role, device }))
}

async fn me(State(state): State<AppState>, headers: HeaderMap) -> Answer<serde_json::Value> {
    let m = member(&state, &headers)?;
    let data = state.access().snapshot();
    let name = data.councils.get(&m.council).map(|c| c.name.clone()).unwrap_or_default();
    Ok(Json(json!({ "device": m.device, "council": m.council, "council_name": name, "role": m.role })))
}

/// An invitation as listed: never its secret's hash.
#[derive(Serialize)]
pub struct InvitationView {
    pub id: String,
    pub role: Role,
    pub created: u64,
    pub expires: u64,
    pub uses_left: Option<u32>,
    pub label: Option<String>,
    pub revoked: bool,
}

impl From<&Invitation> for InvitationView {
    fn from(i: &Invitation) -> Self {
        InvitationView { id: i.id.clone(), role: i.role, created: i.created, expires: i.expires, uses_left: i.uses_left, label: i.label.clone(), revoked: i.revoked }
    }
}

/// A device as listed: never its credential's hash.
#[derive(Serialize)]
pub struct DeviceView {
    pub id: String,
    pub role: Role,
    pub name: String,
    pub organisation: String,
    pub created: u64,
    pub last_seen: u64,
    pub revoked: bool,
}

impl From<&Device> for DeviceView {
    fn from(d: &Device) -> Self {
        DeviceView {
            id: d.id.clone(),
            role: d.role,
            name: d.name.clone(),
            organisation: d.organisation.clone(),
            created: d.created,
            last_seen: d.last_seen,
            revoked: d.revoked,
        }
    }
}

async fn list_invitations(State(state): State<AppState>, headers: HeaderMap) -> Answer<Vec<InvitationView>> {
    let m = admin(&state, &headers)?;
    Ok(Json(state.access().snapshot().invitations_of(&m.council).map(InvitationView::from).collect()))
}

async fn list_devices(State(state): State<AppState>, headers: HeaderMap) -> Answer<Vec<DeviceView>> {
    let m = admin(&state, &headers)?;
    Ok(Json(state.access().snapshot().devices_of(&m.council).map(DeviceView::from).collect()))
}

#[derive(Deserialize)]
struct InviteRequest {
    role: Role,
    days: u32,
    uses: Option<u32>,
    label: Option<String>,
}

#[derive(Serialize)]
struct Invited {
    /// Shown once: the store keeps only its hash. The join link is `<app>/#/join/<council>/<secret>`.
    secret: String,
    council: String,
    #[serde(flatten)]
    invitation: InvitationView,
}

async fn create_invitation(State(state): State<AppState>, headers: HeaderMap, body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Answer<Invited> {
    let m = admin(&state, &headers)?;
    let request: InviteRequest = parse(body)?;
    if request.days == 0 || request.days > MAX_INVITATION_DAYS {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "bad-request", format!("days must be 1 to {MAX_INVITATION_DAYS}")));
    }
    if request.uses == Some(0) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "bad-request", "uses must be at least 1, or left out for any number"));
    }
    let label = request.label.as_deref().map(|l| short_text("label", l, false)).transpose()?.filter(|l| !l.is_empty());
    let now = super::now();
    let (new, secret) = prepare_invitation(&m.council, request.role, request.days, request.uses, label, now).map_err(ApiError::internal)?;
    let council = m.council.clone();
    let made = state.access().update(move |data| data.invite(new, now).map(InvitationView::from)).await.map_err(ApiError::internal)?;
    let invitation = made.ok_or_else(open_mode)?.map_err(|e| ApiError::new(StatusCode::NOT_FOUND, "council-unknown", e.to_string()))?;
    tracing::info!(council, invitation = invitation.id, "an admin device made an invitation");
    Ok(Json(Invited { secret, council, invitation }))
}

async fn revoke_invitation(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Answer<serde_json::Value> {
    let m = admin(&state, &headers)?;
    let done = state.access().update(move |data| data.revoke_invitation(&m.council, &id)).await.map_err(ApiError::internal)?;
    done.ok_or_else(open_mode)?.map_err(|e| ApiError::new(StatusCode::NOT_FOUND, "invitation-unknown", e.to_string()))?;
    Ok(Json(json!({ "revoked": true })))
}

async fn revoke_device(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> Answer<serde_json::Value> {
    let m = admin(&state, &headers)?;
    let done = state.access().update(move |data| data.revoke_device(&m.council, &id)).await.map_err(ApiError::internal)?;
    done.ok_or_else(open_mode)?.map_err(|e| ApiError::new(StatusCode::NOT_FOUND, "device-unknown", e.to_string()))?;
    Ok(Json(json!({ "revoked": true })))
}
