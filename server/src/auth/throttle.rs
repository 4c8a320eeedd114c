//! Slowing down password guessing.
//!
//! Each username and each client address counts its failed logins. After
//! `free_failures` of them, the key is locked for a delay that doubles with
//! every further failure (`base_delay · 2^(failures − free − 1)`, at most
//! `max_delay`); a login attempted while locked is refused without checking
//! the password. Unknown usernames are counted like known ones, so a lock
//! does not reveal which accounts exist. A key is forgotten after
//! `forget_after` without failures, or when its password is right.
//!
//! The counts live in the database (`store::limits`), shared by every
//! server on it, and an attempt is counted *before* its password is
//! checked, in one statement with the lock's check: parallel guesses
//! cannot pass the policy, and a restart forgets nothing. Only a right
//! password gives the attempt back.

use std::net::IpAddr;
use std::time::Duration;

use crate::auth::MAX_USERNAME_CHARS;
use crate::store::AttemptPolicy;

/// When to start slowing a key down, and how much.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub free_failures: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    pub forget_after: Duration,
}

impl ThrottlePolicy {
    /// Per username: a person mistyping gets 5 tries, a guesser ~20 an hour.
    pub const USERNAME: ThrottlePolicy = ThrottlePolicy {
        free_failures: 5,
        base_delay: Duration::from_secs(1),
        max_delay: Duration::from_secs(15 * 60),
        forget_after: Duration::from_secs(24 * 60 * 60),
    };
    /// Per address: an office behind one NAT address shares it, so more
    /// room before the delays start.
    pub const ADDRESS: ThrottlePolicy = ThrottlePolicy {
        free_failures: 20,
        base_delay: Duration::from_secs(1),
        max_delay: Duration::from_secs(15 * 60),
        forget_after: Duration::from_secs(24 * 60 * 60),
    };

    /// The policy in the store's whole seconds.
    pub fn in_seconds(&self) -> AttemptPolicy {
        let seconds = |d: Duration| i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
        AttemptPolicy {
            free_failures: i64::from(self.free_failures),
            base_delay: seconds(self.base_delay).max(1),
            max_delay: seconds(self.max_delay).max(1),
            forget_after: seconds(self.forget_after),
        }
    }
}

/// What failed logins are counted against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ThrottleKey {
    /// At most [`MAX_USERNAME_CHARS`] characters: longer names are refused
    /// before anything is counted.
    Username(String),
    Address(IpAddr),
}

impl ThrottleKey {
    /// The key's row in `login_failures`: `u:` and the username, or `a:`
    /// and the address (at most 4 + 64 · 4 bytes… in practice 70).
    pub fn store_key(&self) -> String {
        match self {
            ThrottleKey::Username(name) => format!("u:{name}"),
            ThrottleKey::Address(address) => format!("a:{address}"),
        }
    }

    pub fn policy(&self) -> ThrottlePolicy {
        match self {
            ThrottleKey::Username(_) => ThrottlePolicy::USERNAME,
            ThrottleKey::Address(_) => ThrottlePolicy::ADDRESS,
        }
    }
}

/// Whether `username` may be looked up and counted at all.
pub fn username_fits(username: &str) -> bool {
    !username.is_empty() && username.chars().count() <= MAX_USERNAME_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_short_and_apart() {
        let user = ThrottleKey::Username("alice".into());
        let address = ThrottleKey::Address("10.0.0.7".parse().unwrap());
        assert_eq!(user.store_key(), "u:alice");
        assert_eq!(address.store_key(), "a:10.0.0.7");
        assert_eq!(user.policy().in_seconds().free_failures, 5);
        assert_eq!(address.policy().in_seconds().free_failures, 20);
        assert!(username_fits(&"é".repeat(MAX_USERNAME_CHARS)));
        assert!(!username_fits(&"é".repeat(MAX_USERNAME_CHARS + 1)));
        assert!(!username_fits(""));
    }
}
