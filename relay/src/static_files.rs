//! The built app under `--static`: files as they are (or their precompressed `.br`/`.gz`
//! copies), `index.html` for the app's own routes, cache headers by whether a name is hashed, and
//! security headers on everything: a Content-Security-Policy that lets only the app's own files,
//! its WebAssembly and index.html's own inline scripts (by hash) run, no framing (the approve
//! button must not be clickjacked), no MIME sniffing, no referrer.

use std::convert::Infallible;
use std::path::Path;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS};
use axum::http::HeaderValue;
use base64::Engine;
use sha2::{Digest, Sha256};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Hashed assets never change under their name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (index.html above all) is revalidated, so a new release is picked up.
pub const REVALIDATE: &str = "no-cache";

/// A service for the app's files in `dir`, for `Router::fallback_service`.
pub fn service(dir: &Path) -> axum::routing::MethodRouter {
    let index_path = dir.join("index.html");
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    let index = ServeFile::new(dir.join("index.html")).precompressed_br().precompressed_gzip();
    let app_routes = files.clone().fallback(index);
    axum::routing::get(move |request: Request| {
        let (files, app_routes, index_path) = (files.clone(), app_routes.clone(), index_path.clone());
        async move {
            let path = request.uri().path().to_string();
            // A path that names a file is that file or 404; any other path is a route of the
            // app, answered with index.html so reloading a deep link works.
            let response = if names_a_file(&path) {
                files.oneshot(request).await.map(IntoResponse::into_response)
            } else {
                app_routes.oneshot(request).await.map(IntoResponse::into_response)
            };
            let mut response: Response = match response {
                Ok(r) => r,
                Err(never) => match never {},
            };
            if response.status().is_success() {
                let policy = if is_hashed_asset(&path) { IMMUTABLE } else { REVALIDATE };
                response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(policy));
            }
            // The page's policy names its inline scripts, read from the index.html served now,
            // so a new release in the folder is covered without a restart.
            // Decided by the path, not the Content-Type: a 304 for the page carries none, and the
            // browser takes the 304's headers over the kept copy's.
            let is_page = !names_a_file(&path) || path.ends_with(".html");
            let index = if is_page {
                tokio::fs::read_to_string(&index_path).await.unwrap_or_else(|e| {
                    tracing::warn!("cannot read {} for its script hashes: {e}; the page's inline scripts will not run", index_path.display());
                    String::new()
                })
            } else {
                String::new()
            };
            add_security_headers(response.headers_mut(), &index);
            Ok::<_, Infallible>(response)
        }
    })
}

/// The policy for a page whose HTML is `index_html` (empty for a file that is not a page).
/// `'wasm-unsafe-eval'` is what compiling the app's WebAssembly needs, nothing more; the sync
/// server may be another origin (Settings), so WebSockets may go anywhere.
pub fn content_security_policy(index_html: &str) -> String {
    let scripts: String = inline_scripts(index_html)
        .map(|body| format!(" 'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()))))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'; img-src 'self' data: blob:; \
         connect-src 'self' ws: wss:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The text of every `<script>` in `html` that has no `src`, as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}

fn add_security_headers(headers: &mut axum::http::HeaderMap, index_html: &str) {
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(index_html)) {
        headers.insert(CONTENT_SECURITY_POLICY, policy);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}

/// Whether the last segment of `path` looks like a file name (has an extension).
pub fn names_a_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
}

/// Whether a file name carries a content hash, as trunk writes them: `name-<hex>.js`,
/// `name-<hex>_bg.wasm`, `style-<hex>.css` (and their `.br`/`.gz` copies).
pub fn is_hashed_asset(path: &str) -> bool {
    const MIN_HASH_LEN: usize = 8;
    let name = path.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(base, hash)| !base.is_empty() && hash.len() >= MIN_HASH_LEN && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_recognised() {
        let check = |path: &str, hashed: bool| assert_eq!(is_hashed_asset(path), hashed, "{path}");
        check("/radslag-4f3a2b1c9d8e7f60.js", true);
        check("/radslag-4f3a2b1c9d8e7f60_bg.wasm", true);
        check("/style-0123456789abcdef.css", true);
        check("/index.html", false);
        check("/", false);
        check("/meeting/2024-05-01", false);
        check("/favicon.ico", false);
        check("/radslag-abc.js", false);
    }

    #[test]
    fn the_policy_names_exactly_the_pages_inline_scripts() {
        let html = "<head><script type=\"module\">import init from '/a.js';</script><script src=\"/x.js\"></script>\
                    <script>\n  navigator.serviceWorker.register('sw.js');\n</script></head>";
        let policy = content_security_policy(html);
        let hash = |s: &str| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes())));
        assert!(policy.contains(&hash("import init from '/a.js';")), "{policy}");
        assert!(policy.contains(&hash("\n  navigator.serviceWorker.register('sw.js');\n")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 2, "a script with src is not hashed: {policy}");
        for part in ["frame-ancestors 'none'", "'wasm-unsafe-eval'", "object-src 'none'"] {
            assert!(policy.contains(part), "{part} in {policy}");
        }
        assert!(!policy.contains("unsafe-inline"));
        assert!(!content_security_policy("").contains("sha256"));
    }

    #[test]
    fn file_names_and_app_routes_are_told_apart() {
        let check = |path: &str, file: bool| assert_eq!(names_a_file(path), file, "{path}");
        check("/app-0123456789abcdef.js", true);
        check("/index.html", true);
        check("/", false);
        check("/meeting/abc", false);
        check("/.hidden", false);
    }
}
