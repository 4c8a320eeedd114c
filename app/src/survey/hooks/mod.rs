//! The survey's effects: sync, kiosk inactivity and the thank-you
//! countdown, browser history, the document (language, title, text size,
//! focus), the refresh of the instrument and the hospital's names, and
//! that of its published action plans.

pub mod use_countdown;
pub mod use_document;
pub mod use_history;
pub mod use_idle;
pub mod use_instrument_refresh;
pub mod use_public_actions;
pub mod use_rotation;
pub mod use_sync;

pub use use_countdown::use_countdown;
pub use use_document::use_document;
pub use use_history::use_history;
pub use use_idle::use_idle;
pub use use_instrument_refresh::use_instrument_refresh;
pub use use_public_actions::use_public_actions;
pub use use_rotation::use_rotation;
pub use use_sync::{use_sync, SyncHandle};
