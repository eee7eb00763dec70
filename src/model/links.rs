//! Links a user typed (a meeting's video link, decision material) are shown as links only when
//! they are web addresses: a `javascript:` or `data:` text must never become a clickable script.

/// `text` as a link target if it is an `http:` or `https:` address with a host, else `None`
/// (show it as plain text instead).
pub fn web_link(text: &str) -> Option<&str> {
    let t = text.trim();
    let (scheme, rest) = t.split_once("://")?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (web && !host.is_empty() && !t.chars().any(char::is_control)).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::web_link;

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_link(" https://meet.example.org/abc "), Some("https://meet.example.org/abc"));
        assert_eq!(web_link("HTTP://teams.microsoft.com/l/x"), Some("HTTP://teams.microsoft.com/l/x"));
        for bad in ["javascript:alert(1)", "JaVaScRiPt://x.se/%0aalert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example", "https://", "http:///x", "https://a.se/\u{0}x", "ftp://files.se"] {
            assert_eq!(web_link(bad), None, "{bad:?} must not be a link");
        }
    }
}
