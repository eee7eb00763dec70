//! Clients running the protocol's `ClientCore` sync through the relay over real sockets:
//! two clients converge, an offline client catches up, a relay restart loses nothing, and the
//! HTTP routes answer as they should.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use radslag_relay::{app, AppState, Config, Limits};
use crate::support::{TestClient, TestRelay};
use tower::ServiceExt;

#[tokio::test]
async fn two_clients_converge() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start(data.path()).await;
    let alice = TestClient::connect("alice", &relay.url());
    let bob = TestClient::connect("bob", &relay.url());

    let id = alice.create(|_| {});
    alice.put(id, "agenda items", 1);
    bob.find(id);
    bob.wait_for_value(id, "agenda items", 1).await;

    // Both edit at once; both end with both edits and the same heads.
    alice.put(id, "from alice", 10);
    bob.put(id, "from bob", 20);
    alice.wait_for_value(id, "from bob", 20).await;
    bob.wait_for_value(id, "from alice", 10).await;
    alice.wait_until("same heads as bob", |a| a.heads(id) == bob.heads(id)).await;
    alice.wait_saved_on_server(id).await;
    assert!(alice.problems().is_empty() && bob.problems().is_empty(), "{:?} {:?}", alice.problems(), bob.problems());
    relay.stop().await;
}

#[tokio::test]
async fn an_offline_client_converges_after_reconnecting() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start(data.path()).await;
    let alice = TestClient::connect("alice", &relay.url());
    let bob = TestClient::connect("bob", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "version", 1);
    bob.find(id);
    bob.wait_for_value(id, "version", 1).await;

    bob.go_offline();
    bob.put(id, "written offline", 7);
    alice.put(id, "version", 2);
    alice.wait_saved_on_server(id).await;
    assert_eq!(bob.get(id, "version"), Some(1), "offline, bob cannot have alice's new edit");

    bob.go_online();
    bob.wait_for_value(id, "version", 2).await;
    alice.wait_for_value(id, "written offline", 7).await;
    bob.wait_until("same heads as alice", |b| b.heads(id) == alice.heads(id)).await;
    relay.stop().await;
}

#[tokio::test]
async fn a_relay_restart_loses_nothing() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start(data.path()).await;
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    for i in 0..30 {
        alice.put(id, &format!("item {i}"), i);
    }
    alice.wait_saved_on_server(id).await;
    let heads = alice.heads(id);
    relay.stop().await;
    drop(alice);

    let relay = TestRelay::start(data.path()).await;
    let carol = TestClient::connect("carol", &relay.url());
    carol.find(id);
    carol.wait_until("every change from before the restart", |c| c.heads(id) == heads).await;
    assert_eq!(carol.get(id, "item 29"), Some(29));
    relay.stop().await;
}

#[tokio::test]
async fn an_idle_document_leaves_memory_and_comes_back_whole() {
    let data = tempfile::tempdir().expect("temp dir");
    let limits = Limits { idle_unload: Duration::from_millis(50), ..Limits::default() };
    let relay = TestRelay::start_with(data.path(), limits).await;
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "kept", 1);
    alice.wait_saved_on_server(id).await;
    assert_eq!(relay.state.loaded_documents(), 1);
    drop(alice);
    crate::support::wait_for("the document to unload", None, || relay.state.loaded_documents() == 0).await;

    let bob = TestClient::connect("bob", &relay.url());
    bob.find(id);
    bob.wait_for_value(id, "kept", 1).await;
    relay.stop().await;
}

fn state_with_static(dir: &std::path::Path, data: &std::path::Path) -> AppState {
    AppState::new(Config { data_dir: data.to_path_buf(), static_dir: Some(dir.to_path_buf()), limits: Limits::default(), access: radslag_relay::AccessMode::Open, allowed_origins: Vec::new() }).expect("state")
}

async fn get(state: &AppState, path: &str, accept_encoding: Option<&str>) -> (StatusCode, Option<String>, Option<String>, Vec<u8>) {
    let mut request = Request::builder().uri(path);
    if let Some(enc) = accept_encoding {
        request = request.header("accept-encoding", enc);
    }
    let response = app(state.clone()).oneshot(request.body(Body::empty()).expect("request")).await.expect("response");
    let status = response.status();
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (cache, encoding) = (header("cache-control"), header("content-encoding"));
    let body = response.into_body().collect().await.expect("body").to_bytes().to_vec();
    (status, cache, encoding, body)
}

