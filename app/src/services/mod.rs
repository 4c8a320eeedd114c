//! The only I/O of the browser app: storage, HTTP, the clock, randomness
//! and the sync loop. The outbox rules themselves are pure (`outbox`).
//! Shared by the survey and the dashboard bundles.

pub mod clock;
pub mod http;
pub mod json;
pub mod outbox;
pub mod random;
pub mod storage;
pub mod sync;
pub mod uuid;
