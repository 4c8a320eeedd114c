//! The only I/O of the browser app: storage, HTTP, the clock, randomness
//! and the sync loop. The outbox rules themselves are pure (`outbox`).
//! Shared by the survey and the dashboard bundles.
//!
//! `app/clippy.toml` forbids fetch, storage and the clock everywhere else
//! in the crate; this module is where they are allowed.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

pub mod cases_api;
pub mod clock;
pub mod http;
pub mod json;
pub mod kiosk;
pub mod outbox;
pub mod preferences;
pub mod random;
pub mod rollout_api;
pub mod staff_api;
pub mod staff_requests;
pub mod storage;
pub mod sync;
pub mod uuid;