#[tokio::test]
async fn http_routes_health_static_files_and_app_routes() {
    let site = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    std::fs::write(site.path().join("index.html"), "<html>app</html>").expect("index");
    std::fs::write(site.path().join("radslag-0123456789abcdef.js"), "console.log(1)").expect("js");
    std::fs::write(site.path().join("radslag-0123456789abcdef.js.gz"), "gzipped").expect("js.gz");
    std::fs::write(site.path().join("radslag-0123456789abcdef.js.br"), "brotli").expect("js.br");
    let state = state_with_static(site.path(), data.path());

    let (status, _, _, body) = get(&state, "/healthz", None).await;
    assert_eq!((status, body.as_slice()), (StatusCode::OK, &b"ok"[..]));

    let (status, cache, _, body) = get(&state, "/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"<html>app</html>");
    assert_eq!(cache.as_deref(), Some("no-cache"));

    let (status, cache, _, body) = get(&state, "/meeting/2025-01-01/agenda", None).await;
    assert_eq!((status, body.as_slice()), (StatusCode::OK, &b"<html>app</html>"[..]), "an app route gets index.html");
    assert_eq!(cache.as_deref(), Some("no-cache"));

    let (status, cache, encoding, body) = get(&state, "/radslag-0123456789abcdef.js", Some("gzip")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((encoding.as_deref(), body.as_slice()), (Some("gzip"), &b"gzipped"[..]), "the precompressed copy is served");
    assert_eq!(cache.as_deref(), Some(radslag_relay::static_files::IMMUTABLE));

    let (status, _, encoding, body) = get(&state, "/radslag-0123456789abcdef.js", None).await;
    assert_eq!((status, encoding, body.as_slice()), (StatusCode::OK, None, &b"console.log(1)"[..]));

    // What a browser asks for: brotli when it takes it, the smallest copy built.
    let (status, _, encoding, body) = get(&state, "/radslag-0123456789abcdef.js", Some("gzip, deflate, br")).await;
    assert_eq!((status, encoding.as_deref(), body.as_slice()), (StatusCode::OK, Some("br"), &b"brotli"[..]));

    let (status, cache, _, _) = get(&state, "/radslag-fedcba9876543210.js", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a missing asset is a 404, not index.html cached forever");
    assert_eq!(cache, None);
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_the_page_names_its_inline_scripts() {
    let site = tempfile::tempdir().expect("temp dir");
    let data = tempfile::tempdir().expect("temp dir");
    let html = "<html><head><script type=\"module\">import init from '/a.js';</script><script src=\"/a.js\"></script></head></html>";
    std::fs::write(site.path().join("index.html"), html).expect("index");
    std::fs::write(site.path().join("sw.js"), "self.x = 1").expect("sw");
    let state = state_with_static(site.path(), data.path());
    let headers = |path: &'static str, conditional: bool| {
        let state = state.clone();
        async move {
            let mut request = Request::builder().uri(path);
            if conditional {
                request = request.header("if-modified-since", "Wed, 01 Jan 2098 00:00:00 GMT");
            }
            let response = app(state).oneshot(request.body(Body::empty()).expect("request")).await.expect("response");
            (response.status(), response.headers().clone())
        }
    };
    use sha2::Digest;
    let hash = format!("'sha256-{}'", base64::Engine::encode(&base64::engine::general_purpose::STANDARD, sha2::Sha256::digest(b"import init from '/a.js';")));
    for (path, conditional) in [("/", false), ("/meeting/abc", false), ("/index.html", true)] {
        let (status, h) = headers(path, conditional).await;
        let policy = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        // Revalidating the page (a 304) must name the scripts too: the browser takes its headers.
        assert!(policy.contains(&hash), "{path} ({status}): {policy}");
        assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"), "{policy}");
        assert_eq!(h.get("x-content-type-options").map(|v| v.as_bytes()), Some(&b"nosniff"[..]), "{path}");
        assert_eq!(h.get("x-frame-options").map(|v| v.as_bytes()), Some(&b"DENY"[..]), "{path}");
        assert_eq!(h.get("referrer-policy").map(|v| v.as_bytes()), Some(&b"no-referrer"[..]), "{path}");
    }
    let (_, h) = headers("/sw.js", false).await;
    let policy = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(policy.contains("default-src 'self'") && !policy.contains("sha256"), "the worker's own policy: {policy}");
}

#[tokio::test]
async fn the_relay_moves_a_damaged_chunk_aside_and_serves_the_rest() {
    let data = tempfile::tempdir().expect("temp dir");
    let relay = TestRelay::start(data.path()).await;
    let alice = TestClient::connect("alice", &relay.url());
    let id = alice.create(|_| {});
    alice.put(id, "good", 1);
    alice.wait_saved_on_server(id).await;
    let heads = alice.heads(id);
    relay.stop().await;
    drop(alice);

    let garbage = radslag_protocol::storage::StorageKey::incremental(&id, b"torn write");
    std::fs::write(data.path().join(garbage.0.join("/")), b"torn write").expect("write garbage");

    let relay = TestRelay::start(data.path()).await;
    let bob = TestClient::connect("bob", &relay.url());
    bob.find(id);
    bob.wait_until("the document without the damaged chunk", |b| b.heads(id) == heads).await;
    let damaged = data.path().join("damaged").join(id.to_string());
    let moved: Vec<_> = std::fs::read_dir(&damaged).expect("damaged folder").collect();
    assert_eq!(moved.len(), 1, "the garbage chunk is in {}", damaged.display());
    assert!(!data.path().join(garbage.0.join("/")).exists(), "and no longer among the chunks");
    relay.stop().await;
}
