//! Webhook notifications (docs/formats.md §6): the body of each event
//! (`payload`, no free text and nothing identifying a patient), its
//! signature (`signature`), and the background task that delivers the
//! persistent outbox at least once (`deliverer`).

pub mod deliverer;
pub mod payload;
pub mod signature;

pub use deliverer::{Deliverer, DeliveryPolicy};
pub use payload::{case_event, CaseLinks, Event};
pub use signature::{sign, SIGNATURE_HEADER};
