//! radslag-relay: stores council documents on disk and syncs them between members over the
//! automerge-repo WebSocket protocol. axum and tokio around the sans-IO `radslag-protocol` core.
//!
//! # The control loop
//!
//! 1. [`app`] routes `GET /sync` to a WebSocket upgrade (frame size bounded), `/access/…` to the
//!    invitation and membership endpoints ([`access::http`]), `GET /healthz` to "ok", and
//!    everything else to the built app under `--static`. The upgrade checks the page's Origin
//!    ([`origin`]) and the device credential in `?credential=` ([`access`]); a refused
//!    credential gets the upgrade and at once a close code saying why, before any sync.
//! 2. Each WebSocket gets its own task ([`connection`]). It checks each frame against the
//!    connection's rate limit, decodes it *on that task* (`Message::decode`), and runs the
//!    protocol's `ServerConnection` handshake (`join` → `peer`). The first message for each
//!    document is checked against the device's council (once per connection and document);
//!    then document messages go to that document's actor through a bounded channel. Outgoing
//!    frames come back through a bounded queue; a connection whose queue is full, or that
//!    floods or sends garbage, is closed alone.
//! 3. Each document in use has an actor task ([`document`]) that owns the protocol's `DocSync`
//!    and the connections subscribed to that document. It feeds inputs in and carries effects
//!    out: a `write` goes to the [`journal`], which appends the writes of every document waiting
//!    at that moment and makes them durable with one fdatasync (then writes the chunk files for
//!    reading; a checkpoint syncs them later). Only when the write is durable does `WriteDone`
//!    let the core send sync messages — store before telling. Messages arriving meanwhile wait
//!    in the core and share the next write (group commit per document, and across documents in
//!    the journal). A document with no peers and nothing unsaved leaves
//!    memory after [`Limits::idle_unload`].
//! 4. Shutdown (SIGTERM, Ctrl-C, or the future given to [`serve`]) stops accepting, closes every
//!    connection with "going away", lets every actor finish its write, then returns.

pub mod access;
pub mod admin;
pub mod connection;
pub mod disk;
pub mod document;
pub mod journal;
pub mod limits;
pub mod link;
pub mod origin;
pub mod read_only;
pub mod state;
pub mod static_files;

use std::future::Future;

use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tokio_util::task::TaskTracker;

pub use access::live::AccessMode;
pub use disk::DiskStore;
pub use limits::Limits;
pub use state::{AppState, Config, RelayError, RELAY_PEER_ID};

/// The relay's routes; tests build it without a server.
pub fn app(state: AppState) -> Router {
    let router = Router::new()
        .route("/sync", get(sync_socket))
        .route("/healthz", get(|| async { "ok" }))
        .nest("/access", access::http::routes(&state));
    let router = match state.static_dir() {
        Some(dir) => router.fallback_service(static_files::service(dir)),
        None => router,
    };
    // The span names the path only: the query of `/sync` carries a device's credential.
    let trace = tower_http::trace::TraceLayer::new_for_http()
        .make_span_with(|request: &axum::http::Request<_>| tracing::debug_span!("request", method = %request.method(), path = %request.uri().path()));
    router.layer(trace).with_state(state)
}

/// The query of `/sync`: the device credential, as a JavaScript WebSocket can carry it.
#[derive(serde::Deserialize)]
struct SyncQuery {
    credential: Option<String>,
}

/// Per-connection WebSocket buffers (see [`sync_socket`]).
const SOCKET_READ_BUFFER_BYTES: usize = 16 * 1024;
const SOCKET_WRITE_BUFFER_BYTES: usize = 8 * 1024;

