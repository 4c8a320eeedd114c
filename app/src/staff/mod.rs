//! What the staff bundles (roll-out `/admin/rollout/`, cases
//! `/admin/cases/`) share: the session and signing in, the header with the links between
//! the staff pages, and placing a server's refusal next to its field.
//! The dashboard keeps its own header, smaller for its wasm budget.

pub mod field_error;
pub mod session;
pub mod sign_in;
pub mod top_bar;
pub mod words;
