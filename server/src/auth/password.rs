//! Password hashes: argon2id with the crate's defaults (19 MiB, 2 passes,
//! the OWASP minimum), stored as PHC strings that carry their own salt
//! and parameters, so stronger parameters later still verify old hashes.

use std::sync::OnceLock;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use thiserror::Error;

/// Fewer characters than this are refused when an account is created.
pub(crate) const MIN_PASSWORD_CHARS: usize = 8;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("could not hash the password: {0}")]
    Hash(String),
}

pub fn hash_password(password: &str) -> Result<String, PasswordError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordError::TooShort);
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`. A malformed hash
/// matches nothing.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash to verify against when the username is unknown, so that a wrong
/// username costs as long as a wrong password and the timing does not tell
/// which accounts exist. Made from random bytes nobody knows.
pub fn unknown_account_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let mut secret = [0u8; 32];
        OsRng.fill_bytes(&mut secret);
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(&secret, &salt)
            .map(|hash| hash.to_string())
            // Hashing fixed-size bytes with a generated salt cannot fail;
            // an empty hash would still match no password.
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = hash_password("tiyan-demo").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("tiyan-demo", &hash));
        assert!(!verify_password("tiyan-demo ", &hash));
        assert!(!verify_password("", &hash));
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_their_salt() {
        assert_ne!(
            hash_password("same password").unwrap(),
            hash_password("same password").unwrap()
        );
    }

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(hash_password("1234567"), Err(PasswordError::TooShort));
    }

    #[test]
    fn malformed_or_unknown_hashes_match_nothing() {
        assert!(!verify_password("x", "not a hash"));
        assert!(!verify_password("", unknown_account_hash()));
        assert!(unknown_account_hash().starts_with("$argon2id$"));
    }
}