async fn sync_socket(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<SyncQuery>, axum::extract::rejection::QueryRejection>,
    ws: WebSocketUpgrade,
) -> Response {
    if state.is_shutting_down() {
        return (axum::http::StatusCode::SERVICE_UNAVAILABLE, "the relay is shutting down").into_response();
    }
    let text = |name| headers.get(name).and_then(|v: &axum::http::HeaderValue| v.to_str().ok());
    let (page, host) = (text(header::ORIGIN), text(header::HOST));
    if !origin::allowed(page, host, state.allowed_origins()) {
        let page = page.unwrap_or_default().chars().take(100).collect::<String>();
        tracing::warn!("refused a WebSocket from a page of {page:?}: not this relay's origin nor one given with --allow-origin");
        let why = format!("pages of {page} may not sync with this relay; its operator can allow them with --allow-origin {page}");
        return (StatusCode::FORBIDDEN, why).into_response();
    }
    let credential = query.ok().and_then(|Query(q)| q.credential);
    let grant = state.access().authenticate(credential.as_deref());
    let most = state.limits().max_connections;
    if state.open_connections() >= most {
        tracing::warn!("refused a connection: {most} are open, the most allowed");
        let why = format!("the relay has {most} connections open, as many as it takes; try again later");
        return (axum::http::StatusCode::SERVICE_UNAVAILABLE, why).into_response();
    }
    let max = state.limits().max_frame_bytes;
    ws.max_message_size(max)
        .max_frame_size(max)
        // The 128 KiB defaults are allocated per connection up front: a thousand members would
        // cost 250 MB before anyone typed. Sync messages are small; big ones still fit, in steps.
        .read_buffer_size(SOCKET_READ_BUFFER_BYTES)
        .write_buffer_size(SOCKET_WRITE_BUFFER_BYTES)
        .on_failed_upgrade(|e| tracing::warn!("a WebSocket upgrade failed: {e}"))
        .on_upgrade(move |socket| async move {
            match grant {
                Ok(grant) => connection::run(state, socket, grant).await,
                Err(refusal) => {
                    tracing::info!("refused a connection: {refusal}");
                    // Upgraded first, then closed: a script in a browser sees the close code,
                    // never the HTTP status of a refused upgrade.
                    connection::refuse(state, socket, refusal.close_code(), refusal.to_string()).await
                }
            }
        })
}

/// Serves `state` on `listener` (with `TCP_NODELAY` on every accepted socket) until `shutdown`
/// completes, then closes connections and waits for every document to be saved.
///
/// Each HTTP connection is served by hyper directly (as axum::serve would) so that reading the
/// request headers has a deadline: a client that never finishes them is dropped.
pub async fn serve(listener: TcpListener, state: AppState, shutdown: impl Future<Output = ()> + Send + 'static) -> Result<(), RelayError> {
    let router = app(state.clone());
    let http = TaskTracker::new();
    // Notices what the admin command line changes in the access file while the relay runs.
    let watcher = tokio::spawn(state.access().clone().watch(state.shutdown_signal()));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut shutdown => break,
        };
        let tcp = match accepted {
            Ok((tcp, _)) => tcp,
            Err(e) => {
                // Out of file descriptors, say: wait instead of spinning, as axum does.
                tracing::warn!("could not accept a connection: {e}");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
        };
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!("could not set TCP_NODELAY on an accepted socket: {e}");
        }
        http.spawn(serve_http(tcp, router.clone(), state.clone()));
    }
    tracing::info!("shutting down: closing connections and saving documents");
    state.begin_shutdown();
    http.close();
    state.wait_for_tasks().await;
    let _ = watcher.await;
    // Connections still reading headers or finishing a response get a moment, not forever.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), http.wait()).await;
    Ok(())
}

/// One HTTP connection: requests (and a WebSocket upgrade) until it ends or the relay stops.
async fn serve_http(tcp: tokio::net::TcpStream, router: Router, state: AppState) {
    use tower::Service;
    let service = hyper::service::service_fn(move |request: axum::http::Request<hyper::body::Incoming>| {
        let mut router = router.clone();
        async move { router.call(request.map(axum::body::Body::new)).await }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(state.limits().header_read_timeout);
    let connection = builder.serve_connection(hyper_util::rt::TokioIo::new(tcp), service).with_upgrades();
    let mut connection = std::pin::pin!(connection);
    let mut stopping = state.shutdown_signal();
    let mut told = false;
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!("an HTTP connection ended with an error: {e}");
                }
                return;
            }
            _ = stopping.wait_for(|stop| *stop), if !told => {
                told = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
