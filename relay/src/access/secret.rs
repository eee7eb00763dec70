//! Secrets (invitations, device credentials) and public ids: random bytes from the operating
//! system, written base64url, and the SHA-256 under which a secret is stored and looked up.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Bytes in a secret: 256 bits, beyond guessing however many tries a relay allows.
pub const SECRET_BYTES: usize = 32;

/// Bytes in a public id (of an invitation or a device): unique, not secret.
const ID_BYTES: usize = 8;

/// The longest secret we hash: base64url of 32 bytes is 43 characters; more is not ours.
pub const MAX_SECRET_LEN: usize = 64;

#[derive(Debug, thiserror::Error)]
#[error("the operating system gave no random bytes: {0}")]
pub struct NoRandomness(String);

/// A new secret, base64url without padding (safe in a URL path, query and fragment).
pub fn new_secret() -> Result<String, NoRandomness> {
    random_text::<SECRET_BYTES>()
}

/// A new public id, in hex: an administrator types it after a command, where base64url's
/// leading `-` would read as an option.
pub fn new_id() -> Result<String, NoRandomness> {
    let mut bytes = [0u8; ID_BYTES];
    getrandom::fill(&mut bytes).map_err(|e| NoRandomness(e.to_string()))?;
    Ok(hex(&bytes))
}

/// 16 random bytes for a new council's root document id.
pub fn new_document_bytes() -> Result<[u8; 16], NoRandomness> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| NoRandomness(e.to_string()))?;
    Ok(bytes)
}

fn random_text<const N: usize>() -> Result<String, NoRandomness> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| NoRandomness(e.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// What the store keeps of a secret: SHA-256, hex. Lookups compare these, never the secret.
pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_url_safe_and_differ() {
        let (a, b) = (new_secret().expect("random"), new_secret().expect("random"));
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{a}");
        assert_eq!(hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let id = new_id().expect("random");
        assert!(id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    }
}
