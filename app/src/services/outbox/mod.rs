//! The outbox: finished responses waiting to reach the server.
//!
//! Pure logic only (no storage, no network, no clock): the queue itself
//! ([`Outbox`]), the call-back numbers waiting beside it ([`Contacts`]), what the server answered ([`delivery`]), how long to wait
//! before trying again ([`Backoff`]) and the decision taken after each
//! attempt ([`SyncPolicy`]). `services::storage` persists an [`Outbox`] and
//! `services::sync` drives the policy with real HTTP and timers, so every
//! rule here is tested natively and in the browser alike.
//!
//! The invariant: a response that was confirmed written to the outbox leaves
//! it only when the server has `stored` it (or already had it, `duplicate`),
//! or by being moved to the kept-aside list when the server will never
//! accept it (`conflict`, `rejected`, too large). Nothing is retried forever
//! and nothing is dropped silently.

pub mod backoff;
pub mod contacts;
pub mod delivery;
pub mod policy;
pub mod queue;

pub use backoff::Backoff;
pub use contacts::{Contact, Contacts};
pub use delivery::BatchOutcome;
pub use policy::{NextStep, SyncPolicy};
pub use queue::{Enqueued, KeptAside, Outbox, SetAsideReason};
