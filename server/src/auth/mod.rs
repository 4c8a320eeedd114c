//! Who may read what: administrator roles, password hashes, session tokens
//! and the slow-down of repeated failed logins. Pure apart from the
//! operating system's random numbers; the HTTP side is `http::api::session`.

/// Longer usernames are refused by `create-admin` and never looked up at
/// login.
pub const MAX_USERNAME_CHARS: usize = 64;

mod password;
mod role;
mod throttle;
mod token;

pub use password::{hash_password, unknown_account_hash, verify_password, PasswordError};
pub use role::{Restriction, Role, Scope};
pub use throttle::{username_fits, ThrottleKey, ThrottlePolicy};
pub use token::{new_session_token, token_hash};
