//! Which browser pages may open `/sync`: a WebSocket is not bound by the same-origin policy, so
//! without this check any web page a member visits could sync with the relay in their name.

/// Whether a WebSocket upgrade with `origin` (the header, if sent) to `host` (the Host header)
/// is allowed: no Origin (not a browser), the relay's own host, or one of `allowed`.
pub fn allowed(origin: Option<&str>, host: Option<&str>, allowed: &[String]) -> bool {
    let Some(origin) = origin else { return true };
    let origin = origin.trim().trim_end_matches('/');
    if allowed.iter().any(|a| a.trim().trim_end_matches('/').eq_ignore_ascii_case(origin)) {
        return true;
    }
    // `scheme://host[:port]`; "null" (a sandboxed page, a file) has no authority and fails.
    let authority = origin.split_once("://").map(|(_, rest)| rest);
    match (authority, host) {
        (Some(authority), Some(host)) => !authority.is_empty() && authority.eq_ignore_ascii_case(host.trim()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn only_the_relays_own_pages_listed_origins_and_non_browsers_pass() {
        let listed = vec!["http://127.0.0.1:5173".to_string()];
        let check = |origin: Option<&str>, host: Option<&str>, expected: bool| assert_eq!(allowed(origin, host, &listed), expected, "{origin:?} → {host:?}");
        check(None, Some("relay.example:8080"), true);
        check(Some("https://relay.example:8080"), Some("relay.example:8080"), true);
        check(Some("https://RELAY.example"), Some("relay.example"), true);
        check(Some("http://127.0.0.1:5173"), Some("127.0.0.1:8080"), true);
        check(Some("http://127.0.0.1:5173/"), Some("127.0.0.1:8080"), true);
        check(Some("https://evil.example"), Some("relay.example"), false);
        check(Some("https://relay.example.evil.example"), Some("relay.example"), false);
        check(Some("http://127.0.0.1:5174"), Some("127.0.0.1:8080"), false);
        check(Some("null"), Some("relay.example"), false);
        check(Some("https://relay.example"), None, false);
    }
}
