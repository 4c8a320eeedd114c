//! Kiosk ids, one-time setup codes and kiosk secrets: random, given out
//! once, stored only as their SHA-256 (`auth::token_hash`).

use argon2::password_hash::rand_core::{OsRng, RngCore};

use crate::auth::token_hash;

/// A setup code has 128 random bits: enough against guessing (it works
/// once, and claims are rate-limited) and short enough for a QR code a
/// tablet's camera reads at once.
pub const SETUP_CODE_BYTES: usize = 16;
/// A kiosk's heartbeat secret: 256 random bits, like a session token.
pub const KIOSK_SECRET_BYTES: usize = 32;

fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buffer);
    hex::encode(buffer)
}

/// A kiosk id: 16 lower-case hex digits (64 random bits; the primary key
/// refuses the unlikely repeat).
pub fn new_kiosk_id() -> String {
    random_hex(8)
}

/// A new code or secret of `bytes` random bytes, as hex, and its hash.
pub fn new_secret(bytes: usize) -> (String, [u8; 32]) {
    let secret = random_hex(bytes);
    let hash = token_hash(&secret);
    (secret, hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_fresh_hex_of_their_length() {
        let (a, hash) = new_secret(SETUP_CODE_BYTES);
        let (b, _) = new_secret(SETUP_CODE_BYTES);
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a), hash);
        assert_eq!(new_secret(KIOSK_SECRET_BYTES).0.len(), 64);
        let id = new_kiosk_id();
        assert_eq!(id.len(), 16);
        assert!(id.bytes().all(|c| c.is_ascii_hexdigit()));
    }
}
