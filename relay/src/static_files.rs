//! The built app under `--static`: files as they are (or their precompressed `.br`/`.gz`
//! copies), `index.html` for the app's own routes, and cache headers by whether a name is hashed.

use std::convert::Infallible;
use std::path::Path;

use axum::extract::Request;
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Hashed assets never change under their name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (index.html above all) is revalidated, so a new release is picked up.
pub const REVALIDATE: &str = "no-cache";

/// A service for the app's files in `dir`, for `Router::fallback_service`.
pub fn service(dir: &Path) -> axum::routing::MethodRouter {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    let index = ServeFile::new(dir.join("index.html")).precompressed_br().precompressed_gzip();
    let app_routes = files.clone().fallback(index);
    axum::routing::get(move |request: Request| {
        let (files, app_routes) = (files.clone(), app_routes.clone());
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
            Ok::<_, Infallible>(response)
        }
    })
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
    fn file_names_and_app_routes_are_told_apart() {
        let check = |path: &str, file: bool| assert_eq!(names_a_file(path), file, "{path}");
        check("/app-0123456789abcdef.js", true);
        check("/index.html", true);
        check("/", false);
        check("/meeting/abc", false);
        check("/.hidden", false);
    }
}
